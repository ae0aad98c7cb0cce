/**
 * Rule-based entity candidates: capitalised name chunks in each sentence, cut and typed by the
 * gazetteer and by context (titles before a name, organisation and place head words, verbs of
 * saying after it). Ordinary words that start a sentence, months and weekdays are not names.
 */
import { type SeedDocument, type Token } from '../document';
import type { EntityType, TaggerReading } from '../types';
import { capitalisedInside, chunks, lower, noName, trimEnd, trimStart, type Unit } from './chunks';
import { bestEntry, lookup, matchGazetteer, type GazEntry, type GazMatch } from './gazetteer';
import {
	CORP_SUFFIXES,
	FAC_OF_HEADS,
	DISEASE_NOUNS,
	DISEASES,
	EPONYM_DISEASES,
	EVENT_HEADS,
	CENTRE_FIELDS,
	FAC_HEADS,
	INSTITUTION_CENTRES,
	FAC_NOUNS,
	ORG_NOUNS,
	AT_ORG_PEOPLE,
	PRODUCT_NOUNS,
	FIRST_NAMES,
	GENERIC_TAILS,
	GEO_MODIFIERS,
	GPE_HEADS,
	GPE_PREFIXES,
	HOLIDAYS,
	ILLNESS_HEADS,
	LAST_NAMES,
	LOC_HEADS,
	LOC_PREFIXES,
	ORG_HEADS,
	OTHER_HEADS,
	SPEECH_VERBS,
	TITLE_HEADS,
	isCommonWord,
	isOrdinaryWord,
	inTitle,
	isTitleLower,
} from './words';

/** A typed span of tokens `[first, last)` proposed as an entity mention. */
export interface Candidate {
	first: number;
	last: number;
	type: EntityType;
	evidence: string[];
	/** The tagger's readings of the span, when it tagged it. */
	readings?: TaggerReading[];
	entry?: GazEntry;
	/** 0..1: how sure the rule is; weak guesses yield to the tagger and to clustering. */
	strength: number;
	/** Set when the name is only the start of its token: "NATO" of "NATO-backed" ends here. */
	end?: number;
	/** A person's title and organisation, read around the name (see roles.ts). */
	role?: string;
}

/** The rules' reading of a document: candidates, and the tokens they know are no names. */
export interface RuleReading {
	candidates: Candidate[];
	/** Token indices of money and units ("US$", "UTC"), lone titles and ordinary capitalised words. */
	notNames: Set<number>;
}

/** Finds the rule-based candidates of a document, sentence by sentence. */
export function ruleCandidates(doc: SeedDocument): RuleReading {
	const out: Candidate[] = [];
	const notNames = new Set<number>();
	const casing = capitalisedInside(doc);
	const all = doc.sentences.map((s) => chunks(doc.tokens, s.first, s.last, matchGazetteer(doc.tokens, s.first, s.last), notNames));
	for (const cs of all) for (const c of cs) if (c.length > 1 && ORG_HEADS.has(lastWord(doc.tokens, c))) casing.orgStarts.add(lower(doc.tokens[c[0].first]));
	doc.sentences.forEach((s, k) => {
		for (const chunk of all[k]) {
			const units = trimEnd(doc.tokens, trimStart(doc.tokens, chunk, s.first, casing.caps));
			const before = out.length;
			if (units.length && !noName(doc.tokens, units, s.first, casing)) classify(doc.tokens, units, out);
			// Ordinary words and titles the rules left out of every name are no names; an unknown word
			// left out only for opening a sentence stays open to the tagger ("Kadyrov denied…").
			const made = out.slice(before);
			for (const u of chunk)
				for (let i = u.first; i < u.last; i++) {
					const w = doc.tokens[i].text;
					if (!made.some((c) => c.first <= i && i < c.last) && (isCommonWord(w) || isTitleLower(lower(doc.tokens[i])) || casing.low.has(lower(doc.tokens[i]))))
						notNames.add(i);
					// "Mobile phones were banned": an ordinary word capitalised only where a sentence starts.
					else if (i === s.first && !made.some((c) => c.first <= i && i < c.last) && isOrdinaryWord(w) && !casing.caps.has(lower(doc.tokens[i])))
						notNames.add(i);
				}
		}
	});
	return { candidates: out, notNames };
}

