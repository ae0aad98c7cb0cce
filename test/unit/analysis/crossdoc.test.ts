import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { parseDocument } from '../../../server/src/analysis/document';
import { conflictsBetween, CrossDocIndex, documentFacts, type FactsDoc } from '../../../server/src/analysis/crossdoc';
import { quantities } from '../../../server/src/analysis/crossdoc/quantities';

/** The quantities of one sentence, as [thing, unit, lo, hi]. */
function q(sentence: string): [string, string, number, number][] {
	const d = parseDocument(`date 2022-01-10 T\n\n${sentence}`);
	const s = d.sentences.at(-1)!;
	return quantities(d.tokens, s.first, s.last).map((x) => [x.thing, x.unit, x.lo, x.hi]);
}

function doc(id: string, text: string): FactsDoc {
	return { id, facts: documentFacts(text, analyze(text)) };
}

const pair = (a: string, b: string) => conflictsBetween(doc('a', a), doc('b', b)).map((c) => c.kind);

test('a count is of the noun it counts, past adjectives and before the verb', () => {
	assert.deepEqual(q('Haftar said 300 foreign mercenaries fighting on his side will leave.'), [['mercenary', 'count', 300, 300]]);
	assert.deepEqual(q('Some 20,000 foreign fighters remain in Libya.'), [['fighter', 'count', 18000, 22000]]);
});

test('hedges and bounds widen a figure into the range its wording allows', () => {
	assert.deepEqual(q('The blast killed at least eight people.'), [['killed', 'count', 8, Infinity]]);
	assert.deepEqual(q('More than 30 people were injured.'), [['injured', 'count', 31, Infinity]]);
	assert.deepEqual(q('Fewer than 40 soldiers stayed.'), [['soldier', 'count', 0, 39]]);
	assert.deepEqual(q('Up to 500 refugees crossed.'), [['refugee', 'count', 0, 500]]);
	assert.deepEqual(q('Nearly 100 protesters gathered.'), [['protester', 'count', 90, 100]]);
	assert.deepEqual(q('The fund holds 1.5 million dollars in aid.'), [['USD:aid', 'USD', 1450000, 1550000]]);
});

test('casualties are counted by what happened to people, whatever the noun', () => {
	assert.deepEqual(q('Twelve people were killed in the attack.'), [['killed', 'count', 12, 12]]);
	assert.deepEqual(q('The attack killed 12.'), [['killed', 'count', 12, 12]]);
	assert.deepEqual(q('Police said 15 civilians were wounded.'), [['civilian injured', 'count', 15, 15]]);
});

test('units and shares are kept apart from counts', () => {
	assert.deepEqual(q('She won 52% of the vote.'), [['percent:vote', 'percent', 52, 52]]);
	assert.deepEqual(q('The city gets $5 million in aid.'), [['USD:aid', 'USD', 4500000, 5500000]]);
	assert.deepEqual(q('It gets 5 million euros in aid.'), [['EUR:aid', 'EUR', 4500000, 5500000]]);
	assert.deepEqual(q('Losses exceed 40 million euros a day.'), []);
});

test('years, ages, durations, dates, ranks and changes are not counts', () => {
	for (const s of [
		'The mosque was rebuilt in 2015.',
		'A 12-year-old boy was hurt.',
		'The strike lasted 3 weeks.',
		'The vote is on November 24.',
		'Flight 370 disappeared.',
		'Prices rose from 200 to 300 dollars.',
		'About 300 people attended the rally.',
		'Turnout reached 61 percent.',
	])
		assert.deepEqual(q(s), [], s);
});

const LIBYA_A = 'date 2021-11-11 A\n\nKhalifa Haftar said on Thursday that 300 mercenaries would leave Libya.\n';

test('different figures of the same thing, entity and days conflict', () => {
	assert.deepEqual(pair(LIBYA_A, 'date 2021-11-12 B\n\nForces loyal to Khalifa Haftar said that 200 mercenaries would be withdrawn.\n'), ['figure']);
});

test('agreeing, approximate and bounded figures do not conflict while within their range', () => {
	assert.deepEqual(pair(LIBYA_A, 'date 2021-11-12 B\n\nKhalifa Haftar promised that 300 mercenaries would go.\n'), []);
	assert.deepEqual(pair(LIBYA_A, 'date 2021-11-12 B\n\nKhalifa Haftar promised that about 280 mercenaries would go.\n'), []);
	assert.deepEqual(pair(LIBYA_A, 'date 2021-11-12 B\n\nKhalifa Haftar promised that more than 250 mercenaries would go.\n'), []);
	assert.deepEqual(pair(LIBYA_A, 'date 2021-11-12 B\n\nKhalifa Haftar promised that more than 350 mercenaries would go.\n'), ['figure']);
	assert.deepEqual(pair(LIBYA_A, 'date 2021-11-12 B\n\nKhalifa Haftar promised that about 200 mercenaries would go.\n'), ['figure']);
});

