/**
 * The part-of-speech tagger's pass over a sentence, with scores equal to the reference (`taggerFeatures`
 * in tagger.ts looked up one by one; moveScores.ts says why the order of the additions does not matter)
 * but computed in two steps:
 *
 * - before the left-to-right pass, every token's row of the scores that do not depend on the tags being
 *   chosen: the pooled weights of the five words around it (summed once per word and model, and kept on
 *   the word's information), the features that combine neighbouring words and, in the second pass, those
 *   that read the first pass's tags; looked up for the whole sentence before the pass begins;
 * - during the pass, the features that read the previous tags: those over tags alone from dense rows
 *   kept per model, indexed by (t1, t2) and, in the second pass, (t1, g0, g1); the four that combine the
 *   previous tag with the word (18, 26, 31, 34) hashed.
 *
 * Tag codes are tag + 3 (1 for none, 2 before the start), as in the reference.
 */
import { UPOS } from './upos';
import { key, mix, tpl, type Weights } from './weights';
import { NONE, type TagMemo, type WordInfo } from './words';

const NT = UPOS.length;
const PROPN = UPOS.indexOf('PROPN');
/** Tag codes run from 1 to NT + 2. */
const CODES = NT + 3;

/** What a word is to the token being tagged: itself, or its neighbour two or one before, or after. */
export const OWN = 0;
export const BEFORE1 = 1;
export const BEFORE2 = 2;
export const AFTER1 = 3;
export const AFTER2 = 4;
const ROLES = 5;

/** The features that read one word alone, in one role (shared with the reference, `taggerFeatures`). */
export function roleFeatures(w: WordInfo, role: number, out: Uint32Array, n: number): number {
	switch (role) {
		case OWN:
			out[n++] = key(mix(tpl(1), w.lower));
			out[n++] = key(mix(tpl(2), w.suffix[0]));
			out[n++] = key(mix(tpl(3), w.suffix[1]));
			out[n++] = key(mix(tpl(4), w.suffix[2]));
			out[n++] = key(mix(tpl(5), w.suffix[3]));
			out[n++] = key(mix(tpl(6), w.prefix[0]));
			out[n++] = key(mix(tpl(7), w.prefix[1]));
			out[n++] = key(mix(tpl(8), w.prefix[2]));
			out[n++] = key(mix(tpl(9), w.shape));
			out[n++] = key(mix(tpl(21), w.amb));
			out[n++] = key(mix(tpl(30), w.form));
			out[n++] = key(mix(tpl(36), w.lex));
			out[n++] = key(mix(mix(tpl(37), w.lex), w.cap ? 1 : 0));
			out[n++] = key(mix(mix(tpl(38), w.lex), w.amb));
			return n;
		case BEFORE1:
			out[n++] = key(mix(tpl(10), w.lower));
			out[n++] = key(mix(tpl(14), w.suffix[2]));
			out[n++] = key(mix(tpl(23), w.amb));
			out[n++] = key(mix(tpl(39), w.lex));
			return n;
		case BEFORE2:
			out[n++] = key(mix(tpl(11), w.lower));
			return n;
		case AFTER1:
			out[n++] = key(mix(tpl(12), w.lower));
			out[n++] = key(mix(tpl(15), w.suffix[2]));
			out[n++] = key(mix(tpl(22), w.amb));
			out[n++] = key(mix(tpl(28), w.shape));
			out[n++] = key(mix(tpl(49), w.lex));
			return n;
		default:
			out[n++] = key(mix(tpl(13), w.lower));
			out[n++] = key(mix(tpl(24), w.amb));
			return n;
	}
}

/**
 * A word's weights in each role, summed once per word and model: tagging a token then adds five such
 * sums. The sums are float32 and added up in the order of `roleFeatures` (the models were tuned with
 * these sums; keep them bit for bit).
 */
