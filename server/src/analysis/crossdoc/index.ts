/**
 * The cross-document view of a corpus: each document's facts, with inverted
 * indexes from counted things, event verbs and entity names to documents, so
 * that a changed document is compared only with the documents it could
 * disagree with, and the entity pages and the timeline are read off directly.
 * It is incremental: `set` and `remove` touch one document's share.
 */
import type { EntityType, Granularity } from '../types';
import {
	conflictsBetween,
	comparableFigures,
	defaultCrossDocOptions,
	figureKey,
	statementKeys,
	type Conflict,
	type CrossDocOptions,
	type FactsDoc,
} from './conflicts';
import { namedBy, type DocumentFacts, type FigureFact, type Statement } from './facts';

export * from './conflicts';
export * from './facts';
export { nameKey } from './keys';
export * from './describe';
export type { Quantity, Unit } from './quantities';

/** An entity across documents. */
export interface CorpusEntitySummary {
	key: string;
	name: string;
	type: EntityType;
	documents: number;
	mentions: number;
}

/** A statement in a document, for pages and lists. */
export interface StatementRef {
	doc: string;
	date: string | null;
	statement: Statement;
}

export interface EntityPage {
	key: string;
	name: string;
	type: EntityType;
	aliases: string[];
	/** Every document that mentions it, oldest first. */
	documents: { doc: string; date: string | null; title: string | null; mentions: number; first: { start: number; end: number } }[];
	/** Claims it is the source of. */
	said: StatementRef[];
	/** Claims and statements about it (it is mentioned, not the source). */
	about: StatementRef[];
	/** Other entities in the same documents, most shared first. */
	cooccurring: { key: string; name: string; type: EntityType; documents: number }[];
}

export interface TimelinePoint {
	doc: string;
	value: string;
	granularity: Granularity;
	text: string;
	start: number;
	end: number;
	statement: Statement;
	/** Names of the entities of the sentence. */
	entities: string[];
}

export interface TimelineFilter {
	/** Only points whose sentence mentions this entity (a name key). */
	entity?: string;
	/** Inclusive bounds on the value, compared as ISO text (`2021`, `2021-11-11`). */
	from?: string;
	to?: string;
	/** Only documents whose id starts with this. */
	under?: string;
}

/** A figure somewhere in the corpus, for hovers. */
export interface FigureRef {
	doc: string;
	date: string | null;
	figure: FigureFact;
	statement: Statement;
}

export class CrossDocIndex {
	private readonly docs = new Map<string, DocumentFacts>();
	/**
	 * Documents by what they could disagree on: a counted thing or an event verb, with an entity
	 * (or cited source) of its sentence — the rules compare nothing else, so a changed document is
	 * compared only with the few documents that share such a key.
	 */
	private readonly byClaim = new Map<string, Set<string>>();
	private readonly byName = new Map<string, Set<string>>();
	/** Every point of the timeline in order, kept in step with the documents on first use after a change. */
	private sortedTimeline: TimelinePoint[] | null = null;
	/** Documents changed since `sortedTimeline` was brought up to date. */
	private readonly stale = new Set<string>();

	constructor(private readonly options: CrossDocOptions = defaultCrossDocOptions) {}

	get size(): number {
		return this.docs.size;
	}

	get(id: string): DocumentFacts | undefined {
		return this.docs.get(id);
	}

	ids(): string[] {
		return [...this.docs.keys()].sort();
	}

	/** Adds or replaces one document. */
	set(id: string, facts: DocumentFacts): void {
		this.remove(id);
		this.docs.set(id, facts);
		this.stale.add(id);
		for (const k of claimKeys(facts)) add(this.byClaim, k, id);
		for (const e of facts.entities) add(this.byName, e.key, id);
	}

	remove(id: string): void {
		const facts = this.docs.get(id);
		if (!facts) return;
		this.docs.delete(id);
		this.stale.add(id);
		for (const k of claimKeys(facts)) drop(this.byClaim, k, id);
		for (const e of facts.entities) drop(this.byName, e.key, id);
	}

	clear(): void {
		for (const m of [this.docs, this.byClaim, this.byName, this.stale]) m.clear();
		this.sortedTimeline = null;
	}