const span = (units: Unit[]) => ({ first: units[0].first, last: units[units.length - 1].last });
const lastWord = (tokens: Token[], units: Unit[]) => lower(tokens[units[units.length - 1].last - 1]);

const CAPITALS = /^\p{Lu}{2,}$/u;
const HYPHENED = /^\p{Lu}[\p{L}.]*-\p{Ll}+$/u;

// "NATO-backed", "Haftar-led", "U.S.-based": the name before the hyphen is a mention of its own.
function hyphened(tokens: Token[], i: number): Candidate {
	const t = tokens[i];
	const name = t.text.slice(0, t.text.indexOf('-', 1));
	const end = t.start + name.length;
	const entries = lookup(name).filter((e) => e.surface.join('') === name || e.surface.join(' ') === name);
	if (entries.length) {
		const e = bestEntry(entries);
		return {
			first: i,
			last: i + 1,
			type: e.type,
			evidence: [`gazetteer: ${e.kind}`, `name before ‘${t.text.slice(name.length)}’`],
			entry: e,
			strength: 0.85,
			end,
		};
	}
	const acronym = CAPITALS.test(name);
	return {
		first: i,
		last: i + 1,
		type: 'ORG',
		evidence: [acronym ? 'acronym' : 'capitalised name', `name before ‘${t.text.slice(name.length)}’`],
		strength: acronym ? 0.5 : 0.2,
		end,
	};
}

/** Types one chunk, pushing one or more candidates. */
function classify(tokens: Token[], units: Unit[], out: Candidate[], part = false): void {
	const { first, last } = span(units);
	const sick = illness(tokens, units);
	if (sick) return void out.push({ first, last, type: 'OTHER', evidence: [sick], strength: 0.8 });
	if (units.length === 1 && units[0].match) return void out.push(fromGazetteer(tokens, units[0].match));
	if (units.length === 1 && HYPHENED.test(tokens[first].text)) return void out.push(hyphened(tokens, first));
	// "Microsoft-owned LinkedIn", "Kremlin-backed Russia Today": the owner is its own mention, not part of the name after it.
	if (units.length > 1 && !units[0].match && units[0].last - units[0].first === 1 && HYPHENED.test(tokens[first].text)) {
		out.push(hyphened(tokens, first));
		return classify(tokens, units.slice(1), out, true);
	}
	// What is left of a chunk after a known name may be an ordinary word: "US Government".
	if (part && units.length === 1 && isCommonWord(tokens[first].text) && !CAPITALS.test(tokens[first].text)) return;
	if (airlineFlight(tokens, units, out) || basedPlace(tokens, units, out) || countryInstitution(units, out) || splitAtStanding(tokens, units, out)) return;
	const head = lastWord(tokens, units);
	const headText = tokens[last - 1].text;
	const special = specialName(tokens, first, last);
	if (special && units.length > 1 && units[0].match && special.type !== 'PERSON' && bestEntry(units[0].match.entries).type !== 'ORG') {
		// "United States Dow Jones Industrial Average": the place stays a place.
		out.push(fromGazetteer(tokens, units[0].match));
		return classify(tokens, units.slice(1), out, true);
	}
	if (special) return void out.push(special);
	const ofName = namedOf(tokens, units);
	if (ofName) return void out.push(ofName);
	if (last - first >= 2 && (ORG_HEADS.has(head) || CORP_SUFFIXES.has(head)) && !units[units.length - 1].match) {
		return void out.push({ first, last, type: 'ORG', evidence: [`organisation word ‘${headText}’`], strength: 0.8 });
	}
	if (last - first >= 2 && INSTITUTION_CENTRES.has(head) && CENTRE_FIELDS.has(lower(tokens[last - 2])) && !units[units.length - 1].match)
		return void out.push({ first, last, type: 'ORG', evidence: [`institution ‘${tokens[last - 2].text} ${headText}’`], strength: 0.8 });
	const headType = last - first >= 2 && !units[units.length - 1].match ? placeHead(head, lower(tokens[first])) : undefined;
	if (headType)
		return void out.push({ first, last, type: headType, evidence: [`${headType === 'EVENT' ? 'event' : 'place'} word ‘${headText}’`], strength: 0.8 });
	if (splitAtTitle(tokens, units, out)) return;
	if (splitAtGazetteer(tokens, units, out)) return;
	out.push(unknownName(tokens, first, last));
}

