/**
 * Rule-based entity candidates: capitalised name chunks in each sentence, cut and typed by the
 * gazetteer and by context (titles before a name, organisation and place head words, verbs of
 * saying after it). Ordinary words that start a sentence, months and weekdays are not names.
 */
import type { SeedDocument, Token } from '../document';
import type { EntityType } from '../types';
import { bestEntry, matchGazetteer, type GazEntry, type GazMatch } from './gazetteer';
import {
	CORP_SUFFIXES, EVENT_HEADS, FAC_HEADS, FAC_NOUNS, ORG_NOUNS, FIRST_NAMES, GPE_HEADS, HOLIDAYS, LAST_NAMES, LOC_HEADS, LOC_PREFIXES, MONTHS_DAYS,
	NAME_CONNECTORS, ORG_HEADS, OTHER_HEADS, SPEECH_VERBS, TITLE_HEADS, isCommonWord, isCurrencyOrUnit, isTitleWord,
} from './words';

/** A typed span of tokens `[first, last)` proposed as an entity mention. */
export interface Candidate {
	first: number;
	last: number;
	type: EntityType;
	evidence: string[];
	entry?: GazEntry;
	/** 0..1: how sure the rule is; weak guesses yield to the tagger and to clustering. */
	strength: number;
}

/** A piece of a chunk: one token, or one gazetteer match taken whole. */
interface Unit {
	first: number;
	last: number;
	match?: GazMatch;
}

const isCap = (t: Token) => /^[\p{Lu}]/u.test(t.text) && t.kind === 'word';
const lower = (t: Token) => t.text.toLowerCase();
// Gazetteer kinds kept even when their name is also an ordinary word ("Turkey supplied…").
const SURE_KINDS = new Set(['country', 'demonym', 'state', 'continent', 'capital', 'intl', 'region', 'sea']);
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '—', '–', '-', ':', '«']);
// Heads after which "of" stays inside the name: "Bank of England", "Republic of Korea".
const OF_HEADS = new Set([...ORG_HEADS, 'republic', 'kingdom', 'state', 'states', 'emirate', 'gulf', 'isle', 'city', 'province', 'secretary', 'house']);

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
			if (units.length && !noName(doc.tokens, units, s.first, casing)) classify(doc.tokens, units, out);
			else for (const u of chunk) for (let i = u.first; i < u.last; i++) notNames.add(i);
		}
	});
	return { candidates: out, notNames };
}

// Words seen capitalised somewhere other than a sentence's start: these are names even when a
// sentence starts with them ("Total" the company), unless also seen in lower case.
function capitalisedInside(doc: SeedDocument): Casing {
	const caps = new Set<string>(), low = new Set<string>();
	const { tokens } = doc;
	for (const s of doc.sentences) {
		for (let i = s.first; i < s.last; i++) {
			const t = tokens[i];
			if (t.kind !== 'word') continue;
			const c = t.text.charCodeAt(0);
			if (c >= 97 && c <= 122) low.add(t.text);
			else if (i > s.first && isCap(t) && !OPENERS.has(tokens[i - 1].text)) caps.add(lower(t));
		}
	}
	for (const w of low) caps.delete(w);
	return { caps, low, orgStarts: new Set() };
}

/** How the document writes its words: capitalised inside sentences, and in lower case. */
interface Casing {
	caps: Set<string>;
	low: Set<string>;
	/** First words of organisation names ("Saturn" of "Saturn Corporation"), names even when ordinary words. */
	orgStarts: Set<string>;
}

const MAX_NAME_UNITS = 12;

const MAX_UNITS = 10;

function chunks(tokens: Token[], from: number, to: number, matches: GazMatch[], notNames: Set<number>): Unit[][] {
	const at = new Map(matches.map((m) => [m.first, m]));
	const out: Unit[][] = [];
	let cur: Unit[] = [];
	const flush = () => {
		while (cur.length && !cur[cur.length - 1].match && NAME_CONNECTORS.has(lower(tokens[cur[cur.length - 1].first]))) cur.pop();
		if (cur.length) out.push(cur);
		cur = [];
	};
	for (let i = from; i < to; ) {
		const m = at.get(i);
		const t = tokens[i];
		// No name runs this long: a title-case line is cut into pieces rather than read as one name.
		if (cur.length >= MAX_UNITS) flush();
		if (currency(tokens, i, m?.last ?? i + 1)) {
			flush();
			for (const e = m?.last ?? i + 1; i < e; i++) notNames.add(i);
		} else if (m && isCap(tokens[m.first])) {
			cur.push({ first: m.first, last: m.last, match: m });
			i = m.last;
		} else if (isCap(t) && !MONTHS_DAYS.has(lower(t)) && (t.text.length > 1 || tokens[i + 1]?.text === '.')) {
			// No name runs past MAX_NAME_UNITS words; cutting longer runs of capitals (a line in title
			// case, a list of initials) keeps classify's splitting shallow and linear.
			if (cur.length >= MAX_NAME_UNITS) flush();
			cur.push({ first: i, last: i + 1 });
			i++;
			// A corporate suffix ends the name: "Chrysler LLC Jim Press" is a company, then a person.
			if (cur.length > 1 && CORP_SUFFIXES.has(lower(t))) flush();
		} else if (cur.length && joins(tokens, cur, i, to)) {
			cur.push({ first: i, last: i + 1 });
			i++;
		} else {
			flush();
			i++;
		}
	}
	flush();
	return out;
}

