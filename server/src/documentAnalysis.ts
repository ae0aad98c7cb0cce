/**
 * One analysed document version as the features see it, and the memo of what the features build
 * from it. Read by every feature, on the server's thread and on the analysis threads alike: this
 * module imports nothing that runs.
 */
import type { DocumentAnnotations, Paragraph } from './analysis';
import type { LineIndex } from './positions';

/** One analysed document version, as the features see it. */
export interface DocumentAnalysis {
	annotations: DocumentAnnotations;
	/** The body's paragraphs (for folding). */
	paragraphs: Paragraph[];
	uri: string;
	version: number;
	text: string;
	lines: LineIndex;
}

const results = new WeakMap<DocumentAnalysis, Map<string, unknown>>();

/**
 * A feature's result for one analysed version, computed on first use and then
 * looked up: on a long document the outline, the tokens and the diagnostics
 * take far longer to build than to send, and editors ask for them again and again.
 */
export function oncePerVersion<T>(a: DocumentAnalysis, key: string, make: () => T): T {
	let memo = results.get(a);
	if (!memo) results.set(a, (memo = new Map()));
	if (!memo.has(key)) memo.set(key, make());
	return memo.get(key) as T;
}
