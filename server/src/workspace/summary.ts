/**
 * The compact summary the corpus index keeps per file: entity names, types,
 * match keys and mention positions packed in one typed array — not the
 * analysis, not the text — so ten thousand files fit in a few megabytes.
 */
import type { EntityType } from '../analysis';
import type { SeedDocument } from '../analysis/document';
import { documentFacts, type DocumentFacts, type FactEntity } from '../analysis/crossdoc';
import type { Range } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../documentAnalysis';
import { entityKeys, nameKey } from '../features/lookup';
import { positionIn } from '../positions';

/** One entity of a file, as the index remembers it. */
export interface EntitySummary {
	name: string;
	type: EntityType;
	/** `nameKey` of the canonical name. */
	key: string;
	/** Keys of the name, aliases and spellings, for matching across files. */
	keys: string[];
	/** Index of the entity's first mention in `FileSummary.mentions` (in mentions, not numbers). */
	from: number;
	/** One past its last mention. */
	to: number;
}

/** One indexed file. */
export interface FileSummary {
	uri: string;
	title: string | null;
	date: string | null;
	entities: EntitySummary[];
	/** Four numbers per mention: start line, start character, end line, end character. */
	mentions: Uint32Array;
	/** The file's share of the cross-document view (figures, dated events, claims), when analysed that far. */
	facts?: DocumentFacts;
	/** Where each line of the text starts, to place the offsets `facts` refers to (`factRange`). */
	lines?: Uint32Array;
}

/** Summarises one analysis for the index (`model`: the document model the analysis read, if it kept it). */
export function summarize(a: DocumentAnalysis, model?: SeedDocument): FileSummary {
	const { entities, header } = a.annotations;
	const total = entities.reduce((n, e) => n + e.mentions.length, 0);
	const mentions = new Uint32Array(total * 4);
	const out: EntitySummary[] = [];
	let k = 0;
	for (const e of entities) {
		if (!e.mentions.length) continue;
		const from = k;
		for (const m of e.mentions) {
			const r = a.lines.range(m);
			mentions.set([r.start.line, r.start.character, r.end.line, r.end.character], k * 4);
			k++;
		}
		out.push({ name: e.name, type: e.type, key: nameKey(e.name), keys: entityKeys(e), from, to: k });
	}
	const summary: FileSummary = { uri: a.uri, title: header.title, date: header.date, entities: out, mentions };
	// An analysis of entities only (no claims, no dates) has no facts to compare.
	if (a.annotations.claims.length || a.annotations.dates.length) {
		summary.facts = documentFacts(a.text, a.annotations, model);
		summary.lines = a.lines.lineStarts();
	}
	return summary;
}

/** The LSP range of a span of a summarised file's facts. */
export function factRange(f: FileSummary, span: { start: number; end: number }): Range {
	if (!f.lines) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
	return { start: positionIn(f.lines, span.start), end: positionIn(f.lines, span.end) };
}

/** The LSP range of one packed mention. */
export function mentionRange(f: FileSummary, i: number): { start: { line: number; character: number }; end: { line: number; character: number } } {
	const m = f.mentions;
	return { start: { line: m[i * 4], character: m[i * 4 + 1] }, end: { line: m[i * 4 + 2], character: m[i * 4 + 3] } };
}

/**
 * A summary rebuilt for keeping: every object made afresh with all its fields at once (objects that
 * crossed from an analysis thread are built field by field, and take twice the memory), and every
 * short string — names, spellings, types, counted things, date values — replaced by the table's copy:
 * ten thousand files name the same people, places and things. Sentences are kept as they are.
 */
export function compactSummary(f: FileSummary, table: Map<string, string>): FileSummary {
	const one = <T extends string | null>(x: T): T => {
		if (x === null) return x;
		const had = table.get(x);
		if (had !== undefined) return had as T;
		table.set(x, x);
		return x;
	};
	const list = (xs: string[]) => (xs.length ? xs.map(one) : NONE);
	const out: FileSummary = { uri: f.uri, title: f.title, date: one(f.date), entities: [], mentions: f.mentions };
	const facts = f.facts && compactFacts(f.facts, one, list);
	// The index's entities and the facts' are the same ones, in the same order: one object serves both.
	const same = (e: EntitySummary, x: FactEntity | undefined) =>
		x && x.key === e.key && x.keys.length === e.keys.length && x.keys.every((k, i) => k === e.keys[i]);
	out.entities = f.entities.map((e, i) => {
		const x = facts?.entities[i];
		if (!x || !same(e, x)) return { name: one(e.name), type: one(e.type), key: one(e.key), keys: list(e.keys), from: e.from, to: e.to };
		return Object.assign(x, { from: e.from, to: e.to });
	});
	if (facts) [out.facts, out.lines] = [facts, f.lines];
	return out;
}

/** The empty lists every compacted summary shares (frozen: nothing adds to them). */
const NONE = Object.freeze([]) as unknown as string[];
const NO_INDICES = Object.freeze([]) as unknown as number[];

function compactFacts(facts: DocumentFacts, one: <T extends string | null>(x: T) => T, list: (xs: string[]) => string[]): DocumentFacts {
	const span = (x: { start: number; end: number }) => ({ start: x.start, end: x.end });
	return {
		date: one(facts.date),
		title: facts.title,
		// With room for the index's `from` and `to`, which one object then serves.
		entities: facts.entities.map((e) => ({
			name: one(e.name),
			type: one(e.type),
			key: one(e.key),
			keys: list(e.keys),
			surname: one(e.surname),
			aliases: list(e.aliases),
			mentions: e.mentions,
			first: span(e.first),
			from: 0,
			to: 0,
		})),
		statements: facts.statements.map((s) => ({
			start: s.start,
			end: s.end,
			text: s.text,
			kind: one(s.kind),
			source: one(s.source),
			sourceEntity: s.sourceEntity,
			entities: s.entities.length ? s.entities : NO_INDICES,
		})),
		figures: facts.figures.map(({ statement, quantity: q, date }) => ({
			statement,
			date: one(date),
			quantity: {
				start: q.start,
				end: q.end,
				lo: q.lo,
				hi: q.hi,
				value: q.value,
				text: one(q.text),
				qualifier: one(q.qualifier),
				unit: one(q.unit),
				thing: one(q.thing),
				label: one(q.label),
				predicate: q.predicate && { key: one(q.predicate.key), tense: one(q.predicate.tense) },
			},
		})),
		events: facts.events.map((e) => ({
			statement: e.statement,
			verb: one(e.verb),
			date: one(e.date),
			dateText: one(e.dateText),
			dateSpan: span(e.dateSpan),
			words: e.words.map(one),
		})),
		times: facts.times.map((t) => ({
			start: t.start,
			end: t.end,
			value: one(t.value),
			granularity: one(t.granularity),
			text: one(t.text),
			statement: t.statement,
		})),
	};
}