// "US$40 billion", "US dollars", "USD", "GHz": money and measures, not names.
function currency(tokens: Token[], i: number, end: number): boolean {
	const c = tokens[i].text.charCodeAt(0);
	if ((c >= 97 && c <= 122) || tokens[i].kind !== 'word') return false;
	const next = tokens[end];
	if (next && next.start === tokens[end - 1].end && /^[$€£¥]$/.test(next.text)) return true;
	if (next && isCurrencyOrUnit(next.text) && /^\p{Ll}/u.test(next.text) && end - i === 1 && /^\p{Lu}+$/u.test(tokens[i].text)) return true;
	return end - i === 1 && /^\p{Lu}[\p{Lu}\p{N}]*$|^\p{Lu}\p{Ll}?\p{Lu}/u.test(tokens[i].text) && isCurrencyOrUnit(tokens[i].text);
}

// A lower-case word or "&" continues a name when a capitalised word follows it.
function joins(tokens: Token[], cur: Unit[], i: number, to: number): boolean {
	const w = lower(tokens[i]);
	const next = tokens[i + 1];
	if (i + 1 >= to || !isCap(next)) return w === 'the' && lower(tokens[i - 1]) === 'of' && i + 1 < to && isCap(next);
	if (w === '&') return true;
	if (w === 'and') return endsInOrgHead(tokens, i + 1, to);
	const prev = lower(tokens[cur[cur.length - 1].last - 1]);
	if (w === 'of' || w === 'for') return OF_HEADS.has(prev) && !TITLE_HEADS.has(prev);
	if (w === 'the') return prev === 'of';
	return NAME_CONNECTORS.has(w) && /^[\p{Lu}]/u.test(tokens[i - 1].text);
}

// "Defence and Space Company": "and" stays inside a name whose capitalised run ends in an organisation word.
function endsInOrgHead(tokens: Token[], from: number, to: number): boolean {
	let j = from;
	while (j < to && j < from + 5 && isCap(tokens[j])) j++;
	return j > from + 1 && ORG_HEADS.has(lower(tokens[j - 1]));
}

// Ordinary words that open a sentence (or a quotation) are not part of a name: "In Tripoli…".
function trimStart(tokens: Token[], units: Unit[], sentenceFirst: number, capsElsewhere: Set<string>): Unit[] {
	const u = units[0];
	const t = tokens[u.first];
	const atStart = u.first === sentenceFirst || OPENERS.has(tokens[u.first - 1]?.text ?? '');
	const common = u.last - u.first === 1 && isCommonWord(t.text) && !capsElsewhere.has(lower(t)) && !TITLE_HEADS.has(lower(t)) && !(u.match && SURE_KINDS.has(bestEntry(u.match.entries).kind));
	const article = !u.match && /^(The|A|An)$/.test(t.text);
	// "Southern Ontario said…": a compass word before a known place is part of the place's name.
	if (common && GEO_MODIFIERS.has(lower(t)) && units[1]?.match && bestEntry(units[1].match.entries).type !== 'ORG') return units;
	const rest = (atStart && common) || article ? units.slice(1) : units;
	while (rest.length && !rest[0].match && !isCap(tokens[rest[0].first])) rest.shift();
	return rest;
}

// "Unfortunately", "Describing": an ordinary word with -ly or -ing, unlike "Mulally" or "Beijing".
function derived(w: string): boolean {
	if (w.endsWith('ly')) return isCommonWord(w.slice(0, -2)) || isCommonWord(w.slice(0, -3) + 'le') || isCommonWord(w.slice(0, -3) + 'y');
	if (!w.endsWith('ing')) return false;
	const stem = w.slice(0, -3);
	return isCommonWord(stem) || isCommonWord(stem + 'e') || (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] && isCommonWord(stem.slice(0, -1)));
}

