/**
 * Calendar dates written out: "June 18", "11 December 2009", "Nov. 11", "7/8/07",
 * "September 2006", bare months by tense, years, decades and ISO dates.
 * These forms are regular enough to read straight off the tokens, which is
 * much cheaper than a general date parser call per candidate (and stays linear
 * on adversarial input).
 */
import { dayExists, dayValue, monthValue, pick, pickNear, weekValue, yearValue, type Ymd } from './calendar';
import { CAPITAL, capitalised, digits, found, raw, sharedYear, tenseOf, touching, w, withThe, type Ctx, type Found } from './context';
import { MONTHS, NUMBER_WORDS, WEAK_MONTHS } from './lexicon';
import { tensePhrase, type Direction } from './tense';

// Words after which a capitalised month name is a month, not a name or a verb.
const BEFORE_MONTH = new Set([
	'in',
	'since',
	'until',
	'till',
	'by',
	'from',
	'to',
	'through',
	'during',
	'before',
	'after',
	'of',
	'last',
	'next',
	'this',
	'early',
	'late',
	'mid',
	'-',
	'between',
	'and',
	'or',
	'on',
	'until',
	'for',
	'as',
	'that',
	'coming',
	'past',
	'end',
	'since',
]);
const ORDINAL_DAY = /^(\d{1,2})(?:st|nd|rd|th)?$/;
const FULL_MONTH = /^[A-Z][a-z]+$/;

/** The year a token names, or NaN: four digits between 1000 and 2099. */
export function yearToken(ctx: Ctx, k: number): number {
	const n = digits(w(ctx, k));
	return n >= 1000 && n <= 2099 && w(ctx, k).length === 4 ? n : NaN;
}

function isDayToken(ctx: Ctx, k: number): boolean {
	const m = ORDINAL_DAY.exec(w(ctx, k));
	return !!m && +m[1] >= 1 && +m[1] <= 31;
}

/** A month name at token i, with whatever day and year go with it. */
export function monthAt(ctx: Ctx, i: number): Found | null {
	const m = MONTHS.get(ctx.low[i]);
	if (!m || !capitalised(ctx, i)) return null;
	// "March 3 years ago" counts years: the number is no day of the month.
	const back = yearsAgo(ctx, i + 1);
	const day = back ? null : dayMonth(ctx, i);
	if (day) return day;
	let k = i + 1;
	if (w(ctx, k) === ',' || w(ctx, k) === 'of') k++;
	const y = yearToken(ctx, k);
	if (!isNaN(y)) return weekOf(ctx, periodModifiers(ctx, found(i, k + 1, monthValue(y, m), 'month', false, 'month and year written out')));
	if (!isBareMonth(ctx, i)) return null;
	// "October of last year": the month takes its year from the phrase after it, which is a date of its own.
	if (w(ctx, i + 1) === 'of' && w(ctx, i + 3) === 'year' && ctx.dct) {
		const shift = { last: -1, this: 0, next: 1 }[w(ctx, i + 2)];
		if (shift !== undefined) return periodModifiers(ctx, found(i, i + 1, monthValue(ctx.dct.y + shift, m), 'month', true, `month of ${w(ctx, i + 2)} year`));
	}
	// "April last year", "March next year", "June this year": one date, the month of that year.
	const rel = RELATIVE_YEAR[w(ctx, i + 1)];
	if (rel !== undefined && w(ctx, i + 2) === 'year' && i + 2 < ctx.hi && ctx.dct) {
		return periodModifiers(ctx, found(i, i + 3, monthValue(ctx.dct.y + rel, m), 'month', true, `month of ${w(ctx, i + 1)} year, from the publication date`));
	}
	// "July two years ago", "March a year ago": the month of the year that many years before publication.
	if (back && ctx.dct)
		return periodModifiers(ctx, found(i, back.last, monthValue(ctx.dct.y - back.n, m), 'month', true, `month of the year ${back.n} before publication`));
	return weekOf(ctx, periodModifiers(ctx, bareMonth(ctx, i, m)));
}

