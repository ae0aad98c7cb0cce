/**
 * What the analysis learns from a workspace's reviewed annotations (`seed-lens train --from DIR`,
 * the command *Learn from My Annotations*): the names people marked or confirmed with their type,
 * and the suggestions they rejected. Applied to every document of the workspace as suggestions
 * (origin `machine`): a learned name is found where the tagger missed it, a name the tagger typed
 * otherwise takes the type people gave it, and a suggestion people always rejected is no longer
 * made. Pure: the model is plain data (`.seedlens/model.json`); training reads `.ann` layers.
 */
import type { DocumentAnnotations, Entity, EntityType, Mention, Span } from '../types';
import type { HumanLayer } from './layer';

/** The workspace model file's content. */
export interface LearnedNames {
	format: 'seed-lens-learned-names';
	version: 1;
	/** Documents the model was learned from. */
	documents: number;
	/** Name as written → type → how often people marked or confirmed it so. */
	names: Record<string, Partial<Record<EntityType, number>>>;
	/** `name<TAB>type` → how often people rejected that suggestion. */
	rejected: Record<string, number>;
}

/** Learns from the human layers of the reviewed documents. */
export function learnNames(layers: readonly HumanLayer[]): LearnedNames {
	const model: LearnedNames = { format: 'seed-lens-learned-names', version: 1, documents: 0, names: {}, rejected: {} };
	for (const layer of layers) {
		if (!layer.entities.length) continue;
		model.documents++;
		for (const s of layer.entities) {
			const name = s.text.replace(/\s+/g, ' ').trim();
			if (name.length < 2) continue;
			if (s.rejected) model.rejected[`${name}\t${s.type}`] = (model.rejected[`${name}\t${s.type}`] ?? 0) + 1;
			else {
				const types = (model.names[name] ??= {});
				types[s.type as EntityType] = (types[s.type as EntityType] ?? 0) + 1;
			}
		}
	}
	return model;
}

/** Reads a model file's JSON, or null when it is not one. */
export function readLearned(json: unknown): LearnedNames | null {
	const m = json as Partial<LearnedNames> | null;
	return m && m.format === 'seed-lens-learned-names' && m.version === 1 && typeof m.names === 'object' && typeof m.rejected === 'object'
		? (m as LearnedNames)
		: null;
}

// The type people gave a name most often, if they gave it one more often than they rejected it.
function learnedType(model: LearnedNames, name: string): EntityType | null {
	const types = model.names[name];
	if (!types) return null;
	let best: EntityType | null = null;
	let n = 0;
	for (const [t, c] of Object.entries(types) as [EntityType, number][]) if (c > n && c > (model.rejected[`${name}\t${t}`] ?? 0)) [best, n] = [t, c];
	return best;
}

// A name found again must be a token of its own: not part of a word, a currency (“US$”) or a compound (“US-based”).
const standsAlone = (text: string, s: Span) => /^[\s(“"‘'[]?$/u.test(text[s.start - 1] ?? '') && /^[\s.,;:!?)”"’'\]]?$/u.test(text[s.end] ?? '');

// “US” in “US Federal Reserve”, “Airbus” in “Airbus A380”: a learned name next to another capitalised
// word (before it, unless that word starts the sentence) is part of a longer name the model has not learned.
function partOfLongerName(text: string, s: Span): boolean {
	const after = /^[ \u00a0]+([\p{Lu}\p{N}])/u.exec(text.slice(s.end, s.end + 3));
	if (after) return true;
	const before = /([\p{L}\p{N}.]+)[ \u00a0]+$/u.exec(text.slice(Math.max(0, s.start - 40), s.start));
	if (!before || !/^\p{Lu}/u.test(before[1])) return false;
	const lead = text.slice(0, s.start - before[0].length).trimEnd();
	return lead !== '' && !/[.!?:;"“”\n]$/u.test(lead);
}
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The annotations with the learned names applied (a new object; mentions keep origin `machine`). */
export function applyLearned(a: DocumentAnnotations, text: string, model: LearnedNames): DocumentAnnotations {
	const evidence = 'learned from your annotations';
	const entities = a.entities.map((e) => ({ ...e, mentions: [] as Mention[] }));
	const byKey = new Map(entities.map((e) => [`${e.type}\u0000${e.name}`, e]));
	let next = entities.reduce((max, e) => Math.max(max, Number(e.id.slice(1)) || 0), 0);
	const entityFor = (type: EntityType, name: string): Entity => {
		let e = byKey.get(`${type}\u0000${name}`) ?? entities.find((x) => x.type === type && x.mentions.some((m) => m.text === name));
		if (!e) {
			e = { id: `e${++next}`, type, name, mentions: [], evidence: [evidence], origin: 'machine' };
			entities.push(e);
			byKey.set(`${type}\u0000${name}`, e);
		}
		return e;
	};
	a.entities.forEach((e, i) => {
		for (const m of e.mentions) {
			const type = m.origin === 'human' ? null : learnedType(model, m.text);
			if (m.origin !== 'human' && !type && model.rejected[`${m.text}\t${e.type}`]) continue;
			if (type && type !== e.type) entityFor(type, m.text).mentions.push(m);
			else entities[i].mentions.push(m);
		}
	});
	const covered: Span[] = entities.flatMap((e) => e.mentions);
	for (const name of Object.keys(model.names)) {
		const type = learnedType(model, name);
		if (!type) continue;
		for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
			const span = { start: i, end: i + name.length };
			if (!standsAlone(text, span) || partOfLongerName(text, span) || covered.some((c) => overlaps(c, span))) continue;
			entityFor(type, name).mentions.push({ ...span, text: name, origin: 'machine' });
			covered.push(span);
		}
	}
	const kept = entities.filter((e) => e.mentions.length);
	for (const e of kept) e.mentions.sort((x, y) => x.start - y.start);
	kept.sort((x, y) => x.mentions[0].start - y.mentions[0].start);
	const ids = new Set(kept.map((e) => e.id));
	const claims = a.claims.map((c) => (c.source?.entity && !ids.has(c.source.entity) ? { ...c, source: { ...c.source, entity: undefined } } : c));
	return { ...a, entities: kept, claims };
}
