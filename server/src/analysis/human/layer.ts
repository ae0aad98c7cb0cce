/**
 * A `.ann` file read against its seed's text: the human annotations with UTF-16 offsets, the
 * claims put together from their relations, the review state, and every problem found on the way
 * (a malformed line, a span whose text is no longer in the seed). Pure data in, data out.
 */
import type { EntityType } from '../types';
import { joinedSpan, parseBrat, spanFragments, type BratFile, type BratProblem, type TextBound } from './brat';
import { CodePoints } from './offsets';

export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'OTHER'];
export const DATE_TYPE = 'DATE';
export const CLAIM_TYPES = ['Cue', 'Source', 'Content'] as const;
/** The binary attributes a review writes. */
export const REJECTED = 'Rejected';
export const VERIFIED = 'Verified';
/** The valued attribute giving a claim's kind (`attributed`, `quote`, `unattributed`) on its cue or content. */
export const KIND = 'Kind';
/** The note type that holds the document's review state. */
export const STATE_NOTE = 'SeedLensState';

export type ReviewState = 'not-started' | 'in-review' | 'done';

/** One human text-bound annotation, anchored in the seed (UTF-16 offsets). */
export interface HumanSpan {
	id: string;
	type: string;
	start: number;
	end: number;
	text: string;
	/** 1-based line in the `.ann`. */
	line: number;
	rejected: boolean;
	verified: boolean;
	/** A date's TIMEX3 value (its `N … TIMEX3:value` line). */
	value?: string;
	/** The `Kind` attribute's value. */
	kind?: string;
	/** True when the span was found again by its text after the seed was edited. */
	moved?: boolean;
}

export interface HumanClaim {
	/** The span the claim hangs on: its cue, or its content where it has no cue. */
	anchor: HumanSpan;
	cue?: HumanSpan;
	source?: HumanSpan;
	content?: HumanSpan;
}

export interface HumanLayer {
	entities: HumanSpan[];
	dates: HumanSpan[];
	claims: HumanClaim[];
	state: ReviewState;
	/** Problems with the file, by line; nothing that could not be used is left out silently. */
	problems: BratProblem[];
	/** The parsed file, for writing back. */
	file: BratFile;
}

/** Reads a `.ann` text against the seed text it annotates. Never throws. */
export function humanLayer(text: string, ann: string | BratFile): HumanLayer {
	const file = typeof ann === 'string' ? parseBrat(ann) : ann;
	const problems = [...file.problems];
	const cp = new CodePoints(text);
	const spans = new Map<string, HumanSpan>();
	const broken = new Set(problems.map((p) => p.line));
	file.records.forEach((r, i) => {
		if (r.kind !== 'T' || broken.has(file.lines[i])) return;
		const s = anchor(text, cp, r, file.lines[i], problems);
		if (s) spans.set(r.id, s);
	});
	let state: ReviewState = 'not-started';
	const contentOf = new Map<string, string>();
	const sourceOf = new Map<string, string>();
	file.records.forEach((r, i) => {
		const line = file.lines[i];
		if (r.kind === 'A') {
			const t = spans.get(r.target);
			if (!t) return void (knownTarget(file, r.target) || problems.push(missing(line, r.id, r.target)));
			if (r.type === REJECTED) t.rejected = true;
			else if (r.type === VERIFIED) t.verified = true;
			else if (r.type === KIND) t.kind = r.value;
		} else if (r.kind === 'N') {
			const t = spans.get(r.target);
			if (!t) return void (knownTarget(file, r.target) || problems.push(missing(line, r.id, r.target)));
			if (r.resource === 'TIMEX3') t.value = r.entry;
		} else if (r.kind === 'R') {
			if (!spans.has(r.arg1) || !spans.has(r.arg2)) {
				const gone = spans.has(r.arg1) ? r.arg2 : r.arg1;
				if (!knownTarget(file, gone)) problems.push(missing(line, r.id, gone));
				return;
			}
			if (r.type === 'Content') contentOf.set(r.arg1, r.arg2);
			else if (r.type === 'Source') sourceOf.set(r.arg1, r.arg2);
		} else if (r.kind === '#' && r.type === STATE_NOTE) {
			const s = r.text.trim();
			if (s === 'done' || s === 'in-review' || s === 'not-started') state = s;
			else problems.push({ line, message: `${r.id}: the review state should be not-started, in-review or done, not “${s}”.`, severity: 'warning' });
		}
	});
	const layer: HumanLayer = { entities: [], dates: [], claims: [], state, problems, file };
	const usedAsContent = new Set(contentOf.values());
	for (const s of spans.values()) {
		if ((ENTITY_TYPES as readonly string[]).includes(s.type)) layer.entities.push(s);
		else if (s.type === DATE_TYPE) layer.dates.push(s);
		else if (s.type === 'Cue' || (s.type === 'Content' && !usedAsContent.has(s.id))) {
			const claim: HumanClaim = { anchor: s };
			if (s.type === 'Cue') claim.cue = s;
			else claim.content = s;
			const content = contentOf.get(s.id);
			const source = sourceOf.get(s.id);
			if (content) claim.content = spans.get(content);
			if (source) claim.source = spans.get(source);
			layer.claims.push(claim);
		} else if (s.type !== 'Source' && s.type !== 'Content')
			problems.push({
				line: s.line,
				message: `${s.id}: Seed Lens does not know the type “${s.type}”; the line is kept but not used.`,
				severity: 'information',
			});
	}
	for (const s of spans.values())
		if (s.type === 'Source' && ![...sourceOf.values()].includes(s.id))
			problems.push({ line: s.line, message: `${s.id}: a claim Source needs a relation “Source Arg1:CUE Arg2:${s.id}”; not used.`, severity: 'warning' });
	const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;
	layer.entities.sort(byStart);
	layer.dates.sort(byStart);
	layer.claims.sort((a, b) => a.anchor.start - b.anchor.start);
	problems.sort((a, b) => a.line - b.line);
	return layer;
}

