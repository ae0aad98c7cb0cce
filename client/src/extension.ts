/** The Seed Lens client: starts the language server and wires it into VS Code. Nothing else. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

const HEADER = /^\s*date \d{4}-\d{2}-\d{2}(\s|$)/;

/** A plain-text file whose first line is a seed header opens as `seed` (the built-in .txt association wins over firstLine). */
async function adoptSeed(doc: vscode.TextDocument): Promise<void> {
	if (doc.languageId !== 'plaintext' || doc.lineCount === 0) return;
	const first = doc.lineAt(0).text || (doc.lineCount > 1 ? doc.lineAt(1).text : '');
	if (HEADER.test(first)) await vscode.languages.setTextDocumentLanguage(doc, 'seed');
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
	const module = context.asAbsolutePath(path.join('dist', 'server.js'));
	const serverOptions: ServerOptions = {
		run: { module, transport: TransportKind.ipc },
		debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
	};
	const output = vscode.window.createOutputChannel('Seed Lens', { log: true });
	const clientOptions: LanguageClientOptions = {
		documentSelector: [{ language: 'seed' }],
		synchronize: { configurationSection: 'seedLens' },
		outputChannel: output,
	};
	client = new LanguageClient('seedLens', 'Seed Lens', serverOptions, clientOptions);
	context.subscriptions.push(
		output,
		vscode.commands.registerCommand('seedLens.restartServer', () => client?.restart()),
		vscode.commands.registerCommand('seedLens.showOutput', () => output.show(true)),
		vscode.commands.registerCommand('seedLens.exportAnnotations', exportAnnotations),
		vscode.workspace.onDidOpenTextDocument(adoptSeed),
	);
	await client.start();
	await Promise.all(vscode.workspace.textDocuments.map(adoptSeed));
}

/** Asks the server for the active document's annotations (`seedLens/annotations`) and writes them where the user picks. */
async function exportAnnotations(): Promise<void> {
	const doc = vscode.window.activeTextEditor?.document;
	if (!client || !doc) return void vscode.window.showInformationMessage('Open a seed file to export its annotations.');
	const json = await client.sendRequest<object | null>('seedLens/annotations', { uri: doc.uri.toString() });
	if (!json) return void vscode.window.showWarningMessage('Seed Lens has no annotations for this document.');
	const target = await vscode.window.showSaveDialog({
		defaultUri: doc.uri.with({ path: doc.uri.path.replace(/(\.[^./]*)?$/, '.annotations.json') }),
		filters: { JSON: ['json'] },
		saveLabel: 'Export Annotations',
	});
	if (!target) return;
	await vscode.workspace.fs.writeFile(target, Buffer.from(JSON.stringify(json, null, 2) + '\n', 'utf8'));
	void vscode.window.showInformationMessage(`Annotations written to ${vscode.workspace.asRelativePath(target)}.`);
}

export async function deactivate(): Promise<void> {
	await client?.stop();
}
