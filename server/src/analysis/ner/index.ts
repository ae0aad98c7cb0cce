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
 * optional `gazetteer` callback adds caller features per token (e.g. `['gz:U:GPE']`); they only
 * carry weight in a model trained with them (`modelCallerFeatures()` names the kind). The weights are bundled (`model.json`, rebuilt by `npm run train`); the
 * first call loads them (tens of milliseconds). Pure: no I/O.
 */
import type { SeedDocument, Token, WordForm } from '../document';
import { harmonize } from './consistency';
import { DecodeBuffers, decodeSentence, spansOf, tagPairScores } from './decode';
import {
	INITIAL_FLAG,
	NEAR_ROLES,
	PAD,
	PAIR_FEATURES,
	PriorTypes,
	SELF_FEATURES,
	WORD_ATOMS,
	WORD_FEATURES,
	type Atoms,
	allocAtoms,
	fillAtoms,
	startAtoms,
	callerFeature,
	docFeature,
	historyFeaturesAfterO,
	isUpper,
	nearFeatures,
	normalizeToken,
	pairFeatures,
	selfFeatures,
	wordFeaturesOf,
	wordInfo,
	type DocContext,
	type Lexicon,
	type WordInfo,
} from './features';
import { CompactModel, NTAGS as TAGS, TYPES, type ModelFile, type NerSpan } from './model';
import modelFile from './model.json';
import { coreMemory } from '../memory';

// A module-local copy: hot loops then read a constant, not an import binding.
const NTAGS = TAGS;

export type { NerSpan, NerType } from './model';
export { harmonize } from './consistency';

let loaded: CompactModel | undefined;

/** The bundled model, loaded on first use. */
export function nerModel(): CompactModel {
	return (loaded ??= new CompactModel(modelFile as unknown as ModelFile));
}

/** The caller features the bundled model was trained with (`'gazetteer'`: the entity gazetteer's), if any. */
export function modelCallerFeatures(): string | undefined {
	const meta = (modelFile as unknown as ModelFile).meta;
	return typeof meta?.callerFeatures === 'string' ? meta.callerFeatures : undefined;
}

/** Tags the body's sentences. `gazetteer` lets the caller add gazetteer membership features per token (optional). */
export function tagEntities(doc: SeedDocument, gazetteer?: (token: Token, i: number) => string[]): NerSpan[] {
	return harmonize(doc, tagSentences(doc, nerModel(), gazetteer));
}

/** What the tagger reads of one token text, computed once per distinct text and model. */
interface WordEntry {
	/** The generation of the memo the entry belongs to (a number, so that forms keep no old memo alive). */
	gen: number;
	/** The normalised word (first 64 characters). */
	word: string;
	info: WordInfo;
	/** 1 when the word has no capital letter. */
	plain: number;
	upper: boolean;
	/** Summed weights of the word-only features, on first use. */
	scores?: Float64Array;
	/** Times the text was met; a word met again gets a block in the memo's vector pool. */
	count: number;
	/** Offset of the word's block in `WordMemo.vectors`, or −1. */
	block: number;
	/** Bit per slot of the block that holds its scores (see `SLOTS`). */
	done: number;
}

// A word's block holds the summed weights of the feature groups that read that word alone, so a word
// met again costs a few vector additions instead of a dozen look-ups: the four neighbour roles
// (`nearFeatures`), then the word with its own features (`wordFeatures` + `selfFeatures`) and the
// history after an O (`historyFeaturesAfterO`), each as a sentence's first word or not.
const SELF_SLOT = NEAR_ROLES;
const AFTER_O_SLOT = NEAR_ROLES + 2;
const SLOTS = NEAR_ROLES + 4;
const BLOCK = SLOTS * NTAGS;

/** Per-model memo of each token text's entry, the tag-pair scores and the pooled per-word scores. */
interface WordMemo {
	gen: number;
	words: Map<string, WordEntry>;
	pairs?: Float64Array;
	vectors: Float64Array;
	blocks: number;
	/** The sentence padding's entries: two before, two after (see `PAD`). */
	pads: WordEntry[];
}
let memos = new WeakMap<CompactModel, WordMemo>();
// Bounds the memo on endless streams of new words; news vocabulary is far smaller.
const MEMO_LIMIT = 200_000;
// Bounds the pooled scores (40,000 words × 704 bytes).
const BLOCK_LIMIT = 40_000;

function memoFor(model: CompactModel): WordMemo {
	let m = memos.get(model);
	if (!m || m.words.size > MEMO_LIMIT || m.blocks > BLOCK_LIMIT) memos.set(model, (m = newMemo()));
	return m;
}

let generations = 0;