	/** Documents that share with `id` a counted thing or an event verb, with an entity of the sentence. */
	private candidates(id: string): Set<string> {
		const out = new Set<string>();
		for (const k of claimKeys(this.docs.get(id)!)) for (const d of this.byClaim.get(k) ?? []) out.add(d);
		out.delete(id);
		return out;
	}

	private doc(id: string): FactsDoc {
		return { id, facts: this.docs.get(id)! };
	}

	/** The conflicts of one document with every other, its own side first. */
	conflictsOf(id: string): Conflict[] {
		if (!this.docs.has(id)) return [];
		const me = this.doc(id);
		return [...this.candidates(id)].sort().flatMap((other) => conflictsBetween(me, this.doc(other), this.options));
	}

	/** Every conflict in the corpus, each pair of documents once. */
	conflicts(): Conflict[] {
		const out: Conflict[] = [];
		for (const id of this.ids())
			for (const other of [...this.candidates(id)].sort()) if (id < other) out.push(...conflictsBetween(this.doc(id), this.doc(other), this.options));
		return out;
	}

	/** Every figure in the corpus comparable with figure `index` of `id`, the figure itself first. */
	figuresLike(id: string, index: number): FigureRef[] {
		const me = this.doc(id);
		const f = me.facts.figures[index];
		if (!f) return [];
		const out: FigureRef[] = [{ doc: id, date: f.date ?? me.facts.date, figure: f, statement: me.facts.statements[f.statement] }];
		const others = new Set<string>();
		for (const k of figureClaimKeys(me.facts, f)) for (const d of this.byClaim.get(k) ?? []) if (d !== id) others.add(d);
		for (const other of [...others].sort()) {
			const o = this.doc(other);
			for (const g of o.facts.figures)
				if (comparableFigures(me, f, o, g, this.options))
					out.push({ doc: other, date: g.date ?? o.facts.date, figure: g, statement: o.facts.statements[g.statement] });
		}
		return out;
	}

