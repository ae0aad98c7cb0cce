/**
 * The compact summary the corpus index keeps per file: entity names, types,
 * match keys and mention positions packed in one typed array — not the
 * analysis, not the text — so ten thousand files fit in a few megabytes.
 */
import type { EntityType } from '../analysis';
import { documentFacts, type DocumentFacts } from '../analysis/crossdoc';
import type { DocumentAnalysis } from '../documentAnalysis';
import { entityKeys, nameKey } from '../features/lookup';

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
	/** LSP positions of the offsets `facts` refers to. */
	where?: Map<number, { line: number; character: number }>;
}

/** Summarises one analysis for the index. */
export function summarize(a: DocumentAnalysis): FileSummary {
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
		summary.facts = documentFacts(a.text, a.annotations);
		summary.where = positionsOf(summary.facts, a);
	}
	return summary;
}

function positionsOf(facts: DocumentFacts, a: DocumentAnalysis): Map<number, { line: number; character: number }> {
	const where = new Map<number, { line: number; character: number }>();
	const add = (s: { start: number; end: number }) => {
		if (!where.has(s.start)) where.set(s.start, a.lines.position(s.start));
		if (!where.has(s.end)) where.set(s.end, a.lines.position(s.end));
	};
	facts.statements.forEach(add);
	facts.figures.forEach((f) => add(f.quantity));
	facts.events.forEach((e) => add(e.dateSpan));
	facts.times.forEach(add);
	facts.entities.forEach((e) => add(e.first));
	return where;
}

/** The LSP range of one packed mention. */
export function mentionRange(f: FileSummary, i: number): { start: { line: number; character: number }; end: { line: number; character: number } } {
	const m = f.mentions;
	return { start: { line: m[i * 4], character: m[i * 4 + 1] }, end: { line: m[i * 4 + 2], character: m[i * 4 + 3] } };
}