// One of the core's memories (memory.ts): emptied with the others, bounded as above. A form's entry
// of an older memo is told apart by its generation, so nothing else needs emptying.
coreMemory.own({
	name: "the tagger's word entries and pooled scores",
	limit: MEMO_LIMIT,
	get size() {
		return loaded ? (memos.get(loaded)?.words.size ?? 0) : 0;
	},
	clear() {
		memos = new WeakMap();
	},
});

function newMemo(): WordMemo {
	const memo: WordMemo = { gen: ++generations, words: new Map(), vectors: new Float64Array(BLOCK * 1024), blocks: 0, pads: [] };
	const pad = (value: number): WordEntry => {
		const atoms = new Uint32Array(WORD_ATOMS);
		atoms[1] = atoms[2] = atoms[3] = value;
		return { gen: memo.gen, word: '', info: { lower: '', atoms, opener: false }, plain: 1, upper: false, count: 2, block: -1, done: 0 };
	};
	memo.pads.push(pad(0x5a5a), pad(0x5a5b), pad(0xa5a5), pad(0xa5a6));
	return memo;
}

// A sentence without a capital letter holds no name the model could find in edited text.
const UPPER = /\p{Lu}/u;

function entryOf(memo: WordMemo, lex: Lexicon, form: WordForm): WordEntry {
	// A spelling's entry hangs on its form; a form not shared, or an entry of an older memo, is looked up.
	let e = form.tagger as WordEntry | undefined;
	if (e?.gen !== memo.gen) {
		// Features read a word's first 64 characters: enough for any real word, bounded for a megabyte-long one.
		const text = form.text;
		const key = text.length > 64 ? text.slice(0, 64) : text;
		e = memo.words.get(key);
		if (!e) {
			const word = normalizeToken(key);
			e = {
				gen: memo.gen,
				word,
				info: wordInfo(word, lex),
				plain: UPPER.test(word) ? 0 : 1,
				upper: isUpper(word),
				scores: undefined,
				count: 0,
				block: -1,
				done: 0,
			};
			memo.words.set(key, e);
		}
		form.tagger = e;
	}
	e.count++;
	return e;
}

const wordBuf = new Uint32Array(WORD_FEATURES);

function wordScores(model: CompactModel, e: WordEntry): Float64Array {
	let sc = e.scores;
	if (!sc) {
		sc = new Float64Array(NTAGS);
		wordFeaturesOf(e.info.atoms, wordBuf);
		for (const f of wordBuf) model.addTo(f, sc);
		e.scores = sc;
	}
	return sc;
}

const slotScores = new Float64Array(NTAGS);
const slotFeats = new Uint32Array(8);

/** Adds the scores of `slot` of word `e` to `acc`, from the word's block when it has been summed before. */
function addSlot(model: CompactModel, memo: WordMemo, e: WordEntry, slot: number, acc: Float64Array): void {
	if (e.done & (1 << slot)) {
		const v = memo.vectors;
		const at = e.block + slot * NTAGS;
		for (let t = 0; t < NTAGS; t++) acc[t] += v[at + t];
		return;
	}
	const sc = slotScores;
	sc.fill(0);
	const wa = e.info.atoms;
	let n: number;
	if (slot < NEAR_ROLES) {
		n = nearFeatures(slot, wa[1], wa[2], wa[3], wa[13], slotFeats);
	} else {
		const flags = wa[12] | ((slot - SELF_SLOT) & 1 ? INITIAL_FLAG : 0);
		if (slot < AFTER_O_SLOT) {
			sc.set(wordScores(model, e));
			selfFeatures(flags, wa[3], wa[13], slotFeats);
			n = SELF_FEATURES;
		} else {
			historyFeaturesAfterO(wa[1], wa[3], flags, slotFeats);
			n = 5;
		}
	}
	for (let f = 0; f < n; f++) model.addTo(slotFeats[f], sc);
	for (let t = 0; t < NTAGS; t++) acc[t] += sc[t];
	if (e.count < 2) return;
	if (e.block < 0) e.block = allocBlock(memo);
	memo.vectors.set(sc, e.block + slot * NTAGS);
	e.done |= 1 << slot;
}

