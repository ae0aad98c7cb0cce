/**
 * A small LSP client for protocol tests: starts the bundled server over stdio
 * and speaks to it as an editor would, answering its requests (configuration,
 * registrations, progress) and recording its notifications. Nothing sleeps:
 * `waitFor` re-checks a condition each time a message arrives, with a bound.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	createProtocolConnection,
	StreamMessageReader,
	StreamMessageWriter,
	type ClientCapabilities,
	type InitializeResult,
	type ProtocolConnection,
	type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVER = path.join(ROOT, 'dist/server.js');
export const SAMPLE = path.join(ROOT, 'samples/000_c1e85f038010932c.txt');
export const FIXTURES = path.join(ROOT, 'test/fixtures/corpus');

/** The capabilities of a capable editor: everything the server can use. */
export const CAPABILITIES: ClientCapabilities = {
	textDocument: {
		synchronization: { dynamicRegistration: false },
		hover: { contentFormat: ['markdown', 'plaintext'] },
		documentSymbol: { hierarchicalDocumentSymbolSupport: true },
		publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
		semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
		inlayHint: {},
		codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true },
		foldingRange: {},
	},
	workspace: {
		configuration: true,
		workspaceFolders: true,
		didChangeConfiguration: { dynamicRegistration: true },
		didChangeWatchedFiles: { dynamicRegistration: true },
		codeLens: { refreshSupport: true },
		inlayHint: { refreshSupport: true },
		symbol: {},
	},
	window: { workDoneProgress: true },
};

export interface StartOptions {
	/** Workspace folder; none when omitted. */
	root?: string;
	/** The `seedLens` section answered to `workspace/configuration`. */
	settings?: Record<string, unknown>;
	capabilities?: ClientCapabilities;
}

/** One running server and the client side of its connection. */
export class Session {
	readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
	readonly progress: { token: string | number; value: { kind: string; message?: string; percentage?: number } }[] = [];
	readonly registrations: { method: string; registerOptions?: unknown }[] = [];
	readonly log: string[] = [];
	/** `window/showMessage` notifications and requests: what the user would see pop up. */
	readonly messages: { type: number; message: string }[] = [];
	/** How many times the server pulled its settings. */
	configurationRequests = 0;
	/** The server's answer to `initialize`. */
	initialize!: InitializeResult;
	settings: Record<string, unknown>;
	private readonly events = new EventEmitter();

	private constructor(
		readonly connection: ProtocolConnection,
		private readonly child: ChildProcess,
		settings: Record<string, unknown>,
	) {
		this.settings = settings;
		this.events.setMaxListeners(100);
	}

