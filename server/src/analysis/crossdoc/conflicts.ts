/**
 * The rules that make two documents disagree. Precision first: a false
 * conflict costs a fact-checker more than a missed one, so two figures are
 * compared only when they count the same thing in the same unit doing the same
 * (leaving, being there, winning; planned or done: see predicates.ts), their
 * sentences share an entity (or a resolved source), and they belong to the same
 * days; they conflict only when the ranges their wording allows do not meet,
 * and when neither document also gives a figure the other agrees with.
 * Dated events conflict when the same event verb, in sentences about the same
 * entity with the same content, is dated to different days.
 */
import type { DocumentFacts, EventFact, FactEntity, FigureFact, Statement } from './facts';
import { nameKey } from './keys';
import { sameTime } from './predicates';

export interface CrossDocOptions {
	/** Reports more than this many days apart are about different moments: their figures are not compared. */
	windowDays: number;
	/** Share of content words two sentences must have in common to be the same event. */
	eventOverlap: number;
}

export const defaultCrossDocOptions: CrossDocOptions = { windowDays: 7, eventOverlap: 0.25 };

/** A document as the rules see it. */
export interface FactsDoc {
	id: string;
	facts: DocumentFacts;
}

/** One side of a conflict: a figure or a dated event in one document. */
export interface ConflictSide {
	doc: string;
	statement: number;
	/** Index into the document's `figures` or `events`. */
	index: number;
}

export interface Conflict {
	kind: 'figure' | 'date';
	a: ConflictSide;
	b: ConflictSide;
}

const DAY = 86_400_000;
const time = (d: string | null) => (d && /^\d{4}-\d\d-\d\d$/.test(d) ? Date.parse(d + 'T00:00:00Z') : NaN);
const within = (a: string | null, b: string | null, days: number) => Math.abs(time(a) - time(b)) <= days * DAY;

/** The key under which comparable figures are found: what is counted, in which unit, doing what. */
export function figureKey(f: FigureFact): string {
	return `${f.quantity.unit}|${f.quantity.thing}|${f.quantity.predicate?.key ?? ''}`;
}

/** Entity keys of a statement: the entities it mentions and the source it cites. */
export function statementKeys(facts: DocumentFacts, s: Statement): Set<string> {
	const out = new Set<string>();
	const named = (e: FactEntity) => {
		for (const k of e.keys) out.add(k);
		if (e.surname) out.add(e.surname);
	};
	for (const i of s.entities) named(facts.entities[i]);
	if (s.sourceEntity !== null) named(facts.entities[s.sourceEntity]);
	else if (s.source) for (const k of namesIn(s.source)) out.add(k);
	return out;
}

const NAME_RUN = /\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*/gu;
const NOT_NAMES = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'officials', 'police']);

// The names in a source the analysis did not resolve to an entity ("Haftar's forces" → haftar).
function namesIn(source: string): string[] {
	return [...source.matchAll(NAME_RUN)].map((m) => nameKey(m[0].replace(/['’]s$/u, ''))).filter((k) => k.length > 1 && !NOT_NAMES.has(k));
}

function share(a: Set<string>, b: Set<string>): boolean {
	for (const k of a) if (b.has(k)) return true;
	return false;
}

/** True when two figures count the same thing of the same entity at the same time (whatever their values). */
export function comparableFigures(A: FactsDoc, fa: FigureFact, B: FactsDoc, fb: FigureFact, o: CrossDocOptions = defaultCrossDocOptions): boolean {
	if (A.id === B.id || figureKey(fa) !== figureKey(fb)) return false;
	// A set is known by what it does: a figure whose sentence does not say is compared with none.
	const [pa, pb] = [fa.quantity.predicate, fb.quantity.predicate];
	if (!pa || !pb || !sameTime(pa.tense, pb.tense)) return false;
	if (fa.date && fb.date && fa.date !== fb.date) return false;
	if (!within(fa.date ?? A.facts.date, fb.date ?? B.facts.date, o.windowDays)) return false;
	return share(statementKeys(A.facts, A.facts.statements[fa.statement]), statementKeys(B.facts, B.facts.statements[fb.statement]));
}

/** True when the ranges two figures allow do not meet. */
export function disagree(fa: FigureFact, fb: FigureFact): boolean {
	const a = fa.quantity;
	const b = fb.quantity;
	return a.hi < b.lo || b.hi < a.lo;
}

// A figure the other document agrees with somewhere (it gives several counts, one of them this one's).
function supported(X: FactsDoc, f: FigureFact, Y: FactsDoc, o: CrossDocOptions): boolean {
	return Y.facts.figures.some((g) => comparableFigures(X, f, Y, g, o) && !disagree(f, g));
}

/** The conflicting figures between two documents. */
export function figureConflicts(A: FactsDoc, B: FactsDoc, o: CrossDocOptions = defaultCrossDocOptions): Conflict[] {
	const out: Conflict[] = [];
	const seen = new Set<string>();
	A.facts.figures.forEach((fa, i) => {
		B.facts.figures.forEach((fb, j) => {
			if (!comparableFigures(A, fa, B, fb, o) || !disagree(fa, fb)) return;
			if (supported(A, fa, B, o) || supported(B, fb, A, o)) return;
			const key = `${fa.statement}/${fb.statement}/${figureKey(fa)}`;
			if (seen.has(key)) return;
			seen.add(key);
			out.push({ kind: 'figure', a: { doc: A.id, statement: fa.statement, index: i }, b: { doc: B.id, statement: fb.statement, index: j } });
		});
	});
	return out;
}

/** True when two dated events are the same event (whatever their dates). */
export function sameEvent(A: FactsDoc, ea: EventFact, B: FactsDoc, eb: EventFact, o: CrossDocOptions = defaultCrossDocOptions): boolean {
	if (A.id === B.id || ea.verb !== eb.verb) return false;
	if (!within(ea.date, eb.date, o.windowDays) || !within(A.facts.date, B.facts.date, o.windowDays)) return false;
	if (!share(statementKeys(A.facts, A.facts.statements[ea.statement]), statementKeys(B.facts, B.facts.statements[eb.statement]))) return false;
	// What happened, beyond who and the verb: at least two words in common, and a fair share of them.
	const sb = new Set(eb.words);
	const common = ea.words.filter((w) => sb.has(w)).length;
	return common >= 2 && common / new Set([...ea.words, ...eb.words]).size >= o.eventOverlap;
}

/** The same event dated to different days in two documents. */
export function dateConflicts(A: FactsDoc, B: FactsDoc, o: CrossDocOptions = defaultCrossDocOptions): Conflict[] {
	const out: Conflict[] = [];
	A.facts.events.forEach((ea, i) => {
		B.facts.events.forEach((eb, j) => {
			if (ea.date === eb.date || !sameEvent(A, ea, B, eb, o)) return;
			// Either document also dates it the other's way: two events, or a correction, not a disagreement.
			if (B.facts.events.some((x) => x.date === ea.date && sameEvent(A, ea, B, x, o))) return;
			if (A.facts.events.some((x) => x.date === eb.date && sameEvent(A, x, B, eb, o))) return;
			out.push({ kind: 'date', a: { doc: A.id, statement: ea.statement, index: i }, b: { doc: B.id, statement: eb.statement, index: j } });
		});
	});
	return out;
}

/** Every conflict between two documents. */
export function conflictsBetween(A: FactsDoc, B: FactsDoc, o: CrossDocOptions = defaultCrossDocOptions): Conflict[] {
	return [...figureConflicts(A, B, o), ...dateConflicts(A, B, o)];
}
