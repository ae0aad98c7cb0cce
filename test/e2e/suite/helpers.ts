/** What the editor tests share: paths, bounded polling, opening seeds and reading the editor's answers. */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
	createProtocolConnection,
	InitializeRequest,
	StreamMessageReader,
	StreamMessageWriter,
	type ServerCapabilities,
} from 'vscode-languageserver-protocol/node';

/** The extension's identifier: `publisher.name` from package.json. */
export const EXTENSION_ID = 'seed-lens.seed-lens';
/** The repository root (this file runs from out/e2e/suite/). */
export const REPO = path.resolve(__dirname, '..', '..', '..');
/** The sample seed shipped in the repository. */
export const SAMPLE = path.join(REPO, 'samples', '000_c1e85f038010932c.txt');

/** The opened fixture workspace (a fresh copy of test/e2e/fixtures/workspace). */
export function workspaceFile(...parts: string[]): string {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the editor opened no workspace folder');
	return path.join(folder.uri.fsPath, ...parts);
}

const describe = (v: unknown) => {
	try {
		return (JSON.stringify(v) ?? String(v)).slice(0, 1500);
	} catch {
		return String(v);
	}
};

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `probe` until `ok` accepts its value, for at most `timeoutMs`; then fails with what it saw last.
 * The pause between polls is a polling interval, not a wait for something to happen.
 */
export async function waitFor<T>(
	what: string,
	probe: () => T | Thenable<T>,
	ok: (v: T) => boolean,
	timeoutMs = 30_000,
	show: (v: T) => string = describe,
): Promise<T> {
	const end = Date.now() + timeoutMs;
	let last: { value: T } | undefined;
	let error: unknown;
	for (;;) {
		try {
			const value = await probe();
			last = { value };
			if (ok(value)) return value;
		} catch (e) {
			error = e;
		}
		if (Date.now() >= end) {
			const seen = last ? show(last.value) : `nothing (error: ${error instanceof Error ? error.message : String(error)})`;
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Last seen: ${seen}`);
		}
		await tick(100);
	}
}

/** The open document of a file, if any (language changes reopen documents, so never keep the old object). */
export const documentOf = (file: string) => vscode.workspace.textDocuments.find((d) => d.uri.fsPath === vscode.Uri.file(file).fsPath);

/** Opens a file in an editor and waits until it is a `seed` document. */
export async function openSeed(file: string): Promise<vscode.TextDocument> {
	await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
	const doc = await waitFor(
		`${path.basename(file)} to open as language "seed"`,
		() => documentOf(file),
		(d) => d?.languageId === 'seed',
		30_000,
		(d) => (d ? `language "${d.languageId}"` : 'not open'),
	);
	return doc!;
}

/** The Seed Lens diagnostics of a document. */
export const seedDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Seed Lens');

/** A diagnostic's code as a string. */
export const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

/** Waits until the document's Seed Lens diagnostics satisfy `ok`. */
export function waitForDiagnostics(uri: vscode.Uri, what: string, ok: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = 30_000) {
	return waitFor(
		what,
		() => seedDiagnostics(uri),
		ok,
		timeoutMs,
		(ds) => describe(ds.map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${vscode.DiagnosticSeverity[d.severity]}`)),
	);
}

/** The position of the `nth` occurrence of `needle` in the document, `into` characters inside it. */
export function positionOf(doc: vscode.TextDocument, needle: string, nth = 0, into = 1): vscode.Position {
	let at = -1;
	for (let i = 0; i <= nth; i++) {
		at = doc.getText().indexOf(needle, at + 1);
		assert.ok(at >= 0, `“${needle}” occurs fewer than ${nth + 1} times in ${path.basename(doc.uri.fsPath)}`);
	}
	return doc.positionAt(at + into);
}

/** The plain text of hover contents, whatever shape the provider chose. */
export const hoverText = (hovers: vscode.Hover[]) =>
	hovers
		.flatMap((h) => h.contents)
		.map((c) => (typeof c === 'string' ? c : c.value))
		.join('\n');

/** Walks a document-symbol tree depth-first. */
export function* walk(symbols: vscode.DocumentSymbol[]): Generator<vscode.DocumentSymbol> {
	for (const s of symbols) {
		yield s;
		yield* walk(s.children ?? []);
	}
}

let capabilities: Promise<ServerCapabilities> | undefined;

/**
 * The capabilities the bundled language server advertises, asked of a fresh server over stdio
 * (the client does not expose its own).
 */
export function serverCapabilities(): Promise<ServerCapabilities> {
	capabilities ??= (async () => {
		const ext = vscode.extensions.getExtension(EXTENSION_ID);
		assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
		// Under Electron, process.execPath is the editor itself; this makes it behave as Node.
		const child = spawn(process.execPath, [path.join(ext.extensionPath, 'dist', 'server.js'), '--stdio'], {
			env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
			stdio: 'pipe',
		});
		const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
		conn.listen();
		try {
			const init = conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
			const timeout = new Promise<never>((_, reject) =>
				setTimeout(() => reject(new Error('the language server did not answer initialize within 20 s')), 20_000),
			);
			return (await Promise.race([init, timeout])).capabilities;
		} finally {
			conn.dispose();
			child.kill();
		}
	})();
	return capabilities;
}
