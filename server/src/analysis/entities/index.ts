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

const overlaps = (a: Candidate, b: Candidate) => a.first < b.last && b.first < a.last;

// Sure rules (a country, a demonym, a known organisation, a title before a name) override the
// tagger's type; where they agree the tagger's span stands; weak rule guesses fill gaps only.
function merge(rules: Candidate[], model: Candidate[]): Candidate[] {
	const out: Candidate[] = [];
	for (const m of model) {
		const inside = rules.filter((r) => overlaps(r, m));
		const same = inside.find((r) => r.first === m.first && r.last === m.last);
		if (same) out.push(same.strength >= 0.75 || same.type === m.type ? { ...same, evidence: [...same.evidence, ...m.evidence] } : m);
		else if (inside.some((r) => r.strength >= 0.85 && r.type !== m.type)) continue;
		else if (inside.some((r) => r.strength >= 0.7 && r.first <= m.first && r.last >= m.last)) continue;
		else out.push({ ...m, entry: undefined });
	}
	for (const r of rules) {
		const covered = model.some((m) => overlaps(r, m));
		if (!covered && r.strength >= 0.3) out.push(r);
		else if (covered && !out.some((o) => overlaps(o, r))) out.push(r);
	}
	return out;
}

// Keeps the stronger (then longer) of two overlapping candidates, in text order.
function nonOverlapping(cands: Candidate[]): Candidate[] {
	const sorted = [...cands].sort((a, b) => b.strength - a.strength || b.last - b.first - (a.last - a.first));
	const kept: Candidate[] = [];
	for (const c of sorted) if (!kept.some((k) => overlaps(k, c))) kept.push(c);
	return kept.sort((a, b) => a.first - b.first);
}