// "Ryanair CEO": a title after a name belongs to the person named next, not to the name.
function trimEnd(tokens: Token[], units: Unit[]): Unit[] {
	let n = units.length;
	while (n > 1 && !units[n - 1].match && TITLE_HEADS.has(lower(tokens[units[n - 1].first]))) n--;
	return units.slice(0, n);
}

// Chunks that name nothing: titles alone ("Prime Minister"), and a lone ordinary word
// capitalised by its place ("Stock", "Unfortunately") or by house style ("the Government").
function noName(tokens: Token[], units: Unit[], sentenceFirst: number, casing: Casing): boolean {
	if (units.every((u) => !u.match && isTitleWord(tokens[u.first].text))) return true;
	if (units.length !== 1 || units[0].match) return false;
	const t = tokens[units[0].first], w = lower(t);
	if (/^\p{Lu}[\p{Lu}\p{N}&]+$/u.test(t.text)) return false; // acronyms are names wherever they stand
	if (casing.orgStarts.has(w)) return false;
	if (isCommonWord(w) || casing.low.has(w) || (derived(w) && !casing.caps.has(w))) return true;
	const atStart = t.start === tokens[sentenceFirst].start || OPENERS.has(tokens[units[0].first - 1]?.text ?? '');
	return atStart && !casing.caps.has(w) && !FIRST_NAMES.has(w) && !LAST_NAMES.has(w) && !SPEECH_VERBS.has(lower(tokens[units[0].last] ?? t));
}

const span = (units: Unit[]) => ({ first: units[0].first, last: units[units.length - 1].last });
const lastWord = (tokens: Token[], units: Unit[]) => lower(tokens[units[units.length - 1].last - 1]);

/** Types one chunk, pushing one or more candidates. */
function classify(tokens: Token[], units: Unit[], out: Candidate[], part = false): void {
	const { first, last } = span(units);
	if (units.length === 1 && units[0].match) return void out.push(fromGazetteer(tokens, units[0].match));
	// What is left of a chunk after a known name may be an ordinary word: "US Government".
	if (part && units.length === 1 && isCommonWord(tokens[first].text) && !/^\p{Lu}{2,}$/u.test(tokens[first].text)) return;
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
	const headType = last - first >= 2 && !units[units.length - 1].match ? placeHead(head, lower(tokens[first])) : undefined;
	if (headType) return void out.push({ first, last, type: headType, evidence: [`${headType === 'EVENT' ? 'event' : 'place'} word ‘${headText}’`], strength: 0.8 });
	if (splitAtTitle(tokens, units, out)) return;
	if (splitAtGazetteer(tokens, units, out)) return;
	out.push(unknownName(tokens, first, last));
}

// Holidays, products with model numbers ("Airbus A380", "DC-9"), works and laws, and two-word
// names whose first word is a given name ("Jim Press", never an organisation called Press).
function specialName(tokens: Token[], first: number, last: number): Candidate | undefined {
	const ws = tokens.slice(first, last).map(lower);
	if (ws.some((w) => HOLIDAYS.has(w)) || ws.join(' ') === 'new year') return { first, last, type: 'EVENT', evidence: ['holiday'], strength: 0.8 };
	if (ws.some((w) => /\d/.test(w) && /\p{L}/u.test(w))) return { first, last, type: 'OTHER', evidence: ['model number'], strength: 0.7 };
	if (ws.length >= 2 && OTHER_HEADS.has(ws[ws.length - 1])) return { first, last, type: 'OTHER', evidence: [`word ‘${tokens[last - 1].text}’`], strength: 0.7 };
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
function namedOf(tokens: Token[], units: Unit[]): Candidate | undefined {
	const j = units.findIndex((u, k) => k > 0 && !u.match && lower(tokens[u.first]) === 'of');
	if (j < 1 || j === units.length - 1) return undefined;
	const head = lower(tokens[units[j - 1].last - 1]);
	const { first, last } = span(units);
	if (GPE_OF.has(head)) return { first, last, type: 'GPE', evidence: [`place word ‘${tokens[units[j - 1].last - 1].text}’`], strength: 0.8 };
	if (ORG_HEADS.has(head)) return { first, last, type: 'ORG', evidence: [`organisation word ‘${tokens[units[j - 1].last - 1].text}’`], strength: 0.8 };
	return undefined;
}

function placeHead(head: string, firstWord: string): EntityType | undefined {
	if (FAC_HEADS.has(head)) return 'FAC';
	if (GPE_HEADS.has(head)) return 'GPE';
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
	return { first: m.first, last: m.last, type: e.type, evidence: [desc], entry: e, strength: e.kind === 'city' ? 0.75 : 0.9 };
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
		while (s > 0 && !units[s - 1].match && isTitleWord(tokens[units[s - 1].first].text)) s--;
		const right = units.slice(k + 1);
		if (right.length === 1 && right[0].match && bestEntry(right[0].match.entries).type !== 'GPE') classify(tokens, right, out, true);
		else out.push({ ...span(right), type: 'PERSON', evidence: [`title ‘${tokens.slice(units[s].first, u.last).map((t) => t.text).join(' ')}’`], strength: 0.85 });
		if (s > 0) classify(tokens, units.slice(0, s), out, true);
		return true;
	}
	return false;
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
			out.push({ first, last, type: 'ORG', evidence: [`known organisation ‘${e.name}’`], entry: e, strength: 0.7 });
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
	if (k === 1 && units.length === 2 && units[0].last - units[0].first === 1 && (e.type === 'GPE' || e.type === 'LOC')) {
		if (GEO_MODIFIERS.has(firstWord)) out.push({ first, last, type: 'LOC', evidence: [`part of ‘${e.name}’`], strength: 0.7 });
		else out.push({ first, last, type: 'ORG', evidence: [`place name ‘${e.name}’ in a longer name`], strength: 0.75 });
		return true;
	}
	classify(tokens, units.slice(0, k), out, true);
	classify(tokens, units.slice(k), out, true);
	return true;
}

