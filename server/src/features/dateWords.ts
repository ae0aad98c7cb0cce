/**
 * TIMEX3 values in words: "Thursday 11 November 2021", "week 45 of 2021",
 * "3 days before publication". Pure; shared by hovers, inlay hints and the outline.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', AU: 'autumn', WI: 'winter' };
const QUARTERS = ['first', 'second', 'third', 'fourth'];
const REFS: Record<string, string> = { PRESENT_REF: 'the present', PAST_REF: 'the past', FUTURE_REF: 'the future' };

const DAY = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):?(\d{2})?)?$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const SEASON = /^(\d{4})-(SP|SU|FA|AU|WI)$/;
const HALF = /^(\d{4})-H([12])$/;
const DURATION = /^P(T)?(\d+)([YMWDHS])$/;
const DURATION_UNITS: Record<string, string> = { Y: 'year', M: 'month', W: 'week', D: 'day', TH: 'hour', TM: 'minute', TS: 'second' };

/** Milliseconds since the epoch of a UTC calendar day. */
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

/** The weekday of a YYYY-MM-DD value, or null for any other value. */
export function weekday(value: string): string | null {
	const m = DAY.exec(value);
	return m ? WEEKDAYS[new Date(utc(+m[1], +m[2], +m[3])).getUTCDay()] : null;
}

/** A TIMEX3 value in words; the value itself where it has no reading. */
export function dateInWords(value: string): string {
	let m = DAY.exec(value);
	if (m) {
		const day = `${weekday(value)} ${+m[3]} ${MONTHS[+m[2] - 1] ?? m[2]} ${m[1]}`;
		return m[4] ? `${day}, ${m[4]}:${m[5] ?? '00'}` : day;
	}
	if ((m = MONTH.exec(value))) return `${MONTHS[+m[2] - 1] ?? m[2]} ${m[1]}`;
	if ((m = WEEK.exec(value))) return `week ${+m[2]} of ${m[1]}`;
	if ((m = QUARTER.exec(value))) return `the ${QUARTERS[+m[2] - 1]} quarter of ${m[1]}`;
	if ((m = SEASON.exec(value))) return `${SEASONS[m[2]]} ${m[1]}`;
	if ((m = HALF.exec(value))) return `the ${m[2] === '1' ? 'first' : 'second'} half of ${m[1]}`;
	if (/^\d{4}$/.test(value)) return value;
	if (/^\d{3}$/.test(value)) return `the ${value}0s`;
	if (/^\d{2}$/.test(value)) return `the ${ordinal(+value + 1)} century`;
	// Unresolved parts (no usable header date): "XXXX-WXX-5" is some Friday.
	if ((m = /^XXXX-WXX-([1-7])$/.exec(value))) return `a ${WEEKDAYS[+m[1] % 7]}, date unknown`;
	if ((m = DURATION.exec(value))) return `a length of ${+m[2]} ${DURATION_UNITS[(m[1] ?? '') + m[3]]}${+m[2] === 1 ? '' : 's'}`;
	return REFS[value] ?? value;
}

function ordinal(n: number): string {
	const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
	return `${n}${s}`;
}

/** The distance of a value from the publication date, in words, or null when it cannot be said. */
export function distanceFromPublication(value: string, published: string | null): string | null {
	const p = published ? DAY.exec(published) : null;
	if (!p) return null;
	let m = DAY.exec(value);
	if (m) return say(Math.round((utc(+m[1], +m[2], +m[3]) - utc(+p[1], +p[2], +p[3])) / 86_400_000), 'day', 'on the publication date');
	if ((m = MONTH.exec(value))) return say((+m[1] - +p[1]) * 12 + (+m[2] - +p[2]), 'month', 'the month of publication');
	if ((m = WEEK.exec(value))) {
		const pubWeek = isoWeek(+p[1], +p[2], +p[3]);
		return say((+m[1] - pubWeek.year) * 52 + (+m[2] - pubWeek.week), 'week', 'the week of publication');
	}
	if ((m = QUARTER.exec(value))) return say((+m[1] - +p[1]) * 4 + (+m[2] - Math.ceil(+p[2] / 3)), 'quarter', 'the quarter of publication');
	if ((m = /^(\d{4})(?:-(?:SP|SU|FA|AU|WI|H[12]))?$/.exec(value))) return say(+m[1] - +p[1], 'year', 'the year of publication');
	if (value === 'PRESENT_REF') return 'at the time of publication';
	if (value === 'PAST_REF') return 'before publication';
	if (value === 'FUTURE_REF') return 'after publication';
	return null;
}

function say(n: number, unit: string, zero: string): string {
	if (n === 0) return zero;
	if (unit === 'day' && Math.abs(n) === 1) return n < 0 ? 'the day before publication' : 'the day after publication';
	return `${Math.abs(n)} ${unit}${Math.abs(n) === 1 ? '' : 's'} ${n < 0 ? 'before' : 'after'} publication`;
}

/** ISO 8601 week number of a calendar day. */
export function isoWeek(y: number, m: number, d: number): { year: number; week: number } {
	const date = new Date(utc(y, m, d));
	const dow = date.getUTCDay() || 7;
	date.setUTCDate(date.getUTCDate() + 4 - dow);
	const yearStart = utc(date.getUTCFullYear(), 1, 1);
	return { year: date.getUTCFullYear(), week: Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7) };
}

/** A sort key that puts values in chronological order: the first day they cover; references last. */
export function chronologicalKey(value: string): string {
	let m;
	if ((m = DAY.exec(value))) return `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}`;
	if ((m = MONTH.exec(value))) return `${m[1]}-${m[2]}-00`;
	if ((m = WEEK.exec(value))) return `${m[1]}-${String(Math.min(12, Math.floor(((+m[2] - 1) * 7) / 30.5) + 1)).padStart(2, '0')}-00W`;
	if ((m = QUARTER.exec(value))) return `${m[1]}-${String((+m[2] - 1) * 3 + 1).padStart(2, '0')}-00Q`;
	if ((m = HALF.exec(value))) return `${m[1]}-${m[2] === '1' ? '01' : '07'}-00H`;
	if ((m = SEASON.exec(value))) return `${m[1]}-${{ WI: '01', SP: '03', SU: '06', FA: '09', AU: '09' }[m[2]]}-00S`;
	if (/^\d{4}$/.test(value)) return `${value}-00`;
	if (/^\d{3}$/.test(value)) return `${value}0-00D`;
	if (/^\d{2}$/.test(value)) return `${value}00-00C`;
	return `~${value}`;
}
