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

	constructor(private options: () => AnalysisOptions) {}

	/** The analysis of this document version, computed at most once. */
	get(doc: TextDocument): DocumentAnalysis {
		const hit = this.cache.get(doc.uri);
		if (hit && hit.version === doc.version) return hit;
		const text = doc.getText();
		const a: DocumentAnalysis = { ...analyzeDocument(text, this.options()), uri: doc.uri, version: doc.version, text, lines: new LineIndex(text) };
		this.cache.set(doc.uri, a);
		return a;
	}

	/** Analyses a text that is not open in the editor (a file read from disk); not cached. */
	fromText(uri: string, text: string): DocumentAnalysis {
		return { ...analyzeDocument(text, this.options()), uri, version: 0, text, lines: new LineIndex(text) };
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
