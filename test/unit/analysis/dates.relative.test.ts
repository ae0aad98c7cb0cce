import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDates } from '../../../server/src/analysis/dates';
import { parseDocument } from '../../../server/src/analysis/document';

/** The dates of a one-paragraph body as [text, value, offset in the body]. 2021-11-11 is a Thursday. */
function dates(body: string, date: string | null = '2021-11-11'): [string, string, number][] {
	const head = date ? `date ${date} Title\n\n` : '';
	return findDates(parseDocument(head + body)).map((d) => [d.text, d.value, d.start - head.length]);
}

const values = (body: string, date?: string | null) => dates(body, date).map(([t, v]) => [t, v]);
const at = (body: string, text: string, value: string): [string, string, number] => [text, value, body.indexOf(text)];

test('a weekday in a past-tense sentence is the previous one', () => {
	const body = 'The ministry announced on Monday that the talks had failed.';
	assert.deepEqual(dates(body), [at(body, 'Monday', '2021-11-08')]);
});

test('a weekday with "will" is the coming one', () => {
	assert.deepEqual(values('The talks will resume on Monday in Geneva.'), [['Monday', '2021-11-15']]);
});

test('a weekday before the verb takes the tense of that verb', () => {
	assert.deepEqual(values('On Tuesday, the minister said the budget would pass.'), [['Tuesday', '2021-11-09']]);
});

test('the publication weekday in a past sentence is publication day', () => {
	assert.deepEqual(values('Rebels seized the airport Thursday, officials said.'), [['Thursday', '2021-11-11']]);
});

test('"set for" a weekday points ahead', () => {
	assert.deepEqual(values('The run-off is set for Sunday.'), [['Sunday', '2021-11-14']]);
});

test('"last" and "next" with a weekday skip publication day', () => {
	assert.deepEqual(values('The plant shut last Thursday and reopens next Thursday.'), [
		['last Thursday', '2021-11-04'],
		['next Thursday', '2021-11-18'],
	]);
});

test('a weekday with a part of the day is a TIMEX3 time', () => {
	assert.deepEqual(values('The blast happened on Tuesday night near the port.'), [['Tuesday night', '2021-11-09TNI']]);
});

test('a month in a past sentence is the last one, in a future sentence the coming one', () => {
	assert.deepEqual(values('The central bank raised rates in September, and will meet again in January.'), [
		['September', '2021-09'],
		['January', '2022-01'],
	]);
});

test('"last September" in September is a year before', () => {
	assert.deepEqual(values('Prices have risen since last September.', '2021-09-20'), [['last September', '2020-09']]);
});

test('resolves "last year" against the header date', () => {
	const body = 'Exports fell by a third last year.';
	assert.deepEqual(dates(body), [at(body, 'last year', '2020')]);
});

test('this year, next year and a year ago', () => {
	assert.deepEqual(values('Growth slowed this year and will pick up next year; a year ago it was flat.'), [
		['this year', '2021'],
		['next year', '2022'],
		['a year ago', '2020'],
	]);
});

test('"the end of last year" keeps the whole phrase and the year', () => {
	assert.deepEqual(values('Debt peaked at the end of last year.'), [['the end of last year', '2020']]);
});

test('"the beginning of the year" is the publication year', () => {
	assert.deepEqual(values('Fares have doubled since the beginning of the year.'), [['the beginning of the year', '2021']]);
});

test('"earlier this month" and "later this year" include their adverb', () => {
	assert.deepEqual(values('Talks stalled earlier this month but may resume later this year.'), [
		['earlier this month', '2021-11'],
		['later this year', '2021'],
	]);
});

test('"last month" and "next month" cross a year boundary', () => {
	assert.deepEqual(values('Orders rose last month and will rise next month.', '2022-01-15'), [
		['last month', '2021-12'],
		['next month', '2022-02'],
	]);
});

test('weeks are ISO weeks', () => {
	assert.deepEqual(values('The strike began last week and ends this week.'), [
		['last week', '2021-W44'],
		['this week', '2021-W45'],
	]);
	assert.deepEqual(values('The fair opens next week.', '2020-12-28'), [['next week', '2021-W01']]);
});

test('"the last week of March" is the ISO week at the end of that month', () => {
	assert.deepEqual(values('Sales picked up in the last week of March.', '2021-04-06'), [['the last week of March', '2021-W12']]);
});

test('the weekend is tied to the publication week', () => {
	assert.deepEqual(values('Fans gathered in the square this weekend.', '2021-11-14'), [['this weekend', '2021-W45-WE']]);
});

test('counted units ago: days and weeks give a day, years a year', () => {
	assert.deepEqual(values('The quake struck three days ago; the last one was two weeks ago and five years ago before that.'), [
		['three days ago', '2021-11-08'],
		['two weeks ago', '2021-10-28'],
		['five years ago', '2016'],
	]);
});

