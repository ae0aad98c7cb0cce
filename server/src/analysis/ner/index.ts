/**
 * The trained entity tagger. `tagEntities(doc, gazetteer?)` runs a compact averaged-perceptron
 * sequence model (greedy BIO2 over PER, ORG, LOC, NORP, MISC) over every body sentence of a
 * parsed seed document and returns name spans as UTF-16 offsets into `doc.text`, with the token
 * range `[first, last)` in `doc.tokens` and a 0..1 confidence (mean per-token tag probability).
 * Spans never overlap, never cross a sentence and never include a possessive ’s. LOC covers
 * countries and cities as well as other places (the caller decides GPE vs LOC); NORP
 * (nationalities, groups) and MISC (events, works, laws, products) are learnt from fewer examples
 * and are less reliable. Types are made consistent per document (`harmonize`): a name tagged PER
 * once is PER wherever it recurs, as is the surname of a multi-word person name, and untagged
 * recurrences of person names are added. Sentences without a capital letter, or mostly in another
 * script than Latin, are skipped, and the
 * model tags at most `MAX_TOKENS` tokens per document (a bound for pathological input). The
 * optional `gazetteer` callback adds caller features per token (e.g. `['country']`); they only
 * carry weight in a model trained with them, the shipped one was not. The weights are bundled (`model.json`, rebuilt by `npm run train`); the
 * first call loads them (tens of milliseconds). Pure: no I/O.
 */
import type { SeedDocument, Token } from '../document';
import { harmonize } from './consistency';
import { DecodeBuffers, decodeSentence, spansOf, tagPairScores } from './decode';
import {
	CONTEXT_FEATURES,
	PriorTypes,
	WORD_FEATURES,
	allocAtoms,
	atomsOf,
	callerFeature,
	contextFeatures,
	isUpper,
	normalizeToken,
	wordFeatures,
	wordInfo,
	type Atoms,
	type DocContext,
	type Lexicon,
	type WordInfo,
} from './features';
import { CompactModel, NTAGS as TAGS, TYPES, type ModelFile, type NerSpan } from './model';
import modelFile from './model.json';

// A module-local copy: hot loops then read a constant, not an import binding.
const NTAGS = TAGS;

export type { NerSpan, NerType } from './model';
export { harmonize } from './consistency';

let loaded: CompactModel | undefined;

/** The bundled model, loaded on first use. */
export function nerModel(): CompactModel {
	return (loaded ??= new CompactModel(modelFile as unknown as ModelFile));
}

/** Tags the body's sentences. `gazetteer` lets the caller add gazetteer membership features per token (optional). */
export function tagEntities(doc: SeedDocument, gazetteer?: (token: Token, i: number) => string[]): NerSpan[] {
	return harmonize(doc, tagSentences(doc, nerModel(), gazetteer));
}

/** What the tagger reads of one token text, computed once per distinct text and model. */
interface WordEntry {
	/** The normalised word (first 64 characters). */
	word: string;
	info: WordInfo;
	/** 1 when the word has no capital letter. */
	plain: number;
	upper: boolean;
	/** Summed weights of the word-only features, on first use. */
	scores?: Float64Array;
}

/** Per-model memo of each token text's entry and the tag-pair scores. */
interface WordMemo {
	words: Map<string, WordEntry>;
	pairs?: Float64Array;
}
const memos = new WeakMap<CompactModel, WordMemo>();
// Bounds the memo on endless streams of new words; news vocabulary is far smaller.
const MEMO_LIMIT = 200_000;

function memoFor(model: CompactModel): WordMemo {
	let m = memos.get(model);
	if (!m || m.words.size > MEMO_LIMIT) memos.set(model, (m = { words: new Map() }));
	return m;
}

// A sentence without a capital letter holds no name the model could find in edited text.
const UPPER = /\p{Lu}/u;

function entryOf(memo: WordMemo, lex: Lexicon, text: string): WordEntry {
	// Features read a word's first 64 characters: enough for any real word, bounded for a megabyte-long one.
	const key = text.length > 64 ? text.slice(0, 64) : text;
	let e = memo.words.get(key);
	if (!e) {
		const word = normalizeToken(key);
		e = { word, info: wordInfo(word, lex), plain: UPPER.test(word) ? 0 : 1, upper: isUpper(word) };
		memo.words.set(key, e);
	}
	return e;
}

const wordBuf = new Uint32Array(WORD_FEATURES);

function wordScores(model: CompactModel, e: WordEntry, atoms: Atoms, i: number): Float64Array {
	let sc = e.scores;
	if (!sc) {
		sc = new Float64Array(NTAGS);
		wordFeatures(atoms, i, wordBuf, 0);
		for (const f of wordBuf) model.addTo(f, sc);
		e.scores = sc;
	}
	return sc;
}

