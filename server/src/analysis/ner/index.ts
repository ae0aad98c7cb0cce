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
 * recurrences of person names are added. Sentences without a capital letter are skipped, and the
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
	callerFeature,
	contextFeatures,
	docContext,
	normalizeToken,
	sentenceAtoms,
	wordFeatures,
	type Atoms,
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

/** Per-model memo of each word's atoms and the summed weights of its word-only features. */
interface WordMemo {
	atoms: Map<string, Uint32Array>;
	scores: Map<string, Float64Array>;
	pairs?: Float64Array;
}
const memos = new WeakMap<CompactModel, WordMemo>();
// Bounds the memo on endless streams of new words; news vocabulary is far smaller.
const MEMO_LIMIT = 200_000;

function memoFor(model: CompactModel): WordMemo {
	let m = memos.get(model);
	if (!m || m.scores.size > MEMO_LIMIT) memos.set(model, (m = { atoms: new Map(), scores: new Map() }));
	return m;
}

const wordBuf = new Uint32Array(WORD_FEATURES);

function wordScores(model: CompactModel, memo: WordMemo, word: string, atoms: Atoms, i: number): Float64Array {
	let sc = memo.scores.get(word);
	if (!sc) {
		sc = new Float64Array(NTAGS);
		wordFeatures(atoms, i, wordBuf, 0);
		for (const f of wordBuf) model.addTo(f, sc);
		memo.scores.set(word, sc);
	}
	return sc;
}

/** Tokens tagged per document at most: far above any news article, it bounds the time on pathological input. */
export const MAX_TOKENS = 100_000;

// A sentence without a capital letter holds no name the model could find in edited text.
const UPPER = /\p{Lu}/u;

/** The model's spans before document-level consistency. */
export function tagSentences(doc: SeedDocument, model: CompactModel, gazetteer?: (token: Token, i: number) => string[]): NerSpan[] {
	// Pathological input: only the sentences that start within the first 2 × MAX_TOKENS tokens are read at all.
	const sentences = doc.sentences.filter((s) => s.first < 2 * MAX_TOKENS);
	// Features read a word's first 64 characters: enough for any real word, bounded for a megabyte-long one.
	const words = sentences.map((s) => doc.tokens.slice(s.first, s.last).map((t) => normalizeToken(t.text.length > 64 ? t.text.slice(0, 64) : t.text)));
	const ctx = docContext(words);
	const memo = memoFor(model);
	const buf = new DecodeBuffers();
	const out: NerSpan[] = [];
	let budget = MAX_TOKENS;
	// Buffers sized for the longest sentence, reused: allocation per sentence would dominate on short ones.
	const longest = Math.min(
		MAX_TOKENS,
		words.reduce((m, w) => Math.max(m, w.length), 0),
	);
	const reuse = allocAtoms(longest);
	const feats = new Uint32Array(longest * CONTEXT_FEATURES);
	const base = new Float64Array(longest * NTAGS);
	const tags = new Uint8Array(longest);
	const probs = new Float64Array(longest);
	const plain = new Uint8Array(longest);
	const priors = new PriorTypes();
	sentences.forEach((sent, k) => {
		const n = words[k].length;
		if (budget < n) return;
		let capitals = false;
		for (let i = 0; i < n; i++) {
			plain[i] = UPPER.test(words[k][i]) ? 0 : 1;
			if (!plain[i]) capitals = true;
		}
		if (!capitals) return;
		budget -= n;
		const atoms = sentenceAtoms(words[k], model.lexicon, ctx, memo.atoms, reuse);
		for (let i = 0; i < n; i++) {
			contextFeatures(atoms, i, feats, i * CONTEXT_FEATURES);
			base.set(wordScores(model, memo, words[k][i], atoms, i), i * NTAGS);
		}
		const extra = gazetteer ? doc.tokens.slice(sent.first, sent.last).map((t, i) => gazetteer(t, sent.first + i).map(callerFeature)) : undefined;
		memo.pairs ??= tagPairScores(model, atoms);
		decodeSentence(model, { atoms, n, feats, perToken: CONTEXT_FEATURES, base, extra, pairs: memo.pairs, priors, plain }, tags, buf, probs, model.beta);
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
