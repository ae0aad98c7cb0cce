import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findClaims } from '../../../server/src/analysis/claims';
import { parseDocument } from '../../../server/src/analysis/document';
import type { Claim, Entity, EntityType } from '../../../server/src/analysis/types';

const HEADER = 'date 2023-10-02 Quotes\n\n';

function claimsOf(body: string, names: [EntityType, string][] = []): { text: string; claims: Claim[] } {
	const text = HEADER + body;
	const entities: Entity[] = names.map(([type, name], i) => {
		const mentions = [];
		for (let k = text.indexOf(name); k >= 0; k = text.indexOf(name, k + 1)) mentions.push({ start: k, end: k + name.length, text: name });
		return { id: `e${i + 1}`, type, name, mentions };
	});
	return { text, claims: findClaims(parseDocument(text), entities) };
}

function at(text: string, sub: string, from = 0) {
	const start = text.indexOf(sub, from);
	assert.ok(start >= 0, `“${sub}” is not in the text`);
	return { start, end: start + sub.length, text: sub };
}

const quoted = (text: string, c: Claim) => (c.content ? text.slice(c.content.start, c.content.end) : null);

test('a curly quotation followed by "said NAME" is a quote by that name', () => {
	const { text, claims } = claimsOf('“We will rebuild the bridge by spring,” said Mayor Ana Costa.', [['PERSON', 'Ana Costa']]);
	assert.equal(claims.length, 1);
	const [c] = claims;
	assert.equal(c.kind, 'quote');
	assert.deepEqual(c.cue, at(text, 'said'));
	assert.deepEqual(c.source, { ...at(text, 'Mayor Ana Costa'), entity: 'e1' });
	assert.equal(quoted(text, c), 'We will rebuild the bridge by spring');
	assert.equal(c.text, '“We will rebuild the bridge by spring,” said Mayor Ana Costa.');
});

test('a straight-quoted quotation followed by "she said" resolves the pronoun to the last person', () => {
	const { text, claims } = claimsOf('Lena Vogt runs the shelter. "We have no beds left," she said.', [['PERSON', 'Lena Vogt']]);
	const q = claims.find((c) => c.kind === 'quote');
	assert.ok(q);
	assert.deepEqual(q.source, { ...at(text, 'she', text.indexOf('," she')), entity: 'e1' });
	assert.equal(quoted(text, q), 'We have no beds left');
});

test('a quotation after "X told parliament:" belongs to X', () => {
	const { text, claims } = claimsOf('The finance minister told parliament: “The budget is balanced for the first time.”');
	const [c] = claims;
	assert.equal(c.kind, 'quote');
	assert.deepEqual(c.cue, at(text, 'told'));
	assert.deepEqual(c.source, at(text, 'The finance minister'));
	assert.equal(quoted(text, c), 'The budget is balanced for the first time.');
});

test('a speaker phrase with an apposition after the quotation still attaches', () => {
	const { text, claims } = claimsOf('“This is a good day for science,” Maria Lind, the head of the institute, told reporters.');
	const [c] = claims;
	assert.equal(c.kind, 'quote');
	assert.deepEqual(c.source, at(text, 'Maria Lind, the head of the institute'));
	assert.equal(quoted(text, c), 'This is a good day for science');
});

test('a second quotation by the same speaker in the sentence gets the speaker and no cue', () => {
	const { text, claims } = claimsOf('“The water came fast,” said Omar Haddad, “and we lost everything we had.”');
	assert.deepEqual(
		claims.map((c) => [c.kind, c.cue?.text ?? null, c.source?.text ?? null, quoted(text, c)]),
		[
			['quote', 'said', 'Omar Haddad', 'The water came fast'],
			['quote', null, 'Omar Haddad', 'and we lost everything we had.'],
		],
	);
});

test('a quotation that runs into the next paragraph continues with the same speaker', () => {
	const body = 'The coach said: “We trained hard all winter and it shows.\n\n“The players never gave up on each other.”';
	const { text, claims } = claimsOf(body);
	assert.deepEqual(
		claims.map((c) => [c.kind, c.cue?.text ?? null, c.source?.text ?? null, quoted(text, c)]),
		[
			['quote', 'said', 'The coach', 'We trained hard all winter and it shows.'],
			['quote', null, 'The coach', 'The players never gave up on each other.'],
		],
	);
});

test('a quotation in the sentence after a speech cue is given that speaker', () => {
	const { text, claims } = claimsOf('Rui Alves spoke to reporters at the port. “The cranes are ready to work again.”');
	const q = claims.find((c) => c.kind === 'quote');
	assert.ok(q);
	assert.equal(q.cue, null);
	assert.deepEqual(q.source, at(text, 'Rui Alves'));
});

test('a short quotation (a scare quote or a name) is no claim of its own', () => {
	const { claims } = claimsOf('The plan, called “Fresh Start”, was dropped.');
	assert.deepEqual(
		claims.filter((c) => c.kind === 'quote'),
		[],
	);
});

test('a partial quotation inside reported speech stays part of that claim', () => {
	const { text, claims } = claimsOf('The ministry said that the first convoy of “twelve trucks with food and water” would leave today.');
	assert.equal(claims.length, 1);
	assert.equal(claims[0].kind, 'attributed');
	assert.equal(quoted(text, claims[0]), 'the first convoy of “twelve trucks with food and water” would leave today');
});

test('a belief inside a quotation is part of the quoted statement, not a second claim', () => {
	const { text, claims } = claimsOf('“We expect prices to fall by summer,” the agency said.');
	assert.equal(claims.length, 1);
	assert.equal(claims[0].kind, 'quote');
	assert.deepEqual(claims[0].source, at(text, 'the agency'));
	assert.equal(quoted(text, claims[0]), 'We expect prices to fall by summer');
});

test('a curly quotation whose closing mark comes a paragraph later is one quotation', () => {
	const body = 'Mayor Ana Costa said: “We need new pumps.\n\nThe old ones failed twice this winter.”\n\nThe council meets today.';
	const { text, claims } = claimsOf(body);
	const q = claims.find((c) => c.kind === 'quote');
	assert.ok(q);
	assert.deepEqual(q.source, at(text, 'Mayor Ana Costa'));
	assert.equal(quoted(text, q), 'We need new pumps.\n\nThe old ones failed twice this winter.');
});

test('a quotation introduced by "told reporters that" is a quote of that speaker', () => {
	const { text, claims } = claimsOf('Union leader Eva Lind told reporters outside the gate that “nobody goes back until the night shifts are paid.”');
	assert.equal(claims.length, 1);
	assert.equal(claims[0].kind, 'quote');
	assert.deepEqual(claims[0].source, at(text, 'Union leader Eva Lind'));
});

test('the next sentence’s speaker is not taken for a quotation that already has one', () => {
	const { claims } = claimsOf('“We are ready to talk,” the union said. The port authority said forty ships were waiting at anchor.');
	assert.deepEqual(
		claims.map((c) => [c.kind, c.source?.text]),
		[
			['quote', 'the union'],
			['attributed', 'The port authority'],
		],
	);
});