test('today, yesterday and tomorrow are days from publication', () => {
	assert.deepEqual(values('The court ruled yesterday, the cabinet meets today and the verdict is due tomorrow.'), [
		['yesterday', '2021-11-10'],
		['today', '2021-11-11'],
		['tomorrow', '2021-11-12'],
	]);
});

test('"earlier today" and "this morning" keep publication day', () => {
	assert.deepEqual(values('Markets opened lower earlier today after a fall this morning.'), [
		['earlier today', '2021-11-11'],
		['this morning', '2021-11-11TMO'],
	]);
});

test('"last summer" is the latest summer before the current season', () => {
	assert.deepEqual(values('The river dried up last summer.'), [['last summer', '2021-SU']]);
	assert.deepEqual(values('The river dried up last summer.', '2021-07-15'), [['last summer', '2020-SU']]);
});

test('a bare season in a past sentence is the latest one', () => {
	assert.deepEqual(values('Farmers sowed late in spring because of floods.'), [['spring', '2021-SP']]);
});

test('the past decade is the previous calendar decade', () => {
	assert.deepEqual(values('Crime fell over the past decade.'), [['the past decade', '201']]);
});

test('a quarter without a year in a future sentence is the coming one', () => {
	assert.deepEqual(values('The merger is expected to close in the second quarter.'), [['the second quarter', '2022-Q2']]);
});

test('the same period last year shifts the period last named', () => {
	assert.deepEqual(values('Sales rose 8% in October compared with the same period last year.'), [
		['October', '2021-10'],
		['the same period last year', '2020-10'],
	]);
});

test('"the same month a year ago" shifts the month last named', () => {
	assert.deepEqual(values('Sales fell in August from the same month a year ago.'), [
		['August', '2021-08'],
		['the same month a year ago', '2020-08'],
	]);
});

test('a bare month after a year at the start of the sentence takes that year', () => {
	assert.deepEqual(values('In 2015, the fund lost money in March.'), [
		['2015', '2015'],
		['March', '2015-03'],
	]);
});

test('a year in a relative clause does not lend its year to a later month', () => {
	assert.deepEqual(values('The plant, opened in 1998, will close in March.'), [
		['1998', '1998'],
		['March', '2022-03'],
	]);
});

test('"the day", "the same day" and "the day before" refer to the day last named', () => {
	assert.deepEqual(values('Shares slid on Monday. Later in the day they recovered. The same day, the bank cut rates. The day before, it had held them.'), [
		['Monday', '2021-11-08'],
		['Later in the day', '2021-11-08'],
		['The same day', '2021-11-08'],
		['The day before', '2021-11-07'],
	]);
});

test('"by that time" refers to the date last named', () => {
	assert.deepEqual(values('The deal must close by March 31. If it has not by that time, the offer lapses.'), [
		['March 31', '2022-03-31'],
		['that time', '2022-03-31'],
	]);
});

test('present, past and future references', () => {
	assert.deepEqual(values('The agency is currently short of staff and has recently lost funding, so cuts may come soon.'), [
		['currently', 'PRESENT_REF'],
		['recently', 'PAST_REF'],
		['soon', 'FUTURE_REF'],
	]);
});

test('"in the past", "the near future" and "the long term" are references without their preposition', () => {
	assert.deepEqual(values('Such deals failed in the past, may return in the near future and matter in the long term.'), [
		['the past', 'PAST_REF'],
		['the near future', 'FUTURE_REF'],
		['the long term', 'FUTURE_REF'],
	]);
});

test('"recent years" is one past reference and "the most recent model" none', () => {
	assert.deepEqual(values('Prices have risen in recent years, even for the most recent model.'), [['recent years', 'PAST_REF']]);
});

test('"past decisions" and "future plans" are not references', () => {
	assert.deepEqual(values('Past decisions shaped future plans.'), []);
});

test('every value says how it was resolved', () => {
	const text = 'date 2021-11-11 T\n\nThe army withdrew on Monday, and talks resume next week.';
	const found = findDates(parseDocument(text));
	assert.equal(found.length, 2);
	assert.match(found[0].resolution ?? '', /past context \(“withdrew”\)/);
	assert.match(found[1].resolution ?? '', /next week/);
	assert.deepEqual(
		found.map((d) => d.relative),
		[true, true],
	);
});

test('absolute dates are not relative', () => {
	const found = findDates(parseDocument('date 2021-11-11 T\n\nThe law dates from June 1, 1990.'));
	assert.deepEqual(
		found.map((d) => [d.value, d.granularity, d.relative]),
		[['1990-06-01', 'day', false]],
	);
});

