// Editor latency through the real server over stdio: start-up, didOpen → diagnostics, typing into
// the 1 MB document with hovers and outlines requested meanwhile, and the same requests at rest.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { percentile } from './core.mjs';
import { startServer, waitFor } from './lsp.mjs';
import { dataDir } from './texts.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Median and worst time from spawning the server to its `initialize` answer, over `n` starts. */
export async function startLatency(n) {
	const xs = [];
	for (let i = 0; i < n; i++) {
		const s = await startServer();
		xs.push(s.startMs);
		await s.stop();
	}
	return { p50: percentile(xs, 50), max: Math.max(...xs), runs: n };
}

// Positions of capitalised words (where hovers have something to say), as LSP positions.
function namePositions(text, count) {
	const lines = text.split('\n');
	const out = [];
	const step = Math.max(1, Math.floor(lines.length / (count * 2)));
	for (let l = 1; l < lines.length && out.length < count; l += step) {
		const m = /(?<=\s)\p{Lu}\p{Ll}+/u.exec(lines[l]);
		if (m) out.push({ line: l, character: m.index + 1 });
	}
	return out;
}

// The time to the answer, whatever it is: while typing the server may answer "content modified"
// (-32801) for a version that is already stale, which is as final for the editor as a result.
let superseded = 0;
async function timed(promise) {
	const t0 = performance.now();
	try {
		await promise;
	} catch (e) {
		if (e?.code === -32801) superseded++;
		else throw e;
	}
	return performance.now() - t0;
}

function diagnosticsClock(server, uri) {
	const seen = []; // [version, time]
	server.on((method, params, t) => {
		if (method === 'textDocument/publishDiagnostics' && params.uri === uri) seen.push([params.version ?? Infinity, t]);
	});
	return {
		/** First time diagnostics for `version` or later arrived after `after`, or null. */
		at(version, after) {
			const hit = seen.find(([v, t]) => v >= version && t >= after);
			return hit ? hit[1] : null;
		},
		wait(version, after, timeoutMs) {
			const t = this.at(version, after);
			if (t !== null) return Promise.resolve(t);
			return waitFor(server, (m, p) => m === 'textDocument/publishDiagnostics' && p.uri === uri && (p.version ?? Infinity) >= version, timeoutMs);
		},
	};
}

/** The full editor scenario on `text` (the 1 MB document). */
export async function editorLatency(text, { edits, intervalMs, restRequests, timeoutMs }) {
	const server = await startServer();
	const uri = pathToFileURL(join(dataDir, 'typing-1mb.seed')).href;
	const clock = diagnosticsClock(server, uri);
	// A server that offers pull diagnostics is asked, as VS Code would; otherwise we wait for the push.
	const pull = !!server.caps.diagnosticProvider;
	const fresh = async (version, after) => {
		if (!pull) return clock.wait(version, after, timeoutMs);
		await server.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
		return performance.now();
	};
	const result = { diagnosticsMode: pull ? 'pull' : 'push' };
	const tOpen = performance.now();
	await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
	const tDiag = await fresh(1, tOpen);
	result.openToDiagnostics = tDiag === null ? NaN : tDiag - tOpen;

	const spots = namePositions(text, 50);
	const hover = (p) => server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: p });
	const symbols = () => server.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
	const rest = { hover: [], symbols: [] };
	for (let i = 0; i < restRequests; i++) {
		rest.hover.push(await timed(hover(spots[i % spots.length])));
		if (i % 2 === 0) rest.symbols.push(await timed(symbols()));
	}
	result.symbolsBytes = JSON.stringify(await symbols()).length;
	result.restHover = { p50: percentile(rest.hover, 50), p99: percentile(rest.hover, 99), n: rest.hover.length };
	result.restSymbols = { p50: percentile(rest.symbols, 50), p99: percentile(rest.symbols, 99), n: rest.symbols.length };

	// Type a sentence, one character per edit, in the middle of the document, asking for a hover
	// after every keystroke and for the outline after every other one, as an editor does.
	const lines = text.split('\n');
	const line = Math.floor(lines.length / 2);
	const typed = ' The minister said on Thursday that 300 soldiers had left Paris, according to the UN.'.repeat(10);
	const sentAt = [];
	const during = { hover: [], symbols: [] };
	const pending = [];
	superseded = 0;
	const t0 = performance.now();
	for (let i = 0; i < edits; i++) {
		await sleep(t0 + i * intervalMs - performance.now());
		const pos = { line, character: lines[line].length + i };
		sentAt.push(performance.now());
		void server.conn.sendNotification('textDocument/didChange', {
			textDocument: { uri, version: i + 2 },
			contentChanges: [{ range: { start: pos, end: pos }, text: typed[i % typed.length] }],
		});
		pending.push(timed(hover(spots[i % spots.length])).then((ms) => during.hover.push(ms)));
		if (i % 2 === 0) pending.push(timed(symbols()).then((ms) => during.symbols.push(ms)));
	}
	const last = edits + 1;
	const tLast = await fresh(last, sentAt[edits - 1]);
	await Promise.race([Promise.all(pending), sleep(timeoutMs)]);
	const perEdit = sentAt.map((t, i) => (clock.at(i + 2, t) ?? NaN) - t);
	result.typing = {
		edits,
		intervalMs,
		lastEditToDiagnostics: tLast === null ? NaN : tLast - sentAt[edits - 1],
		freshP50: percentile(perEdit, 50),
		freshP99: percentile(perEdit, 99),
		hover: { p50: percentile(during.hover, 50), p99: percentile(during.hover, 99), n: during.hover.length },
		symbols: { p50: percentile(during.symbols, 50), p99: percentile(during.symbols, 99), n: during.symbols.length },
		superseded,
	};
	result.alive = server.proc.exitCode === null;
	await server.stop();
	return result;
}
