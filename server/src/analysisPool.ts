/**
 * Runs analyses on worker threads, one job per thread at a time: open
 * documents before the background index, jobs for superseded versions dropped
 * before they start, a stuck analysis stopped after a bound. The server's own
 * bundle carries no analysis code: the core is loaded in the workers.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { LSPErrorCodes, ResponseError, type Diagnostic } from 'vscode-languageserver';
import type { AnalysisOptions, CoreAnalysis } from './analysis';
import { SECTION_THRESHOLD } from './analysis/sections';
import type { EarlyDiagnostics, Forget, PublishRequest, Release, WorkerAnswer, WorkerJob } from './workerProtocol';
import type { TextSource } from './positions';
import { changedRegion } from './positions';
import { jsonList, type OutgoingList } from './rawJson';
import type { FileSummary } from './workspace/summary';

/** The error a request gets when its document changed before its analysis started (editors drop it quietly). */
export const superseded = () => new ResponseError(LSPErrorCodes.ContentModified, 'The document changed; this answer is no longer needed.');

interface Job {
	/** The job without its text, and the text (an open document's may be unassembled), sent whole or as a delta. */
	job: Omit<WorkerJob, 'text' | 'delta' | 'keep'>;
	text: TextSource;
	priority: 'high' | 'low';
	stale: () => boolean;
	/** The lane an open document's jobs run on, where its sections and last result are kept. */
	lane?: number;
	resolve(r: WorkerAnswer): void;
	reject(e: unknown): void;
	/** Receives the diagnostics the worker words before its answer, when the job asked for them; the answer follows once it settles. */
	early?: (read: () => OutgoingList<Diagnostic>) => Promise<unknown>;
	timer?: NodeJS.Timeout;
}

/** One worker thread and the job it is running. */
interface Lane {
	worker: Worker | null;
	current: Job | null;
	/** The base text the thread keeps for each long document (the same string), cleared with a new thread. */
	bases: Map<string, string>;
}

/**
 * The longest changed region sent as a delta: beyond it, the whole text is sent and becomes the new
 * base. Copying a megabyte to a thread holds the server's thread for milliseconds; typing changes a few characters.
 */
const MAX_DELTA = 1 << 16;

/**
 * The analysis makes many short-lived objects: a larger young generation than V8's default collects
 * them in fewer, cheaper pauses (a megabyte analysed ~10 % faster, and fewer collections competing
 * for the cores while the user types).
 */
export const YOUNG_GENERATION_MB = 64;

/** The queue of analyses and the threads that run them. */
export class AnalysisPool {
	private readonly queue: Job[] = [];
	private readonly lanes: Lane[];
	private nextId = 1;