test('without a header date, relative dates get partial values or are left out', () => {
	assert.deepEqual(values('Troops left on Monday, in March and on June 18, 2003, and on June 18; last year was calm; now it is tense.', null), [
		['Monday', 'XXXX-WXX-1'],
		['March', 'XXXX-03'],
		['June 18, 2003', '2003-06-18'],
		['June 18', 'XXXX-06-18'],
		['now', 'PRESENT_REF'],
	]);
});

test('odd input never throws', () => {
	const odd = [
		'',
		'\u0000\uFFFF\uD800',
		'date 2021-11-11 T\n\n' + '1/'.repeat(5000),
		'date 2021-11-11 T\n\nthe the the day day of of March March 31 31 ,,,',
		'date 9999-99-99 T\n\nLast year on Monday.',
	];
	for (const text of odd) assert.doesNotThrow(() => findDates(parseDocument(text)));
});

test('a long document finds every repeated date', () => {
	const body = 'The board met on Monday and will meet again in January. '.repeat(20000);
	const found = findDates(parseDocument('date 2021-11-11 T\n\n' + body));
	assert.equal(found.length, 40000);
	assert.deepEqual([found[39998].value, found[39999].value], ['2021-11-08', '2022-01']);
});

test('"the previous year" and "a year earlier" count back from the year last named', () => {
	assert.deepEqual(values('Profits rose in 2010 after falling the previous year. The merger came in 1998; a year earlier, talks had failed.'), [
		['2010', '2010'],
		['the previous year', '2009'],
		['1998', '1998'],
		['a year earlier', '1997'],
	]);
});

test('"the previous year" with no year named counts back from publication', () => {
	assert.deepEqual(values('Sales fell 4% from the previous year.'), [['the previous year', '2020']]);
});

test('"last fiscal year" is a fiscal year counted from publication', () => {
	assert.deepEqual(values('The company said last fiscal year was its best.'), [['last fiscal year', 'FY2020']]);
});

test('recurring days and seasons are sets, not dates', () => {
	assert.deepEqual(values('The market opens every Monday, and the festival returns each summer.'), []);
});

test('a possessive before the verb does not hide its past tense', () => {
	assert.deepEqual(values("Haftar's forces declared Thursday that the fighters would leave."), [['Thursday', '2021-11-11']]);
});

test('"should" points a month ahead', () => {
	assert.deepEqual(values('Talks should resume before the end of March, the envoy said.', '2019-03-04'), [['the end of March', '2019-03']]);
	assert.deepEqual(values('Talks should resume in March, the envoy said.', '2019-09-10'), [['March', '2020-03']]);
	assert.deepEqual(values('Talks resumed in March, the envoy said.', '2019-09-10'), [['March', '2019-03']]);
});

test('a title ending in "Today" is not the day', () => {
	assert.deepEqual(values('The poll was run by USA Today and released today.'), [['today', '2021-11-11']]);
});

test('"this past weekend" is the weekend before publication', () => {
	assert.deepEqual(values('Crowds gathered this past weekend.', '2021-11-15'), [['this past weekend', '2021-W45-WE']]);
});

test('"four years later" and "two days later" count from the date last named', () => {
	assert.deepEqual(values('The plant opened in 2015. Four years later, it closed.'), [
		['2015', '2015'],
		['Four years later', '2019'],
	]);
	assert.deepEqual(values('Talks began on Monday. Two days later, they collapsed.'), [
		['Monday', '2021-11-08'],
		['Two days later', '2021-11-10'],
	]);
});

test('days counted from a year-only date are left out', () => {
	assert.deepEqual(values('The plant opened in 2015. Two days later, it closed.'), [['2015', '2015']]);
});

test('"two weeks from now" counts forward from publication', () => {
	assert.deepEqual(values('The vote is two weeks from now.'), [['two weeks from now', '2021-11-25']]);
});

test('a month after "since" is the last one before publication, however far back', () => {
	assert.deepEqual(values('Its shares have doubled since February.', '2021-11-11'), [['February', '2021-02']]);
	assert.deepEqual(values('Exports have fallen since December.', '2021-11-11'), [['December', '2020-12']]);
});

test('a month in a present-tense relative clause is not moved back by the sentence’s past tense', () => {
	// Published 2021-11-11: the coming April, the coming March; a past relative clause keeps the past.
	assert.deepEqual(values('Growers said the cold season, which starts in April, had grown shorter.'), [['April', '2022-04']]);
	assert.deepEqual(values('Retailers complained about a sales tax that applies from March.'), [['March', '2022-03']]);
	assert.deepEqual(values('Traders warned that the fair, which closed in September, lost money.'), [['September', '2021-09']]);
	assert.deepEqual(values('The mayor said that prices in August were high.'), [['August', '2021-08']]);
});