test('different counted things, units, entities or weeks never conflict', () => {
	assert.deepEqual(pair(LIBYA_A, 'date 2021-11-12 B\n\nKhalifa Haftar said 200 soldiers would leave Libya.\n'), [], 'thing');
	assert.deepEqual(pair(LIBYA_A, 'date 2021-11-12 B\n\nAbout 200 mercenaries arrived in Mali, diplomats in Bamako said.\n'), [], 'entity');
	assert.deepEqual(pair(LIBYA_A, 'date 2021-12-20 B\n\nKhalifa Haftar said 50 mercenaries had left Libya.\n'), [], 'window');
	assert.deepEqual(
		pair('date 2023-05-15 A\n\nDana Whitlock promised $5 million in aid.\n', 'date 2023-05-15 B\n\nDana Whitlock promised 4 million euros in aid.\n'),
		[],
		'unit',
	);
});

test('a figure the other report also gives is no disagreement', () => {
	const b = 'date 2021-11-12 B\n\nKhalifa Haftar said that 200 mercenaries would leave Libya. In all, Khalifa Haftar said, 300 mercenaries would go.\n';
	assert.deepEqual(pair(LIBYA_A, b), []);
});

test('the same event dated to different days conflicts; a reporting verb or another event does not', () => {
	const a = 'date 2022-04-22 A\n\nA bomb exploded on Thursday at a mosque in Kabul, police said.\n';
	assert.deepEqual(pair(a, 'date 2022-04-23 B\n\nA bomb exploded on Friday at the Shiite mosque in Kabul.\n'), ['date']);
	assert.deepEqual(pair(a, 'date 2022-04-23 B\n\nA bomb exploded on Thursday at a mosque in Kabul.\n'), []);
	assert.deepEqual(pair(a, 'date 2022-04-23 B\n\nPolice in Kabul said on Friday that the mosque would reopen.\n'), []);
	assert.deepEqual(pair(a, 'date 2022-04-23 B\n\nA car bomb exploded on Friday near the airport in Kabul.\n'), []);
});

test('on the written reports of five events, exactly the disagreements a careful reader notes are found', () => {
	const dir = join(__dirname, '../../fixtures/crossdoc');
	const index = new CrossDocIndex();
	for (const f of readdirSync(dir)) {
		const text = readFileSync(join(dir, f), 'utf8');
		index.set(f, documentFacts(text, analyze(text)));
	}
	const found = index
		.conflicts()
		.map((c) => `${c.kind} ${c.a.doc} ${c.b.doc}`)
		.sort();
	assert.deepEqual(found, [
		'date kabul-agency.txt kabul-times.txt',
		'figure election-a.txt election-b.txt',
		'figure election-b.txt election-c.txt',
		'figure flood-courier.txt flood-herald.txt',
		'figure kabul-agency.txt kabul-notes.txt',
		'figure kabul-agency.txt kabul-times.txt',
		'figure kabul-notes.txt kabul-times.txt',
		'figure libya-daily.txt libya-review.seed',
		'figure libya-daily.txt libya-wire.txt',
	]);
	// Incremental: a report corrected to agree leaves the index with one fewer conflict, and only its own share changes.
	const fixed = readFileSync(join(dir, 'libya-daily.txt'), 'utf8').replace('200 mercenaries', '300 mercenaries');
	index.set('libya-daily.txt', documentFacts(fixed, analyze(fixed)));
	assert.deepEqual(index.conflictsOf('libya-daily.txt'), []);
	assert.equal(index.conflicts().length, 7);
});

test('entity pages gather documents, claims, aliases and co-occurring names across the corpus', () => {
	const index = new CrossDocIndex();
	for (const [id, text] of [
		['a', LIBYA_A],
		['b', 'date 2021-11-12 B\n\nHaftar said the fighters would leave. France welcomed the move.\n'],
	])
		index.set(id, documentFacts(text, analyze(text)));
	const page = index.entityPage('haftar')!;
	assert.equal(page.name, 'Khalifa Haftar');
	assert.deepEqual(
		page.documents.map((d) => d.doc),
		['a', 'b'],
	);
	assert.ok(page.said.length >= 1);
	assert.ok(page.cooccurring.some((c) => c.key === 'libya'));
	assert.ok(index.timeline({ entity: 'khalifa haftar' }).every((p) => p.doc === 'a' || p.doc === 'b'));
});
