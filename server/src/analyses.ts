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

	/** Forgets a closed document. */
	delete(uri: string): void {
		this.cache.delete(uri);
	}

	/** Forgets everything (the options changed). */
	clear(): void {
		this.cache.clear();
	}
}
