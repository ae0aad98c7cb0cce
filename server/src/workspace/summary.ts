/**
 * The compact summary the corpus index keeps per file: entity names, types,
 * match keys and mention positions packed in one typed array — not the
 * analysis, not the text — so ten thousand files fit in a few megabytes.
 */
import type { EntityType } from '../analysis';
import type { SeedDocument } from '../analysis/document';
import { documentFacts, type DocumentFacts, type FactEntity, type Statement } from '../analysis/crossdoc';
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
 * One copy of each value the summaries repeat: strings (names, spellings, types, counted things, date
 * values), and short lists of them or of entity indices, which are frozen so that no one changes a list
 * other summaries share.
 */
export class SharedValues {
	private readonly strings = new Map<string, string>();
	private readonly lists = new Map<string, readonly unknown[]>();

	one<T extends string | null>(x: T): T {
		if (x === null) return x;
		const had = this.strings.get(x);
		if (had !== undefined) return had as T;
		this.strings.set(x, x);
		return x;
	}

	/** The list's shared copy when it is short (most lists of spellings have one or two). */
	list(xs: readonly string[]): string[] {
		return xs.length > SHARED_LIST
			? xs.map((x) => this.one(x))
			: this.shared(
					's',
					xs.map((x) => this.one(x)),
				);
	}

	indices(xs: readonly number[]): number[] {
		return xs.length > SHARED_LIST ? [...xs] : this.shared('i', xs);
	}

	private shared<T extends string | number>(kind: string, xs: readonly T[]): T[] {
		const key = kind + xs.join('\u0000');
		let had = this.lists.get(key);
		if (!had) this.lists.set(key, (had = Object.freeze([...xs])));
		return had as T[];
	}
}

/** Lists this long or shorter are shared. */
const SHARED_LIST = 3;

/**
 * A summary rebuilt for keeping: every object made afresh with all its fields at once (objects that
 * crossed from an analysis thread are built field by field, and take twice the memory), and its short
 * strings and lists replaced by the shared copies: ten thousand files name the same people, places and
 * things. Sentences are kept as they are.
 */
export function compactSummary(f: FileSummary, shared: SharedValues): FileSummary {
	const one = <T extends string | null>(x: T): T => shared.one(x);
	const out: FileSummary = { uri: f.uri, title: f.title, date: one(f.date), entities: [], mentions: f.mentions };
	const facts = f.facts && compactFacts(f.facts, shared);
	// The index's entities and the facts' are the same ones, in the same order: one object serves both.
	const same = (e: EntitySummary, x: FactEntity | undefined) =>
		x && x.key === e.key && x.keys.length === e.keys.length && x.keys.every((k, i) => k === e.keys[i]);
	out.entities = f.entities.map((e, i) => {
		const x = facts?.entities[i];
		if (!x || !same(e, x)) return { name: one(e.name), type: one(e.type), key: one(e.key), keys: shared.list(e.keys), from: e.from, to: e.to };
		return Object.assign(x, { from: e.from, to: e.to });
	});
	if (facts) [out.facts, out.lines] = [facts, f.lines];
	return out;
}

function compactFacts(facts: DocumentFacts, shared: SharedValues): DocumentFacts {
	const one = <T extends string | null>(x: T): T => shared.one(x);
	const list = (xs: string[]) => shared.list(xs);
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
		statements: storedStatements(facts.statements, shared),
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
			words: list(e.words),
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

/**
 * A sentence of a kept summary. Its text is stored as UTF-8 with the file's other sentences and read
 * out when asked for: news text is full of curly quotes and apostrophes, which make a JavaScript
 * string take two bytes a character, and sentences are most of what the index keeps.
 */
class StoredStatement implements Statement {
	constructor(
		readonly start: number,
		readonly end: number,
		readonly kind: Statement['kind'],
		readonly source: string | null,
		readonly sourceEntity: number | null,
		readonly entities: number[],
		private readonly store: Buffer,
		private readonly from: number,
		private readonly to: number,
	) {}

	get text(): string {
		return this.store.toString('utf8', this.from, this.to);
	}
}

function storedStatements(statements: Statement[], shared: SharedValues): Statement[] {
	// One buffer written in place: copies made on the way would share its memory pool and stay with it.
	const store = Buffer.allocUnsafe(statements.reduce((n, s) => n + Buffer.byteLength(s.text, 'utf8'), 0));
	let at = 0;
	return statements.map((s) => {
		const from = at;
		at += store.write(s.text, at, 'utf8');
		return new StoredStatement(s.start, s.end, shared.one(s.kind), shared.one(s.source), s.sourceEntity, shared.indices(s.entities), store, from, at);
	});
}
