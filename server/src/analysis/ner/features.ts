/**
 * Feature extraction for the entity tagger, shared by training and inference so both see exactly
 * the same numbers. Every feature is a 32-bit hash: a template id mixed with hashes of token
 * "atoms" (form, lowercase, shapes, affixes, flags) that are computed once per token, so the hot
 * loop does integer arithmetic and no string building.
 */

/** Lexical resources the features consult; they travel inside the model file. */
export interface Lexicon {
	/** Lowercase words seen mostly in lowercase: the common vocabulary. */
	common: Set<string>;
	/** Lowercase word → bit mask of gazetteer classes (see `GAZ_*`). */
	gazetteer: Map<string, number>;
}

export const GAZ_COUNTRY = 1;
export const GAZ_COUNTRY_PART = 2;
export const GAZ_PLACE = 4;
export const GAZ_PLACE_PART = 8;
export const GAZ_DEMONYM = 16;
export const GAZ_FIRST_NAME = 32;
export const GAZ_LAST_NAME = 64;
export const GAZ_ORG = 128;
export const GAZ_PERSON_TITLE = 256;

// Flag bits of a token, combined into single features.
const F_CAP = 1;
const F_ALLCAPS = 2;
const F_COMMON = 4;
const F_INITIAL = 8;
const F_DIGIT = 16;
const F_PUNCT = 32;
const F_DOT = 64;

/** Number of static (history-independent) features per token; `staticFeatures` always writes this many. */
export const STATIC_FEATURES = 38;