const RELATIVE_YEAR: Record<string, number | undefined> = { last: -1, previous: -1, this: 0, next: 1, coming: 1 };

// "a year ago", "two years ago", "3 years ago" starting at token k: how many years, and the token after "ago".
function yearsAgo(ctx: Ctx, k: number): { n: number; last: number } | null {
	const c = w(ctx, k);
	const n = NUMBER_WORDS.get(c) ?? digits(c);
	const unit = w(ctx, k + 1);
	if (!(n >= 1 && n <= 100) || (unit !== 'year' && unit !== 'years') || w(ctx, k + 2) !== 'ago' || k + 2 >= ctx.hi) return null;
	return { n, last: k + 3 };
}

const WEEK_ORDINALS: Record<string, number> = { first: 4, second: 11, third: 18, fourth: 25, last: -3, final: -3 };

// "the last week of March": the ISO week around that part of the month.
function weekOf(ctx: Ctx, f: Found): Found {
	const k = f.first;
	const mm = /^(\d{4})-(\d\d)$/.exec(f.value);
	const at = WEEK_ORDINALS[w(ctx, k - 3)];
	if (!mm || w(ctx, k - 1) !== 'of' || w(ctx, k - 2) !== 'week' || at === undefined) return f;
	const y = +mm[1];
	const m = +mm[2];
	const d = at > 0 ? at : new Date(Date.UTC(y, m, 0)).getUTCDate() + at;
	return withThe(ctx, {
		...f,
		first: k - 3,
		value: weekValue({ y, m, d }),
		granularity: 'week',
		resolution: `${f.resolution}; ${w(ctx, k - 3)} week of the month`,
	});
}

function isBareMonth(ctx: Ctx, i: number): boolean {
	const prev = w(ctx, i - 1);
	if (prev === 'every' || prev === 'each') return false;
	if (BEFORE_MONTH.has(prev)) return true;
	if (WEAK_MONTHS.has(ctx.low[i]) || !FULL_MONTH.test(raw(ctx, i))) return false;
	// "April Smith": a capitalised word after a month name at the start of a phrase makes it a name.
	const next = raw(ctx, i + 1);
	return !CAPITAL.test(next) || MONTHS.has(w(ctx, i + 1));
}

function bareMonth(ctx: Ctx, i: number, m: number): Found {
	if (!ctx.dct) return found(i, i + 1, `XXXX-${String(m).padStart(2, '0')}`, 'month', true, 'month without a year (no publication date)');
	const prev = w(ctx, i - 1);
	const t = tenseOf(ctx, i, i + 1);
	let dir: Direction = t.dir;
	let why = tensePhrase(t);
	if (prev === 'last' || prev === 'past') [dir, why] = ['past', `“${prev}”`];
	else if (prev === 'next' || prev === 'coming') [dir, why] = ['future', `“${prev}”`];
	else if (prev === 'this') [dir, why] = ['none', '“this”'];
	// "has tripled since January": what began then has begun already.
	else if (prev === 'since') [dir, why] = ['past', '“since”'];
	const ref = ctx.dct.y * 12 + ctx.dct.m;
	const cands = [-1, 0, 1].map((dy) => ({ v: ctx.dct!.y + dy, start: (ctx.dct!.y + dy) * 12 + m, end: (ctx.dct!.y + dy) * 12 + m }));
	const modified = prev === 'last' || prev === 'next' || prev === 'this' || prev === 'past' || prev === 'coming';
	const first = modified ? i - 1 : i;
	const shared = modified ? null : sharedYear(ctx, m, i, i + 1);
	if (shared)
		return found(
			i,
			i + 1,
			monthValue(shared.y, m),
			'month',
			true,
			shared.next ? 'month; the one after the date before it in the sentence' : 'month; year of the date before it in the sentence',
		);
	// "since January" in November is this year's January, however far back: it cannot lie ahead.
	if (prev === 'since') return found(i, i + 1, monthValue(pick(cands, ref, 'past') ?? ctx.dct.y, m), 'month', true, `month resolved by ${why}`);
	// "last September" in September means a year ago: the current month is not "last".
	if (prev === 'last' || prev === 'next') {
		const y = prev === 'last' ? pick(cands, ref - 1, 'past') : pick(cands, ref + 1, 'future');
		return found(first, i + 1, monthValue(y ?? ctx.dct.y, m), 'month', true, `month resolved by ${why}`);
	}
	const r = pickNear(cands, ref, dir, 8);
	const near = r.v === pick(cands, ref, 'none');
	why = dir === 'none' || (near && !r.byTense && r.v !== pick(cands, ref, dir)) ? 'the nearest to publication' : why;
	return found(first, i + 1, monthValue(r.v ?? ctx.dct.y, m), 'month', true, `month resolved by ${why}`);
}

