/**
 * Entities on news the rules were not written against: one test per error class, with sentences
 * written for these tests. They run the full recogniser (rules, gazetteers and the trained tagger).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entity } from '../../../server/src/analysis/types';

import { entities, withMention } from './entityHelpers';
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

test('a dateline’s place is a GPE of its own and the agency byline is not merged into the country', () => {
	const es = entities('KAMPALA, Uganda (AFP) — Uganda raised fuel duties on Friday.\n\nGENEVA — The agency said talks would resume.');
	const city = withMention(es, 'KAMPALA');
	assert.equal(city.type, 'GPE');
	assert.ok(city.evidence?.includes('dateline'));
	const uganda = withMention(es, 'Uganda');
	assert.ok(!uganda.mentions.some((m) => m.text === 'AFP'), `AFP merged into ${uganda.name}`);
	assert.equal(withMention(es, 'GENEVA').type, 'GPE');
});

test('a bracketed acronym joins the name only when its letters fit', () => {
	const es = entities('The Nordic Freight Alliance (NFA) met in Oslo. Norway (UPI) reported the talks. The NFA said little.');
	const nfa = withMention(es, 'Nordic Freight Alliance');
	assert.deepEqual(
		nfa.mentions.map((m) => m.text),
		['Nordic Freight Alliance', 'NFA', 'NFA'],
	);
	assert.ok(!withMention(es, 'Norway').mentions.some((m) => m.text === 'UPI'));
});

test('a sure place and a titled person sharing a word stay two entities', () => {
	const es = entities('Mayor Ruth Jordan met envoys from Jordan. Jordan pledged aid, and Jordan thanked them.');
	const person = withMention(es, 'Ruth Jordan');
	assert.equal(person.type, 'PERSON');
	const country = es.find((e) => e.type === 'GPE' && e.mentions.some((m) => m.text === 'Jordan'));
	assert.ok(country, 'no country Jordan');
	assert.ok(!country.mentions.some((m) => m.text === 'Ruth Jordan'));
});

test('capitalised words inside a longer name or title are no entities of their own', () => {
	const es = entities(
		'The state Chamber of Commerce backed the plan. Women won the vote with the 19th Amendment. Astronomers at the Giant Magellan Telescope and the Vera Rubin Telescope agreed. The Telescope in Chile opens first.',
	);
	assert.equal(withMention(es, 'Chamber of Commerce').type, 'ORG');
	noMention(es, 'Commerce');
	noMention(es, 'Amendment');
	noMention(es, 'Telescope');
	assert.equal(withMention(es, 'Giant Magellan Telescope').mentions.length, 1);
});

test('in a match report a club named after a place is an organisation, and the place alone is the club', () => {
	const es = entities(
		'Leeds United beat Kerala Blasters 2-1 in the cup, and Inter Miami drew. Leeds scored twice after half-time, and the coach praised the squad.',
	);
	for (const club of ['Leeds United', 'Kerala Blasters', 'Inter Miami']) assert.equal(withMention(es, club).type, 'ORG', club);
	const leeds = es.filter((e) => e.mentions.some((m) => m.text === 'Leeds'));
	assert.equal(leeds.length, 1);
	assert.equal(leeds[0].type, 'ORG');
	// Outside sport the town stays a place.
	assert.equal(withMention(entities('Floods hit Leeds on Monday and the council opened shelters.'), 'Leeds').type, 'GPE');
});
