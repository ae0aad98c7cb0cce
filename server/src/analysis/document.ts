/**
 * The document model: header, paragraphs, sentences and tokens, all as offsets
 * into the exact file text. Everything else in the analysis reads this.
 */
import type { Diagnostic, Header } from './types';
import { HEADER_DATE, HEADER_LINE } from './header';

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
	start: number;
	end: number;
	text: string;
	kind: TokenKind;
	/** The token's spelling, shared by every token spelt the same way. */
	form: WordForm;
}

/**
 * One spelling of a token. Tokens spelt alike share it across documents (short words in Latin script;
 * others get their own), so what later stages derive from the text alone is worked out once per
 * spelling and found without looking the text up again.
 */
export interface WordForm {
	readonly text: string;
	/** The text in lower case. */
	readonly lower: string;
	/** The entity tagger's memo of this spelling (its own type; undefined until the tagger meets it). */
	tagger: unknown;
	/** The gazetteer's trie node for names starting with this word (null: none; undefined until looked up). */
	gazetteer: unknown;
	/** What a token of this spelling is. */
	readonly kind: TokenKind;
	/** The claim finder's trigger bits for this spelling (-1 until looked up). */
	triggers: number;
}

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

export interface SeedDocument {
	text: string;
	header: Header;
	/** Offset where the body (everything after the header line) starts. */
	bodyStart: number;
	paragraphs: Paragraph[];
	sentences: Sentence[];
	tokens: Token[];
	diagnostics: Diagnostic[];
}

/** True when `y-m-d` names a day that exists in the proleptic Gregorian calendar. */
export function isRealDate(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1) return false;
	const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
	return d <= days[m - 1];
}

function lineEnd(text: string, from: number): number {
	const n = text.indexOf('\n', from);
	return n < 0 ? text.length : n;
}

