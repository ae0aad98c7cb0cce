/**
 * The one object the handlers talk to: every feature of an open seed document, the review lists and
 * the workspace's views, answered from the analysis cache under one freshness policy (`FRESHNESS`),
 * with cancellation honoured while an analysis is awaited. The handlers in server.ts only pass the
 * request's parameters through; they never see threads, caches or timers.
 */
import type { CancellationToken, CodeActionParams, Position, Range } from 'vscode-languageserver';
import type { ReviewState } from './analysis/human/layer';
import type { HumanSource } from './analysis';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from './analysisCache';
import type { DocumentAnalysis } from './documentAnalysis';
import { annotations } from './features/annotations';
import { codeActions } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { documentSymbols } from './features/documentSymbols';
import { corpusEntities, entityNameAt, entityPage, timeline, type TimelineParams } from './features/corpusViews';
import { figureHover, withFigures } from './features/crossDocuments';
import { foldingRanges } from './features/foldingRanges';
import { bratFile, type GoldSetForm } from './features/goldSet';
import { LEARN_COMMAND } from './features/learn';
import { executeReview, REVIEW_COMMAND, reviewActions, reviewStatus, suggestionList, type ReviewHost } from './features/review';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { definition, documentHighlight } from './features/navigation';
import { references } from './features/references';
import { semanticTokens } from './features/semanticTokens';
import { indexStatus, workspaceSymbols } from './features/workspaceSymbols';
import type { EditShift } from './positions';
import type { Settings } from './settings';
import type { Corpus } from './workspace/corpus';
import type { Indexer } from './workspace/indexer';
import { isSeedDocument } from './workspace/seedFiles';

/**
 * Which analysis a feature answers from, stated once:
 * - `latest`: at once, from the last analysis with the edits made since mapped through it (while
 *   typing in a long document a fresh analysis takes a second or more, and a hover or the outline
 *   must not wait for it); only a document's first analysis is waited for.
 * - `fresh`: from the analysis of the document's current version, waited for. These answers are
 *   positions the editor applies as they are (tokens, hints, folds, edits, locations), exports, and
 *   what the review reads and writes (the suggestions left, a review command's edits).
 * Features of the workspace (symbols, entity pages, the timeline) answer from the index as it is.
 */
export const FRESHNESS = {
	hover: 'latest',
	documentSymbols: 'latest',
	definition: 'fresh',
	references: 'fresh',
	documentHighlight: 'fresh',
	semanticTokens: 'fresh',
	inlayHints: 'fresh',
	foldingRanges: 'fresh',
	codeLenses: 'fresh',
	codeActions: 'fresh',
	annotations: 'fresh',
	entityNameAt: 'fresh',
	suggestions: 'fresh',
	review: 'fresh',
} as const satisfies Record<string, 'latest' | 'fresh'>;

export type Feature = keyof typeof FRESHNESS;

/** Where the analyses come from (the server's `AnalysisCache`; a fake in the tests). */
export type AnalysisSource = Pick<AnalysisCache, 'get' | 'latest' | 'fromText'>;

/** What the service needs from the server around it. */
export interface ServiceHost {
	/** The open seed document at this URI (undefined when it is not open or not a seed file). */
	document(uri: string): TextDocument | undefined;
	settings(): Settings;
	/** The workspace index (open documents are in it even when the index of files on disk is off). */
	corpus(): Corpus;
	/** The text of a seed file that is not open, or null when it cannot be read. */
	readFile(uri: string): Promise<string | null>;
	/** A document's review state, from its `.ann`. */
	reviewState(uri: string): Promise<ReviewState>;
	/** A document's `.ann` as it is on disk now (or why it cannot be read), for exports. */
	humanSource(uri: string): Promise<HumanSource>;
	/** What a review command writes and tells (its analysis comes from the service). */
	review: Omit<ReviewHost, 'analysis'>;
	/** Runs *Learn from Annotations*: the learned names of the workspace's `.ann` files. */
	learn(): Promise<{ message: string }>;
	/** Runs a command that adds to the ignore file (any other is left alone), and publishes the diagnostics again when it did. */
	ignore(command: string, args: unknown[] | undefined): Promise<void>;
	/** The background index of the workspace's files. */
	indexer(): Pick<Indexer, 'state'>;
}