	/** Entities across documents, most documents first. */
	entities(minDocuments = 1): CorpusEntitySummary[] {
		const out: CorpusEntitySummary[] = [];
		for (const [key, ids] of this.byName) {
			if (ids.size < minDocuments) continue;
			let mentions = 0;
			let best: { name: string; type: EntityType; n: number } | undefined;
			for (const id of ids) {
				const e = this.docs.get(id)!.entities.find((x) => x.key === key)!;
				mentions += e.mentions;
				if (!best || e.mentions > best.n) best = { name: e.name, type: e.type, n: e.mentions };
			}
			out.push({ key, name: best!.name, type: best!.type, documents: ids.size, mentions });
		}
		return out.sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || (a.key < b.key ? -1 : 1));
	}

	/** The page of the entity named by `key` (any of its spellings), or null. */
	entityPage(key: string): EntityPage | null {
		const page: EntityPage = { key, name: '', type: 'OTHER', aliases: [], documents: [], said: [], about: [], cooccurring: [] };
		const aliases = new Set<string>();
		const co = new Map<string, { key: string; name: string; type: EntityType; documents: number }>();
		let best = -1;
		for (const id of this.ids()) {
			const facts = this.docs.get(id)!;
			const i = facts.entities.findIndex((e) => namedBy(e, key));
			if (i < 0) continue;
			const e = facts.entities[i];
			if (e.mentions > best) [best, page.name, page.type] = [e.mentions, e.name, e.type];
			[e.name, ...e.aliases].forEach((a) => aliases.add(a));
			page.documents.push({ doc: id, date: facts.date, title: facts.title, mentions: e.mentions, first: e.first });
			for (const s of facts.statements) {
				if (!s.kind) continue;
				if (s.sourceEntity === i) page.said.push({ doc: id, date: facts.date, statement: s });
				else if (s.entities.includes(i)) page.about.push({ doc: id, date: facts.date, statement: s });
			}
			facts.entities.forEach((x, j) => {
				if (j === i || x.key === e.key) return;
				const c = co.get(x.key) ?? { key: x.key, name: x.name, type: x.type, documents: 0 };
				c.documents++;
				co.set(x.key, c);
			});
		}
		if (!page.documents.length) return null;
		const byDate = (a: { date: string | null }, b: { date: string | null }) => (a.date ?? '').localeCompare(b.date ?? '');
		page.documents.sort(byDate);
		page.said.sort(byDate);
		page.about.sort(byDate);
		aliases.delete(page.name);
		page.aliases = [...aliases].sort();
		page.cooccurring = [...co.values()].sort((a, b) => b.documents - a.documents || a.name.localeCompare(b.name)).slice(0, 30);
		return page;
	}

	/** Every resolved date, in order of its value, with its sentence. */
	timeline(filter: TimelineFilter = {}): TimelinePoint[] {
		this.sortedTimeline = this.currentTimeline();
		if (!filter.entity && !filter.from && !filter.to && !filter.under) return this.sortedTimeline;
		const wanted = new Map<string, number>();
		return this.sortedTimeline.filter((p) => {
			if (filter.under && !p.doc.startsWith(filter.under)) return false;
			if ((filter.from && p.value < filter.from) || (filter.to && p.value.slice(0, filter.to.length) > filter.to)) return false;
			if (!filter.entity) return true;
			let i = wanted.get(p.doc);
			if (i === undefined) {
				i = this.docs.get(p.doc)!.entities.findIndex((e) => namedBy(e, filter.entity!));
				wanted.set(p.doc, i);
			}
			return i >= 0 && (p.statement.entities.includes(i) || p.statement.sourceEntity === i);
		});
	}

	// The sorted points: built whole the first time, or when most documents changed; else the changed
	// documents' points are taken out and their new ones merged in, in one pass over the list.
	private currentTimeline(): TimelinePoint[] {
		const before = this.sortedTimeline;
		if (before && !this.stale.size) return before;
		const changed = [...this.stale];
		this.stale.clear();
		if (!before || changed.length > this.docs.size / 4) return this.pointsOf([...this.docs.keys()]);
		const gone = new Set(changed);
		return mergeSorted(
			before.filter((p) => !gone.has(p.doc)),
			this.pointsOf(changed.filter((id) => this.docs.has(id))),
		);
	}

	private pointsOf(ids: string[]): TimelinePoint[] {
		const out: TimelinePoint[] = [];
		for (const id of ids) {
			const facts = this.docs.get(id)!;
			for (const t of facts.times) {
				const statement = facts.statements[t.statement];
				const names = statement.entities.map((i) => facts.entities[i].name);
				out.push({ doc: id, value: t.value, granularity: t.granularity, text: t.text, start: t.start, end: t.end, statement, entities: names });
			}
		}
		return out.sort(byTime);
	}
}

const byTime = (a: TimelinePoint, b: TimelinePoint) =>
	a.value < b.value ? -1 : a.value > b.value ? 1 : a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start;

function mergeSorted(a: TimelinePoint[], b: TimelinePoint[]): TimelinePoint[] {
	if (!b.length) return a;
	const out: TimelinePoint[] = new Array(a.length + b.length);
	let i = 0,
		j = 0,
		k = 0;
	while (i < a.length && j < b.length) out[k++] = byTime(a[i], b[j]) <= 0 ? a[i++] : b[j++];
	while (i < a.length) out[k++] = a[i++];
	while (j < b.length) out[k++] = b[j++];
	return out;
}

/** The keys a figure is found by: what it counts, with each entity or source of its sentence. */
function figureClaimKeys(facts: DocumentFacts, f: FigureFact): string[] {
	const thing = figureKey(f);
	return [...statementKeys(facts, facts.statements[f.statement])].map((k) => `${thing}|${k}`);
}

// Every key a document's figures and dated events are found by (see `byClaim`).
function claimKeys(facts: DocumentFacts): Set<string> {
	const out = new Set<string>();
	for (const f of facts.figures) if (f.quantity.predicate) for (const k of figureClaimKeys(facts, f)) out.add(k);
	for (const e of facts.events) for (const k of statementKeys(facts, facts.statements[e.statement])) out.add(`event:${e.verb}|${k}`);
	return out;
}

function add(m: Map<string, Set<string>>, k: string, id: string): void {
	let s = m.get(k);
	if (!s) m.set(k, (s = new Set()));
	s.add(id);
}

function drop(m: Map<string, Set<string>>, k: string, id: string): void {
	const s = m.get(k);
	s?.delete(id);
	if (s && !s.size) m.delete(k);
}
