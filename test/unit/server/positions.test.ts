// One line index: the analysed text's `LineIndex` and the open document count line breaks with the
// same function (LF, CRLF as one, a lone CR), so a position means the same line in both; and one
// order of positions, which every feature uses instead of comparing lines and characters itself.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { OpenDocument } from '../../../server/src/openDocument';
import { isBefore, isInRange, lineStarts, LineIndex } from '../../../server/src/positions';

const text = fc.array(fc.constantFrom('a', 'é', ' ', '\n', '\r\n', '\r', '\n\r', '😀'), { maxLength: 40 }).map((xs) => xs.join(''));

test('the analysed text and the open document place every offset on the same line and character', () => {
	fc.assert(
		fc.property(text, (t) => {
			const index = new LineIndex(t);
			const doc = new OpenDocument('file:///a.seed', 'seed', 1, t);
			assert.equal(index.lineCount, doc.lineCount);
			for (let o = 0; o <= t.length; o++) {
				const p = doc.positionAt(o);
				// The open document keeps an offset inside a CRLF at the line's end, as the library does.
				if (t[o - 1] === '\r' && t[o] === '\n') continue;
				assert.deepEqual(index.position(o), p, `offset ${o} of ${JSON.stringify(t)}`);
			}
		}),
	);
});

test('line starts follow LF, CRLF (one break) and a lone CR, after the given offset', () => {
	assert.deepEqual(lineStarts('a\nb\r\nc\rd', 0, [0]), [0, 2, 5, 7]);
	assert.deepEqual(lineStarts('x\ny', 10), [12]);
	assert.deepEqual(lineStarts('x\r', 3), [5]);
});

test('positions are ordered by line, then character; a range holds both its ends', () => {
	assert.ok(isBefore({ line: 1, character: 9 }, { line: 2, character: 0 }));
	assert.ok(isBefore({ line: 2, character: 1 }, { line: 2, character: 2 }));
	assert.ok(!isBefore({ line: 2, character: 2 }, { line: 2, character: 2 }));
	const r = { start: { line: 1, character: 4 }, end: { line: 3, character: 0 } };
	assert.ok(isInRange({ line: 1, character: 4 }, r) && isInRange({ line: 3, character: 0 }, r) && isInRange({ line: 2, character: 99 }, r));
	assert.ok(!isInRange({ line: 1, character: 3 }, r) && !isInRange({ line: 3, character: 1 }, r));
});

test('no server module outside positions.ts compares positions line by line', () => {
	const root = join(__dirname, '..', '..', '..', 'server', 'src');
	const files = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'analysis' ? [] : files(join(dir, e.name))) : [join(dir, e.name)]));
	const comparing = /(\w+)\.line [<>]=? (\w+)\.line \|\| \(\1\.line === \2\.line && \1\.character/;
	const found = files(root)
		.filter((f) => f.endsWith('.ts') && !f.endsWith('positions.ts'))
		.filter((f) => comparing.test(readFileSync(f, 'utf8')));
	assert.deepEqual(found, []);
});
