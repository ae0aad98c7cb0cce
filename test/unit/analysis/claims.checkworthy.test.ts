import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findClaims } from '../../../server/src/analysis/claims';
import fc from 'fast-check';
import { joined } from '../robustness/arbitraries';
import { checkworthiness, FIGURE_ALTERNATIVES, findFigures, findHedges } from '../../../server/src/analysis/claims/checkworthy';
import { parseDocument } from '../../../server/src/analysis/document';

const claimsOf = (body: string) => {
	const text = 'date 2022-06-01 Figures\n\n' + body;
	return { text, claims: findClaims(parseDocument(text), []) };
};

test('finds money, percentages, counts of people and quantities with units', () => {
	assert.deepEqual(checkworthiness('The fund lost $4.2 billion as shares fell 12% and 3,400 workers left.').figures, ['$4.2 billion', '12%', '3,400 workers']);
	assert.deepEqual(checkworthiness('Floods displaced 2 million people and cost €300m, or 40 per cent of output.').figures, [
		'2 million people',
		'€300m',
		'40 per cent',
	]);
	assert.deepEqual(checkworthiness('The pipeline carries 80,000 barrels a day over 1,200 km.').figures, ['80,000 barrels', '1,200 km']);
	assert.deepEqual(checkworthiness('Thousands of people marched and dozens of homes burned.').figures, ['Thousands of people', 'dozens of homes']);
});

test('a dollar figure keeps its country prefix', () => {
	assert.deepEqual(checkworthiness('Chrysler will receive CA$1 billion, GM up to US$7.5 billion and a NZ$30m loan.').figures, [
		'CA$1 billion',
		'US$7.5 billion',
		'NZ$30m',
	]);
	// Each way a figure can start: a sign, a prefixed sign, a currency code, a counting word at a word's start.
	assert.deepEqual(
		checkworthiness('Aid of A$5 million, HK$2bn and AU$3m, C$4 each, USD 300, EUR 2 billion and GBP 40m; tens of thousands of people and Hundreds of troops.')
			.figures,
		['A$5 million', 'HK$2bn', 'AU$3m', 'C$4', 'USD 300', 'EUR 2 billion', 'GBP 40m', 'tens of thousands of people', 'Hundreds of troops'],
	);
	assert.deepEqual(checkworthiness('MEGA$4 XHK$5 taUSD 4 USDA 5 pretens of thousands').figures, ['A$4', 'HK$5']);
});

test('a year or a bare number is not a figure', () => {
	assert.deepEqual(checkworthiness('In 2019 the club moved to Stand 4 of the fair.').figures, []);
	assert.deepEqual(checkworthiness('In 2019 the club moved to Stand 4 of the fair.').reasons, []);
});

test('names accusations and superlatives as reasons', () => {
	assert.deepEqual(checkworthiness('Both sides committed war crimes in the siege.').reasons, ['accusation']);
	assert.deepEqual(checkworthiness('The mayor was charged with fraud and bribery.').reasons, ['accusation']);
	assert.deepEqual(checkworthiness('It was the deadliest storm on record, the worst in a century.').reasons, ['superlative']);
	assert.deepEqual(checkworthiness('Exports hit a record high of $9 billion.').reasons, ['figure', 'superlative']);
});

test('finds hedges, lower-cased and once each', () => {
	assert.deepEqual(findHedges('The so-called council reportedly met; Reportedly, the self-styled general fled.'), ['so-called', 'reportedly', 'self-styled']);
	assert.deepEqual(findHedges('The leader is said to be ill and the alleged plot was foiled.'), ['is said to', 'alleged']);
	assert.deepEqual(findHedges('The council met on Monday.'), []);
});

test('a figure with no source is an unattributed claim with its reasons and figures', () => {
	const { text, claims } = claimsOf('Unemployment rose to 7.5% in March.');
	assert.deepEqual(claims, [
		{
			start: 25,
			end: 60,
			text: 'Unemployment rose to 7.5% in March.',
			kind: 'unattributed',
			cue: null,
			source: null,
			content: { start: 25, end: 59 },
			reasons: ['figure'],
			figures: ['7.5%'],
		},
	]);
	assert.equal(text.slice(25, 59), 'Unemployment rose to 7.5% in March');
});

test('a hedged statement with no source is unattributed and records its hedge', () => {
	const { claims } = claimsOf('The rebels reportedly seized the airport.');
	assert.equal(claims[0].kind, 'unattributed');
	assert.deepEqual(claims[0].reasons, ['hedged']);
	assert.deepEqual(claims[0].hedges, ['reportedly']);
});

test('a sourced figure is an attributed claim, not an unattributed one', () => {
	const { claims } = claimsOf('The police said 40 people were arrested.');
	assert.deepEqual(
		claims.map((c) => [c.kind, c.figures]),
		[['attributed', ['40 people']]],
	);
});

test('a plain sentence with nothing to check is no claim', () => {
	assert.deepEqual(claimsOf('The museum opens its new wing in the spring.').claims, []);
});

test('a megabyte of digits and commas is scanned quickly and without error', () => {
	const text = '1,'.repeat(500_000);
	assert.ok(Array.isArray(checkworthiness(text).figures));
});

test('a counted noun takes the nearest unit, and years and model numbers are not counts', () => {
	assert.deepEqual(checkworthiness('The fair drew 15,000 people including employees.').figures, ['15,000 people']);
	assert.deepEqual(checkworthiness('Production starts in 2026 and the aircraft fly in 2028.').figures, []);
	assert.deepEqual(checkworthiness('It ended the DC-9 family of jets.').figures, []);
	assert.deepEqual(checkworthiness('The air force ordered 179 new aircraft.').figures, ['179 new aircraft']);
});

// Figures are looked for only where one can start; the pattern tried at every position is the definition.
test('finds the figures the figure pattern finds at every position', () => {
	const parts = [
		'1',
		'19',
		'2006',
		',',
		'.',
		'5',
		' ',
		'$',
		'€',
		'£',
		'¥',
		'₹',
		'US',
		'us',
		'hk',
		'HK',
		'A',
		'c',
		'ſ',
		'K',
		'x',
		'e',
		'USD',
		'eur',
		'million',
		'bn',
		'm',
		'%',
		'per cent',
		'people',
		'new',
		'and',
		'tens of thousands of',
		'dozens of',
		'homes',
		'Dollars',
		'dozens of people',
		'Hundreds of homes',
		'THOUSANDS of troops',
		'millions of dollars',
		'billions of euros',
		' uſd 5',
		'GBP',
		'Us dollars',
		'-',
		'é',
		'😀',
		'_',
	];
	const text = joined(parts, 16);
	const every = new RegExp(FIGURE_ALTERNATIVES, 'giu');
	fc.assert(
		fc.property(text, (t) => {
			const expected = [...t.matchAll(every)].map((m) => m[0].trim());
			assert.deepEqual(findFigures(t), expected, JSON.stringify(t));
		}),
		{ numRuns: 4000, seed: 20261128 },
	);
});
