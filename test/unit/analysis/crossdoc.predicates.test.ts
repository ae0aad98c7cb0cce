import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { parseDocument } from '../../../server/src/analysis/document';
import { conflictsBetween, documentFacts, type FactsDoc } from '../../../server/src/analysis/crossdoc';
import { verbKey } from '../../../server/src/analysis/crossdoc/predicates';
import { quantities } from '../../../server/src/analysis/crossdoc/quantities';

/** The figures of one sentence, as [figure, thing, predicate, tense]. */
function p(sentence: string): [string, string, string | null, string | null][] {
	const d = parseDocument(`date 2022-01-10 T\n\n${sentence}`);
	const s = d.sentences.at(-1)!;
	return quantities(d.tokens, s.first, s.last).map((x) => [x.text, x.thing, x.predicate?.key ?? null, x.predicate?.tense ?? null]);
}

function doc(id: string, text: string): FactsDoc {
	return { id, facts: documentFacts(text, analyze(text)) };
}

const pair = (a: string, b: string) => conflictsBetween(doc('a', a), doc('b', b)).map((c) => c.kind);
const A = (body: string) => `date 2021-11-11 A\n\n${body}\n`;
const B = (body: string) => `date 2021-11-12 B\n\n${body}\n`;

test('a set that is there: "there are", "remain", "are still in"', () => {
	assert.deepEqual(p('According to the UN, there are 20,000 mercenaries in Libya.'), [['20,000', 'mercenary', 'present', null]]);
	assert.deepEqual(p('Some 20,000 foreign fighters remain in Libya.'), [['Some 20,000', 'fighter', 'present', null]]);
	assert.deepEqual(p('About 20,000 foreign fighters are still in the country.'), [['About 20,000', 'fighter', 'present', null]]);
});

test('a set that leaves, whatever the verb, past a participle, a coordinated noun or a relative clause', () => {
	assert.deepEqual(p('Haftar said 300 foreign mercenaries fighting on his side will leave the country.'), [['300', 'mercenary', 'leave', 'plan']]);
	assert.deepEqual(p('A first group of 300 mercenaries and foreign soldiers will be deported.'), [['300', 'mercenary', 'leave', 'plan']]);
	assert.deepEqual(p('Officials said 200 mercenaries would be withdrawn from Libya.'), [['200', 'mercenary', 'leave', 'plan']]);
	assert.deepEqual(p('More than 500 residents are expected to leave by boat.'), [['More than 500', 'resident', 'leave', 'plan']]);
	assert.deepEqual(p('The 300 mercenaries who have left Libya were Syrians.'), [['300', 'mercenary', 'leave', 'done']]);
	assert.deepEqual(p('Then 300 mercenaries left.'), [['300', 'mercenary', 'leave', 'done']]);
});

test('the verb that takes the figure as its object says what the set is', () => {
	assert.deepEqual(p('Mayor Whitlock won 52% of the vote.'), [['52%', 'percent:vote', 'obtain', 'done']]);
	assert.deepEqual(p('Whitlock took more than 50 percent of the vote.'), [['more than 50 percent', 'percent:vote', 'obtain', 'done']]);
	assert.deepEqual(p('The city will receive $5 million in aid.'), [['$5 million', 'USD:aid', 'obtain', 'plan']]);
	// A reporting verb reports a clause: the figure is that clause's subject.
	assert.deepEqual(p('Rebels announced 40 prisoners would be released.'), [['40', 'prisoner', verbKey('release'), 'plan']]);
	// A verb of no class is matched by its stem, the same for all its forms.
	assert.deepEqual(['released', 'releasing', 'releases'].map(verbKey), [verbKey('release'), verbKey('release'), verbKey('release')]);
});

test('a figure whose sentence does not say what its set does has no predicate', () => {
	assert.deepEqual(p("Haftar's 300 mercenaries are Syrians."), [['300', 'mercenary', null, null]]);
	assert.deepEqual(p('Before the flood, Brenna had 15,000 residents.'), [['15,000', 'resident', null, null]]);
	assert.deepEqual(p('The ceremony of about 500 guests began.'), [['about 500', 'guest', null, null]]);
});

test('a total and the part of it that leaves never conflict', () => {
	const leaving = A('Khalifa Haftar said on Thursday that 300 mercenaries would leave Libya.');
	assert.deepEqual(pair(leaving, B('According to the UN, there are 20,000 mercenaries in Libya.')), []);
	assert.deepEqual(pair(leaving, B('The UN says some 20,000 mercenaries remain in Libya.')), []);
	assert.deepEqual(pair(leaving, B('Khalifa Haftar said 2,000 mercenaries had arrived in Libya.')), []);
});

test('a plan and what is already done count different sets', () => {
	const plan = A('Governor Ilse Marten said 500 residents will leave Brenna by boat.');
	assert.deepEqual(pair(plan, B('Governor Ilse Marten said 1,800 residents had left Brenna so far.')), []);
	assert.deepEqual(pair(plan, B('Governor Ilse Marten said 300 residents would leave Brenna by boat.')), ['figure']);
});

test('the same set in other words still conflicts, and agrees within its range', () => {
	const leaving = A('Khalifa Haftar said 300 foreign mercenaries fighting on his side will leave Libya.');
	assert.deepEqual(pair(leaving, B('Forces loyal to Khalifa Haftar said 200 mercenaries would be withdrawn from Libya.')), ['figure']);
	assert.deepEqual(pair(leaving, B('Khalifa Haftar announced that a first group of 200 mercenaries and foreign soldiers will be deported from Libya.')), [
		'figure',
	]);
	assert.deepEqual(pair(leaving, B('Khalifa Haftar promised that about 290 mercenaries would go.')), []);
	const there = A('The UN says some 20,000 foreign fighters remain in Libya.');
	assert.deepEqual(pair(there, B('According to the UN, more than 15,000 foreign fighters are in Libya.')), []);
	assert.deepEqual(pair(there, B('According to the UN, there are 7,000 foreign fighters in Libya.')), ['figure']);
});

test('figures whose sentences say nothing of what their sets do are not compared', () => {
	const a = A("Khalifa Haftar's 300 mercenaries are Syrians, officials in Libya said.");
	assert.deepEqual(pair(a, B("Khalifa Haftar's 200 mercenaries are Syrians, officials in Libya said.")), []);
});
