/**
 * Part-of-speech tagger: greedy left to right, an averaged perceptron over the word, its affixes and
 * shape, two words either side, the two previous tags, and the ambiguity classes (the tags a word had in
 * the treebank) of the words around it, which let it look ahead without a second pass.
 */
import { AFTER1, AFTER2, BEFORE1, BEFORE2, OWN, roleFeatures, tagWords, type ProperNouns } from './tagScores';
import { UPOS } from './upos';
import { key, mix, tpl, TrainingWeights, type Weights } from './weights';
import { NONE, type WordInfo } from './words';

export { tagWords, type ProperNouns } from './tagScores';
export { UPOS, UPOS_INDEX, type Upos } from './upos';

const NT = UPOS.length;

/** The largest number of features of one token. */
export const TAGGER_FEATURES = 64;

/** The features that combine words, or read the previous tags. */
function contextFeatures(words: readonly WordInfo[], i: number, p1: number, p2: number, out: Uint32Array, n: number): number {
	const w = words[i];
	const wm1 = i > 0 ? words[i - 1] : NONE;
	const wp1 = i + 1 < words.length ? words[i + 1] : NONE;
	const t1 = p1 + 3;
	const t2 = p2 + 3;
	out[n++] = key(tpl(0));
	out[n++] = key(mix(tpl(16), t1));
	out[n++] = key(mix(mix(tpl(17), t1), t2));
	out[n++] = key(mix(mix(tpl(18), t1), w.lower));
	out[n++] = key(mix(mix(tpl(19), wm1.lower), w.lower));
	out[n++] = key(mix(mix(tpl(20), w.lower), wp1.lower));
	out[n++] = key(mix(mix(tpl(25), w.amb), wp1.amb));
	out[n++] = key(mix(mix(tpl(26), t1), w.amb));
	out[n++] = key(mix(mix(tpl(27), wm1.shape), w.shape));
	out[n++] = key(mix(mix(tpl(29), i === 0 ? 1 : 0), w.shape));
	out[n++] = key(mix(mix(tpl(31), t1), w.suffix[2]));
	out[n++] = key(mix(mix(tpl(32), w.lower), wp1.amb));
	out[n++] = key(mix(mix(tpl(33), wp1.mft + 3), w.suffix[1]));
	out[n++] = key(mix(mix(mix(tpl(34), t1), w.amb), wp1.amb));
	out[n++] = key(mix(mix(tpl(35), w.cap ? 1 : 0), wm1.lower));
	return n;
}

const at = (words: readonly WordInfo[], i: number): WordInfo => (i >= 0 && i < words.length ? words[i] : NONE);

/**
 * The second pass's features: the first pass's tags of this word and the two after it, which give the
 * tagger the right context a left-to-right pass cannot see.
 */
function guessFeatures(words: readonly WordInfo[], guess: Uint8Array, i: number, p1: number, out: Uint32Array, n: number): number {
	const g0 = guess[i] + 3;
	const g1 = i + 1 < guess.length ? guess[i + 1] + 3 : 1;
	const g2 = i + 2 < guess.length ? guess[i + 2] + 3 : 1;
	const w = words[i];
	out[n++] = key(mix(tpl(40), g0));
	out[n++] = key(mix(tpl(41), g1));
	out[n++] = key(mix(mix(tpl(42), g1), g2));
	out[n++] = key(mix(mix(tpl(43), g1), w.lower));
	out[n++] = key(mix(mix(tpl(44), p1 + 3), g1));
	out[n++] = key(mix(mix(tpl(45), g1), w.suffix[2]));
	out[n++] = key(mix(mix(mix(tpl(46), p1 + 3), g0), g1));
	out[n++] = key(mix(mix(tpl(47), g0), w.lower));
	out[n++] = key(mix(mix(tpl(48), g1), w.amb));
	return n;
}

/**
 * Writes every feature of word `i` into `out`; `p1`, `p2` are the previous two tags (-1 before the
 * start), `guess` the first pass's tags when this is the second pass.
 */
export function taggerFeatures(words: readonly WordInfo[], i: number, p1: number, p2: number, out: Uint32Array, guess?: Uint8Array): number {
	let n = roleFeatures(words[i], OWN, out, 0);
	n = roleFeatures(at(words, i - 1), BEFORE1, out, n);
	n = roleFeatures(at(words, i - 2), BEFORE2, out, n);
	n = roleFeatures(at(words, i + 1), AFTER1, out, n);
	n = roleFeatures(at(words, i + 2), AFTER2, out, n);
	n = contextFeatures(words, i, p1, p2, out, n);
	return guess ? guessFeatures(words, guess, i, p1, out, n) : n;
}

/** Both passes: the second reads the first pass's tags of the words to the right. */
export function tagTwice(first: Weights, second: Weights, words: readonly WordInfo[], properNouns: ProperNouns = 'any'): Uint8Array {
	const guess = tagWords(first, words, new Uint8Array(words.length), undefined, properNouns);
	return tagWords(second, words, new Uint8Array(words.length), guess, properNouns);
}

/** A training sentence: word information and gold tag indices. */
export interface TaggedSentence {
	words: WordInfo[];
	tags: Uint8Array;
	/** First-pass tags, for training the second pass. */
	guess?: Uint8Array;
}

/** Deterministic pseudo-random numbers (xorshift32). */
export function rng(seed: number): () => number {
	let s = seed >>> 0 || 1;
	return () => {
		s ^= s << 13;
		s >>>= 0;
		s ^= s >>> 17;
		s ^= s << 5;
		s >>>= 0;
		return s / 4294967296;
	};
}

/** Shuffles in place with the given generator. */
export function shuffle<T>(xs: T[], random: () => number): T[] {
	for (let i = xs.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[xs[i], xs[j]] = [xs[j], xs[i]];
	}
	return xs;
}

/** Trains the tagger: `epochs` passes in a seeded order; returns the averaged weights. */
export function trainTagger(
	data: readonly TaggedSentence[],
	epochs: number,
	seed: number,
	onEpoch?: (epoch: number, w: TrainingWeights) => void,
): TrainingWeights {
	const w = new TrainingWeights(NT);
	const feats = new Uint32Array(TAGGER_FEATURES);
	const scores = new Float64Array(NT);
	const random = rng(seed);
	const order = data.map((_, i) => i);
	for (let e = 0; e < epochs; e++) {
		shuffle(order, random);
		for (const si of order) {
			const s = data[si];
			let p1 = -1;
			let p2 = -1;
			for (let i = 0; i < s.words.length; i++) {
				const n = taggerFeatures(s.words, i, p1, p2, feats, s.guess);
				w.score(feats, n, scores);
				let best = 0;
				for (let t = 1; t < NT; t++) if (scores[t] > scores[best]) best = t;
				const gold = s.tags[i];
				if (best !== gold) w.update(feats, n, gold, best);
				w.tick();
				p2 = p1;
				p1 = best;
			}
		}
		onEpoch?.(e, w);
	}
	return w;
}
