/** Paragraphs (at blank lines) and sentences (over the token stream) of a seed file's body. */
import { isSpace, type Token } from './tokens';

export interface Sentence {
	start: number;
	end: number;
	/** Index of the first token of the sentence in `SeedDocument.tokens`. */
	first: number;
	/** Index one past the last token. */
	last: number;
	paragraph: number;
}

export interface Paragraph {
	start: number;
	end: number;
}

/**
 * Splits the body into paragraphs at blank lines (lines of white space only). Walks the text from
 * line break to line break: a pattern tried at every space took ten milliseconds on a megabyte,
 * and long documents are split again after every edit.
 */
export function splitParagraphs(text: string, from: number): Paragraph[] {
	const out: Paragraph[] = [];
	const push = (s: number, e: number) => {
		while (s < e && isSpace(text.charCodeAt(s))) s++;
		while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
		if (e > s) out.push({ start: s, end: e });
	};
	// The line break that ends the line of white space starting at `at`, or −1 when that line has more.
	const blankLineEnd = (at: number) => {
		while (at < text.length && text.charCodeAt(at) !== 10 && isSpace(text.charCodeAt(at))) at++;
		return at < text.length && text.charCodeAt(at) === 10 ? at : -1;
	};
	let pos = from;
	for (let nl = text.indexOf('\n', from); nl >= 0;) {
		let end = blankLineEnd(nl + 1);
		if (end < 0) {
			nl = text.indexOf('\n', nl + 1);
			continue;
		}
		for (let next = blankLineEnd(end + 1); next >= 0; next = blankLineEnd(end + 1)) end = next;
		push(pos, nl);
		pos = end + 1;
		nl = text.indexOf('\n', pos);
	}
	push(pos, text.length);
	return out;
}

const CLOSERS = new Set(['”', '’', ')', ']', '»']);

// A straight quote closes the sentence only when the sentence has an odd number of them so far.
function isCloser(tokens: Token[], first: number, i: number): boolean {
	const t = tokens[i].text;
	if (CLOSERS.has(t)) return true;
	if (t !== '"' && t !== "'") return false;
	let n = 0;
	for (let k = first; k < i; k++) if (tokens[k].text === t) n++;
	return n % 2 === 1;
}

// Only full stops, question and exclamation marks and ellipses (/^[.!?…]+$/ read without a pattern: it is asked of every token).
function isStops(w: string): boolean {
	if (w.length === 0) return false;
	for (let i = 0; i < w.length; i++) {
		const c = w.charCodeAt(i);
		if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) return false;
	}
	return true;
}

// Abbreviations that rarely end a sentence, so a capital after them does not start one.
const NEVER_FINAL = new Set([
	'mr.',
	'mrs.',
	'ms.',
	'dr.',
	'prof.',
	'ft.',
	'gen.',
	'col.',
	'lt.',
	'sgt.',
	'capt.',
	'gov.',
	'sen.',
	'rep.',
	'rev.',
	'st.',
	'mt.',
	'no.',
	'vs.',
]);

const TITLE_CASE = /^\p{Lu}\p{Ll}/u;
const INITIAL = /^\p{Lu}\.$/u;
const LETTERS_WITH_DOTS = /^(\p{L}\.)+$/u;
// What may open the next sentence after a full stop.
const SENTENCE_OPENER = /^[\p{Lu}\p{N}"“‘'([—–-]/u;

/** Splits each paragraph into sentences over the token stream. */
export function splitSentences(tokens: Token[], paragraphs: Paragraph[]): Sentence[] {
	const out: Sentence[] = [];
	let i = 0;
	paragraphs.forEach((p, pi) => {
		while (i < tokens.length && tokens[i].start < p.start) i++;
		let first = i;
		while (i < tokens.length && tokens[i].end <= p.end) {
			const t = tokens[i];
			let endHere = false;
			if (isStops(t.text)) endHere = true;
			else if (t.text.endsWith('.') && t.text.length > 1 && !NEVER_FINAL.has(t.text.toLowerCase())) {
				const next = tokens[i + 1];
				// An abbreviation ends a sentence only when a capitalised word follows that is not a name's next initial.
				endHere = !!next && next.end <= p.end && TITLE_CASE.test(next.text) && !INITIAL.test(t.text) && LETTERS_WITH_DOTS.test(t.text) === false;
			}
			i++;
			if (endHere) {
				while (i < tokens.length && tokens[i].end <= p.end && (isCloser(tokens, first, i) || isStops(tokens[i].text))) i++;
				const next = tokens[i];
				if (!next || next.end > p.end || SENTENCE_OPENER.test(next.text)) {
					out.push({ start: tokens[first].start, end: tokens[i - 1].end, first, last: i, paragraph: pi });
					first = i;
				}
			}
		}
		if (i > first) out.push({ start: tokens[first].start, end: tokens[i - 1].end, first, last: i, paragraph: pi });
	});
	return out;
}
