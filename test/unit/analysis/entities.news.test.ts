/**
 * Entities on news the rules were not written against: one test per error class, with sentences
 * written for these tests. They run the full recogniser (rules, gazetteers and the trained tagger).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../../server/src/analysis/document';
import { findEntities } from '../../../server/src/analysis/entities';
import type { Entity } from '../../../server/src/analysis/types';

const HEADER = 'date 2024-05-10 Test\n\n';
const entities = (body: string) => findEntities(parseDocument(`${HEADER}${body}`));
const withMention = (es: Entity[], text: string) => {
	const e = es.find((x) => x.mentions.some((m) => m.text === text));
	assert.ok(e, `no mention “${text}” among ${es.map((x) => `${x.mentions.map((m) => m.text).join('|')}/${x.type}`).join(', ')}`);
	return e;
};
export const noMention = (es: Entity[], text: string) =>
	assert.ok(
		!es.some((x) => x.mentions.some((m) => m.text === text)),
		`unexpected mention “${text}”: ${JSON.stringify(es.find((x) => x.mentions.some((m) => m.text === text)))}`,
	);

test('a title and the organisation before it become the person’s role; the organisation stays its own mention', () => {
	const es = entities('IMF Managing Director Kristalina Georgieva said the fund would lend more. Georgieva spoke in Lima.');
	const p = withMention(es, 'Kristalina Georgieva');
	assert.equal(p.type, 'PERSON');
	assert.equal(p.mentions[0].role, 'Managing Director, IMF');
	assert.deepEqual(p.roles, ['Managing Director, IMF']);
	assert.deepEqual(
		p.mentions.map((m) => m.text),
		['Kristalina Georgieva', 'Georgieva'],
	);
	assert.equal(withMention(es, 'IMF').type, 'ORG');
});

test('a lower-case title, a long foreign name after a title, and an apposition give roles', () => {
	const es = entities(
		'The ministry agreed, spokeswoman Anna Berg said on Monday. Deputy Minister Oluwaseun Adebayo-Okafor opened the talks. "We are ready," said Tomas Lindqvist, chief executive of Nordvik Shipping.',
	);
	assert.equal(withMention(es, 'Anna Berg').mentions[0].role, 'spokeswoman');
	const deputy = withMention(es, 'Oluwaseun Adebayo-Okafor');
	assert.equal(deputy.type, 'PERSON');
	assert.equal(deputy.mentions[0].role, 'Deputy Minister');
	assert.equal(withMention(es, 'Tomas Lindqvist').mentions[0].role, 'chief executive of Nordvik Shipping');
});

test('an honorific or a preposition before a title is no role', () => {
	const es = entities('Mr Okonkwo voted against President Ramos on Tuesday.');
	assert.equal(withMention(es, 'Okonkwo').roles, undefined);
	assert.equal(withMention(es, 'Ramos').mentions[0].role, 'President');
});
