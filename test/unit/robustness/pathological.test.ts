/**
 * The bench's adversarial inputs (long capitalised runs, quotation marks, dots, digits, "of the of
 * the", nested parentheses, one long line, random Unicode…), at a size a unit test can afford,
 * hold every invariant of the analysis. Their speed at 1 MB is measured by the bench, not here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathological } from '../../../bench/pathological';
import { analyze } from '../../../server/src/analysis';
import { violations } from './invariants';

const SIZE = 20_000;

for (const [name, make] of Object.entries(pathological)) {
	test(`the adversarial input “${name}” analyses without breaking an invariant`, () => {
		const text = make(SIZE);
		assert.ok(text.length >= SIZE * 0.9, `the generator gave only ${text.length} characters`);
		const broken = violations(text, analyze(text, { maxFileSize: Infinity }));
		assert.deepEqual(broken.slice(0, 5), []);
	});
}
