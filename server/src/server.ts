/** The Seed Lens language server: connection, capabilities, handler registration. */
import {
	CodeActionKind,
	CodeLensRefreshRequest,
	createConnection,
	DidChangeConfigurationNotification,
	DidChangeWatchedFilesNotification,
	InlayHintRefreshRequest,
	ProposedFeatures,
	TextDocuments,
	TextDocumentSyncKind,
	type ClientCapabilities,
	type InitializeParams,
	type MessageReader,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { inspect } from 'node:util';
import { Analyses, type DocumentAnalysis } from './analyses';
import { syntaxModel } from './syntaxModel';
import { OpenDocument } from './openDocument';
import { appendToList, RawJsonWriter } from './rawJson';
import { AnalysisPool } from './analysisPool';
import { annotations, AnnotationsRequest } from './features/annotations';
import { codeActions, executeCommand, IGNORE_COMMAND } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { conflictDiagnostics, figureHover, withFigures } from './features/crossDocuments';
import {
	corpusEntities,
	CorpusEntitiesRequest,
	EntityAtRequest,
	entityNameAt,
	entityPage,
	EntityPageRequest,
	timeline,
	TimelineRequest,
} from './features/corpusViews';
import { diagnosticsInSlices } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/foldingRanges';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { entityAt } from './features/lookup';
import { definition, documentHighlight } from './features/navigation';
import { DiagnosticsPublisher } from './features/publishDiagnostics';
import { references } from './features/references';
import { legend, semanticTokens } from './features/semanticTokens';
import { indexStatus, IndexStatusRequest, workspaceSymbols } from './features/workspaceSymbols';
import { analysisChanged, defaultSettings, toSettings, type Settings } from './settings';
import { Corpus } from './workspace/corpus';
import { IgnoreList } from './workspace/ignoreList';
import { canonicalUri, Indexer, readSeedFile, toPath } from './workspace/indexer';
import { isSeedDocument } from './workspace/seedFiles';
import { applyFileEvents, WATCHED_GLOBS } from './workspace/watch';
import { HumanFiles } from './workspace/humanFiles';
import { LearnedModel } from './workspace/learnedModel';
import { LEARN_COMMAND, learnFromAnnotations } from './features/learn';
import { executeReview, REVIEW_COMMAND, reviewActions, reviewStatus, ReviewStatusRequest, suggestionList, SuggestionsRequest } from './features/review';
import { ConflictRefresh } from './workspace/conflictRefresh';

// Over stdio the server writes its own messages, so that diagnostics worded as JSON on an analysis
// thread go out as they are (see rawJson.ts). Standard input is handed over as the stream it is
// (the library reads it, and still ends the server when the editor closes it), and console output,
// which would corrupt the messages, goes to the editor's log as the library's own stdio set-up does.
function connect() {
	if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
	const c = createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new RawJsonWriter(process.stdout));
	const toLog = (...args: unknown[]) => c.console.log(args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
	console.log = console.info = console.debug = console.warn = console.error = toLog;
	return c;
}

const connection = connect();
const documents = new TextDocuments(OpenDocument.configuration);

let settings: Settings = defaultSettings;
let client: ClientCapabilities = {};
let roots: string[] = [];
const log = (message: string) => connection.console.error(message);
const pool = new AnalysisPool(path.join(__dirname, 'analysisWorker.js'), log);
let configured: () => void = () => {};
const analyses = new Analyses(
	pool,
	() => settings.analysis,
	(uri) => documents.get(uri)?.version,
	log,
	new Promise<void>((resolve) => (configured = resolve)),
);
const corpus = new Corpus();
const ignores = new IgnoreList();
// The `.ann` beside each seed: the person's annotations, laid over the analysis.
const humans = new HumanFiles({ publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }), log });
analyses.humanText = (uri) => humans.text(uri);
// The names learned from the workspace's reviewed annotations (Learn from My Annotations).
const learned = new LearnedModel(log);
analyses.learned = () => (settings.learnedModel.enabled ? learned.get() : undefined);

/** How much of a document's opening is read for its header (the text is not assembled for it). */
const HEAD = 4096;
/** An open document the server serves: a seed file by its name or its first line, whatever the editor calls it. */
const seedDoc = (uri: string) => {
	const doc = documents.get(uri);
	return doc && isSeedDocument(doc.uri, doc.getText({ start: { line: 0, character: 0 }, end: doc.positionAt(HEAD) }), doc.languageId) ? doc : undefined;
};

