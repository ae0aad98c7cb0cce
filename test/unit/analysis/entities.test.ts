import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../../server/src/analysis/document';
import { findEntities } from '../../../server/src/analysis/entities';
import { unitShape } from '../../../server/src/analysis/entities/chunks';
import fc from 'fast-check';
import { joined } from '../robustness/arbitraries';
import type { Entity } from '../../../server/src/analysis/types';

// Rules alone, so these tests pin the gazetteers and rules whatever the trained tagger learns.
const entities = (body: string) => findEntities(parseDocument(`date 2023-05-04 Test\n\n${body}`), { entityRecogniser: 'rules' });
const byName = (es: Entity[], name: string) => {
	const e = es.find((x) => x.name === name);
	assert.ok(e, `no entity “${name}” among ${es.map((x) => `${x.name}/${x.type}`).join(', ')}`);
	return e;
};
const mentionTexts = (e: Entity) => e.mentions.map((m) => m.text);
const offsetOf = (body: string, s: string, from = 0) => 'date 2023-05-04 Test\n\n'.length + body.indexOf(s, from);

test('links a surname, its possessive and a pro- prefix to the full name of a titled person', () => {
	const body = 'Sudanese general Ahmed Korba arrived in Cairo. Korba’s aides praised the pro-Korba militias.';
	const es = entities(body);
	const p = byName(es, 'Ahmed Korba');
	assert.equal(p.type, 'PERSON');
	assert.deepEqual(mentionTexts(p), ['Ahmed Korba', 'Korba', 'Korba']);
	assert.equal(p.mentions[1].start, offsetOf(body, 'Korba’s'));
	assert.equal(p.mentions[1].end, offsetOf(body, 'Korba’s') + 5);
	assert.equal(p.mentions[2].start, offsetOf(body, 'Korba militias'));
	assert.ok(p.evidence?.some((x) => x.includes('general')));
});

test('types a country as GPE with its ISO code and capital, and its demonym as NORP', () => {
	const es = entities('Kenyan farmers protested on Monday. Kenya imports most of its wheat.');
	const k = byName(es, 'Kenya');
	assert.equal(k.type, 'GPE');
	assert.deepEqual(k.facts, { isoCode: 'KE', capital: 'Nairobi', continent: 'Africa' });
	const n = byName(es, 'Kenyan');
	assert.equal(n.type, 'NORP');
	assert.equal(n.facts?.country, 'Kenya');
	assert.ok(!es.some((e) => e.name === 'Monday'));
});

test('groups the spellings of one country and keeps plural demonyms with their country', () => {
	const es = entities('The U.S. said the United States would not pay. Washington officials and Peruvians disagreed with the US.');
	const us = byName(es, 'United States');
	assert.deepEqual(mentionTexts(us), ['U.S.', 'United States', 'US']);
	assert.equal(byName(es, 'Peruvian').facts?.isoCode, 'PE');
	assert.equal(byName(es, 'Washington, D.C.').type, 'GPE');
});

test('links a bracketed acronym and its later use to the organisation it abbreviates', () => {
	const es = entities('Fighters of the Somali National Front (SNF) seized the port. The SNF denied it.');
	const o = byName(es, 'Somali National Front');
	assert.equal(o.type, 'ORG');
	assert.deepEqual(mentionTexts(o), ['Somali National Front', 'SNF', 'SNF']);
	assert.ok(o.evidence?.includes('organisation word ‘Front’'));
});

test('knows international organisations by name and acronym, with the article outside the span', () => {
	const body = 'According to the UN, aid is blocked. A United Nations envoy and the IMF will meet.';
	const es = entities(body);
	const un = byName(es, 'United Nations');
	assert.equal(un.type, 'ORG');
	assert.deepEqual(mentionTexts(un), ['UN', 'United Nations']);
	assert.equal(un.mentions[0].start, offsetOf(body, 'UN,'));
	assert.equal(byName(es, 'International Monetary Fund').mentions[0].text, 'IMF');
});

test('splits a title between an organisation and a person', () => {
	const es = entities('Orbital Freight Inc. chief executive Maria Lindqvist resigned; Lindqvist said little.');
	assert.equal(byName(es, 'Orbital Freight Inc.').type, 'ORG');
	const p = byName(es, 'Maria Lindqvist');
	assert.equal(p.type, 'PERSON');
	assert.deepEqual(mentionTexts(p), ['Maria Lindqvist', 'Lindqvist']);
});

