import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findClaims } from '../../../server/src/analysis/claims';
import { parseDocument } from '../../../server/src/analysis/document';
import type { Claim, Entity, EntityType } from '../../../server/src/analysis/types';

const HEADER = 'date 2024-03-05 Test article\n\n';

/** The claims of a seed whose body is `body`, with entities built from `names`. */
function claimsOf(body: string, names: [EntityType, string][] = []): { text: string; claims: Claim[] } {
	const text = HEADER + body;
	const entities: Entity[] = names.map(([type, name], i) => ({ id: `e${i + 1}`, type, name, mentions: mentionsOf(text, name) }));
	return { text, claims: findClaims(parseDocument(text), entities) };
}

function mentionsOf(text: string, name: string) {
	const out = [];
	for (let i = text.indexOf(name, HEADER.length); i >= 0; i = text.indexOf(name, i + 1)) out.push({ start: i, end: i + name.length, text: name });
	return out;
}

/** The span of the first `sub` in `text` at or after `from`. */
function at(text: string, sub: string, from = 0) {
	const start = text.indexOf(sub, from);
	assert.ok(start >= 0, `“${sub}” is not in the text`);
	return { start, end: start + sub.length, text: sub };
}

const content = (text: string, c: Claim) => (c.content ? text.slice(c.content.start, c.content.end) : null);

test('a subject before "said that" is the source and the that-clause the content', () => {
	const { text, claims } = claimsOf('The ministry said on Tuesday that forty schools would close.');
	assert.equal(claims.length, 1);
	const [c] = claims;
	assert.equal(c.kind, 'attributed');
	assert.deepEqual(c.cue, at(text, 'said'));
	assert.deepEqual(c.source, at(text, 'The ministry'));
	assert.equal(content(text, c), 'forty schools would close');
	assert.equal(c.text, 'The ministry said on Tuesday that forty schools would close.');
});

test('"according to" at the head of a sentence names the source and the content follows the comma', () => {
	const { text, claims } = claimsOf('According to the health agency, 1,200 people were treated in hospital.');
	const [c] = claims;
	assert.deepEqual(c.cue, at(text, 'According to'));
	assert.deepEqual(c.source, at(text, 'the health agency'));
	assert.equal(content(text, c), '1,200 people were treated in hospital');
	assert.deepEqual(c.figures, ['1,200 people']);
});

test('"according to" at the end of a sentence takes the content before it', () => {
	const { text, claims } = claimsOf('Turnout fell sharply in the north, according to early returns.');
	assert.deepEqual(claims[0].source, at(text, 'early returns'));
	assert.equal(content(text, claims[0]), 'Turnout fell sharply in the north');
});

test('a speaker after the content ("…, the union said.") keeps the content before it', () => {
	const { text, claims } = claimsOf('The talks collapsed after midnight, the union said.');
	assert.deepEqual(claims[0].source, at(text, 'the union'));
	assert.equal(content(text, claims[0]), 'The talks collapsed after midnight');
});

test('a name with an apposition is one source', () => {
	const { text, claims } = claimsOf('Karl Weber, the mayor of Linz, said the river had peaked.', [
		['PERSON', 'Karl Weber'],
		['GPE', 'Linz'],
	]);
	assert.deepEqual(claims[0].source, { ...at(text, 'Karl Weber, the mayor of Linz'), entity: 'e1' });
	assert.equal(content(text, claims[0]), 'the river had peaked');
});

test('a relative clause between the speaker and the cue is skipped', () => {
	const { text, claims } = claimsOf('The carrier, which lost money for a third year, announced 400 job cuts.');
	assert.deepEqual(claims[0].cue, at(text, 'announced'));
	assert.deepEqual(claims[0].source, at(text, 'The carrier'));
});

test('the agent of a passive cue is the source', () => {
	const { text, claims } = claimsOf('The results were announced by the electoral commission on Sunday.');
	assert.deepEqual(claims[0].cue, at(text, 'announced'));
	assert.deepEqual(claims[0].source, at(text, 'the electoral commission'));
});

