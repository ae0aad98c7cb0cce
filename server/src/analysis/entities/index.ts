/**
 * Entities: named mentions in the body, typed (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, OTHER)
 * and clustered so that one referent is one entity. Two recognisers feed it: the trained tagger
 * proposes spans, and the gazetteers and context rules confirm, correct or add to them.
 */
import type { SeedDocument, Token } from '../document';
import { modelCallerFeatures, tagEntities, type NerSpan } from '../ner';
import type { Entity, EntityType } from '../types';
import { clusterEntities } from './cluster';
import { bestEntry, gazetteerFeatures, lookup, matchGazetteer } from './gazetteer';
import { attachRoles } from './roles';
import { ruleCandidates, type Candidate } from './rules';
import { isCommonWord, isOrdinaryWord } from './words';

/** Which recognisers run: the rules and gazetteers, the trained tagger, or both (the default). */
export type EntityRecogniser = 'rules' | 'model' | 'both';

export interface EntityOptions {
	entityRecogniser: EntityRecogniser;
}

/** Finds the entities of a document. Never throws. */
export function findEntities(doc: SeedDocument, options: Partial<EntityOptions> = {}): Entity[] {
	const mode = options.entityRecogniser ?? 'both';
	const reading = mode === 'model' ? { candidates: [], notNames: new Set<number>() } : ruleCandidates(doc);
	const rules = reading.candidates;
	const model = mode === 'rules' ? [] : modelCandidates(doc, mode === 'both');
	const inNames = namesOfSeveralWords(doc, rules);
	const merged =
		mode === 'both'
			? merge(
					rules.filter((r) => !ordinaryGuess(doc, r, inNames)),
					model.filter((m) => !vetoed(m, reading.notNames)),
				)
			: [...rules, ...model];
	const kept = withoutTermAcronyms(doc, nonOverlapping(merged));
	return clusterEntities(doc, attachRoles(doc, datelines(doc, teams(doc, listedPlaces(doc, withoutFragments(doc, kept))))));
}

const NER_TYPES: Record<NerSpan['type'], EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', NORP: 'NORP', MISC: 'OTHER' };

// The tagger says LOC for every place; the gazetteer tells a country or city (GPE) from a region.
function modelCandidates(doc: SeedDocument, useGazetteer: boolean): Candidate[] {
	const out: Candidate[] = [];
	for (const s of tagEntities(doc, taggerGazetteer(doc))) {
		// A span covers the name only: no apostrophe of "Airbus' plant", no bracket or quote.
		let first = s.first,
			last = s.last;
		while (last > first && doc.tokens[last - 1].kind === 'punct') last--;
		while (first < last && doc.tokens[first].kind === 'punct') first++;
		if (last - first >= 2 && doc.tokens[first].form.lower === 'the' && !placeWithArticle(doc, first, last)) first++;
		if (first === last) continue;
		let type = NER_TYPES[s.type];
		if (type === 'LOC' && useGazetteer) {
			const m = matchGazetteer(doc.tokens, first, last);
			if (m.length === 1 && m[0].first === first && m[0].last === last) type = bestEntry(m[0].entries).type === 'GPE' ? 'GPE' : 'LOC';
		}
		out.push({ first, last, type, evidence: [], readings: [{ type: s.type, best: Math.round(s.score * 1000) / 1000, readings: 1 }], strength: s.score });
	}
	return out;
}

// The gazetteer's features for the tagger, when the bundled model was trained with them.
function taggerGazetteer(doc: SeedDocument): ((token: unknown, i: number) => string[]) | undefined {
	if (modelCallerFeatures() !== 'gazetteer') return undefined;
	const byToken: string[][] = [];
	for (const s of doc.sentences) gazetteerFeatures(doc.tokens, s.first, s.last).forEach((f, k) => (byToken[s.first + k] = f));
	return (_token, i) => byToken[i] ?? [];
}

// "The Hague", "The Gambia": places whose names begin with the article.
function placeWithArticle(doc: SeedDocument, first: number, last: number): boolean {
	const m = matchGazetteer(doc.tokens, first, last)[0];
	return m !== undefined && m.first === first && bestEntry(m.entries).type !== 'ORG';
}