test('reads a capitalised title before a name, and a name before a verb of saying', () => {
	const es = entities('Prime Minister Tavita Leaupepe spoke first. Later Okonkwo Adeyemi said the vote was fair.');
	assert.equal(byName(es, 'Tavita Leaupepe').type, 'PERSON');
	assert.equal(byName(es, 'Okonkwo Adeyemi').type, 'PERSON');
	assert.ok(!es.some((e) => e.name.includes('Prime') || e.name === 'Later'));
});

test('ignores ordinary words that open a sentence, months and money written with a country code', () => {
	const es = entities('Officials met in March. Meanwhile prices rose. Exports reached US$3 billion in Brazil.');
	assert.deepEqual(
		es.map((e) => `${e.name}/${e.type}`),
		['Brazil/GPE'],
	);
});

test('types regions, seas and rivers as LOC and cities as GPE with their population', () => {
	const es = entities('Boats crossed the Mediterranean from North Africa to Marseille, far from the Danube.');
	assert.equal(byName(es, 'Mediterranean').type, 'LOC');
	assert.equal(byName(es, 'North Africa').type, 'LOC');
	assert.equal(byName(es, 'Danube').type, 'LOC');
	const m = byName(es, 'Marseille');
	assert.equal(m.type, 'GPE');
	assert.equal(m.facts?.country, 'France');
	assert.ok(Number(m.facts?.population) > 500_000);
});

test('types names by their head word: organisation, facility, and the word before "of"', () => {
	const es = entities('Staff of the Bank of Tanzania flew from Kotoka Airport with Harlow Steel Corporation managers.');
	assert.equal(byName(es, 'Bank of Tanzania').type, 'ORG');
	assert.equal(byName(es, 'Kotoka Airport').type, 'FAC');
	assert.equal(byName(es, 'Harlow Steel Corporation').type, 'ORG');
});

test('links a company’s short name to its full name but not a person sharing a country’s name', () => {
	const es = entities('Vantor Logistics Group cut jobs. Vantor said Chad would suffer; Chad exports cotton.');
	const v = byName(es, 'Vantor Logistics Group');
	assert.deepEqual(mentionTexts(v), ['Vantor Logistics Group', 'Vantor']);
	const chad = byName(es, 'Chad');
	assert.equal(chad.type, 'GPE');
	assert.equal(chad.mentions.length, 2);
});

test('finds nothing in text without names, and never throws on odd input', () => {
	for (const body of ['', '...', 'all lower case words here.', '(((', '“ ” ‘ ’ - – —', 'The. The. The.']) assert.deepEqual(entities(body), []);
	for (const body of ['A'.repeat(5000), 'Of of Of of & & and The', '( SNF ) ( ( )', 'pro- anti- -Korba']) assert.ok(Array.isArray(entities(body)));
});

test('reads an organisation noun before an unknown name, and splits a name after a corporate suffix', () => {
	const es = entities('Shares of the retailer Kestrova fell. Veltrix Holdings LLC chairman Dana Okafor resigned.');
	assert.equal(byName(es, 'Kestrova').type, 'ORG');
	assert.equal(byName(es, 'Veltrix Holdings LLC').type, 'ORG');
	assert.equal(byName(es, 'Dana Okafor').type, 'PERSON');
});

test('keeps surnames ending in -ly and drops adverbs that open a sentence', () => {
	const es = entities('The envoy Tom Brightly arrived. Brightly said talks would resume. Unfortunately, nothing changed.');
	assert.deepEqual(mentionTexts(byName(es, 'Tom Brightly')), ['Tom Brightly', 'Brightly']);
	assert.ok(!es.some((e) => e.name === 'Unfortunately'));
});

test('matches gazetteer names that contain a possessive, and ignores time zones and units', () => {
	const body = 'At 09:00 UTC the People’s Republic of China launched a 5 GHz network.';
	const es = entities(body);
	const c = byName(es, 'China');
	assert.equal(c.type, 'GPE');
	assert.deepEqual(mentionTexts(c), ['People’s Republic of China']);
	assert.equal(es.length, 1);
});

