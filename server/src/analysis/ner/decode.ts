/**
 * Greedy left-to-right decoding with the two previous tags as features, under BIO2 constraints,
 * and the conversion of a tag sequence into typed spans. Training and inference share it.
 */
import { HISTORY_FEATURES, STATIC_FEATURES, historyFeatures, type Atoms } from './features';
import { NTAGS, canFollow, isInside, typeOf, type Scorer } from './model';

/** Reusable buffers, so decoding allocates nothing per token. */
export class DecodeBuffers {
	readonly scores = new Float64Array(NTAGS);
	readonly history = new Uint32Array(HISTORY_FEATURES);
}

/** Scores every tag of token `i` given its static features (at `feats[at…]`) and the history. */
export function scoreToken(scorer: Scorer, atoms: Atoms, i: number, feats: Uint32Array, at: number, t1: number, t2: number, buf: DecodeBuffers, extra?: readonly number[]): Float64Array {
	const sc = buf.scores;
	sc.fill(0);
	for (let f = at, e = at + STATIC_FEATURES; f < e; f++) scorer.addTo(feats[f], sc);
	historyFeatures(atoms, i, t1, t2, buf.history, 0);
	for (let f = 0; f < HISTORY_FEATURES; f++) scorer.addTo(buf.history[f], sc);
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
export function decodeSentence(scorer: Scorer, atoms: Atoms, n: number, feats: Uint32Array, featsAt: number, tags: Uint8Array, buf: DecodeBuffers, probs?: Float64Array, scale = 1, extra?: readonly (readonly number[])[]): void {
	let t1 = 0;
	let t2 = 0;
	for (let i = 0; i < n; i++) {
		const sc = scoreToken(scorer, atoms, i, feats, featsAt + i * STATIC_FEATURES, t1, t2, buf, extra?.[i]);
		const tag = bestTag(sc, t1);
		tags[i] = tag;
		if (probs) probs[i] = confidence(sc, t1, tag, scale);
		t2 = t1;
		t1 = tag;
	}
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