function allocBlock(memo: WordMemo): number {
	const at = memo.blocks++ * BLOCK;
	if (at + BLOCK > memo.vectors.length) {
		const grown = new Float64Array(memo.vectors.length * 2);
		grown.set(memo.vectors);
		memo.vectors = grown;
	}
	return at;
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

const NO_FEATURES = new Uint32Array(0);

/** The typed buffers of one tagging pass, sized for its longest sentence. */
interface Scratch {
	size: number;
	buf: DecodeBuffers;
	atoms: Atoms;
	base: Float64Array;
	afterO: Float64Array;
	tags: Uint8Array;
	probs: Float64Array;
	plain: Uint8Array;
	filled: Uint8Array;
	acc: Float64Array;
	pairs: Uint32Array;
}

function newScratch(size: number): Scratch {
	return {
		size,
		buf: new DecodeBuffers(),
		atoms: allocAtoms(size),
		base: new Float64Array(size * NTAGS),
		afterO: new Float64Array(size * NTAGS),
		tags: new Uint8Array(size),
		probs: new Float64Array(size),
		plain: new Uint8Array(size),
		filled: new Uint8Array(size),
		acc: new Float64Array(NTAGS),
		pairs: new Uint32Array(PAIR_FEATURES),
	};
}

// Kept between documents (a dozen typed arrays per short news article were a cost of their own), up to
// sentences of SCRATCH_LIMIT tokens; a longer one gets buffers of its own that are not kept. Every
// buffer is written before it is read in each sentence, so nothing carries over.
const SCRATCH_LIMIT = 2_000;
let kept = newScratch(256);

function scratchFor(longest: number): Scratch {
	if (longest <= kept.size) return kept;
	if (longest > SCRATCH_LIMIT) return newScratch(longest);
	return (kept = newScratch(Math.min(SCRATCH_LIMIT, Math.max(longest, 2 * kept.size))));
}

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
		for (let i = s.first; i < s.last; i++) entries.push(entryOf(memo, lex, doc.tokens[i].form));
		bounds.push(entries.length);
		longest = Math.max(longest, s.last - s.first);
	}
	const ctx = contextOf(entries, bounds);
	const out: NerSpan[] = [];
	let budget = MAX_TOKENS;
	// Buffers sized for the longest sentence, reused: allocation per sentence would dominate on short ones.
	longest = Math.min(MAX_TOKENS, longest);
	const { buf, atoms: reuse, base, afterO, tags, probs, plain, filled, acc, pairs } = scratchFor(longest);
	const priors = new PriorTypes();
	// Sized once for the longest sentence and written by index: changing an array's length per sentence was a cost of its own.
	const words = new Array<string>(longest).fill('');
	const infos = new Array<WordInfo>(longest);
	// The sentence's entries with the padding's at either end: token i is at i + PAD.
	const padded = new Array<WordEntry>(longest + 2 * PAD);
	let atoms = reuse;
	// A token's atoms are filled when the decoder first reads them: only those of the tokens it scores
	// and their neighbours within two (about half the tokens of news text).
	let sentenceLength = 0;
	const fill = (i: number) => {
		if (i < 0 || i >= sentenceLength || filled[i]) return;
		fillAtoms(atoms, words, infos, i, ctx, false);
		filled[i] = 1;
	};
	// Scores of a token are summed only when the decoder scores it: most lowercase words are not.
	const prepare = (i: number) => {
		for (let j = i - 2; j <= i + 2; j++) fill(j);
		const k = i + PAD;
		const e = padded[k];
		const initial = atoms.flags[k] & INITIAL_FLAG ? 1 : 0;
		acc.fill(0);
		addSlot(model, memo, e, SELF_SLOT + initial, acc);
		addSlot(model, memo, padded[k - 2], 0, acc);
		addSlot(model, memo, padded[k - 1], 1, acc);
		addSlot(model, memo, padded[k + 1], 2, acc);
		addSlot(model, memo, padded[k + 2], 3, acc);
		model.addTo(docFeature(atoms.flags[k], atoms.doc[k]), acc);
		pairFeatures(atoms, i, pairs);
		for (let f = 0; f < PAIR_FEATURES; f++) model.addTo(pairs[f], acc);
		base.set(acc, i * NTAGS);
		acc.fill(0);
		addSlot(model, memo, e, AFTER_O_SLOT + initial, acc);
		afterO.set(acc, i * NTAGS);
	};
	sentences.forEach((sent, k) => {
		const from = bounds[k];
		const n = bounds[k + 1] - from;
		if (budget < n) return;
		let capitals = false;
		for (let i = 0; i < n; i++) if (!entries[from + i].plain) capitals = true;
		if (!capitals) return;
		budget -= n;
		padded[0] = memo.pads[0];
		padded[1] = memo.pads[1];
		padded[n + PAD] = memo.pads[2];
		padded[n + PAD + 1] = memo.pads[3];
		for (let i = 0; i < n; i++) {
			const e = entries[from + i];
			plain[i] = e.plain;
			words[i] = e.word;
			infos[i] = e.info;
			padded[i + PAD] = e;
		}
		atoms = startAtoms(n, reuse);
		filled.fill(0, 0, n);
		sentenceLength = n;
		const extra = gazetteer ? doc.tokens.slice(sent.first, sent.last).map((t, i) => gazetteer(t, sent.first + i).map(callerFeature)) : undefined;
		memo.pairs ??= tagPairScores(model, atoms);
		decodeSentence(
			model,
			{ atoms, n, feats: NO_FEATURES, perToken: 0, base, extra, pairs: memo.pairs, priors, plain, prepare, afterO },
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