// "(Extra) Wide Body": a rule's bare guess made of ordinary words only. Where the tagger runs and
// sees no name there either, it is none (a guess the tagger shares survives the merge).
// A word met inside a longer name the rules are sure of ("Saturn" of "Saturn Corporation") is a name's word here too.
function ordinaryGuess(doc: SeedDocument, r: Candidate, inNames: () => Map<string, number[]>): boolean {
	if (r.strength >= 0.5 || r.entry || r.end !== undefined) return false;
	for (let i = r.first; i < r.last; i++) {
		const w = doc.tokens[i].text;
		if (!isCommonWord(w) && !isOrdinaryWord(w)) return false;
	}
	for (let i = r.first; i < r.last; i++)
		if (
			inNames()
				.get(doc.tokens[i].form.lower)
				?.some((first) => first !== r.first)
		)
			return false;
	return true;
}

// For each word, the first tokens of the fairly sure candidates of two words or more it is in, worked out on first use.
function namesOfSeveralWords(doc: SeedDocument, cands: Candidate[]): () => Map<string, number[]> {
	let words: Map<string, number[]> | undefined;
	return () => {
		if (words) return words;
		const map = (words = new Map<string, number[]>());
		for (const c of cands)
			if (c.last - c.first >= 2 && c.strength >= 0.5)
				for (let i = c.first; i < c.last; i++) {
					const w = doc.tokens[i].form.lower;
					map.set(w, [...(map.get(w) ?? []), c.first]);
				}
		return map;
	};
}

const IN_ACRONYM = new Set(['and', '&', 'of', 'for', 'the', ',', '-']);

// "maintenance, repair and overhaul (MRO)": an acronym in brackets whose letters are the initials of
// the words before it, where those words name nothing, is a term, not a name.
function withoutTermAcronyms(doc: SeedDocument, cands: Candidate[]): Candidate[] {
	const { tokens } = doc;
	const covered = new Set<number>();
	for (const c of cands) for (let i = c.first; i < c.last; i++) covered.add(i);
	return cands.filter((c) => {
		const t = tokens[c.first];
		if (c.last - c.first !== 1 || c.entry || !ACRONYM_WORD.test(t.text) || tokens[c.first - 1]?.text !== '(' || tokens[c.last]?.text !== ')') return true;
		let letters = '';
		for (let i = c.first - 2; i >= 0 && letters.length < t.text.length; i--) {
			if (covered.has(i)) return true;
			const w = tokens[i];
			if (IN_ACRONYM.has(w.form.lower)) continue;
			if (w.kind !== 'word') return true;
			letters =
				w.text
					.split('-')
					.map((part) => part.charAt(0).toUpperCase())
					.join('') + letters;
		}
		return letters !== t.text;
	});
}

// A tagger span on money, units, a lone title or an ordinary word the rules set aside is dropped.
function vetoed(m: Candidate, notNames: Set<number>): boolean {
	for (let i = m.first; i < m.last; i++) if (notNames.has(i)) return true;
	return false;
}

// Sure rules (a country, a demonym, a known organisation, a title before a name) override the
// tagger's type and span; where the rules only guess, the tagger decides; each fills the other's gaps.
function merge(rules: Candidate[], model: Candidate[]): Candidate[] {
	const out: Candidate[] = [];
	const taken = cover(lastToken(rules, model));
	const push = (c: Candidate) => {
		out.push(c);
		taken.add(c);
	};
	const overlapping = rulesByToken(rules);
	const used = new Set<Candidate>();
	for (const m of model) {
		const inside = overlapping(m);
		const pick = choose(m, inside);
		for (const r of inside) if (pick.includes(r) || pick.length) used.add(r);
		pick.forEach(push);
	}
	for (const r of rules) if (!used.has(r) && !taken.hits(r) && r.strength >= MIN_RULE_ALONE) push(r);
	return out;
}

// The rules overlapping a span, in their order, found through the tokens they cover rather than
// by scanning every rule (which made a document of thousands of names quadratic).
function rulesByToken(rules: Candidate[]): (m: Candidate) => Candidate[] {
	const byToken: number[][] = [];
	rules.forEach((r, ri) => {
		for (let i = r.first; i < r.last; i++) (byToken[i] ??= []).push(ri);
	});
	return (m) => {
		const ids = new Set<number>();
		for (let i = m.first; i < m.last; i++) for (const ri of byToken[i] ?? []) ids.add(ri);
		return [...ids].sort((a, b) => a - b).map((ri) => rules[ri]);
	};
}

/** Weak rule guesses the tagger saw nothing in are still kept from this strength up. */
const MIN_RULE_ALONE = 0.2;