const openAnalysis = async (uri: string) => {
	const doc = documents.all().find((d) => canonicalUri(d.uri) === uri);
	return doc && seedDoc(doc.uri) ? analyses.get(doc) : undefined;
};

const indexer = new Indexer(corpus, {
	// The index keeps entities, and the claims, figures and dates compared across documents.
	analyze: (uri, text, stale) => analyses.fromText(uri, text, stale),
	openAnalysis,
	progress: () => connection.window.createWorkDoneProgress(),
	log: (message) => connection.console.log(message),
});

const noop = () => {};
// The hover index and the outline, built while the editor is quiet rather than on the first request.
const warmUp = (a: DocumentAnalysis) => {
	entityAt(a, 0);
	documentSymbols(a, undefined, settings.outline.maxClaimsPerSource);
};

// What the analysis thread words a version's diagnostics with: read when its job starts, once settings are known.
const wording = (doc: TextDocument) => {
	const { uri, version } = doc;
	return () => ({ uri, version, settings, silenced: ignores.silenced(uri) });
};

const publisher = new DiagnosticsPublisher({
	current: (uri) => documents.get(uri),
	compute: async (doc) => {
		if (!seedDoc(doc.uri)) return { diagnostics: [] };
		// Both asked before any await: the document may be edited meanwhile, and its next version waits for its turn.
		const early = analyses.earlyDiagnostics(doc, wording(doc));
		const analysed = analyses.get(doc);
		void analysed.then((a) => {
			indexer.update(a);
			void humans.showProblems(a.uri, a.text);
			setImmediate(() => warmUp(a));
		}, noop);
		const worded = await early;
		if (worded) return worded;
		const list = await diagnosticsInSlices(await analysed, settings, ignores.matcher(doc.uri), () => documents.get(doc.uri)?.version !== doc.version);
		return list && { diagnostics: list };
	},
	send: (uri, version, list) =>
		connection.sendDiagnostics({ uri, version, diagnostics: version === undefined ? list : appendToList(list, conflicts.diagnostics(uri)) }),
	prepare: (doc, what) => {
		const { uri, version } = doc;
		if (seedDoc(uri)) analyses.warm(doc, wording(doc), what, (list) => publisher.ahead(uri, version, list));
	},
});

// Cross-document findings: published with each document's own, and again when another file changes them.
const conflicts = new ConflictRefresh({
	diagnostics: (uri) => conflictDiagnostics(corpus, uri, settings),
	open: () => documents.all().filter((d) => seedDoc(d.uri)),
	republish: (doc) => publisher.soon(doc),
});
corpus.onChange = () => conflicts.changed();

connection.onInitialize((params: InitializeParams) => {
	client = params.capabilities;
	const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
	roots = folders.map(toPath).filter((p): p is string => !!p);
	return {
		capabilities: {
			textDocumentSync: TextDocumentSyncKind.Incremental,
			hoverProvider: true,
			documentSymbolProvider: { label: 'Seed Lens' },
			definitionProvider: true,
			referencesProvider: true,
			documentHighlightProvider: true,
			workspaceSymbolProvider: true,
			semanticTokensProvider: { legend, full: true, range: true },
			inlayHintProvider: true,
			foldingRangeProvider: true,
			codeLensProvider: { resolveProvider: false },
			codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
			executeCommandProvider: { commands: [IGNORE_COMMAND, REVIEW_COMMAND, LEARN_COMMAND] },
			workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
		},
		serverInfo: { name: 'Seed Lens', version: '0.1.0' },
	};
});

connection.onInitialized(async () => {
	if (client.workspace?.didChangeConfiguration?.dynamicRegistration)
		void connection.client.register(DidChangeConfigurationNotification.type, { section: 'seedLens' });
	if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration)
		void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
	if (client.workspace?.workspaceFolders)
		connection.workspace.onDidChangeWorkspaceFolders(
			(e) =>
				void changeFolders(
					e.added.map((f) => f.uri),
					e.removed.map((f) => f.uri),
				),
		);
	await ignores.load(roots);
	await learned.load(roots);
	await applySettings(await pullSettings(undefined), true);
	configured();
	// The syntax model (claim hovers) is read just after start-up, so the first hover does not wait for it.
	setTimeout(() => {
		try {
			syntaxModel();
		} catch (e) {
			connection.console.warn(`Seed Lens: claim hovers will not show their grammar: ${(e as Error).message}`);
		}
	}, 300).unref();
});

