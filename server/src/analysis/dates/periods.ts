/**
 * Periods longer than a month: quarters ("the first quarter of 2009", "third-quarter",
 * "Q3"), halves, seasons ("last summer", "spring"), fiscal years, and "the same
 * period last year", which shifts the period last spoken of back by a year.
 */
import { pick, quarterOf, seasonOf, seasonStart } from './calendar';
import { yearToken, periodModifiers } from './calendarDates';
import { CAPITAL, capitalised, found, raw, sharedYear, tenseOf, w, withThe, type Ctx, type Found } from './context';
import { ORDINALS, SEASONS } from './lexicon';
import { tensePhrase, type Direction } from './tense';

const SHIFT: Record<string, number> = { last: -1, previous: -1, past: -1, prior: -1, preceding: -1, this: 0, current: 0, next: 1, coming: 1, following: 1 };
// Shifts that count from the period the text reports on ("the previous quarter" after "the third quarter"), not from publication.
const FROM_REPORTED = new Set(['previous', 'prior', 'preceding', 'following']);

/** The year a phrase after token k names: "2009", "of 2009", "of this year", "of last year". */
function yearAfter(ctx: Ctx, k: number): { y: number; last: number; relative: boolean } | null {
	if (w(ctx, k) === 'of') k++;
	if (w(ctx, k) === 'fiscal') k++;
	const y = yearToken(ctx, k);
	if (!isNaN(y)) return { y, last: k + 1, relative: false };
	const s = SHIFT[w(ctx, k)];
	if (w(ctx, k - 1) === 'of' && s !== undefined && w(ctx, k + 1) === 'year' && ctx.dct) return { y: ctx.dct.y + s, last: k + 2, relative: true };
	if (w(ctx, k - 1) === 'of' && w(ctx, k) === 'the' && /^(last|previous)$/.test(w(ctx, k + 1)) && w(ctx, k + 2) === 'year' && ctx.dct) {
		return { y: ctx.dct.y - 1, last: k + 3, relative: true };
	}
	return null;
}

/** Quarters and halves: "the first quarter of 2009", "the fourth quarter", "third-quarter", "Q3 2009", "the first half". */
export function quarterAt(ctx: Ctx, i: number): Found | null {
	const t = ctx.low[i];
	let unit: 'Q' | 'H';
	let ord: string;
	let first: number;
	let m: RegExpExecArray | null;
	if (t === 'quarter' || t === 'half') {
		unit = t === 'quarter' ? 'Q' : 'H';
		first = w(ctx, i - 1) === 'fiscal' ? i - 2 : i - 1;
		ord = w(ctx, first);
		if (!ORDINALS.has(ord) && ord !== 'final' && SHIFT[ord] === undefined) return null;
		if (w(ctx, first - 1) === 'the') first--;
		else if (ord === 'first' || ord === 'second' || ord === 'final') return null;
	} else if ((m = /^(first|second|third|fourth|final|last)-(quarter|half)$/.exec(t))) {
		[unit, ord, first] = [m[2] === 'quarter' ? 'Q' : 'H', m[1], i];
	} else if ((m = /^([qh])([1-4])$/.exec(t)) && capitalised(ctx, i) && (m[1] === 'q' || +m[2] <= 2)) {
		[unit, ord, first] = [m[1].toUpperCase() as 'Q' | 'H', ['first', 'second', 'third', 'fourth'][+m[2] - 1], i];
	} else return null;
	const max = unit === 'Q' ? 4 : 2;
	const n = ord === 'final' ? max : ORDINALS.get(ord);
	if (n !== undefined && n > max) return null;
	const ya = yearAfter(ctx, i + 1);
	const gran = unit === 'Q' ? 'quarter' : 'half';
	if (ya) {
		const k = n ?? (ord === 'last' ? max : NaN);
		if (isNaN(k)) return null;
		return found(first, ya.last, `${ya.y}-${unit}${k}`, gran, ya.relative, `${ord} ${gran} of the year named`);
	}
	// "the first half" without a year is as often a match as a year: only a text that reports on a
	// year's periods (a quarter, a half, a year named before) gives it one.
	const reported = ctx.refPeriod && /^(\d{4})-[QH]\d$/.exec(ctx.refPeriod.value);
	if (unit === 'H' && n !== undefined) {
		const y = sharedYear(ctx, (n - 1) * 6 + 1, first, i + 1)?.y ?? (reported ? +reported[1] : null);
		if (y !== null) return found(first, i + 1, `${y}-H${n}`, gran, true, `half of the year of the period the text reports on`);
		// "first-half profit rose", "a weaker second half" for sales: a company's half-year, read by tense like a quarter.
		if (!businessSentence(ctx)) return null;
	}
	if (unit === 'H' && !ctx.dct) return null;
	if (!ctx.dct) return n ? found(first, i + 1, `XXXX-${unit}${n}`, gran, true, `${gran} without a year (no publication date)`) : null;
	const size = 12 / max;
	const cur = unit === 'Q' ? quarterOf(ctx.dct.m) : ctx.dct.m <= 6 ? 1 : 2;
	// "Profit rose in the third quarter … more than in the previous quarter": counted from the quarter reported on.
	const period = ctx.refPeriod && new RegExp(`^(\\d{4})-${unit}(\\d)$`).exec(ctx.refPeriod.value);
	if (n === undefined && FROM_REPORTED.has(ord) && period) {
		const k = +period[1] * max + +period[2] - 1 + SHIFT[ord];
		return found(first, i + 1, `${Math.floor(k / max)}-${unit}${(k % max) + 1}`, gran, true, `${ord} ${gran}, from the ${gran} the text reports on`);
	}
	if (n === undefined) {
		// "last quarter", "the previous quarter", "this quarter", "next half": counted from the current one.
		const k = ctx.dct.y * max + cur - 1 + SHIFT[ord];
		return found(first, i + 1, `${Math.floor(k / max)}-${unit}${(k % max) + 1}`, gran, true, `${ord} ${gran}, from the publication date`);
	}
	const shared = sharedYear(ctx, (n - 1) * size + 1, first, i + 1);
	if (shared)
		return found(
			first,
			i + 1,
			`${shared.y}-${unit}${n}`,
			gran,
			true,
			`${gran}; ${shared.next ? 'the one after' : 'year of'} the date before it in the sentence`,
		);
	const t2 = tenseOf(ctx, first, i + 1);
	const ref = ctx.dct.y * 12 + ctx.dct.m;
	const cands = [-1, 0, 1].map((dy) => {
		const start = (ctx.dct!.y + dy) * 12 + (n - 1) * size + 1;
		return { v: ctx.dct!.y + dy, start, end: start + size - 1 };
	});
	const y = pick(cands, ref, t2.dir) ?? ctx.dct.y;
	return found(first, i + 1, `${y}-${unit}${n}`, gran, true, `${gran} resolved by ${tensePhrase(t2)}`);
}

