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
	type Diagnostic,
	type InitializeParams,
	type MessageReader,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { inspect } from 'node:util';
import { AnalysisCache } from './analysisCache';
import type { DocumentAnalysis } from './documentAnalysis';
import { AnalysisScheduler } from './documentSession';
import { syntaxModel } from './syntaxModel';
import { OpenDocument } from './openDocument';
import { appendToList, outgoingList, RawJsonWriter, sentAs, type OutgoingList } from './rawJson';
import { AnalysisPool } from './analysisPool';
import { AnnotationsRequest } from './features/annotations';
import { BratFileRequest } from './features/goldSet';
import { executeCommand, IGNORE_COMMAND } from './features/codeActions';
import { conflictDiagnostics } from './features/crossDocuments';
import { CorpusEntitiesRequest, EntityAtRequest, EntityPageRequest, TimelineRequest } from './features/corpusViews';
import { diagnosticsInSlices } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { entityAt } from './features/lookup';
import { legend } from './features/semanticTokens';
import { IndexStatusRequest } from './features/workspaceSymbols';
import { SeedLanguageService } from './languageService';
import { analysisChanged, defaultSettings, toSettings, type Settings } from './settings';
import { Corpus } from './workspace/corpus';
import { IgnoreList } from './workspace/ignoreList';
import { canonicalUri, Indexer, readSeedFile, toPath } from './workspace/indexer';
import { isSeedDocument } from './workspace/seedFiles';
import { applyFileEvents, WATCHED_GLOBS } from './workspace/watch';
import { HumanFiles } from './workspace/humanFiles';
import { LearnedModel } from './workspace/learnedModel';
import { LEARN_COMMAND, learnFromAnnotations } from './features/learn';
import { REVIEW_COMMAND, ReviewStatusRequest, SuggestionsRequest } from './features/review';
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
const analyses = new AnalysisCache(
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
analyses.humanSource = (uri) => humans.source(uri);
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
	summarize: (uri, text, stale) => analyses.summaryOf(uri, text, stale),
	openAnalysis,
	progress: () => connection.window.createWorkDoneProgress(),
	log: (message) => connection.console.log(message),
});

// Every feature goes through the service: the handlers below only pass the request's parameters on.
const service = new SeedLanguageService(analyses, {
	document: seedDoc,
	settings: () => settings,
	corpus: () => corpus,
	readFile: readSeedFile,
	reviewState: (uri) => humans.state(uri),
	humanSource: (uri) => humans.reread(uri),
	review: {
		write: (uri, text, edits) => humans.write(uri, text, edits),
		changed: annotationsChanged,
		state: (uri) => humans.state(uri),
		warn: (m) => void connection.window.showWarningMessage(m),
	},
	learn: () => learnFromAnnotations(roots, learned, modelChanged),
	ignore: async (command, args) => {
		if (await executeCommand(command, args, ignores, (m) => void connection.window.showWarningMessage(m))) republish();
	},
	indexer: () => indexer,
});

const noop = () => {};
// The hover index and the outline, built while the editor is quiet rather than on the first request.
const buildFeatureIndexes = (a: DocumentAnalysis) => {
	entityAt(a, 0);
	documentSymbols(a, undefined, settings.outline.maxClaimsPerSource);
};

// What the analysis thread words a version's diagnostics with: read when its job starts, once settings are known.
const wording = (doc: TextDocument) => {
	const { uri, version } = doc;
	return () => ({ uri, version, settings, silenced: ignores.silenced(uri) });
};

// The life cycle of each open document's diagnostics (typing delay, work prepared ahead, the analysis
// in flight, the version published) is the state machine of documentSession.ts; this is its backend.
const scheduler = new AnalysisScheduler({
	compute: async (uri, version) => {
		const doc = documents.get(uri);
		if (!doc || doc.version !== version) return null;
		if (!seedDoc(uri)) return { diagnostics: outgoingList<Diagnostic>([]) };
		// Both asked before any await: the document may be edited meanwhile, and its next version waits for its turn.
		const early = analyses.earlyDiagnostics(doc, wording(doc));
		const analysed = analyses.get(doc);
		void analysed.then((a) => {
			indexer.update(a);
			void humans.showProblems(a.uri, a.text);
			setImmediate(() => buildFeatureIndexes(a));
		}, noop);
		const worded = await early;
		if (worded) return worded;
		const list = await diagnosticsInSlices(await analysed, settings, ignores.matcher(uri), () => documents.get(uri)?.version !== version);
		return list && { diagnostics: outgoingList(list) };
	},
	send: (uri: string, version: number | undefined, list: OutgoingList<Diagnostic> | null) =>
		connection.sendDiagnostics({ uri, version, diagnostics: list ? sentAs(appendToList(list, conflicts.diagnostics(uri))) : [] }),
	prepare: (uri, version, what) => {
		const doc = documents.get(uri);
		if (doc?.version === version && seedDoc(uri)) analyses.prepare(doc, wording(doc), what, (list) => scheduler.preparedDiagnostics(uri, version, list));
	},
});
const republish = () => scheduler.configure(documents.all());

