/**
 * What makes a statement worth checking: figures (money, percentages, counts
 * of people, quantities with units), accusations of crimes, superlatives and
 * records; and the hedges that distance a writer from a claim.
 */

import type { Token } from '../document';

// Bounded repetitions keep every match attempt short, even inside a megabyte of digits and commas.
const NUM = String.raw`\d{1,15}(?:[.,]\d{1,3}){0,5}`;
const SCALE = String.raw`(?:\s?(?:thousand|million|billion|trillion)\b|(?:bn|mn|m|k)\b)?`;
const CURRENCY_WORD = String.raw`(?:dollars|euros|pounds|pounds sterling|yen|yuan|rupees|roubles|rubles|francs|dinars|pesos|lira|rand|won)`;
const PEOPLE =
	'people|persons|civilians|soldiers|troops|fighters|mercenaries|militants|refugees|migrants|children|women|men|residents|' +
	'dead|deaths|killed|injured|wounded|casualties|victims|hostages|prisoners|detainees|workers|employees|staff|jobs|members|patients|cases|voters|votes|seats|students|protesters';
const UNITS =
	'km|kilometres|kilometers|miles|metres|meters|tonnes|tons|barrels|kg|kilograms|hectares|acres|square|units|vehicles|homes|houses|buildings|' +
	'aircraft|planes|jets|tanks|ships|missiles|rockets|drones|shares|doses|degrees|years|months|days';

// Each alternative is anchored on a digit or a fixed word, with bounded gaps: linear on any input.
// The leading (?=\d) changes no match (the number follows at once) but lets most positions fail on one character.
export const FIGURE_ALTERNATIVES = [
	String.raw`(?:US\$|CA\$|AU\$|NZ\$|HK\$|A\$|C\$|\$|€|£|¥|₹|\b(?:USD|EUR|GBP|US dollars)\s?)(?:${NUM})${SCALE}`,
	String.raw`(?=\d)\b(?:${NUM})${SCALE}\s?${CURRENCY_WORD}\b`,
	String.raw`(?=\d)\b(?:${NUM})\s?(?:%|percent\b|per cent\b|percentage points?\b)`,
	String.raw`(?=\d)\b(?:${NUM})\s?(?:thousand|million|billion|trillion)\b(?:\s(?:${PEOPLE}|${UNITS})\b)?`,
	// "179 new tankers", "3,400 workers" — not a year ("2006 and the aircraft") nor a model number ("DC-9 family").
	String.raw`(?=\d)(?<![-\p{L}])\b(?!(?:19|20)\d\d\b)(?:${NUM})(?:\s(?!(?:and|or|the|of|in|to|for|with|on|at|by|from|including)\b)[\p{Ll}-]{2,20}){0,2}?\s(?:${PEOPLE}|${UNITS})\b`,
	String.raw`\b(?:hundreds|thousands|tens of thousands|millions|billions|dozens) of (?:${PEOPLE}|${UNITS}|dollars|euros)\b`,
].join('|');
// Where any alternative can start (case-insensitively): a digit or a currency sign; a word's first letter
// (the word alternatives begin at \b); or the letters of a prefixed dollar sign. A quick test that rejects
// every other position, inside words too, before the alternatives are tried.
const FIGURE_START = String.raw`(?=[\d$€£¥₹]|\b[uegthmbd]|[ac]\$|(?:us|ca|au|nz|hk)\$)`;
const FIGURE = new RegExp(`${FIGURE_START}(?:${FIGURE_ALTERNATIVES})`, 'giu');
// Most text has none of the words an alternative can start with (USD, EUR, GBP, US dollars, hundreds,
// thousands, millions, billions, dozens): one look for them lets the scan skip word starts altogether.
const FIGURE_WORDS_ANYWHERE = /usd|eur|gbp|us dollars|hundreds|thousands|millions|billions|dozens/iu;
// Without those words, a figure starts at a digit at a word's start, at a currency sign, or at the one or two
// letters before a dollar sign (A$, US$): found by a pattern without flags (a quick scan), and the figure
// pattern is tried, anchored, at those places only, in order.
const NUMERIC_CANDIDATE = /\b\d|[$€£¥₹]/g;
const FIGURE_AT = new RegExp(FIGURE_ALTERNATIVES, 'iuy');

