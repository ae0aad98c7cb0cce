/**
 * The gazetteer: countries, capitals, cities, US states, regions, physical geography, demonyms and
 * known organisations, precompiled into one Map from a lowercase token sequence to its entries (and a
 * trie over the same keys), and matched longest-first over a document's tokens in O(tokens × longest name).
 */
import { lowerCase, tokenize, type Token, type WordForm } from '../document';
import type { EntityType } from '../types';
import { FIRST_NAMES, isCommonWord, isOrdinaryWord, LAST_NAMES, ORG_HEADS, TITLE_MODIFIERS } from './words';
import { CITY_ALIASES, COUNTRY_ALIASES, DEMONYMS, LOCATIONS, ORGANISATIONS } from './data/curated';
import lexicon from './data/lexicon.json';
import places from './data/places.json';

/** One thing the gazetteer knows. Entries that share an `id` are one referent (UN / United Nations). */
export interface GazEntry {
	id: string;
	/** The canonical name, for the entity's `name`. */
	name: string;
	type: EntityType;
	/** country, capital, city, state, region, continent, sea, river, mountain, desert, demonym, intl, company… */
	kind: string;
	facts: Record<string, string>;
	/** The entry's own spelling of this key, to check capitalisation against the text. */
	surface: string[];
}

export interface GazMatch {
	first: number;
	/** One past the last token. */
	last: number;
	entries: GazEntry[];
}

type CountryRow = [string, string, string, string, string[], string[]];

interface Gazetteer {
	byKey: Map<string, GazEntry[]>;
	/** The keys as a trie over their words: matching walks it one token at a time. */
	trie: Map<string, KeyNode>;
	/** First words of names spelt in lower case. */
	lowerStarts: Set<string>;
	countryName: Map<string, string>;
}

/** A word of the trie: the entries of the key that ends here, and the words that continue it. */
interface KeyNode {
	entries?: GazEntry[];
	next?: Map<string, KeyNode>;
}

let built: Gazetteer | undefined;

// Plain names ("New York") split on spaces; others go through the document tokenizer so keys
// match the text's tokens ("U.S.", "Washington, D.C.", "Coca-Cola").
// Keys are lower case with one apostrophe: "People’s" and "People's" are one key.
function norm(text: string): string {
	return normLower(lowerCase(text));
}

// The trie's key of a lower-case word: curly apostrophes straightened.
function normLower(t: string): string {
	return t.includes('’') ? t.replace(/’/g, "'") : t;
}

function keyTokens(name: string): string[] {
	if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(name)) return name.split(' ');
	return tokenize(name, 0, name.length).map((t) => t.text);
}

function add(g: Gazetteer, name: string, entry: Omit<GazEntry, 'surface'>): void {
	const surface = keyTokens(name);
	if (!surface.length) return;
	const key = norm(surface.length === 1 ? surface[0] : surface.join(' '));
	let list = g.byKey.get(key);
	if (!list) g.byKey.set(key, (list = []));
	else if (list.some((e) => e.id === entry.id)) return;
	// A plain object literal (not a spread): thousands of these are built at start-up.
	list.push({ id: entry.id, name: entry.name, type: entry.type, kind: entry.kind, facts: entry.facts, surface });
	const c = surface[0].charCodeAt(0);
	if (c >= 97 && c <= 122) g.lowerStarts.add(surface[0]);
}

// Plural of a nationality adjective: Libyan → Libyans, Pakistani → Pakistanis; Chinese, French have none.
function demonymPlural(d: string): string | undefined {
	return /(an|i|ite)$/.test(d) ? d + 's' : undefined;
}

function addCountries(g: Gazetteer): void {
	for (const [iso, name, capital, continent, alt, demonyms] of places.countries as CountryRow[]) {
		g.countryName.set(iso, name);
		const facts: Record<string, string> = { isoCode: iso };
		if (capital) facts.capital = capital;
		if (continent) facts.continent = continent;
		for (const n of [name, ...alt]) add(g, n, { id: `country:${iso}`, name, type: 'GPE', kind: 'country', facts });
		for (const d of demonyms) {
			const dfacts = { country: name, isoCode: iso };
			add(g, d, { id: `norp:${iso}`, name: d, type: 'NORP', kind: 'demonym', facts: dfacts });
			const p = demonymPlural(d);
			if (p) add(g, p, { id: `norp:${iso}`, name: d, type: 'NORP', kind: 'demonym', facts: dfacts });
		}
	}
	for (const { names } of lines(COUNTRY_ALIASES)) {
		const e = g.byKey.get(norm(keyTokens(names[0]).join(' ')))?.find((x) => x.kind === 'country');
		if (e) for (const n of names.slice(1)) add(g, n, e);
	}
	for (const line of lines(DEMONYMS)) {
		const iso = line.kind;
		const country = g.countryName.get(iso);
		const facts: Record<string, string> = country ? { country, isoCode: iso } : {};
		const id = iso ? `norp:${iso}` : `norp:${line.names[0].toLowerCase()}`;
		for (const n of line.names) add(g, n, { id, name: line.names[0], type: 'NORP', kind: 'demonym', facts });
	}
}

