/**
 * Dates: absolute and relative expressions found in the body and resolved to
 * TIMEX3 values against the header date.
 *
 * One pass over the tokens: only tokens that can start or head a date (month and
 * weekday names, unit words, digits, "now", "recently"…) are looked at closely,
 * so the cost is a set lookup per token. Spans follow TimeML: the expression
 * without its preposition ("June 18", not "on June 18"), with its determiner and
 * modifiers ("the first quarter of 2009", "last week", "early June").
 *
 * Without a header date, absolute dates still get their values; relative ones get
 * TIMEX3 partial values where the text fixes part of the date ("XXXX-06-18" for
 * "June 18", "XXXX-WXX-1" for "Monday") and are left out where it fixes nothing
 * ("last year", "yesterday"). PRESENT_REF, PAST_REF and FUTURE_REF need no date
 * and are not marked relative, since the header date plays no part in them.
 *
 * Bare weekdays, months, quarters and seasons are resolved by the tense of their
 * clause (tense.ts); a day or month written without a year takes the year of an
 * earlier date in the same sentence when there is one; "the same day", "by that
 * time", "the previous year" refer back to the last date named. Every value
 * carries a `resolution` phrase saying which of these decided it.
 */
import { lowerTokens, type SeedDocument } from '../document';
import type { DateAnnotation } from '../types';
import { parseYmd } from './calendar';
import { decadeAt, monthAt, slashAt, yearAt } from './calendarDates';
import type { Ctx, Found } from './context';
import { ANCHORS, MONTHS, SEASONS, WEEKDAYS } from './lexicon';
import { fiscalAt, quarterAt, samePeriodAt, seasonAt } from './periods';
import { refAt } from './refs';
import { DURATION_ADJECTIVE, durationAt } from './durations';
import { anaphoraAt, dayWordAt, unitAt, weekdayAt } from './relative';

const COMPOUND = /^(?:(?:mid|early|late)-\d{4}|(?:first|second|third|fourth|final|last)-(?:quarter|half)|[qh][1-4]|fy.*)$/;

/** Finds and resolves the dates of a document. Never throws. */
export function findDates(doc: SeedDocument): DateAnnotation[] {
	const out: DateAnnotation[] = [];
	try {
		const low = lowerTokens(doc);
		const dct = parseYmd(doc.header.date);
		const ctx: Ctx = {
			tokens: doc.tokens,
			low,
			lo: 0,
			hi: 0,
			dct,
			refDay: dct,
			refPeriod: null,
			refAny: null,
			sentYear: null,
			sentStart: null,
			cues: new Int8Array(low.length),
		};
		for (const s of doc.sentences) {
			ctx.lo = s.first;
			ctx.hi = s.last;
			ctx.sentYear = null;
			ctx.sentStart = null;
			let covered = s.first;
			for (let i = s.first; i < s.last; i++) {
				if (i < covered || !mayBeDate(low[i])) continue;
				const limit = covered;
				for (const f of recognize(ctx, i)) {
					if (f.first < limit || f.last <= f.first) continue;
					out.push(annotation(doc, f));
					remember(ctx, f);
					covered = f.last;
				}
			}
		}
	} catch {
		// A recognizer bug must not take the analysis down: keep what was found.
	}
	return out;
}

// Every COMPOUND is two characters long (Q1, H2), starts with f (FY2020, first-half) or has a hyphen.
function mayBeCompound(t: string): boolean {
	return t.length === 2 || t.charCodeAt(0) === 102 || t.includes('-');
}

/** The cheap prefilter: can this token start or head a date expression? */
function mayBeDate(t: string): boolean {
	const c = t.charCodeAt(0);
	return (c >= 48 && c <= 57) || ANCHORS.has(t) || (mayBeCompound(t) && (COMPOUND.test(t) || DURATION_ADJECTIVE.test(t)));
}

