/**
 * Compound and relative date forms written for these tests: a month with a relative year, quarters
 * and halves counted from the period the text reports on, and the aspect of the verb before a
 * weekday. The publication date is Friday 10 May 2024.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDates } from '../../../server/src/analysis/dates';
import { parseDocument } from '../../../server/src/analysis/document';

const values = (body: string) => findDates(parseDocument(`date 2024-05-10 Title\n\n${body}`)).map((d) => [d.text, d.value]);

test('a month with a relative year is one date in that year', () => {
	assert.deepEqual(values('The mill shut in April last year.'), [['April last year', '2023-04']]);
	assert.deepEqual(values('The line reopens in March next year.'), [['March next year', '2025-03']]);
	assert.deepEqual(values('Shipments resumed in June this year.'), [['June this year', '2024-06']]);
});

test('a month after last or next is the nearest one on that side of publication', () => {
	assert.deepEqual(values('Exports dipped last April.'), [['last April', '2024-04']]);
	assert.deepEqual(values('Exports dipped last June.'), [['last June', '2023-06']]);
	assert.deepEqual(values('The board meets next March.'), [['next March', '2025-03']]);
});

test('the previous quarter counts from the quarter the report is about, this quarter from publication', () => {
	assert.deepEqual(values('Sales grew in the third quarter, faster than in the previous quarter.'), [
		['the third quarter', '2023-Q3'],
		['the previous quarter', '2023-Q2'],
	]);
	assert.deepEqual(values('The lender expects a loss this quarter.'), [['this quarter', '2024-Q2']]);
	assert.deepEqual(values('Costs will rise in the current quarter.'), [['the current quarter', '2024-Q2']]);
});

test('a half takes the year of the reported period, and stays unread where nothing gives one', () => {
	assert.deepEqual(values('Orders rose in the fourth quarter of 2023. Margins were thinner in the first half.'), [
		['the fourth quarter of 2023', '2023-Q4'],
		['the first half', '2023-H1'],
	]);
	assert.deepEqual(values('The visitors led at the end of the first half.'), []);
	assert.deepEqual(values('Growth should pick up in the second half of next year.'), [['the second half of next year', '2025-H2']]);
});

test('present progressive and “is to” put a weekday after publication; past progressive before it', () => {
	assert.deepEqual(values('Reservists are being called up on Sunday.'), [['Sunday', '2024-05-12']]);
	assert.deepEqual(values('Reservists were being called up on Sunday.'), [['Sunday', '2024-05-05']]);
	assert.deepEqual(values('The envoy is visiting Lusaka on Tuesday.'), [['Tuesday', '2024-05-14']]);
	assert.deepEqual(values('Negotiators are to reconvene on Wednesday.'), [['Wednesday', '2024-05-15']]);
	assert.deepEqual(values('The envoy visited Lusaka on Tuesday.'), [['Tuesday', '2024-05-07']]);
});

test('“current” before a noun is the present; a current account is no time', () => {
	assert.deepEqual(values('Given the current slump, banks are wary.'), [['current', 'PRESENT_REF']]);
	assert.deepEqual(values('The current account deficit narrowed.'), []);
});

test('"today’s" before a name or an era noun is the present, before an event it is the day', () => {
	assert.deepEqual(values('This is an exciting time at today’s Nordvik, and today’s world moves fast.'), [
		['today', 'PRESENT_REF'],
		['today', 'PRESENT_REF'],
	]);
	assert.deepEqual(values('Today’s meeting ended early.'), [['Today', '2024-05-10']]);
});

test('the nth consecutive day is the day reported on', () => {
	assert.deepEqual(values('Trading was suspended for a second consecutive day.'), [['a second consecutive day', '2024-05-10']]);
	assert.deepEqual(values('On Wednesday the index fell for the third straight day.'), [
		['Wednesday', '2024-05-08'],
		['the third straight day', '2024-05-08'],
	]);
	assert.deepEqual(values('Shares fell for the fourth day in a row.'), [['the fourth day', '2024-05-10']]);
});

test('a counted length of time is a duration, not a date; one that points somewhere or recurs is not', () => {
	assert.deepEqual(values('Rents are at their highest in over six years, after the past nine days of gains.'), [
		['over six years', 'P6Y'],
		['the past nine days', 'P9D'],
	]);
	assert.deepEqual(values('It was the worst single-day drop in more than a decade, after a 12-hour session.'), [
		['single-day', 'P1D'],
		['more than a decade', 'P10Y'],
		['12-hour', 'PT12H'],
	]);
	assert.deepEqual(values('Two years ago he paid $5 a day, twice a week.'), [['Two years ago', '2022']]);
	const [d] = findDates(parseDocument('date 2024-05-10 Title\n\nShe served six months.'));
	assert.equal(d.granularity, 'duration');
	assert.equal(d.relative, false);
});

test('a month with a count of years ago is that month in that year', () => {
	assert.deepEqual(values('Wheat prices spiked in July two years ago.'), [['July two years ago', '2022-07']]);
	assert.deepEqual(values('In October a year ago the dam burst.'), [['October a year ago', '2023-10']]);
	assert.deepEqual(values('The port opened in March 3 years ago.'), [['March 3 years ago', '2021-03']]);
});

test('"the previous quarter" skips a comparison with a year before and counts from the reported quarter', () => {
	assert.deepEqual(values('Net income rose in the first quarter, against a loss in the same quarter a year earlier, and was flat from the previous quarter.'), [
		['the first quarter', '2024-Q1'],
		['the same quarter a year earlier', '2023-Q1'],
		['the previous quarter', '2023-Q4'],
	]);
	assert.deepEqual(values('Margins were thin in the same period last year. Orders fell from the prior quarter.'), [
		['the same period last year', '2023'],
		['the prior quarter', '2024-Q1'],
	]);
});

test('a present progressive in the weekday’s own clause outweighs a past tense in another clause', () => {
	assert.deepEqual(values('Medics were flown in on Saturday, and more doctors are arriving on Monday.'), [
		['Saturday', '2024-05-04'],
		['Monday', '2024-05-13'],
	]);
	assert.deepEqual(values('The envoy said she is meeting the rebels on Tuesday.'), [['Tuesday', '2024-05-14']]);
	// The past tense nearer the weekday still decides.
	assert.deepEqual(values('The firm said on Tuesday it is cutting jobs.'), [['Tuesday', '2024-05-07']]);
});

test('a future perfect points ahead', () => {
	assert.deepEqual(values('The last troops will have left by Thursday.'), [['Thursday', '2024-05-16']]);
	assert.deepEqual(values('By then the fund will have spent its reserves, in December.'), [['December', '2024-12']]);
	assert.deepEqual(values('The last troops had left by Thursday.'), [['Thursday', '2024-05-09']]);
});

test('a bare month or period after a later one in the sentence is the next year’s when it has begun or lies ahead', () => {
	assert.deepEqual(values('The smelter shut in November last year and restarted in March.'), [
		['November last year', '2023-11'],
		['March', '2024-03'],
	]);
	assert.deepEqual(values('Exports slumped in the second half of last year and recovered in the first half.'), [
		['the second half of last year', '2023-H2'],
		['the first half', '2024-H1'],
	]);
	assert.deepEqual(values('The line closed in October last year and will reopen in August.'), [
		['October last year', '2023-10'],
		['August', '2024-08'],
	]);
	// A month not yet begun in a past sentence keeps the year named; so does a later month.
	assert.deepEqual(values('Rain fell in October last year and again in July.'), [
		['October last year', '2023-10'],
		['July', '2023-07'],
	]);
	assert.deepEqual(values('Prices rose in April last year and fell in June.'), [
		['April last year', '2023-04'],
		['June', '2023-06'],
	]);
});

test('a half without a year in a sentence about a company’s figures is read by tense', () => {
	assert.deepEqual(values('The brewer said first-half profit rose.'), [['first-half', '2024-H1']]);
	assert.deepEqual(values('The chain expects sales to slow in the second half.'), [['the second half', '2024-H2']]);
	assert.deepEqual(values('The visitors led at the end of the first half.'), []);
});