/** Settles with `p`'s value, or with undefined as soon as the request is cancelled. */
function unlessCancelled<T>(p: Promise<T>, token: CancellationToken): Promise<T | undefined> {
	if (token.isCancellationRequested) return Promise.resolve(undefined);
	let listener: { dispose(): void } | undefined;
	const cancelled = new Promise<undefined>((resolve) => (listener = token.onCancellationRequested(() => resolve(undefined))));
	return Promise.race([p, cancelled]).finally(() => listener?.dispose());
}

/** The language features of seed documents. */
export class SeedLanguageService {
	constructor(
		private readonly analyses: AnalysisSource,
		private readonly host: ServiceHost,
	) {}

	hover(uri: string, position: Position, token: CancellationToken) {
		// The document's own card, and the figures other documents give for what is under the cursor.
		return this.answer('hover', uri, token, null, (a, shift) => withFigures(hover(a, position, token, shift), figureHover(this.host.corpus(), uri, position)));
	}

	documentSymbols(uri: string, token: CancellationToken) {
		return this.answer('documentSymbols', uri, token, [], (a, shift) => documentSymbols(a, token, this.host.settings().outline.maxClaimsPerSource, shift));
	}

	definition(uri: string, position: Position, token: CancellationToken) {
		return this.answer('definition', uri, token, null, (a) => definition(a, position, token));
	}

	references(uri: string, position: Position, includeDeclaration: boolean, token: CancellationToken) {
		return this.answer('references', uri, token, [], (a) =>
			references(a, position, includeDeclaration, this.host.settings().index.enabled ? this.host.corpus() : null, token),
		);
	}

	documentHighlight(uri: string, position: Position, token: CancellationToken) {
		return this.answer('documentHighlight', uri, token, [], (a) => documentHighlight(a, position, token));
	}

	semanticTokens(uri: string, range: Range | undefined, token: CancellationToken) {
		return this.answer('semanticTokens', uri, token, { data: [] }, (a) => semanticTokens(a, range, token));
	}

	inlayHints(uri: string, range: Range, token: CancellationToken) {
		return this.answer('inlayHints', uri, token, [], (a) => inlayHints(a, range, this.host.settings(), token));
	}

	foldingRanges(uri: string, token: CancellationToken) {
		return this.answer('foldingRanges', uri, token, [], (a) => foldingRanges(a, token));
	}

	codeLenses(uri: string, token: CancellationToken) {
		return this.answer('codeLenses', uri, token, [], (a) => codeLenses(a, this.host.settings(), token));
	}

	codeActions(params: CodeActionParams, token: CancellationToken) {
		return this.answer('codeActions', params.textDocument.uri, token, [], (a) => [...codeActions(a, params, token), ...reviewActions(a, params, token)]);
	}

	/** The name of the entity at a position (the entity page's subject). */
	entityNameAt(uri: string, position: Position, token: CancellationToken) {
		return this.answer('entityNameAt', uri, token, null, (a) => entityNameAt(a, position));
	}

	workspaceSymbols(query: string, token: CancellationToken) {
		return workspaceSymbols(this.host.corpus(), query, token);
	}

	/** The page of an entity across the workspace's documents. */
	entityPage(name: string, token: CancellationToken) {
		return entityPage(this.host.corpus(), name, token);
	}

	/** The workspace's timeline. */
	timeline(params: TimelineParams, token: CancellationToken) {
		return timeline(this.host.corpus(), params, token);
	}

	/** The workspace's most mentioned entities. */
	corpusEntities(limit: number | undefined) {
		return corpusEntities(this.host.corpus(), limit);
	}

