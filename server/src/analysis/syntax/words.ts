/**
 * What the tagger and the parser know of a word by itself: hashes of its spelling, lower case, shape,
 * prefixes and suffixes, and its ambiguity class (the tags it had in the treebank).
 */
import { hashString } from './weights';

export interface WordInfo {
	form: number;
	lower: number;
	shape: number;
	suffix: [number, number, number, number];
	prefix: [number, number, number];
	/** Bit mask of the tags this word had in training (0: unknown or rare). */
	amb: number;
	/** Its most frequent tag in training, or -1. */
	mft: number;
	/** Hash of its word class in the general English lexicon (compromise's), or 0 when not listed. */
	lex: number;
	/** Capitalised (first letter upper case). */
	cap: boolean;
	/** Starts with a lower-case letter (not a proper noun in edited text). */
	lowerInitial: boolean;
	/** What the tagger keeps of this word (filled by the tagger). */
	tagMemo?: TagMemo;
	/** The parser's weights of this word's own features (filled by the parser). */
	parseMemo?: ParseMemo;
}

/**
 * What the tagger keeps of a word: what its features that combine words read of it (`atoms`), and its
 * per-role weight sums for the last two models that tagged it (the two passes). Plain fields, not a
 * list: the tagger reads them for every token, and each step from one object to the next is a likely
 * cache miss.
 */
export interface TagMemo {
	atoms: Uint32Array;
	model1: object | undefined;
	sums1: Float32Array | undefined;
	model2: object | undefined;
	sums2: Float32Array | undefined;
}

/**
 * The parser's packed weights of a word's own features, for the last two (model, tag) pairs it was
 * parsed with, in plain fields for the same reason as `TagMemo`.
 */
export interface ParseMemo {
	model1: object | undefined;
	tag1: number;
	codes1: Int32Array | undefined;
	model2: object | undefined;
	tag2: number;
	codes2: Int32Array | undefined;
}

/** Word shape: letters as X/x, digits as d, runs longer than two cut ("Xxx", "dd-dd"), at most 8 marks. */
export function shapeOf(w: string): string {
	let out = '';
	let last = '';
	let run = 0;
	for (const ch of w) {
		const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
		if (c === last) {
			if (++run > 2) continue;
		} else {
			last = c;
			run = 1;
		}
		out += c;
		if (out.length >= 8) break;
	}
	return out;
}

/** Lower-cased spelling with digits folded to 0, the form the features and the tag dictionary read. */
export function normalise(w: string): string {
	return w.toLowerCase().replace(/\d/g, '0');
}

/**
 * What is known of words before tagging: the treebank's tag dictionary (normalised word → (tag mask << 8)
 * | most frequent tag) and a general English lexicon (lower-case word → hash of its word class), which
 * helps with words the treebank never had.
 */
export interface TagDictionary {
	tags: WordTable;
	lexicon: WordTable;
}

/** A word's number (a map, or `SortedLines`). */
export interface WordTable {
	get(word: string): number | undefined;
}

/**
 * "word rest" lines in strictly increasing order of the word (JavaScript string order), as the model
 * file keeps its tag dictionary and lexicon, found by binary search over the text itself: loading does
 * nothing (a map of 30,000 words took a fifth of the model's load time, an index of the lines a tenth).
 * `value` reads the rest of a line when its word is asked for. Lines without a word and a space are
 * passed over.
 */
export class SortedLines implements WordTable {
	constructor(
		private readonly text: string,
		private readonly value: (rest: string) => number,
	) {}

