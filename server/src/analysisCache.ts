/**
 * The analysis cache: one analysis per document URI and version, with its line
 * index. Every feature reads from here, so a version is analysed once; the
 * analysis itself runs on the worker pool, so the event loop stays free.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions, CoreAnalysis, HumanSource } from './analysis';
import type { AnalysisPool } from './analysisPool';
import type { DocumentAnalysis } from './documentAnalysis';
import type { PublishRequest } from './workerProtocol';
import type { OutgoingList } from './rawJson';
import { SECTION_THRESHOLD } from './analysis/sections';
import { OpenDocument } from './openDocument';
import { EditShift, LineIndex, type TextSource } from './positions';
import type { FileSummary } from './workspace/summary';

/** Asks the analysis thread to word the diagnostics (the request read when the job starts). */
interface LazyPublish {
	request: () => PublishRequest;
	/** Receives the diagnostics as a reader: they are only decoded when somebody sends them. */
	early: (read: () => OutgoingList<Diagnostic>) => Promise<unknown>;
}

/** A document's text for reading in pieces: an open document's is not assembled for it. */
const textOf = (doc: TextDocument): TextSource => (doc instanceof OpenDocument ? doc : doc.getText());

/** Caches analyses by URI and version. */
export class AnalysisCache {
	private readonly cache = new Map<string, DocumentAnalysis>();
	private readonly pending = new Map<string, { version: number; result: Promise<DocumentAnalysis> }>();
	/** The edits since an analysis, for the document version they were measured against. */
	private readonly shifts = new WeakMap<DocumentAnalysis, { version: number; edit: EditShift }>();
	/** A document's `.ann` (human annotations, applied over the analysis): its text, or why it cannot be read. */
	humanSource: (uri: string) => Promise<HumanSource> = () => Promise.resolve({});
	/** The names learned from the workspace's reviewed annotations, if they are applied. */
	learned: () => AnalysisOptions['learned'] = () => undefined;
	/** Bumped when a document's `.ann` changes: analyses started before do not enter the cache. */
	private readonly generations = new Map<string, number>();

	constructor(
		private readonly pool: AnalysisPool,
		private readonly options: () => AnalysisOptions,
		/** The current version of an open document, to drop analyses nobody needs any more. */
		private readonly currentVersion: (uri: string) => number | undefined,
		private readonly log: (message: string) => void = () => {},
		/** Settles once the editor's settings are known: nothing is analysed with the wrong options. */
		private readonly ready: Promise<void> = Promise.resolve(),
	) {}

	/**
	 * The diagnostics of this document version, worded on the analysis thread and delivered as
	 * soon as they are ready, before the analysis itself is copied to this thread (on a long
	 * document that copy takes tens of milliseconds); a document's first ones once its analysis
	 * is here too. Null when the version is analysed already, or its analysis was started without
	 * asking for them: the caller words them from `get`.
	 */
	earlyDiagnostics(doc: TextDocument, request: () => PublishRequest): Promise<{ diagnostics: OutgoingList<Diagnostic>; done: () => void } | null> {
		const hit = this.cache.get(doc.uri);
		if ((hit && hit.version === doc.version) || this.pending.get(doc.uri)?.version === doc.version) return Promise.resolve(null);
		if (!hit) {
			// A document's first diagnostics wait for its analysis, so that hovers and the outline are ready when
			// the findings show; they are still worded on the analysis thread, which keeps what it worded for the next versions.
			let worded: OutgoingList<Diagnostic> | null = null;
			const early = (read: () => OutgoingList<Diagnostic>) => ((worded = read()), Promise.resolve());
			return this.get(doc, { request, early }).then(
				() => worded && { diagnostics: worded, done: () => {} },
				() => null,
			);
		}
		return new Promise((resolve) => {
			// The analysis itself follows once the caller says the diagnostics are out (`done`).
			const early = (read: () => OutgoingList<Diagnostic>) =>
				new Promise<void>((done) => {
					let list: OutgoingList<Diagnostic> | undefined;
					resolve({
						get diagnostics() {
							return (list ??= read());
						},
						done,
					});
				});
			this.get(doc, { request, early }).then(
				() => resolve(null),
				() => resolve(null),
			);
		});
	}

	/**
	 * Prepares this version's analysis and diagnostics on its thread while the user types (see
	 * `AnalysisPool.prepare`): long documents only (they keep to one thread), unless analysed here already.
	 * `sections` only keeps the document's section cache current (see `PublishTarget.prepare`).
	 */
	prepare(doc: TextDocument, request: () => PublishRequest, what: 'all' | 'sections' = 'all', ready?: (diagnostics: OutgoingList<Diagnostic>) => void): void {
		const { uri, version } = doc;
		// A short document is analysed in milliseconds on whichever thread is free: preparing it would only do it twice.
		if (textOf(doc).length <= SECTION_THRESHOLD) return;
		if (this.cache.get(uri)?.version === version || this.pending.get(uri)?.version === version) return;
		void Promise.all([this.ready, this.humanSource(uri)]).then(([, human]) =>
			this.pool.prepare(
				textOf(doc),
				{ ...this.options(), scope: 'all', ...human, learned: this.learned() },
				uri,
				() => this.currentVersion(uri) !== version,
				request(),
				what,
				ready,
			),
		);
	}

