/** The Seed Lens client: starts the language server and wires it into VS Code. Nothing else. */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { exportGoldSet } from './goldSet';
import { Review } from './review';
import { CloseAction, ErrorAction, LanguageClient, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { hasSeedHeader } from '../../server/src/analysis/header';
import { showEntity, showTimeline } from './views';

let client: LanguageClient | undefined;
let server: ChildProcess | undefined;

/** What the extension exposes to other extensions and to its own editor tests. */
export interface SeedLensApi {
	/** The process id of the running language server, if one runs. */
	serverPid(): number | undefined;
}

/** Restarts a server that died, telling the user once; gives up after five crashes in three minutes. */
function restartingErrorHandler(output: vscode.OutputChannel): ErrorHandler {
	const crashes: number[] = [];
	let told = false;
	return {
		error: () => ({ action: ErrorAction.Continue, handled: true }),
		closed: () => {
			const now = Date.now();
			crashes.push(now);
			while (crashes.length && now - crashes[0] > 180_000) crashes.shift();
			if (crashes.length >= 5) {
				const message = 'The Seed Lens server stopped five times in three minutes and was not restarted. Run “Seed Lens: Restart Server” to try again.';
				return { action: CloseAction.DoNotRestart, message, handled: false };
			}
			output.appendLine(`Seed Lens server stopped unexpectedly; restarting it (${crashes.length} in the last three minutes).`);
			if (!told) {
				told = true;
				void vscode.window.showWarningMessage('The Seed Lens server stopped unexpectedly and was restarted. Details are in “Seed Lens: Show Output”.');
			}
			return { action: CloseAction.Restart, handled: true };
		},
	};
}

/** How many lines are read for the header: blank lines may come before it. */
const HEAD_LINES = 20;

/** A plain-text file whose first non-empty line is a seed header opens as `seed` (the built-in .txt association wins over firstLine). */
async function adoptSeed(doc: vscode.TextDocument): Promise<void> {
	if (doc.languageId !== 'plaintext' || doc.lineCount === 0) return;
	if (hasSeedHeader(doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, HEAD_LINES), 0)))) await vscode.languages.setTextDocumentLanguage(doc, 'seed');
}

export async function activate(context: vscode.ExtensionContext): Promise<SeedLensApi> {
	const module = context.asAbsolutePath(path.join('dist', 'server.js'));
	const execArgv = context.extensionMode === vscode.ExtensionMode.Development ? ['--nolazy', '--inspect=6009'] : [];
	// The server is forked here (not by the library) so its process id is known to the recovery test.
	const serverOptions: ServerOptions = async () => (server = fork(module, ['--stdio'], { silent: true, execArgv }));
	const output = vscode.window.createOutputChannel('Seed Lens', { log: true });
	const clientOptions: LanguageClientOptions = {
		documentSelector: [{ language: 'seed' }],
		synchronize: { configurationSection: 'seedLens' },
		outputChannel: output,
		errorHandler: restartingErrorHandler(output),
	};
	client = new LanguageClient('seedLens', 'Seed Lens', serverOptions, clientOptions);
	context.subscriptions.push(
		output,
		vscode.commands.registerCommand('seedLens.restartServer', () => client?.restart()),
		vscode.commands.registerCommand('seedLens.showOutput', () => output.show(true)),
		vscode.commands.registerCommand('seedLens.exportAnnotations', exportAnnotations),
		vscode.commands.registerCommand('seedLens.exportGoldSet', () => exportGoldSet(client)),
		vscode.commands.registerCommand('seedLens.showEntity', (name?: string) => client && showEntity(context, client, name)),
		vscode.commands.registerCommand('seedLens.showTimeline', (folder?: vscode.Uri) => client && showTimeline(context, client, folder)),
		vscode.workspace.onDidOpenTextDocument(adoptSeed),
	);
	new Review(() => client).register(context);
	await client.start();
	await Promise.all(vscode.workspace.textDocuments.map(adoptSeed));
	return { serverPid: () => (server && server.exitCode === null && !server.killed ? server.pid : undefined) };
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
