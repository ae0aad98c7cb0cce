/**
 * Entities: named mentions found in the body, typed and clustered so that one
 * referent is one entity. (First version: capitalised sequences; replaced by
 * gazetteers, rules and the trained tagger.)
 */
import type { SeedDocument } from './document';
import type { Entity } from './types';

/** Finds the entities of a document. */
export function findEntities(doc: SeedDocument): Entity[] {
	const byName = new Map<string, Entity>();
	const { tokens } = doc;
	for (const s of doc.sentences) {
		for (let i = s.first + 1; i < s.last; i++) {
			if (!/^\p{Lu}\p{Ll}+$/u.test(tokens[i].text)) continue;
			let j = i + 1;
			while (j < s.last && /^\p{Lu}\p{Ll}+$/u.test(tokens[j].text)) j++;
			const start = tokens[i].start, end = tokens[j - 1].end;
			const text = doc.text.slice(start, end);
			let e = byName.get(text);
			if (!e) byName.set(text, (e = { id: `e${byName.size + 1}`, type: 'OTHER', name: text, mentions: [] }));
			e.mentions.push({ start, end, text });
			i = j;
		}
	}
	return [...byName.values()];
}