function pooled(w: WordInfo, weights: Weights, feats: Uint32Array): Float32Array {
	const memo = memoOf(w);
	if (memo.model2 === weights) return memo.sums2!;
	if (memo.model1 === weights) return memo.sums1!;
	const sums = new Float32Array(ROLES * NT);
	for (let r = 0; r < ROLES; r++) {
		const n = roleFeatures(w, r, feats, 0);
		for (let f = 0; f < n; f++) {
			const o = weights.find(feats[f]);
			if (o < 0) continue;
			weights.addAt(o, sums, r * NT);
		}
	}
	// The last two models (the two passes), the older dropped when a third model tags the word.
	memo.model1 = memo.model2;
	memo.sums1 = memo.sums2;
	memo.model2 = weights;
	memo.sums2 = sums;
	return sums;
}

// What the features that combine a word with its neighbours or with tags read of a word, as one typed
// array per word (`atomsOf`): its values, and the hashes of the templates that begin with one of them
// (a feature is then one `mix` away).
const LOWER = 0;
const AMB = 1;
const SHAPE = 2;
const SUFFIX1 = 3;
const SUFFIX2 = 4;
const MFT = 5;
const CAP = 6;
const AFTER_19 = 7;
const AFTER_20 = 8;
const AFTER_25 = 9;
const AFTER_27 = 10;
const AFTER_32 = 11;
const ATOMS = 12;

function makeAtoms(w: WordInfo): Uint32Array {
	const a = new Uint32Array(ATOMS);
	a[LOWER] = w.lower;
	a[AMB] = w.amb;
	a[SHAPE] = w.shape;
	a[SUFFIX1] = w.suffix[1];
	a[SUFFIX2] = w.suffix[2];
	a[MFT] = w.mft + 3;
	a[CAP] = w.cap ? 1 : 0;
	a[AFTER_19] = mix(tpl(19), w.lower);
	a[AFTER_20] = mix(tpl(20), w.lower);
	a[AFTER_25] = mix(tpl(25), w.amb);
	a[AFTER_27] = mix(tpl(27), w.shape);
	a[AFTER_32] = mix(tpl(32), w.lower);
	return a;
}

const NONE_ATOMS = makeAtoms(NONE);

/** The tagger's memo of a word, made the first time the tagger meets it (its atoms do not depend on the model). */
function memoOf(w: WordInfo): TagMemo {
	return (w.tagMemo ??= { atoms: makeAtoms(w), model1: undefined, sums1: undefined, model2: undefined, sums2: undefined });
}

/** The hash of template `t` after each value 0..CODES - 1 (tag codes, flags). */
const after = (t: number): Uint32Array => Uint32Array.from({ length: CODES }, (_, v) => mix(tpl(t), v));
const T18 = after(18);
const T26 = after(26);
const T29 = after(29);
const T31 = after(31);
const T33 = after(33);
const T34 = after(34);
const T35 = after(35);
const T43 = after(43);
const T45 = after(45);
const T47 = after(47);
const T48 = after(48);

/**
 * Per-model rows of the features over tags alone: (t1, t2) holds the constant feature and templates 16
 * and 17; in the second pass, (t1, g0, g1) templates 40, 41, 44 and 46, and (g1, g2) template 42.
 * Rows are summed the first time they are needed (`have`); a memo of the read-only weights, owned by
 * them and never reset. Also the scratch arrays of a pass, reused from sentence to sentence.
 */
interface TagRows {
	none: Float32Array;
	pairs: Float64Array;
	havePairs: Uint8Array;
	guesses: Float64Array | undefined;
	haveGuesses: Uint8Array | undefined;
	guessPairs: Float64Array | undefined;
	haveGuessPairs: Uint8Array | undefined;
	base: Float64Array;
	/** The sentence's hashed features, `baseScores`' per token. */
	keys: Uint32Array;
	/** The pooled sums and atoms of the sentence's words (the longest sentence's, at most). */
	sums: Float32Array[];
	atoms: Uint32Array[];
}

const modelRows = new WeakMap<Weights, TagRows>();

function rowsOf(weights: Weights, feats: Uint32Array): TagRows {
	let m = modelRows.get(weights);
	if (!m) {
		m = {
			none: pooled({ ...NONE }, weights, feats),
			pairs: new Float64Array(CODES * CODES * NT),
			havePairs: new Uint8Array(CODES * CODES),
			guesses: undefined,
			haveGuesses: undefined,
			guessPairs: undefined,
			haveGuessPairs: undefined,
			base: new Float64Array(64 * NT),
			keys: new Uint32Array(64 * 12),
			sums: [],
			atoms: [],
		};
		modelRows.set(weights, m);
	}
	return m;
}