function numericFigures(text: string): string[] {
	const out: string[] = [];
	let end = 0;
	const tryAt = (q: number) => {
		if (q < end) return;
		FIGURE_AT.lastIndex = q;
		const m = FIGURE_AT.exec(text);
		if (!m) return;
		out.push(m[0].trim());
		end = FIGURE_AT.lastIndex;
	};
	NUMERIC_CANDIDATE.lastIndex = 0;
	for (let m = NUMERIC_CANDIDATE.exec(text); m; m = NUMERIC_CANDIDATE.exec(text)) {
		const p = m.index;
		if (text.charCodeAt(p) === 36) {
			if (p >= 2) tryAt(p - 2);
			if (p >= 1) tryAt(p - 1);
		}
		tryAt(p);
	}
	return out;
}

const ACCUSATION =
	/\b(?:war crimes?|crimes? against humanity|genocide|ethnic cleansing|atrocit(?:y|ies)|massacred?|massacres|fraud(?:ulent)?|corrupt(?:ion)?|brib(?:e|es|ed|ery)|embezzle(?:d|ment)?|money laundering|laundered|smuggl(?:ed|ing)|traffick(?:ed|ing)|tortur(?:e|ed|ing)|raped?|murder(?:ed|s)?|killed|killings?|assassinat(?:ed|ion)|terroris[mt]s?|abuses|looted|looting|stole|stolen|theft|illegal(?:ly)?|unlawful(?:ly)?|violat(?:ed|ions?)|breach(?:ed|es)|rigged|cover-up|collu(?:sion|ded)|extort(?:ion|ed)|persecut(?:ed|ion)|war criminals?)\b/giu;

