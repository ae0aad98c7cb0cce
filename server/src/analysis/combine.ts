/**
 * Puts the analyses of a long document's sections (see sections.ts) back together as one:
 * offsets moved to the whole text, the header's findings taken once, one entity per name across
 * sections (ids renumbered in order of first mention, claim sources following), and the repeated
 * paragraphs found across the whole document. The section analyses are cached and shared, so
 * nothing here changes them: every shifted span is a new object.
 */
import { joinReadings } from './entities/evidence';
import type { Claim, DateAnnotation, Diagnostic, DocumentAnnotations, Entity, Span, TaggerReading } from './types';

/** One section's analysis: read from a text whose offsets `>= from` map to `from + delta` in the document. */
export interface SectionPart {
	annotations: DocumentAnnotations;
	/** Offset in the analysed text where the section's own text begins (before it: the header copy). */
	from: number;
	/** Added to an offset of the analysed text to give the document's offset. */
	delta: number;
}

/** Findings about the header: only the first section's count. */
const HEADER_CODES = new Set(['empty-document', 'missing-header', 'malformed-date', 'missing-title']);

/** Findings the caller computes over the whole document instead of per section. */
export const WHOLE_DOCUMENT_CODES = new Set(['duplicate-paragraph']);

/**
 * What combining reuses of the cached section analyses from one version of a long document to the
 * next (typing changes one section and leaves the others' findings as they were): kept by the
 * caller with its section cache (`SectionAnalyses`) and passed in, so nothing here outlives it. Keyed
 * by the cached section objects, so it forgets what the section cache drops.
 */
export class CombineMemo {
	/** The last move of each section analysis: sections before an edit keep their offsets, and their moved findings. */
	readonly moves = new WeakMap<DocumentAnnotations, Moved>();
	/** Each section's entity keys (type and name). */
	readonly nameKeys = new WeakMap<DocumentAnnotations, string[]>();
	/** The keys a section entity is found under by a lone name. */
	readonly aliasKeys = new WeakMap<Entity, string[]>();
	/** The merged entity of a set of section entities, by its first member. */
	readonly merged = new WeakMap<Entity, Merged>();
}

/** Combines the sections' annotations (in text order) into the document's. */
export function combineSections(parts: readonly SectionPart[], wholeDocument: Diagnostic[], memo = new CombineMemo()): DocumentAnnotations {
	const merger = new EntityMerger(memo);
	const dates: DateAnnotation[] = [];
	const diagnostics: Diagnostic[] = [];
	const moved = parts.map((p, k) => {
		const m = shifted(p, k, memo);
		merger.add(p, m.mentions);
		dates.push(...m.dates);
		diagnostics.push(...m.diagnostics);
		return m;
	});
	diagnostics.push(...wholeDocument);
	const entities = merger.entities();
	// Claim sources name the document's entity ids, not the section's.
	const claims = moved.flatMap((m, k) => m.claims.map((c) => (c.source?.entity === undefined ? c : withSource(c, merger.idOf(k, c.source.entity)))));
	const header = parts[0]?.annotations.header ?? { date: null, title: null, start: 0, end: 0 };
	return { version: 1, header, entities, dates, claims, diagnostics };
}

/** A section's findings moved to the document's offsets (section ids in claim sources still). */
interface Moved {
	from: number;
	delta: number;
	/** Per entity of the section, its mentions inside the section. */
	mentions: Entity['mentions'][];
	dates: DateAnnotation[];
	claims: Claim[];
	diagnostics: Diagnostic[];
}

// While typing, every section before the edit keeps its offsets, and its moved findings are reused rather than copied again.
function shifted(p: SectionPart, k: number, memo: CombineMemo): Moved {
	const hit = memo.moves.get(p.annotations);
	if (hit && hit.from === p.from && hit.delta === p.delta) return hit;
	const { from, delta, annotations: a } = p;
	const inside = (s: Span) => s.start >= from;
	const moved: Moved = {
		from,
		delta,
		mentions: a.entities.map((e) =>
			e.mentions
				.filter(inside)
				.map((m) =>
					m.role === undefined
						? { start: m.start + delta, end: m.end + delta, text: m.text }
						: { start: m.start + delta, end: m.end + delta, text: m.text, role: m.role },
				),
		),
		dates: a.dates.filter(inside).map((d) => shift(d, delta)),
		claims: a.claims.filter(inside).map((c) => shiftClaim(c, delta)),
		diagnostics: a.diagnostics
			.filter((d) => !WHOLE_DOCUMENT_CODES.has(d.code) && (k === 0 || (!HEADER_CODES.has(d.code) && inside(d))))
			.map((d) => shift(d, delta)),
	};
	memo.moves.set(p.annotations, moved);
	return moved;
}