// What stands where a tagger span meets the rule candidates that overlap it.
function choose(m: Candidate, rules: Candidate[]): Candidate[] {
	const score = m.strength;
	if (!rules.length) return m.type === 'OTHER' && score < 0.5 ? [] : [m];
	const same = rules.find((r) => r.first === m.first && r.last === m.last);
	// The rules' reasons and the tagger's readings, together.
	const both = (r: Candidate) => ({ evidence: [...r.evidence, ...m.evidence], readings: [...(r.readings ?? []), ...(m.readings ?? [])] });
	if (same) {
		// The tagger says LOC for every place: where the rules read a town or region (GPE), that stands.
		if (same.strength >= 0.75 || same.type === m.type) return [{ ...same, ...both(same) }];
		if (same.type === 'GPE' && m.type === 'LOC') return [{ ...same, ...both(same), strength: Math.max(same.strength, score) }];
		// A lone unknown word the tagger calls a person is more often a company in business news.
		if (m.type === 'PERSON' && m.last - m.first === 1 && (score < 0.7 || same.evidence.includes('acronym'))) return [same];
		return score >= 0.5 ? [{ ...m, ...both(same) }] : [same];
	}
	const covers = rules.every((r) => r.first >= m.first && r.last <= m.last);
	if (covers) {
		if (rules.some((r) => r.strength >= 0.75 && r.type !== m.type) || m.type === 'OTHER') return rules;
		return [
			{ ...m, evidence: [...rules.flatMap((r) => r.evidence), ...m.evidence], readings: [...rules.flatMap((r) => r.readings ?? []), ...(m.readings ?? [])] },
		];
	}
	// The tagger's span cuts a rule's name or sits inside it: the rule's reading stands unless it was a guess.
	const weak = rules.every((r) => r.strength < 0.5);
	return weak && score >= 0.6 && rules.length === 1 && m.first >= rules[0].first && m.last <= rules[0].last ? [m] : rules;
}