test('a passive cue without an agent has no source', () => {
	const { text, claims } = claimsOf('The merger is expected to close in May.');
	assert.deepEqual(claims[0].cue, at(text, 'expected'));
	assert.equal(claims[0].source, null);
	assert.equal(content(text, claims[0]), 'to close in May');
});

test('a participle after a comma shares the subject of its clause', () => {
	const { text, claims } = claimsOf('The airline cut 300 jobs on Friday, saying demand had collapsed.');
	const saying = claims.find((c) => c.cue?.text === 'saying');
	assert.ok(saying);
	assert.deepEqual(saying.source, at(text, 'The airline'));
	assert.equal(content(text, saying), 'demand had collapsed');
});

test('"told reporters that" skips the listeners to reach the content', () => {
	const { text, claims } = claimsOf('The coach told reporters in Madrid that the team was ready.');
	assert.deepEqual(claims[0].cue, at(text, 'told'));
	assert.deepEqual(claims[0].source, at(text, 'The coach'));
	assert.equal(content(text, claims[0]), 'the team was ready');
});

test('"said in a statement" is one cue', () => {
	const { text, claims } = claimsOf('The bank said in a statement that profits had doubled.');
	assert.equal(claims.length, 1);
	assert.deepEqual(claims[0].cue, at(text, 'said in a statement'));
});

test('"quoted X as saying" makes X the speaker of "saying"', () => {
	const { text, claims } = claimsOf('State media quoted the minister as saying that talks had failed.');
	const saying = claims.find((c) => c.cue?.text === 'saying');
	assert.deepEqual(saying?.source, at(text, 'the minister'));
	assert.deepEqual(claims.find((c) => c.cue?.text === 'quoted')?.source, at(text, 'State media'));
});

test('the possessor of a reporting noun is its source', () => {
	const { text, claims } = claimsOf('The company’s statement gave no reason for the delay.');
	assert.deepEqual(claims[0].cue, at(text, 'statement'));
	assert.deepEqual(claims[0].source, at(text, 'The company'));
});

test('a report named as the source of "according to" is not a second claim', () => {
	const { text, claims } = claimsOf('According to a police report, two cars collided near the bridge.');
	assert.equal(claims.length, 1);
	assert.deepEqual(claims[0].source, at(text, 'a police report'));
});

test('a source links to the person it names rather than the place in the title', () => {
	const { claims } = claimsOf('Lisbon’s mayor, Rui Alves, said the ferry would resume.', [
		['GPE', 'Lisbon'],
		['PERSON', 'Rui Alves'],
	]);
	assert.equal(claims[0].source?.entity, 'e2');
});

test('"she" as a source links to the person mentioned last', () => {
	const { text, claims } = claimsOf('Ana Costa toured the damaged school. She said repairs would take a year.', [['PERSON', 'Ana Costa']]);
	assert.deepEqual(claims[0].source, { ...at(text, 'She'), entity: 'e1' });
});

test('words that merely look like cues are not claims', () => {
	for (const body of [
		'The bakery added a second oven.',
		'Residents have a say in the plan.',
		'It was a very demanding climb.',
		'The United States imposed new rules.',
	]) {
		assert.deepEqual(claimsOf(body).claims, [], body);
	}
});

test('a cue at a clause end needs a speaker before it', () => {
	const { text, claims } = claimsOf('The port will reopen, he added.');
	assert.deepEqual(claims[0].cue, at(text, 'added'));
	assert.deepEqual(claims[0].source, at(text, 'he', text.indexOf(', he')));
	assert.deepEqual(
		claimsOf('Its neighbours, including small states, agreed.').claims.filter((c) => c.cue?.text === 'states'),
		[],
	);
});

test('"some say" and "many believe" are cues with those sources', () => {
	const { text, claims } = claimsOf('Some say the tax will hurt farmers.');
	assert.deepEqual(claims[0].cue, at(text, 'say'));
	assert.deepEqual(claims[0].source, at(text, 'Some'));
});

test('a boilerplate sentence produces no claims', () => {
	const { claims } = claimsOf('The Valley Herald is a weekly newspaper published in Fresno, the company said. All rights reserved, 2024 record.');
	assert.deepEqual(claims, []);
});

