/**
 * Server robustness over stdio: broken framing and JSON, unknown methods, requests about
 * documents that are not open, positions out of range, versions out of order, thousands of random
 * incremental edits (after which the server's annotations equal a fresh analysis of the text the
 * editor holds), and memory given back after documents close. The server must never exit while
 * its input is open, and must end when it closes.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathological, rng } from '../../bench/pathological';
import { analyze, type DocumentAnnotations } from './analyzeAsServer';
import { read, SAMPLE, SERVER, Session } from './harness';

const frame = (body: Buffer | string) => {
	const b = Buffer.from(body);
	return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`), b]);
};
const INITIALIZE = frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));

/** Writes raw bytes, then a valid `initialize`; resolves with whether it was answered and whether the server is alive. */
function rawExchange(bytes: Buffer, ms = 5000): Promise<{ answered: boolean; alive: boolean; exitCode: number | null }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
		let out = '';
		const finish = () => {
			clearTimeout(timer);
			const alive = child.exitCode === null && child.signalCode === null;
			child.kill();
			resolve({ answered: /"id":1,"result"/.test(out), alive, exitCode: child.exitCode });
		};
		child.stdout.on('data', (d) => {
			out += d;
			if (/"id":1,"result"/.test(out)) finish();
		});
		child.on('exit', finish);
		const timer = setTimeout(finish, ms);
		child.stdin.write(Buffer.concat([bytes, INITIALIZE]));
	});
}

const rssMB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
const strip = (a: DocumentAnnotations | null) => {
	if (!a) return a;
	const { file: _file, ...rest } = a;
	return rest;
};

describe('framing and JSON', () => {
	test('garbage bytes behind a valid Content-Length are skipped and the next request is answered', async () => {
		const r = await rawExchange(frame(Buffer.from([0xff, 0x00, 0x7b, 0x22, 0x61, 0x5c, 0x00, 0xfe, 0x41, 0x42, 0x43, 0x7d])));
		assert.deepEqual(r, { answered: true, alive: true, exitCode: null });
	});

	test('well-formed JSON that is not JSON-RPC (an object, an array, null) does not stop the server', async () => {
		for (const body of ['{"hello":"world"}', '[1,2,3]', 'null', '{"jsonrpc":"2.0","id":7}', '{"jsonrpc":"2.0","method":42}']) {
			const r = await rawExchange(frame(body));
			assert.deepEqual(r, { answered: true, alive: true, exitCode: null }, body);
		}
	});

	// A header without a usable length loses the framing for good: the stream cannot be resynchronised,
	// so the server stays up (the editor restarts it) rather than guessing where the next message starts.
	test('a header without a usable Content-Length leaves the server running', async () => {
		for (const header of ['Foo: bar\r\n\r\n{}', 'Content-Length: abc\r\n\r\n', 'Content-Length: -5\r\n\r\n']) {
			const r = await rawExchange(Buffer.from(header), 1500);
			assert.equal(r.alive, true, JSON.stringify(header));
		}
	});
});

describe('requests the server cannot serve', () => {
	let s: Session;
	const sample = read(SAMPLE);
	const uri = 'file:///robustness/sample.seed';
	before(async () => {
		s = await Session.start();
		await s.open(uri, sample);
	});
	after(() => s?.kill());

	test('an unknown request gets MethodNotFound and unknown notifications are ignored', async () => {
		await assert.rejects(s.request('seedLens/noSuchRequest', {}), (e: { code?: number }) => e.code === -32601);
		await s.notify('seedLens/noSuchNotification', { x: 1 });
		await s.notify('$/noSuchThing', null);
		assert.ok((await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 5 } })) !== undefined);
	});

	test('every document request about a document that is not open answers empty, without an error', async () => {
		const textDocument = { uri: 'file:///robustness/never-opened.seed' };
		const position = { line: 0, character: 0 };
		const range = { start: position, end: { line: 3, character: 0 } };
		const asks: [string, unknown][] = [
			['textDocument/hover', { textDocument, position }],
			['textDocument/documentSymbol', { textDocument }],
			['textDocument/semanticTokens/full', { textDocument }],
			['textDocument/semanticTokens/range', { textDocument, range }],
			['textDocument/inlayHint', { textDocument, range }],
			['textDocument/foldingRange', { textDocument }],
			['textDocument/codeLens', { textDocument }],
			['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
			['textDocument/definition', { textDocument, position }],
			['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
			['textDocument/documentHighlight', { textDocument, position }],
			['seedLens/annotations', { uri: textDocument.uri }],
		];
		for (const [method, params] of asks) {
			const r = (await s.request(method, params)) as unknown;
			const empty =
				r === null ||
				(Array.isArray(r) && r.length === 0) ||
				(typeof r === 'object' && Array.isArray((r as { data?: unknown[] }).data) && (r as { data: unknown[] }).data.length === 0);
			assert.ok(empty, `${method} answered ${JSON.stringify(r).slice(0, 200)}`);
		}
	});

	test('positions far outside the document are answered, not failed', async () => {
		const positions = [
			{ line: 1_000_000, character: 0 },
			{ line: 0, character: 1_000_000_000 },
			{ line: 2, character: -5 },
			{ line: -1, character: 3 },
		];
		for (const position of positions) {
			for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight']) {
				await s.request(method, { textDocument: { uri }, position, context: { includeDeclaration: true } });
			}
			await s.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: position } });
		}
		assert.deepEqual(strip(await s.request('seedLens/annotations', { uri })), analyze(sample));
	});

	test('versions sent out of order leave the annotations of the last text received', async () => {
		const texts = [
			'date 2021-05-01 First\n\nThe minister said on Monday that 300 people left Paris.\n',
			'date 2021-05-02 Second\n\nNo one spoke.\n',
			'date 2021-05-03 Third\n\n“We will stay,” Maria Okafor said on Friday.\n',
		];
		const versions = [10, 4, 4];
		for (let i = 0; i < texts.length; i++) await s.change(uri, versions[i], texts[i]);
		assert.deepEqual(strip(await s.request('seedLens/annotations', { uri })), analyze(texts[2]));
	});
});