/** FNV-1a over UTF-16 code units, seeded. */
export function hashString(s: string, seed = 0x811c9dc5): number {
	let h = seed >>> 0;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** Mixes two 32-bit values into one well-spread, non-zero 32-bit value (0 marks empty slots). */
export function mix(a: number, b: number): number {
	let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0 || 1;
}

const mix3 = (a: number, b: number, c: number) => mix(mix(a, b), c);

/** Normalises typographic quotes and dashes so curly and straight forms share features. */
export function normalizeToken(t: string): string {
	if (!/[\u2018\u2019\u201c\u201d\u2013\u2014`]/.test(t)) return t;
	return t
		.replace(/[\u2018\u2019`]/g, "'")
		.replace(/[\u201c\u201d]/g, '"')
		.replace(/[\u2013\u2014]/g, '-');
}

function shapeClass(c: number): number {
	if (c >= 48 && c <= 57) return 100; // 'd'
	if (c >= 65 && c <= 90) return 88; // 'X'
	if (c >= 97 && c <= 122) return 120; // 'x'
	if (c < 128) return c;
	return wideShapes[c] || (wideShapes[c] = wideShape(c));
}

// The class of each code unit above ASCII, worked out on first sight: case-mapping a one-character
// string per character was most of the cost of a new word in scripts other than Latin.
const wideShapes = new Uint16Array(0x10000);

function wideShape(c: number): number {
	const ch = String.fromCharCode(c);
	if (ch !== ch.toLowerCase()) return 88;
	if (ch !== ch.toUpperCase()) return 120;
	return c;
}

/** Per-token atoms: hashes and flags computed once, read by the feature templates. */
export interface Atoms {
	form: Uint32Array;
	lower: Uint32Array;
	shape: Uint32Array;
	short: Uint32Array;
	prefix: Uint32Array; // 4 per token
	suffix: Uint32Array; // 4 per token
	flags: Uint32Array;
	gaz: Uint32Array;
	doc: Uint32Array;
}

/** Padding tokens at either side of a sentence, so neighbour lookups need no bounds checks. */
export const PAD = 2;

/** Atoms with room for sentences of up to `n` tokens (reusable across sentences). */
export function allocAtoms(n: number): Atoms {
	const m = n + 2 * PAD;
	return {
		form: new Uint32Array(m),
		lower: new Uint32Array(m),
		shape: new Uint32Array(m),
		short: new Uint32Array(m),
		prefix: new Uint32Array(4 * m),
		suffix: new Uint32Array(4 * m),
		flags: new Uint32Array(m),
		gaz: new Uint32Array(m),
		doc: new Uint32Array(m),
	};
}

// The same boundary values for every sentence, so "first/last word" features are shared.
function setPad(a: Atoms, k: number, value: number): void {
	a.form[k] = a.lower[k] = a.shape[k] = a.short[k] = value;
	a.flags[k] = a.gaz[k] = a.doc[k] = 0;
	a.prefix.fill(0, 4 * k, 4 * k + 4);
	a.suffix.fill(0, 4 * k, 4 * k + 4);
}

const OPENERS = new Set(['"', "'", '(', '[', ':', '-', ';']);

/** Context of a document that features may consult: which words occur in lowercase, which capitalised mid-sentence. */
export interface DocContext {
	lowerSeen: Set<string>;
	capMid: Map<string, number>;
}

/** Collects document-level evidence from all sentences (tokens already normalised). */
export function docContext(sentences: string[][]): DocContext {
	const lowerSeen = new Set<string>();
	const capMid = new Map<string, number>();
	for (const words of sentences) {
		for (let i = 0; i < words.length; i++) {
			const w = words[i];
			const c = w.charCodeAt(0);
			if (c >= 97 && c <= 122) lowerSeen.add(w);
			else if (isUpper(w) && i > 0 && !OPENERS.has(words[i - 1])) capMid.set(w, (capMid.get(w) ?? 0) + 1);
		}
	}
	return { lowerSeen, capMid };
}

/** The word starts with a capital letter. */
export function isUpper(w: string): boolean {
	const c = w.charCodeAt(0);
	if (c >= 65 && c <= 90) return true;
	// Above ASCII, 88 ('X') is exactly the code units that change in lower case.
	return c >= 128 && shapeClass(c) === 88;
}

/** Word-level atoms, in order: form, lower, shape, short, prefix×4, suffix×4, flags, gazetteer. */
export const WORD_ATOMS = 14;

/** Computes the atoms that depend on the word alone (cacheable per word). */
export function wordAtoms(w: string, lex: Lexicon): Uint32Array {
	const a = new Uint32Array(WORD_ATOMS);
	const lw = w.toLowerCase();
	a[0] = hashString(w, 0x1234567);
	a[1] = hashString(lw);
	shapeAtoms(w, a);
	affixAtoms(lw, a);
	let f = 0;
	const cap = isUpper(w);
	if (cap) f |= F_CAP;
	if (cap && w.length > 1 && w === w.toUpperCase() && w !== lw) f |= F_ALLCAPS;
	const listed = mayBeListed(lw, lex);
	if (listed && lex.common.has(lw)) f |= F_COMMON;
	if (/\d/.test(w)) f |= F_DIGIT;
	if (!/[\p{L}\p{N}]/u.test(w)) f |= F_PUNCT;
	if (w.length > 1 && w.endsWith('.')) f |= F_DOT;
	a[12] = f;
	a[13] = listed ? (lex.gazetteer.get(lw) ?? 0) : 0;
	return a;
}

// The characters above ASCII that occur in the lexicon's words, per lexicon.
const lexiconChars = new WeakMap<Lexicon, Uint8Array>();

// False when the word has a character no listed word has: it is then in neither list, found without
// hashing it (a text in another script, or random letters, would otherwise look up every word).
function mayBeListed(lw: string, lex: Lexicon): boolean {
	let chars: Uint8Array | undefined;
	for (let i = 0; i < lw.length; i++) {
		const c = lw.charCodeAt(i);
		if (c < 128) continue;
		if (!chars) {
			chars = lexiconChars.get(lex);
			if (!chars) lexiconChars.set(lex, (chars = charsOf(lex)));
		}
		if (!chars[c]) return false;
	}
	return true;
}

function charsOf(lex: Lexicon): Uint8Array {
	const chars = new Uint8Array(0x10000);
	const mark = (w: string) => {
		for (let i = 0; i < w.length; i++) chars[w.charCodeAt(i)] = 1;
	};
	for (const w of lex.common) mark(w);
	for (const w of lex.gazetteer.keys()) mark(w);
	return chars;
}

/** What sentence-level atoms read of one word, computed once per distinct word. */
export interface WordInfo {
	lower: string;
	atoms: Uint32Array;
	/** The word opens a clause or quote, so the next word stands first ("initial"). */
	opener: boolean;
}

/** The `WordInfo` of a (normalised) word. */
export function wordInfo(w: string, lex: Lexicon): WordInfo {
	return { lower: w.toLowerCase(), atoms: wordAtoms(w, lex), opener: OPENERS.has(w) };
}

/** Computes the atoms of one sentence's (normalised) words; `into` is reused if large enough. */
export function sentenceAtoms(words: string[], lex: Lexicon, doc?: DocContext, into?: Atoms): Atoms {
	return atomsOf(
		words,
		words.map((w) => wordInfo(w, lex)),
		words.length,
		doc,
		into,
	);
}

/** Sentence atoms from the words' precomputed `WordInfo`s (`infos[i]` for `words[i]`, `n` of them). */
export function atomsOf(words: readonly string[], infos: readonly WordInfo[], n: number, doc: DocContext | undefined, into?: Atoms, affixes = true): Atoms {
	const a = startAtoms(n, into);
	for (let i = 0; i < n; i++) fillAtoms(a, words, infos, i, doc, affixes);
	return a;
}

/** Atoms for a sentence of `n` tokens (`into` when it is large enough) with the padding set; the tokens' own are filled by `fillAtoms`. */
export function startAtoms(n: number, into?: Atoms): Atoms {
	const a = into && into.form.length >= n + 2 * PAD ? into : allocAtoms(n);
	setPad(a, 0, 0x5a5a);
	setPad(a, 1, 0x5a5b);
	setPad(a, n + PAD, 0xa5a5);
	setPad(a, n + PAD + 1, 0xa5a6);
	return a;
}

/** Fills the atoms of token `i` (0-based in the sentence). */
export function fillAtoms(a: Atoms, words: readonly string[], infos: readonly WordInfo[], i: number, doc: DocContext | undefined, affixes = true): void {
	const info = infos[i];
	const wa = info.atoms;
	const k = i + PAD;
	a.form[k] = wa[0];
	a.lower[k] = wa[1];
	a.shape[k] = wa[2];
	a.short[k] = wa[3];
	// Only the word features read affixes: inference sums those per word (`wordFeaturesOf`).
	if (affixes) {
		for (let j = 0; j < 4; j++) {
			a.prefix[4 * k + j] = wa[4 + j];
			a.suffix[4 * k + j] = wa[8 + j];
		}
	}
	const initial = i === 0 || infos[i - 1].opener;
	a.flags[k] = wa[12] | (initial ? F_INITIAL : 0);
	a.gaz[k] = wa[13];
	a.doc[k] = 0;
	if (doc && wa[12] & F_CAP) {
		let d = 1;
		if (doc.lowerSeen.has(info.lower)) d |= 2;
		const mid = (doc.capMid.get(words[i]) ?? 0) - (initial ? 0 : 1);
		if (mid > 0) d |= 4;
		a.doc[k] = d;
	}
}

// Shape with runs capped at four ("Xxxxx" for "London" and "Washington") and the compressed shape ("Xx").
function shapeAtoms(w: string, a: Uint32Array): void {
	let h = 0x811c9dc5;
	let hs = 0x811c9dc5;
	let prev = -1;
	let run = 0;
	for (let i = 0; i < w.length; i++) {
		const c = shapeClass(w.charCodeAt(i));
		if (c === prev) run++;
		else run = 1;
		if (run <= 4) h = Math.imul(h ^ c, 0x01000193);
		if (run === 1) hs = Math.imul(hs ^ c, 0x01000193);
		prev = c;
	}
	a[2] = h >>> 0;
	a[3] = (hs ^ 0x77) >>> 0;
}

function affixAtoms(lw: string, a: Uint32Array): void {
	let hp = 0x811c9dc5;
	let hs = 0x9dc5811c;
	const n = lw.length;
	for (let j = 0; j < 4; j++) {
		if (j < n) {
			hp = Math.imul(hp ^ lw.charCodeAt(j), 0x01000193);
			hs = Math.imul(hs ^ lw.charCodeAt(n - 1 - j), 0x01000193);
		}
		a[4 + j] = hp >>> 0;
		a[8 + j] = hs >>> 0;
	}
}

/** Features of the word alone (their weights can be summed once per word). */
export const WORD_FEATURES = 14;
/** Features of the word in its sentence. */
export const CONTEXT_FEATURES = STATIC_FEATURES - WORD_FEATURES;

/** Writes the STATIC_FEATURES hashes of token `i` (0-based in the sentence) into `out` at `at`. */
export function staticFeatures(a: Atoms, i: number, out: Uint32Array, at: number): void {
	wordFeatures(a, i, out, at);
	contextFeatures(a, i, out, at + WORD_FEATURES);
}

/** Writes the WORD_FEATURES hashes of token `i`. */
export function wordFeatures(a: Atoms, i: number, out: Uint32Array, at: number): void {
	const k = i + PAD;
	let n = at;
	out[n++] = mix(2, a.form[k]);
	out[n++] = mix(3, a.lower[k]);
	out[n++] = mix(4, a.shape[k]);
	out[n++] = mix(5, a.short[k]);
	for (let j = 0; j < 4; j++) out[n++] = mix(6 + j, a.prefix[4 * k + j]);
	for (let j = 0; j < 4; j++) out[n++] = mix(10 + j, a.suffix[4 * k + j]);
	out[n++] = mix3(35, a.suffix[4 * k + 2], a.short[k]);
	out[n++] = mix(1, 0);
}

/** The same WORD_FEATURES hashes from a word's own atoms (`wordAtoms`), for inference. */
export function wordFeaturesOf(wa: Uint32Array, out: Uint32Array): void {
	out[0] = mix(2, wa[0]);
	out[1] = mix(3, wa[1]);
	out[2] = mix(4, wa[2]);
	out[3] = mix(5, wa[3]);
	for (let j = 0; j < 4; j++) out[4 + j] = mix(6 + j, wa[4 + j]);
	for (let j = 0; j < 4; j++) out[8 + j] = mix(10 + j, wa[8 + j]);
	out[12] = mix3(35, wa[10], wa[3]);
	out[13] = mix(1, 0);
}

/** Writes the CONTEXT_FEATURES hashes of token `i`. */
export function contextFeatures(a: Atoms, i: number, out: Uint32Array, at: number): void {
	const k = i + PAD;
	const L = a.lower;
	const S = a.shape;
	const s = a.short;
	let n = at;
	out[n++] = mix(14, L[k - 1]);
	out[n++] = mix(15, L[k + 1]);
	out[n++] = mix(16, L[k - 2]);
	out[n++] = mix(17, L[k + 2]);
	out[n++] = mix(18, S[k - 1]);
	out[n++] = mix(19, S[k + 1]);
	out[n++] = mix(20, s[k - 2]);
	out[n++] = mix(21, s[k + 2]);
	out[n++] = mix3(22, L[k - 1], L[k]);
	out[n++] = mix3(23, L[k], L[k + 1]);
	out[n++] = mix3(24, mix(s[k - 1], s[k]), s[k + 1]);
	out[n++] = mix3(25, a.flags[k], s[k]);
	out[n++] = mix(26, a.flags[k]);
	out[n++] = mix3(27, a.flags[k - 1], a.flags[k]);
	out[n++] = mix3(28, a.flags[k], a.flags[k + 1]);
	out[n++] = mix3(29, a.gaz[k], a.flags[k] & (F_CAP | F_INITIAL));
	out[n++] = mix(30, a.gaz[k - 1]);
	out[n++] = mix(31, a.gaz[k + 1]);
	out[n++] = mix3(32, a.doc[k], a.flags[k] & (F_INITIAL | F_COMMON));
	out[n++] = mix3(33, L[k - 1], s[k]);
	out[n++] = mix3(34, s[k], L[k + 1]);
	out[n++] = mix3(36, a.form[k - 1], s[k]);
	out[n++] = mix3(37, L[k - 2], L[k - 1]);
	out[n++] = mix3(38, L[k + 1], L[k + 2]);
}

/**
 * The context features grouped by what they read, for inference: a group that reads one word (a
 * neighbour at a fixed offset, or the word itself with its flags) has the same weights wherever that
 * word stands, so the tagger sums them once per word. Together the groups are exactly
 * `contextFeatures` (a unit test holds them to it); training keeps using `contextFeatures`.
 */
export const NEAR_ROLES = 4;

/** Writes the features that read the word at offset −2, −1, +1, +2 (`role` 0..3) from the token; returns how many. */
export function nearFeatures(role: number, lower: number, shape: number, short: number, gaz: number, out: Uint32Array): number {
	switch (role) {
		case 0:
			out[0] = mix(16, lower);
			out[1] = mix(20, short);
			return 2;
		case 1:
			out[0] = mix(14, lower);
			out[1] = mix(18, shape);
			out[2] = mix(30, gaz);
			return 3;
		case 2:
			out[0] = mix(15, lower);
			out[1] = mix(19, shape);
			out[2] = mix(31, gaz);
			return 3;
		default:
			out[0] = mix(17, lower);
			out[1] = mix(21, short);
			return 2;
	}
}

/** Number of context features that read the token alone with its flags. */
export const SELF_FEATURES = 3;

/** Writes the SELF_FEATURES context features that read the token alone with its flags. */
export function selfFeatures(flags: number, short: number, gaz: number, out: Uint32Array): void {
	out[0] = mix3(25, flags, short);
	out[1] = mix(26, flags);
	out[2] = mix3(29, gaz, flags & (F_CAP | F_INITIAL));
}

/** The context feature of the token's document evidence (see `atomsOf`). */
export function docFeature(flags: number, doc: number): number {
	return mix3(32, doc, flags & (F_INITIAL | F_COMMON));
}

/** Number of context features that read two or more tokens. */
export const PAIR_FEATURES = 10;

/** Writes the PAIR_FEATURES context features of token `i` that read two or more tokens. */
export function pairFeatures(a: Atoms, i: number, out: Uint32Array): void {
	const k = i + PAD;
	const L = a.lower;
	const s = a.short;
	out[0] = mix3(22, L[k - 1], L[k]);
	out[1] = mix3(23, L[k], L[k + 1]);
	out[2] = mix3(24, mix(s[k - 1], s[k]), s[k + 1]);
	out[3] = mix3(27, a.flags[k - 1], a.flags[k]);
	out[4] = mix3(28, a.flags[k], a.flags[k + 1]);
	out[5] = mix3(33, L[k - 1], s[k]);
	out[6] = mix3(34, s[k], L[k + 1]);
	out[7] = mix3(36, a.form[k - 1], s[k]);
	out[8] = mix3(37, L[k - 2], L[k - 1]);
	out[9] = mix3(38, L[k + 1], L[k + 2]);
}

/** The flag bit of a sentence's first word, for callers that compose a token's flags from a word's and its position. */
export const INITIAL_FLAG = F_INITIAL;

/** Number of history features per token: tag-only ones first (`TAG_FEATURES`), then tag-and-word ones. */
export const HISTORY_FEATURES = 7;
/** History features that depend on the previous tags alone (their weights can be tabled per tag pair). */
export const TAG_FEATURES = 2;

/**
 * Writes the features that depend on earlier decisions: the two previous tags (`t1` nearest) and
 * `prior`, the type most often predicted for this word earlier in the document (see `PriorTypes`).
 */
export function historyFeatures(a: Atoms, i: number, t1: number, t2: number, prior: number, out: Uint32Array, at: number): void {
	const k = i + PAD;
	out[at] = mix(101, t1);
	out[at + 1] = mix3(102, t1, t2);
	out[at + 2] = mix3(103, t1, a.lower[k]);
	out[at + 3] = mix3(104, t1, a.short[k]);
	out[at + 4] = mix3(105, t1, a.flags[k]);
	out[at + 5] = mix3(106, prior, a.flags[k] & (F_CAP | F_INITIAL));
	out[at + 6] = mix3(107, prior, a.short[k]);
}

/** Writes the history features after the tag-only ones (`HISTORY_FEATURES − TAG_FEATURES` of them) when the previous tag is O and there is no prior: they then read the word alone. */
export function historyFeaturesAfterO(lower: number, short: number, flags: number, out: Uint32Array): void {
	out[0] = mix3(103, 0, lower);
	out[1] = mix3(104, 0, short);
	out[2] = mix3(105, 0, flags);
	out[3] = mix3(106, 0, flags & (F_CAP | F_INITIAL));
	out[4] = mix3(107, 0, short);
}

/**
 * What the tagger has said so far in a document about each capitalised word: counts of the types
 * of the names it was part of. Gives "Boeing" in sentence 9 the evidence of sentences 1-8.
 */
export class PriorTypes {
	private readonly counts = new Map<number, number[]>();

	/** The commonest type index + 1 of the word at token `i`, or 0 if never seen in a name or not capitalised. */
	prior(a: Atoms, i: number): number {
		const k = i + PAD;
		if (!(a.flags[k] & F_CAP)) return 0;
		const c = this.counts.get(a.lower[k]);
		if (!c) return 0;
		let best = 0;
		for (let t = 1; t < c.length; t++) if (c[t] > c[best]) best = t;
		return best + 1;
	}

	/** Records a name of type index `type` over tokens `[first, last)`. */
	record(a: Atoms, first: number, last: number, type: number, types: number): void {
		for (let i = first; i < last; i++) {
			const k = i + PAD;
			if (!(a.flags[k] & F_CAP)) continue;
			let c = this.counts.get(a.lower[k]);
			if (!c) this.counts.set(a.lower[k], (c = new Array<number>(types).fill(0)));
			c[type]++;
		}
	}
}

/** Hash of a caller-supplied gazetteer feature string, for models trained with such features. */
export function callerFeature(name: string): number {
	return mix(200, hashString(name));
}
