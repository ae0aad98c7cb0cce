/** The Seed Lens language server: connection, capabilities, handler registration. */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses } from './analyses';
import { diagnostics } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { hover } from './features/hover';
import { defaultSettings, toSettings, type Settings } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let settings: Settings = defaultSettings;
const analyses = new Analyses(() => settings.analysis);

connection.onInitialize(() => ({
	capabilities: {
		textDocumentSync: TextDocumentSyncKind.Incremental,
		hoverProvider: true,
		documentSymbolProvider: { label: 'Seed Lens' },
	},
	serverInfo: { name: 'Seed Lens' },
}));

const publish = (doc: TextDocument) => connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: diagnostics(analyses.get(doc), settings) });

documents.onDidChangeContent((e) => publish(e.document));
documents.onDidClose((e) => {
	analyses.delete(e.document.uri);
	void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration((change) => {
	settings = toSettings((change.settings as { seedLens?: unknown } | undefined)?.seedLens);
	analyses.clear();
	documents.all().forEach(publish);
});

connection.onHover((params, token) => {
	const doc = documents.get(params.textDocument.uri);
	return doc ? hover(analyses.get(doc), params.position, token) : null;
});

connection.onDocumentSymbol((params, token) => {
	const doc = documents.get(params.textDocument.uri);
	return doc ? documentSymbols(analyses.get(doc), token) : [];
});

documents.listen(connection);
connection.listen();
