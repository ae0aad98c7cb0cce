import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
	addDays,
	addMonths,
	dayExists,
	isoWeekday,
	parseYmd,
	pick,
	pickNear,
	seasonOf,
	weekValue,
	yearValue,
} from '../../../server/src/analysis/dates/calendar';
import { tenseAround } from '../../../server/src/analysis/dates/tense';

test('ISO weeks belong to the year of their Thursday', () => {
	assert.equal(weekValue({ y: 2021, m: 1, d: 3 }), '2020-W53');
	assert.equal(weekValue({ y: 2021, m: 1, d: 4 }), '2021-W01');
	assert.equal(weekValue({ y: 2024, m: 12, d: 30 }), '2025-W01');
	assert.equal(weekValue({ y: 2021, m: 11, d: 11 }), '2021-W45');
});

test('days and months carry across month and year ends', () => {
	assert.deepEqual(addDays({ y: 2021, m: 3, d: 1 }, -1), { y: 2021, m: 2, d: 28 });
	assert.deepEqual(addDays({ y: 2020, m: 12, d: 31 }, 1), { y: 2021, m: 1, d: 1 });
	assert.deepEqual(addMonths(2021, 1, -1), { y: 2020, m: 12 });
	assert.deepEqual(addMonths(2021, 12, 1), { y: 2022, m: 1 });
});

test('29 February exists only in leap years', () => {
	assert.equal(dayExists(2020, 2, 29), true);
	assert.equal(dayExists(2021, 2, 29), false);
	assert.equal(dayExists(1900, 2, 29), false);
	assert.equal(dayExists(2000, 2, 29), true);
	assert.equal(dayExists(2021, 4, 31), false);
});

test('weekdays are ISO numbered from Monday', () => {
	assert.equal(isoWeekday({ y: 2021, m: 11, d: 8 }), 1);
	assert.equal(isoWeekday({ y: 2021, m: 11, d: 14 }), 7);
});

test('a January day is in the winter labelled by the year before', () => {
	assert.deepEqual(seasonOf({ y: 2010, m: 1, d: 15 }), { y: 2009, s: 'WI' });
	assert.deepEqual(seasonOf({ y: 2010, m: 12, d: 15 }), { y: 2010, s: 'WI' });
	assert.deepEqual(seasonOf({ y: 2010, m: 9, d: 1 }), { y: 2010, s: 'FA' });
});

test('header dates parse strictly and years pad to four digits', () => {
	assert.deepEqual(parseYmd('2021-11-11'), { y: 2021, m: 11, d: 11 });
	assert.equal(parseYmd('2021-1-1'), null);
	assert.equal(parseYmd(null), null);
	assert.equal(yearValue(987), '0987');
});

test('picking among same-named periods by direction', () => {
	const cands = [2020, 2021, 2022].map((v) => ({ v, start: v * 12 + 3, end: v * 12 + 3 }));
	const ref = 2021 * 12 + 10;
	assert.equal(pick(cands, ref, 'past'), 2021);
	assert.equal(pick(cands, ref, 'future'), 2022);
	assert.equal(pick(cands, ref, 'none'), 2022);
});

test('a reading chosen by tense is dropped when it lies too far from publication', () => {
	const cands = [2020, 2021, 2022].map((v) => ({ v, start: v * 12 + 12, end: v * 12 + 12 }));
	const ref = 2021 * 12 + 11;
	assert.deepEqual(pickNear(cands, ref, 'past', 8), { v: 2021, byTense: false });
	assert.deepEqual(pickNear(cands, ref, 'past', 12), { v: 2020, byTense: true });
});

const tense = (s: string, word: string) => {
	const low = s.toLowerCase().split(' ');
	const k = low.indexOf(word);
	return tenseAround(low, k, k + 1, 0, low.length).dir;
};

test('the nearest tense cue in the clause decides', () => {
	assert.equal(tense('the company said on monday that it will close the plant in june', 'monday'), 'past');
	assert.equal(tense('the company said on monday that it will close the plant in june', 'june'), 'future');
});

test('a passive after "will be" is future, after "was" past', () => {
	assert.equal(tense('the plant will be closed in october', 'october'), 'future');
	assert.equal(tense('the plant was closed in october', 'october'), 'past');
});

test('"until" points ahead even after a past verb', () => {
	assert.equal(tense('delivery was delayed until october', 'october'), 'future');
});

test('"due to" a cause is not a plan, "due to open" is', () => {
	assert.equal(tense('the airport is due to open in march', 'march'), 'future');
	assert.equal(tense('flights stopped due to the storm in march', 'march'), 'past');
});

test('a sentence without any tense cue has no direction', () => {
	assert.equal(tense('talks in geneva on monday', 'monday'), 'none');
});