const BUSINESS_WORDS = new Set([
	'profit',
	'profits',
	'revenue',
	'revenues',
	'sales',
	'earnings',
	'results',
	'loss',
	'losses',
	'margin',
	'margins',
	'income',
	'dividend',
	'turnover',
	'shipments',
	'orders',
]);

// A sentence about a company's figures, where "the first half" is a half-year and not a match's.
function businessSentence(ctx: Ctx): boolean {
	for (let k = ctx.lo; k < ctx.hi; k++) if (BUSINESS_WORDS.has(ctx.low[k])) return true;
	return false;
}

/** Seasons: "last summer", "the summer of 2009", "spring" by tense, "winter 2010". */
export function seasonAt(ctx: Ctx, i: number): Found | null {
	const s = SEASONS.get(ctx.low[i]);
	if (!s) return null;
	const prev = w(ctx, i - 1);
	// "Arab Spring": a name. "a spring", "hot spring": not a season. "the fall of the city": not autumn.
	if (capitalised(ctx, i) && i > ctx.lo && CAPITAL.test(raw(ctx, i - 1)) && !/^(last|this|next|in|early|late)$/.test(prev)) return null;
	if (/^(a|an|hot|every|each)$/.test(prev)) return null;
	// "could spring into action", "prices will spring back": the verb.
	if (/^(to|will|would|could|can|may|might)$/.test(prev) || /^(into|up|back|from|to)$/.test(w(ctx, i + 1))) return null;
	const ya = w(ctx, i + 1) === 'of' || !isNaN(yearToken(ctx, i + 1)) ? yearAfter(ctx, i + 1) : null;
	if (ctx.low[i] === 'fall' && !ya && (!/^(this|last|next|the|early|late)$/.test(prev) || w(ctx, i + 1) === 'of')) return null;
	if (!ya && w(ctx, i + 1) === 'of') return null;
	if (ya) return periodModifiers(ctx, withThe(ctx, found(i, ya.last, `${ya.y}-${s}`, 'season', ya.relative, 'season of the year named')));
	if (!ctx.dct) return found(i, i + 1, `XXXX-${s}`, 'season', true, 'season without a year (no publication date)');
	const now = seasonOf(ctx.dct);
	const nowStart = seasonStart(now.y, now.s);
	const cands = [-2, -1, 0, 1].map((dy) => ({ v: ctx.dct!.y + dy, start: seasonStart(ctx.dct!.y + dy, s), end: seasonStart(ctx.dct!.y + dy, s) + 2 }));
	let dir: Direction;
	let ref = ctx.dct.y * 12 + ctx.dct.m;
	let why: string;
	let first = i;
	if (SHIFT[prev] !== undefined) {
		first = i - 1;
		why = `“${prev}”`;
		// "last summer" is the latest summer before the current season; "next summer" the first after it.
		dir = SHIFT[prev] < 0 ? 'past' : SHIFT[prev] > 0 ? 'future' : tenseOf(ctx, i, i + 1).dir;
		if (SHIFT[prev] !== 0) ref = nowStart + (SHIFT[prev] < 0 ? -1 : 1);
	} else if (ctx.sentYear !== null) {
		return periodModifiers(ctx, withThe(ctx, found(i, i + 1, `${ctx.sentYear}-${s}`, 'season', true, 'season; year of the date before it in the sentence')));
	} else {
		const t = tenseOf(ctx, i, i + 1);
		[dir, why] = [t.dir, tensePhrase(t)];
	}
	const y = dir === 'future' ? pickStartAfter(cands, ref) : pick(cands, ref, dir);
	return periodModifiers(ctx, withThe(ctx, found(first, i + 1, `${y ?? ctx.dct.y}-${s}`, 'season', true, `season resolved by ${why}`)));
}