	get(word: string): number | undefined {
		const text = this.text;
		// The lines that start in [lo, hi) are left to search; lo is always a line's start.
		let lo = 0;
		let hi = text.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			const start = mid === 0 ? 0 : text.lastIndexOf('\n', mid - 1) + 1;
			// The first line with a word from there on, before hi.
			let at = start;
			let end = lineEnd(text, at);
			let sp = text.indexOf(' ', at);
			while (!(sp > at && sp < end) && end + 1 < hi) {
				at = end + 1;
				end = lineEnd(text, at);
				sp = text.indexOf(' ', at);
			}
			if (!(sp > at && sp < end)) {
				hi = start;
				continue;
			}
			const w = text.slice(at, sp);
			if (w === word) return this.value(text.slice(sp + 1, end));
			if (w < word) lo = end + 1;
			else hi = start;
		}
		return undefined;
	}

	/** Whether every line's word comes after the one before (what `get` needs). */
	static sorted(text: string): boolean {
		let last: string | undefined;
		for (const line of text.split('\n')) {
			const sp = line.indexOf(' ');
			if (sp <= 0) continue;
			const w = line.slice(0, sp);
			if (last !== undefined && !(last < w)) return false;
			last = w;
		}
		return true;
	}
}

const lineEnd = (text: string, at: number): number => {
	const end = text.indexOf('\n', at);
	return end < 0 ? text.length : end;
};

/** The tag dictionary's "mask mft" as (mask << 8) | mft. */
export const dictionaryValue = (rest: string): number => {
	const sp = rest.indexOf(' ');
	return (Number(rest.slice(0, sp)) << 8) | Number(rest.slice(sp + 1));
};

export const NO_DICTIONARY: TagDictionary = { tags: new Map(), lexicon: new Map() };

/** Reads "word class" lines into a lexicon. */
export function parseLexicon(text: string): Map<string, number> {
	const lex = new Map<string, number>();
	for (const line of text.split('\n')) {
		const sp = line.indexOf(' ');
		if (sp > 0) lex.set(line.slice(0, sp), hashString(line.slice(sp + 1)));
	}
	return lex;
}

/** Works out a word's information (memoised by the caller). */
export function wordInfo(w: string, dict: TagDictionary): WordInfo {
	const l = normalise(w);
	const d = dict.tags.get(l);
	const n = l.length;
	return {
		form: hashString(w),
		lower: hashString(l),
		shape: hashString(shapeOf(w)),
		suffix: [hashString(l.slice(n - 1)), hashString(l.slice(n - 2)), hashString(l.slice(n - 3)), hashString(l.slice(n - 4))],
		prefix: [hashString(l.slice(0, 1)), hashString(l.slice(0, 2)), hashString(l.slice(0, 3))],
		amb: d === undefined ? 0 : d >>> 8,
		mft: d === undefined ? -1 : d & 0xff,
		lex: dict.lexicon.get(w.toLowerCase()) ?? 0,
		cap: /^\p{Lu}/u.test(w),
		lowerInitial: /^\p{Ll}/u.test(w),
		// The memos the tagger and the parser fill, present from the start: words of one shape keep their
		// property reads fast.
		tagMemo: undefined,
		parseMemo: undefined,
	};
}

/** A bounded memo of word information, owned by a model. */
export class WordInfoCache {
	private map = new Map<string, WordInfo>();
	constructor(
		private readonly dict: TagDictionary,
		private readonly limit = 100_000,
	) {}
	get(w: string): WordInfo {
		let info = this.map.get(w);
		if (info === undefined) {
			if (this.map.size >= this.limit) this.map.clear();
			info = wordInfo(w, this.dict);
			this.map.set(w, info);
		}
		return info;
	}
}

/** Sentinels for positions outside the sentence. */
export const NONE: WordInfo = {
	form: 1,
	lower: 1,
	shape: 1,
	suffix: [1, 1, 1, 1],
	prefix: [1, 1, 1],
	amb: 0,
	mft: -2,
	lex: 1,
	cap: false,
	lowerInitial: false,
	tagMemo: undefined,
	parseMemo: undefined,
};
export const ROOT_INFO: WordInfo = { ...NONE, form: 2, lower: 2, shape: 2, mft: -3, lex: 2 };
