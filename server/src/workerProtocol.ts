/**
 * The messages between the server's thread and the analysis threads (analysisPool.ts ⇄
 * analysisWorker.ts): types only, so that neither side imports the other.
 */
import type { AnalysisOptions, DocumentAnnotations } from './analysis';
import type { Settings } from './settings';
import type { FileSummary } from './workspace/summary';

/** What the diagnostics of a job are worded for: the document, the settings, the findings silenced in it. */
export interface PublishRequest {
	uri: string;
	version: number;
	settings: Settings;
	/** Keys of the silenced findings (`silencedKey`). */
	silenced: string[];
}

/** A text as the edit of the last whole text sent for the same document: `base[0, start) + middle + base[end, …)`. */
export interface TextDelta {
	start: number;
	end: number;
	middle: string;
}

/** A job sent to the worker. */
export interface WorkerJob {
	id: number;
	/** The text, whole; or `delta`, its difference from the document's base (see `keep`). */
	text?: string;
	delta?: TextDelta;
	/** The whole `text` becomes the document's base, which later jobs for it send their text against. */
	keep?: boolean;
	options: AnalysisOptions;
	publish?: PublishRequest;
	/** The open document the text is a version of: its latest result is kept for the next job. */
	key?: string;
	/**
	 * Only prepare while the user types, and answer `prepared`: `all` analyses and words the diagnostics
	 * and keeps the result; `sections` only brings a long document's section cache up to date.
	 */
	prepare?: 'all' | 'sections';
	/**
	 * A file of the workspace index: answer with its compact summary (entities, mentions, the facts
	 * compared across documents) instead of the annotations, which the server's thread never needs.
	 */
	summary?: boolean;
}

/** The worker's answer: the annotations and the paragraphs (for folding), or the error the core threw. */
export type WorkerAnswer =
	| { id: number; annotations: DocumentAnnotations; paragraphs: { start: number; end: number }[] }
	| { id: number; summary: FileSummary }
	| { id: number; prepared: true }
	| { id: number; error: string };

/**
 * Sent before the answer when the job asked for its diagnostics, as JSON: thousands of small objects
 * cross to the server's thread several times faster as one string than copied object by object.
 */
export interface EarlyDiagnostics {
	id: number;
	diagnosticsJson: string;
}

/** Tells the worker that the early diagnostics of a job are out: it may send the (much larger) answer. */
export interface Release {
	release: number;
}

/** Tells the worker that a document was closed: its base text and kept result can go. */
export interface Forget {
	forget: string;
}