const POSSESSIVE = /^['’]s$/;

// "Lyme disease", "the Marburg virus", "Zika cases", "Ebola", "Alzheimer's": an illness, not a place,
// company or person. A known place needs an illness word after it ("Uganda cases" are Uganda's).
function illness(tokens: Token[], units: Unit[]): string | undefined {
	const { first, last } = span(units);
	const possessive = POSSESSIVE.test(tokens[last]?.text ?? '');
	const noun = lower(tokens[possessive ? last + 1 : last] ?? tokens[first]);
	const name = lower(tokens[last - 1]);
	if (last - first === 1 && DISEASES.has(name)) return 'illness';
	if (last - first === 1 && possessive && EPONYM_DISEASES.has(name)) return `illness ‘${tokens[first].text}’s’`;
	if (ILLNESS_HEADS.has(noun) && tokens[possessive ? last + 1 : last] !== undefined) return `name before ‘${noun}’`;
	const known = units.some((u) => u.match);
	return !known && DISEASE_NOUNS.has(noun) && tokens[last] !== undefined && !POSSESSIVE.test(tokens[last].text) ? `name before ‘${noun}’` : undefined;
}

// Words for a club's standing in a competition: "Serie A Winners Napoli", "the Bundesliga Champions".
const STANDINGS = new Set(['winners', 'winner', 'champions', 'champion', 'holders', 'leaders', 'runners-up', 'finalists', 'semi-finalists']);
// Words after which they are part of a competition's name: "Champions League", "Winners Cup".
const COMPETITION_HEADS = new Set(['league', 'cup', 'trophy', 'series', 'tour', 'shield', 'trophies', 'cups']);

// A standing inside a capitalised run is a description, like a title: the competition before it and
// the club after it are names of their own, the standing is neither.
function splitAtStanding(tokens: Token[], units: Unit[], out: Candidate[]): boolean {
	const k = units.findIndex(
		(u, j) => !u.match && STANDINGS.has(lower(tokens[u.first])) && (j === units.length - 1 || !COMPETITION_HEADS.has(lower(tokens[units[j + 1].first]))),
	);
	if (k < 0 || units.length === 1) return false;
	if (k > 0) classify(tokens, units.slice(0, k), out, true);
	if (k < units.length - 1) classify(tokens, units.slice(k + 1), out, true);
	return true;
}

// "Kenya Airways Flight 507", "Rosa Air Flight 310": the words before "Flight" and its number name
// the airline (the flight itself is no entity, and a given name there is no person).
function airlineFlight(tokens: Token[], units: Unit[], out: Candidate[]): boolean {
	const last = units[units.length - 1];
	if (units.length < 2 || last.match || lower(tokens[last.first]) !== 'flight' || tokens[last.last]?.kind !== 'number') return false;
	const name = units.slice(0, -1);
	if (name.length === 1 && name[0].match && bestEntry(name[0].match.entries).type === 'ORG') return (classify(tokens, name, out, true), true);
	const flight = `${tokens[last.first].text} ${tokens[last.last].text}`;
	out.push({ ...span(name), type: 'ORG', evidence: [`airline before ‘${flight}’`], strength: 0.85 });
	return true;
}

// "a New York City-based fund", "Hong Kong-based": a known name of several words ends before the hyphen.
function basedPlace(tokens: Token[], units: Unit[], out: Candidate[]): boolean {
	const t = tokens[units[units.length - 1].last - 1];
	if (units.length < 2 || units[units.length - 1].match || !HYPHENED.test(t.text)) return false;
	const { first, last } = span(units);
	const head = t.text.slice(0, t.text.indexOf('-', 1));
	const entries = lookup(`${words(tokens, first, last - 1)} ${head}`);
	if (!entries.length) return false;
	const e = bestEntry(entries);
	out.push({
		first,
		last,
		type: e.type,
		evidence: [`gazetteer: ${e.kind}`, `name before ‘${t.text.slice(head.length)}’`],
		entry: e,
		strength: 0.85,
		end: t.start + head.length,
	});
	return true;
}

// "the United States Senate", "the US Federal Reserve": a country named just before one of its
// national institutions is part of the institution's name.
function countryInstitution(units: Unit[], out: Candidate[]): boolean {
	if (units.length !== 2 || !units[0].match || !units[1].match) return false;
	const place = bestEntry(units[0].match.entries),
		body = bestEntry(units[1].match.entries);
	if (place.kind !== 'country' || body.kind !== 'institution') return false;
	out.push({ ...span(units), type: 'ORG', evidence: [`${place.name}’s ${body.name}`], strength: 0.85 });
	return true;
}

const LETTER = /\p{L}/u;

// Holidays, products with model numbers ("Airbus A380", "DC-9"), works and laws, and two-word
// names whose first word is a given name ("Jim Press", never an organisation called Press).
function specialName(tokens: Token[], first: number, last: number): Candidate | undefined {
	const ws = tokens.slice(first, last).map(lower);
	if (ws.some((w) => HOLIDAYS.has(w)) || (ws.length === 2 && ws[0] === 'new' && ws[1] === 'year'))
		return { first, last, type: 'EVENT', evidence: ['holiday'], strength: 0.8 };
	if (ws.some((w) => /\d/.test(w) && LETTER.test(w))) return { first, last, type: 'OTHER', evidence: ['model number'], strength: 0.8 };
	// Sure enough to outvote the tagger's person on "James Webb Space Telescope".
	if (ws.length >= 2 && OTHER_HEADS.has(ws[ws.length - 1]))
		return { first, last, type: 'OTHER', evidence: [`word ‘${tokens[last - 1].text}’`], strength: 0.75 };
	if (ws.length === 2 && FIRST_NAMES.has(ws[0]) && !isCommonWord(ws[0]) && (!isHead(ws[1]) || SURNAME_HEADS.has(ws[1]))) {
		const title = titleBefore(tokens, first);
		return { first, last, type: 'PERSON', evidence: [...(title ? [`title ‘${title}’`] : []), `given name ‘${tokens[first].text}’`], strength: 0.75 };
	}
	return undefined;
}

// Head words that are also common surnames: "Jim Press", "Emily Post".
const SURNAME_HEADS = new Set(['press', 'post', 'bank', 'banks', 'church', 'hall', 'house', 'king', 'young', 'union', 'trust']);
const isHead = (w: string) => ORG_HEADS.has(w) || CORP_SUFFIXES.has(w) || FAC_HEADS.has(w) || LOC_HEADS.has(w) || GPE_HEADS.has(w);

const GPE_OF = new Set(['republic', 'kingdom', 'state', 'states', 'emirate', 'principality', 'federation', 'commonwealth']);

// "Bank of England", "People's Republic of China", "University of Oxford": the word before "of" types the whole.
// ("Commission on Human Rights": "on" as well.)
function namedOf(tokens: Token[], units: Unit[]): Candidate | undefined {
	const j = units.findIndex((u, k) => k > 0 && !u.match && /^(of|for|on)$/.test(lower(tokens[u.first])));
	if (j < 1 || j === units.length - 1) return undefined;
	const head = lower(tokens[units[j - 1].last - 1]);
	const { first, last } = span(units);
	if (GPE_OF.has(head)) return { first, last, type: 'GPE', evidence: [`place word ‘${tokens[units[j - 1].last - 1].text}’`], strength: 0.8 };
	if (FAC_OF_HEADS.has(head)) return { first, last, type: 'FAC', evidence: [`building word ‘${tokens[units[j - 1].last - 1].text}’`], strength: 0.8 };
	if (ORG_HEADS.has(head) || INSTITUTION_CENTRES.has(head))
		return { first, last, type: 'ORG', evidence: [`organisation word ‘${tokens[units[j - 1].last - 1].text}’`], strength: 0.8 };
	return undefined;
}

function placeHead(head: string, firstWord: string): EntityType | undefined {
	if (FAC_HEADS.has(head)) return 'FAC';
	if (GPE_HEADS.has(head)) return 'GPE';
	if (GPE_PREFIXES.has(firstWord)) return 'GPE';
	if (LOC_HEADS.has(head) || LOC_PREFIXES.has(firstWord)) return 'LOC';
	if (EVENT_HEADS.has(head)) return 'EVENT';
	return undefined;
}

function fromGazetteer(tokens: Token[], m: GazMatch): Candidate {
	const e = bestEntry(m.entries);
	const desc = e.facts.isoCode && e.kind === 'country' ? `gazetteer: country (ISO ${e.facts.isoCode})` : `gazetteer: ${e.kind}`;
	// A small town named like a person (Henderson, Jackson) after a title or before "said" is that person.
	const single = m.last - m.first === 1;
	const w = lower(tokens[m.first]);
	if (single && (e.kind === 'city' || e.kind === 'state') && (FIRST_NAMES.has(w) || LAST_NAMES.has(w))) {
		if (titleBefore(tokens, m.first) || SPEECH_VERBS.has(lower(tokens[m.last] ?? tokens[m.first]))) {
			return { first: m.first, last: m.last, type: 'PERSON', evidence: ['name before a verb of saying'], strength: 0.6 };
		}
		return { first: m.first, last: m.last, type: e.type, evidence: [desc], entry: e, strength: 0.5 };
	}
	// A town named like an ordinary word ("Delta", "Reading") is a weaker reading than a country.
	const strength = e.kind !== 'city' ? 0.9 : single && (isCommonWord(w) || isOrdinaryWord(w)) ? 0.4 : 0.75;
	return { first: m.first, last: m.last, type: e.type, evidence: [desc], entry: e, strength };
}

function titleBefore(tokens: Token[], i: number): string | undefined {
	const p = tokens[i - 1];
	return p && TITLE_HEADS.has(lower(p)) ? p.text : undefined;
}

// "U.S. President Barack Obama", "Ryanair CEO Michael O'Leary": the words after the title are a person.
function splitAtTitle(tokens: Token[], units: Unit[], out: Candidate[]): boolean {
	for (let k = units.length - 2; k >= 0; k--) {
		const u = units[k];
		if (u.match || !TITLE_HEADS.has(lower(tokens[u.first]))) continue;
		let s = k;
		const head = lower(tokens[u.first]);
		while (s > 0 && !units[s - 1].match && inTitle(lower(tokens[units[s - 1].first]), head)) s--;
		const right = units.slice(k + 1);
		if (right.length === 1 && right[0].match && bestEntry(right[0].match.entries).type !== 'GPE') classify(tokens, right, out, true);
		else
			out.push({
				first: right[0].first,
				last: right[right.length - 1].last,
				type: 'PERSON',
				evidence: [`title ‘${words(tokens, units[s].first, u.last)}’`],
				strength: 0.85,
			});
		if (s > 0) classify(tokens, units.slice(0, s), out, true);
		return true;
	}
	return false;
}

// The texts of tokens[first, last) joined by spaces, without the intermediate arrays.
function words(tokens: Token[], first: number, last: number): string {
	let text = tokens[first].text;
	for (let i = first + 1; i < last; i++) text += ' ' + tokens[i].text;
	return text;
}

// A chunk that mixes known and unknown words: "Paul Smith" around a town called Smith, "Apple
// Computer", "United States Barack Obama".
function splitAtGazetteer(tokens: Token[], units: Unit[], out: Candidate[]): boolean {
	const k = units.findIndex((u) => u.match);
	if (k < 0) return false;
	const { first, last } = span(units);
	if (k === 0) {
		const e = bestEntry(units[0].match!.entries);
		const rest = units.slice(1);
		const restStart = lower(tokens[rest[0].first]);
		if (e.type === 'ORG' && !FIRST_NAMES.has(restStart)) {
			out.push({ first, last, type: 'ORG', evidence: [`known organisation ‘${e.name}’`], entry: e, strength: 0.8 });
			return true;
		}
		// "Washington Mutual", "China Eastern": a place with an unknown word after it names a company.
		if (e.type === 'GPE' && rest.length === 1 && !rest[0].match && !FIRST_NAMES.has(restStart) && !LAST_NAMES.has(restStart) && !GENERIC_TAILS.has(restStart)) {
			out.push({ first, last, type: 'ORG', evidence: [`place name ‘${e.name}’ in a longer name`], strength: 0.75 });
			return true;
		}
		out.push(fromGazetteer(tokens, units[0].match!));
		classify(tokens, rest, out, true);
		return true;
	}
	const firstWord = lower(tokens[first]);
	if (FIRST_NAMES.has(firstWord) && !isCommonWord(firstWord) && last - first <= 4) {
		out.push({ first, last, type: 'PERSON', evidence: [`given name ‘${tokens[first].text}’`], strength: 0.75 });
		return true;
	}
	// "Air Canada", "Garuda Indonesia": one unknown word before a place names a company;
	// "Southern California" stays a place.
	const e = bestEntry(units[k].match!.entries);
	if (k === 1 && units.length === 2 && e.type === 'NORP' && GEO_MODIFIERS.has(firstWord)) {
		out.push({ first, last, type: 'NORP', evidence: [`part of ‘${e.name}’`], strength: 0.85 });
		return true;
	}
	if (k === 1 && units.length === 2 && units[0].last - units[0].first === 1 && (e.type === 'GPE' || e.type === 'LOC')) {
		if (GEO_MODIFIERS.has(firstWord)) out.push({ first, last, type: 'LOC', evidence: [`part of ‘${e.name}’`], strength: 0.7 });
		else out.push({ first, last, type: 'ORG', evidence: [`place name ‘${e.name}’ in a longer name`], strength: 0.75 });
		return true;
	}
	classify(tokens, units.slice(0, k), out, true);
	classify(tokens, units.slice(k), out, true);
	return true;
}

const DEMONYM_SHAPE = /^\p{Lu}\p{Ll}+n$/u;
const DEMONYM_PLACES = new Set(['country', 'state', 'capital', 'territory']);

// "Victorian", "Californian", "Texan", "Parisian": the people of a state or a large city (countries'
// demonyms are in the gazetteer). Given names and surnames ending so ("Adrian", "Morgan") are not.
function demonymPlace(w: string): GazEntry | undefined {
	if (!DEMONYM_SHAPE.test(w) || FIRST_NAMES.has(w.toLowerCase()) || LAST_NAMES.has(w.toLowerCase())) return undefined;
	for (const suffix of ['ian', 'an', 'n']) {
		if (!w.endsWith(suffix)) continue;
		const base = w.slice(0, -suffix.length);
		for (const name of [base, `${base}a`, `${base}s`]) {
			const places = lookup(name).filter(
				(e) => e.type === 'GPE' && (DEMONYM_PLACES.has(e.kind) || (e.kind === 'city' && +(e.facts.population ?? 0) >= 500_000)),
			);
			if (places.length) return bestEntry(places);
		}
	}
	return undefined;
}

// A given name is written "Ana", never "ANA" (an acronym).
const TITLE_CASE = /^\p{Lu}\p{Ll}/u;
const givenName = (t: Token) => TITLE_CASE.test(t.text) && FIRST_NAMES.has(lower(t));

const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'around', 'across']);
// Words before "in" that make what follows a company: "shares in", "a stake in", "invested in".
const BUSINESS_IN = new Set([
	'shares',
	'stake',
	'stakes',
	'share',
	'investment',
	'investments',
	'invested',
	'invest',
	'investing',
	'interest',
	'holding',
	'holdings',
	'job',
	'jobs',
	'role',
	'position',
	'career',
	'partner',
	'employee',
	'employees',
	'work',
	'worked',
	'works',
	'working',
	'executive',
	'executives',
]);

