/**
 * The analysis cache: one analysis per document URI and version, with its line
 * index. Every feature reads from here, so a version is analysed once.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, type Analysis, type AnalysisOptions } from './analysis';
import { LineIndex } from './positions';

/** One analysed document version, as the features see it. */
export interface DocumentAnalysis extends Analysis {
	uri: string;
	version: number;
	text: string;
	lines: LineIndex;
}

/** Caches analyses by URI and version. */
export class Analyses {
	private readonly cache = new Map<string, DocumentAnalysis>();

	constructor(
		private options: () => AnalysisOptions,
		private log: (message: string) => void = () => {},
	) {}

	/** The analysis of this document version, computed at most once. */
	get(doc: TextDocument): DocumentAnalysis {
		const hit = this.cache.get(doc.uri);
		if (hit && hit.version === doc.version) return hit;
		const a = this.analyze(doc.uri, doc.version, doc.getText());
		this.cache.set(doc.uri, a);
		return a;
	}

	/** Analyses a text that is not open in the editor (a file read from disk); not cached. */
	fromText(uri: string, text: string): DocumentAnalysis {
		return this.analyze(uri, 0, text);
	}

	// The core promises never to throw; if it does anyway, the editor gets one error diagnostic, not a dead server.
	private analyze(uri: string, version: number, text: string): DocumentAnalysis {
		const lines = new LineIndex(text);
		try {
			return { ...analyzeDocument(text, this.options()), uri, version, text, lines };
		} catch (error) {
			this.log(`Analysis of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			const empty = analyzeDocument('', this.options());
			const message = `Seed Lens could not analyse this file (${error instanceof Error ? error.message : String(error)}). Please report it with the file.`;
			const diagnostics = [{ code: 'analysis-failed', severity: 'error' as const, message, start: 0, end: Math.min(text.length, 1) }];
			return { ...empty, annotations: { ...empty.annotations, diagnostics }, uri, version, text, lines };
		}
	}

	/** The cached analysis of a URI, whatever its version, or undefined. */
	peek(uri: string): DocumentAnalysis | undefined {
		return this.cache.get(uri);
	}

	/** Forgets a closed document. */
	delete(uri: string): void {
		this.cache.delete(uri);
	}

	/** Forgets everything (the options changed). */
	clear(): void {
		this.cache.clear();
	}
}
