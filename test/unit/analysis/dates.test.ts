import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDates } from '../../../server/src/analysis/dates';
import { parseDocument } from '../../../server/src/analysis/document';

/** The dates of a one-paragraph body as [text, value, offset in the body] (2021-11-11 is a Thursday). */
function dates(body: string, date: string | null = '2021-11-11'): [string, string, number][] {
	const head = date ? `date ${date} Title\n\n` : '';
	return findDates(parseDocument(head + body)).map((d) => [d.text, d.value, d.start - head.length]);
}

const values = (body: string, date?: string | null) => dates(body, date).map(([t, v]) => [t, v]);

/** The expected [text, value, offset] of the first occurrence of `text` in `body`. */
const at = (body: string, text: string, value: string): [string, string, number] => [text, value, body.indexOf(text)];

test('a full date written out keeps its own year and drops the preposition', () => {
	const body = 'The ceasefire was agreed on July 24, 2003, in Rome.';
	assert.deepEqual(dates(body), [at(body, 'July 24, 2003', '2003-07-24')]);
});

test('a day-first date with a year is read by chrono', () => {
	const body = 'The treaty took effect on 11 December 2009 across the bloc.';
	assert.deepEqual(dates(body), [at(body, '11 December 2009', '2009-12-11')]);
});

test('an abbreviated month with a dot and no year takes the nearest year', () => {
	assert.deepEqual(values('The tender closed Nov. 2 with four bids.'), [['Nov. 2', '2021-11-02']]);
});

test('a day and month just after New Year belong to the previous December', () => {
	assert.deepEqual(values('The pipeline burst on December 28 and was repaired within a week.', '2022-01-04'), [['December 28', '2021-12-28']]);
});

test('a future day and month in a future sentence is next year even half a year away', () => {
	assert.deepEqual(values('The court will hear the appeal on June 3, a clerk said.'), [['June 3', '2022-06-03']]);
});

test('a weekday joins the full date after it', () => {
	const body = 'Polls opened on Sunday, March 14, 2021, at dawn.';
	assert.deepEqual(dates(body), [at(body, 'Sunday, March 14, 2021', '2021-03-14')]);
});

test('a numeric date with slashes is read month first', () => {
	assert.deepEqual(values('The memo is dated 3/9/18 and signed by the director.'), [['3/9/18', '2018-03-09']]);
});

test('an ISO date is a day', () => {
	assert.deepEqual(values('The filing, dated 2019-04-30, lists six directors.'), [['2019-04-30', '2019-04-30']]);
});

test('a month with a year is a month', () => {
	const body = 'The mine reopened in September 2006 after repairs.';
	assert.deepEqual(dates(body), [at(body, 'September 2006', '2006-09')]);
});

test('"October of last year" gives the month and "last year" as two dates', () => {
	const body = 'The truce was brokered by envoys in October of last year.';
	assert.deepEqual(dates(body), [at(body, 'October', '2020-10'), at(body, 'last year', '2020')]);
});

test('a bare year after a preposition is a year', () => {
	const body = 'The party was founded in 2011 by students.';
	assert.deepEqual(dates(body), [at(body, '2011', '2011')]);
});

test('money, counts and names are not years', () => {
	assert.deepEqual(values('The club paid $2010 for the bus, hired 1500 workers and joined the Russell 2000 index.'), []);
	assert.deepEqual(values('Nearly 1999 people signed up.'), []);
});

test('a year used as a modifier is still a year', () => {
	assert.deepEqual(values('Athletes trained for the 2008 Beijing Games.'), [['2008', '2008']]);
});

test('mid, early and late join a year and keep its value', () => {
	assert.deepEqual(values('The line opens in mid-2025, after delays in late 2023 and early 2024.'), [
		['mid-2025', '2025'],
		['late 2023', '2023'],
		['early 2024', '2024'],
	]);
});

test('early and late join a month', () => {
	assert.deepEqual(values('Shipments will resume by early June, the firm said.'), [['early June', '2022-06']]);
});