// Cross-document findings: published with each document's own, and again when another file changes them.
const conflicts = new ConflictRefresh({
	diagnostics: (uri) => conflictDiagnostics(corpus, uri, settings),
	open: () => documents.all().filter((d) => seedDoc(d.uri)),
	republish: (doc) => scheduler.configure([doc]),
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
	republish();
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
	if (await applyFileEvents(rest, indexer, ignores, roots)) republish();
});

/** The learned model changed: every document is analysed again. */
function modelChanged(): void {
	analyses.clear();
	republish();
	rebuildIndex();
}

/** A document's `.ann` changed (on disk, or by a review command): it is analysed again and shown anew. */
function annotationsChanged(uri: string): void {
	analyses.invalidate(uri);
	const doc = documents.get(uri);
	if (doc) scheduler.configure([doc]);
	if (client.workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh();
	if (client.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
	if (client.workspace?.inlayHint?.refreshSupport) void connection.sendRequest(InlayHintRefreshRequest.type);
}

documents.onDidChangeContent((e) => scheduler.edit(e.document.uri, e.document.version));
documents.onDidClose((e) => {
	analyses.delete(e.document.uri);
	humans.forget(e.document.uri);
	scheduler.close(e.document.uri);
	conflicts.forget(e.document.uri);
	void indexer.refresh(e.document.uri);
});

connection.onHover((p, token) => service.hover(p.textDocument.uri, p.position, token));
connection.onDocumentSymbol((p, token) => service.documentSymbols(p.textDocument.uri, token));
connection.onDefinition((p, token) => service.definition(p.textDocument.uri, p.position, token));
connection.onReferences((p, token) => service.references(p.textDocument.uri, p.position, p.context.includeDeclaration, token));
connection.onDocumentHighlight((p, token) => service.documentHighlight(p.textDocument.uri, p.position, token));
connection.onWorkspaceSymbol((p, token) => service.workspaceSymbols(p.query, token));
connection.languages.semanticTokens.on((p, token) => service.semanticTokens(p.textDocument.uri, undefined, token));
connection.languages.semanticTokens.onRange((p, token) => service.semanticTokens(p.textDocument.uri, p.range, token));
connection.languages.inlayHint.on((p, token) => service.inlayHints(p.textDocument.uri, p.range, token));
connection.onFoldingRanges((p, token) => service.foldingRanges(p.textDocument.uri, token));
connection.onCodeLens((p, token) => service.codeLenses(p.textDocument.uri, token));
connection.onCodeAction((p, token) => service.codeActions(p, token));
connection.onRequest(AnnotationsRequest, (p, token) => service.annotations(p.uri, token));
connection.onRequest(EntityAtRequest, (p, token) => service.entityNameAt(p.uri, p.position, token));
connection.onRequest(EntityPageRequest, (p, token) => service.entityPage(p.name, token));
connection.onRequest(TimelineRequest, (p, token) => service.timeline(p, token));
connection.onRequest(CorpusEntitiesRequest, (p) => service.corpusEntities(p.limit));
connection.onRequest(SuggestionsRequest, (p, token) => service.suggestions(p.uri, token));
connection.onRequest(ReviewStatusRequest, (p, token) => service.reviewStatus(p.uris, token));
connection.onRequest(IndexStatusRequest, () => service.indexStatus());

connection.onExecuteCommand((p, token) => service.executeCommand(p.command, p.arguments, token));
connection.onRequest(BratFileRequest, (p, token) => service.bratFile(p.uri, p.form, token));

connection.onShutdown(() => {
	scheduler.dispose();
	conflicts.dispose();
	pool.dispose();
});

documents.listen(connection);
connection.listen();
