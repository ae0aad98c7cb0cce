/**
 * Calendar arithmetic for date resolution: days, ISO weeks, quarters, seasons,
 * and the TIMEX3 value strings that name them. All in the proleptic Gregorian
 * calendar, computed in UTC so no time zone can shift a day.
 */

/** A calendar day. `m` is 1-12. */
export interface Ymd {
	y: number;
	m: number;
	d: number;
}

const DAY_MS = 86_400_000;

/** Parses `YYYY-MM-DD`; null when malformed. */
export function parseYmd(s: string | null | undefined): Ymd | null {
	const m = s ? /^(\d{4})-(\d\d)-(\d\d)$/.exec(s) : null;
	return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

function toDays(a: Ymd): number {
	return Math.floor(Date.UTC(a.y, a.m - 1, a.d) / DAY_MS);
}

function fromDays(n: number): Ymd {
	const t = new Date(n * DAY_MS);
	return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** The day `n` days after `a` (before, when negative). */
export function addDays(a: Ymd, n: number): Ymd {
	return fromDays(toDays(a) + n);
}

/** Days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: Ymd, b: Ymd): number {
	return toDays(b) - toDays(a);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(a: Ymd): number {
	const w = new Date(Date.UTC(a.y, a.m - 1, a.d)).getUTCDay();
	return w === 0 ? 7 : w;
}

/** True when the month has that day (the year matters for 29 February). */
export function dayExists(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1) return false;
	return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** `YYYY` with four digits (years before 1000 are padded, as TIMEX3 wants). */
export const yearValue = (y: number): string => pad(y, 4);
/** `YYYY-MM`. */
export const monthValue = (y: number, m: number): string => `${yearValue(y)}-${pad(m)}`;
/** `YYYY-MM-DD`. */
export const dayValue = (a: Ymd): string => `${yearValue(a.y)}-${pad(a.m)}-${pad(a.d)}`;

/** The ISO week (`YYYY-Www`) that contains a day; its year can differ from the day's near New Year. */
export function weekValue(a: Ymd): string {
	// The ISO week belongs to the year of its Thursday.
	const thursday = addDays(a, 4 - isoWeekday(a));
	const jan1 = { y: thursday.y, m: 1, d: 1 };
	const week = Math.floor(daysBetween(jan1, thursday) / 7) + 1;
	return `${yearValue(thursday.y)}-W${pad(week)}`;
}

/** Shifts a month by `n` months, carrying into years. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
	const k = y * 12 + (m - 1) + n;
	return { y: Math.floor(k / 12), m: (((k % 12) + 12) % 12) + 1 };
}

/** Quarter (1-4) of a month. */
export const quarterOf = (m: number): number => Math.floor((m - 1) / 3) + 1;

export type Season = 'SP' | 'SU' | 'FA' | 'WI';

const SEASON_START: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/**
 * The season a day falls in, with the year TIMEX3 labels it by. A winter is
 * labelled by the year of its December, so January 2010 is in 2009-WI.
 */
export function seasonOf(a: Ymd): { y: number; s: Season } {
	if (a.m <= 2) return { y: a.y - 1, s: 'WI' };
	if (a.m <= 5) return { y: a.y, s: 'SP' };
	if (a.m <= 8) return { y: a.y, s: 'SU' };
	if (a.m <= 11) return { y: a.y, s: 'FA' };
	return { y: a.y, s: 'WI' };
}

/** Month index (year*12+month) at which a season of a year starts, for ordering seasons. */
export function seasonStart(y: number, s: Season): number {
	return y * 12 + SEASON_START[s];
}

/**
 * Chooses among same-named periods (a month, a weekday, a quarter…) the one meant,
 * given candidates as [start, end] in any unit and the reference point `ref` in the same unit.
 * `past`: the latest that has started by `ref`; `future`: the earliest that has not ended
 * before `ref`; otherwise the nearest.
 */
export function pick<T>(cands: { v: T; start: number; end: number }[], ref: number, dir: 'past' | 'future' | 'none'): T | null {
	let best: { v: T; start: number; end: number } | null = null;
	for (const c of cands) {
		if (dir === 'past' && c.start <= ref && (!best || c.start > best.start)) best = c;
		else if (dir === 'future' && c.end >= ref && (!best || c.start < best.start)) best = c;
		else if (dir === 'none') {
			const dist = (x: { start: number; end: number }) => (ref < x.start ? x.start - ref : ref > x.end ? ref - x.end : 0);
			if (!best || dist(c) < dist(best)) best = c;
		}
	}
	return best ? best.v : null;
}

/**
 * Like `pick`, but a reading chosen by tense is kept only within `maxGap` of `ref`;
 * beyond it the tense cue is more likely wrong than the date far away, and the
 * nearest reading wins.
 */
export function pickNear<T>(
	cands: { v: T; start: number; end: number }[],
	ref: number,
	dir: 'past' | 'future' | 'none',
	maxGap: number,
): { v: T | null; byTense: boolean } {
	const near = pick(cands, ref, 'none');
	if (dir === 'none') return { v: near, byTense: false };
	const v = pick(cands, ref, dir);
	const c = cands.find((x) => x.v === v);
	if (c && Math.abs((dir === 'past' ? c.start : c.end) - ref) <= maxGap) return { v, byTense: v !== near };
	return { v: near, byTense: false };
}
