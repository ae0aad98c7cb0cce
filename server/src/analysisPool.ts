/**
 * Runs analyses on one worker thread, one at a time: open documents before
 * the background index, jobs for superseded versions dropped before they
 * start, a stuck analysis stopped after a bound. The server's own bundle
 * carries no analysis code: the core is loaded once, in the worker.
 */
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { AnalysisOptions, DocumentAnnotations, Paragraph } from './analysis';
import type { WorkerAnswer, WorkerJob } from './analysisWorker';

/** What the core returns that the server keeps. */
export interface CoreResult {
	annotations: DocumentAnnotations;
	paragraphs: Paragraph[];
}

/** The error a request gets when its document changed before its analysis started (editors drop it quietly). */
export const superseded = () => new ResponseError(LSPErrorCodes.ContentModified, 'The document changed; this answer is no longer needed.');

interface Job {
	job: WorkerJob;
	priority: 'high' | 'low';
	stale: () => boolean;
	resolve(r: CoreResult): void;
	reject(e: unknown): void;
	timer?: NodeJS.Timeout;
}

/** The queue of analyses and the thread that runs them. */
export class AnalysisPool {
	private worker: Worker | null = null;
	private readonly queue: Job[] = [];
	private current: Job | null = null;
	private nextId = 1;

	constructor(
		private readonly workerFile: string | null,
		private readonly log: (message: string) => void = () => {},
		private readonly timeoutMs = 120_000,
	) {
		if (workerFile && !fs.existsSync(workerFile)) this.workerFile = null;
	}

	/** Analyses a text; `high` jobs (open documents) run before `low` ones (the index). */
	run(text: string, options: AnalysisOptions, priority: 'high' | 'low', stale: () => boolean = () => false): Promise<CoreResult> {
		return new Promise((resolve, reject) => {
			const job: Job = { job: { id: this.nextId++, text, options }, priority, stale, resolve, reject };
			const at = priority === 'high' ? this.queue.findIndex((j) => j.priority === 'low') : -1;
			if (at < 0) this.queue.push(job);
			else this.queue.splice(at, 0, job);
			this.pump();
		});
	}

	/** Stops the worker and fails what is queued. */
	dispose(): void {
		for (const j of this.queue.splice(0)) j.reject(superseded());
		void this.worker?.terminate();
		this.worker = null;
	}

	private pump(): void {
		while (!this.current && this.queue.length) {
			const next = this.queue.shift()!;
			if (next.stale()) {
				next.reject(superseded());
				continue;
			}
			this.current = next;
			if (!this.workerFile) setImmediate(() => this.settle({ id: next.job.id, error: 'the analysis worker script is missing from the installation' }));
			else {
				next.timer = setTimeout(() => this.stuck(next), this.timeoutMs);
				this.thread().postMessage(next.job);
			}
		}
	}

	private thread(): Worker {
		if (this.worker) return this.worker;
		const w = new Worker(this.workerFile!);
		w.on('message', (answer: WorkerAnswer) => this.settle(answer));
		w.on('error', (e) => this.crashed(w, e));
		w.on('exit', (code) => this.crashed(w, new Error(`the analysis worker exited with status ${code}`)));
		w.unref();
		return (this.worker = w);
	}

	private settle(answer: WorkerAnswer): void {
		const job = this.current;
		if (!job || job.job.id !== answer.id) return;
		clearTimeout(job.timer);
		this.current = null;
		if ('error' in answer) job.reject(new Error(answer.error));
		else job.resolve({ annotations: answer.annotations, paragraphs: answer.paragraphs });
		this.pump();
	}

	private crashed(w: Worker, e: Error): void {
		if (this.worker !== w) return;
		this.worker = null;
		this.log(`Analysis worker stopped: ${e.message}`);
		if (this.current) this.settle({ id: this.current.job.id, error: e.message });
	}

	// An analysis that never ends would stall every later one: stop the thread; the next job starts a fresh one.
	private stuck(job: Job): void {
		if (this.current !== job) return;
		const w = this.worker;
		this.worker = null;
		void w?.terminate();
		this.settle({ id: job.job.id, error: `the analysis took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped` });
	}
}
