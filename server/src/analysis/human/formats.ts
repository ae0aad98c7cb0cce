/**
 * A document's annotations in the formats other tools read: brat standoff (the person's `.ann`
 * lines as they are, then the suggestions nobody reviewed), CoNLL BIO per token, and the
 * spaCy/Prodigy JSON Lines shape `{"text", "spans": [{"start", "end", "label"}], "meta"}`; and
 * that JSON Lines shape read back as brat. Pure.
 */
import { parseDocument } from '../document';
import type { DocumentAnnotations } from '../types';
import { formatBrat } from './brat';
import type { Include } from './bratExport';
import { applyEdits } from './edits';
import { ENTITY_TYPES } from './layer';
import { CodePoints } from './offsets';

export { toBrat, type Include } from './bratExport';

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
