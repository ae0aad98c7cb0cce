/**
 * Greedy left-to-right decoding with the two previous tags as features, under BIO2 constraints,
 * and the conversion of a tag sequence into typed spans. Training and inference share it.
 */
import { HISTORY_FEATURES, TAG_FEATURES, historyFeatures, type Atoms, type PriorTypes } from './features';
import { NTAGS as TAGS, TYPES, canFollow, isInside, typeOf, type Scorer } from './model';

// A module-local copy: hot loops then read a constant, not an import binding.
const NTAGS = TAGS;

/** Reusable buffers, so decoding allocates nothing per token. */
export class DecodeBuffers {
	readonly scores = new Float64Array(NTAGS);
	readonly history = new Uint32Array(HISTORY_FEATURES);
}

/** One sentence ready to decode: atoms, `perToken` feature hashes per token, optional precomputed scores. */
export interface SentenceInput {
	atoms: Atoms;
	n: number;
	feats: Uint32Array;
	perToken: number;
	/** NTAGS scores per token already summed (the per-word features at inference). */
	base?: Float64Array;
	/** Caller features per token. */
	extra?: readonly (readonly number[])[];
	/** The tag-only history features' scores per (t1, t2), from `tagPairScores`. */
	pairs?: Float64Array;
	/** The document's earlier predictions; decoding reads and then extends it. */
	priors?: PriorTypes;
	/** Tokens without a capital letter: after an O they are O without scoring (a name almost never starts so). */
	plain?: Uint8Array;
	/** Called before token `i` is scored: lets inference compute `feats` and `base` only for the tokens it scores. */
	prepare?: (i: number) => void;
	/**
	 * NTAGS scores per token of the history features other than the tag-only ones, for when the
	 * previous tag is O and the word has no prior (they then read the word alone); with `pairs` only.
	 */
	afterO?: Float64Array;
}

/** Tables the scores of the history features that depend on the previous two tags alone. */
export function tagPairScores(scorer: Scorer, atoms: Atoms): Float64Array {
	const out = new Float64Array(NTAGS * NTAGS * NTAGS);
	const feats = new Uint32Array(HISTORY_FEATURES);
	const sc = new Float64Array(NTAGS);
	for (let t1 = 0; t1 < NTAGS; t1++) {
		for (let t2 = 0; t2 < NTAGS; t2++) {
			historyFeatures(atoms, 0, t1, t2, 0, feats, 0);
			sc.fill(0);
			for (let f = 0; f < TAG_FEATURES; f++) scorer.addTo(feats[f], sc);
			out.set(sc, (t1 * NTAGS + t2) * NTAGS);
		}
	}
	return out;
}

/** Scores every tag of token `i` given its features and the two previous tags. */
export function scoreToken(scorer: Scorer, s: SentenceInput, i: number, t1: number, t2: number, buf: DecodeBuffers): Float64Array {
	const sc = buf.scores;
	if (s.base) for (let t = 0; t < NTAGS; t++) sc[t] = s.base[i * NTAGS + t];
	else sc.fill(0);
	const feats = s.feats;
	for (let k = i * s.perToken, e = k + s.perToken; k < e; k++) scorer.addTo(feats[k], sc);
	const prior = s.priors ? s.priors.prior(s.atoms, i) : 0;
	let f = 0;
	if (s.pairs) {
		const at = (t1 * NTAGS + t2) * NTAGS;
		for (let t = 0; t < NTAGS; t++) sc[t] += s.pairs[at + t];
		f = TAG_FEATURES;
	}
	if (f === TAG_FEATURES && s.afterO && t1 === 0 && prior === 0) {
		const at = i * NTAGS;
		for (let t = 0; t < NTAGS; t++) sc[t] += s.afterO[at + t];
	} else {
		historyFeatures(s.atoms, i, t1, t2, prior, buf.history, 0);
		for (; f < HISTORY_FEATURES; f++) scorer.addTo(buf.history[f], sc);
	}
	const extra = s.extra?.[i];
	if (extra) for (const x of extra) scorer.addTo(x, sc);
	return sc;
}

/** The best tag that may follow `prev`. */
export function bestTag(scores: Float64Array, prev: number): number {
	let best = 0;
	for (let t = 1; t < NTAGS; t++) if (scores[t] > scores[best] && canFollow(prev, t)) best = t;
	return best;
}

/** Probability of `tag` under a softmax of `scores × scale` over the tags that may follow `prev`. */
export function confidence(scores: Float64Array, prev: number, tag: number, scale: number): number {
	const top = scores[tag];
	let z = 0;
	for (let t = 0; t < NTAGS; t++) if (canFollow(prev, t)) z += Math.exp((scores[t] - top) * scale);
	return 1 / z;
}

/** Decodes one sentence; writes tags (and per-token confidences when `probs` is given). */
export function decodeSentence(scorer: Scorer, s: SentenceInput, tags: Uint8Array, buf: DecodeBuffers, probs?: Float64Array, beta = 1): void {
	let t1 = 0;
	let t2 = 0;
	for (let i = 0; i < s.n; i++) {
		if (t1 === 0 && s.plain?.[i]) {
			tags[i] = 0;
			if (probs) probs[i] = 1;
			t2 = 0;
			continue;
		}
		s.prepare?.(i);
		const sc = scoreToken(scorer, s, i, t1, t2, buf);
		const tag = bestTag(sc, t1);
		tags[i] = tag;
		if (probs) probs[i] = confidence(sc, t1, tag, beta);
		t2 = t1;
		t1 = tag;
	}
	recordPriors(s, tags);
}

/** Adds a decoded sentence's names to the document's prior types. */
export function recordPriors(s: SentenceInput, tags: ArrayLike<number>): void {
	if (s.priors) for (const span of spansOf(tags, s.n)) s.priors.record(s.atoms, span.first, span.last, span.type, TYPES.length);
}

/** A typed token range `[first, last)` of a sentence. */
export interface TagSpan {
	first: number;
	last: number;
	type: number;
}

/** Reads spans off a BIO2 tag sequence (a stray I- opens a span, as decoding never emits one). */
export function spansOf(tags: ArrayLike<number>, n: number): TagSpan[] {
	const out: TagSpan[] = [];
	let open: TagSpan | null = null;
	for (let i = 0; i < n; i++) {
		const tag = tags[i];
		if (open && isInside(tag) && typeOf(tag) === open.type) {
			open.last = i + 1;
			continue;
		}
		if (open) out.push(open);
		open = tag === 0 ? null : { first: i, last: i + 1, type: typeOf(tag) };
	}
	if (open) out.push(open);
	return out;
}