	constructor(
		private readonly workerFile: string | null,
		private readonly log: (message: string) => void = () => {},
		private readonly timeoutMs = 120_000,
		// One thread per core, at most two: the index of a large workspace is built in half the time,
		// and an open document never waits behind more than one file of the index.
		threads = Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length)),
	) {
		if (workerFile && !fs.existsSync(workerFile)) this.workerFile = null;
		this.lanes = Array.from({ length: threads }, () => ({ worker: null, current: null, bases: new Map() }));
	}

	/**
	 * Analyses a text; `high` jobs (open documents) run before `low` ones (the index). With
	 * `publish`, the worker also words the result's diagnostics and hands them to `early` first.
	 */
	run(
		text: string,
		options: AnalysisOptions,
		priority: 'high' | 'low',
		stale: () => boolean = () => false,
		publish?: { request: PublishRequest; early: (read: () => OutgoingList<Diagnostic>) => Promise<unknown> },
		key?: string,
	): Promise<CoreAnalysis> {
		return new Promise((resolve, reject) => {
			const job: Job = {
				job: { id: this.nextId++, options, publish: publish?.request, key },
				text,
				priority,
				stale,
				lane: this.laneOf(key, text),
				resolve: (r) =>
					'annotations' in r
						? resolve({ annotations: r.annotations, paragraphs: r.paragraphs })
						: reject(new Error('the analysis thread answered a job without its result')),
				reject,
				early: publish?.early,
			};
			this.enqueue(job);
		});
	}

	/** Analyses a file of the workspace index and answers with its summary only (after the open documents' jobs). */
	summarize(text: string, options: AnalysisOptions, stale: () => boolean = () => false): Promise<FileSummary> {
		return new Promise((resolve, reject) => {
			this.enqueue({
				job: { id: this.nextId++, options, summary: true },
				text,
				priority: 'low',
				stale,
				resolve: (r) => ('summary' in r ? resolve(r.summary) : reject(new Error('the analysis thread answered a job without its summary'))),
				reject,
			});
		});
	}

	/**
	 * Prepares the analysis and the diagnostics of an open document's version while the user types
	 * (`all`): its thread keeps them, and the job for the version that stays (after the typing delay)
	 * finds its work done; or only the sections of a long document (`sections`), so that the next
	 * analysis re-reads little. With `ready`, an `all` job hands its diagnostics over as soon as they
	 * are worded, unless the version is stale by then (the document's analysis stays on its thread).
	 * Dropped when a newer version arrives before it starts.
	 */
	prepare(
		text: TextSource,
		options: AnalysisOptions,
		key: string,
		stale: () => boolean,
		request: PublishRequest,
		what: 'all' | 'sections' = 'all',
		ready?: (diagnostics: OutgoingList<Diagnostic>) => void,
	): Promise<void> {
		return new Promise((resolve) => {
			const job: Job = {
				job: { id: this.nextId++, options, publish: request, key, prepare: what },
				text,
				priority: 'high',
				early: ready && (async (read) => ready(read())),
				stale,
				lane: this.laneOf(key, text),
				resolve: () => resolve(),
				reject: () => resolve(),
			};
			this.enqueue(job);
		});
	}

	/** Lets the threads drop what they keep of a closed document. */
	forget(key: string): void {
		for (const lane of this.lanes) {
			lane.bases.delete(key);
			lane.worker?.postMessage({ forget: key } satisfies Forget);
		}
	}

	private enqueue(job: Job): void {
		const at = job.priority === 'high' ? this.queue.findIndex((j) => j.priority === 'low') : -1;
		if (at < 0) this.queue.push(job);
		else this.queue.splice(at, 0, job);
		this.pump();
	}

	// One lane per long document, by a hash of its URI: its section cache and last result live there.
	// A short one takes any free lane: read again from scratch, it costs a few milliseconds.
	private laneOf(key: string | undefined, text: TextSource): number | undefined {
		if (key === undefined || text.length <= SECTION_THRESHOLD) return undefined;
		let h = 0;
		for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
		return Math.abs(h) % this.lanes.length;
	}

	/** Stops the workers and fails what is queued. */
	dispose(): void {
		for (const j of this.queue.splice(0)) j.reject(superseded());
		for (const lane of this.lanes) {
			void lane.worker?.terminate();
			lane.worker = null;
		}
	}

	private pump(): void {
		for (const lane of this.lanes) {
			const index = this.lanes.indexOf(lane);
			while (!lane.current) {
				const at = this.queue.findIndex((j) => j.lane === undefined || j.lane === index);
				if (at < 0) break;
				const next = this.queue.splice(at, 1)[0];
				if (next.stale()) {
					next.reject(superseded());
					continue;
				}
				lane.current = next;
				if (!this.workerFile) setImmediate(() => this.settle(lane, { id: next.job.id, error: 'the analysis worker script is missing from the installation' }));
				else {
					next.timer = setTimeout(() => this.stuck(lane, next), this.timeoutMs);
					const worker = this.thread(lane);
					worker.postMessage(this.message(lane, next));
				}
			}
		}
	}

	// A long document's text goes as the change from its base on that thread when the change is small.
	private message(lane: Lane, job: Job): WorkerJob {
		const { text } = job;
		const key = job.job.key;
		if (job.lane === undefined || key === undefined) return { ...job.job, text: whole(text) };
		const base = lane.bases.get(key);
		if (base !== undefined) {
			const { start, end, afterEnd } = changedRegion(base, text);
			if (afterEnd - start <= MAX_DELTA) return { ...job.job, delta: { start, end, middle: text.slice(start, afterEnd) } };
		}
		const full = whole(text);
		lane.bases.set(key, full);
		return { ...job.job, text: full, keep: true };
	}

	private thread(lane: Lane): Worker {
		if (lane.worker) return lane.worker;
		lane.bases.clear();
		// The thread's standard output and error are its own streams, read into the log: a stray
		// console.log on a thread must never write into the server's LSP stream.
		const w = new Worker(this.workerFile!, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }, stdout: true, stderr: true });
		for (const [name, stream] of [
			['output', w.stdout],
			['error output', w.stderr],
		] as const) {
			stream.setEncoding('utf8');
			stream.on('data', (chunk: string) => {
				for (const line of chunk.split('\n')) if (line.trim()) this.log(`Analysis thread ${name}: ${line}`);
			});
		}
		w.on('message', (answer: WorkerAnswer | EarlyDiagnostics) => ('diagnosticsJson' in answer ? this.early(lane, answer) : this.settle(lane, answer)));
		w.on('error', (e) => this.crashed(lane, w, e));
		w.on('exit', (code) => this.crashed(lane, w, new Error(`the analysis worker exited with status ${code}`)));
		w.unref();
		return (lane.worker = w);
	}

	private settle(lane: Lane, answer: WorkerAnswer): void {
		const job = lane.current;
		if (!job || job.job.id !== answer.id) return;
		clearTimeout(job.timer);
		lane.current = null;
		if ('error' in answer) job.reject(new Error(answer.error));
		else job.resolve(answer);
		this.pump();
	}

	private early(lane: Lane, e: EarlyDiagnostics): void {
		const job = lane.current;
		const worker = lane.worker;
		const release = () => worker?.postMessage({ release: e.id } satisfies Release);
		// Nobody reads the diagnostics of a version already edited again: they are not even parsed.
		if (job && job.job.id === e.id && job.early && !job.stale()) void job.early(() => jsonList<Diagnostic>(e.diagnosticsJson)).then(release, release);
		else release();
	}

	private crashed(lane: Lane, w: Worker, e: Error): void {
		if (lane.worker !== w) return;
		lane.worker = null;
		this.log(`Analysis worker stopped: ${e.message}`);
		if (lane.current) this.settle(lane, { id: lane.current.job.id, error: e.message });
	}

	// An analysis that never ends would stall every later one: stop the thread; the next job starts a fresh one.
	private stuck(lane: Lane, job: Job): void {
		if (lane.current !== job) return;
		const w = lane.worker;
		lane.worker = null;
		void w?.terminate();
		this.settle(lane, { id: job.job.id, error: `the analysis took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped` });
	}
}

const whole = (text: TextSource): string => (typeof text === 'string' ? text : text.slice(0, text.length));