/** Parses the header: the first non-empty line, `date YYYY-MM-DD Title`. */
export function parseHeader(text: string): { header: Header; bodyStart: number; diagnostics: Diagnostic[] } {
	const diagnostics: Diagnostic[] = [];
	const m = /\S/.exec(text);
	if (!m) {
		diagnostics.push({
			code: 'empty-document',
			severity: 'warning',
			message: 'The file is empty: a seed file starts with a header line “date YYYY-MM-DD Title”.',
			start: 0,
			end: 0,
		});
		return { header: { date: null, title: null, start: 0, end: 0 }, bodyStart: text.length, diagnostics };
	}
	const start = text.lastIndexOf('\n', m.index) + 1;
	let end = lineEnd(text, start);
	const bodyStart = Math.min(text.length, end + 1);
	if (end > start && text[end - 1] === '\r') end--;
	const line = text.slice(start, end);
	const h = HEADER_LINE.exec(line);
	if (!h) {
		diagnostics.push({
			code: 'missing-header',
			severity: 'warning',
			message: 'No header: the first line of a seed file should be “date YYYY-MM-DD Title”. Relative dates cannot be resolved without it.',
			start: start + (m.index - start),
			end,
		});
		return { header: { date: null, title: null, start, end }, bodyStart: start, diagnostics };
	}
	const dateStart = start + h[1].length + line.slice(h[1].length).indexOf(h[2]);
	const dateEnd = dateStart + h[2].length;
	const title = h[3] ? h[3] : null;
	let date: string | null = null;
	const d = HEADER_DATE.exec(h[2]);
	if (!d) {
		diagnostics.push({
			code: 'malformed-date',
			severity: 'warning',
			message: `The header date “${h[2]}” is not of the form YYYY-MM-DD; relative dates cannot be resolved.`,
			start: dateStart,
			end: dateEnd,
		});
	} else if (!isRealDate(+d[1], +d[2], +d[3])) {
		diagnostics.push({
			code: 'malformed-date',
			severity: 'warning',
			message: `The header date ${h[2]} does not exist; relative dates cannot be resolved.`,
			start: dateStart,
			end: dateEnd,
		});
	} else {
		date = h[2];
	}
	if (!title) {
		diagnostics.push({ code: 'missing-title', severity: 'information', message: 'The header has a date but no title.', start, end });
	}
	return { header: { date, title, start, end }, bodyStart, diagnostics };
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

function isSpace(c: number): boolean {
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

// Appends the tokens of `text[start, end)` to `out`.
function tokenizeInto(text: string, start: number, end: number, out: Token[]): Token[] {
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

const LETTER_OR_MARK = /^[\p{L}\p{M}]/u;
const DIGIT = /^\p{N}/u;

function kindOf(t: string): TokenKind {
	const c = t.charCodeAt(0);
	if (c < 128) {
		if (c >= 48 && c <= 57) return 'number';
		if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 'word';
		if (c === 39 && t.length === 2) return 'word'; // 's
		return 'punct';
	}
	if (DIGIT.test(t)) return 'number';
	if (LETTER_OR_MARK.test(t) || t === '’s') return 'word';
	return 'punct';
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

// Within the token only: `indexOf` would search the rest of a megabyte for every token without one.
function hasHyphen(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) if (text.charCodeAt(i) === 45) return true;
	return false;
}

// The same words recur through a document and across documents: each spelling is met once.
// Longer texts get a form of their own rather than a shared one (a megabyte-long "word" stays out of the table).
const SHARED_LENGTH = 64;
const FORMS_LIMIT = 100_000;

// `word` equals `text` from `start` on, for word.length characters.
function sameChars(word: string, text: string, start: number): boolean {
	for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
	return true;
}

/**
 * The shared forms, by spelling: an open-addressing table hashed over the document's characters, so a
 * token's form is found without first copying its text out of the document (the copy, and a Map's own
 * hashing of it, were a tenth of reading a document).
 */
class FormTable {
	private slots: (WordForm | undefined)[] = new Array<WordForm | undefined>(1 << 15);
	private hashes = new Int32Array(1 << 15);
	private size = 0;

	get(text: string, start: number, end: number): WordForm {
		let h = 0x811c9dc5 | 0;
		for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
		// Stored hashes are never 0, which marks an empty slot: a probe reads the hash array alone
		// until a hash matches.
		h = h | 1;
		const hashes = this.hashes;
		const mask = hashes.length - 1;
		const len = end - start;
		for (let s = h & mask; ; s = (s + 1) & mask) {
			const k = hashes[s];
			if (k === 0) return this.add(s, h, text.slice(start, end));
			if (k !== h) continue;
			const f = this.slots[s]!;
			if (f.text.length === len && sameChars(f.text, text, start)) return f;
		}
	}

	private add(s: number, h: number, text: string): WordForm {
		const form = newForm(text);
		if (this.size >= FORMS_LIMIT) {
			this.slots = new Array<WordForm | undefined>(1 << 15);
			this.hashes = new Int32Array(1 << 15);
			this.size = 0;
			return this.put(form, h);
		}
		this.slots[s] = form;
		this.hashes[s] = h;
		if (++this.size * 2 > this.slots.length) this.grow();
		return form;
	}

	private put(form: WordForm, h: number): WordForm {
		const mask = this.slots.length - 1;
		let s = h & mask;
		while (this.slots[s] !== undefined) s = (s + 1) & mask;
		this.slots[s] = form;
		this.hashes[s] = h;
		this.size++;
		return form;
	}

	private grow(): void {
		const { slots, hashes } = this;
		this.slots = new Array<WordForm | undefined>(slots.length * 2);
		this.hashes = new Int32Array(slots.length * 2);
		this.size = 0;
		for (let s = 0; s < slots.length; s++) {
			const f = slots[s];
			if (f !== undefined) this.put(f, hashes[s]);
		}
	}
}

const forms = new FormTable();

function newForm(text: string): WordForm {
	return { text, lower: text.toLowerCase(), tagger: undefined, gazetteer: undefined, kind: kindOf(text), triggers: -1 };
}

/** The form of `text[start, end)`: shared for short words in Latin script, a fresh one otherwise. */
function formAt(text: string, start: number, end: number): WordForm {
	// Words in other scripts are not shared: they are rare in news, and a megabyte of random
	// letters would fill the table with words never seen again.
	if (end - start > SHARED_LENGTH || text.charCodeAt(start) >= 128) return newForm(text.slice(start, end));
	return forms.get(text, start, end);
}

/** The form of a spelling: shared for short words in Latin script, a fresh one otherwise. */
export function formOf(text: string): WordForm {
	return formAt(text, 0, text.length);
}

/** `text.toLowerCase()`, remembered per spelling. */
export function lowerCase(text: string): string {
	return formOf(text).lower;
}

const lowered = new WeakMap<SeedDocument, readonly string[]>();

/** The texts of the document's tokens in lower case, computed once per document for every stage that reads them. */
export function lowerTokens(doc: SeedDocument): readonly string[] {
	let low = lowered.get(doc);
	if (!low) {
		const { tokens } = doc;
		const out = new Array<string>(tokens.length);
		for (let i = 0; i < tokens.length; i++) out[i] = tokens[i].form.lower;
		lowered.set(doc, (low = out));
	}
	return low;
}

/** Builds the document model of a seed file. */
export function parseDocument(text: string): SeedDocument {
	const { header, bodyStart, diagnostics } = parseHeader(text);
	const paragraphs = splitParagraphs(text, bodyStart);
	const tokens: Token[] = [];
	for (const p of paragraphs) tokenizeInto(text, p.start, p.end, tokens);
	const sentences = splitSentences(tokens, paragraphs);
	return { text, header, bodyStart, paragraphs, sentences, tokens, diagnostics };
}
