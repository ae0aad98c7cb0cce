/**
 * Name chunks: runs of capitalised words in a sentence (with the "of", "&", "de" that stay inside
 * names, and gazetteer matches taken whole), trimmed of the ordinary words, articles and titles
 * around them. Money and units ("US$", "UTC") and lone ordinary words are set aside as no names.
 */
import type { SeedDocument, Token } from '../document';
import { bestEntry, type GazMatch } from './gazetteer';
import {
	CORP_SUFFIXES,
	FAC_OF_HEADS,
	FIRST_NAMES,
	GEO_MODIFIERS,
	LAST_NAMES,
	MONTHS_DAYS,
	NAME_CONNECTORS,
	INSTITUTION_CENTRES,
	ORG_HEADS,
	SPEECH_VERBS,
	TITLE_HEADS,
	TITLE_MODIFIERS,
	TITLE_SURNAMES,
	isCommonWord,
	isCurrencyOrUnit,
	isOrdinaryWord,
	isTitleLower,
} from './words';

/** Arabic surnames with their article: "al-Sisi", "el-Baradei", "bin-Salman". */
export const ARTICLED = /^(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu|abd)-\p{Lu}/u;

// ARTICLED's names start with a, e, b or i (a cheap test before the pattern, run on every word).
function mayBeArticled(c: number): boolean {
	return c === 97 || c === 101 || c === 98 || c === 105;
}

/** A piece of a chunk: one token, or one gazetteer match taken whole. */
export interface Unit {
	first: number;
	last: number;
	match?: GazMatch;
}

const CAPITAL = /^\p{Lu}/u;
export const isCap = (t: Token) => t.kind === 'word' && startsUpper(t.text);
// ASCII letters answer without the Unicode regular expression.
function startsUpper(w: string): boolean {
	const c = w.charCodeAt(0);
	if (c < 128) return c >= 65 && c <= 90;
	return CAPITAL.test(w);
}
export const lower = (t: Token) => t.form.lower;
// Gazetteer kinds kept even when their name is also an ordinary word ("Turkey supplied…").
const SURE_KINDS = new Set(['country', 'demonym', 'state', 'continent', 'capital', 'intl', 'region', 'sea']);
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '—', '–', '-', ':', '«']);
// Heads after which "of" stays inside the name: "Bank of England", "Republic of Korea".
const OF_HEADS = new Set([
	...ORG_HEADS,
	...INSTITUTION_CENTRES,
	...FAC_OF_HEADS,
	'republic',
	'kingdom',
	'state',
	'states',
	'emirate',
	'gulf',
	'isle',
	'city',
	'province',
	'secretary',
	'house',
]);

// Words seen capitalised somewhere other than a sentence's start: these are names even when a
// sentence starts with them ("Total" the company), unless also seen in lower case.
export function capitalisedInside(doc: SeedDocument): Casing {
	const caps = new Set<string>(),
		low = new Set<string>();
	const { tokens } = doc;
	for (const s of doc.sentences) {
		for (let i = s.first; i < s.last; i++) {
			const t = tokens[i];
			if (t.kind !== 'word') continue;
			const c = t.text.charCodeAt(0);
			if (mayBeArticled(c) && ARTICLED.test(t.text)) caps.add(lower(t).slice(t.text.indexOf('-') + 1));
			else if (c >= 97 && c <= 122) low.add(t.text);
			else if (i > s.first && isCap(t) && !OPENERS.has(tokens[i - 1].text)) caps.add(lower(t));
		}
	}
	for (const w of low) caps.delete(w);
	return { caps, low, orgStarts: new Set() };
}

/** How the document writes its words: capitalised inside sentences, and in lower case. */
export interface Casing {
	caps: Set<string>;
	low: Set<string>;
	/** First words of organisation names ("Saturn" of "Saturn Corporation"), names even when ordinary words. */
	orgStarts: Set<string>;
}

const MAX_UNITS = 10;

