// A minimal LSP client for the bench: starts dist/server.js over stdio and speaks to it as an editor
// would, answering the server's own requests (progress tokens, configuration) and recording what
// it publishes.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './texts.mjs';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

export const serverPath = join(root, 'dist/server.js');

/** The peak resident set (VmHWM) and current one (VmRSS) of a process, in MB. */
export function memoryOf(pid) {
	try {
		const s = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? NaN);
		return { peakMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
	} catch {
		return { peakMB: NaN, rssMB: NaN };
	}
}

/** CPU time (user and system, all threads) a process has used so far, in ms; NaN where /proc is not there. */
export function cpuOf(pid) {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
			.replace(/^.*\) /s, '')
			.split(' ');
		// After the name: state is field 3, utime field 14 and stime field 15 (clock ticks, 100 a second on Linux).
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	} catch {
		return NaN;
	}
}

/**
 * Starts the server and initializes it. `workspace` (a folder) is sent as the root and only
 * workspace folder. Resolves once `initialize` has answered and `initialized` is sent.
 */
export async function startServer({ workspace } = {}) {
	const t0 = performance.now();
	const proc = spawn(process.execPath, [...(process.env.SERVER_NODE_ARGS ? process.env.SERVER_NODE_ARGS.split(' ') : []), serverPath, '--stdio'], {
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stderr = '';
	proc.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
	const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
	const listeners = new Set();
	const progress = { created: 0, begun: 0, ended: 0, lastEndAt: 0, firstBeginAt: 0, messages: [] };
	conn.onRequest((method, params) => {
		if (method === 'window/workDoneProgress/create') progress.created++;
		if (method === 'workspace/configuration') return (params?.items ?? []).map(() => null);
		return null;
	});
	// The connection keeps $/progress for itself: progress nobody asked for arrives here.
	conn.onUnhandledProgress((params) => {
		const k = params?.value?.kind;
		if (k === 'begin') {
			progress.begun++;
			progress.firstBeginAt ||= performance.now();
		}
		if (k === 'end') {
			progress.ended++;
			progress.lastEndAt = performance.now();
		}
		if (params?.value?.title) progress.messages.push(params.value.title);
		for (const l of listeners) l('$/progress', params, performance.now());
	});
	conn.onNotification((method, params) => {
		for (const l of listeners) l(method, params, performance.now());
	});
	conn.listen();
	const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
	const folder = workspace ? [{ uri: pathToFileURL(workspace).href, name: 'bench' }] : null;
	const init = await conn.sendRequest('initialize', {
		processId: process.pid,
		rootUri: folder ? folder[0].uri : null,
		workspaceFolders: folder,
		capabilities: {
			window: { workDoneProgress: true },
			workspace: { configuration: true, workspaceFolders: true },
			textDocument: {
				publishDiagnostics: { versionSupport: true },
				synchronization: { dynamicRegistration: false },
				hover: { contentFormat: ['markdown'] },
				documentSymbol: { hierarchicalDocumentSymbolSupport: true },
			},
		},
	});
	const startMs = performance.now() - t0;
	await conn.sendNotification('initialized', {});
	return {
		proc,
		conn,
		caps: init.capabilities,
		startMs,
		progress,
		exited,
		stderr: () => stderr,
		/** Calls `fn(method, params, time)` for every notification until the returned function is called. */
		on(fn) {
			listeners.add(fn);
			return () => listeners.delete(fn);
		},
		async stop() {
			try {
				await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
				await conn.sendNotification('exit');
			} catch {
				// the server may already be gone
			}
			const timer = setTimeout(() => proc.kill('SIGKILL'), 3000);
			await exited;
			clearTimeout(timer);
			conn.dispose();
		},
	};
}

/** Resolves with the time the predicate first holds for a notification, or null after `timeoutMs`. */
export function waitFor(server, predicate, timeoutMs) {
	return new Promise((resolve) => {
		const off = server.on((method, params, t) => {
			if (!predicate(method, params)) return;
			off();
			clearTimeout(timer);
			resolve(t);
		});
		const timer = setTimeout(() => {
			off();
			resolve(null);
		}, timeoutMs);
	});
}
