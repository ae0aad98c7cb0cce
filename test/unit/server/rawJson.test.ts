import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { Message } from 'vscode-languageserver/node';
import { appendToList, encodeMessage as encodeAny, jsonList, RawJsonWriter, sentAs } from '../../../server/src/rawJson';

const encodeMessage = (m: object) => encodeAny(m as Message);

const diagnostics = [
	{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, message: 'Claim attributed to “the UN”: 20,000 mercenaries', severity: 3 },
	{ range: { start: { line: 2, character: 1 }, end: { line: 2, character: 9 } }, message: 'Quote "inside" \\ and \u2028', severity: 4 },
];

test('before any raw-JSON writer exists, a JSON list is simply parsed', () => {
	assert.deepEqual(jsonList(JSON.stringify(diagnostics)), diagnostics);
});

test('the writer puts a JSON list into the message as it is, with the right byte length', async () => {
	const out = new PassThrough();
	const writer = new RawJsonWriter(out);
	const json = JSON.stringify(diagnostics);
	const list = jsonList<unknown>(json);
	assert.equal(sentAs(list).length, 0, 'a stand-in, not a parsed list');
	const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.seed', version: 3, diagnostics: list } };
	// Encoded alone, and as the writer frames it.
	assert.deepEqual(JSON.parse(encodeMessage(message)), { ...message, params: { ...message.params, diagnostics } });
	await writer.write(message);
	const framed = out.read() as Buffer;
	const text = framed.toString('utf8');
	const header = /^Content-Length: (\d+)\r\n\r\n/.exec(text)!;
	const body = framed.subarray(Buffer.byteLength(header[0]));
	assert.equal(Number(header[1]), body.length);
	assert.deepEqual(JSON.parse(body.toString('utf8')).params.diagnostics, diagnostics);
	// Other messages, and a text that only looks like a placeholder, are encoded as JSON always is.
	const other = { jsonrpc: '2.0', id: 1, result: { contents: 'seed-lens-raw-json-0000-1', list: [1, 2] } };
	assert.equal(encodeMessage(other), JSON.stringify(other));
	// Two lists in one message each go in their own place.
	const a = jsonList<number>('[1,2]');
	const b = jsonList<number>('[3]');
	assert.deepEqual(JSON.parse(encodeMessage({ jsonrpc: '2.0', id: 2, result: { a, b } })), { jsonrpc: '2.0', id: 2, result: { a: [1, 2], b: [3] } });
});

test('a list on its way to the editor cannot be read on the server thread: its type has no items', () => {
	const list = jsonList<number>('[1,2]');
	// @ts-expect-error an outgoing list has no length: once a writer exists, it is a stand-in for JSON text
	assert.equal(list.length, 0);
	// @ts-expect-error nor items
	assert.equal(list[0], undefined);
	// It can be extended and sent.
	const sent = { jsonrpc: '2.0', id: 3, result: sentAs(appendToList(list, [3])) };
	assert.deepEqual(JSON.parse(encodeMessage(sent)).result, [1, 2, 3]);
});