/** Offset of the (t1, t2) row, summed on first use. */
function pairRow(weights: Weights, m: TagRows, t1: number, t2: number, feats: Uint32Array): number {
	const r = t1 * CODES + t2;
	if (!m.havePairs[r]) {
		m.havePairs[r] = 1;
		feats[0] = key(tpl(0));
		feats[1] = key(mix(tpl(16), t1));
		feats[2] = key(mix(mix(tpl(17), t1), t2));
		weights.addAll(feats, 3, m.pairs, r * NT);
	}
	return r * NT;
}

/** Offset of the (t1, g0, g1) row of the second pass, summed on first use. */
function guessRow(weights: Weights, m: TagRows, t1: number, g0: number, g1: number, feats: Uint32Array): number {
	const r = (t1 * CODES + g0) * CODES + g1;
	m.guesses ??= new Float64Array(CODES * CODES * CODES * NT);
	m.haveGuesses ??= new Uint8Array(CODES * CODES * CODES);
	if (!m.haveGuesses[r]) {
		m.haveGuesses[r] = 1;
		feats[0] = key(mix(tpl(40), g0));
		feats[1] = key(mix(tpl(41), g1));
		feats[2] = key(mix(mix(tpl(44), t1), g1));
		feats[3] = key(mix(mix(mix(tpl(46), t1), g0), g1));
		weights.addAll(feats, 4, m.guesses, r * NT);
	}
	return r * NT;
}

/** Offset of the (g1, g2) row of the second pass, summed on first use. */
function guessPairRow(weights: Weights, m: TagRows, g1: number, g2: number, feats: Uint32Array): number {
	const r = g1 * CODES + g2;
	m.guessPairs ??= new Float64Array(CODES * CODES * NT);
	m.haveGuessPairs ??= new Uint8Array(CODES * CODES);
	if (!m.haveGuessPairs[r]) {
		m.haveGuessPairs[r] = 1;
		feats[0] = key(mix(mix(tpl(42), g1), g2));
		weights.addAll(feats, 1, m.guessPairs, r * NT);
	}
	return r * NT;
}

/** The largest number of features looked up at once. */
const FEATURES = 16;

/**
 * Every token's scores from what does not depend on the tags being chosen: `m` rows of NT scores in
 * `rows.base`. With `guess`, the second pass's features of the first pass's tags too, but for those
 * over tags alone that depend on the previous tag as well (in `guessRow`).
 */
