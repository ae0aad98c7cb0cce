/**
 * Dates relative to publication: weekdays by tense ("announced Monday"), "today",
 * "yesterday", "this morning", and unit phrases: "last week", "next month",
 * "earlier this year", "two years ago", "the past decade", "this weekend".
 */
import { addDays, addMonths, dayValue, isoWeekday, monthValue, weekValue, yearValue, type Ymd } from './calendar';
import { periodModifiers } from './calendarDates';
import { CAPITAL, capitalised, digits, found, tenseOf, w, withThe, type Ctx, type Found } from './context';
import { DAY_PARTS, MONTHS, NUMBER_WORDS, WEEKDAYS } from './lexicon';
import { presentArrangement, tensePhrase, type Direction } from './tense';

// Holidays and market days named after a weekday are not that weekday.
const NAMED_DAYS = new Set(['black', 'cyber', 'easter', 'super', 'good', 'ash', 'bloody', 'blue', 'holy', 'shrove', 'palm', 'maundy', 'manic', 'giving']);

// Newspapers and shows named after a weekday: "the Sunday Times", "Monday Night Football".
const NAMED_AFTER = new Set([
	'times',
	'telegraph',
	'mirror',
	'express',
	'herald',
	'post',
	'tribune',
	'independent',
	'observer',
	'mail',
	'sport',
	'people',
	'star',
]);

/** Words that make a calendar name a recurrence: "every Monday", "each spring". */
export const RECURRING = /^(every|each)$/;

/** A part of the day after a date ("Monday morning") as a TIMEX3 time suffix, with the tokens it takes. */
function dayPart(ctx: Ctx, k: number): { suffix: string; n: number } | null {
	const p = DAY_PARTS.get(w(ctx, k));
	return p ? { suffix: 'T' + p, n: 1 } : null;
}

/** A weekday: "on Monday", "last Friday", "next Tuesday", "Sunday night". */
export function weekdayAt(ctx: Ctx, i: number): Found | null {
	const wd = WEEKDAYS.get(ctx.low[i]);
	if (!wd || !capitalised(ctx, i) || NAMED_DAYS.has(w(ctx, i - 1)) || NAMED_AFTER.has(w(ctx, i + 1))) return null;
	// "every Monday" is a recurring set, not a date.
	if (RECURRING.test(w(ctx, i - 1))) return null;
	// "Monday, June 15": the month recognizer takes the whole date.
	let k = i + 1;
	if (w(ctx, k) === ',') k++;
	if ((MONTHS.has(w(ctx, k)) && capitalised(ctx, k)) || /^\d{1,2}(st|nd|rd|th)?$/.test(w(ctx, k))) return null;
	let first = i;
	const prev = w(ctx, i - 1);
	let dir: Direction;
	let why: string;
	if (prev === 'last' || prev === 'past' || prev === 'previous') [dir, why, first] = ['past', `“${prev}”`, i - 1];
	else if (prev === 'next' || prev === 'coming') [dir, why, first] = ['future', `“${prev}”`, i - 1];
	else {
		const t = tenseOf(ctx, i, i + 1);
		[dir, why] = [t.dir, tensePhrase(t)];
		// A present arrangement in the weekday's clause wins over a cue from another clause or one further away.
		const plan = t.dir !== 'future' ? presentArrangement(ctx.low, i, i + 1, ctx.lo, ctx.hi) : null;
		if (plan && (t.dir === 'none' || !t.inClause || Math.abs(plan.at - i) < Math.abs(t.at - i)))
			[dir, why] = ['future', `present progressive or plan (“${plan.phrase}”)`];
		if (prev === 'this') first = i - 1;
	}
	const part = dayPart(ctx, i + 1);
	const last = i + 1 + (part ? part.n : 0);
	if (!ctx.dct) return found(first, last, `XXXX-WXX-${wd}`, 'day', true, 'weekday (no publication date)');
	const day = resolveWeekday(ctx.dct, wd, dir, prev === 'last' || prev === 'next');
	const when = dir === 'future' ? 'the coming one' : dir === 'past' ? 'the last one' : 'the last one, by default';
	return found(first, last, dayValue(day) + (part ? part.suffix : ''), part ? 'time' : 'day', true, `weekday, ${when}: ${why}`);
}

