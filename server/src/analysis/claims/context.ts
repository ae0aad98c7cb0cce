/**
 * Shared per-document state of the claim finder: lower-cased tokens, which
 * tokens sit inside quotation marks, and small word-class tests.
 */
import { lowerTokens, type SeedDocument, type Sentence } from '../document';
import type { Triggers } from './checkworthy';
import { AUXILIARIES, CONJUNCTIONS, CUE_WORDS, PREPOSITIONS, SUBJECT_PRONOUNS } from './lexicon';

export interface ClaimContext {
	doc: SeedDocument;
	/** Lower-cased token texts, index for index with `doc.tokens`. */
	lower: readonly string[];
	/** 1 for tokens between an opening and a closing quotation mark (the marks excluded). */
	quoted: Uint8Array;
	/** 1 for the first token of each sentence. */
	starts: Uint8Array;
	/** The sentences the claim finder works on: the document's, with overlong ones cut into pieces. */
	units: Sentence[];
	/** Per unit, which check-worthiness patterns its words can match; filled on first use. */
	triggers: (Triggers | undefined)[];
}

/** Longest stretch of tokens searched as one sentence; longer "sentences" are text without full stops. */
export const MAX_UNIT_TOKENS = 160;

/** Builds the context; `quoted` is filled by the quotation finder. */
export function makeContext(doc: SeedDocument): ClaimContext {
	const starts = new Uint8Array(doc.tokens.length);
	for (const s of doc.sentences) if (s.first < s.last) starts[s.first] = 1;
	return { doc, lower: typewriterQuotes(doc, lowerTokens(doc)), quoted: new Uint8Array(doc.tokens.length), starts, units: units(doc), triggers: [] };
}

// Two apostrophes typed for a quotation mark (''like this'', as some archives write quotes) read as
// one straight double quote, not as a possessive: the first becomes `"`, the second is blanked.
function typewriterQuotes(doc: SeedDocument, lower: readonly string[]): readonly string[] {
	const { tokens } = doc;
	let out: string[] | undefined;
	for (let i = 0; i + 1 < tokens.length; i++) {
		if (tokens[i].text !== "'" || tokens[i + 1].text !== "'" || tokens[i].end !== tokens[i + 1].start) continue;
		out ??= lower.slice();
		out[i] = '"';
		out[i + 1] = '';
		i++;
	}
	return out ?? lower;
}

// Cuts sentences longer than MAX_UNIT_TOKENS at their last comma or semicolon within the limit,
// so that every search around a cue stays short and the whole pass stays linear.
function units(doc: SeedDocument): Sentence[] {
	const out: Sentence[] = [];
	for (const s of doc.sentences) {
		let first = s.first;
		while (s.last - first > MAX_UNIT_TOKENS) {
			let cut = first + MAX_UNIT_TOKENS;
			for (let k = cut - 1; k > first + MAX_UNIT_TOKENS / 2; k--) {
				if (/^[,;:]$/.test(doc.tokens[k].text)) {
					cut = k + 1;
					break;
				}
			}
			out.push({ ...s, first, last: cut, start: doc.tokens[first].start, end: doc.tokens[cut - 1].end });
			first = cut;
		}
		out.push(first === s.first ? s : { ...s, first, start: doc.tokens[first].start });
	}
	return out;
}

const OPENING_QUOTES = new Set(['“', '"', '«', '„']);
const CLOSING_QUOTES = new Set(['”', '"', '»']);

export const isOpeningQuote = (t: string): boolean => OPENING_QUOTES.has(t);
export const isClosingQuote = (t: string): boolean => CLOSING_QUOTES.has(t);

/** True when a quotation closes right before token `i` (a comma may stand between), not before token `first`. */
export function closesQuoteBefore(ctx: ClaimContext, i: number, first = 0): boolean {
	let j = i - 1;
	if (j >= first && ctx.lower[j] === ',') j--;
	if (j >= first && ctx.lower[j] === '') j--; // the blanked half of a typewriter quote ('')
	return j >= first && isClosingQuote(ctx.lower[j]);
}
export const isQuoteMark = (t: string): boolean => OPENING_QUOTES.has(t) || CLOSING_QUOTES.has(t);

const CAPITAL = /^\p{Lu}/u;

/** True for a token that starts with a capital letter (names, sentence-initial words). */
export function isCapitalized(text: string): boolean {
	return CAPITAL.test(text);
}

/** True for the possessive marker token: ’s, 's, or a lone apostrophe after a plural (“officials’”). */
export function isPossessive(lower: string): boolean {
	return lower === '’s' || lower === "'s" || lower === '’' || lower === "'";
}

/**
 * True for a token that can be part of a speaker's noun phrase: names, nouns,
 * adjectives, numbers, possessives — not verbs we know, auxiliaries, prepositions,
 * conjunctions, adverbs in -ly or punctuation.
 */
export function isNominal(ctx: ClaimContext, i: number): boolean {
	const t = ctx.doc.tokens[i];
	const w = ctx.lower[i];
	if (t.kind === 'number' || isPossessive(w)) return true;
	if (t.kind === 'punct') return w === '&' || w === '-' || w === '.';
	if (AUXILIARIES.has(w) || PREPOSITIONS.has(w) || CONJUNCTIONS.has(w) || SUBJECT_PRONOUNS.has(w)) return isCapitalized(t.text) && !isSentenceStart(ctx, i);
	if (isCapitalized(t.text)) return true;
	if (CUE_WORDS.has(w)) return false;
	return !isAdverb(w);
}

/** True when token `i` is the first of its sentence or follows an opening quotation mark. */
export function isSentenceStart(ctx: ClaimContext, i: number): boolean {
	return ctx.starts[i] === 1 || (i > 0 && isOpeningQuote(ctx.doc.tokens[i - 1].text));
}

/** A lower-case word ending in -ing: a verb form rather than a name. */
export function isGerund(ctx: ClaimContext, i: number): boolean {
	const w = ctx.lower[i];
	return ctx.doc.tokens[i].kind === 'word' && !isCapitalized(ctx.doc.tokens[i].text) && w.length > 5 && w.endsWith('ing') && !w.includes('-');
}

// Words in -ly that are nouns or adjectives, not adverbs.
const NOT_ADVERBS = new Set([
	'early',
	'daily',
	'weekly',
	'monthly',
	'yearly',
	'quarterly',
	'elderly',
	'family',
	'ally',
	'rally',
	'supply',
	'assembly',
	'monopoly',
	'anomaly',
	'italy',
	'july',
]);

/** True for an adverb in -ly ("reportedly", "sharply"), not "early" or "family". */
export function isAdverb(w: string): boolean {
	return w.length > 4 && w.endsWith('ly') && !NOT_ADVERBS.has(w);
}

// Common irregular past forms, so that "The airline cut 300 jobs" ends its subject before "cut".
const IRREGULAR_PAST = new Set(
	'was were had did made took gave got went came saw said told found thought became began ran won lost cut put set hit left kept held brought bought sold sent spent built paid met led rose fell grew fought drew knew shot struck stood wrote spoke broke chose drove froze hid rode sank sought'.split(
		' ',
	),
);

/** A lower-case verb form: a word in -ed (not a hyphenated adjective such as “east-based”) or a common irregular past. */
export function isVerbForm(ctx: ClaimContext, i: number): boolean {
	const w = ctx.lower[i];
	if (ctx.doc.tokens[i].kind !== 'word' || isCapitalized(ctx.doc.tokens[i].text)) return false;
	return (w.length > 4 && w.endsWith('ed') && !w.includes('-')) || IRREGULAR_PAST.has(w);
}