	/** How far the workspace index has got. */
	indexStatus() {
		return indexStatus(this.host.indexer(), this.host.corpus());
	}

	/** The unreviewed suggestions of an open document, in order, and its review state. */
	async suggestions(uri: string, token: CancellationToken) {
		const now = await this.analysisFor('suggestions', uri, token);
		return now ? suggestionList(now.analysis, await this.host.reviewState(uri)) : null;
	}

	/** The review state and the suggestions left of each seed file among `uris` (open, or read from disk). */
	reviewStatus(uris: readonly string[], token: CancellationToken) {
		return reviewStatus(uris, { analysis: (uri) => this.seedFileAnalysis(uri, token), state: (uri) => this.host.reviewState(uri) }, token);
	}

	/** The analysis a review command edits: the open document's current version, or undefined when it is not open. */
	async reviewAnalysis(uri: string, token: CancellationToken): Promise<DocumentAnalysis | undefined> {
		return (await this.analysisFor('review', uri, token))?.analysis;
	}

	/** A workspace command: a review action, learning from the annotations, or ignoring a finding (null when it answers nothing). */
	async executeCommand(command: string, args: unknown[] | undefined, token: CancellationToken) {
		if (command === REVIEW_COMMAND) return executeReview(args, { ...this.host.review, analysis: (uri) => this.reviewAnalysis(uri, token) });
		if (command === LEARN_COMMAND) return this.host.learn();
		await this.host.ignore(command, args);
		return null;
	}

	/** One seed file's brat `.ann` for a gold set (open, or read from disk), or null when it is not a seed file. */
	async bratFile(uri: string, form: GoldSetForm, token: CancellationToken) {
		const a = await this.seedFileAnalysis(uri, token);
		return a ? bratFile(a, await this.host.humanSource(uri), form) : null;
	}

	/** The annotations of a seed file: an open one's current version, or the file on disk. */
	async annotations(uri: string, token: CancellationToken) {
		if (this.host.document(uri)) return this.answer('annotations', uri, token, null, (a) => annotations(a));
		const text = await this.host.readFile(uri);
		if (text === null || token.isCancellationRequested) return null;
		const a = await unlessCancelled(this.analyses.fromText(uri, text), token);
		return a ? annotations(a) : null;
	}

	/** A seed file's analysis: the open document's current version, else the file read from disk (null when it is not a seed file or the request was cancelled). */
	private async seedFileAnalysis(uri: string, token: CancellationToken): Promise<DocumentAnalysis | null> {
		if (this.host.document(uri)) return (await this.analysisFor('review', uri, token))?.analysis ?? null;
		const text = await this.host.readFile(uri);
		if (text === null || token.isCancellationRequested || !isSeedDocument(uri, text.slice(0, 4096))) return null;
		return (await unlessCancelled(this.analyses.fromText(uri, text), token)) ?? null;
	}

	/** The analysis a feature answers from (see `FRESHNESS`), or undefined when the document is not open or the request was cancelled. */
	async analysisFor(feature: Feature, uri: string, token: CancellationToken): Promise<{ analysis: DocumentAnalysis; shift: EditShift | null } | undefined> {
		const doc = this.host.document(uri);
		if (!doc) return undefined;
		const now = FRESHNESS[feature] === 'latest' ? this.analyses.latest(doc) : this.analyses.get(doc).then((analysis) => ({ analysis, shift: null }));
		const got = await unlessCancelled(now, token);
		return token.isCancellationRequested ? undefined : got;
	}

	private async answer<T>(
		feature: Feature,
		uri: string,
		token: CancellationToken,
		empty: T,
		make: (a: DocumentAnalysis, shift: EditShift | null) => T,
	): Promise<T> {
		const now = await this.analysisFor(feature, uri, token);
		return now ? make(now.analysis, now.shift) : empty;
	}
}