// "the US Government", "Chinese Authorities": a place and a generic word, not a company's name.
const GENERIC_TAILS = new Set(['government', 'governments', 'administration', 'authorities', 'officials', 'people', 'economy', 'market', 'markets', 'border', 'president', 'forces', 'embassy', 'consulate']);

const GEO_MODIFIERS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower', 'greater', 'inner', 'outer', 'new', 'old', 'northeast', 'northwest', 'southeast', 'southwest', 'northeastern', 'northwestern', 'southeastern', 'southwestern']);

function unknownName(tokens: Token[], first: number, last: number): Candidate {
	const f = tokens[first], l = tokens[last - 1];
	const n = last - first;
	const after = tokens[last];
	if (after && FAC_NOUNS.has(after.text)) return { first, last, type: 'FAC', evidence: [`name before ‘${after.text}’`], strength: 0.7 };
	if (n === 1 && after?.kind === 'number') return { first, last, type: 'OTHER', evidence: ['name before a number'], strength: 0.5 };
	const title = titleBefore(tokens, first);
	if (title) return { first, last, type: 'PERSON', evidence: [`title ‘${title}’`], strength: 0.8 };
	const before = tokens[first - 1];
	if (before && ORG_NOUNS.has(before.text)) return { first, last, type: 'ORG', evidence: [`after ‘${before.text}’`], strength: 0.75 };
	if (n >= 2 && n <= 4 && FIRST_NAMES.has(lower(f)) && !isCommonWord(f.text)) return { first, last, type: 'PERSON', evidence: [`given name ‘${f.text}’`], strength: 0.7 };
	if (n >= 2 && n <= 4 && LAST_NAMES.has(lower(l))) return { first, last, type: 'PERSON', evidence: [`surname ‘${l.text}’`], strength: 0.6 };
	if (after && (SPEECH_VERBS.has(lower(after)) || (after.text === ',' && lower(tokens[last + 1] ?? after) === 'who')) && (n >= 2 || LAST_NAMES.has(lower(f)))) {
		return { first, last, type: 'PERSON', evidence: [`name before ‘${after.text === ',' ? ', who' : after.text}’`], strength: 0.6 };
	}
	if (n === 1 && FIRST_NAMES.has(lower(f)) && !isCommonWord(f.text)) return { first, last, type: 'PERSON', evidence: [`given name ‘${f.text}’`], strength: 0.4 };
	if (n === 1 && /^\p{Lu}{2,6}s?$/u.test(f.text)) return { first, last, type: 'ORG', evidence: ['acronym'], strength: 0.5 };
	// Two or three unknown words, none of them ordinary, read most often as a foreign person's name.
	const plain = n >= 2 && n <= 3 && tokens.slice(first, last).every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text) && !isCommonWord(t.text));
	return { first, last, type: plain ? 'PERSON' : 'ORG', evidence: ['capitalised name'], strength: plain ? 0.3 : 0.2 };
}
