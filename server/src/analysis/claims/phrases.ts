/**
 * Noun-phrase walking over tokens, left and right of a cue, with the small
 * amount of grammar a speaker's phrase needs: possessives, "of", parentheses,
 * appositions ("Louis Gallois, the chief executive,") and relative clauses.
 */
import { isAdverb, isCapitalized, isGerund, isNominal, isVerbForm, isPossessive, type ClaimContext } from './context';
import { ARTICLES, AUXILIARIES, CUE_NOUNS, CUE_WORDS, NP_PREPOSITIONS, POSSESSIVE_PRONOUNS, PREPOSITIONS, SUBJECT_PRONOUNS, TIME_WORDS } from './lexicon';

/** A token range, `last` exclusive. */
export interface TokenRange {
	first: number;
	last: number;
}

const MAX_PHRASE = 12;
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am']);

/**
 * Steps left from the token before `i` over auxiliaries, adverbs and time phrases
 * ("has also", "on Monday", "last week"). Returns the index of the first token not
 * skipped and whether a form of "be" was passed (a passive cue).
 */
export function skipLeft(ctx: ClaimContext, i: number, floor: number): { j: number; passive: boolean } {
	let j = i - 1;
	let passive = false;
	while (j >= floor) {
		const w = ctx.lower[j];
		if (AUXILIARIES.has(w) && !isCapitalized(ctx.doc.tokens[j].text)) {
			if (BE.has(w)) passive = true;
			j--;
		} else if (isAdverb(w) && !isCapitalized(ctx.doc.tokens[j].text)) {
			j--;
		} else if (w === ',' && j - 2 >= floor && ctx.lower[j - 2] === ',' && AUXILIARIES.has(ctx.lower[j - 1])) {
			// ", however," between a subject and its verb.
			j -= 3;
		} else {
			const t = skipTimePhrase(ctx, j, floor);
			if (t === j) break;
			j = t;
		}
	}
	return { j, passive };
}

// "on June 18", "last week", "yesterday": returns the index before the phrase, or `j` if there is none.
function skipTimePhrase(ctx: ClaimContext, j: number, floor: number): number {
	let k = j;
	while (k >= floor && j - k < 4 && (TIME_WORDS.has(ctx.lower[k]) || ctx.doc.tokens[k].kind === 'number')) k--;
	if (k === j) return j;
	if (k >= floor && TIME_PREPOSITIONS.has(ctx.lower[k])) return k - 1;
	return DEICTIC.has(ctx.lower[k + 1]) ? k : j;
}

const TIME_PREPOSITIONS = new Set(['on', 'in', 'at', 'during', 'since', 'until']);
// Time phrases that stand without a preposition: "last week", "yesterday", "Monday".
const DEICTIC = new Set([
	'last',
	'this',
	'next',
	'earlier',
	'today',
	'yesterday',
	'tonight',
	'monday',
	'tuesday',
	'wednesday',
	'thursday',
	'friday',
	'saturday',
	'sunday',
]);

/** The noun phrase ending at token `j` (inclusive), walking left; null when `j` cannot end one. */
export function phraseLeft(ctx: ClaimContext, j: number, floor: number): TokenRange | null {
	if (j < floor) return null;
	if (SUBJECT_PRONOUNS.has(ctx.lower[j])) return { first: j, last: j + 1 };
	let k = j;
	while (k >= floor && j - k < MAX_PHRASE) {
		const w = ctx.lower[k];
		if ((isNominal(ctx, k) && !isVerbForm(ctx, k) && !takesObject(ctx, k, j) && !(isPossessive(w) && k === j)) || (k === j && isHeadNoun(w))) k--;
		else if (w === ')') {
			const o = matchingOpen(ctx, k, floor);
			if (o < 0) break;
			k = o - 1;
		} else if (NP_PREPOSITIONS.has(w) && k - 1 >= floor && isNominal(ctx, k - 1) && k < j) k--;
		// "the 5+5 military commission", "the G7/G20 summit": a joiner glued to the words beside it is inside the phrase.
		else if (GLUED_JOINERS.has(w) && k > floor && k < j && glued(ctx, k)) k--;
		else if (
			w === 'and' &&
			k > floor &&
			k < j &&
			isCapitalized(ctx.doc.tokens[k - 1].text) &&
			(isCapitalized(ctx.doc.tokens[k + 1].text) || POSSESSIVE_PRONOUNS.has(ctx.lower[k + 1]))
		)
			k--;
		else break;
	}
	let first = k + 1;
	// "On Monday the company said": the day is not part of the speaker.
	while (first < j && (NP_PREPOSITIONS.has(ctx.lower[first]) || ctx.lower[first] === 'and' || isPossessive(ctx.lower[first]) || isDayName(ctx, first))) first++;
	return first <= j ? { first, last: j + 1 } : null;
}