/**
 * Day and month (and year) around the month name at i: "June 18", "18 June 2009",
 * "June 18th, 2009", "the 3rd of March".
 */
function dayMonth(ctx: Ctx, i: number): Found | null {
	const m = MONTHS.get(ctx.low[i])!;
	let a = i;
	let b = i + 1;
	let dayAt: number;
	if (isDayToken(ctx, i - 1)) [a, dayAt] = [i - 1, i - 1];
	else if (w(ctx, i - 1) === 'of' && isDayToken(ctx, i - 2)) [a, dayAt] = [i - 2, i - 2];
	else if (isDayToken(ctx, i + 1) && !UNITS.has(w(ctx, i + 2))) [b, dayAt] = [i + 2, i + 1];
	else return null;
	const d = +ORDINAL_DAY.exec(ctx.low[dayAt])![1];
	let y = NaN;
	if (w(ctx, b) === ',' && !isNaN(yearToken(ctx, b + 1))) [y, b] = [yearToken(ctx, b + 1), b + 2];
	else if (!isNaN(yearToken(ctx, b))) [y, b] = [yearToken(ctx, b), b + 1];
	if (!isNaN(y)) return dayExists(y, m, d) ? withWeekday(ctx, found(a, b, dayValue({ y, m, d }), 'day', false, 'full date written out')) : null;
	// Without a year, 29 February has to be allowed: a leap year may be meant.
	return dayExists(2000, m, d) ? withWeekday(ctx, dayWithoutYear(ctx, a, b, m, d)) : null;
}

function dayWithoutYear(ctx: Ctx, first: number, last: number, m: number, d: number): Found {
	const mm = String(m).padStart(2, '0');
	if (!ctx.dct) return found(first, last, `XXXX-${mm}-${String(d).padStart(2, '0')}`, 'day', true, 'day without a year (no publication date)');
	const dct = ctx.dct;
	const t = tenseOf(ctx, first, last);
	const ref = dct.y * 372 + dct.m * 31 + dct.d;
	const cands = [-1, 0, 1]
		.filter((dy) => dayExists(dct.y + dy, m, d))
		.map((dy) => {
			const at = (dct.y + dy) * 372 + m * 31 + d;
			return { v: dct.y + dy, start: at, end: at };
		});
	// Tense only decides across a year boundary: within six months of publication, the nearest reading wins.
	if (ctx.sentYear !== null && cands.some((c) => c.v === ctx.sentYear)) {
		return found(first, last, dayValue({ y: ctx.sentYear, m, d }), 'day', true, 'day and month; year of the date before it in the sentence');
	}
	// Tense decides only within eight months of publication; farther, the nearest reading is safer.
	const r = pickNear(cands, ref, t.dir, 243);
	const y = r.v ?? dct.y;
	const why = r.byTense ? tensePhrase(t) : 'the nearest to publication';
	return found(first, last, dayValue({ y, m, d }), 'day', true, `day and month; year by ${why}`);
}

// "Monday, June 15" and "Monday 15 June": the weekday joins the date it names.
function withWeekday(ctx: Ctx, f: Found): Found {
	let k = f.first - 1;
	if (w(ctx, k) === ',') k--;
	return /^(mon|tues|wednes|thurs|fri|satur|sun)day$/.test(w(ctx, k)) ? { ...f, first: k } : f;
}

