import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findClaims } from '../../../server/src/analysis/claims';
import fc from 'fast-check';
import { joined } from '../robustness/arbitraries';
import { checkworthiness, explainReasons, FIGURE_ALTERNATIVES, findFigures, findHedges } from '../../../server/src/analysis/claims/checkworthy';
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

test('a person’s age is no figure to check, but a figure beside it is', () => {
	assert.deepEqual(checkworthiness('The novelist was 91 years old.').reasons, []);
	assert.deepEqual(checkworthiness('The bridge is 60 years old and its repair cost $12 million.').found, [{ reason: 'figure', phrase: '$12 million' }]);
	// Years that are not an age still count.
	assert.deepEqual(checkworthiness('The treaty held for 40 years before the war.').reasons, ['figure']);
	const { claims } = claimsOf('The former senator was 79 years old.');
	assert.equal(claims.filter((c) => c.kind === 'unattributed').length, 0);
});

test('names accusations and superlatives as reasons', () => {
	assert.deepEqual(checkworthiness('Both sides committed war crimes in the siege.').reasons, ['accusation']);
	assert.deepEqual(checkworthiness('The mayor was charged with fraud and bribery.').reasons, ['accusation']);
	assert.deepEqual(checkworthiness('It was the deadliest storm on record, the worst in a century.').reasons, ['superlative']);
	assert.deepEqual(checkworthiness('The rebels attacked for the first time.').reasons, ['first']);
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

test('a hedged statement with no source is not flagged', () => {
	// "reportedly" is a report of an unnamed source (an attributed claim with no source), never a check-worthy statement of the text's own.
	for (const s of ['The rebels reportedly seized the airport.', 'The rebels reportedly seized the largest airport in the north.'])
		assert.deepEqual(
			claimsOf(s).claims.map((c) => [c.kind, c.cue?.text, c.source]),
			[['attributed', 'reportedly', null]],
		);
	assert.deepEqual(claimsOf('Exports may reach a record high this year.').claims, []);
	assert.deepEqual(reasonsOf('The merger is expected to create the biggest lender in the region.'), []);
	// "May" the month is no hedge.
	assert.deepEqual(
		claimsOf('In May, exports reached a record high.').claims.map((c) => c.reasons),
		[['superlative']],
	);
});

test('a hedge governs its own clause, not the whole sentence', () => {
	const reasons = (body: string) => claimsOf(body).claims.map((c) => c.reasons);
	// The apposition is asserted; only the landing is hedged.
	assert.deepEqual(reasons('The A380, the largest passenger plane, was set to land in Dallas.'), [['superlative']]);
	// "whether" opens an indirect question: it hedges what follows it only.
	assert.deepEqual(reasons('The court has never ruled on whether the law applies online.'), [['negative']]);
	assert.deepEqual(reasons('The storm could become the strongest of the season.'), []);
	assert.deepEqual(reasons('Exports hit a record high and may rise further.'), [['superlative']]);
});

// Each class with sentences the finder missed before it had the class (or flagged wrongly).
const reasonsOf = (body: string) => claimsOf(body).claims.flatMap((c) => (c.kind === 'unattributed' ? (c.reasons ?? []) : []));

test('comparisons against a baseline are check-worthy', () => {
	assert.deepEqual(reasonsOf('Wheat prices are higher than at any time since the 2008 food crisis.'), ['comparison']);
	assert.deepEqual(reasonsOf('The airline carried more passengers than its two rivals combined.'), ['comparison']);
	assert.deepEqual(reasonsOf('Applications have doubled since the scheme opened.'), ['comparison']);
	assert.deepEqual(reasonsOf('Women here are three times as likely to lose their jobs.'), ['comparison']);
});

test('superlatives and records are check-worthy, a title or a family is not', () => {
	assert.deepEqual(reasonsOf('The eruption was the largest ever recorded on the island.'), ['superlative']);
	assert.deepEqual(reasonsOf('Turnout hit a new record in the coastal districts.'), ['superlative']);
	assert.deepEqual(reasonsOf('It was the driest summer in living memory.'), ['superlative']);
	assert.deepEqual(reasonsOf("The country's highest court heard the appeal on Monday."), []);
	assert.deepEqual(reasonsOf('He is the youngest of three brothers and the oldest of five siblings.'), []);
	assert.deepEqual(reasonsOf('The minister praised its most recent report.'), []);
});

test('firsts and onlies are check-worthy', () => {
	assert.deepEqual(reasonsOf('The side became only the third club to reach the final unbeaten.'), ['first']);
	assert.deepEqual(reasonsOf('The river burst its banks for the first time in a century.'), ['first']);
	assert.deepEqual(reasonsOf('She was the first Indigenous lawyer to sit on the bench.'), ['first']);
	assert.deepEqual(reasonsOf('The bank posted its first loss in 30 years.'), ['figure', 'first']);
	assert.deepEqual(reasonsOf('It was the first time the two leaders had met.'), ['first']);
	assert.deepEqual(reasonsOf('The first bus leaves at six and the only road is closed.'), []);
});

test('causal and efficacy claims are check-worthy', () => {
	assert.deepEqual(reasonsOf('The booster has been shown to be highly effective against severe illness.'), ['causal']);
	assert.deepEqual(reasonsOf('Daily exercise lowers the risk of heart disease.'), ['causal']);
	assert.deepEqual(reasonsOf('The blackout was caused by a fire at a substation.'), ['causal']);
	assert.deepEqual(reasonsOf('The new rules led to a surge in applications.'), ['causal']);
	assert.deepEqual(reasonsOf('Microplastics have been linked to inflammation in the gut.'), ['causal']);
	assert.deepEqual(reasonsOf('Volunteers led the children to safety.'), []);
	assert.deepEqual(reasonsOf('The minister responsible for transport opened the station.'), []);
});

test('absolute negatives are check-worthy', () => {
	assert.deepEqual(reasonsOf('The tribunal has never ruled on the question of sovereignty.'), ['negative']);
	// The fraud is denied, not alleged: no accusation.
	assert.deepEqual(reasonsOf('There is no evidence of fraud in the postal ballots.'), ['negative']);
	assert.deepEqual(reasonsOf('The senator was cleared of corruption last year.'), []);
	assert.deepEqual(reasonsOf('Not a single case has been recorded in the capital.'), ['negative']);
	assert.deepEqual(reasonsOf('None of the ministers attended the ceremony.'), ['negative']);
});

test('an accusation needs a wrongful act, not gossip nor a death by itself', () => {
	assert.deepEqual(reasonsOf('The governor took bribes from construction firms.'), ['accusation']);
	assert.deepEqual(reasonsOf('Troops violated the ceasefire overnight.'), ['accusation']);
	assert.deepEqual(reasonsOf('The former minister was charged with money laundering.'), ['accusation']);
	assert.deepEqual(reasonsOf('Rumours have abounded about the cover-up for years.'), []);
	assert.deepEqual(reasonsOf('Rumours have abounded since the spring.'), []);
	assert.deepEqual(reasonsOf('The singer was killed in a road accident.'), []);
	assert.deepEqual(reasonsOf('The index breached 8,000 points and the anti-corruption unit moved offices.'), []);
});

test('questions, headings, quoted words and attributed statements are not flagged', () => {
	assert.deepEqual(reasonsOf('Is this the worst drought in a century?'), []);
	assert.deepEqual(reasonsOf('Record losses at the biggest lenders'), []);
	assert.deepEqual(reasonsOf('The chairman called it "the biggest deal in our history" and left.'), []);
	assert.deepEqual(reasonsOf('The weather service said the storm was the deadliest in decades.'), []);
});

test('each reason keeps the words that make it, for the hover', () => {
	assert.deepEqual(checkworthiness('Rainfall was the largest ever recorded, and no other city has banned cars.').found, [
		{ reason: 'superlative', phrase: 'the largest ever recorded' },
		{ reason: 'negative', phrase: 'no other city' },
	]);
	assert.deepEqual(explainReasons('Prices are higher than at any time since 1990.', ['comparison', 'figure']), [
		'Comparison: “higher than at any time since”',
		'Figure',
	]);
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