const SUPERLATIVE =
	/\b(?:largest|biggest|greatest|highest|lowest|worst|deadliest|fastest|longest|oldest|richest|poorest|strongest|weakest|smallest|heaviest|costliest|bloodiest|(?:the|its|their|his|her|['’]s) (?:most|least) \p{L}{3,20}|first[- ]ever|for the first time|all-time|(?:a|new|record)[- ]record|record[- ](?:high|low|number|levels?|breaking)|unprecedented|never before)\b/giu;

const HEDGE =
	/\b(?:reportedly|allegedly|so-called|self-styled|self-proclaimed|purportedly|supposedly|apparently|rumou?red|unconfirmed|unverified|(?:is|are|was|were) (?:said|believed|thought|understood|alleged|reported) to)\b|\b(?:the|a|an|its|their|his|her) (?:claimed|alleged)\b/giu;

/** Which of the (comparatively slow) patterns a piece of text can match at all, from its words. */
export interface Triggers {
	figure: boolean;
	accusation: boolean;
	superlative: boolean;
	hedge: boolean;
}

const words = (s: string): ReadonlySet<string> => new Set(s.split(' '));
const FIGURE_WORDS = words('$ € £ ¥ ₹ us$ ca$ au$ nz$ hk$ a$ c$ usd eur gbp hundreds thousands millions billions dozens tens');
const ACCUSATION_WORDS = words(
	'war crime crimes genocide ethnic atrocity atrocities massacre massacred massacres fraud fraudulent corrupt corruption bribe bribes bribed bribery embezzle embezzled embezzlement money laundered smuggled smuggling trafficked trafficking torture tortured torturing rape raped murder murdered murders killed killing killings assassinated assassination terrorism terrorist terrorists abuses looted looting stole stolen theft illegal illegally unlawful unlawfully violated violation violations breached breaches rigged cover-up collusion colluded extortion extorted persecuted persecution criminal criminals',
);
const SUPERLATIVE_WORDS = words(
	'largest biggest greatest highest lowest worst deadliest fastest longest oldest richest poorest strongest weakest smallest heaviest costliest bloodiest most least first-ever first all-time record record-breaking record-high record-low unprecedented never',
);
const HEDGE_WORDS = words(
	'reportedly allegedly so-called self-styled self-proclaimed purportedly supposedly apparently rumoured rumored unconfirmed unverified alleged claimed',
);
// "is said to", "were believed to": these count only before a word starting with "to" (most sentences have "said").
const SAID_WORDS = words('said believed thought understood reported');

const FIGURE_BIT = 1;
const ACCUSATION_BIT = 2;
const SUPERLATIVE_BIT = 4;
const HEDGE_BIT = 8;
const SAID_BIT = 16;

function triggerBits(w: string): number {
	return (
		(FIGURE_WORDS.has(w) ? FIGURE_BIT : 0) |
		(ACCUSATION_WORDS.has(w) ? ACCUSATION_BIT : 0) |
		(SUPERLATIVE_WORDS.has(w) ? SUPERLATIVE_BIT : 0) |
		(HEDGE_WORDS.has(w) ? HEDGE_BIT : 0) |
		(SAID_WORDS.has(w) ? SAID_BIT : 0)
	);
}

/** The triggers of `tokens[first..last)`; a number token is a figure's. Each spelling is looked up once. */
export function triggersOf(tokens: readonly Token[], first: number, last: number): Triggers {
	let bits = 0;
	for (let k = first; k < last; k++) {
		const t = tokens[k];
		const f = t.form;
		if (f.triggers < 0) f.triggers = triggerBits(f.lower);
		bits |= f.triggers | (t.kind === 'number' ? FIGURE_BIT : 0);
		if (f.triggers & SAID_BIT && k + 1 < last && tokens[k + 1].form.lower.startsWith('to')) bits |= HEDGE_BIT;
	}
	return { figure: !!(bits & FIGURE_BIT), accusation: !!(bits & ACCUSATION_BIT), superlative: !!(bits & SUPERLATIVE_BIT), hedge: !!(bits & HEDGE_BIT) };
}

/** Every pattern may match: for text whose words were not looked at. */
export const ALL: Triggers = { figure: true, accusation: true, superlative: true, hedge: true };

/** Why a sentence is worth checking, and the figures it asserts. */
export interface Checkworthiness {
	/** `figure`, `accusation`, `superlative`, each at most once, in that order. */
	reasons: string[];
	figures: string[];
}

/** Looks for figures, accusations and superlatives in a piece of text; `t` skips patterns that cannot match. */
export function checkworthiness(text: string, t: Triggers = ALL): Checkworthiness {
	const figures = t.figure ? findFigures(text) : [];
	const reasons: string[] = [];
	if (figures.length) reasons.push('figure');
	if (t.accusation && test(ACCUSATION, text)) reasons.push('accusation');
	if (t.superlative && test(SUPERLATIVE, text)) reasons.push('superlative');
	return { reasons, figures };
}

/** The numbers and quantities of a piece of text: "$4.2 billion", "12%", "3,400 workers". */
export function findFigures(text: string): string[] {
	// One sentence is scanned for each of its claims and again for its check-worthiness: remember the last texts.
	let found = figureMemo.get(text);
	if (!found) {
		if (figureMemo.size >= FIGURE_MEMO) figureMemo.clear();
		figureMemo.set(text, (found = FIGURE_WORDS_ANYWHERE.test(text) ? matches(FIGURE, text) : numericFigures(text)));
	}
	return found.slice();
}

const FIGURE_MEMO = 256;
const figureMemo = new Map<string, string[]>();

/** The hedging words of a piece of text, lower-cased: "reportedly", "so-called", "is said to". */
export function findHedges(text: string, t: Triggers = ALL): string[] {
	if (!t.hedge) return [];
	return [...new Set(matches(HEDGE, text).map((h) => h.toLowerCase().replace(/^(?:the|a|an|its|their|his|her) /, '')))];
}

function matches(re: RegExp, text: string): string[] {
	const out: string[] = [];
	re.lastIndex = 0;
	for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[0].trim());
	return out;
}

function test(re: RegExp, text: string): boolean {
	re.lastIndex = 0;
	return re.test(text);
}