// Keeps the stronger (then longer) of two overlapping candidates, in text order.
function nonOverlapping(cands: Candidate[]): Candidate[] {
	const sorted = [...cands].sort((a, b) => b.strength - a.strength || b.last - b.first - (a.last - a.first));
	const n = lastToken(cands);
	const taken = cover(n);
	// Kept candidates never overlap, so each starts at its own token: placed by their first token, they come out in text order.
	const byFirst = new Array<Candidate | undefined>(n).fill(undefined);
	for (const c of sorted) {
		if (taken.hits(c)) continue;
		byFirst[c.first] = c;
		taken.add(c);
	}
	return byFirst.filter((c): c is Candidate => c !== undefined);
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

const DASHES = new Set(['—', '–', '-', '--']);
const UPPER_WORD = /^\p{Lu}[\p{Lu}.'’-]*$/u;
const titleCase = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();

// "NAIROBI, Kenya (AP) —", "GENEVA —": a paragraph that opens with a place in capitals and a dash
// names where the story was filed. The place is a GPE (in the gazetteer or not), never an acronym.
function datelines(doc: SeedDocument, cands: Candidate[]): Candidate[] {
	const { tokens } = doc;
	const found: Candidate[] = [];
	let p = -1;
	for (const s of doc.sentences) {
		if (s.paragraph === p) continue;
		p = s.paragraph;
		let end = s.first;
		while (end < s.last && end - s.first < 4 && tokens[end].kind === 'word' && UPPER_WORD.test(tokens[end].text) && tokens[end].text.length > 1) end++;
		if (end === s.first) continue;
		// "PASADENA, Calif. —": an abbreviation's full stop may end the sentence before the dash.
		const to = tokens[s.last - 1]?.text === '.' && DASHES.has(tokens[s.last]?.text ?? '') ? s.last + 1 : s.last;
		const dash = [...tokens.slice(end, Math.min(to, end + 12))].findIndex((t) => DASHES.has(t.text));
		if (dash < 0 || (dash > 0 && tokens[end].text !== ',' && tokens[end].text !== '(')) continue;
		const name = tokens
			.slice(s.first, end)
			.map((t) => titleCase(t.text))
			.join(' ');
		const places = lookup(name).filter((e) => e.type === 'GPE' || e.type === 'LOC');
		const entry = places.length ? bestEntry(places) : undefined;
		found.push({
			first: s.first,
			last: end,
			type: entry?.type ?? 'GPE',
			evidence: ['dateline', ...(entry ? [`gazetteer: ${entry.kind}`] : [])],
			entry,
			strength: 0.95,
		});
		const region = datelineRegion(tokens, end, to);
		if (region) found.push(region);
	}
	if (!found.length) return cands;
	const out = cands.filter((c) => !found.some((d) => c.first < d.last && d.first < c.last));
	return [...out, ...found].sort((a, b) => a.first - b.first);
}

// "PASADENA, Calif. —", "BLACKBURN, England —", "NAIROBI, Kenya (AP) —": the words between the place's
// comma and the dash or the agency are its state or country, a GPE, with an abbreviation's full stop.
function datelineRegion(tokens: Token[], comma: number, to: number): Candidate | undefined {
	if (tokens[comma]?.text !== ',') return undefined;
	let k = comma + 1;
	while (k < to && k - comma <= 3 && tokens[k].kind === 'word' && /^\p{Lu}/u.test(tokens[k].text)) k++;
	if (k === comma + 1) return undefined;
	if (tokens[k]?.text === '.' && tokens[k].start === tokens[k - 1].end) k++;
	if (k >= to || !(DASHES.has(tokens[k].text) || tokens[k].text === '(')) return undefined;
	const name = tokens
		.slice(comma + 1, k)
		.filter((t) => t.kind === 'word')
		.map((t) => t.text)
		.join(' ');
	const places = lookup(name).filter((e) => e.type === 'GPE');
	const entry = places.length ? bestEntry(places) : undefined;
	return { first: comma + 1, last: k, type: 'GPE', evidence: ['dateline', ...(entry ? [`gazetteer: ${entry.kind}`] : [])], entry, strength: 0.9 };
}

const ACRONYM_WORD = /^\p{Lu}{2,}$/u;

// "the Telescope" after "the Giant Magellan Telescope": the head word of a longer name, standing alone
// after "the", refers back to some name of that kind and is no entity of its own (nor one to merge).
function withoutFragments(doc: SeedDocument, cands: Candidate[]): Candidate[] {
	const heads = new Set<string>();
	for (const c of cands) if (c.last - c.first >= 2 && c.end === undefined) heads.add(doc.tokens[c.last - 1].form.lower);
	if (!heads.size) return cands;
	return cands.filter((c) => {
		if (c.last - c.first !== 1 || c.entry || c.end !== undefined || c.type === 'PERSON') return true;
		const t = doc.tokens[c.first];
		return ACRONYM_WORD.test(t.text) || !heads.has(t.form.lower) || doc.tokens[c.first - 1]?.form.lower !== 'the';
	});
}

const PLACE_PREPOSITIONS = new Set(['in', 'from', 'near', 'across', 'to', 'between', 'around', 'at', 'outside', 'through']);
const LIST_JOINS = new Set(['and', 'or', ',']);
const isPlace = (c: Candidate | undefined) => c !== undefined && (c.type === 'GPE' || c.type === 'LOC') && c.strength >= 0.5;

// "in Kibera and Mathare", "from Tipperary, Kerry and Clare": an unknown name the rules only guessed at,
// listed with a place after a place preposition, is a place of the same type.
function listedPlaces(doc: SeedDocument, cands: Candidate[]): Candidate[] {
	const { tokens } = doc;
	const word = (i: number) => tokens[i]?.form.lower ?? '';
	const out = [...cands];
	// Left to right, so a list's later names see the types given to earlier ones.
	for (let k = 0; k < out.length; k++) {
		const c = out[k];
		if (c.strength >= 0.5 || c.type === 'PERSON' || c.type === 'GPE' || c.type === 'LOC') continue;
		const prev = out[k - 1],
			next = out[k + 1];
		const joinedPrev = prev && prev.last === c.first - 1 && LIST_JOINS.has(word(prev.last));
		const joinedNext = next && next.first === c.last + 1 && LIST_JOINS.has(word(c.last));
		const place = joinedPrev && isPlace(prev) ? prev : joinedNext && isPlace(next) ? next : undefined;
		if (!place) continue;
		// The list starts after a place preposition: walk back over the names and joins before it.
		let j = k;
		while (j > 0 && out[j - 1].last === out[j].first - 1 && LIST_JOINS.has(word(out[j - 1].last))) j--;
		if (!PLACE_PREPOSITIONS.has(word(out[j].first - 1))) continue;
		const name = doc.text.slice(tokens[place.first].start, tokens[place.last - 1].end);
		out[k] = { ...c, type: place.type, evidence: [`listed with the place ‘${name}’`, ...c.evidence], strength: 0.5 };
	}
	return out;
}

const SPORT_WORDS = new Set([
	'match',
	'goal',
	'goals',
	'scored',
	'striker',
	'midfielder',
	'goalkeeper',
	'league',
	'cup',
	'fixture',
	'penalty',
	'half-time',
	'halftime',
	'stoppage',
	'relegation',
	'promoted',
	'playoff',
	'playoffs',
	'innings',
	'wicket',
	'touchdown',
	'quarterback',
	'coach',
	'season',
	'squad',
	'stadium',
	'kick-off',
	'derby',
	'draw',
	'drew',
	'defender',
	'winger',
	'referee',
	'title',
]);
const MATCH_VERBS = new Set([
	'beat',
	'beats',
	'scored',
	'scores',
	'drew',
	'draws',
	'lost',
	'loses',
	'won',
	'wins',
	'defeated',
	'thrashed',
	'hosted',
	'hosts',
	'face',
	'faces',
	'faced',
	'edged',
]);

// Lower-case words that describe a side in a match report, between the verb and the name.
const SIDE_DESCRIPTIONS = new Set([
	'league',
	'leaders',
	'champions',
	'holders',
	'rivals',
	'hosts',
	'visitors',
	'neighbours',
	'neighbors',
	'favourites',
	'favorites',
	'opponents',
	'title',
	'defending',
	'cup',
]);

// Words before "with", "to", "against" or "over" that make the name after it the other side: "drew with Sevilla".
const SIDE_BEFORE = new Set([...MATCH_VERBS, 'victory', 'win', 'defeat', 'draw', 'loss', 'game', 'match', 'tie', 'clash', 'play', 'played', 'plays']);
const SIDE_PREPOSITIONS = new Set(['with', 'to', 'against', 'over']);

// A side in a match: the name before or after a match verb, or after "drew with", "lost to", "a win over".
function matchSide(doc: SeedDocument, c: Candidate): boolean {
	const word = (i: number) => doc.tokens[i]?.form.lower ?? '';
	// "beat league leaders Castleford City", "lost to champions Harlow Town": a side's description between.
	let before = c.first - 1;
	while (before > c.first - 3 && SIDE_DESCRIPTIONS.has(word(before))) before--;
	if (MATCH_VERBS.has(word(c.last)) || MATCH_VERBS.has(word(before))) return true;
	return SIDE_PREPOSITIONS.has(word(c.first - 1)) && SIDE_BEFORE.has(word(c.first - 2));
}

// "Leeds United beat Kerala Blasters … Leeds scored twice": in a match report a town named alone
// where a club named after it plays, or as a side that beat, scored or lost, is the club; so is a
// name read as a place only for its last word ("Manchester City").
function teams(doc: SeedDocument, cands: Candidate[]): Candidate[] {
	let cues = 0;
	for (const t of doc.tokens) if (SPORT_WORDS.has(t.form.lower) && ++cues >= 2) break;
	if (cues < 2) return cands;
	const clubs = new Map<string, string>();
	for (const c of cands)
		if (c.type === 'ORG' && c.last - c.first >= 2) {
			const w = doc.tokens[c.first].form.lower;
			if (!clubs.has(w)) clubs.set(w, doc.text.slice(doc.tokens[c.first].start, doc.tokens[c.last - 1].end));
		}
	// Words of the people named in full: "Bobby Charlton" keeps "Charlton" a person.
	const people = new Set<string>();
	for (const c of cands) if (c.type === 'PERSON' && c.last - c.first >= 2) for (let k = c.first; k < c.last; k++) people.add(doc.tokens[k].form.lower);
	return cands.map((c) => {
		// "Charlton Athletic … Charlton had led": a town named like a surname, alone and read as a person by the
		// tagger only, is the club named after it.
		if (c.type === 'PERSON' && c.last - c.first === 1 && c.evidence.every((x) => x === 'capitalised name') && !c.role) {
			const w = doc.tokens[c.first].form.lower;
			const club = clubs.get(w);
			if (!club || people.has(w)) return c;
			return { ...c, type: 'ORG', evidence: [`team named after the place, as ‘${club}’ (sports context)`], strength: Math.max(c.strength, 0.8) };
		}
		if (c.type !== 'GPE' || (c.entry && c.entry.kind === 'country')) return c;
		if (c.last - c.first !== 1 && (c.entry || !c.evidence.some((x) => x.startsWith('place word')))) return c;
		const w = doc.tokens[c.first].form.lower;
		const club = c.last - c.first === 1 ? clubs.get(w) : undefined;
		const verb = matchSide(doc, c);
		if (!club && !verb) return c;
		const why = club ? `team named after the place, as ‘${club}’ (sports context)` : 'place name as a side in a match (sports context)';
		return { ...c, type: 'ORG', entry: undefined, evidence: [why, ...c.evidence], strength: Math.max(c.strength, 0.8) };
	});
}
