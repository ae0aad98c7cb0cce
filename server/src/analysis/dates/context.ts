/**
 * What every date recognizer sees: the tokens of one sentence, the publication
 * date, the dates mentioned so far (for "the same day"), and the shape of a find.
 */
import type { Token } from '../document';
import type { Granularity } from '../types';
import type { Ymd } from './calendar';
import { tenseAround, type Tense } from './tense';

/** A date found over tokens [first, last). */
export interface Found {
	first: number;
	last: number;
	value: string;
	granularity: Granularity;
	relative: boolean;
	resolution: string;
	/** Character offsets, where the date is only part of a token ("2009" in "2009-2011"). */
	chars?: { start: number; end: number };
	/** Set on comparisons ("the same month a year ago") whose year later dates in the sentence do not share. */
	comparison?: boolean;
}

export interface Ctx {
	tokens: readonly Token[];
	/** Lower-cased token texts, parallel to `tokens`. */
	low: readonly string[];
	/** Token range of the current sentence. */
	lo: number;
	hi: number;
	/** Publication date from the header, or null. */
	dct: Ymd | null;
	/** The last day-precise date mentioned, for "the same day", "the next day". */
	refDay: Ymd | null;
	/** The last month, quarter or season mentioned, for "the same period last year". */
	refPeriod: { value: string; granularity: Granularity } | null;
	/** The last calendar date of any precision mentioned, for "by that time". */
	refAny: { value: string; granularity: Granularity } | null;
	/** Tense cue of each token, filled lazily (0 = not yet computed). */
	cues: Int8Array;
	/** The year of an earlier date in this sentence that later bare months and quarters share, or null. */
	sentYear: number | null;
	/** The first month of that date when it is a month, quarter or half ("December last year": 12), or null. */
	sentStart: number | null;
}

/** The lower-cased token at `k`, or '' outside the sentence. */
export function w(ctx: Ctx, k: number): string {
	return k >= ctx.lo && k < ctx.hi ? ctx.low[k] : '';
}

/** The original token text at `k`, or '' outside the sentence. */
export function raw(ctx: Ctx, k: number): string {
	return k >= ctx.lo && k < ctx.hi ? ctx.tokens[k].text : '';
}

/** Starts with a capital letter. */
export const CAPITAL = /^\p{Lu}/u;

/** True when the token at `k` starts with a capital letter. */
export function capitalised(ctx: Ctx, k: number): boolean {
	return CAPITAL.test(raw(ctx, k));
}

/** True when the tokens at k and k+1 touch (no space between), as in "mid-" + "June". */
export function touching(ctx: Ctx, k: number): boolean {
	return k + 1 < ctx.hi && ctx.tokens[k].end === ctx.tokens[k + 1].start;
}

/** The tense of the clause around [first, last). */
export function tenseOf(ctx: Ctx, first: number, last: number): Tense {
	return tenseAround(ctx.low, first, last, ctx.lo, ctx.hi, ctx.cues);
}

/** A number written as digits, or NaN. */
export function digits(s: string): number {
	return /^\d+$/.test(s) ? +s : NaN;
}

/** Builds a find. */
export function found(first: number, last: number, value: string, granularity: Granularity, relative: boolean, resolution: string): Found {
	return { first, last, value, granularity, relative, resolution };
}

/** Extends a find to the left over a leading "the", which TimeML keeps inside the expression. */
export function withThe(ctx: Ctx, f: Found): Found {
	return w(ctx, f.first - 1) === 'the' ? { ...f, first: f.first - 1 } : f;
}

/**
 * The year a bare month, quarter or half starting in month `start` shares with the date before it in
 * the sentence: that date's year, or the next one when the period comes later in the story than the
 * date ("shut in December last year and reopened in February") and has begun by publication or the
 * clause speaks of the future.
 */
export function sharedYear(ctx: Ctx, start: number, first: number, last: number): { y: number; next: boolean } | null {
	if (ctx.sentYear === null) return null;
	const y = ctx.sentYear;
	if (ctx.sentStart === null || start >= ctx.sentStart || !ctx.dct) return { y, next: false };
	const begun = (y + 1) * 12 + start <= ctx.dct.y * 12 + ctx.dct.m;
	return begun || tenseOf(ctx, first, last).dir === 'future' ? { y: y + 1, next: true } : { y, next: false };
}