function recognize(ctx: Ctx, i: number): Found[] {
	const t = ctx.low[i];
	const c = t.charCodeAt(0);
	const one = (f: Found | null) => (f ? [f] : []);
	if (c >= 48 && c <= 57) {
		const slash = slashAt(ctx, i);
		if (slash) return [slash];
		// "11 December", "the 3rd of March": the day number comes first.
		const m =
			MONTHS.has(ctx.low[i + 1] ?? '') && i + 1 < ctx.hi ? i + 1 : ctx.low[i + 1] === 'of' && MONTHS.has(ctx.low[i + 2] ?? '') && i + 2 < ctx.hi ? i + 2 : -1;
		if (m > 0) {
			const f = monthAt(ctx, m);
			if (f && f.first <= i) return [f];
		}
		const d = decadeAt(ctx, i);
		if (d) return [d];
		const y = yearAt(ctx, i);
		return y.length ? y : one(durationAt(ctx, i));
	}
	if (MONTHS.has(t)) return one(monthAt(ctx, i));
	if (WEEKDAYS.has(t)) return one(weekdayAt(ctx, i));
	if (SEASONS.has(t)) return one(seasonAt(ctx, i));
	if (COMPOUND.test(t)) {
		if (t.startsWith('fy')) return one(fiscalAt(ctx, i));
		return /\d{4}$/.test(t) ? yearAt(ctx, i) : one(quarterAt(ctx, i));
	}
	if (t === 'quarter' || t === 'half') return one(samePeriodAt(ctx, i) ?? quarterAt(ctx, i));
	if (t === 'fiscal') return one(fiscalAt(ctx, i));
	if (t === 'today' || t === 'yesterday' || t === 'tomorrow' || t === 'tonight') return one(dayWordAt(ctx, i));
	return one(samePeriodAt(ctx, i) ?? anaphoraAt(ctx, i) ?? unitAt(ctx, i) ?? refAt(ctx, i) ?? durationAt(ctx, i));
}

function annotation(doc: SeedDocument, f: Found): DateAnnotation {
	const start = f.chars ? f.chars.start : doc.tokens[f.first].start;
	const end = f.chars ? f.chars.end : doc.tokens[f.last - 1].end;
	return { start, end, text: doc.text.slice(start, end), value: f.value, granularity: f.granularity, relative: f.relative, resolution: f.resolution };
}

// A year written in the expression ("2009", "last year"), not one inferred for a bare month or weekday.
function statesYear(ctx: Ctx, f: Found): boolean {
	for (let k = f.first; k < f.last; k++) if (ctx.low[k] === 'year' || /^\d{4}$/.test(ctx.low[k])) return true;
	return false;
}

// The first month of a month, quarter or half value ("2023-12", "2023-Q4", "2023-H2"), or null.
function periodStart(value: string): number | null {
	const m = /^\d{4}-(?:(\d\d)|Q([1-4])|H([12]))(?:$|-)/.exec(value);
	if (!m) return null;
	return m[1] ? +m[1] : m[2] ? (+m[2] - 1) * 3 + 1 : (+m[3] - 1) * 6 + 1;
}

// Later anaphora ("the same day", "the same period last year") refer to the last date of their kind.
function remember(ctx: Ctx, f: Found): void {
	// "the first quarter of 2009 … the third quarter", "In 2009, … in March": later parts share the year.
	const y = /^(\d{4})(?:-[\dQHSFW]|$)/.exec(f.value);
	if (y && !f.comparison && statesYear(ctx, f) && (f.granularity !== 'year' || f.first <= ctx.lo + 2)) {
		ctx.sentYear = +y[1];
		ctx.sentStart = periodStart(f.value);
	}
	if (/^\d{4}/.test(f.value)) ctx.refAny = { value: f.value, granularity: f.granularity };
	const day = /^(\d{4})-(\d\d)-(\d\d)/.exec(f.value);
	if (day) ctx.refDay = { y: +day[1], m: +day[2], d: +day[3] };
	else if (f.granularity === 'month' || f.granularity === 'quarter' || f.granularity === 'season' || f.granularity === 'half' || f.granularity === 'week') {
		// A comparison ("the same quarter a year earlier") is not the period the text reports on: "the previous quarter" skips it.
		if (/^\d{4}/.test(f.value) && !f.comparison) ctx.refPeriod = { value: f.value, granularity: f.granularity };
	}
}
