/**
 * A document's annotations as a brat file: the person's `.ann` lines exactly as they are, then,
 * if asked, each suggestion nobody reviewed. Pure; small enough for the language server's own
 * thread (the editor's export of a gold set), which holds no analysis code.
 */
import type { DocumentAnnotations, Span } from '../types';
import { formatBrat, formatRecord, nextId, parseBrat, spanFragments, type BratRecord } from './brat';
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
		records.push({ kind: 'T', id, type, ...spanFragments(text, cp, s.start, s.end) });
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