describe('adversarial documents', () => {
	let s: Session;
	before(async () => {
		s = await Session.start();
	});
	after(() => s?.kill());

	test('adversarial documents of 100,000 characters are served like any other', async () => {
		for (const name of ['random Unicode', 'nested parentheses', 'quotation marks', 'initials and abbreviations']) {
			const uri = `file:///robustness/${encodeURIComponent(name)}.seed`;
			const text = pathological[name](100_000);
			await s.open(uri, text);
			assert.deepEqual(strip(await s.request('seedLens/annotations', { uri })), analyze(text), name);
			await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 10 } });
			await s.close(uri);
		}
	});

	test('a document over the size limit gets one diagnostic saying so and the server keeps serving', async () => {
		const uri = 'file:///robustness/too-large.seed';
		await s.open(uri, 'date 2021-11-11 Too large\n\n' + 'The minister said so. '.repeat(260_000));
		const published = await s.diagnosticsFor(uri, 1);
		assert.deepEqual(
			published.diagnostics.map((d) => d.code),
			['file-too-large'],
		);
		assert.ok(await s.request('textDocument/documentSymbol', { textDocument: { uri } }));
	});
});

describe('typing', () => {
	let s: Session;
	after(() => s?.kill());

	test('after 5,000 random incremental edits the annotations equal a fresh analysis of the final text', async () => {
		s = await Session.start();
		const uri = 'file:///robustness/typing.seed';
		const start = read(SAMPLE);
		let doc = TextDocument.create(uri, 'seed', 1, start);
		await s.open(uri, start);
		const r = rng(5000);
		const pieces = [
			'',
			'a',
			'e',
			' ',
			'.',
			',',
			'Paris',
			' said ',
			'Khalifa Haftar',
			'\n',
			'\r\n',
			'\n\n',
			'“',
			'”',
			'"',
			'2021',
			'last Thursday',
			'😀',
			'\u0301',
			'é',
			'U.S.',
			'\ud800',
			'300,000',
		];
		for (let v = 2; v <= 5001; v++) {
			const len = doc.getText().length;
			const from = Math.floor(r() * (len + 1));
			// Mostly typing and deleting a little; now and then a larger cut, a paste, or a range past the end.
			const cut = r() < 0.9 ? Math.floor(r() * 3) : Math.floor(r() * 200);
			const to = r() < 0.01 ? len + 50 : Math.min(len, from + cut);
			const text = r() < 0.05 ? pieces.join(' ') : pieces[Math.floor(r() * pieces.length)];
			const range = { start: doc.positionAt(from), end: r() < 0.01 ? { line: 99_999, character: 7 } : doc.positionAt(to) };
			TextDocument.update(doc, [{ range, text }], v);
			await s.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text }] });
			if (v % 1000 === 0) await s.request('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(Math.floor(r() * doc.getText().length)) });
		}
		doc = TextDocument.create(uri, 'seed', 5001, doc.getText());
		const final = doc.getText();
		assert.deepEqual(strip(await s.request('seedLens/annotations', { uri })), analyze(final));
		const published = await s.diagnosticsFor(uri, 5001);
		assert.equal(published.version, 5001);
		assert.equal(await s.stop(), 0);
	});
	// A long document is typed into in bursts: the server keeps its text as an edited region, sends the
	// analysis thread only what changed, and refreshes the sections in between. Whatever the mix of
	// typing, jumps, pauses and a paste larger than a change is sent as, the result is a fresh analysis.
	test('typing in bursts into a long document ends with the annotations of a fresh analysis', async () => {
		const t = await Session.start();
		try {
			const uri = 'file:///robustness/long-typing.seed';
			const body = read(SAMPLE).split('\n').slice(1).join('\n');
			const start =
				read(SAMPLE).split('\n')[0] + '\n' + Array.from({ length: 40 }, (_, i) => body.replace(/Haftar/g, `Haftar${i % 7 ? '' : 'i'}`)).join('\n\n');
			assert.ok(start.length > 100_000);
			let doc = TextDocument.create(uri, 'seed', 1, start);
			await t.open(uri, start);
			await t.diagnosticsFor(uri, 1);
			const r = rng(77);
			let cursor = Math.floor(start.length / 2);
			const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
			for (let v = 2; v <= 400; v++) {
				const len = doc.getText().length;
				if (r() < 0.03) cursor = Math.floor(r() * len);
				cursor = Math.min(cursor, len);
				const paste = v === 200;
				const del = !paste && r() < 0.15;
				const text = paste ? body.repeat(8) : del ? '' : ' said on Thursday the U.N. in Paris\n'[Math.floor(r() * 36)];
				const range = { start: doc.positionAt(del ? Math.max(0, cursor - 1) : cursor), end: doc.positionAt(cursor) };
				TextDocument.update(doc, [{ range, text }], v);
				cursor = del ? Math.max(0, cursor - 1) : cursor + text.length;
				await t.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text }] });
				if (v % 37 === 0) await sleep(r() < 0.5 ? 45 : 550);
				else await sleep(5);
			}
			doc = TextDocument.create(uri, 'seed', 400, doc.getText());
			const published = await t.diagnosticsFor(uri, 400);
			assert.equal(published.version, 400);
			assert.deepEqual(strip(await t.request('seedLens/annotations', { uri })), analyze(doc.getText()));
		} finally {
			t.kill();
		}
	});
});

