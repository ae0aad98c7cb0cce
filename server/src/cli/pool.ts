/**
 * The worker threads of `seed-lens analyze`: a queue of files fed while the inputs are still being
 * listed, sent to the threads in batches (two batches in flight per thread, so a thread never waits
 * for the main thread), and the results handed back as they arrive. A thread that stops (a crash in
 * the core, out of memory) is replaced; the files it held are tried again one at a time, and the
 * one it stops on alone gets an error result instead of ending the run.
 */
import { Worker } from 'node:worker_threads';
import { failed, type Batch, type BatchAnswer, type Task, type TaskResult, type WorkerSetup } from './tasks';

/**
 * The analysis makes many short-lived objects: a young generation of 32 MB collects them in few,
 * cheap pauses. (The editor's threads take 64 MB for megabyte documents; on a corpus of news-sized
 * files that only added 45 MB of memory per thread.)
 */
const YOUNG_GENERATION_MB = 32;
/** The most files sent in one message: enough to make messages cheap, few enough to keep the threads evenly loaded at the end. */
const MAX_BATCH = 16;
const IN_FLIGHT = 2;
/**
 * A thread whose heap has grown past this (since it loaded the syntax model) is replaced by a fresh one once its batches are done. The
 * core keeps caches from file to file (word forms, the tagger's per-word scores) that fill up to
 * bounds meant for one editor thread; a corpus with an endless supply of new words (names, figures)
 * would otherwise hold two threads near 300 MB each. A news corpus's vocabulary stays far below.
 */
// SEED_LENS_TEST_HEAP_BUDGET_MB: a test hook, to replace the threads after every batch.
const HEAP_BUDGET_MB = Number(process.env.SEED_LENS_TEST_HEAP_BUDGET_MB) || 96;
/**
 * By default a thread past the first starts only once this many files are waiting. Each thread warms up
 * on its own (loading the core and its models, compiling its code and patterns, filling its caches: a
 * second or two of CPU), and V8's compiler and collector threads of one busy thread already take part
 * of a second core. Since claims are read from the parse a news file costs about three times as much,
 * and the warm-up pays off sooner: on two cores, 120 news files took 2.7 s on one thread and 3.0 s on
 * two, 240 files 4.9 s and 4.0 s, 960 files 15.1 s and 9.5 s. (Before the parse, 960 files took 2.8 s
 * on one thread and 3.4 s on two, and this was 2,500.)
 */
export const FILES_FOR_MORE_THREADS = 200;
/** The most files listed ahead of the threads: the listing runs ahead (for the progress bar's total) within a bounded memory. */
const LOOKAHEAD = 100_000;

interface Slot {
	worker: Worker | null;
	inFlight: Map<number, Task[]>;
	/** Running one suspect file alone: nothing else is sent until it answers. */
	alone: boolean;
	/** Over its heap budget: nothing more is sent, and the thread is replaced when its batches are in. */
	retiring: boolean;
}

/** Runs tasks on `jobs` threads; `deliver` receives each batch's results, `limit` (when given) is the first task index not yet to be sent. */
export class WorkerPool {
	private readonly slots: Slot[];
	private queue: Task[] = [];
	private head = 0;
	/** Files of a stopped thread, tried again one at a time. */
	private readonly suspects: Task[] = [];
	private ended = false;
	/** Threads past the first have been started (they are replaced, not stopped, from then on). */
	private extra = false;
	private nextBatch = 0;
	private pumpScheduled = false;
	private room: (() => void) | null = null;
	private finished!: () => void;
	/** Resolves when every task has its result and the threads are stopped. */
	readonly done = new Promise<void>((resolve) => (this.finished = resolve));

	constructor(
		private readonly workerFile: string,
		jobs: number,
		private readonly setup: WorkerSetup,
		private readonly deliver: (results: TaskResult[]) => void,
		private readonly limit: () => number = () => Infinity,
		/** Threads past the first start only once this many files are waiting (0: at once). */
		private readonly waitingForMore = 0,
	) {
		this.slots = Array.from({ length: jobs }, () => ({ worker: null, inFlight: new Map(), alone: false, retiring: false }));
		// The first thread starts now, loading the core and its models while the inputs are listed; the
		// others with their first batch, a moment later (so one file never starts two threads).
		this.start(this.slots[0]);
	}