function isNameWord(short: string): boolean {
	const w = short.toLowerCase();
	return FIRST_NAMES.has(w) || LAST_NAMES.has(w) || ORG_HEADS.has(w) || TITLE_MODIFIERS.has(w) || isCommonWord(w) || isOrdinaryWord(short);
}

// Both ways: the city list spells some names out ("Saint Petersburg") and abbreviates others ("St. Louis").
const ABBREVIATED: Record<string, string> = {
	Saint: 'St.',
	Sainte: 'Ste.',
	Fort: 'Ft.',
	Mount: 'Mt.',
	Port: 'Pt.',
	'St.': 'Saint',
	'Ste.': 'Sainte',
	'Ft.': 'Fort',
	'Mt.': 'Mount',
};

function addCities(g: Gazetteer): void {
	for (const [name, iso, population, capital, short] of places.cities as [string, string, number, number, string][]) {
		const country = g.countryName.get(iso) ?? iso;
		const facts: Record<string, string> = { country, isoCode: iso, population: String(population) };
		if (capital) facts.capital = 'yes';
		const entry = { id: `city:${iso}:${name}`, name, type: 'GPE' as const, kind: capital ? 'capital' : 'city', facts };
		add(g, name, entry);
		// "Johnson" of Johnson City, "League" of League City, "Commerce" of Commerce City: a short name that
		// is also a person's name or a word of other names would make every such mention a city.
		if (short && !isNameWord(short)) add(g, short, entry);
		// "St. Petersburg", "Ft. Worth": news abbreviates the first word.
		const abbr = /^(Saint|Sainte|Fort|Mount|Port|St\.|Ste\.|Ft\.|Mt\.) /.exec(name);
		if (abbr) add(g, `${ABBREVIATED[abbr[1]]} ${name.slice(abbr[0].length)}`, entry);
	}
	for (const { names, kind } of lines(CITY_ALIASES)) {
		const e = g.byKey.get(norm(keyTokens(names[0]).join(' ')))?.find((x) => x.kind === 'capital' || x.kind === 'city');
		for (const n of names.slice(1)) add(g, n, e ?? { id: `city:${kind}:${names[0]}`, name: names[0], type: 'GPE', kind: 'city', facts: { isoCode: kind } });
	}
	for (const [name, abbr, territory] of places.usStates as [string, string, number][]) {
		add(g, name, { id: `state:US:${abbr}`, name, type: 'GPE', kind: territory ? 'territory' : 'state', facts: { country: 'United States', postalCode: abbr } });
	}
	for (const r of lexicon.regions) {
		const name = r.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
		add(g, name, { id: `region:${r}`, name, type: 'GPE', kind: 'state', facts: {} });
	}
}

function addCurated(g: Gazetteer): void {
	for (const { names, kind } of lines(LOCATIONS)) {
		for (const n of names) add(g, n, { id: `loc:${names[0]}`, name: names[0], type: 'LOC', kind, facts: {} });
	}
	for (const { names, kind } of lines(ORGANISATIONS)) {
		const facts: Record<string, string> = names.length > 1 ? { aka: names.slice(1).join(', ') } : {};
		for (const n of names) add(g, n, { id: `org:${names[0]}`, name: names[0], type: 'ORG', kind, facts });
	}
	for (const o of lexicon.organisations) {
		// The lexicon spells names in lower case; title-case them for display.
		const name = o.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
		if (g.byKey.has(norm(keyTokens(name).join(' ')))) continue;
		const entry = { id: `org:${o}`, name, type: 'ORG' as const, kind: 'organisation', facts: {} };
		add(g, name, entry);
		// "the Beatles" in running text: the name without its article, unless that is an ordinary word ("the Who").
		const bare = name.replace(/^The /, '');
		if (bare !== name && (bare.includes(' ') || !isCommonWord(bare))) add(g, bare, entry);
	}
}

function lines(block: string): { names: string[]; kind: string }[] {
	return block
		.split('\n')
		.filter((l) => l.trim())
		.map((l) => {
			const [names, kind = ''] = l.split('#');
			return { names: names.split('|').map((n) => n.trim()), kind: kind.trim() };
		});
}

/** The compiled gazetteer, built on first use. */
function gazetteer(): Gazetteer {
	if (built) return built;
	const g: Gazetteer = { byKey: new Map(), trie: new Map(), lowerStarts: new Set(), countryName: new Map() };
	addCountries(g);
	addCurated(g);
	addCities(g);
	for (const [key, entries] of g.byKey) addToTrie(g.trie, key.split(' '), entries);
	return (built = g);
}

// Keys are words joined by single spaces, as matching joins the tokens' words.
function addToTrie(trie: Map<string, KeyNode>, words: string[], entries: GazEntry[]): void {
	let level = trie;
	for (let k = 0; k < words.length; k++) {
		let node = level.get(words[k]);
		if (!node) level.set(words[k], (node = {}));
		if (k === words.length - 1) node.entries = entries;
		else level = node.next ??= new Map();
	}
}

