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

test('a company and its parent stay two entities', () => {
	const es = entities(
		'Instagram removed the posts on Monday. Its owner Meta declined to comment, and Alphabet said YouTube would act. Instagram later apologised.',
	);
	const insta = withMention(es, 'Instagram');
	assert.equal(insta.type, 'ORG');
	assert.deepEqual(
		insta.mentions.map((m) => m.text),
		['Instagram', 'Instagram'],
	);
	assert.ok(!withMention(es, 'Meta').mentions.some((m) => m.text === 'Instagram'));
	const alphabet = withMention(es, 'Alphabet');
	assert.ok(!alphabet.mentions.some((m) => m.text === 'Google' || m.text === 'YouTube'), alphabet.mentions.map((m) => m.text).join('|'));
	assert.ok(!withMention(entities('Google cut prices, and Alphabet shares rose.'), 'Google').mentions.some((m) => m.text === 'Alphabet'));
});

test('two different courts stay two entities, and neither takes the bare "Supreme Court"', () => {
	const es = entities('The Supreme Court of India heard the appeal after the Delhi High Court ruled. The Kenyan Court of Appeal disagreed.');
	const names = ['Supreme Court of India', 'Delhi High Court', 'Kenyan Court of Appeal'].map((n) => withMention(es, n));
	assert.equal(new Set(names).size, 3);
	for (const e of names) assert.equal(e.type, 'ORG');
});

test('an illness is no place, company or person', () => {
	const es = entities(
		'Cases of Ebola rose in Kampala, and doctors said Zika was spreading. Lyme disease and the Marburg virus worried officials, and patients with Parkinson’s marched. New Mpox cases were found in Goma.',
	);
	for (const name of ['Ebola', 'Zika', 'Lyme', 'Marburg', 'Parkinson', 'Mpox']) {
		const e = es.find((x) => x.mentions.some((m) => m.text === name));
		assert.ok(!e || e.type === 'OTHER', `${name} typed ${e?.type}`);
	}
	assert.equal(withMention(es, 'Kampala').type, 'GPE');
	// A place before "cases" is still the place.
	assert.equal(withMention(entities('Officials in Uganda said Uganda cases fell.'), 'Uganda').type, 'GPE');
});

test('a spacecraft, rover or telescope is a thing, not a person or an organisation', () => {
	const es = entities(
		'NASA said the Juno spacecraft and the Parker Solar Probe were healthy. The rover Perseverance drilled again, the capsule Orion splashed down, and the James Webb Space Telescope saw the galaxy.',
	);
	assert.equal(withMention(es, 'NASA').type, 'ORG');
	for (const name of ['Juno', 'Parker Solar Probe', 'Perseverance', 'Orion', 'James Webb Space Telescope']) {
		const e = es.find((x) => x.mentions.some((m) => m.text === name));
		assert.ok(!e || e.type === 'OTHER', `${name} typed ${e?.type}`);
	}
	assert.ok(!es.some((e) => e.type === 'PERSON'));
});

test('a lone surname is a person, and a city known by part of its name does not take a surname or a word of other names', () => {
	const es = entities(
		'Okafor crossed and Smith thanked the fans. Johnson was booked. The state Chamber of Commerce and the National Security Adviser met the League delegates.',
	);
	assert.equal(withMention(es, 'Smith').type, 'PERSON');
	assert.equal(withMention(es, 'Johnson').type, 'PERSON');
	for (const w of ['Commerce', 'National', 'League']) assert.ok(!es.some((e) => e.type === 'GPE' && e.mentions.some((m) => m.text === w)), w);
	// A city's full name is still a city.
	assert.equal(withMention(entities('Flights to Johnson City resumed.'), 'Johnson City').type, 'GPE');
});

test('sides of a match named after places are clubs: after "drew with", "lost to", "a win over", and "X City"', () => {
	const es = entities(
		'Manchester City beat Brentford 3-1 in the league on Saturday. Sevilla drew with Valencia in the cup, and the coach praised the squad after a win over Granada. Osasuna lost to Girona in stoppage time.',
	);
	for (const club of ['Manchester City', 'Sevilla', 'Valencia', 'Granada', 'Girona']) assert.equal(withMention(es, club).type, 'ORG', club);
	assert.notEqual(withMention(es, 'Brentford').type, 'OTHER');
	// Outside sport, the same names are places.
	const floods = entities('Floods hit Valencia and Granada on Monday, and the mayor of Girona asked for help.');
	for (const city of ['Valencia', 'Granada', 'Girona']) assert.equal(withMention(floods, city).type, 'GPE', city);
});