/** "early June", "mid-2010", "late last year", "the end of March": the modifier joins the expression. */
export function periodModifiers(ctx: Ctx, f: Found): Found {
	let k = f.first - 1;
	const prev = w(ctx, k);
	if (prev === 'early' || prev === 'late' || prev === 'mid' || prev === 'the') {
		if (prev === 'mid' && !touching(ctx, k)) return f;
		if (prev !== 'the') return withThe(ctx, { ...f, first: k, resolution: `${f.resolution}; ${prev}` });
	}
	if (prev === '-' && w(ctx, k - 1) === 'mid') return { ...f, first: k - 1, resolution: `${f.resolution}; mid` };
	if (prev === 'of' && /^(end|beginning|start|middle|close|turn|rest|remainder)$/.test(w(ctx, k - 1))) {
		k -= 1;
		if (w(ctx, k - 1) === 'very') k--;
		return withThe(ctx, { ...f, first: k, resolution: `${f.resolution}; ${w(ctx, f.first - 2)} of the period` });
	}
	return f;
}

/** A bare year ("in 2011"), a year range token ("2009-2011"), "mid-2010", or an ISO date ("2009-03-12"). */
export function yearAt(ctx: Ctx, i: number): Found[] {
	const t = ctx.low[i];
	let m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(t);
	if (m) return dayExists(+m[1], +m[2], +m[3]) ? [found(i, i + 1, dayValue({ y: +m[1], m: +m[2], d: +m[3] }), 'day', false, 'ISO date')] : [];
	m = /^(mid|early|late)-(\d{4})$/.exec(t);
	if (m && +m[2] >= 1000 && +m[2] <= 2099) return [withThe(ctx, found(i, i + 1, m[2], 'year', false, `year; ${m[1]}`))];
	m = /^(\d{4})-(\d{4})$/.exec(t);
	if (m && +m[1] >= 1000 && +m[1] < +m[2] && +m[2] - +m[1] < 100 && +m[2] <= 2099) {
		// "2009-2011": two years in one token, each annotated on its own digits.
		const s = ctx.tokens[i].start;
		return [
			{ ...found(i, i + 1, m[1], 'year', false, 'first year of a range'), chars: { start: s, end: s + 4 } },
			{ ...found(i, i + 1, m[2], 'year', false, 'last year of a range'), chars: { start: s + 5, end: s + 9 } },
		];
	}
	const y = yearToken(ctx, i);
	if (isNaN(y) || !looksLikeYear(ctx, i, y)) return [];
	return [periodModifiers(ctx, found(i, i + 1, yearValue(y), 'year', false, 'year written out'))];
}

const TITLE_CASE = /^\p{Lu}\p{Ll}/u;
const LOWER_PLURAL = /^\p{Ll}+s$/u;
const CURRENCY = /^(\$|€|£|¥|us\$|usd|eur|gbp|rs\.?|a\$|c\$|hk\$)$/;
const QUANTITY = new Set([
	'about',
	'around',
	'approximately',
	'some',
	'over',
	'nearly',
	'almost',
	'roughly',
	'than',
	'least',
	'just',
	'only',
	'up',
	'no.',
	'number',
	'#',
	'flight',
	'route',
	'highway',
	'room',
	'model',
	'version',
	'page',
	'article',
	'section',
	'resolution',
	'code',
	'estimated',
	'additional',
	'extra',
	'another',
	'the',
]);
const UNITS = new Set([
	'%',
	'percent',
	'per',
	'people',
	'points',
	'jobs',
	'employees',
	'workers',
	'units',
	'vehicles',
	'cars',
	'planes',
	'aircraft',
	'shares',
	'dollars',
	'euros',
	'pounds',
	'yen',
	'troops',
	'soldiers',
	'members',
	'staff',
	'deaths',
	'feet',
	'ft',
	'metres',
	'meters',
	'km',
	'kilometres',
	'kilometers',
	'miles',
	'tons',
	'tonnes',
	'kg',
	'votes',
	'seats',
	'customers',
	'passengers',
	'times',
	'hours',
	'minutes',
	'dealers',
	'stores',
	'homes',
	'residents',
	'students',
	'children',
	'men',
	'women',
	'cases',
	'patients',
	'refugees',
	'mercenaries',
	'fighters',
	'rounds',
	'barrels',
]);