test('with the tagger too, countries stay GPE, money stays unnamed and every mention is the text it spans', () => {
	const text = 'date 2023-05-04 Test\n\nCanada paid US$40 million to Chile. Canadian officials met Chilean envoys in Ottawa.';
	const es = findEntities(parseDocument(text), { entityRecogniser: 'both' });
	assert.equal(byName(es, 'Canada').type, 'GPE');
	assert.equal(byName(es, 'Chile').type, 'GPE');
	assert.equal(byName(es, 'Canadian').type, 'NORP');
	assert.ok(!es.some((e) => e.mentions.some((m) => m.text.startsWith('US'))));
	for (const e of es) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
	for (const e of es) {
		const taggerTypes = (e.evidence ?? []).filter((x) => x.startsWith('tagger ')).map((x) => x.split(' ')[1]);
		assert.equal(new Set(taggerTypes).size, taggerTypes.length, `one tagger line per type in ${e.evidence}`);
	}
});

test('reads a place inside a company’s name as the company, but keeps regions and governments apart', () => {
	const es = entities('Flights by Air Moldova and Kenya Pipeline resumed. Southern Ontario voters blamed the Kenya Government.');
	assert.equal(byName(es, 'Air Moldova').type, 'ORG');
	assert.equal(byName(es, 'Kenya Pipeline').type, 'ORG');
	assert.equal(byName(es, 'Southern Ontario').type, 'LOC');
	const k = byName(es, 'Kenya');
	assert.equal(k.type, 'GPE');
	assert.equal(k.mentions[0].text, 'Kenya');
});

test('takes the name before a hyphenated participle as a mention: "NATO-backed", "Okafor-led"', () => {
	const body = 'NATO said the NATO-backed force joined the Dana Okafor camp and the Okafor-led talks.';
	const es = entities(body);
	const nato = byName(es, 'North Atlantic Treaty Organization');
	assert.deepEqual(mentionTexts(nato), ['NATO', 'NATO']);
	assert.equal(nato.mentions[1].start, offsetOf(body, 'NATO-backed'));
	assert.deepEqual(mentionTexts(byName(es, 'Dana Okafor')), ['Dana Okafor', 'Okafor']);
});

test('keeps an Arabic surname with its article inside the name, and links the bare surname to it', () => {
	const es = entities('Egyptian President Abdel Fattah al-Sisi met envoys on Sunday. Sisi later flew to Riyadh.');
	const p = byName(es, 'Abdel Fattah al-Sisi');
	assert.equal(p.type, 'PERSON');
	assert.deepEqual(mentionTexts(p), ['Abdel Fattah al-Sisi', 'Sisi']);
	assert.equal(byName(es, 'Egyptian').type, 'NORP');
	assert.equal(byName(es, 'Riyadh').facts?.country, 'Saudi Arabia');
});

test('types a name before a product noun as a thing, not its maker', () => {
	const es = entities('Orbital Freight Inc. flew the Kestrel 400 drones and sold Vantor laptops.');
	assert.equal(byName(es, 'Kestrel').type, 'OTHER');
	assert.equal(byName(es, 'Vantor').type, 'OTHER');
	assert.equal(byName(es, 'Orbital Freight Inc.').type, 'ORG');
});

test('knows cities by their abbreviated and spelt-out saints', () => {
	const es = entities('Traders from St. Petersburg and Saint Louis met.');
	assert.equal(byName(es, 'Saint Petersburg').mentions[0].text, 'St. Petersburg');
	assert.equal(byName(es, 'St. Louis').mentions[0].text, 'Saint Louis');
});

// Unit-like shapes (USD, GHz, MW, Q3) are read character by character for ASCII words; the pattern is the definition.
test('reads unit shapes as the unit-shape pattern does', () => {
	const shape = /^\p{Lu}[\p{Lu}\p{N}]*$|^\p{Lu}\p{Ll}?\p{Lu}/u;
	const word = joined(['A', 'B', 'Z', 'a', 'h', 'z', '0', '7', 'É', 'é', '-', '.', 'Ⅻ', 'ǅ'], 6, 1);
	fc.assert(
		fc.property(word, (w) => assert.equal(unitShape(w), shape.test(w), w)),
		{ numRuns: 5000, seed: 20261128 },
	);
});