function withSource(c: Claim, id: string | undefined): Claim {
	const source = { ...c.source! };
	if (id === undefined) delete source.entity;
	else source.entity = id;
	return { ...c, source };
}

function shift<T extends Span>(s: T, delta: number): T {
	const out = { ...s };
	out.start += delta;
	out.end += delta;
	return out;
}

function shiftClaim(c: Claim, delta: number): Claim {
	const out = shift(c, delta);
	out.cue = c.cue && shift(c.cue, delta);
	out.content = c.content && shift(c.content, delta);
	if (c.source) out.source = shift(c.source, delta);
	if (c.hedges) out.hedges = [...c.hedges];
	if (c.reasons) out.reasons = [...c.reasons];
	if (c.figures) out.figures = [...c.figures];
	return out;
}

/** A document entity being assembled from section entities. */
interface Group {
	type: Entity['type'];
	members: Entity[];
	mentions: Entity['mentions'];
	/** Provisional id, then the final one. */
	id: string;
}

/**
 * One entity per type and name across sections; a one-word name that is another section's alias
 * of exactly one entity ("Haftar" for "Khalifa Haftar") joins that entity.
 */
class EntityMerger {
	private readonly groups: Group[] = [];
	private readonly byName = new Map<string, Group>();
	/** Section-local id → group, per section. */
	private readonly local: Map<string, Group>[] = [];

	constructor(private readonly memo: CombineMemo) {}

	/** Adds a section's entities, with their moved mentions. */
	add(p: SectionPart, mentions: Entity['mentions'][]): void {
		const local = new Map<string, Group>();
		const keys = nameKeys(p.annotations, this.memo);
		p.annotations.entities.forEach((e, i) => {
			if (!mentions[i].length) return;
			const g = this.groupFor(keys[i], e.type);
			g.mentions.push(...mentions[i]);
			g.members.push(e);
			local.set(e.id, g);
		});
		this.local.push(local);
	}

	/** The document's id of section `k`'s entity `id` (after `entities()`), or undefined when it had no mention there. */
	idOf(k: number, id: string): string | undefined {
		const g = this.local[k].get(id);
		return g && this.resolve(g).id;
	}

	private groupFor(key: string, type: Entity['type']): Group {
		let g = this.byName.get(key);
		if (!g) {
			g = { type, members: [], mentions: [], id: '' };
			this.byName.set(key, g);
			this.groups.push(g);
		}
		return g;
	}

	/** The merged entities, ids e1, e2… in order of first mention. */
	entities(): Entity[] {
		const groups = this.joinShortNames().filter((g) => g.members.length);
		groups.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
		groups.forEach((g, i) => (g.id = `e${i + 1}`));
		return groups.map((g) => entityOf(g, this.memo));
	}

	private readonly into = new Map<Group, Group>();

	private resolve(g: Group): Group {
		let r = g;
		while (this.into.has(r)) r = this.into.get(r)!;
		return r;
	}