// Discontinuous or unanchored spans are known ids: the line that refers to them is not at fault.
const knownTarget = (file: BratFile, id: string) => file.records.some((r) => r.kind === 'T' && r.id === id);

const missing = (line: number, id: string, target: string): BratProblem => ({
	line,
	message: `${id} refers to ${target}, which is not a text annotation of this file; the line is kept but not used.`,
	severity: 'error',
});

// brat writes a span's line breaks as spaces.
const flat = (s: string) => s.replace(/\r\n|[\r\n]/g, ' ');

/** Where a text-bound annotation is in the seed: at its offsets, or found again by its text if that is unambiguous. */
function anchor(text: string, cp: CodePoints, t: TextBound, line: number, problems: BratProblem[]): HumanSpan | null {
	const f = { start: t.fragments[0].start, end: t.fragments[t.fragments.length - 1].end };
	const joined = f.end <= cp.length ? joinedSpan(text, cp, t) : null;
	if (t.fragments.length > 1 && !joined) {
		problems.push({ line, message: `${t.id}: discontinuous spans are not supported by Seed Lens; the line is kept but not used.`, severity: 'warning' });
		return null;
	}
	const start = cp.toUtf16(f.start);
	const end = cp.toUtf16(f.end);
	const span: HumanSpan = { id: t.id, type: t.type, start, end, text: text.slice(start, end), line, rejected: false, verified: false };
	// The text as brat writes it: the fragments between line breaks joined by a space (older files: each break a space).
	const written = t.fragments.length > 1 ? spanFragments(text, cp, start, end).text : flat(span.text);
	if (f.end <= cp.length && end > start && (written === t.text || flat(span.text) === t.text)) return span;
	if (t.text.trim() === '') {
		problems.push({ line, message: `${t.id}: the span ${f.start}–${f.end} is empty or outside the text; not used.`, severity: 'error' });
		return null;
	}
	const found = occurrences(flat(text), t.text);
	if (found.length === 1) {
		const at = found[0];
		problems.push({
			line,
			message: `${t.id}: “${t.text}” is no longer at ${f.start}–${f.end} (the seed was edited); it was found once, at ${cp.toCodePoint(at)}–${cp.toCodePoint(at + t.text.length)}, and is used there.`,
			severity: 'information',
		});
		return { ...span, start: at, end: at + t.text.length, text: text.slice(at, at + t.text.length), moved: true };
	}
	const why = found.length ? `it appears ${found.length} times, so its place is ambiguous` : 'it no longer appears in the seed';
	problems.push({
		line,
		message: `${t.id}: “${t.text}” is no longer at ${f.start}–${f.end} and ${why}; not used until the line is fixed.`,
		severity: 'warning',
	});
	return null;
}

function occurrences(text: string, needle: string): number[] {
	const out: number[] = [];
	for (let i = text.indexOf(needle); i >= 0 && out.length < 3; i = text.indexOf(needle, i + 1)) out.push(i);
	return out;
}