test('decades with four or two digits', () => {
	const body = "Rents doubled in the 1990s and again since the '70s.";
	assert.deepEqual(dates(body), [at(body, 'the 1990s', '199'), at(body, "the '70s", '197')]);
});

test('"the early 2000s" is the decade with its modifier', () => {
	assert.deepEqual(values('The town grew fast in the early 2000s.'), [['the early 2000s', '200']]);
});

test('fiscal years use the FY prefix', () => {
	assert.deepEqual(values('Revenue for fiscal 2009 beat forecasts, as did FY2010.'), [
		['fiscal 2009', 'FY2009'],
		['FY2010', 'FY2010'],
	]);
});

test('a quarter with its year includes the article and the year', () => {
	const body = 'Output shrank in the first quarter of 2009 in most regions.';
	assert.deepEqual(dates(body), [at(body, 'the first quarter of 2009', '2009-Q1')]);
});

test('a quarter after one with a year shares that year', () => {
	assert.deepEqual(values('Exports fell in the second quarter of 2015 and rose in the fourth quarter.'), [
		['the second quarter of 2015', '2015-Q2'],
		['the fourth quarter', '2015-Q4'],
	]);
});

test('a past quarter without a year is the latest one that has begun', () => {
	assert.deepEqual(values('Losses widened in the fourth quarter, the bank reported.', '2022-02-10'), [['the fourth quarter', '2021-Q4']]);
});

test('"third-quarter" as an adjective is a quarter', () => {
	assert.deepEqual(values('Its third-quarter profit fell sharply.'), [['third-quarter', '2021-Q3']]);
});

test('"last quarter" is the quarter before publication', () => {
	assert.deepEqual(values('Margins improved last quarter.', '2021-01-20'), [['last quarter', '2020-Q4']]);
});

test('the first half of a year is a half-year', () => {
	assert.deepEqual(values('Sales in the first half of 2020 were weak.'), [['the first half of 2020', '2020-H1']]);
});

test('a season with its year', () => {
	assert.deepEqual(values('The drought began in the summer of 2018.'), [['the summer of 2018', '2018-SU']]);
});

test('"the fall of" something is not autumn, "this fall" is', () => {
	assert.deepEqual(values('After the fall of the city, the army regrouped.'), []);
	assert.deepEqual(values('The school will reopen this fall.', '2021-07-01'), [['this fall', '2021-FA']]);
});

test('a name with a season in it is not a season', () => {
	assert.deepEqual(values('Protests recalled the Arab Spring in the capital.'), []);
});

test('"May" as a modal verb is not a month, "in May" is', () => {
	const body = 'May the best team win, the coach said in May.';
	assert.deepEqual(dates(body), [['May', '2021-05', body.lastIndexOf('May')]]);
});

test('a person called April is not a month', () => {
	assert.deepEqual(values('April Jones won the seat easily.'), []);
});

test('newspapers named after a weekday are not dates', () => {
	assert.deepEqual(values('The Sunday Times printed the letter.'), []);
});

test('a year range in one token gives each year its own span', () => {
	const body = 'The survey covered 2009-2011 in detail.';
	assert.deepEqual(dates(body), [
		['2009', '2009', body.indexOf('2009')],
		['2011', '2011', body.indexOf('2011')],
	]);
});

test('an ordinal century is its two-digit TIMEX3 value', () => {
	assert.deepEqual(values('Grain prices rose throughout the 17th century, a treaty of 1648 says.'), [
		['the 17th century', '16'],
		['1648', '1648'],
	]);
});

test('a day number that counts something is not a day of the month', () => {
	assert.deepEqual(values('In May 15 people were hurt.'), [['May', '2021-05']]);
});

test('absolute dates keep their values without a header date', () => {
	assert.deepEqual(values('Built in the 17th century, rebuilt in the 1990s and reopened on 4 May 2012.', null), [
		['the 17th century', '16'],
		['the 1990s', '199'],
		['4 May 2012', '2012-05-04'],
	]);
});

test('"spring" as a verb is not a season', () => {
	assert.deepEqual(values('Rescuers could spring into action, and prices will spring back.'), []);
});