test('a small town is a place: listed with a place, after "the district of", or with "County" before it', () => {
	const es = entities('Villagers in Kibera and Mathare queued for water. The council of the district of Bexhill met farmers from County Kerry.');
	for (const town of ['Mathare', 'Bexhill', 'County Kerry']) assert.ok(['GPE', 'LOC'].includes(withMention(es, town).type), town);
	assert.equal(withMention(es, 'County Kerry').type, 'GPE');
	// A company listed with a place, but not after a place preposition, stays a company.
	assert.notEqual(withMention(entities('Kenya and Vantor Logistics signed the deal.'), 'Vantor Logistics').type, 'GPE');
});

test('a title’s own capitalised words and a compass word with a demonym are no names of their own', () => {
	const es = entities(
		'"We are ready," said Ana Ruiz, the White House Press Secretary. The Kenyan Foreign Minister flew in, and the Agriculture Minister stayed home. Explorers reached the South Pole in January.',
	);
	noMention(es, 'White House Press');
	noMention(es, 'Kenyan Foreign');
	noMention(es, 'Agriculture');
	assert.equal(withMention(es, 'Kenyan').type, 'NORP');
	assert.equal(withMention(es, 'South Pole').type, 'LOC');
	const cup = entities('The Europa League Winners met the Super Cup holders, and League officials watched.');
	assert.ok(!cup.some((e) => e.type === 'GPE'), cup.map((e) => `${e.name}/${e.type}`).join(', '));
});

test('a hyphenated title splits the person from the organisation, and a name’s first word alone is that person', () => {
	const es = entities(
		'WHO Director-General Tedros Adhanom Ghebreyesus warned of new outbreaks. Tedros spoke in Geneva. Under-Secretary-General Rosemary Okello briefed the council, and Xi Jinping said Xi would attend.',
	);
	const t = withMention(es, 'Tedros Adhanom Ghebreyesus');
	assert.equal(t.type, 'PERSON');
	assert.equal(t.mentions[0].role, 'Director-General, WHO');
	assert.deepEqual(
		t.mentions.map((m) => m.text),
		['Tedros Adhanom Ghebreyesus', 'Tedros'],
	);
	assert.equal(withMention(es, 'WHO').type, 'ORG');
	assert.equal(withMention(es, 'Rosemary Okello').mentions[0].role, 'Under-Secretary-General');
	assert.deepEqual(
		withMention(es, 'Xi Jinping').mentions.map((m) => m.text),
		['Xi Jinping', 'Xi'],
	);
	// Two people sharing the first word: the word alone is neither.
	const two = entities('Wang Yi met Wang Huning. Wang spoke first.');
	assert.equal(withMention(two, 'Wang Yi').mentions.length, 1);
	assert.equal(withMention(two, 'Wang Huning').mentions.length, 1);
});

test('a club’s standing is no part of a name: the competition and the club are mentions of their own', () => {
	const es = entities('The Bundesliga Champions lost, and Eredivisie Winners Feyenoord drew. The Champions League final and the Cup Winners Cup were played.');
	withMention(es, 'Bundesliga');
	withMention(es, 'Feyenoord');
	noMention(es, 'Bundesliga Champions');
	noMention(es, 'Winners Feyenoord');
	withMention(es, 'Champions League');
	withMention(es, 'Cup Winners Cup');
});

test('a numbered amendment is a law, an observatory a facility, and a dateline with a date still names the place', () => {
	const es = entities('The Second Amendment was cited, and scientists at the South Pole Observatory agreed.');
	assert.equal(withMention(es, 'Second Amendment').type, 'OTHER');
	assert.equal(withMention(es, 'South Pole Observatory').type, 'FAC');
	noMention(es, 'South Pole');
	const d = entities('ADDIS ABABA, Ethiopia, May 9 (Reuters) — Ethiopia devalued its currency.');
	assert.ok(withMention(d, 'ADDIS ABABA').evidence?.includes('dateline'));
});