/** Lower-case nouns of settlements and districts around a place's name. */
const SETTLEMENT_NOUNS = new Set([
	'town',
	'village',
	'city',
	'district',
	'municipality',
	'county',
	'province',
	'suburb',
	'township',
	'borough',
	'commune',
	'neighbourhood',
	'neighborhood',
	'slum',
]);

const SHORT_ACRONYM = /^\p{Lu}{2,6}s?$/u;

function unknownName(tokens: Token[], first: number, last: number): Candidate {
	const f = tokens[first],
		l = tokens[last - 1];
	const n = last - first;
	const after = tokens[last];
	// "MacBook Air laptops", "the Trent 900 engines": a product, not its maker.
	// A score ("Brentford 3-1") is no model number.
	const score = after?.kind === 'number' && /^\d+[-–]\d+$/.test(after.text);
	const noun = after?.kind === 'number' ? tokens[last + 1] : after;
	if (noun && PRODUCT_NOUNS.has(noun.text)) return { first, last, type: 'OTHER', evidence: [`name of a thing before ‘${noun.text}’`], strength: 0.6 };
	if (after && FAC_NOUNS.has(after.text)) return { first, last, type: 'FAC', evidence: [`name before ‘${after.text}’`], strength: 0.7 };
	// "the rover Perseverance", "the drug Ozempic": a product noun before the name.
	const prev = tokens[first - 1];
	if (prev && PRODUCT_NOUNS.has(prev.text) && !givenName(f))
		return { first, last, type: 'OTHER', evidence: [`name of a thing after ‘${prev.text}’`], strength: 0.6 };
	if (n === 1 && after?.kind === 'number' && !score) return { first, last, type: 'OTHER', evidence: ['name before a number'], strength: 0.5 };
	// "the town of Bexhill", "Mathare district": a settlement noun names the place.
	const settlement = tokens[first - 1]?.text === 'of' && SETTLEMENT_NOUNS.has(tokens[first - 2]?.text ?? '') ? tokens[first - 2].text : undefined;
	if (settlement || (after && SETTLEMENT_NOUNS.has(after.text)))
		return { first, last, type: 'GPE', evidence: [settlement ? `‘${settlement} of’` : `name before ‘${after!.text}’`], strength: 0.75 };
	// "the 19th Amendment", "the 5th Fleet": a numbered name, not a word standing for an organisation.
	if (n === 1 && /^\d+(?:st|nd|rd|th)$/i.test(tokens[first - 1]?.text ?? ''))
		return { first: first - 1, last, type: 'OTHER', evidence: ['numbered name'], strength: 0.7 };
	// "rival Hapag-Lloyd", "rival Jane Okoro": a word before both people and companies decides neither;
	// a given name or surname in the name, or the tagger, does.
	const before = tokens[first - 1];
	const either = before !== undefined && ORG_NOUNS.has(before.text) && TITLE_HEADS.has(before.text);
	const title = either ? undefined : titleBefore(tokens, first);
	if (title) return { first, last, type: 'PERSON', evidence: [`title ‘${title}’`], strength: 0.8 };
	const place = n === 1 ? demonymPlace(f.text) : undefined;
	if (place) return { first, last, type: 'NORP', evidence: [`people of ‘${place.name}’`], strength: 0.8 };
	if (before && ORG_NOUNS.has(before.text) && !either) return { first, last, type: 'ORG', evidence: [`after ‘${before.text}’`], strength: 0.75 };
	if (before?.text === 'at' && AT_ORG_PEOPLE.has(lower(tokens[first - 2] ?? before)))
		return { first, last, type: 'ORG', evidence: [`‘${tokens[first - 2].text} at’`], strength: 0.75 };
	if (n >= 2 && n <= 4 && givenName(f) && !isCommonWord(f.text)) return { first, last, type: 'PERSON', evidence: [`given name ‘${f.text}’`], strength: 0.7 };
	if (n >= 2 && n <= 4 && LAST_NAMES.has(lower(l))) return { first, last, type: 'PERSON', evidence: [`surname ‘${l.text}’`], strength: 0.6 };
	if (after && (SPEECH_VERBS.has(lower(after)) || (after.text === ',' && lower(tokens[last + 1] ?? after) === 'who')) && (n >= 2 || LAST_NAMES.has(lower(f)))) {
		return { first, last, type: 'PERSON', evidence: [`name before ‘${after.text === ',' ? ', who' : after.text}’`], strength: 0.6 };
	}
	if (n === 1 && givenName(f) && !isCommonWord(f.text)) return { first, last, type: 'PERSON', evidence: [`given name ‘${f.text}’`], strength: 0.4 };
	if (n === 1 && SHORT_ACRONYM.test(f.text)) return { first, last, type: 'ORG', evidence: ['acronym'], strength: 0.5 };
	// "Smith thanked the fans": a lone known surname is more often a person than a company; the tagger may say otherwise.
	if (n === 1 && LAST_NAMES.has(lower(f)) && !isCommonWord(f.text)) return { first, last, type: 'PERSON', evidence: [`surname ‘${f.text}’`], strength: 0.3 };
	// "Villagers in Mathare", "near Tottington": after a place preposition an unknown name is more often a
	// place, unless a stake or a job is in it ("shares in Vantor", "a role at Kestrova").
	const prep = tokens[first - 1];
	if (prep && PLACE_PREPOSITIONS.has(prep.text) && !BUSINESS_IN.has(lower(tokens[first - 2] ?? prep)))
		return { first, last, type: 'GPE', evidence: [`name after ‘${prep.text}’`], strength: 0.2 };
	// Unknown names with no cue: in news these are more often companies and bodies than people;
	// the tagger, where it runs, decides (this guess yields to it).
	return { first, last, type: 'ORG', evidence: ['capitalised name'], strength: 0.2 };
}