describe('memory', () => {
	let s: Session;
	after(() => s?.kill());

	// Large documents opened, analysed and closed one after another must not pile up in the server:
	// after the first cycle the resident size may move with the garbage collector, but not by the
	// size of every analysis kept.
	test('memory comes back after large documents are closed', async (t) => {
		s = await Session.start();
		const body = read(SAMPLE).replace(/^[^\n]*\n/, '');
		const big = (i: number) =>
			`date 2021-11-${String(10 + i).padStart(2, '0')} Large document ${i}\n\n` + body.replace(/\d/g, String(i % 10)).repeat(Math.ceil(250_000 / body.length));
		const cycle = async (i: number) => {
			const uri = `file:///robustness/large-${i}.seed`;
			await s.open(uri, big(i));
			const a = await s.request<DocumentAnnotations | null>('seedLens/annotations', { uri });
			assert.ok(a && a.entities.length > 0, 'the large document was analysed');
			await s.close(uri);
			assert.equal(await s.request('seedLens/annotations', { uri }), null, 'a closed document is forgotten');
		};
		await cycle(0);
		const baseline = rssMB(s.pid!);
		for (let i = 1; i <= 4; i++) await cycle(i);
		const grown = rssMB(s.pid!) - baseline;
		t.diagnostic(`resident ${baseline.toFixed(0)} MB after the first document, ${(baseline + grown).toFixed(0)} MB after four more`);
		assert.ok(grown < 200, `the server grew by ${grown.toFixed(0)} MB over four 250 kB documents opened and closed (baseline ${baseline.toFixed(0)} MB)`);
		assert.equal(await s.stop(), 0);
	});
});

describe('end of input', () => {
	// The server reads standard input itself (see server.ts): closing it must still end the server.
	// Input closes once the answer to `last` is out (or at once), as an editor closes it.
	const exitAfter = (bytes: Buffer, last?: number): Promise<number | null> =>
		new Promise((resolve) => {
			const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
			const timer = setTimeout(() => child.kill(), 10_000);
			child.on('exit', (code) => {
				clearTimeout(timer);
				resolve(code);
			});
			let out = '';
			child.stdout.on('data', (d) => {
				out += d;
				if (last !== undefined && out.includes(`"id":${last},`)) child.stdin.end();
			});
			child.stdin.write(bytes);
			if (last === undefined) child.stdin.end();
		});

	test('the server ends with status 0 when the editor closes its input after a shutdown request', async () => {
		const shutdown = frame(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
		assert.equal(await exitAfter(Buffer.concat([INITIALIZE, shutdown]), 2), 0);
	});

	test('and with status 1 when the input closes without one', async () => {
		assert.equal(await exitAfter(INITIALIZE), 1);
	});
});