test('a truncated sentence still gives its cue, source and what content there is', () => {
	const { text, claims } = claimsOf('Officials announced in a statement that the closure of.');
	assert.deepEqual(claims[0].cue, at(text, 'announced in a statement'));
	assert.deepEqual(claims[0].source, at(text, 'Officials'));
	assert.equal(content(text, claims[0]), 'the closure of');
});

test('claims come out in text order', () => {
	const { claims } = claimsOf('Prices rose 4% in May. The union said pay must follow. Analysts expect a rate rise.');
	assert.deepEqual(
		claims.map((c) => [c.kind, c.cue?.text ?? null]),
		[
			['unattributed', null],
			['attributed', 'said'],
			['attributed', 'expect'],
		],
	);
});

test('a reporting noun after an amount is a noun: the amount is not its source', () => {
	for (const body of [
		'The United Nations launched a $160 million emergency appeal on Tuesday.',
		'The charity issued a 12-point call for action to the government.',
	]) {
		const { text, claims } = claimsOf(body);
		const sources = claims.map((c) => (c.source ? text.slice(c.source.start, c.source.end) : null));
		assert.ok(
			sources.every((s) => s === null || !/\d/.test(s)),
			`an amount was taken for the source in “${body}”: ${JSON.stringify(sources)}`,
		);
	}
	// Without an amount, the same word after a plural subject stays a verb with its speaker.
	const { text, claims } = claimsOf('The workers appeal for calm, the union said.');
	const appeal = claims.find((c) => c.cue?.text === 'appeal');
	assert.ok(appeal?.source, 'the verb lost its source');
	assert.equal(text.slice(appeal.source.start, appeal.source.end), 'The workers');
});

test('the subject of the verb that issues a reporting noun is its source', () => {
	for (const [body, source] of [
		['The United Nations launched a $160 million emergency appeal on Tuesday.', 'The United Nations'],
		['The army released a short statement: the talks had failed.', 'The army'],
	]) {
		const { text, claims } = claimsOf(body);
		const noun = claims.find((c) => c.cue && /appeal|statement/.test(c.cue.text));
		assert.ok(noun, `no claim on the reporting noun in “${body}”`);
		assert.equal(noun.source && text.slice(noun.source.start, noun.source.end), source);
	}
});

test('a joiner glued inside a name (5+5, G7/G20) does not cut the source phrase', () => {
	const { text, claims } = claimsOf('Delegates to the so-called 5+5 military commission, which is made up of rival camps, said the fighters would leave.');
	const said = claims.find((c) => c.cue?.text === 'said');
	assert.ok(said?.source, 'no source');
	assert.match(text.slice(said.source.start, said.source.end), /5\+5 military commission$/);
});

test('a quotation over several paragraphs lists the figures and hedges of all of them', () => {
	const { claims } = claimsOf(
		'“The plan is good for everyone who lives in the town, and nobody will lose out.\n\nIt will cost $4 million over two years and it is reportedly popular.\n\nThis is what people asked for,” the mayor said on Monday.',
	);
	const quote = claims.find((c) => c.kind === 'quote');
	assert.ok(quote, 'the quotation is a claim');
	assert.deepEqual(quote.figures, ['$4 million']);
	assert.deepEqual(quote.hedges, ['reportedly']);
});

test('fixed phrases built on "say" and "speak" report nothing', () => {
	for (const body of [
		'That said, turnout in the northern districts was low.',
		'Having said that, the harbour reopened within a week.',
		'That being said, the harvest was poor again.',
		'Needless to say, the bridge stayed closed.',
		'The forecast was, to say the least, gloomy.',
		'Suffice it to say the tunnel ran late.',
		'The budget was, so to speak, a holding operation.',
		'A port like, say, Gdansk would gain the most.',
	]) {
		assert.deepEqual(
			findClaims(parseDocument(HEADER + body), []).filter((c) => c.cue),
			[],
			body,
		);
	}
	// The verb itself still reports.
	const { claims } = claimsOf('The mayor said that turnout was low. “That said, we will count again,” she added.');
	assert.deepEqual(
		claims.map((c) => c.cue?.text),
		['said', 'added'],
	);
});