	/** Queues a task; waits while the queue is full. */
	async push(task: Task): Promise<void> {
		this.queue.push(task);
		this.schedulePump();
		if (this.queue.length - this.head >= LOOKAHEAD) await new Promise<void>((resolve) => (this.room = resolve));
	}

	/** No more tasks will come. */
	end(): void {
		this.ended = true;
		this.schedulePump();
	}

	/** Lets the pool send more once the output has moved on (ordered output holds results back). */
	moved(): void {
		this.schedulePump();
	}

	private schedulePump(): void {
		if (this.pumpScheduled) return;
		this.pumpScheduled = true;
		setImmediate(() => {
			this.pumpScheduled = false;
			this.pump();
		});
	}

	private pump(): void {
		const waiting = () => this.queue.length - this.head;
		for (const slot of this.slots) {
			if (slot.retiring && !slot.inFlight.size) this.retire(slot);
			if (slot !== this.slots[0] && !slot.worker && !this.extra && waiting() < this.waitingForMore) continue;
			while (!slot.alone && !slot.retiring && slot.inFlight.size < IN_FLIGHT) {
				if (this.suspects.length) {
					if (slot.inFlight.size) break;
					slot.alone = true;
					this.send(slot, [this.suspects.shift()!]);
					break;
				}
				// Near the end, smaller batches keep every thread busy until the last file.
				const share = this.ended ? Math.ceil(waiting() / (this.slots.length * IN_FLIGHT)) : MAX_BATCH;
				const limit = this.limit();
				let n = 0;
				while (n < Math.min(MAX_BATCH, share) && this.head + n < this.queue.length && this.queue[this.head + n].i < limit) n++;
				if (!n) break;
				this.send(slot, this.queue.slice(this.head, this.head + n));
				this.head += n;
			}
		}
		if (this.head > 4096 && this.head * 2 > this.queue.length) {
			this.queue = this.queue.slice(this.head);
			this.head = 0;
		}
		if (this.room && waiting() < LOOKAHEAD) {
			const r = this.room;
			this.room = null;
			r();
		}
		if (this.ended && !waiting() && !this.suspects.length && this.slots.every((s) => !s.inFlight.size)) this.stop();
	}

	private send(slot: Slot, tasks: Task[]): void {
		const batch = this.nextBatch++;
		slot.inFlight.set(batch, tasks);
		this.start(slot).postMessage({ batch, tasks } satisfies Batch);
	}

	private start(slot: Slot): Worker {
		if (slot.worker) return slot.worker;
		if (slot !== this.slots[0]) this.extra = true;
		const w = new Worker(this.workerFile, { workerData: this.setup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
		w.on('message', (answer: BatchAnswer) => this.answered(slot, answer));
		w.on('error', (e) => this.stopped(slot, w, e.message));
		w.on('exit', (code) => this.stopped(slot, w, `exit status ${code}`));
		return (slot.worker = w);
	}

	private answered(slot: Slot, answer: BatchAnswer): void {
		if (!slot.inFlight.delete(answer.batch)) return;
		slot.alone = false;
		if (answer.grownMB > HEAP_BUDGET_MB) slot.retiring = true;
		this.deliver(answer.results);
		this.schedulePump();
	}

	// The thread is gone with what it held: the one file it ran alone failed; any others are tried again alone.
	private stopped(slot: Slot, w: Worker, reason: string): void {
		if (slot.worker !== w) return;
		slot.worker = null;
		const held = [...slot.inFlight.values()].flat();
		slot.inFlight.clear();
		if (slot.alone && held.length === 1)
			this.deliver([failed(held[0], `the analysis thread stopped on this file (${reason})`, this.setup, this.setup.out === undefined)]);
		else this.suspects.push(...held.sort((a, b) => a.i - b.i));
		slot.alone = false;
		slot.retiring = false;
		this.schedulePump();
	}

	// The next batch for this slot starts a fresh thread.
	private retire(slot: Slot): void {
		const w = slot.worker;
		slot.worker = null;
		slot.retiring = false;
		void w?.terminate();
	}

	private stop(): void {
		for (const slot of this.slots) {
			const w = slot.worker;
			slot.worker = null;
			void w?.terminate();
		}
		this.finished();
	}
}