// A four-digit number is a year unless money, a count or a code says otherwise.
function looksLikeYear(ctx: Ctx, i: number, y: number): boolean {
	const prev = w(ctx, i - 1);
	const next = w(ctx, i + 1);
	if (CURRENCY.test(prev) || UNITS.has(next) || next === '-' || next === '/' || prev === '/' || prev === '+') return false;
	// "the Russell 2000 index", "Windows 2000", "Expo 2010": a number inside a name.
	if (i - 1 > ctx.lo && TITLE_CASE.test(raw(ctx, i - 1)) && !MONTHS.has(prev)) return false;
	// "the 2008 Olympics" is a year; "the 2000 employees" is a count.
	if (QUANTITY.has(prev) && !(prev === 'the' && !LOWER_PLURAL.test(raw(ctx, i + 1)))) return false;
	return y >= 1900 || BEFORE_MONTH.has(prev);
}

/** Decades: "the 1990s", "'90s", "the early 2000s"; a century for "the 1800s". */
export function decadeAt(ctx: Ctx, i: number): Found | null {
	const t = ctx.low[i];
	let m = /^(\d{3})0s$/.exec(t);
	let f: Found | null = null;
	if (m && +m[1] >= 100 && +m[1] <= 209) {
		const century = m[1].endsWith('0') && m[1] !== '200';
		f = century ? found(i, i + 1, m[1].slice(0, 2), 'century', false, 'hundreds of a century') : found(i, i + 1, m[1], 'decade', false, 'decade written out');
	} else if ((m = /^(\d)0s$/.exec(t)) && (w(ctx, i - 1) === "'" || w(ctx, i - 1) === '’' || /^(the|early|mid|late|and|in|of)$/.test(w(ctx, i - 1)))) {
		const apostrophe = w(ctx, i - 1) === "'" || w(ctx, i - 1) === '’';
		// Two-digit decades are the 1900s, except "00s" and "10s" which in news mean this century.
		const value = (+m[1] <= 1 ? '20' : '19') + m[1];
		f = found(apostrophe ? i - 1 : i, i + 1, value, 'decade', false, 'two-digit decade');
	} else if (/^\d{3}0$/.test(t) && (w(ctx, i + 1) === "'s" || w(ctx, i + 1) === '’s') && /^(the|early|mid|late)$/.test(w(ctx, i - 1))) {
		f = found(i, i + 2, t.slice(0, 3), 'decade', false, 'decade written out');
	}
	if (!f) return null;
	const prev = w(ctx, f.first - 1);
	if (prev === 'early' || prev === 'mid' || prev === 'late') f = { ...f, first: f.first - 1 };
	return withThe(ctx, f);
}

/** "7/8/07", "12/25/2009": month/day/year with slashes, as US news writes them. */
export function slashAt(ctx: Ctx, i: number): Found | null {
	if (
		w(ctx, i + 1) !== '/' ||
		w(ctx, i + 3) !== '/' ||
		!/^\d{1,2}$/.test(ctx.low[i]) ||
		!/^\d{1,2}$/.test(w(ctx, i + 2)) ||
		!/^(\d\d|\d{4})$/.test(w(ctx, i + 4))
	)
		return null;
	if (!touching(ctx, i) || !touching(ctx, i + 1) || !touching(ctx, i + 2) || !touching(ctx, i + 3)) return null;
	const yy = +ctx.low[i + 4];
	// Two-digit years: 00-49 are this century, 50-99 the last, as most date parsers read them.
	const day: Ymd = { y: ctx.low[i + 4].length === 4 ? yy : yy < 50 ? 2000 + yy : 1900 + yy, m: +ctx.low[i], d: +ctx.low[i + 2] };
	return dayExists(day.y, day.m, day.d) ? found(i, i + 5, dayValue(day), 'day', false, 'numeric date, month first') : null;
}
