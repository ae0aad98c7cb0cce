/**
 * The analysis worker: runs the core on a worker thread so that a long
 * analysis (a megabyte of text takes seconds) never holds the server's event
 * loop — requests, cancellations and other documents are served meanwhile.
 */
import { parentPort } from 'node:worker_threads';
import { analysisCache, analyzeDocument, type AnalysisOptions } from './analysis';

/** A job sent to the worker. */
export interface WorkerJob {
	id: number;
	text: string;
	options: AnalysisOptions;
}

/** The worker's answer: the annotations and the paragraphs (for folding), or the error the core threw. */
export type WorkerAnswer =
	{ id: number; annotations: ReturnType<typeof analyzeDocument>['annotations']; paragraphs: { start: number; end: number }[] } | { id: number; error: string };

// The sections of long documents analysed on this thread: typing in one re-reads only the section typed in.
const sections = analysisCache();

/** Analyses one job; exported so the pool can run it inline where threads are not available. */
export function runJob(job: WorkerJob): WorkerAnswer {
	try {
		const a = analyzeDocument(job.text, job.options, sections);
		return { id: job.id, annotations: a.annotations, paragraphs: a.paragraphs.map((p) => ({ start: p.start, end: p.end })) };
	} catch (e) {
		return { id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
	}
}

parentPort?.on('message', (job: WorkerJob) => parentPort!.postMessage(runJob(job)));