/** Looks a name up (any case, tokenized as a document would be). */
export function lookup(name: string): GazEntry[] {
	return gazetteer().byKey.get(norm(keyTokens(name).join(' '))) ?? [];
}

// A gazetteer word in upper case (UN, WHO, US) only matches the same letters in upper case;
// other words need a capital in the text unless the entry spells them in lower case (al-Qaeda, of).
function caseFits(entry: GazEntry, tokens: Token[], first: number): boolean {
	let modes = caseModes.get(entry);
	if (!modes) caseModes.set(entry, (modes = entry.surface.map(caseMode)));
	for (let k = 0; k < modes.length; k++) {
		const t = tokens[first + k].text;
		const fits = modes[k] === EXACT ? t === entry.surface[k] : modes[k] === ANY || CAPITAL_OR_DIGIT.test(t);
		if (!fits) return false;
	}
	return true;
}

const CAPITAL_OR_DIGIT = /^[\p{Lu}\p{N}]/u;
const EXACT = 0;
const ANY = 1;
const CAPITAL = 2;
// What each word of an entry asks of the text, worked out once per entry rather than on every match.
const caseModes = new WeakMap<GazEntry, number[]>();

function caseMode(s: string): number {
	if (s.length > 1 && s === s.toUpperCase() && /\p{Lu}/u.test(s)) return EXACT;
	if (/^\p{Ll}/u.test(s) || !/^[\p{L}\p{N}]/u.test(s)) return ANY;
	return CAPITAL;
}

// The trie node of each spelling of a name's first word (null: none), kept on the word's form as the same words recur.
// Every name starts with a capital or a digit, save a few spelt in lower case (al-Qaeda): other lower-case words start none.
function firstWord(g: Gazetteer, form: WordForm): KeyNode | null {
	let f = form.gazetteer as KeyNode | null | undefined;
	if (f === undefined) {
		const c = form.text.charCodeAt(0);
		form.gazetteer = f = c >= 97 && c <= 122 && !g.lowerStarts.has(form.text) ? null : (g.trie.get(norm(form.text)) ?? null);
	}
	return f;
}

/**
 * Longest gazetteer matches over `tokens[from, to)`, left to right, never overlapping.
 * Entries whose capitalisation does not fit the text are dropped.
 */
export function matchGazetteer(tokens: Token[], from: number, to: number): GazMatch[] {
	const g = gazetteer();
	const out: GazMatch[] = [];
	// The names that start at token i, shortest first: their lengths and entries.
	const hitLengths: number[] = [];
	const hitEntries: GazEntry[][] = [];
	for (let i = from; i < to;) {
		let node: KeyNode | null | undefined = tokens[i].kind === 'punct' ? null : firstWord(g, tokens[i].form);
		if (!node) {
			i++;
			continue;
		}
		// Walk the trie one token at a time while some longer name continues the words so far.
		hitLengths.length = hitEntries.length = 0;
		let n = 1;
		if (node?.entries) {
			hitLengths.push(1);
			hitEntries.push(node.entries);
		}
		while (node?.next && i + n < to) {
			node = node.next.get(normLower(tokens[i + n].form.lower));
			n++;
			if (node?.entries) {
				hitLengths.push(n);
				hitEntries.push(node.entries);
			}
		}
		let found: GazMatch | undefined;
		for (let h = hitLengths.length - 1; h >= 0 && !found; h--) {
			const entries = hitEntries[h].filter((e) => caseFits(e, tokens, i));
			if (entries.length) found = { first: i, last: i + hitLengths[h], entries };
		}
		if (found) {
			out.push(found);
			i = found.last;
		} else i++;
	}
	return out;
}

/** The preferred entry of a match: countries before states before capitals before bigger cities. */
export function bestEntry(entries: GazEntry[]): GazEntry {
	const rank = (e: GazEntry) =>
		e.kind === 'country' ? 0 : e.type === 'NORP' ? 1 : e.type === 'ORG' ? 2 : e.type === 'LOC' ? 3 : e.kind === 'capital' ? 4 : e.kind === 'state' ? 5 : 6;
	return entries.reduce((a, b) => (rank(b) < rank(a) || (rank(b) === rank(a) && +(b.facts.population ?? 0) > +(a.facts.population ?? 0)) ? b : a));
}

/**
 * The gazetteer's word classes as tagger features, one list per token of `tokens[from, to)`: for a
 * token inside a match, its place in the name (unit, begin, inside, last) with the preferred entry's
 * type, and the entry's kind. Training (`scripts/train.ts`) and inference compute them alike.
 */
export function gazetteerFeatures(tokens: Token[], from: number, to: number): string[][] {
	const out: string[][] = [];
	for (let i = from; i < to; i++) out.push(NO_FEATURES);
	for (const m of matchGazetteer(tokens, from, to)) {
		const e = bestEntry(m.entries);
		for (let i = m.first; i < m.last; i++) {
			const place = m.last - m.first === 1 ? 'U' : i === m.first ? 'B' : i === m.last - 1 ? 'L' : 'I';
			out[i - from] = [`gz:${place}:${e.type}`, `gz:${e.kind}`];
		}
	}
	return out;
}

const NO_FEATURES: string[] = [];
