/**
 * Tokens: words, numbers and punctuation as offsets into the exact file text, each with its
 * spelling's shared `WordForm`. Possessive ’s is its own token; abbreviations keep their dot.
 */
import { formAt, formOf, type TokenKind, type WordForm } from './wordForms';

export interface Token {
	start: number;
	end: number;
	text: string;
	kind: TokenKind;
	/** The token's spelling, shared by every token spelt the same way. */
	form: WordForm;
}

// Letters (any script), marks, digits; apostrophes and dots inside words are handled below.
// Character classes rather than alternations: the same matches without a capture per character.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:(?:['’](?!s\b)|[.\-&](?=[\p{L}\p{N}])|,(?=\d{3}\b))[\p{L}\p{M}\p{N}]+)*\.?|['’]s\b|\S/gu;

/** Tokenizes `text[start, end)`: words, numbers, punctuation. Possessive ’s is its own token. */
export function tokenize(text: string, start: number, end: number): Token[] {
	return tokenizeInto(text, start, end, []);
}

// The same pattern anchored where a token starts: every character that is not white space starts one
// (the last alternative is \S), so the scan skips white space itself and only measures each token.
export const TOKEN_AT = new RegExp(TOKEN.source, 'uy');
const SPACE = /\s/;

// Above ASCII: 1 for white space, 2 for not, 0 not yet known.
const wideSpace = new Uint8Array(0x10000);

/** True for white space (the pattern's \\s), read by character code. */
export function isSpace(c: number): boolean {
	if (c < 128) return c === 32 || (c >= 9 && c <= 13);
	return (wideSpace[c] ||= SPACE.test(String.fromCharCode(c)) ? 1 : 2) === 1;
}

// Character classes of the token pattern by UTF-16 code: RUN for \p{L}\p{M}\p{N} (a word's
// characters), LN for \p{L}\p{N} (what may follow an inner dot, hyphen or ampersand). Filled lazily
// above ASCII; KNOWN marks a filled entry.
const KNOWN = 1;
const RUN = 2;
const LN = 4;
const classes = new Uint8Array(0x10000);
const RUN_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LN_CHAR = /[\p{L}\p{N}]/u;

function classOf(c: number): number {
	const k = classes[c];
	if (k !== 0) return k;
	const ch = String.fromCharCode(c);
	return (classes[c] = KNOWN | (RUN_CHAR.test(ch) ? RUN : 0) | (LN_CHAR.test(ch) ? LN : 0));
}