	// A single-word name joins the one entity that lists it as an alias under the same type, or the one
	// person whose surname it is ("Haftar" for "Khalifa Haftar"); where none or several do, it stays apart.
	private joinShortNames(): Group[] {
		// Only the keys some lone name looks for are collected: most names are not alone.
		const lone = new Map<Group, string>();
		const byAlias = new Map<string, Set<Group>>();
		for (const g of this.groups) {
			const name = singleWordName(g);
			if (name === null) continue;
			const key = name.toLowerCase();
			lone.set(g, key);
			byAlias.set(`${g.type}\u0000${key}`, new Set());
			byAlias.set(`surname\u0000${key}`, new Set());
		}
		if (!lone.size) return this.groups;
		for (const g of this.groups) for (const m of g.members) for (const key of aliasKeys(m, this.memo)) byAlias.get(key)?.add(g);
		for (const [g, key] of lone) {
			const found = new Set<Group>();
			for (const o of byAlias.get(`${g.type}\u0000${key}`) ?? []) if (o !== g) found.add(this.resolve(o));
			if (g.type === 'PERSON' || g.type === 'ORG' || g.type === 'OTHER')
				for (const o of byAlias.get(`surname\u0000${key}`) ?? []) if (o !== g) found.add(this.resolve(o));
			found.delete(g);
			if (found.size !== 1) continue;
			const [target] = found;
			this.into.set(g, target);
			target.members.push(...g.members);
			target.mentions.push(...g.mentions);
			target.mentions.sort((x, y) => x.start - y.start);
		}
		return this.groups.filter((g) => !this.into.has(g));
	}
}

// The group's name when all its members are one word written one way, else null.
function singleWordName(g: Group): string | null {
	const name = g.members[0]?.name;
	if (name === undefined || /\s/.test(name)) return null;
	for (const m of g.members) if (m.name !== name || m.aliases?.length) return null;
	return name;
}

// The keys a section entity is found under by a lone name: each spelling with its type, and a person's surname.
function aliasKeys(e: Entity, memo: CombineMemo): string[] {
	let keys = memo.aliasKeys.get(e);
	if (keys) return keys;
	keys = [];
	for (const n of [e.name, ...(e.aliases ?? [])]) {
		keys.push(`${e.type}\u0000${n.toLowerCase()}`);
		const words = n.split(/\s+/);
		if (e.type === 'PERSON' && words.length > 1) keys.push(`surname\u0000${words[words.length - 1].toLowerCase()}`);
	}
	memo.aliasKeys.set(e, keys);
	return keys;
}

// Each entity's type and name, as one key: computed once per cached section analysis.
function nameKeys(a: DocumentAnnotations, memo: CombineMemo): string[] {
	let keys = memo.nameKeys.get(a);
	if (!keys) memo.nameKeys.set(a, (keys = a.entities.map((e) => `${e.type}\u0000${e.name.toLowerCase()}`)));
	return keys;
}

// The longest name (the most complete), every other spelling as an alias, the members' evidence together:
// worked out once per set of section entities, since typing leaves most groups as they were.
function entityOf(g: Group, memo: CombineMemo): Entity {
	const made = merged(g.members, memo);
	const e: Entity = { id: g.id, type: g.type, name: made.name, mentions: g.mentions, evidence: made.evidence };
	if (made.tagger?.length) e.tagger = made.tagger;
	if (made.aliases) e.aliases = made.aliases;
	if (made.facts) e.facts = made.facts;
	if (made.roles) e.roles = made.roles;
	return e;
}

interface Merged {
	members: Entity[];
	name: string;
	aliases?: string[];
	evidence: string[];
	tagger?: TaggerReading[];
	facts?: Record<string, string>;
	roles?: string[];
}
function merged(members: Entity[], memo: CombineMemo): Merged {
	const hit = memo.merged.get(members[0]);
	if (hit && hit.members.length === members.length && hit.members.every((m, i) => m === members[i])) return hit;
	const names = new Set<string>();
	let name = members[0].name;
	for (const m of members) {
		names.add(m.name);
		for (const a of m.aliases ?? []) names.add(a);
		if (m.name.length > name.length) name = m.name;
	}
	names.delete(name);
	// The members' reasons, each once, and the tagger's readings joined: the best confidence per type, the readings added up.
	const made: Merged = { members: [...members], name, evidence: [...new Set(members.flatMap((m) => m.evidence ?? []))] };
	const tagger = joinReadings(members.flatMap((m) => m.tagger ?? []));
	if (tagger.length) made.tagger = tagger;
	if (names.size) made.aliases = [...names];
	const facts = members.find((m) => m.facts)?.facts;
	if (facts) made.facts = { ...facts };
	const roles = [...new Set(members.flatMap((m) => m.roles ?? []))];
	if (roles.length) made.roles = roles;
	memo.merged.set(members[0], made);
	return made;
}
