/**
 * Entities: named mentions in the body, typed (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, OTHER)
 * and clustered so that one referent is one entity. Two recognisers feed it: the trained tagger
 * proposes spans, and the gazetteers and context rules confirm, correct or add to them.
 */
import type { SeedDocument } from '../document';
import { tagEntities, type NerSpan } from '../ner';
import type { Entity, EntityType } from '../types';
import { clusterEntities } from './cluster';
import { bestEntry, matchGazetteer } from './gazetteer';
import { ruleCandidates, type Candidate } from './rules';

/** Which recognisers run: the rules and gazetteers, the trained tagger, or both (the default). */
export type EntityRecogniser = 'rules' | 'model' | 'both';

export interface EntityOptions {
	entityRecogniser: EntityRecogniser;
}

/** Finds the entities of a document. Never throws. */
export function findEntities(doc: SeedDocument, options: Partial<EntityOptions> = {}): Entity[] {
	const mode = options.entityRecogniser ?? 'both';
	const rules = mode === 'model' ? [] : ruleCandidates(doc);
	const model = mode === 'rules' ? [] : modelCandidates(doc, mode === 'both');
	const merged = mode === 'both' ? merge(rules, model) : [...rules, ...model];
	return clusterEntities(doc, nonOverlapping(merged));
}

const NER_TYPES: Record<NerSpan['type'], EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', NORP: 'NORP', MISC: 'OTHER' };

// The tagger says LOC for every place; the gazetteer tells a country or city (GPE) from a region.
function modelCandidates(doc: SeedDocument, useGazetteer: boolean): Candidate[] {
	return tagEntities(doc).map((s) => {
		let type = NER_TYPES[s.type];
		if (type === 'LOC' && useGazetteer) {
			const m = matchGazetteer(doc.tokens, s.first, s.last);
			if (m.length === 1 && m[0].first === s.first && m[0].last === s.last) type = bestEntry(m[0].entries).type === 'GPE' ? 'GPE' : 'LOC';
		}
		return { first: s.first, last: s.last, type, evidence: [`tagger ${s.type} ${s.score.toFixed(2)}`], strength: s.score };
	});
}

// Sure rules (a country, a demonym, a known organisation, a title before a name) override the
// tagger's type; where they agree the tagger's span stands; weak rule guesses fill gaps only.
function merge(rules: Candidate[], model: Candidate[]): Candidate[] {
	const n = lastToken(rules, model);
	// The rules by token, so the ones overlapping a span are found without scanning them all.
	const byToken: number[][] = [];
	rules.forEach((r, ri) => {
		for (let i = r.first; i < r.last; i++) (byToken[i] ??= []).push(ri);
	});
	const modelCover = cover(n);
	model.forEach(modelCover.add);
	const outCover = cover(n);
	const out: Candidate[] = [];
	const push = (c: Candidate) => {
		out.push(c);
		outCover.add(c);
	};
	for (const m of model) {
		const ids = new Set<number>();
		for (let i = m.first; i < m.last; i++) for (const ri of byToken[i] ?? []) ids.add(ri);
		const inside = [...ids].sort((a, b) => a - b).map((ri) => rules[ri]);
		const same = inside.find((r) => r.first === m.first && r.last === m.last);
		if (same) push(same.strength >= 0.75 || same.type === m.type ? { ...same, evidence: [...same.evidence, ...m.evidence] } : m);
		else if (inside.some((r) => r.strength >= 0.85 && r.type !== m.type)) continue;
		else if (inside.some((r) => r.strength >= 0.7 && r.first <= m.first && r.last >= m.last)) continue;
		else push({ ...m, entry: undefined });
	}
	for (const r of rules) {
		const covered = modelCover.hits(r);
		if (!covered && r.strength >= 0.3) push(r);
		else if (covered && !outCover.hits(r)) push(r);
	}
	return out;
}

// Keeps the stronger (then longer) of two overlapping candidates, in text order.
function nonOverlapping(cands: Candidate[]): Candidate[] {
	const sorted = [...cands].sort((a, b) => b.strength - a.strength || b.last - b.first - (a.last - a.first));
	const taken = cover(lastToken(cands));
	const kept: Candidate[] = [];
	for (const c of sorted) {
		if (taken.hits(c)) continue;
		kept.push(c);
		taken.add(c);
	}
	return kept.sort((a, b) => a.first - b.first);
}

// The tokens already covered by some span: an overlap test costs the span's length, not a scan of
// every span kept so far, so a document with tens of thousands of names stays linear.
function cover(n: number): { hits: (c: Candidate) => boolean; add: (c: Candidate) => void } {
	const used = new Uint8Array(n);
	return {
		hits: (c) => {
			for (let i = c.first; i < c.last; i++) if (used[i]) return true;
			return false;
		},
		add: (c) => void used.fill(1, c.first, c.last),
	};
}

function lastToken(...lists: Candidate[][]): number {
	let n = 0;
	for (const list of lists) for (const c of list) n = Math.max(n, c.last);
	return n;
}
