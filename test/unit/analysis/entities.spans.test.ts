/**
 * Name spans and types by error class, on sentences written for these tests: names joined by "and",
 * an airline before its flight number, an article before a known name, a surname that is also a
 * title, a country before its national institution, ordinary words capitalised by house style,
 * demonyms of states and cities, trade shows named after a city, and places before "-based".
 * They run the full recogniser (rules, gazetteers and the trained tagger).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entity } from '../../../server/src/analysis/types';

import { entities, withMention } from './entityHelpers';
const noMention = (es: Entity[], text: string) =>
	assert.ok(!es.some((x) => x.mentions.some((m) => m.text === text)), `unexpected mention “${text}” among ${es.map((x) => x.name).join(', ')}`);

test('two organisation names joined by "and" are two mentions', () => {
	const es = entities('Orders went to Nordvik Airlines and Baltic Airways last year. Analysts said Microsoft and General Electric lost ground.');
	for (const name of ['Nordvik Airlines', 'Baltic Airways', 'Microsoft', 'General Electric']) assert.equal(withMention(es, name).type, 'ORG', name);
	noMention(es, 'Nordvik Airlines and Baltic Airways');
	noMention(es, 'Microsoft and General Electric');
	// One name with "and" inside stays whole.
	assert.equal(withMention(entities('The European Aeronautic Defence and Space Company bid.'), 'European Aeronautic Defence and Space Company').type, 'ORG');
});

test('the name before "Flight" and a number is the airline', () => {
	const es = entities('Wreckage of Rosa Air Flight 310 was found at sea, a year after Kenya Airways Flight 507 crashed.');
	assert.equal(withMention(es, 'Rosa Air').type, 'ORG');
	assert.equal(withMention(es, 'Kenya Airways').type, 'ORG');
	noMention(es, 'Rosa Air Flight');
	assert.ok(!es.some((e) => e.type === 'PERSON'));
});

test('an article before a known organisation stays outside the span, but is part of a place’s name', () => {
	const es = entities('The Byrds played in The Hague. Fans of the Byrds queued, and The Supremes sang.');
	const band = withMention(es, 'Byrds');
	assert.equal(band.mentions.length, 2);
	assert.equal(band.type, 'ORG');
	noMention(es, 'The Byrds');
	withMention(es, 'Supremes');
	assert.equal(withMention(es, 'The Hague').type, 'GPE');
});

test('a surname that is also a title stays in the person’s name', () => {
	const es = entities('Schools closed to mark the birthday of Martin Luther King. Fans of Stephen King queued for hours.');
	assert.equal(withMention(es, 'Martin Luther King').type, 'PERSON');
	assert.equal(withMention(es, 'Stephen King').type, 'PERSON');
	noMention(es, 'Martin Luther');
	// A title after a company's name still belongs to the person named next.
	const p = entities('Shares fell after Vantor CEO Dana Okafor resigned.');
	assert.equal(withMention(p, 'Dana Okafor').type, 'PERSON');
	assert.equal(withMention(p, 'Vantor').type, 'ORG');
});

test('a country named before its national institution is part of the institution’s name', () => {
	const es = entities('The United States Senate rejected the bill, and the US Federal Reserve cut rates. Later the Senate adjourned.');
	assert.equal(withMention(es, 'United States Senate').type, 'ORG');
	assert.equal(withMention(es, 'US Federal Reserve').type, 'ORG');
	noMention(es, 'United States');
	noMention(es, 'US');
	// A country before an ordinary word stays a country.
	assert.equal(withMention(entities('Talks with the Kenya Government stalled.'), 'Kenya').type, 'GPE');
});

test('ordinary words capitalised by house style are no names', () => {
	const es = entities(
		'The council said that Cleaning, Inspection and Storage costs rose. The museum praised the Digital archive and the Video edition. Central banks cut rates. Mobile phones were banned in schools.',
	);
	for (const w of ['Cleaning', 'Inspection', 'Storage', 'Video', 'Central', 'Mobile']) noMention(es, w);
	assert.ok(!es.some((e) => e.type !== 'OTHER' && e.mentions.some((m) => m.text === 'Digital')));
	// A town of that spelling is still a town where the text says where it is.
	assert.equal(withMention(entities('The plant in Mobile, Alabama, reopened.'), 'Mobile').type, 'GPE');
});

test('a demonym of a state or city is a group, not a place or an organisation', () => {
	const es = entities('The Victorian state government and Californian growers signed the deal with Texan ranchers.');
	for (const w of ['Victorian', 'Californian', 'Texan']) assert.equal(withMention(es, w).type, 'NORP', w);
});

test('a trade show named after a city is an event, and the city is no mention of its own', () => {
	const es = entities('Orders were announced at the Geneva Motor Show and at the Farnborough Air Show in July.');
	assert.equal(withMention(es, 'Geneva Motor Show').type, 'EVENT');
	assert.equal(withMention(es, 'Farnborough Air Show').type, 'EVENT');
	noMention(es, 'Geneva');
	noMention(es, 'Air Show');
});

test('a place of several words before "-based" is a place, not a company', () => {
	const body = 'The bank was sold to a New York City-based fund and a Hong Kong-based lender.';
	const es = entities(body);
	noMention(es, 'New York City-based');
	const hk = withMention(es, 'Hong Kong');
	assert.equal(hk.type, 'GPE');
	assert.equal(withMention(es, 'New York City').type, 'GPE');
});

test('an acronym of ordinary words is a term, and an acronym may leave out the owner before the name it spells', () => {
	const es = entities(
		'Engineers said that Cleaning, Inspection and Storage (CIS) costs rose, and non-governmental organisations (NGO) agreed. At the Nordvik Annual Shipping Forum (ASF) the Federal Aviation Administration (FAA) spoke.',
	);
	noMention(es, 'CIS');
	noMention(es, 'NGO');
	const forum = withMention(es, 'ASF');
	assert.ok(forum.mentions.some((m) => m.text === 'Nordvik Annual Shipping Forum'));
	assert.equal(withMention(es, 'FAA').type, 'ORG');
});

test('a bare guess of ordinary words that the tagger does not share is no name', () => {
	const es = entities('The A350 XWB (Extra Wide Body) jets and the Super Long Range models were shown.');
	noMention(es, 'Wide Body');
	noMention(es, 'Extra Wide Body');
});

test('after a dash inside a sentence, a capitalised word is part of the name that follows', () => {
	const es = entities('Jets went to three carriers - Air Moldova, Kenya Airways and Hainan Airlines.');
	assert.equal(withMention(es, 'Air Moldova').type, 'ORG');
	noMention(es, 'Moldova');
});