const GLUED_JOINERS = new Set(['+', '/', '&']);

// Token `k` touches the tokens on both its sides, with no space between.
function glued(ctx: ClaimContext, k: number): boolean {
	const t = ctx.doc.tokens;
	return t[k - 1].end === t[k].start && t[k].end === t[k + 1].start;
}

// "This imperils the plan", "releasing a statement": a lower-case word directly before an article
// inside the phrase is a verb with its object, so the speaker's phrase cannot reach past it.
function takesObject(ctx: ClaimContext, k: number, j: number): boolean {
	return k < j && ctx.doc.tokens[k].kind === 'word' && !isCapitalized(ctx.doc.tokens[k].text) && !isPossessive(ctx.lower[k]) && ARTICLES.has(ctx.lower[k + 1]);
}

// "reports stating that…", "according to the statement": a cue noun can head a speaker's phrase.
// Walking left, only a plural qualifies: a singular there is more often the verb of another cue.
function isHeadNoun(w: string, anyNumber = false): boolean {
	if (CUE_NOUNS.has(w)) return true;
	const c = CUE_WORDS.get(w);
	return !!c && c.nounOk && (anyNumber || w.endsWith('s'));
}

const DAY_NAMES = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday']);

function isDayName(ctx: ClaimContext, k: number): boolean {
	return DAY_NAMES.has(ctx.lower[k]) && !isPossessive(ctx.lower[k + 1] ?? '');
}

function matchingOpen(ctx: ClaimContext, k: number, floor: number): number {
	for (let o = k - 1; o >= floor && k - o < 10; o--) if (ctx.lower[o] === '(') return o;
	return -1;
}

/** The noun phrase starting at token `i`, walking right; null when `i` cannot start one. */
export function phraseRight(ctx: ClaimContext, i: number, limit: number): TokenRange | null {
	if (i >= limit) return null;
	if (SUBJECT_PRONOUNS.has(ctx.lower[i])) return { first: i, last: i + 1 };
	let k = i;
	while (k < limit && k - i < MAX_PHRASE) {
		const w = ctx.lower[k];
		if ((isNominal(ctx, k) || (k > i && isHeadNoun(w, true))) && !(k > i && (isVerbForm(ctx, k) || isGerund(ctx, k)))) k++;
		else if (w === '(') {
			let c = k + 1;
			while (c < limit && c - k < 10 && ctx.lower[c] !== ')') c++;
			if (c >= limit || ctx.lower[c] !== ')') break;
			k = c + 1;
		} else if (NP_PREPOSITIONS.has(w) && k > i && k + 1 < limit && isNominal(ctx, k + 1) && !isGerund(ctx, k + 1)) k++;
		else break;
	}
	let last = k;
	while (last > i && ((ctx.doc.tokens[last - 1].kind === 'punct' && ctx.lower[last - 1] !== ')') || NP_PREPOSITIONS.has(ctx.lower[last - 1]))) last--;
	return last > i ? { first: i, last } : null;
}

/** Index of the previous comma at or after `floor`, stopping at clause punctuation; -1 when none. */
export function previousComma(ctx: ClaimContext, j: number, floor: number): number {
	for (let k = j - 1; k >= floor && j - k < 30; k--) {
		const w = ctx.lower[k];
		if (w === ',') return k;
		if (w === ';' || w === ':' || ctx.quoted[k]) return -1;
	}
	return -1;
}

/**
 * True when `r` reads as an apposition: a noun phrase, possibly with prepositions
 * ("the second-largest bank in the United States") and ending in a relative clause
 * ("an American automaker which has filed for bankruptcy").
 */
export function isApposition(ctx: ClaimContext, r: TokenRange): boolean {
	let k = r.first;
	for (; k < r.last; k++) {
		const w = ctx.lower[k];
		if (w === 'which' || w === 'who' || w === 'that') break;
		// "chairman and chief executive", "the House Ways and Means Committee".
		const joins = (w === 'and' || w === '&') && k > r.first && k + 1 < r.last && isNominal(ctx, k - 1) && isNominal(ctx, k + 1);
		if (!joins && !isNominal(ctx, k) && !PREPOSITIONS.has(w) && w !== '(' && w !== ')') return false;
	}
	return k > r.first;
}
