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
import { NONE, type WordInfo } from './words';

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
	const memo = w.pooled;
	if (memo) for (let i = 0; i < memo.length; i++) if (memo[i].model === weights) return memo[i].sums;
	const sums = new Float32Array(ROLES * NT);
	for (let r = 0; r < ROLES; r++) {
		const n = roleFeatures(w, r, feats, 0);
		for (let f = 0; f < n; f++) {
			const o = weights.find(feats[f]);
			if (o < 0) continue;
			weights.addAt(o, sums, r * NT);
		}
	}
	// One entry per model (the two passes), the oldest dropped when a third model tags the word.
	w.pooled = [...(w.pooled ?? []).slice(-1), { model: weights, sums }];
	return sums;
}

/**
 * Per-model rows of the features over tags alone: (t1, t2) holds the constant feature and templates 16
 * and 17, (t1, g0, g1) the second pass's 44 and 46. Rows are summed the first time they are needed
 * (`have`); a memo of the read-only weights, owned by them and never reset.
 */
interface TagRows {
	none: Float32Array;
	pairs: Float64Array;
	havePairs: Uint8Array;
	guesses: Float64Array | undefined;
	haveGuesses: Uint8Array | undefined;
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
		feats[0] = key(mix(mix(tpl(44), t1), g1));
		feats[1] = key(mix(mix(mix(tpl(46), t1), g0), g1));
		weights.addAll(feats, 2, m.guesses, r * NT);
	}
	return r * NT;
}

/** The largest number of features looked up at once. */
const FEATURES = 16;

/**
 * Every token's scores from what does not depend on the tags being chosen: `m` rows of NT scores.
 * With `guess`, the second pass's features of the first pass's tags too.
 */
function baseScores(weights: Weights, words: readonly WordInfo[], none: Float32Array, guess: Uint8Array | undefined, feats: Uint32Array): Float64Array {
	const m = words.length;
	const base = new Float64Array(m * NT);
	const sums = words.map((w) => pooled(w, weights, feats));
	for (let i = 0; i < m; i++) {
		const o = i * NT;
		const own = sums[i];
		const b1 = i > 0 ? sums[i - 1] : none;
		const b2 = i > 1 ? sums[i - 2] : none;
		const a1 = i + 1 < m ? sums[i + 1] : none;
		const a2 = i + 2 < m ? sums[i + 2] : none;
		for (let t = 0; t < NT; t++) base[o + t] = own[t] + b1[BEFORE1 * NT + t] + b2[BEFORE2 * NT + t] + a1[AFTER1 * NT + t] + a2[AFTER2 * NT + t];
		const w = words[i];
		const wm1 = i > 0 ? words[i - 1] : NONE;
		const wp1 = i + 1 < m ? words[i + 1] : NONE;
		feats[0] = key(mix(mix(tpl(19), wm1.lower), w.lower));
		feats[1] = key(mix(mix(tpl(20), w.lower), wp1.lower));
		feats[2] = key(mix(mix(tpl(25), w.amb), wp1.amb));
		feats[3] = key(mix(mix(tpl(27), wm1.shape), w.shape));
		feats[4] = key(mix(mix(tpl(29), i === 0 ? 1 : 0), w.shape));
		feats[5] = key(mix(mix(tpl(32), w.lower), wp1.amb));
		feats[6] = key(mix(mix(tpl(33), wp1.mft + 3), w.suffix[1]));
		feats[7] = key(mix(mix(tpl(35), w.cap ? 1 : 0), wm1.lower));
		let n = 8;
		if (guess) {
			const g0 = guess[i] + 3;
			const g1 = i + 1 < m ? guess[i + 1] + 3 : 1;
			const g2 = i + 2 < m ? guess[i + 2] + 3 : 1;
			feats[n++] = key(mix(tpl(40), g0));
			feats[n++] = key(mix(tpl(41), g1));
			feats[n++] = key(mix(mix(tpl(42), g1), g2));
			feats[n++] = key(mix(mix(tpl(43), g1), w.lower));
			feats[n++] = key(mix(mix(tpl(45), g1), w.suffix[2]));
			feats[n++] = key(mix(mix(tpl(47), g0), w.lower));
			feats[n++] = key(mix(mix(tpl(48), g1), w.amb));
		}
		weights.addAll(feats, n, base, o);
	}
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
	const feats = new Uint32Array(FEATURES);
	const scores = new Float64Array(NT);
	const rows = rowsOf(weights, feats);
	const base = baseScores(weights, words, rows.none, guess, feats);
	const m = words.length;
	let p1 = -1;
	let p2 = -1;
	for (let i = 0; i < m; i++) {
		const w = words[i];
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
		const wp1 = i + 1 < m ? words[i + 1] : NONE;
		feats[0] = key(mix(mix(tpl(18), t1), w.lower));
		feats[1] = key(mix(mix(tpl(26), t1), w.amb));
		feats[2] = key(mix(mix(tpl(31), t1), w.suffix[2]));
		feats[3] = key(mix(mix(mix(tpl(34), t1), w.amb), wp1.amb));
		weights.addAll(feats, 4, scores);
		// A word written in lower case is not a proper noun in edited text ("the ministry", not "the Ministry").
		if (properNouns === 'capitalised' && w.lowerInitial) scores[PROPN] = -Infinity;
		let best = 0;
		for (let t = 1; t < NT; t++) if (scores[t] > scores[best]) best = t;
		out[i] = best;
		p2 = p1;
		p1 = best;
	}
	return out;
}