	/** The analysis of this document version, computed at most once. */
	get(doc: TextDocument, publish?: LazyPublish): Promise<DocumentAnalysis> {
		const hit = this.cache.get(doc.uri);
		if (hit && hit.version === doc.version) return Promise.resolve(hit);
		const waiting = this.pending.get(doc.uri);
		if (waiting && waiting.version === doc.version) return waiting.result;
		const { uri, version } = doc;
		const text = doc.getText();
		const generation = this.generations.get(uri) ?? 0;
		const result = this.analyze(uri, version, text, 'high', () => this.currentVersion(uri) !== version, 'all', publish).then((a) => {
			// A version already edited again is still the best answer to requests until the next one is ready
			// (unless its `.ann` changed meanwhile: then it was read with the old annotations).
			const cached = this.cache.get(uri);
			const fresh = (this.generations.get(uri) ?? 0) === generation;
			if (fresh && this.currentVersion(uri) !== undefined && (!cached || cached.version < version)) this.cache.set(uri, a);
			return a;
		});
		const entry = { version, result };
		this.pending.set(uri, entry);
		const done = () => this.pending.get(uri) === entry && this.pending.delete(uri);
		result.then(done, done);
		return result;
	}

	/**
	 * The analysis to answer a hover or an outline from at once: this version's
	 * when it is ready, else the last one analysed with the edits made since
	 * (while typing in a long document, a fresh analysis takes a second or
	 * more; the debounced diagnostics will ask for it). Only the first
	 * analysis of a document is waited for.
	 */
	async latest(doc: TextDocument): Promise<{ analysis: DocumentAnalysis; shift: EditShift | null }> {
		const hit = this.cache.get(doc.uri);
		if (!hit || hit.version === doc.version) return { analysis: await this.get(doc), shift: null };
		let shift = this.shifts.get(hit);
		if (shift?.version !== doc.version) this.shifts.set(hit, (shift = { version: doc.version, edit: new EditShift(hit.text, hit.lines, textOf(doc)) }));
		return { analysis: hit, shift: shift.edit };
	}

	/** Analyses a text that is not open in the editor (a file read for the index); not cached. */
	fromText(uri: string, text: string, stale: () => boolean = () => false, scope: AnalysisOptions['scope'] = 'all'): Promise<DocumentAnalysis> {
		return this.analyze(uri, 0, text, 'low', stale, scope);
	}

	/** The summary of a file for the workspace index (analysed on a thread, which sends only the summary). */
	async summaryOf(uri: string, text: string, stale: () => boolean = () => false): Promise<FileSummary> {
		await this.ready;
		const human = await this.humanSource(uri);
		const summary = await this.pool.summarize(text, { ...this.options(), scope: 'all', ...human, learned: this.learned() }, stale);
		return { ...summary, uri };
	}

	/** The cached analysis of a URI, whatever its version, or undefined. */
	peek(uri: string): DocumentAnalysis | undefined {
		return this.cache.get(uri);
	}

	/** Forgets a closed document. */
	delete(uri: string): void {
		this.cache.delete(uri);
		this.pending.delete(uri);
		this.pool.forget(uri);
	}

	/** Forgets the analysis of a document whose `.ann` changed: its next request analyses the same version again. */
	invalidate(uri: string): void {
		this.generations.set(uri, (this.generations.get(uri) ?? 0) + 1);
		this.cache.delete(uri);
		this.pending.delete(uri);
	}

	/** Forgets everything (the options changed). */
	clear(): void {
		this.cache.clear();
		this.pending.clear();
	}

	private async analyze(
		uri: string,
		version: number,
		text: string,
		priority: 'high' | 'low',
		stale: () => boolean,
		scope: AnalysisOptions['scope'] = 'all',
		publish?: LazyPublish,
	): Promise<DocumentAnalysis> {
		let core: CoreAnalysis;
		await this.ready;
		const human = await this.humanSource(uri);
		try {
			// The request is read now, once the settings and the ignore file are known.
			const words = publish && { request: publish.request(), early: publish.early };
			// An open document's jobs name it: its thread keeps its sections and its last result.
			core = await this.pool.run(
				text,
				{ ...this.options(), scope, ...human, learned: this.learned() },
				priority,
				stale,
				words,
				priority === 'high' ? uri : undefined,
			);
		} catch (error) {
			if (stale()) throw error;
			core = this.failed(uri, text, error);
		}
		return { ...core, uri, version, text, lines: new LineIndex(text) };
	}

	// The core promises never to throw; if it does anyway, the editor gets one error diagnostic, not a dead server.
	private failed(uri: string, text: string, error: unknown): CoreAnalysis {
		const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
		this.log(`Analysis of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		const message = `Seed Lens could not analyse this file (${detail}). Please report it with the file.`;
		return {
			annotations: {
				version: 2,
				header: { date: null, title: null, start: 0, end: 0 },
				entities: [],
				dates: [],
				claims: [],
				diagnostics: [{ code: 'analysis-failed', severity: 'error', message, start: 0, end: Math.min(text.length, 1) }],
			},
			paragraphs: [],
		};
	}
}
