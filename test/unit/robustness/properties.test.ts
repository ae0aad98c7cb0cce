/**
 * Property tests of the analysis core: on generated input (fixed seeds, bounded runs) `analyze`
 * never throws, every span lies inside the text with its `text` equal to the slice, mentions do
 * not overlap, date values are well-formed TIMEX3 values, and the result is deterministic.
 */
import assert from 'node:assert/strict';
import { after, test, type TestContext } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../../server/src/analysis';
import { anyText, longLine, seedText } from './arbitraries';
import { timexProblem, violations } from './invariants';

let total = 0;

/** Checks `text` against every invariant and the determinism of its analysis; throws with all violations. */
function holds(text: string): void {
	total++;
	const first = analyze(text);
	const broken = violations(text, first);
	if (broken.length) throw new Error(`${broken.length} violation(s), first: ${broken.slice(0, 5).join('\n')}`);
	assert.equal(JSON.stringify(analyze(text)), JSON.stringify(first), 'a second analysis of the same text differs');
}

// A short failure report: the counterexample (cut, inputs can be 100,000 characters) and the violations.
function check(t: TestContext, arb: fc.Arbitrary<string>, seed: number, numRuns: number): void {
	const before = total;
	const run = fc.check(fc.property(arb, holds), { seed, numRuns });
	t.diagnostic(`${total - before} generated cases (seed ${seed})`);
	if (!run.failed) return;
	const input = JSON.stringify(run.counterexample?.[0] ?? '');
	const why = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
	assert.fail(
		`after ${run.numRuns} cases (seed ${seed}, path ${run.counterexamplePath}), input ${input.length > 400 ? input.slice(0, 400) + '…' : input} (${input.length} chars):\n${why}`,
	);
}

test('news-like text with broken characters, mixed line breaks and any header holds every invariant', (t) => {
	check(t, seedText, 20211111, 500);
});

test('arbitrary strings of any UTF-16 code units hold every invariant', (t) => {
	check(t, anyText, 1848, 300);
});

test('lines of 100,000 characters hold every invariant', (t) => {
	check(t, longLine, 7, 3);
});

test('a header alone, with or without line breaks after it, holds every invariant', (t) => {
	const header = fc.tuple(
		fc.constantFrom('date 2021-11-11 Title', 'date 2021-11-11', 'date', ' date 1999-12-31 A title '),
		fc.constantFrom('', '\n', '\r\n', '\n\n\n', '\r'),
	);
	check(
		t,
		header.map(([h, nl]) => h + nl),
		3,
		40,
	);
});

test('analysing other text in between does not change a text’s annotations', (t) => {
	const before = total;
	fc.assert(
		fc.property(seedText, seedText, (a, b) => {
			total += 2;
			const first = JSON.stringify(analyze(a));
			analyze(b);
			assert.equal(JSON.stringify(analyze(a)), first);
		}),
		{ seed: 99, numRuns: 150 },
	);
	t.diagnostic(`${total - before} generated cases (seed 99)`);
});

test('the TIMEX3 check accepts the contract’s value forms and rejects impossible dates', () => {
	for (const v of [
		'2021',
		'2021-11',
		'2021-11-11',
		'2021-W45',
		'2021-Q4',
		'2021-SU',
		'202',
		'19',
		'PRESENT_REF',
		'PAST_REF',
		'FUTURE_REF',
		'XXXX-11-11',
		'2009-H1',
		'2020-02-29',
	]) {
		assert.equal(timexProblem(v), null, v);
	}
	for (const v of ['2021-13', '2021-02-29', '2021-11-31', '2021-W54', '2021-Q5', 'next week', '', '2021-11-11 ', '20211', 'P1Y']) {
		assert.notEqual(timexProblem(v), null, v);
	}
});

after(() => {
	console.log(`# robustness properties: ${total} generated cases in all`);
});