// \w in the pattern's sense (\b is ASCII-only): letters, digits and the underscore.
function isAsciiWord(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isSurrogate(c: number): boolean {
	return c >= 0xd800 && c <= 0xdfff;
}

/**
 * Where the token starting at `at` (not white space) ends, by the rules of TOKEN, read character by
 * character: the same result as the pattern without running it for every token. Returns -1 where a
 * surrogate pair is involved, and the caller runs the pattern itself.
 */
export function scanToken(text: string, at: number): number {
	const c = text.charCodeAt(at);
	if (isSurrogate(c)) return -1;
	if (!(classOf(c) & RUN)) {
		// 's or ’s before a word boundary, else one character.
		if ((c === 39 || c === 0x2019) && text.charCodeAt(at + 1) === 115 && !isAsciiWord(text.charCodeAt(at + 2))) return at + 2;
		return at + 1;
	}
	const n = text.length;
	let p = at + 1;
	for (;;) {
		for (; p < n; p++) {
			const x = text.charCodeAt(p);
			if (isSurrogate(x)) return -1;
			if (!(classOf(x) & RUN)) break;
		}
		if (p + 1 >= n) break;
		const sep = text.charCodeAt(p);
		const next = text.charCodeAt(p + 1);
		if (isSurrogate(next)) return -1;
		if (sep === 39 || sep === 0x2019) {
			// An apostrophe inside a word, unless it starts a possessive 's.
			if (next === 115 && !isAsciiWord(text.charCodeAt(p + 2))) break;
			if (!(classOf(next) & RUN)) break;
		} else if (sep === 46 || sep === 45 || sep === 38) {
			if (!(classOf(next) & LN)) break;
		} else if (sep === 44) {
			// A thousands separator: three digits and a word boundary.
			if (!(isDigit(next) && isDigit(text.charCodeAt(p + 2)) && isDigit(text.charCodeAt(p + 3)) && !isAsciiWord(text.charCodeAt(p + 4)))) break;
		} else break;
		p += 2;
	}
	return text.charCodeAt(p) === 46 ? p + 1 : p;
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

/** Appends the tokens of `text[start, end)` to `out`. */
export function tokenizeInto(text: string, start: number, end: number, out: Token[]): Token[] {
	let at = start;
	for (;;) {
		while (at < end && isSpace(text.charCodeAt(at))) at++;
		if (at >= end) return out;
		let stop = scanToken(text, at);
		if (stop < 0) {
			TOKEN_AT.lastIndex = at;
			TOKEN_AT.test(text);
			stop = TOKEN_AT.lastIndex;
		}
		// A token never crosses the paragraph's end.
		stop = Math.min(stop, end);
		// Keep the trailing dot only on abbreviations (U.S., Mr., Sept.); a sentence's final dot is punctuation.
		if (stop - at > 1 && text.charCodeAt(stop - 1) === 46 && !isAbbreviation(text.slice(at, stop))) stop--;
		if (stop - at > 2 && hasHyphen(text, at, stop)) splitHyphenatedName(text.slice(at, stop), at, out);
		else {
			// The form is found from the text itself: the token's text is the form's, no copy per token.
			const form = formAt(text, at, stop);
			out.push({ start: at, end: stop, text: form.text, kind: form.kind, form });
		}
		at = stop;
	}
}

const NAME_PREFIXES = new Set([
	'pro',
	'anti',
	'ex',
	'non',
	'post',
	'pre',
	'neo',
	'mid',
	'trans',
	'pan',
	'un',
	'all',
	'inter',
	'intra',
	'sub',
	'super',
	'ultra',
]);

const PREFIXED_NAME = /^(\p{L}\p{Ll}*)-(\p{Lu}.*)$/u;

// "pro-Haftar", "anti-Kremlin": the name after the hyphen is a token of its own, so it can be a mention.
function splitHyphenatedName(t: string, s: number, out: Token[]): void {
	const h = PREFIXED_NAME.exec(t);
	if (!h || !NAME_PREFIXES.has(h[1].toLowerCase())) {
		out.push(token(s, t));
		return;
	}
	out.push(token(s, h[1]));
	out.push(token(s + h[1].length, '-'));
	out.push(token(s + h[1].length + 1, h[2]));
}

function token(start: number, text: string): Token {
	const form = formOf(text);
	return { start, end: start + text.length, text, kind: form.kind, form };
}

const ABBREVIATIONS = new Set(
	(
		'mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt maj cmdr adm gov sen rep rev hon pres ' +
		'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
		'inc corp ltd co bros dept univ assn est approx no vs etc al fig vol'
	).split(' '),
);

const DOTTED_LETTERS = /^(\p{L}\.)+\p{L}$/u;
const ONE_CAPITAL = /^\p{Lu}$/u;

/** True for tokens that end in a dot that is part of the word: Mr., Sept., U.S., D.C., J. */
export function isAbbreviation(t: string): boolean {
	if (!t.endsWith('.')) return false;
	const w = t.slice(0, -1);
	if (DOTTED_LETTERS.test(w)) return true; // U.S., D.C., e.g.
	if (ONE_CAPITAL.test(w)) return true; // initials: J. R. R. Tolkien
	return ABBREVIATIONS.has(w.toLowerCase());
}

// Within the token only: `indexOf` would search the rest of a megabyte for every token without one.
function hasHyphen(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) if (text.charCodeAt(i) === 45) return true;
	return false;
}