function pickStartAfter(cands: { v: number; start: number }[], ref: number): number | null {
	const c = cands.filter((x) => x.start >= ref).sort((a, b) => a.start - b.start)[0];
	return c ? c.v : null;
}

/** Fiscal years: "fiscal 2009", "fiscal year 2010", "FY2009", "this fiscal year". */
export function fiscalAt(ctx: Ctx, i: number): Found | null {
	const t = ctx.low[i];
	const m = /^fy ?'?(\d{2}|\d{4})$/.exec(t);
	if (m) return found(i, i + 1, `FY${m[1].length === 2 ? '20' + m[1] : m[1]}`, 'year', false, 'fiscal year written out');
	if (t !== 'fiscal' && t !== 'fy') return null;
	let k = i + 1;
	if (w(ctx, k) === 'year') k++;
	const y = yearToken(ctx, k);
	if (!isNaN(y)) return found(i, k + 1, `FY${y}`, 'year', false, 'fiscal year written out');
	const s = SHIFT[w(ctx, i - 1)];
	if (t === 'fiscal' && w(ctx, i + 1) === 'year' && s !== undefined && ctx.dct) {
		return withThe(ctx, found(i - 1, i + 2, `FY${ctx.dct.y + s}`, 'year', true, `${w(ctx, i - 1)} fiscal year, counted from the publication year`));
	}
	return null;
}

/** "the same period last year", "the same month a year ago", "the same quarter a year earlier". */
export function samePeriodAt(ctx: Ctx, i: number): Found | null {
	if (w(ctx, i - 1) !== 'same' || w(ctx, i - 2) !== 'the' || !ctx.dct) return null;
	let k = i + 1;
	if (w(ctx, k) === 'of' || w(ctx, k) === 'in') k++;
	if (w(ctx, k) === 'the') k++;
	let last: number;
	if (/^(last|previous|prior)$/.test(w(ctx, k)) && w(ctx, k + 1) === 'year') last = k + 2;
	else if (/^(a|one)$/.test(w(ctx, k)) && w(ctx, k + 1) === 'year' && /^(ago|earlier|before|previously)$/.test(w(ctx, k + 2))) last = k + 3;
	else if (w(ctx, k) === 'year-earlier' || w(ctx, k) === 'year-ago') last = k + 1;
	else return null;
	const unit = ctx.low[i];
	const ref = ctx.refPeriod;
	let base: string;
	if (ref && (unit === 'period' || ref.granularity === unit)) base = ref.value;
	else if (unit === 'month') base = `${ctx.dct.y}-${String(ctx.dct.m).padStart(2, '0')}`;
	else if (unit === 'quarter') base = `${ctx.dct.y}-Q${quarterOf(ctx.dct.m)}`;
	else if (unit === 'day' && ctx.refDay) base = `${ctx.refDay.y}-${String(ctx.refDay.m).padStart(2, '0')}-${String(ctx.refDay.d).padStart(2, '0')}`;
	else base = String(ctx.dct.y);
	const y = +base.slice(0, 4) - 1;
	const value = unit === 'period' && !ref ? String(y) : String(y) + base.slice(4);
	const gran = ref && (unit === 'period' || ref.granularity === unit) ? ref.granularity : unit === 'period' ? 'year' : (unit as Found['granularity']);
	return { ...found(i - 2, last, value, gran, true, 'the same period a year before the one last named'), comparison: true };
}