function baseScores(weights: Weights, rows: TagRows, words: readonly WordInfo[], guess: Uint8Array | undefined, feats: Uint32Array): Float64Array {
	const m = words.length;
	if (rows.base.length < m * NT) rows.base = new Float64Array(2 * m * NT);
	const base = rows.base;
	const sums = rows.sums;
	const atoms = rows.atoms;
	for (let i = 0; i < m; i++) {
		sums[i] = pooled(words[i], weights, feats);
		atoms[i] = words[i].tagMemo!.atoms;
	}
	const per = guess ? 12 : 8;
	if (rows.keys.length < m * per) rows.keys = new Uint32Array(2 * m * per);
	const keys = rows.keys;
	const none = rows.none;
	for (let i = 0; i < m; i++) {
		const o = i * NT;
		const own = sums[i];
		const b1 = i > 0 ? sums[i - 1] : none;
		const b2 = i > 1 ? sums[i - 2] : none;
		const a1 = i + 1 < m ? sums[i + 1] : none;
		const a2 = i + 2 < m ? sums[i + 2] : none;
		for (let t = 0; t < NT; t++) base[o + t] = own[t] + b1[BEFORE1 * NT + t] + b2[BEFORE2 * NT + t] + a1[AFTER1 * NT + t] + a2[AFTER2 * NT + t];
		if (guess) {
			const pair = guessPairRow(weights, rows, i + 1 < m ? guess[i + 1] + 3 : 1, i + 2 < m ? guess[i + 2] + 3 : 1, feats);
			const guessPairs = rows.guessPairs!;
			for (let t = 0; t < NT; t++) base[o + t] += guessPairs[pair + t];
		}
		const w = atoms[i];
		const wm1 = i > 0 ? atoms[i - 1] : NONE_ATOMS;
		const wp1 = i + 1 < m ? atoms[i + 1] : NONE_ATOMS;
		let n = i * per;
		keys[n++] = key(mix(wm1[AFTER_19], w[LOWER]));
		keys[n++] = key(mix(w[AFTER_20], wp1[LOWER]));
		keys[n++] = key(mix(w[AFTER_25], wp1[AMB]));
		keys[n++] = key(mix(wm1[AFTER_27], w[SHAPE]));
		keys[n++] = key(mix(T29[i === 0 ? 1 : 0], w[SHAPE]));
		keys[n++] = key(mix(w[AFTER_32], wp1[AMB]));
		keys[n++] = key(mix(T33[wp1[MFT]], w[SUFFIX1]));
		keys[n++] = key(mix(T35[w[CAP]], wm1[LOWER]));
		if (guess) {
			const g0 = guess[i] + 3;
			const g1 = i + 1 < m ? guess[i + 1] + 3 : 1;
			keys[n++] = key(mix(T43[g1], w[LOWER]));
			keys[n++] = key(mix(T45[g1], w[SUFFIX2]));
			keys[n++] = key(mix(T47[g0], w[LOWER]));
			keys[n++] = key(mix(T48[g1], w[AMB]));
		}
	}
	// The whole sentence's features in one call: more of their memory reads under way at once.
	weights.addRows(keys, m * per, per, base);
	return base;
}

/**
 * Which words may be proper nouns: any (web text writes "google" and "ebay"), or only those not written
 * in lower case (edited text, such as news).
 */
export type ProperNouns = 'any' | 'capitalised';

/** Tags a sentence's words (their information) with UPOS indices; with `guess`, as the second pass. */
export function tagWords(
	weights: Weights,
	words: readonly WordInfo[],
	out: Uint8Array = new Uint8Array(words.length),
	guess?: Uint8Array,
	properNouns: ProperNouns = 'any',
): Uint8Array {
	const feats = scratchFeats;
	const scores = scratchScores;
	const rows = rowsOf(weights, feats);
	const base = baseScores(weights, rows, words, guess, feats);
	const atoms = rows.atoms;
	const capitalised = properNouns === 'capitalised';
	const m = words.length;
	let p1 = -1;
	let p2 = -1;
	for (let i = 0; i < m; i++) {
		const w = atoms[i];
		const t1 = p1 + 3;
		const pair = pairRow(weights, rows, t1, p2 + 3, feats);
		const pairs = rows.pairs;
		const o = i * NT;
		for (let t = 0; t < NT; t++) scores[t] = base[o + t] + pairs[pair + t];
		if (guess) {
			const g = guessRow(weights, rows, t1, guess[i] + 3, i + 1 < m ? guess[i + 1] + 3 : 1, feats);
			const guesses = rows.guesses!;
			for (let t = 0; t < NT; t++) scores[t] += guesses[g + t];
		}
		const wp1 = i + 1 < m ? atoms[i + 1] : NONE_ATOMS;
		feats[0] = key(mix(T18[t1], w[LOWER]));
		feats[1] = key(mix(T26[t1], w[AMB]));
		feats[2] = key(mix(T31[t1], w[SUFFIX2]));
		feats[3] = key(mix(mix(T34[t1], w[AMB]), wp1[AMB]));
		weights.addAll(feats, 4, scores);
		// A word written in lower case is not a proper noun in edited text ("the ministry", not "the Ministry").
		if (capitalised && words[i].lowerInitial) scores[PROPN] = -Infinity;
		let best = 0;
		for (let t = 1; t < NT; t++) if (scores[t] > scores[best]) best = t;
		out[i] = best;
		p2 = p1;
		p1 = best;
	}
	return out;
}

const scratchFeats = new Uint32Array(FEATURES);
const scratchScores = new Float64Array(NT);
