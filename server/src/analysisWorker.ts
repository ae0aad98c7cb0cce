/**
 * The analysis worker: runs the core on a worker thread so that a long
 * analysis (a megabyte of text takes seconds) never holds the server's event
 * loop — requests, cancellations and other documents are served meanwhile.
 * When asked, it also words the diagnostics of the result and sends them
 * first, so the editor gets them without waiting for the whole analysis to be
 * copied to the server's thread.
 */
import { parentPort } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver';
import { analysisCache, analyzeDocument, type AnalysisOptions } from './analysis';
import { diagnosticsInSlices, ignoredBy } from './features/diagnostics';
import { LineIndex } from './positions';
import type { Settings } from './settings';

/** What the diagnostics of a job are worded for: the document, the settings, the findings silenced in it. */
export interface PublishRequest {
	uri: string;
	version: number;
	settings: Settings;
	/** Keys of the silenced findings (`silencedKey`). */
	silenced: string[];
}

/** A job sent to the worker. */
export interface WorkerJob {
	id: number;
	text: string;
	options: AnalysisOptions;
	publish?: PublishRequest;
}

/** The worker's answer: the annotations and the paragraphs (for folding), or the error the core threw. */
export type WorkerAnswer =
	{ id: number; annotations: ReturnType<typeof analyzeDocument>['annotations']; paragraphs: { start: number; end: number }[] } | { id: number; error: string };

/** Sent before the answer when the job asked for its diagnostics. */
export interface EarlyDiagnostics {
	id: number;
	diagnostics: Diagnostic[];
}

/** Tells the worker that the early diagnostics of a job are out: it may send the (much larger) answer. */
export interface Release {
	release: number;
}

/** How long the answer waits for its release at most, should the server never send it. */
const RELEASE_WAIT_MS = 1000;
const releases = new Map<number, () => void>();

// Waits for the server to say the diagnostics are written: copying the answer to the server's thread
// holds that thread for tens of milliseconds on a long document, which must not delay them.
function released(id: number): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(() => releases.get(id)?.(), RELEASE_WAIT_MS);
		releases.set(id, () => {
			clearTimeout(timer);
			releases.delete(id);
			resolve();
		});
	});
}

// The sections of long documents analysed on this thread: typing in one re-reads only the section typed in.
const sections = analysisCache();

/** Analyses one job; `early` receives its diagnostics when the job asks for them, before the answer. */
export async function runJob(job: WorkerJob, early?: (e: EarlyDiagnostics) => void): Promise<WorkerAnswer> {
	try {
		const a = analyzeDocument(job.text, job.options, sections);
		const paragraphs = a.paragraphs.map((p) => ({ start: p.start, end: p.end }));
		if (job.publish && early) {
			const { uri, version, settings, silenced } = job.publish;
			const analysis = { annotations: a.annotations, paragraphs, uri, version, text: job.text, lines: new LineIndex(job.text) };
			const diagnostics = await diagnosticsInSlices(analysis, settings, ignoredBy(silenced), () => false);
			if (diagnostics) {
				const wait = released(job.id);
				early({ id: job.id, diagnostics });
				await wait;
			}
		}
		return { id: job.id, annotations: a.annotations, paragraphs };
	} catch (e) {
		return { id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
	}
}

parentPort?.on('message', (message: WorkerJob | Release) => {
	if ('release' in message) return void releases.get(message.release)?.();
	void runJob(message, (e) => parentPort!.postMessage(e)).then((answer) => parentPort!.postMessage(answer));
});
