/**
 * A document's annotations in the formats other tools read: brat standoff (the person's `.ann`
 * lines as they are, then the suggestions nobody reviewed), CoNLL BIO per token, and the
 * spaCy/Prodigy JSON Lines shape `{"text", "spans": [{"start", "end", "label"}], "meta"}`; and
 * that JSON Lines shape read back as brat. Pure.
 */
import { parseDocument } from '../document';
import type { DocumentAnnotations, Span } from '../types';
import { formatBrat, formatRecord, nextId, parseBrat, type BratRecord } from './brat';
import { applyEdits } from './edits';
import { ENTITY_TYPES } from './layer';
import { CodePoints } from './offsets';

/** Which annotations an export holds: the person's only, or theirs and the suggestions left unreviewed. */
export type Include = 'human' | 'all';

/**
 * The brat file of a document: the lines of its `.ann` exactly as they are (so brat → Seed Lens →
 * brat loses nothing), then, with `include: 'all'`, each unreviewed suggestion as new lines.
 */
export function toBrat(a: DocumentAnnotations, text: string, human: string | undefined, include: Include): string {
	const file = parseBrat(human ?? '');
	if (include === 'human') return human === undefined ? '' : formatBrat(file);
	const records: BratRecord[] = [...file.records];
	const cp = new CodePoints(text);
	const add = (type: string, s: Span): string => {
		const id = nextId(records, 'T');
		records.push({ kind: 'T', id, type, fragments: [{ start: cp.toCodePoint(s.start), end: cp.toCodePoint(s.end) }], text: text.slice(s.start, s.end) });
		return id;
	};
	for (const e of a.entities) for (const m of e.mentions) if (m.origin !== 'human') add(e.type, m);
	for (const d of a.dates)
		if (d.origin !== 'human') {
			const id = add('DATE', d);
			if (d.value) records.push({ kind: 'N', id: nextId(records, 'N'), type: 'Reference', target: id, resource: 'TIMEX3', entry: d.value });
		}
	for (const c of a.claims) {
		if (c.origin === 'human') continue;
		const content = add('Content', c.content ?? c);
		const anchor = c.cue ? add('Cue', c.cue) : content;
		if (c.cue) records.push({ kind: 'R', id: nextId(records, 'R'), type: 'Content', arg1: anchor, arg2: content });
		if (c.source) records.push({ kind: 'R', id: nextId(records, 'R'), type: 'Source', arg1: anchor, arg2: add('Source', c.source) });
		if (c.kind !== (c.cue ? 'attributed' : 'unattributed')) records.push({ kind: 'A', id: nextId(records, 'A'), type: 'Kind', target: anchor, value: c.kind });
	}
	return records.map((r) => formatRecord(r) + file.eol).join('');
}

/** Entity and date spans of the annotations (the person's only, or all), sorted, as `[start, end, label]`. */
function labelled(a: DocumentAnnotations, include: Include): { start: number; end: number; label: string; origin: string }[] {
	const out: { start: number; end: number; label: string; origin: string }[] = [];
	for (const e of a.entities)
		for (const m of e.mentions)
			if (include === 'all' || m.origin === 'human') out.push({ start: m.start, end: m.end, label: e.type, origin: m.origin ?? 'machine' });
	for (const d of a.dates)
		if (include === 'all' || d.origin === 'human') out.push({ start: d.start, end: d.end, label: 'DATE', origin: d.origin ?? 'machine' });
	return out.sort((x, y) => x.start - y.start || y.end - x.end);
}

/**
 * CoNLL: one token a line, `TOKEN<TAB>TAG` with BIO tags (`B-ORG`, `I-ORG`, `O`), a blank line
 * after each sentence; the header line is left out. A token inside two spans takes the first.
 */
export function toConll(a: DocumentAnnotations, text: string, include: Include): string {
	const doc = parseDocument(text);
	const spans = labelled(a, include);
	const lines: string[] = [];
	let k = 0;
	for (const s of doc.sentences) {
		if (s.start < doc.bodyStart) continue;
		let prev: { start: number } | null = null;
		for (let i = s.first; i < s.last; i++) {
			const t = doc.tokens[i];
			while (k < spans.length && spans[k].end <= t.start) k++;
			const span = spans.slice(k, k + 4).find((x) => x.start < t.end && t.start < x.end);
			const tag = span ? `${span === prev ? 'I' : 'B'}-${span.label}` : 'O';
			prev = span ?? null;
			lines.push(`${t.text.replace(/\s+/g, '_')}\t${tag}`);
		}
		lines.push('');
	}
	return lines.join('\n') + (lines.length ? '\n' : '');
}

/** One JSON Lines record: the text, the spans in code points (as Python and spaCy count), and where it came from. */
export function toJsonl(a: DocumentAnnotations, text: string, include: Include, file: string): string {
	const cp = new CodePoints(text);
	const spans = labelled(a, include).map((s) => ({ start: cp.toCodePoint(s.start), end: cp.toCodePoint(s.end), label: s.label, origin: s.origin }));
	return JSON.stringify({ text, spans, meta: { file, date: a.header.date, title: a.header.title } });
}

/** Labels other tools use, and the contract's type for each. */
const LABELS: Record<string, string> = {
	PER: 'PERSON',
	PERSON: 'PERSON',
	ORG: 'ORG',
	GPE: 'GPE',
	LOC: 'LOC',
	NORP: 'NORP',
	FAC: 'FAC',
	EVENT: 'EVENT',
	MISC: 'OTHER',
	OTHER: 'OTHER',
	DATE: 'DATE',
	TIME: 'DATE',
};

/** What a JSON Lines record holds for import: its text and file, and its spans as a brat file; or why it cannot be read. */
export function fromJsonl(line: string): { text: string; file?: string; ann: string; skipped: string[] } | { error: string } {
	let x: { text?: unknown; spans?: unknown; meta?: { file?: unknown } };
	try {
		x = JSON.parse(line);
	} catch (e) {
		return { error: `not JSON (${(e as Error).message})` };
	}
	if (typeof x?.text !== 'string') return { error: 'no "text"' };
	const text = x.text;
	const spans = Array.isArray(x.spans) ? x.spans : [];
	const cp = new CodePoints(text);
	const skipped: string[] = [];
	const edits = [];
	for (const s of spans as { start?: unknown; end?: unknown; label?: unknown }[]) {
		const label = typeof s?.label === 'string' ? (LABELS[s.label.toUpperCase()] ?? null) : null;
		const ok = typeof s?.start === 'number' && typeof s?.end === 'number' && s.start >= 0 && s.end > s.start && s.end <= cp.length;
		if (!ok || !label || !(label === 'DATE' || (ENTITY_TYPES as readonly string[]).includes(label))) {
			skipped.push(JSON.stringify(s));
			continue;
		}
		edits.push({ op: 'mark' as const, span: { start: cp.toUtf16(s.start as number), end: cp.toUtf16(s.end as number), type: label } });
	}
	const file = typeof x.meta?.file === 'string' ? x.meta.file : undefined;
	return { text, file, ann: formatBrat(applyEdits(text, '', edits)), skipped };
}