/** The name chunks of `tokens[from, to)`; money and units go into `notNames`. */
export function chunks(tokens: Token[], from: number, to: number, matches: GazMatch[], notNames: Set<number>): Unit[][] {
	// The gazetteer's matches run left to right without overlapping: a cursor finds the one at token i.
	let next = 0;
	const out: Unit[][] = [];
	let cur: Unit[] = [];
	const flush = () => {
		while (cur.length && !cur[cur.length - 1].match && NAME_CONNECTORS.has(lower(tokens[cur[cur.length - 1].first]))) cur.pop();
		if (cur.length) out.push(cur);
		cur = [];
	};
	for (let i = from; i < to;) {
		while (next < matches.length && matches[next].first < i) next++;
		const m = next < matches.length && matches[next].first === i ? matches[next] : undefined;
		const t = tokens[i];
		// No name runs this long: a title-case line is cut into pieces rather than read as one name.
		if (cur.length >= MAX_UNITS) flush();
		if (currency(tokens, i, m?.last ?? i + 1)) {
			flush();
			for (const e = m?.last ?? i + 1; i < e; i++) notNames.add(i);
		} else if (m && isCap(tokens[m.first])) {
			cur.push(withoutArticle(tokens, m));
			i = m.last;
		} else if ((isCap(t) && !MONTHS_DAYS.has(lower(t)) && (t.text.length > 1 || tokens[i + 1]?.text === '.')) || (cur.length && ARTICLED.test(t.text))) {
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

// "The Beatles", "The Daily Mail": a known organisation's name is the words after its article (as
// "UN", not "the UN"); a place keeps it ("The Hague", "The Gambia").
function withoutArticle(tokens: Token[], m: GazMatch): Unit {
	if (m.last - m.first < 2 || lower(tokens[m.first]) !== 'the' || bestEntry(m.entries).type !== 'ORG') return { first: m.first, last: m.last, match: m };
	return { first: m.first + 1, last: m.last, match: { ...m, first: m.first + 1 } };
}

// "US$40 billion", "US dollars", "USD", "GHz": money and measures, not names.
function currency(tokens: Token[], i: number, end: number): boolean {
	const c = tokens[i].text.charCodeAt(0);
	if ((c >= 97 && c <= 122) || tokens[i].kind !== 'word') return false;
	const next = tokens[end];
	if (next && next.start === tokens[end - 1].end && /^[$€£¥]$/.test(next.text)) return true;
	// The word-list lookup last: the shape tests rule out nearly every token first.
	if (next && end - i === 1 && startsLower(next.text) && ALL_CAPITALS.test(tokens[i].text) && isCurrencyOrUnit(next.text)) return true;
	return end - i === 1 && unitShape(tokens[i].text) && isCurrencyOrUnit(tokens[i].text);
}

// LOWER_START and UNIT_SHAPE, read character by character for ASCII words (they are asked of every capitalised word).
function startsLower(w: string): boolean {
	const c = w.charCodeAt(0);
	if (c < 128) return c >= 97 && c <= 122;
	return LOWER_START.test(w);
}

export function unitShape(w: string): boolean {
	let ascii = true;
	for (let i = 0; i < w.length && ascii; i++) ascii = w.charCodeAt(i) < 128;
	if (!ascii) return UNIT_SHAPE.test(w);
	const up = (k: number) => w.charCodeAt(k) >= 65 && w.charCodeAt(k) <= 90;
	const low = (k: number) => w.charCodeAt(k) >= 97 && w.charCodeAt(k) <= 122;
	if (!up(0)) return false;
	let capsAndDigits = true;
	for (let i = 1; i < w.length && capsAndDigits; i++) capsAndDigits = up(i) || (w.charCodeAt(i) >= 48 && w.charCodeAt(i) <= 57);
	return capsAndDigits || up(1) || (low(1) && up(2));
}

const LOWER_START = /^\p{Ll}/u;
const ALL_CAPITALS = /^\p{Lu}+$/u;
const UNIT_SHAPE = /^\p{Lu}[\p{Lu}\p{N}]*$|^\p{Lu}\p{Ll}?\p{Lu}/u;

// A lower-case word or "&" continues a name when a capitalised word follows it.
function joins(tokens: Token[], cur: Unit[], i: number, to: number): boolean {
	const w = lower(tokens[i]);
	const next = tokens[i + 1];
	if (i + 1 >= to || !isCap(next)) return w === 'the' && lower(tokens[i - 1]) === 'of' && i + 1 < to && isCap(next);
	if (w === '&') return true;
	if (w === 'and') return (!completeName(tokens, cur) && endsInOrgHead(tokens, i + 1, to)) || ofNameGoesOn(tokens, cur, i, to);
	const prev = lower(tokens[cur[cur.length - 1].last - 1]);
	if (w === 'of' || w === 'for') return OF_HEADS.has(prev) && !TITLE_HEADS.has(prev);
	if (w === 'on') return ON_HEADS.has(prev) && ordinaryRun(tokens, i + 1, to);
	if (w === 'the') return prev === 'of';
	return NAME_CONNECTORS.has(w) && CAPITAL.test(tokens[i - 1].text);
}

// Bodies named for their subject, "Commission on Human Rights", "Authority on Development", "Panel on
// Climate Change": "on" stays inside when capitalised ordinary words follow it, not a day or a place
// ("the Council on Monday", "the Committee on Capitol Hill").
const ON_HEADS = new Set([
	'commission',
	'committee',
	'subcommittee',
	'council',
	'authority',
	'panel',
	'conference',
	'board',
	'centre',
	'center',
	'institute',
	'convention',
	'forum',
	'task',
	'force',
]);
function ordinaryRun(tokens: Token[], from: number, to: number): boolean {
	let j = from;
	while (j < to && j < from + 4 && isCap(tokens[j])) {
		const t = tokens[j].text;
		if (MONTHS_DAYS.has(lower(tokens[j])) || (!isCommonWord(t) && !isOrdinaryWord(t))) return false;
		j++;
	}
	return j > from;
}

// "Nordvik Airlines and Baltic Airways", "Toyota and General Motors": a name already complete
// before "and" (a known name, or one ending in an organisation word) is one of two names.
function completeName(tokens: Token[], cur: Unit[]): boolean {
	const u = cur[cur.length - 1];
	if (u.match) return true;
	const w = lower(tokens[u.last - 1]);
	return cur.length >= 2 && (ORG_HEADS.has(w) || CORP_SUFFIXES.has(w));
}

// "Centers for Disease Control and Prevention", "Department of Health and Human Services": after
// "of"/"for", "and" goes on with the name when what follows is capitalised ordinary words, not another name
// ("the Bank of England and Barclays").
function ofNameGoesOn(tokens: Token[], cur: Unit[], i: number, to: number): boolean {
	if (cur.length < 3 || cur[cur.length - 1].match || !cur.some((u, k) => k > 0 && /^(of|for|on)$/.test(lower(tokens[u.first])))) return false;
	let j = i + 1;
	while (j < to && j < i + 4 && isCap(tokens[j])) {
		if (!isCommonWord(tokens[j].text) && !isOrdinaryWord(tokens[j].text)) return false;
		j++;
	}
	return j > i + 1 && (j >= to || !isCap(tokens[j]));
}

// "Defence and Space Company": "and" stays inside a name whose capitalised run ends in an organisation word.
function endsInOrgHead(tokens: Token[], from: number, to: number): boolean {
	let j = from;
	while (j < to && j < from + 5 && isCap(tokens[j])) j++;
	return j > from + 1 && ORG_HEADS.has(lower(tokens[j - 1]));
}

// Ordinary words that open a sentence (or a quotation) are not part of a name: "In Tripoli…".
export function trimStart(tokens: Token[], units: Unit[], sentenceFirst: number, capsElsewhere: Set<string>): Unit[] {
	const u = units[0];
	const t = tokens[u.first];
	const atStart = u.first === sentenceFirst || (OPENERS.has(tokens[u.first - 1]?.text ?? '') && !midSentenceDash(tokens, u.first - 1));
	const common =
		u.last - u.first === 1 &&
		(isCommonWord(t.text) || (u.match !== undefined && isOrdinaryWord(t.text))) &&
		!capsElsewhere.has(lower(t)) &&
		!TITLE_HEADS.has(lower(t)) &&
		!(u.match && SURE_KINDS.has(bestEntry(u.match.entries).kind));
	const article = !u.match && /^(The|A|An)$/.test(t.text);
	// "Southern Ontario said…": a compass word before a known place is part of the place's name.
	if (common && GEO_MODIFIERS.has(lower(t)) && units[1]?.match && bestEntry(units[1].match.entries).type !== 'ORG') return units;
	const rest = (atStart && common) || article ? units.slice(1) : units;
	while (rest.length && !rest[0].match && !isCap(tokens[rest[0].first])) rest.shift();
	return rest;
}

const DASH = new Set(['—', '–', '-']);

// "six airlines - Air China, China Eastern": a dash after a lower-case word goes on with the sentence;
// the word after it is capitalised as a name, not as a sentence's first word.
function midSentenceDash(tokens: Token[], k: number): boolean {
	const before = tokens[k - 1];
	return DASH.has(tokens[k].text) && before !== undefined && before.kind === 'word' && /^\p{Ll}/u.test(before.text);
}

// "Unfortunately", "Describing": an ordinary word with -ly or -ing, unlike "Mulally" or "Beijing".
function derived(w: string): boolean {
	if (w.endsWith('ly')) return isCommonWord(w.slice(0, -2)) || isCommonWord(w.slice(0, -3) + 'le') || isCommonWord(w.slice(0, -3) + 'y');
	if (!w.endsWith('ing')) return false;
	const stem = w.slice(0, -3);
	return (
		isCommonWord(stem) || isCommonWord(stem + 'e') || (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] && isCommonWord(stem.slice(0, -1)))
	);
}

// "Ryanair CEO": a title after a name belongs to the person named next, not to the name.
export function trimEnd(tokens: Token[], units: Unit[]): Unit[] {
	let n = units.length;
	while (n > 1 && !units[n - 1].match && TITLE_HEADS.has(lower(tokens[units[n - 1].first])) && !surnameTitle(tokens, units.slice(0, n))) {
		// "Court of Justice", "Department of Justice": a title word after "of" is the name's own.
		if (NAME_CONNECTORS.has(lower(tokens[units[n - 2].first]))) break;
		n--;
		// "the White House Press Secretary", "the Kenyan Foreign Minister": the title's own words go with it.
		while (n > 1 && !units[n - 1].match && TITLE_MODIFIERS.has(lower(tokens[units[n - 1].first])) && !NAME_CONNECTORS.has(lower(tokens[units[n - 2].first])))
			n--;
	}
	return units.slice(0, n);
}

// "Martin Luther King", "Stephen King", "John Major": a title that is also a surname, one or two
// words after a given name, ends that person's name, unless another name follows it.
function surnameTitle(tokens: Token[], units: Unit[]): boolean {
	const last = units[units.length - 1];
	const t = tokens[last.first];
	const given = (k: number) => k >= 0 && !units[k].match && FIRST_NAMES.has(lower(tokens[units[k].first])) && !TITLE_HEADS.has(lower(tokens[units[k].first]));
	const n = units.length;
	if (!TITLE_SURNAMES.has(lower(t)) || !/^\p{Lu}\p{Ll}/u.test(t.text) || !(given(n - 2) || given(n - 3))) return false;
	const next = tokens[last.last];
	return !next || !(isCap(next) || (next.text === ',' && tokens[last.last + 1] !== undefined && isCap(tokens[last.last + 1])));
}

const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}&]+$/u;

// Chunks that name nothing: titles alone ("Prime Minister"), and a lone ordinary word
// capitalised by its place ("Stock", "Unfortunately") or by house style ("the Government").
export function noName(tokens: Token[], units: Unit[], sentenceFirst: number, casing: Casing): boolean {
	if (units.every((u) => !u.match && isTitleLower(lower(tokens[u.first])))) return true;
	if (units.length !== 1 || units[0].match) return false;
	const t = tokens[units[0].first],
		w = lower(t);
	if (ACRONYM.test(t.text)) return false; // acronyms are names wherever they stand
	if (casing.orgStarts.has(w)) return false;
	if (isCommonWord(w) || casing.low.has(w) || isOrdinaryWord(w) || (derived(w) && !casing.caps.has(w))) return true;
	const atStart = t.start === tokens[sentenceFirst].start || OPENERS.has(tokens[units[0].first - 1]?.text ?? '');
	return atStart && !casing.caps.has(w) && !FIRST_NAMES.has(w) && !LAST_NAMES.has(w) && !SPEECH_VERBS.has(lower(tokens[units[0].last] ?? t));
}
