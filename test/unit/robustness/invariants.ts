/**
 * The invariants every analysis must hold, whatever the input: spans inside the text with their
 * `text` equal to the slice, mentions that never overlap, well-formed TIMEX3 date values, known
 * granularities and severities. `violations` lists what is wrong (empty when all hold), so a
 * failing property shows every broken rule at once.
 */
import type { DocumentAnnotations } from '../../../server/src/analysis';

// TIMEX3 values as ANNOTATIONS.md lists them (year, month, day, week, quarter, half, season,
// decade, century, the three references), with X for unknown digits (XXXX-WXX-4 is "a Thursday")
// and an optional time of day.
const TIMEX =
	/^(?:PRESENT_REF|PAST_REF|FUTURE_REF|[0-9X]{2,4}|[0-9X]{4}-(?:[0-9X]{2}(?:-[0-9X]{2}(?:T(?:[0-9X]{2}(?::[0-9X]{2}){0,2}|MO|MI|AF|EV|NI|DT))?)?|W[0-9X]{2}(?:-[1-7]|-WE)?|Q[1-4X]|H[12X]|SU|SP|FA|WI))$/;

const GRANULARITIES = new Set(['day', 'week', 'month', 'quarter', 'half', 'season', 'year', 'decade', 'century', 'ref', 'time']);
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);
const ENTITY_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'OTHER']);
const CLAIM_KINDS = new Set(['attributed', 'quote', 'unattributed']);

function daysIn(y: number, m: number): number {
	return [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Why a date value is not a well-formed TIMEX3 value, or null when it is. */
export function timexProblem(value: string): string | null {
	if (!TIMEX.test(value)) return `"${value}" is not a TIMEX3 value`;
	const ymd = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
	if (ymd) {
		const m = +ymd[2];
		if (m < 1 || m > 12) return `"${value}" has month ${ymd[2]}`;
		if (ymd[3] && (+ymd[3] < 1 || +ymd[3] > daysIn(+ymd[1], m))) return `"${value}" has day ${ymd[3]}`;
	}
	const w = /^\d{4}-W(\d{2})/.exec(value);
	if (w && (+w[1] < 1 || +w[1] > 53)) return `"${value}" has week ${w[1]}`;
	return null;
}

type AnySpan = { start: number; end: number; text?: string };

/** Every broken invariant of `ann` as the analysis of `text`. */
export function violations(text: string, ann: DocumentAnnotations): string[] {
	const out: string[] = [];
	const span = (what: string, s: AnySpan | null | undefined, needsText = true) => {
		if (!s) return;
		if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start || s.end > text.length) {
			out.push(`${what} [${s.start}, ${s.end}) is not inside the text (length ${text.length})`);
			return;
		}
		if (needsText && s.text !== text.slice(s.start, s.end))
			out.push(`${what} [${s.start}, ${s.end}) text ${JSON.stringify(s.text)} is not the slice ${JSON.stringify(text.slice(s.start, s.end))}`);
	};
	span('header', ann.header, false);
	const mentions: AnySpan[] = [];
	const ids = new Set<string>();
	for (const e of ann.entities) {
		if (ids.has(e.id)) out.push(`entity id ${e.id} is used twice`);
		ids.add(e.id);
		if (!ENTITY_TYPES.has(e.type)) out.push(`entity ${e.id} has type ${e.type}`);
		if (!e.mentions.length) out.push(`entity ${e.id} has no mention`);
		for (const m of e.mentions) {
			span(`mention of ${e.id}`, m);
			mentions.push(m);
		}
	}
	mentions.sort((a, b) => a.start - b.start || a.end - b.end);
	for (let i = 1; i < mentions.length; i++) {
		if (mentions[i].start < mentions[i - 1].end)
			out.push(`mentions [${mentions[i - 1].start}, ${mentions[i - 1].end}) and [${mentions[i].start}, ${mentions[i].end}) overlap`);
	}
	for (const d of ann.dates) {
		span('date', d);
		const p = timexProblem(d.value);
		if (p) out.push(`date ${JSON.stringify(d.text)}: ${p}`);
		if (!GRANULARITIES.has(d.granularity)) out.push(`date ${JSON.stringify(d.text)} has granularity ${d.granularity}`);
		if (typeof d.relative !== 'boolean') out.push(`date ${JSON.stringify(d.text)} has no boolean relative`);
	}
	for (const c of ann.claims) {
		span('claim', c);
		span('claim cue', c.cue);
		span('claim source', c.source);
		span('claim content', c.content, false);
		if (!CLAIM_KINDS.has(c.kind)) out.push(`claim kind ${c.kind}`);
		if (c.source?.entity && !ids.has(c.source.entity)) out.push(`claim source names unknown entity ${c.source.entity}`);
	}
	for (const d of ann.diagnostics) {
		span(`diagnostic ${d.code}`, d, false);
		if (!SEVERITIES.has(d.severity)) out.push(`diagnostic ${d.code} has severity ${d.severity}`);
		if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(d.code)) out.push(`diagnostic code ${d.code} is not kebab-case`);
	}
	return out;
}
