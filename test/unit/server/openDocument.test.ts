import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OpenDocument } from '../../../server/src/openDocument';
import { EditShift, LineIndex } from '../../../server/src/positions';

// The server keeps open documents in its own text document (edits kept as a region, the text
// assembled on demand). After any sequence of edits it must hold the text the library's document
// holds, and answer positions, offsets and lines as the library's document made from that text
// (the library's own incremental line index goes wrong on ranges past the end; ours must not).

const piece = fc.oneof(
	fc.constantFrom('\n', '\r\n', '\r', ' ', 'a', 'é', '😀', '\n\n', 'x\r', '\ny'),
	fc.string({ maxLength: 6 }),
	fc.string({ unit: fc.constantFrom('a', '\n', '\r', ' ', 'ü'), maxLength: 8 }),
);
const text = fc.array(piece, { maxLength: 30 }).map((xs) => xs.join(''));
// Positions may fall outside the text, behind a line's end or on negative lines, as a careless client might send them.
const pos = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 20 }) });
const change = fc.oneof(
	{ weight: 8, arbitrary: fc.record({ range: fc.record({ start: pos, end: pos }), text: piece }) },
	{ weight: 1, arbitrary: fc.record({ text }) },
);
// Typing: single characters at a moving cursor, sometimes a line break, sometimes a deletion.
const typing = fc.array(fc.record({ line: fc.nat(8), character: fc.nat(30), text: fc.constantFrom('a', ' ', '\n', '\r\n', '', 'é') }), {
	minLength: 1,
	maxLength: 40,
});

function same(ours: OpenDocument, edited: TextDocument, probe: { line: number; character: number }[]) {
	assert.equal(ours.getText(), edited.getText());
	const theirs = TextDocument.create(edited.uri, edited.languageId, edited.version, edited.getText());
	assert.equal(ours.lineCount, theirs.lineCount);
	assert.equal(ours.version, theirs.version);
	const n = theirs.getText().length;
	for (let o = -1; o <= n + 1; o++) assert.deepEqual(ours.positionAt(o), theirs.positionAt(o), `positionAt(${o})`);
	for (let l = -1; l <= theirs.lineCount; l++) {
		assert.deepEqual(ours.getLineRange(l), theirs.getLineRange(l), `getLineRange(${l})`);
		assert.equal(ours.getEOLCharacters(l), theirs.getEOLCharacters(l), `getEOLCharacters(${l})`);
	}
	for (const p of probe) {
		assert.equal(ours.offsetAt(p), theirs.offsetAt(p), `offsetAt(${JSON.stringify(p)})`);
		assert.equal(ours.getText({ start: { line: 0, character: 0 }, end: p }), theirs.getText({ start: { line: 0, character: 0 }, end: p }));
	}
}

test('any sequence of edits gives the same text, positions and offsets as the library', () => {
	fc.assert(
		fc.property(text, fc.array(change, { maxLength: 12 }), fc.array(pos, { maxLength: 8 }), (initial, changes, probe) => {
			const ours = OpenDocument.configuration.create('file:///a.seed', 'seed', 1, initial);
			let theirs = TextDocument.create('file:///a.seed', 'seed', 1, initial);
			let version = 1;
			for (const c of changes) {
				version++;
				OpenDocument.configuration.update(ours, [c], version);
				// Each edit on a document fresh from the text so far: the library's index goes wrong past the end.
				theirs = TextDocument.update(TextDocument.create(theirs.uri, 'seed', version - 1, theirs.getText()), [c], version);
				// Reading between edits must not disturb the region kept.
				assert.equal(ours.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 3 } }).length >= 0, true);
			}
			same(ours, theirs, probe);
		}),
		{ numRuns: 400, seed: 7 },
	);
});

test('typed edits in several changes at once, then read piece by piece without assembling', () => {
	fc.assert(
		fc.property(text, typing, (initial, keys) => {
			const ours = new OpenDocument('file:///b.seed', 'seed', 1, initial);
			const theirs = TextDocument.create('file:///b.seed', 'seed', 1, initial);
			const changes = keys.map(({ line, character, text }) => ({
				range: { start: { line, character }, end: { line, character: character + (text === '' ? 1 : 0) } },
				text,
			}));
			ours.update(changes, 2);
			TextDocument.update(theirs, changes, 2);
			const want = theirs.getText();
			assert.equal(ours.length, want.length);
			for (let i = -1; i <= want.length; i++) assert.equal(ours.charCodeAt(i), want.charCodeAt(i));
			for (let i = 0; i <= want.length; i += 3) assert.equal(ours.slice(i, i + 5), want.slice(i, i + 5));
			same(ours, theirs, [{ line: 1, character: 2 }]);
		}),
		{ numRuns: 300, seed: 11 },
	);
});

test('a megabyte typed into keeps its text unassembled until read, and the shift since an analysis is exact', () => {
	const line = 'The minister said on Thursday that 300 soldiers had left Paris. ’\n';
	const initial = 'date 2024-01-01 Title\n\n' + line.repeat(16_000);
	const doc = new OpenDocument('file:///c.seed', 'seed', 1, initial);
	const lines = new LineIndex(initial);
	for (let i = 0; i < 200; i++) doc.update([{ range: { start: { line: 8000, character: 5 + i }, end: { line: 8000, character: 5 + i } }, text: 'x' }], i + 2);
	const shift = new EditShift(initial, lines, doc);
	assert.deepEqual(shift.forward({ line: 8000, character: 70 }), { line: 8000, character: 270 });
	assert.deepEqual(shift.forward({ line: 9000, character: 3 }), { line: 9000, character: 3 });
	assert.equal(shift.back({ line: 8000, character: 100 }), null);
	const text = doc.getText();
	assert.equal(text.length, initial.length + 200);
	assert.equal(text.split('\n')[8000].slice(0, 210), line.slice(0, 5) + 'x'.repeat(200) + line.slice(5, 10));
});
