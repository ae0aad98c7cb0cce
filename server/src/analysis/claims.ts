/**
 * Claims: attributed statements, direct quotations and unattributed
 * check-worthy statements. (First version: "said" and "according to".)
 */
import type { SeedDocument } from './document';
import type { Claim, Entity } from './types';

/** Finds the claims of a document. */
export function findClaims(doc: SeedDocument, _entities: Entity[]): Claim[] {
	const out: Claim[] = [];
	for (const s of doc.sentences) {
		const text = doc.text.slice(s.start, s.end);
		const m = /\b(said|says|according to)\b/i.exec(text);
		if (!m) continue;
		const cs = s.start + m.index;
		out.push({ start: s.start, end: s.end, text, kind: 'attributed', cue: { start: cs, end: cs + m[0].length, text: m[0] }, source: null, content: null });
	}
	return out;
}