/** The weekday `wd` nearest publication in the given direction; `strict` excludes publication day itself. */
export function resolveWeekday(dct: Ymd, wd: number, dir: Direction, strict: boolean): Ymd {
	const diff = wd - isoWeekday(dct);
	// Publication day itself counts as "coming": "the vote is set for Monday" in a Monday paper is that day.
	if (dir === 'future') return addDays(dct, diff > 0 || (diff === 0 && !strict) ? diff : diff + 7);
	// A weekday in a past or tenseless news sentence is the last one, or publication day itself.
	const back = diff <= 0 ? diff : diff - 7;
	return addDays(dct, strict && back === 0 ? -7 : back);
}

/** "today", "yesterday", "tomorrow", "tonight", with "earlier"/"later" and a part of the day. */
export function dayWordAt(ctx: Ctx, i: number): Found | null {
	const t = ctx.low[i];
	const shift = { today: 0, yesterday: -1, tomorrow: 1, tonight: 0 }[t];
	if (shift === undefined || !ctx.dct) return null;
	// "USA Today", "BBC Today": a title, not the day.
	if (capitalised(ctx, i) && i > ctx.lo && CAPITAL.test(ctx.tokens[i - 1].text) && !/^[.!?:;,"“”'‘’—–-]$/.test(ctx.tokens[i - 1].text)) return null;
	if (t === 'today' && presentDay(ctx, i)) return found(i, i + 1, 'PRESENT_REF', 'ref', false, '“today’s” for the present time');
	let first = i;
	const prev = w(ctx, i - 1);
	if (prev === 'earlier' || prev === 'later' || prev === 'until') first = prev === 'until' ? i : i - 1;
	if (prev === 'before' && w(ctx, i - 2) === 'day' && t === 'yesterday') first = i - 3;
	if (prev === 'after' && w(ctx, i - 2) === 'day' && t === 'tomorrow') first = i - 3;
	const extra = first === i - 3 ? (t === 'yesterday' ? -1 : 1) : 0;
	const day = addDays(ctx.dct, shift + extra);
	const part = t === 'tonight' ? { suffix: 'TNI', n: 0 } : dayPart(ctx, i + 1);
	const last = i + 1 + (part ? part.n : 0);
	return found(first, last, dayValue(day) + (part ? part.suffix : ''), part ? 'time' : 'day', true, `${t}, from the publication date`);
}

// Nouns of an era rather than of one day: "today's world", "today's young people".
const ERA_NOUNS = new Set([
	'world',
	'society',
	'economy',
	'generation',
	'youth',
	'young',
	'culture',
	'age',
	'era',
	'climate',
	'standards',
	'technology',
	'children',
	'media',
	'politics',
	'market',
	'markets',
]);

// "today's GM", "today's Russia", "today's world": the present day of a thing or of an era, not the
// publication day ("today's meeting" is that day).
function presentDay(ctx: Ctx, i: number): boolean {
	const s = w(ctx, i + 1);
	if (s !== "'s" && s !== '’s') return false;
	const k = ADJECTIVES_BEFORE.has(w(ctx, i + 2)) ? i + 3 : i + 2;
	return k < ctx.hi && (ERA_NOUNS.has(w(ctx, k)) || CAPITAL.test(ctx.tokens[k].text));
}
const ADJECTIVES_BEFORE = new Set(['modern', 'fast-changing', 'globalised', 'globalized', 'digital', 'new']);

const UNITS = new Map<string, string>([
	['year', 'year'],
	['years', 'year'],
	['month', 'month'],
	['months', 'month'],
	['week', 'week'],
	['weeks', 'week'],
	['weekend', 'weekend'],
	['day', 'day'],
	['days', 'day'],
	['decade', 'decade'],
	['decades', 'decade'],
	['century', 'century'],
	['morning', 'part'],
	['afternoon', 'part'],
	['evening', 'part'],
	['night', 'part'],
]);
const BACK = new Set(['last', 'past', 'previous', 'prior']);
const AHEAD = new Set(['next', 'coming']);
const NOW = new Set(['this', 'current']);

/** A unit phrase headed by token i: "last week", "this year", "two months ago", "earlier this month". */
export function unitAt(ctx: Ctx, i: number): Found | null {
	const unit = UNITS.get(ctx.low[i]);
	const mod = w(ctx, i - 1);
	const nth = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(mod);
	if (unit === 'century' && nth) return withThe(ctx, found(i - 1, i + 1, String(+nth[1] - 1).padStart(2, '0'), 'century', false, 'century written out'));
	if (!unit || !ctx.dct) return null;
	const ago = agoPhrase(ctx, i, unit);
	if (ago) return ago;
	if (unit === 'day' && ctx.low[i] === 'day') return theDay(ctx, i);
	if (ctx.low[i].endsWith('s') && unit !== 'part') return null;
	let shift = BACK.has(mod) ? -1 : AHEAD.has(mod) ? 1 : NOW.has(mod) ? 0 : NaN;
	if (unit === 'weekend' && mod === 'the') shift = 0;
	if (unit === 'part') return partOfDay(ctx, i, mod);
	if (isNaN(shift)) return inThePeriod(ctx, i, unit);
	// "the past year", "the last decade" are ranges back from today; TimeML gives them the preceding calendar unit.
	let first = i - 1;
	if (w(ctx, first - 1) === 'the') first--;
	else if (/^(earlier|later|early|late)$/.test(w(ctx, first - 1)) || (w(ctx, first - 1) === 'this' && (mod === 'past' || mod === 'coming'))) first--;
	// "the last week of March" belongs to the month.
	if (w(ctx, i + 1) === 'of' && (MONTHS.has(w(ctx, i + 2)) || /^\d{4}$/.test(w(ctx, i + 2)))) return null;
	const value = shiftUnit(ctx.dct, unit, shift);
	if (!value) return null;
	const why = `${mod} ${unit}, from the publication date`;
	return periodModifiers(ctx, found(first, i + 1, value.v, value.g, true, why));
}

function shiftUnit(dct: Ymd, unit: string, n: number): { v: string; g: Found['granularity'] } | null {
	if (unit === 'year') return { v: yearValue(dct.y + n), g: 'year' };
	if (unit === 'month') {
		const m = addMonths(dct.y, dct.m, n);
		return { v: monthValue(m.y, m.m), g: 'month' };
	}
	if (unit === 'week') return { v: weekValue(addDays(dct, 7 * n)), g: 'week' };
	if (unit === 'weekend') return { v: weekValue(addDays(dct, 7 * n)) + '-WE', g: 'week' };
	if (unit === 'decade') return { v: String(Math.floor(dct.y / 10) + n), g: 'decade' };
	if (unit === 'century') return { v: String(Math.floor(dct.y / 100) + n), g: 'century' };
	if (unit === 'day') return { v: dayValue(addDays(dct, n)), g: 'day' };
	return null;
}

/**
 * Counted offsets: "two years ago", "a week ago" and "two weeks from now" count from
 * publication; "three days later", "a week earlier" from the date last named.
 */
function agoPhrase(ctx: Ctx, i: number, unit: string): Found | null {
	const after = w(ctx, i + 1);
	const fromNow = after === 'from' && w(ctx, i + 2) === 'now';
	const anaphoric = (after === 'later' || after === 'earlier') && w(ctx, i + 2) !== 'than';
	if (after !== 'ago' && !fromNow && !anaphoric) return null;
	const c = w(ctx, i - 1);
	const n = NUMBER_WORDS.get(c) ?? digits(c);
	if (!(n >= 1 && n <= 1000)) return null;
	const base = anaphoric ? namedBase(ctx, unit) : ctx.dct;
	if (!base) return null;
	const k = after === 'ago' || after === 'earlier' ? -n : n;
	let v: string;
	let g: Found['granularity'];
	if (unit === 'day' || unit === 'week') [v, g] = [dayValue(addDays(base, (unit === 'week' ? 7 : 1) * k)), 'day'];
	else if (unit === 'month') [v, g] = [monthValue(addMonths(base.y, base.m, k).y, addMonths(base.y, base.m, k).m), 'month'];
	else if (unit === 'year') [v, g] = [yearValue(base.y + k), 'year'];
	else if (unit === 'decade' && !anaphoric) [v, g] = [String(Math.floor((base.y + 10 * k) / 10)), 'decade'];
	else return null;
	const last = fromNow ? i + 3 : i + 2;
	const why = anaphoric ? `${c} ${ctx.low[i]} ${after} than the date last named` : `${c} ${ctx.low[i]} ${k < 0 ? 'before' : 'after'} publication`;
	return found(i - 1, last, v, g, true, why);
}

// The date last named, precise enough to count `unit`s from: "2015" for years, "June 2015" for months.
function namedBase(ctx: Ctx, unit: string): Ymd | null {
	const m = ctx.refAny ? /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$/.exec(ctx.refAny.value.slice(0, 10)) : null;
	if (!m) return null;
	if (unit === 'year') return { y: +m[1], m: 1, d: 1 };
	if (unit === 'month') return m[2] ? { y: +m[1], m: +m[2], d: 1 } : null;
	return m[3] ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

/** "this morning", "last night", "yesterday afternoon" (the latter via dayWordAt). */
function partOfDay(ctx: Ctx, i: number, mod: string): Found | null {
	const part = DAY_PARTS.get(ctx.low[i])!;
	const dct = ctx.dct!;
	if (mod === 'this') return found(i - 1, i + 1, dayValue(dct) + 'T' + part, 'time', true, `this ${ctx.low[i]}: publication day`);
	if (mod === 'last' && part === 'NI') return found(i - 1, i + 1, dayValue(addDays(dct, -1)) + 'TNI', 'time', true, 'last night: the night before publication');
	return null;
}

/** "the end of the year", "earlier in the week": a part of the current unit. */
function inThePeriod(ctx: Ctx, i: number, unit: string): Found | null {
	if (w(ctx, i - 1) !== 'the' || !ctx.dct) return null;
	const before = w(ctx, i - 2);
	const prior = w(ctx, i - 3);
	const v = shiftUnit(ctx.dct, unit, 0);
	if (!v) return null;
	if (before === 'of' && /^(end|beginning|start|middle|rest|remainder|close)$/.test(prior)) {
		return withThe(ctx, found(i - 3, i + 1, v.v, v.g, true, `the ${prior} of the current ${unit}`));
	}
	if (before === 'in' && /^(earlier|later|early|late)$/.test(prior)) return found(i - 3, i + 1, v.v, v.g, true, `${prior} in the current ${unit}`);
	return null;
}

// A letter or a digit opens the token.
const WORD_START = /^[\p{L}\d]/u;
const AFTER_THE_DAY = /^(of|when|that|which|on|he|she|they|it|in|to|and|we|i|you)$/;
const DAY_CONTEXT = /^(end|ended|ending|ends|finish|finished|finishing|close|closed|closing|start|started|starting|for|during|through|throughout)$/;

// The day the text is about: "ended the day", "later in the day", "the same day", "the next day", "the day before".
const CONSECUTIVE = new Set(['consecutive', 'straight', 'successive']);
const ORDINALS = /^(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))$/;

function theDay(ctx: Ctx, i: number): Found | null {
	const ref = ctx.refDay;
	if (!ref) return null;
	const m1 = w(ctx, i - 1);
	const m2 = w(ctx, i - 2);
	const next = w(ctx, i + 1);
	let first = i - 1;
	let last = i + 1;
	let shift = 0;
	if (m2 === 'the' && (m1 === 'same' || m1 === 'previous' || m1 === 'next' || m1 === 'following')) {
		[first, shift] = [i - 2, m1 === 'previous' ? -1 : m1 === 'same' ? 0 : 1];
	} else if (CONSECUTIVE.has(m1) && ORDINALS.test(m2) && /^(a|the)$/.test(w(ctx, i - 3))) {
		// "for a second consecutive day", "the third straight day": the day reported on, once more.
		first = i - 3;
	} else if (ORDINALS.test(m1) && m2 === 'the' && next === 'in' && w(ctx, i + 2) === 'a' && w(ctx, i + 3) === 'row') {
		first = i - 2;
	} else if (m1 === 'that') {
		if (AFTER_THE_DAY.test(next)) return null;
	} else if (m1 === 'the') {
		// "the day before." is a day; "late in the day after falling" is the day itself.
		if ((next === 'before' || next === 'after') && !WORD_START.test(w(ctx, i + 2))) [last, shift] = [i + 2, next === 'before' ? -1 : 1];
		else if (m2 === 'in' && /^(earlier|later|late|early)$/.test(w(ctx, i - 3))) first = i - 3;
		else if (AFTER_THE_DAY.test(next)) return null;
		else if (m2 === 'of' && /^(start|end|beginning|close|rest|middle)$/.test(w(ctx, i - 3))) first = w(ctx, i - 4) === 'the' ? i - 4 : i - 3;
		else if (!DAY_CONTEXT.test(m2) && m2 !== 'in') return null;
	} else return null;
	const why = shift < 0 ? 'the day before the day last named' : shift > 0 ? 'the day after the day last named' : 'the day last named';
	return found(first, last, dayValue(addDays(ref, shift)), 'day', true, why);
}

/**
 * Dates that point back to the last one named: "by that time", "at that time",
 * "the entire year" (the year last spoken of).
 */
export function anaphoraAt(ctx: Ctx, i: number): Found | null {
	const t = ctx.low[i];
	const ref = ctx.refAny;
	if (t === 'year') return yearBefore(ctx, i);
	if (!ref) return null;
	if (t === 'time' && w(ctx, i - 1) === 'that' && /^(by|at|until|since|from|before|after|around)$/.test(w(ctx, i - 2))) {
		return found(i - 1, i + 1, ref.value, ref.granularity, true, 'the date last named');
	}
	return null;
}

// "the previous year", "the year before", "a year earlier", "the following year", "the entire year":
// counted from the year last named (publication year when none was).
function yearBefore(ctx: Ctx, i: number): Found | null {
	const ref = ctx.refAny && /^\d{4}/.test(ctx.refAny.value) ? +ctx.refAny.value.slice(0, 4) : ctx.dct?.y;
	if (ref === undefined) return null;
	const m1 = w(ctx, i - 1);
	const next = w(ctx, i + 1);
	const closes = !WORD_START.test(w(ctx, i + 2));
	let span: [number, number];
	let shift: number;
	if (w(ctx, i - 2) === 'the' && /^(previous|prior|preceding|following)$/.test(m1)) [span, shift] = [[i - 2, i + 1], m1 === 'following' ? 1 : -1];
	else if (w(ctx, i - 2) === 'the' && /^(entire|whole|full)$/.test(m1) && ctx.refAny) [span, shift] = [[i - 2, i + 1], 0];
	else if (m1 === 'the' && /^(before|previous|earlier)$/.test(next) && closes) [span, shift] = [[i - 1, i + 2], -1];
	else if ((m1 === 'a' || m1 === 'one') && /^(earlier|before|previously)$/.test(next) && closes) [span, shift] = [[i - 1, i + 2], -1];
	else return null;
	const why = shift ? `a year ${shift < 0 ? 'before' : 'after'} the year last named` : 'the year last named';
	return found(span[0], span[1], yearValue(ref + shift), 'year', true, why);
}
