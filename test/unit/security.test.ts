/**
 * Security: the shipped bundles neither reach the network nor start processes.
 *
 * Two imports of network/process modules come with the language-server library and stay in
 * `dist/server.js`; neither is reached by Seed Lens:
 * - `net`, from vscode-jsonrpc's node entry (lib/node/main.js), backs the pipe and socket
 *   transports (`--pipe=`, `--socket=`); Seed Lens runs over stdio (the CLI tests) or node IPC
 *   (the VS Code client), which use neither.
 * - `child_process`, from vscode-languageserver's node `files.js`, backs
 *   `Files.resolveGlobalNodePath`/`resolveGlobalYarnPath` (they run `npm config get prefix` and
 *   `yarn global dir`); Seed Lens never calls them.
 * The tests below check that these are the only importers (from esbuild's metafile), that the
 * bundles hold no other such import, and that the running server calls none of these modules'
 * connecting or spawning functions while it starts, indexes a folder and serves a document.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { build } from 'esbuild';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const ROOT = resolve(__dirname, '../..');
const FORBIDDEN = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process', 'cluster'];
/** The only importers allowed for a forbidden module, and why (see the module comment). */
const KNOWN: Record<string, RegExp> = {
	net: /(^|\/)node_modules\/vscode-jsonrpc\/lib\/node\/main\.js$/,
	child_process: /(^|\/)node_modules\/vscode-languageserver\/lib\/node\/files\.js$/,
};
const ENTRIES = { server: 'server/src/server.ts', analysisWorker: 'server/src/analysisWorker.ts', cli: 'server/src/cli.ts' };

const bare = (m: string) => m.replace(/^node:/, '').split('/')[0];

test('only the transport and path helpers of the LSP library import network or process modules', async () => {
	for (const [name, entry] of Object.entries(ENTRIES)) {
		if (!existsSync(join(ROOT, entry))) continue;
		const r = await build({
			entryPoints: [join(ROOT, entry)],
			bundle: true,
			platform: 'node',
			format: 'cjs',
			target: 'node20',
			write: false,
			metafile: true,
			logLevel: 'silent',
			outdir: join(tmpdir(), 'seed-lens-security'),
		});
		const found: string[] = [];
		for (const [file, input] of Object.entries(r.metafile.inputs)) {
			for (const imp of input.imports) {
				if (!imp.external || !FORBIDDEN.includes(bare(imp.path))) continue;
				if (!KNOWN[bare(imp.path)]?.test(file)) found.push(`${file} imports ${imp.path}`);
			}
		}
		assert.deepEqual(found, [], `${name}: unexpected network or process imports`);
	}
});

test('the built bundles require no network or process module beyond the two known ones', () => {
	const allowed: Record<string, Record<string, number>> = { 'dist/server.js': { net: 1, child_process: 1 } };
	for (const file of ['dist/server.js', 'dist/cli.js', 'dist/analysisWorker.js']) {
		const path = join(ROOT, file);
		assert.ok(existsSync(path), `${file} is missing: run "node esbuild.js" first`);
		const code = readFileSync(path, 'utf8');
		const counts: Record<string, number> = {};
		for (const m of code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)|\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) {
			const mod = bare(m[1] ?? m[2]);
			if (FORBIDDEN.includes(mod)) counts[mod] = (counts[mod] ?? 0) + 1;
		}
		assert.deepEqual(counts, allowed[file] ?? {}, file);
	}
});

// Preloaded into the server: wraps every function that connects, listens or spawns and reports calls on stderr.
const GUARD = `
const report = (what) => process.stderr.write('\\nSECURITY-GUARD ' + what + '\\n');
const wrap = (mod, name, fns) => { const m = require(mod); for (const f of fns) if (typeof m[f] === 'function') { const orig = m[f]; m[f] = function (...a) { report(name + '.' + f); return orig.apply(this, a); }; } };
wrap('child_process', 'child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
wrap('net', 'net', ['connect', 'createConnection', 'createServer']);
wrap('tls', 'tls', ['connect', 'createServer']);
wrap('http', 'http', ['request', 'get', 'createServer']);
wrap('https', 'https', ['request', 'get', 'createServer']);
wrap('http2', 'http2', ['connect', 'createServer']);
wrap('dgram', 'dgram', ['createSocket']);
wrap('dns', 'dns', ['lookup', 'resolve', 'resolve4', 'resolve6']);
const net = require('net'); const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...a) { report('net.Socket.connect'); return connect.apply(this, a); };
if (typeof fetch === 'function') { const f = fetch; globalThis.fetch = (...a) => { report('fetch'); return f(...a); }; }
`;

function guardFile(): string {
	const file = join(mkdtempSync(join(tmpdir(), 'seed-lens-guard-')), 'guard.cjs');
	writeFileSync(file, GUARD);
	return file;
}

test('the guard sees a connection attempt (so its silence below means something)', () => {
	const r = spawnSync(process.execPath, ['--require', guardFile(), '-e', "require('net').connect(9, '127.0.0.1').on('error', () => {})"], { encoding: 'utf8' });
	assert.match(r.stderr, /SECURITY-GUARD net\.connect/);
});

test('the running server opens no connection and starts no process while it indexes and serves', async () => {
	const server = join(ROOT, 'dist/server.js');
	assert.ok(existsSync(server), 'dist/server.js is missing: run "node esbuild.js" first');
	const child = spawn(process.execPath, ['--require', guardFile(), server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
	let stderr = '';
	child.stderr.on('data', (d) => (stderr += d));
	const c = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
	const ended = new Promise<void>((done) => {
		c.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
			if (p.value?.kind === 'end') done();
		});
	});
	c.onRequest('window/workDoneProgress/create', () => null);
	c.onRequest('client/registerCapability', () => null);
	c.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
	c.listen();
	const folder = join(ROOT, 'test/fixtures/corpus');
	const rootUri = existsSync(folder) ? pathToFileURL(folder).href : null;
	await c.sendRequest('initialize', {
		processId: process.pid,
		rootUri,
		workspaceFolders: rootUri ? [{ uri: rootUri, name: 'corpus' }] : null,
		capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, workspaceFolders: true } },
	});
	await c.sendNotification('initialized', {});
	const uri = pathToFileURL(join(ROOT, 'samples/000_c1e85f038010932c.txt')).href;
	await c.sendNotification('textDocument/didOpen', {
		textDocument: { uri, languageId: 'seed', version: 1, text: readFileSync(join(ROOT, 'samples/000_c1e85f038010932c.txt'), 'utf8') },
	});
	for (const method of [
		'textDocument/hover',
		'textDocument/documentSymbol',
		'textDocument/semanticTokens/full',
		'textDocument/foldingRange',
		'textDocument/codeLens',
	]) {
		await c.sendRequest(method, { textDocument: { uri }, position: { line: 2, character: 10 } });
	}
	await c.sendRequest('workspace/symbol', { query: 'a' });
	let timer: NodeJS.Timeout | undefined;
	if (rootUri) await Promise.race([ended, new Promise((r) => (timer = setTimeout(r, 20_000)))]);
	clearTimeout(timer);
	await c.sendRequest('shutdown');
	const exited = new Promise((done) => child.on('exit', done));
	await c.sendNotification('exit');
	await exited;
	c.dispose();
	assert.deepEqual(stderr.match(/SECURITY-GUARD \S+/g) ?? [], []);
});