test('an owner named before "-owned" or "-backed" is its own mention, not part of the name after it', () => {
	const es = entities('Microsoft-owned LinkedIn cut jobs, and Kremlin-backed Vesti Media hired. LinkedIn said Microsoft was not involved.');
	noMention(es, 'Microsoft-owned LinkedIn');
	const li = withMention(es, 'LinkedIn');
	assert.equal(li.type, 'ORG');
	assert.ok(!li.mentions.some((m) => m.text.startsWith('Microsoft')));
	assert.equal(withMention(es, 'Vesti Media').type, 'ORG');
	assert.ok(withMention(es, 'Microsoft').mentions.length >= 2);
});

test('an unknown name after "in" or "near" is a town, not a company, unless a stake or a job is in it', () => {
	const es = entities('Villagers in Mathare queued for water, and police found the car near Tottington. She grew up in Kivuli.');
	for (const town of ['Mathare', 'Tottington', 'Kivuli']) assert.equal(withMention(es, town).type, 'GPE', town);
	assert.notEqual(withMention(entities('Shares in Vantor fell on Monday.'), 'Vantor').type, 'GPE');
});

test('an institution named with "of"/"for" keeps the ordinary words joined by "and"; another name after "and" is its own', () => {
	const es = entities(
		'The Office of Science and Technology Policy and the Bureau of Labor Statistics said on Friday that the Ministry of Trade and Barclays had met.',
	);
	assert.equal(withMention(es, 'Office of Science and Technology Policy').type, 'ORG');
	assert.equal(withMention(es, 'Bureau of Labor Statistics').type, 'ORG');
	assert.equal(withMention(es, 'Ministry of Trade').type, 'ORG');
	noMention(es, 'Ministry of Trade and Barclays');
	noMention(es, 'Technology Policy');
});

test('a centre named for its field or with "for" is an institution, not a building', () => {
	const es = entities('Lawyers at the Northfield Legal Center and researchers at the Center for Coastal Studies said the rules were unlawful.');
	assert.equal(withMention(es, 'Northfield Legal Center').type, 'ORG');
	assert.equal(withMention(es, 'Center for Coastal Studies').type, 'ORG');
});

test('in a match report a club described before its name is a side, and its last word alone is the same club', () => {
	const es = entities(
		'Harlow Albion beat league leaders Denton City 3-1 on Saturday. After the break Albion scored twice, and the result leaves City two points clear at the top of the table.',
	);
	assert.equal(withMention(es, 'Denton City').type, 'ORG');
	const w = withMention(es, 'Harlow Albion');
	assert.deepEqual(
		w.mentions.map((m) => m.text),
		['Harlow Albion', 'Albion'],
	);
});

test('a name after “the union” is an organisation, and so is the employer of “analysts at”', () => {
	const es = entities('The union Verdikon said it would strike, while analysts at Hallwick expected the talks to fail.');
	assert.equal(withMention(es, 'Verdikon').type, 'ORG');
	assert.equal(withMention(es, 'Hallwick').type, 'ORG');
});

test('a known organisation written as an acronym keeps the article’s capitals as its name', () => {
	const es = entities('Nurses told the NHS that staffing was unsafe.');
	assert.equal(withMention(es, 'NHS').name, 'NHS');
});

test('a majority or minority leader’s title is a role, and the chamber before it no name of its own with the title', () => {
	const es = entities('House Minority Leader Dana Whitcombe said the vote would fail.');
	const p = withMention(es, 'Dana Whitcombe');
	assert.equal(p.type, 'PERSON');
	assert.match(p.mentions[0].role ?? '', /^Minority Leader/);
	noMention(es, 'House Minority');
	const senate = entities('Senate Majority Leader Tom Archer said the bill would pass.');
	assert.match(withMention(senate, 'Tom Archer').mentions[0].role ?? '', /^Majority Leader/);
	noMention(senate, 'Senate Majority');
});

test('a company named with its trade and later by its first word alone is one organisation', () => {
	const es = entities('Veltrix Therapeutics unveiled a new drug on Monday. Veltrix was founded in 2016 and employs 300 people.');
	const c = withMention(es, 'Veltrix Therapeutics');
	assert.equal(c.type, 'ORG');
	assert.deepEqual(
		c.mentions.map((m) => m.text),
		['Veltrix Therapeutics', 'Veltrix'],
	);
	const chips = entities('Olvani Semiconductor on Tuesday unveiled a processor. Olvani was founded in 2019 by two engineers.');
	assert.equal(withMention(chips, 'Olvani Semiconductor').type, 'ORG');
});

