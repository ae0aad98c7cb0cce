/**
 * Word lists for date recognition: month and weekday names, ordinals, number
 * words, seasons, and the anchor words that make a token worth a closer look.
 * All keys are lower case.
 */
import type { Season } from './calendar';

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Month names, full and abbreviated (abbreviations with or without the dot), to 1-12. */
export const MONTHS = new Map<string, number>();
monthNames.forEach((n, i) => {
	MONTHS.set(n, i + 1);
	MONTHS.set(n.slice(0, 3) + '.', i + 1);
});
MONTHS.set('sept.', 9);
MONTHS.set('sept', 9);
for (const a of ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']) MONTHS.set(a, monthNames.findIndex((n) => n.startsWith(a)) + 1);

/** Abbreviated month names that are also ordinary words or names, trusted only before a day or year. */
export const WEAK_MONTHS = new Set(['may', 'march', 'jan', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'feb']);

/** Weekday names to ISO weekday numbers (Monday 1). */
export const WEEKDAYS = new Map<string, number>();
['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].forEach((n, i) => WEEKDAYS.set(n, i + 1));
for (const [a, n] of [
	['mon.', 1],
	['tue.', 2],
	['tues.', 2],
	['wed.', 3],
	['thu.', 4],
	['thur.', 4],
	['thurs.', 4],
	['fri.', 5],
	['sat.', 6],
	['sun.', 7],
] as const)
	WEEKDAYS.set(a, n);

/** Ordinal words and numerals used for quarters, halves and weeks of a month. */
export const ORDINALS = new Map<string, number>([
	['first', 1],
	['1st', 1],
	['second', 2],
	['2nd', 2],
	['third', 3],
	['3rd', 3],
	['fourth', 4],
	['4th', 4],
	['fifth', 5],
	['5th', 5],
]);

/** Small cardinal numbers as words, for "two years ago". */
export const NUMBER_WORDS = new Map<string, number>([
	['a', 1],
	['an', 1],
	['one', 1],
	['two', 2],
	['three', 3],
	['four', 4],
	['five', 5],
	['six', 6],
	['seven', 7],
	['eight', 8],
	['nine', 9],
	['ten', 10],
	['eleven', 11],
	['twelve', 12],
	['fifteen', 15],
	['twenty', 20],
	['thirty', 30],
	['fifty', 50],
	['several', NaN],
]);

/** Season words to TIMEX3 season codes. */
export const SEASONS = new Map<string, Season>([
	['spring', 'SP'],
	['summer', 'SU'],
	['autumn', 'FA'],
	['fall', 'FA'],
	['winter', 'WI'],
]);

/** Parts of the day to their TIMEX3 suffixes. */
export const DAY_PARTS = new Map<string, string>([
	['morning', 'MO'],
	['afternoon', 'AF'],
	['evening', 'EV'],
	['night', 'NI'],
]);

/** Words that can only start or head a date expression: the cheap prefilter before any parsing. */
export const ANCHORS = new Set<string>([
	...MONTHS.keys(),
	...WEEKDAYS.keys(),
	...SEASONS.keys(),
	'today',
	'yesterday',
	'tomorrow',
	'tonight',
	'now',
	'currently',
	'current',
	'presently',
	'nowadays',
	'recently',
	'recent',
	'lately',
	'previously',
	'formerly',
	'past',
	'future',
	'soon',
	'term',
	'year',
	'years',
	'month',
	'months',
	'week',
	'weeks',
	'weekend',
	'day',
	'days',
	'quarter',
	'half',
	'decade',
	'century',
	'morning',
	'afternoon',
	'evening',
	'night',
	'fiscal',
	'moment',
	'present',
	'time',
	'period',
]);
