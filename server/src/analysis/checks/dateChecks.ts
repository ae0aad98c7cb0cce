/**
 * Date checks: a past event dated after publication (`date-after-publication`) and
 * a date whose reading is a guess (`ambiguous-date`). Both read the dates module's
 * own resolution and tense reading; nothing is parsed twice.
 */
import { lowerTokens, type SeedDocument } from '../document';
import { cueAt, tenseAround } from '../dates/tense';
import type { DateAnnotation, Diagnostic } from '../types';
import { DETERMINERS } from '../words';
import { sentenceAt, tokenAt } from './spans';

// After these the date is a target or a deadline ("postponed to March", "until June"), not when something happened.
const TARGET_PREPOSITIONS = new Set(['to', 'until', 'till', 'for', 'by', 'through', 'into', 'towards', 'toward', 'beyond', 'ahead', 'before', 'from']);
// Cues that date the report or a hope rather than the event, or say nothing of when it happened.
const WEAK_CUES = new Set([
	'said',
	'told',
	'announced',
	'confirmed',
	'reported',
	'stated',
	'added',
	'warned',
	'predicted',
	'forecast',
	'expected',
	'hoped',
	'planned',
	'previously',
	'earlier',
	'since',
	'ago',
	'has',
	'have',
	'yesterday',
]);
// A clause with these talks of what may or is meant to happen: "may be eliminated", "could be delayed".
const MODAL = new Set([
	'will',
	'shall',
	'may',
	'might',
	'could',
	'can',
	'maybe',
	'perhaps',
	'possibly',
	'if',
	'would',
	'should',
	'not',
	'hope',
	'hoped',
	'scheduled',
	'planned',
	'expected',
]);
const CLAUSE_REACH = 40;
const VERB_REACH = 6;
const CLAUSE_MARKS = new Set([',', ';', ':', '(', ')', '—', '–', '“', '”', '"']);
const CALENDAR_WORD = /\d|january|february|march|april|may|june|july|august|september|october|november|december/i;

const WEEKDAY_GUESS = 'no tense cue';
const NEAREST = 'the nearest to publication';

/** The date findings of a document, in text order. */
export function dateChecks(doc: SeedDocument, dates: readonly DateAnnotation[]): Diagnostic[] {
	const out: Diagnostic[] = [];
	const dct = doc.header.date;
	const low = lowerTokens(doc);
	const cache = new Int8Array(low.length);
	const cueless = new Map<number, boolean>();
	for (const d of dates) {
		const first = tokenAt(doc.tokens, d.start);
		const sent = first < 0 ? null : sentenceAt(doc.sentences, first);
		if (!sent) continue;
		let last = first;
		while (last < sent.last && doc.tokens[last].start < d.end) last++;
		if (dct && afterPublication(d, dct) && pastEvent(low, first, last, sent.first, sent.last, cache)) {
			out.push({
				code: 'date-after-publication',
				severity: 'warning',
				message: `“${d.text}” reads as ${d.value}, after the article's date (${dct}), yet the sentence tells it as past: the date or its year is probably wrong.`,
				start: d.start,
				end: d.end,
			});
			continue;
		}
		if (!cueless.has(sent.first)) cueless.set(sent.first, noCue(low, sent.first, sent.last));
		const why = ambiguity(d, dct, cueless.get(sent.first)!);
		if (why)
			out.push({ code: 'ambiguous-date', severity: 'information', message: `“${d.text}” was read as ${d.value}, but ${why}.`, start: d.start, end: d.end });
	}
	return out;
}

/** True when the clause around tokens [first, last) tells a plain past event: a past verb in the clause, no modal, no target preposition, no attributive use. */
function pastEvent(low: readonly string[], first: number, last: number, lo: number, hi: number, cache: Int8Array): boolean {
	if (TARGET_PREPOSITIONS.has(low[first - 1] ?? '') || (first - 1 >= lo && DETERMINERS.has(low[first - 1]))) return false;
	// A clause reaches at most CLAUSE_REACH tokens each way, so a run-on sentence full of dates stays linear.
	let a = first;
	while (a > lo && first - a < CLAUSE_REACH && !CLAUSE_MARKS.has(low[a - 1])) a--;
	let b = last;
	while (b < hi && b - last < CLAUSE_REACH && !CLAUSE_MARKS.has(low[b])) b++;
	for (let k = a; k < b; k++) if (MODAL.has(low[k])) return false;
	const t = tenseAround(low, first, last, a, b, cache);
	return t.dir === 'past' && !WEAK_CUES.has(t.cue) && pastVerbBefore(low, first, a);
}

// The date must hang on a past verb just before it ("resigned on 14 December"), not on a noun
// ("elections in December was part of the plan") or an infinitive ("aimed to hold elections in December").
function pastVerbBefore(low: readonly string[], first: number, lo: number): boolean {
	for (let k = first - 1; k >= lo && first - k <= VERB_REACH; k--) {
		const w = low[k];
		if (w === 'to' || /^[a-z]{3,}ing$/.test(w)) return false;
		const d = cueAt(low, k, lo, first);
		if (d === 'future') return false;
		if (d === 'past') return !WEAK_CUES.has(w);
	}
	return false;
}

// No word of the sentence marks past or future: only then is a bare weekday or month truly a guess.
function noCue(low: readonly string[], lo: number, hi: number): boolean {
	for (let k = lo; k < hi; k++) if (cueAt(low, k, lo, hi) !== 'none') return false;
	return true;
}

/** True when the date's whole period starts after the publication day. */
function afterPublication(d: DateAnnotation, dct: string): boolean {
	// Only a date written out can carry a wrong year: "tomorrow" in "the cars of tomorrow" is a figure of speech.
	if (!CALENDAR_WORD.test(d.text)) return false;
	if (d.granularity === 'day' && /^\d{4}-\d\d-\d\d$/.test(d.value)) return d.value > dct;
	if (d.granularity === 'month' && /^\d{4}-\d\d$/.test(d.value)) return d.value > dct.slice(0, 7);
	if (d.granularity === 'year' && /^\d{4}$/.test(d.value)) return d.value > dct.slice(0, 4);
	return false;
}

/** Why the reading is uncertain, or null when it is not. */
function ambiguity(d: DateAnnotation, dct: string | null, cueless: boolean): string | null {
	const r = d.resolution ?? '';
	const slash = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(d.text);
	if (slash) {
		const [a, b] = [+slash[1], +slash[2]];
		if (a !== b && a <= 12 && b <= 12) return `day and month could be swapped (${slash[1]}/${slash[2]} is ${a} ${monthName(b)} in most of the world)`;
		if (slash[3].length === 2) return `the year is written with two digits (“${slash[3]}”)`;
		return null;
	}
	// When a tense cue was found, the tense settled it; the dates module then says which one.
	if (!dct || !cueless) return null;
	if (r.startsWith('weekday') && r.includes(WEEKDAY_GUESS) && d.value.slice(0, 10) !== dct)
		return 'nothing in the sentence says whether the last or the coming one is meant';
	if (r.includes(NEAREST) && (d.granularity === 'month' || d.granularity === 'day')) {
		// A month close to publication is almost surely the nearest one; half a year away, either could be meant.
		const gap = Math.abs(months(d.value) - months(dct));
		if (gap >= 4) return `nothing in the sentence says which year is meant, and the nearest one to publication was taken`;
	}
	return null;
}

function months(v: string): number {
	return +v.slice(0, 4) * 12 + +v.slice(5, 7);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function monthName(m: number): string {
	return MONTHS[m - 1] ?? String(m);
}
