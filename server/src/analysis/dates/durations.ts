/**
 * Durations: lengths of time counted in the text, "over six years", "the past nine days", "more than
 * a decade", "a 12-hour flight", "the worst single-day fall". Their TIMEX3 value is a DURATION (P6Y,
 * P9D, P10Y, PT12H, P1D) with granularity `duration`: a length, not a point, so nothing resolves them
 * against the publication date and the timeline leaves them out. Lengths that point somewhere ("two
 * years ago", "three days later") are dates, found before this runs; recurrences ("twice a day",
 * "per year") are neither.
 */
import { digits, found, w, type Ctx, type Found } from './context';
import { NUMBER_WORDS } from './lexicon';

// Unit words to their TIMEX3 code and how many of it one unit is.
const UNITS = new Map<string, [string, number]>([
	['year', ['Y', 1]],
	['years', ['Y', 1]],
	['month', ['M', 1]],
	['months', ['M', 1]],
	['week', ['W', 1]],
	['weeks', ['W', 1]],
	['day', ['D', 1]],
	['days', ['D', 1]],
	['decade', ['Y', 10]],
	['decades', ['Y', 10]],
	['hour', ['TH', 1]],
	['minute', ['TM', 1]],
]);

/** Words before the count that belong to the expression (TimeML keeps them, as its `mod`). */
const MODIFIERS = new Set(['over', 'nearly', 'almost', 'about', 'around', 'roughly', 'some', 'under']);
const THAN = new Set(['more', 'less', 'fewer']);
const SPAN_WORDS = new Set(['past', 'last', 'next', 'first', 'previous', 'coming']);
// After these the count points somewhere or repeats: not a length.
const NOT_AFTER = new Set(['ago', 'later', 'earlier', 'before', 'after', 'from']);
const NOT_BEFORE = new Set(['per', 'each', 'every', 'times', 'twice']);

/** Hyphenated lengths: "12-hour", "single-day", "sixteen-month", "four-week". */
export const DURATION_ADJECTIVE =
	/^(\d{1,3}|single|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|sixteen)-(year|month|week|day|hour|minute|decade)$/;

const WORD_COUNTS = new Map<string, number>([...NUMBER_WORDS, ['single', 1], ['sixteen', 16]]);

/** A duration headed by token `i` (a unit word, or a hyphenated length), or null. */
export function durationAt(ctx: Ctx, i: number): Found | null {
	const t = ctx.low[i];
	const adjective = DURATION_ADJECTIVE.exec(t);
	if (adjective) {
		const n = WORD_COUNTS.get(adjective[1]) ?? digits(adjective[1]);
		return n >= 1 && !NOT_BEFORE.has(w(ctx, i - 1)) ? length(i, i + 1, n, adjective[2]) : null;
	}
	const unit = UNITS.get(t);
	if (!unit || NOT_AFTER.has(w(ctx, i + 1))) return null;
	const count = w(ctx, i - 1);
	const n = WORD_COUNTS.get(count) ?? digits(count);
	if (!(n >= 1 && n <= 1000) || NOT_BEFORE.has(w(ctx, i - 2))) return null;
	// A plural needs a count above one; "a year" alone is too often a recurrence ("$5 a year") or a point.
	if (t.endsWith('s') !== n > 1) return null;
	let first = i - 1;
	const m1 = w(ctx, first - 1);
	if (MODIFIERS.has(m1)) first--;
	else if (m1 === 'than' && THAN.has(w(ctx, first - 2))) first -= 2;
	else if (SPAN_WORDS.has(m1)) first -= w(ctx, first - 2) === 'the' ? 2 : 1;
	if (first === i - 1 && (count === 'a' || count === 'an')) return null;
	return length(first, i + 1, n, t.replace(/s$/, ''));
}

function length(first: number, last: number, n: number, unit: string): Found {
	const [code, per] = UNITS.get(unit)!;
	const value = code.startsWith('T') ? `PT${n * per}${code[1]}` : `P${n * per}${code}`;
	return found(first, last, value, 'duration', false, `a length of ${n} ${unit}${n === 1 ? '' : 's'}`);
}