/** The `seedLens` settings: pulled from the editor where it can answer, else what it pushed. */
async function pullSettings(pushed: unknown): Promise<Settings> {
	if (!client.workspace?.configuration) return toSettings((pushed as { seedLens?: unknown } | undefined)?.seedLens ?? settings);
	return toSettings(await connection.workspace.getConfiguration('seedLens').catch(() => undefined));
}

async function applySettings(next: Settings, first = false): Promise<void> {
	const previous = settings;
	settings = next;
	if (analysisChanged(previous, next)) analyses.clear();
	documents.all().forEach((d) => publisher.soon(d));
	if (client.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
	if (client.workspace?.inlayHint?.refreshSupport) void connection.sendRequest(InlayHintRefreshRequest.type);
	if (first || JSON.stringify(previous.index) !== JSON.stringify(next.index) || analysisChanged(previous, next)) rebuildIndex();
}

function rebuildIndex(): void {
	if (settings.index.enabled) void indexer.rebuild({ roots, exclude: settings.index.exclude, maxFileSize: settings.analysis.maxFileSize });
	else indexer.stop();
}

async function changeFolders(added: string[], removed: string[]): Promise<void> {
	const gone = new Set(removed.map(toPath));
	roots = [...roots.filter((r) => !gone.has(r)), ...added.map(toPath).filter((p): p is string => !!p)];
	await ignores.load(roots);
	rebuildIndex();
}

connection.onDidChangeConfiguration(async (change) => applySettings(await pullSettings(change.settings)));

connection.onDidChangeWatchedFiles(async (params) => {
	const ann = params.changes.filter((c) => humans.isAnnFile(c.uri));
	ann.flatMap((c) => humans.changed(c.uri)).forEach(annotationsChanged);
	if (params.changes.some((c) => learned.isModelFile(c.uri)) && (await learned.load(roots))) modelChanged();
	const rest = params.changes.filter((c) => !humans.isAnnFile(c.uri) && !learned.isModelFile(c.uri));
	if (await applyFileEvents(rest, indexer, ignores, roots)) documents.all().forEach((d) => publisher.soon(d));
});

/** The learned model changed: every document is analysed again. */
function modelChanged(): void {
	analyses.clear();
	documents.all().forEach((d) => publisher.soon(d));
	rebuildIndex();
}

/** A document's `.ann` changed (on disk, or by a review command): it is analysed again and shown anew. */
function annotationsChanged(uri: string): void {
	analyses.invalidate(uri);
	const doc = documents.get(uri);
	if (doc) publisher.soon(doc);
	if (client.workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh();
	if (client.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
	if (client.workspace?.inlayHint?.refreshSupport) void connection.sendRequest(InlayHintRefreshRequest.type);
}

documents.onDidChangeContent((e) => publisher.schedule(e.document));
documents.onDidClose((e) => {
	analyses.delete(e.document.uri);
	humans.forget(e.document.uri);
	publisher.clear(e.document.uri);
	conflicts.forget(e.document.uri);
	void indexer.refresh(e.document.uri);
});

connection.onHover(async (params, token) => {
	const doc = seedDoc(params.textDocument.uri);
	const now = doc && (await analyses.latest(doc));
	return now ? withFigures(hover(now.analysis, params.position, token, now.shift), figureHover(corpus, doc.uri, params.position)) : null;
});

connection.onDocumentSymbol(async (params, token) => {
	const doc = seedDoc(params.textDocument.uri);
	const now = doc && (await analyses.latest(doc));
	return now ? documentSymbols(now.analysis, token, settings.outline.maxClaimsPerSource, now.shift) : [];
});

connection.onDefinition(async (params, token) => {
	const doc = seedDoc(params.textDocument.uri);
	return doc ? definition(await analyses.get(doc), params.position, token) : null;
});

connection.onReferences(async (params, token) => {
	const doc = seedDoc(params.textDocument.uri);
	return doc ? references(await analyses.get(doc), params.position, params.context.includeDeclaration, settings.index.enabled ? corpus : null, token) : [];
});

connection.onDocumentHighlight(async (params, token) => {
	const doc = seedDoc(params.textDocument.uri);
	return doc ? documentHighlight(await analyses.get(doc), params.position, token) : [];
});

connection.onWorkspaceSymbol((params, token) => workspaceSymbols(corpus, params.query, token));

connection.languages.semanticTokens.on(async (params, token) => {
	const doc = seedDoc(params.textDocument.uri);
	return doc ? semanticTokens(await analyses.get(doc), undefined, token) : { data: [] };
});

connection.languages.semanticTokens.onRange(async (params, token) => {
	const doc = seedDoc(params.textDocument.uri);
	return doc ? semanticTokens(await analyses.get(doc), params.range, token) : { data: [] };
});

connection.languages.inlayHint.on(async (params, token) => {
	const doc = seedDoc(params.textDocument.uri);
	return doc ? inlayHints(await analyses.get(doc), params.range, settings, token) : [];
});

connection.onFoldingRanges(async (params, token) => {
	const doc = seedDoc(params.textDocument.uri);
	return doc ? foldingRanges(await analyses.get(doc), token) : [];
});

connection.onCodeLens(async (params, token) => {
	const doc = seedDoc(params.textDocument.uri);
	return doc ? codeLenses(await analyses.get(doc), settings, token) : [];
});

connection.onCodeAction(async (params, token) => {
	const doc = seedDoc(params.textDocument.uri);
	const a = doc && (await analyses.get(doc));
	return a ? [...codeActions(a, params, token), ...reviewActions(a, params, token)] : [];
});

connection.onExecuteCommand(async (params) => {
	if (params.command === REVIEW_COMMAND) return executeReview(params.arguments, reviewHost);
	if (params.command === LEARN_COMMAND) return learnFromAnnotations(roots, learned, modelChanged);
	if (await executeCommand(params.command, params.arguments, ignores, (m) => void connection.window.showWarningMessage(m)))
		documents.all().forEach((d) => publisher.soon(d));
	return null;
});

connection.onRequest(AnnotationsRequest, async (params, token) => {
	const doc = seedDoc(params.uri);
	const text = doc ? null : await readSeedFile(params.uri);
	if (token.isCancellationRequested) return null;
	return doc ? annotations(await analyses.get(doc)) : text !== null ? annotations(await analyses.fromText(params.uri, text)) : null;
});

const reviewHost = {
	analysis: async (uri: string) => {
		const doc = seedDoc(uri);
		return doc && analyses.get(doc);
	},
	write: (uri: string, text: string, edits: Parameters<HumanFiles['write']>[2]) => humans.write(uri, text, edits),
	changed: annotationsChanged,
	state: (uri: string) => humans.state(uri),
	warn: (m: string) => void connection.window.showWarningMessage(m),
};

connection.onRequest(SuggestionsRequest, async (params) => {
	const doc = seedDoc(params.uri);
	return doc ? suggestionList(await analyses.get(doc), await humans.state(doc.uri)) : null;
});

connection.onRequest(ReviewStatusRequest, (params, token) => reviewStatus(params.uris, { analysis: seedAnalysis, state: (uri) => humans.state(uri) }, token));

/** A seed file's analysis: the open document's, else the file read from disk (null when it is not a seed file). */
async function seedAnalysis(uri: string) {
	const doc = seedDoc(uri);
	if (doc) return analyses.get(doc);
	const text = await readSeedFile(uri);
	return text !== null && isSeedDocument(uri, text.slice(0, HEAD)) ? analyses.fromText(uri, text) : null;
}

connection.onRequest(IndexStatusRequest, () => indexStatus(indexer, corpus));

connection.onRequest(EntityPageRequest, (params, token) => entityPage(corpus, params.name, token));

connection.onRequest(TimelineRequest, (params, token) => timeline(corpus, params, token));

connection.onRequest(CorpusEntitiesRequest, (params) => corpusEntities(corpus, params.limit));

connection.onRequest(EntityAtRequest, async (params) => {
	const doc = seedDoc(params.uri);
	return doc ? entityNameAt(await analyses.get(doc), params.position) : null;
});

connection.onShutdown(() => {
	publisher.dispose();
	conflicts.dispose();
	pool.dispose();
});

documents.listen(connection);
connection.listen();