// Which words occur in lowercase and which capitalised mid-sentence (as `docContext` computes it).
function contextOf(entries: readonly WordEntry[], bounds: readonly number[]): DocContext {
	const lowerSeen = new Set<string>();
	const capMid = new Map<string, number>();
	for (let k = 0; k + 1 < bounds.length; k++) {
		for (let j = bounds[k]; j < bounds[k + 1]; j++) {
			const e = entries[j];
			const c = e.word.charCodeAt(0);
			if (c >= 97 && c <= 122) lowerSeen.add(e.word);
			else if (e.upper && j > bounds[k] && !entries[j - 1].info.opener) capMid.set(e.word, (capMid.get(e.word) ?? 0) + 1);
		}
	}
	return { lowerSeen, capMid };
}

// The model reads English: a sentence whose words are mostly in another script (Cyrillic, Arabic,
// CJK…, or binary junk read as text) is left to the gazetteers and rules, and costs the tagger nothing.
function mostlyLatin(tokens: readonly Token[], first: number, last: number): boolean {
	let words = 0,
		other = 0;
	for (let i = first; i < last; i++) {
		const t = tokens[i];
		if (t.kind !== 'word') continue;
		words++;
		if (t.text.charCodeAt(0) >= 0x250) other++;
	}
	return other * 2 <= words;
}

/** Tokens tagged per document at most: far above any news article, it bounds the time on pathological input. */
export const MAX_TOKENS = 100_000;

/** The model's spans before document-level consistency. */
export function tagSentences(doc: SeedDocument, model: CompactModel, gazetteer?: (token: Token, i: number) => string[]): NerSpan[] {
	// Pathological input: only the sentences that start within the first 2 × MAX_TOKENS tokens are read at all.
	const sentences = doc.sentences.filter((s) => s.first < 2 * MAX_TOKENS && mostlyLatin(doc.tokens, s.first, s.last));
	const memo = memoFor(model);
	const lex = model.lexicon;
	// All the sentences' tokens in one flat list; sentence k holds entries [bounds[k], bounds[k + 1]).
	const entries: WordEntry[] = [];
	const bounds = [0];
	let longest = 0;
	for (const s of sentences) {
		for (let i = s.first; i < s.last; i++) entries.push(entryOf(memo, lex, doc.tokens[i].text));
		bounds.push(entries.length);
		longest = Math.max(longest, s.last - s.first);
	}
	const ctx = contextOf(entries, bounds);
	const buf = new DecodeBuffers();
	const out: NerSpan[] = [];
	let budget = MAX_TOKENS;
	// Buffers sized for the longest sentence, reused: allocation per sentence would dominate on short ones.
	longest = Math.min(MAX_TOKENS, longest);
	const reuse = allocAtoms(longest);
	const feats = new Uint32Array(longest * CONTEXT_FEATURES);
	const base = new Float64Array(longest * NTAGS);
	const tags = new Uint8Array(longest);
	const probs = new Float64Array(longest);
	const plain = new Uint8Array(longest);
	const priors = new PriorTypes();
	const words: string[] = [];
	const infos: WordInfo[] = [];
	let atoms = reuse;
	let from = 0;
	// Features of a token are computed only when the decoder scores it: most lowercase words are not.
	const prepare = (i: number) => {
		contextFeatures(atoms, i, feats, i * CONTEXT_FEATURES);
		base.set(wordScores(model, entries[from + i], atoms, i), i * NTAGS);
	};
	sentences.forEach((sent, k) => {
		from = bounds[k];
		const n = bounds[k + 1] - from;
		if (budget < n) return;
		let capitals = false;
		for (let i = 0; i < n; i++) if (!entries[from + i].plain) capitals = true;
		if (!capitals) return;
		budget -= n;
		words.length = infos.length = n;
		for (let i = 0; i < n; i++) {
			const e = entries[from + i];
			plain[i] = e.plain;
			words[i] = e.word;
			infos[i] = e.info;
		}
		atoms = atomsOf(words, infos, n, ctx, reuse);
		const extra = gazetteer ? doc.tokens.slice(sent.first, sent.last).map((t, i) => gazetteer(t, sent.first + i).map(callerFeature)) : undefined;
		memo.pairs ??= tagPairScores(model, atoms);
		decodeSentence(
			model,
			{ atoms, n, feats, perToken: CONTEXT_FEATURES, base, extra, pairs: memo.pairs, priors, plain, prepare },
			tags,
			buf,
			probs,
			model.beta,
		);
		for (const s of spansOf(tags, n)) {
			let p = 0;
			for (let i = s.first; i < s.last; i++) p += probs[i];
			const first = sent.first + s.first;
			const last = sent.first + s.last;
			out.push({ start: doc.tokens[first].start, end: doc.tokens[last - 1].end, type: TYPES[s.type], score: p / (s.last - s.first), first, last });
		}
	});
	return out;
}