test('a body named for its subject keeps "on" inside its name; a day or a place after "on" does not join', () => {
	const es = entities(
		'Members of the Uganda Commission on Land Reform met the Regional Council on Water Policy. The Council on Friday said the Committee on Parliament Square would wait.',
	);
	assert.equal(withMention(es, 'Uganda Commission on Land Reform').type, 'ORG');
	assert.equal(withMention(es, 'Regional Council on Water Policy').type, 'ORG');
	noMention(es, 'Council on Friday');
	noMention(es, 'Land Reform');
});

test('in a match report a club’s town used alone is the club, unless a person of that name is in the story', () => {
	const es = entities(
		'Hartley Wanderers lost 3-0 to Ashford Town in the league on Saturday. Hartley missed a penalty before half-time and the goalkeeper was sent off.',
	);
	assert.equal(withMention(es, 'Hartley').type, 'ORG');
	assert.ok(withMention(es, 'Hartley').mentions.some((m) => m.text === 'Hartley Wanderers'));
	const two = entities(
		'Hartley Wanderers lost 3-0 in the league on Saturday. Striker Ben Hartley missed a penalty. Hartley apologised to the fans after the match.',
	);
	assert.equal(withMention(two, 'Ben Hartley').type, 'PERSON');
	assert.ok(withMention(two, 'Ben Hartley').mentions.some((m) => m.text === 'Hartley'));
});

test('a company with a Nordic, Dutch or Asian legal suffix is an organisation', () => {
	const es = entities('TROMSO, Norway — Havstad Fisheries ASA said on Monday that Torvald Bygg AB would buy Kanaloa Trading Pte for cash.');
	for (const name of ['Havstad Fisheries ASA', 'Torvald Bygg AB', 'Kanaloa Trading Pte']) assert.equal(withMention(es, name).type, 'ORG', name);
});

test('"rival" before a name makes it neither a person nor a company by itself', () => {
	const es = entities('Shares fell after rival Brenner-Voss cut prices. In the race for mayor, rival Jane Okoro conceded on Sunday.');
	assert.notEqual(withMention(es, 'Brenner-Voss').type, 'PERSON');
	assert.equal(withMention(es, 'Jane Okoro').type, 'PERSON');
});

test('a court level before "Judge" or "Attorney" is part of the title, not a place or a person', () => {
	const es = entities(
		'U.S. Bankruptcy Judge Carla Mendes approved the sale. Senior Circuit Judge Owen Pratt dissented, and Magistrate Judge Lena Ford set bail.',
	);
	noMention(es, 'U.S. Bankruptcy');
	noMention(es, 'Senior Circuit');
	noMention(es, 'Magistrate');
	assert.equal(withMention(es, 'U.S.').type, 'GPE');
	assert.equal(withMention(es, 'Carla Mendes').mentions[0].role, 'Bankruptcy Judge, U.S.');
	assert.equal(withMention(es, 'Owen Pratt').mentions[0].role, 'Senior Circuit Judge');
	assert.equal(withMention(es, 'Lena Ford').type, 'PERSON');
});

test('the state or country after a dateline’s city is a GPE, with an abbreviation’s full stop', () => {
	const es = entities(
		'TUCSON, Ariz. — Crews contained the fire on Friday.\n\nLEEDS, England — The council met.\n\nLAGOS, Nigeria (Reuters) — Fuel prices rose.',
	);
	assert.equal(withMention(es, 'Ariz.').type, 'GPE');
	assert.equal(withMention(es, 'England').type, 'GPE');
	assert.equal(withMention(es, 'Nigeria').type, 'GPE');
	noMention(es, 'Ariz');
});

test('a building named with "of" after its head word is one facility', () => {
	const es = entities('United drew 1-1 at the Stadium of Lights, and the concert moved to the Palace of Sport near the Temple of Heaven.');
	for (const name of ['Stadium of Lights', 'Palace of Sport', 'Temple of Heaven']) assert.equal(withMention(es, name).type, 'FAC', name);
});

test('a firm named after a sea or region and ending in a trade word is one organisation', () => {
	const es = entities('The contract went to Adriatic Harbour Builders, and Aegean Cargo Lines lost the bid to Arctic Road Contractors.');
	for (const name of ['Adriatic Harbour Builders', 'Aegean Cargo Lines', 'Arctic Road Contractors']) assert.equal(withMention(es, name).type, 'ORG', name);
});