	/** Starts the server, initializes it and waits for it to pull its settings. */
	static async start(options: StartOptions = {}): Promise<Session> {
		if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run "node esbuild.js" first`);
		const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
		const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
		const s = new Session(connection, child, options.settings ?? {});
		child.stderr!.on('data', (d) => s.log.push(String(d)));
		s.wire();
		connection.listen();
		const folder = options.root ? [{ uri: pathToFileURL(options.root).toString(), name: path.basename(options.root) }] : null;
		s.initialize = await connection.sendRequest('initialize', {
			processId: process.pid,
			rootUri: folder?.[0].uri ?? null,
			workspaceFolders: folder,
			capabilities: options.capabilities ?? CAPABILITIES,
		});
		await connection.sendNotification('initialized', {});
		return s;
	}

	private wire(): void {
		const c = this.connection;
		const seen = () => this.events.emit('message');
		c.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
			this.diagnostics.set(p.uri, [...(this.diagnostics.get(p.uri) ?? []), p]);
			seen();
		});
		c.onNotification('$/progress', (p) => {
			this.progress.push(p);
			seen();
		});
		c.onNotification('window/showMessage', (p: { type: number; message: string }) => {
			this.messages.push(p);
			seen();
		});
		c.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
			this.messages.push(p);
			seen();
			return null;
		});
		c.onNotification('window/logMessage', (p: { message: string }) => {
			this.log.push(p.message);
			seen();
		});
		c.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
			this.configurationRequests++;
			setImmediate(seen);
			return p.items.map((i) => (i.section === 'seedLens' ? this.settings : null));
		});
		c.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
			this.registrations.push(...p.registrations);
			seen();
			return null;
		});
		for (const m of ['window/workDoneProgress/create', 'workspace/codeLens/refresh', 'workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh'])
			c.onRequest(m, () => null);
	}

	/**
	 * Resolves with the first truthy value of `probe`, checked now and after each
	 * message from the server; rejects after `ms` with what `describe` says was seen.
	 */
	waitFor<T>(what: string, probe: () => T | undefined | null | false, ms = 20_000, describe: () => unknown = () => ''): Promise<T> {
		return new Promise((resolve, reject) => {
			const check = () => {
				const v = probe();
				if (!v) return;
				done();
				resolve(v);
			};
			const timer = setTimeout(() => {
				done();
				reject(new Error(`Timed out after ${ms} ms waiting for ${what}; saw: ${String(JSON.stringify(describe())).slice(0, 2000)}`));
			}, ms);
			const done = () => {
				clearTimeout(timer);
				this.events.off('message', check);
			};
			this.events.on('message', check);
			check();
		});
	}

	/** Asks again (each try a round trip to the server, never a sleep) until `ask` gives a truthy value, for at most `ms`. */
	async until<T>(what: string, ask: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
		const deadline = Date.now() + ms;
		let last: unknown;
		while (Date.now() < deadline) {
			const v = await ask();
			if (v) return v;
			last = v;
		}
		throw new Error(`Gave up after ${ms} ms waiting for ${what}; last answer: ${JSON.stringify(last)}`);
	}

	/** Waits for diagnostics of one document version. */
	diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
		return this.waitFor(
			`diagnostics of ${path.basename(uri)} v${version}`,
			() => this.diagnostics.get(uri)?.find((p) => p.version === version),
			20_000,
			() => this.diagnostics.get(uri)?.map((p) => p.version),
		);
	}

	/** Waits until the background index has finished (its progress has ended) and returns its status. */
	async indexed(): Promise<{ state: string; files: number; names: number }> {
		await this.waitFor(
			'the end of indexing progress',
			() => this.progress.some((p) => p.value.kind === 'end'),
			60_000,
			() => this.progress.slice(-3),
		);
		return this.request('seedLens/indexStatus', undefined);
	}

	open(uri: string, text: string, languageId = 'seed', version = 1): Promise<void> {
		return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
	}

	change(uri: string, version: number, text: string): Promise<void> {
		return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
	}

	close(uri: string): Promise<void> {
		return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
	}

	request<R>(method: string, params: unknown): Promise<R> {
		return this.connection.sendRequest(method, params) as Promise<R>;
	}

	notify(method: string, params: unknown): Promise<void> {
		return this.connection.sendNotification(method, params);
	}

	/**
	 * Changes the settings the client answers and tells the server, as VS Code
	 * does; resolves once the server has pulled them and answered a later request
	 * (it handles messages in order, so the new settings are in force).
	 */
	async configure(settings: Record<string, unknown>): Promise<void> {
		this.settings = settings;
		const pulls = this.configurationRequests;
		await this.notify('workspace/didChangeConfiguration', { settings: null });
		await this.waitFor('the server to pull its settings', () => this.configurationRequests > pulls);
		await this.request('seedLens/indexStatus', undefined);
	}

	/** Shuts the server down cleanly and waits for the process to exit with status 0. */
	async stop(): Promise<number | null> {
		const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
		await this.connection.sendRequest('shutdown');
		await this.connection.sendNotification('exit');
		const code = await exited;
		this.connection.dispose();
		return code;
	}

	/** The server's process id. */
	get pid(): number | undefined {
		return this.child.pid;
	}

	/** Kills the server if a test failed before stopping it. */
	kill(): void {
		if (this.child.exitCode === null) this.child.kill();
	}
}

/** The `file:` URI of a path. */
export const uriOf = (p: string) => pathToFileURL(p).toString();

/** A fresh temporary folder holding copies of the given files (or of the fixture corpus). */
export function workspaceCopy(files: string[] = fs.readdirSync(FIXTURES).map((f) => path.join(FIXTURES, f))): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-lens-ws-'));
	for (const f of files) fs.copyFileSync(f, path.join(dir, path.basename(f)));
	return dir;
}

/** Reads a file as the server sees it. */
export const read = (p: string) => fs.readFileSync(p, 'utf8');

/** The LSP position of a UTF-16 offset in `text`. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
	const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
	return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** The UTF-16 position of the n-th occurrence (0-based) of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, nth = 0, delta = 0): { line: number; character: number } {
	let at = -1;
	for (let i = 0; i <= nth; i++) {
		at = text.indexOf(needle, at + 1);
		if (at < 0) throw new Error(`“${needle}” occurs fewer than ${nth + 1} times`);
	}
	return positionAt(text, at + delta);
}
