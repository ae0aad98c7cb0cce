/**
 * Dependency parser: greedy arc-eager transitions (Nivre 2003) chosen by an averaged perceptron over the
 * rich feature templates of Zhang & Nivre (2011), trained with the dynamic oracle of Goldberg & Nivre
 * (2012) so that it learns to recover from its own mistakes. The transition classifier decides the four
 * moves; a second perceptron labels each arc as it is made (heads, dependents, their tags, children
 * labels, siblings), which keeps scoring cheap: four classes per move instead of a hundred.
 *
 * Positions: 0 is the artificial root, words are 1..n. One word attaches to the root.
 */
import { ArcScorer } from './arcScores';
import { SentenceAtoms } from './atoms';
import { MoveScorer } from './moveScores';
import { LEFT, MOVES, REDUCE, RIGHT, ParseState } from './parseState';
import { key, mix, tpl, type TrainingWeights, type Weights } from './weights';
import { NONE, ROOT_INFO, type WordInfo } from './words';

export { LEFT, MOVES, REDUCE, RIGHT, SHIFT, ParseState } from './parseState';

/** The largest number of features of one parser state or one arc. */
export const PARSER_FEATURES = 96;

function f1(out: Uint32Array, n: number, t: number, a: number): number {
	out[n] = key(mix(tpl(t), a));
	return n + 1;
}
function f2(out: Uint32Array, n: number, t: number, a: number, b: number): number {
	out[n] = key(mix(mix(tpl(t), a), b));
	return n + 1;
}
function f3(out: Uint32Array, n: number, t: number, a: number, b: number, c: number): number {
	out[n] = key(mix(mix(mix(tpl(t), a), b), c));
	return n + 1;
}
function f4(out: Uint32Array, n: number, t: number, a: number, b: number, c: number, e: number): number {
	out[n] = key(mix(mix(mix(mix(tpl(t), a), b), c), e));
	return n + 1;
}

const info = (st: ParseState, x: number): WordInfo => (x > 0 ? st.words[x - 1] : x === 0 ? ROOT_INFO : NONE);
const tagOf = (st: ParseState, x: number): number => (x > 0 ? st.tags[x - 1] + 3 : x === 0 ? 2 : 1);
const labelOf = (st: ParseState, x: number): number => (x >= 0 && st.label[x] >= 0 ? st.label[x] + 3 : 1);
const distance = (d: number): number => (d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7);
const cap = (v: number): number => (v > 5 ? 5 : v);

/** Writes the features of the state into `out` (Zhang & Nivre 2011, with the second stack word). */
export function stateFeatures(st: ParseState, out: Uint32Array): number {
	const s0 = st.s0;
	const s1 = st.sp > 1 ? st.stack[st.sp - 2] : -1;
	const n0 = st.b <= st.n ? st.b : -1;
	const n1 = st.b + 1 <= st.n ? st.b + 1 : -1;
	const n2 = st.b + 2 <= st.n ? st.b + 2 : -1;
	const s0h = s0 > 0 ? st.head[s0] : -1;
	const s0h2 = s0h > 0 ? st.head[s0h] : -1;
	const s0l = s0 >= 0 ? st.lc1[s0] : -1;
	const s0r = s0 >= 0 ? st.rc1[s0] : -1;
	const s0l2 = s0 >= 0 ? st.lc2[s0] : -1;
	const s0r2 = s0 >= 0 ? st.rc2[s0] : -1;
	const n0l = n0 > 0 ? st.lc1[n0] : -1;
	const n0l2 = n0 > 0 ? st.lc2[n0] : -1;

	const S0w = info(st, s0).lower;
	const S0p = tagOf(st, s0);
	const N0w = info(st, n0).lower;
	const N0p = tagOf(st, n0);
	const N1w = info(st, n1).lower;
	const N1p = tagOf(st, n1);
	const N2w = info(st, n2).lower;
	const N2p = tagOf(st, n2);
	const S1w = info(st, s1).lower;
	const S1p = tagOf(st, s1);
	const S0hw = info(st, s0h).lower;
	const S0hp = tagOf(st, s0h);
	const S0lw = info(st, s0l).lower;
	const S0lp = tagOf(st, s0l);
	const S0rw = info(st, s0r).lower;
	const S0rp = tagOf(st, s0r);
	const N0lw = info(st, n0l).lower;
	const N0lp = tagOf(st, n0l);
	const S0L = labelOf(st, s0);
	const S0lL = labelOf(st, s0l);
	const S0rL = labelOf(st, s0r);
	const N0lL = labelOf(st, n0l);
	const d = s0 >= 0 && n0 > 0 ? distance(n0 - s0) : 0;
	const s0vl = s0 >= 0 ? cap(st.nl[s0]) : 0;
	const s0vr = s0 >= 0 ? cap(st.nr[s0]) : 0;
	const n0vl = n0 > 0 ? cap(st.nl[n0]) : 0;

	let n = 0;

	out[n++] = key(tpl(100));
	// single words
	n = f2(out, n, 101, S0w, S0p);
	n = f1(out, n, 102, S0w);
	n = f1(out, n, 103, S0p);
	n = f2(out, n, 104, N0w, N0p);
	n = f1(out, n, 105, N0w);
	n = f1(out, n, 106, N0p);
	n = f2(out, n, 107, N1w, N1p);
	n = f1(out, n, 108, N1w);
	n = f1(out, n, 109, N1p);
	n = f2(out, n, 110, N2w, N2p);
	n = f1(out, n, 111, N2w);
	n = f1(out, n, 112, N2p);
	// pairs
	n = f4(out, n, 113, S0w, S0p, N0w, N0p);
	n = f3(out, n, 114, S0w, S0p, N0w);
	n = f3(out, n, 115, S0w, N0w, N0p);
	n = f3(out, n, 116, S0w, S0p, N0p);
	n = f3(out, n, 117, S0p, N0w, N0p);
	n = f2(out, n, 118, S0w, N0w);
	n = f2(out, n, 119, S0p, N0p);
	n = f2(out, n, 120, N0p, N1p);
	// three tags
	n = f3(out, n, 121, N0p, N1p, N2p);
	n = f3(out, n, 122, S0p, N0p, N1p);
	n = f3(out, n, 123, S0hp, S0p, N0p);
	n = f3(out, n, 124, S0p, S0lp, N0p);
	n = f3(out, n, 125, S0p, S0rp, N0p);
	n = f3(out, n, 126, S0p, N0p, N0lp);
	// distance
	n = f2(out, n, 127, S0w, d);
	n = f2(out, n, 128, S0p, d);
	n = f2(out, n, 129, N0w, d);
	n = f2(out, n, 130, N0p, d);
	n = f3(out, n, 131, S0w, N0w, d);
	n = f3(out, n, 132, S0p, N0p, d);
	// valency
	n = f2(out, n, 133, S0w, s0vr);
	n = f2(out, n, 134, S0p, s0vr);
	n = f2(out, n, 135, S0w, s0vl);
	n = f2(out, n, 136, S0p, s0vl);
	n = f2(out, n, 137, N0w, n0vl);
	n = f2(out, n, 138, N0p, n0vl);
	// second-order unigrams
	n = f1(out, n, 139, S0hw);
	n = f1(out, n, 140, S0hp);
	n = f1(out, n, 141, S0L);
	n = f1(out, n, 142, S0lw);
	n = f1(out, n, 143, S0lp);
	n = f1(out, n, 144, S0lL);
	n = f1(out, n, 145, S0rw);
	n = f1(out, n, 146, S0rp);
	n = f1(out, n, 147, S0rL);
	n = f1(out, n, 148, N0lw);
	n = f1(out, n, 149, N0lp);
	n = f1(out, n, 150, N0lL);
	// third order
	n = f1(out, n, 151, info(st, s0h2).lower);
	n = f1(out, n, 152, tagOf(st, s0h2));
	n = f1(out, n, 153, labelOf(st, s0h));
	n = f1(out, n, 154, info(st, s0l2).lower);
	n = f1(out, n, 155, tagOf(st, s0l2));
	n = f1(out, n, 156, labelOf(st, s0l2));
	n = f1(out, n, 157, info(st, s0r2).lower);
	n = f1(out, n, 158, tagOf(st, s0r2));
	n = f1(out, n, 159, labelOf(st, s0r2));
	n = f1(out, n, 160, info(st, n0l2).lower);
	n = f1(out, n, 161, tagOf(st, n0l2));
	n = f1(out, n, 162, labelOf(st, n0l2));
	n = f3(out, n, 163, S0p, S0lp, tagOf(st, s0l2));
	n = f3(out, n, 164, S0p, S0rp, tagOf(st, s0r2));
	n = f3(out, n, 165, S0p, S0hp, tagOf(st, s0h2));
	n = f3(out, n, 166, N0p, N0lp, tagOf(st, n0l2));
	// label sets
	const s0rs = s0 >= 0 ? mix(st.rmask[s0], st.rmask2[s0]) : 0;
	const s0ls = s0 >= 0 ? mix(st.lmask[s0], st.lmask2[s0]) : 0;
	const n0ls = n0 > 0 ? mix(st.lmask[n0], st.lmask2[n0]) : 0;
	n = f2(out, n, 167, S0w, s0rs);
	n = f2(out, n, 168, S0p, s0rs);
	n = f2(out, n, 169, S0w, s0ls);
	n = f2(out, n, 170, S0p, s0ls);
	n = f2(out, n, 171, N0w, n0ls);
	n = f2(out, n, 172, N0p, n0ls);
	// the second stack word, whether the top has a head, and word shapes of the front words
	n = f1(out, n, 173, S1p);
	n = f2(out, n, 174, S1w, S1p);
	n = f3(out, n, 175, S1p, S0p, N0p);
	n = f3(out, n, 176, S1p, S0p, S0L);
	n = f2(out, n, 177, s0 > 0 && st.head[s0] >= 0 ? 1 : 0, N0p);
	n = f3(out, n, 178, s0 > 0 && st.head[s0] >= 0 ? 1 : 0, S0p, N0p);
	n = f2(out, n, 179, info(st, n0).suffix[2], N0p);
	n = f2(out, n, 180, info(st, s0).suffix[2], S0p);
	n = f3(out, n, 181, S0L, S0p, N0p);
	n = f2(out, n, 182, n0 > 0 && n0 === st.n ? 1 : 0, S0p);
	// the tags the front words could have had (the treebank's ambiguity classes), against tagging errors
	const N0a = info(st, n0).amb;
	const S0a = info(st, s0).amb;
	n = f1(out, n, 183, N0a);
	n = f1(out, n, 184, S0a);
	n = f2(out, n, 185, S0a, N0a);
	n = f2(out, n, 186, S0p, N0a);
	n = f2(out, n, 187, S0a, N0p);
	n = f1(out, n, 188, info(st, n1).amb);
	return n;
}

/** Features of the arc `h → d` for the labeller. */
export function arcFeatures(st: ParseState, h: number, d: number, out: Uint32Array): number {
	const dir = d < h ? 1 : 2;
	const dist = distance(Math.abs(h - d));
	const hw = info(st, h).lower;
	const hp = tagOf(st, h);
	const dw = info(st, d).lower;
	const dp = tagOf(st, d);
	const dl = d > 0 ? st.lc1[d] : -1;
	let n = 0;
	n = f1(out, n, 200, dir);
	n = f1(out, n, 201, hw);
	n = f2(out, n, 202, hp, dir);
	n = f1(out, n, 203, dw);
	n = f2(out, n, 204, dp, dir);
	n = f3(out, n, 205, hp, dp, dir);
	n = f3(out, n, 206, hw, dp, dir);
	n = f3(out, n, 207, hp, dw, dir);
	n = f2(out, n, 208, hw, dw);
	n = f3(out, n, 209, dp, dist, dir);
	n = f2(out, n, 210, dp, info(st, d).suffix[2]);
	n = f3(out, n, 211, dp, st.lmask[d], st.lmask2[d]);
	n = f3(out, n, 212, dp, st.rmask[d], st.rmask2[d]);
	n = f3(out, n, 213, hp, mix(st.lmask[h], st.lmask2[h]), dir);
	n = f3(out, n, 214, hp, dp, tagOf(st, dl));
	n = f2(out, n, 215, dw, dir);
	n = f3(out, n, 216, dp, tagOf(st, d - 1), d < st.n ? tagOf(st, d + 1) : 1);
	n = f3(out, n, 217, hp, labelOf(st, h), dp);
	n = f3(out, n, 218, dp, hp, d === 1 ? 1 : 0);
	n = f2(out, n, 219, info(st, dl).lower, dp);
	n = f3(out, n, 220, info(st, dl).lower, hp, dp);
	n = f2(out, n, 221, hp, h === 0 ? 1 : 0);
	n = f2(out, n, 222, dp, cap(st.nl[d]));
	n = f2(out, n, 223, info(st, d).shape, dp);
	n = f3(out, n, 224, labelOf(st, dir === 1 ? st.lc1[h] : st.rc1[h]), dp, dir);
	n = f3(out, n, 225, tagOf(st, dir === 1 ? st.lc1[h] : st.rc1[h]), dp, dir);
	n = f3(out, n, 226, hw, dw, dir);
	n = f2(out, n, 227, info(st, d).form, dir);
	n = f3(out, n, 228, info(st, h).suffix[2], dp, dir);
	n = f3(out, n, 229, hp, dp, dist);
	return n;
}

/** A parse: 1-based heads (0 for the root) and label indices, one per word. */
export interface Parse {
	heads: Int32Array;
	labels: Uint8Array;
}

/** What parsing needs besides the sentence: the two classifiers and the label set. */
export interface ParserModel {
	moves: Weights;
	labels: Weights;
	labelNames: readonly string[];
	rootLabel: number;
}

function bestLabel(scores: Float64Array, count: number, root: number, toRoot: boolean): number {
	if (toRoot) return root;
	let best = -1;
	for (let l = 0; l < count; l++) if (l !== root && (best < 0 || scores[l] > scores[best])) best = l;
	return best;
}

/** Attaches what is left without a head when the buffer runs out. */
export function finish(st: ParseState, label: (h: number, d: number) => number, root: number): void {
	let top = st.nr[0] > 0 ? st.rc1[0] : -1;
	for (let x = 1; x <= st.n; x++) {
		if (st.head[x] >= 0) continue;
		if (top < 0) {
			top = x;
			st.addArc(0, x, root);
		} else st.addArc(top, x, label(top, x));
	}
}

/**
 * Parses a tagged sentence. The scores are the reference features' (`stateFeatures`, `arcFeatures`),
 * computed by the faster scorers of moveScores.ts and arcScores.ts.
 */
export function parseWords(model: ParserModel, words: readonly WordInfo[], tags: Uint8Array): Parse {
	const st = new ParseState(words, tags);
	const atoms = new SentenceAtoms(words, tags);
	const scores = new Float64Array(Math.max(MOVES, model.labelNames.length));
	const nLabels = model.labelNames.length;
	const arcs = new ArcScorer(st, atoms, model.labels);
	const label = (h: number, d: number): number => {
		if (h === 0) return model.rootLabel;
		arcs.score(h, d, scores);
		return bestLabel(scores, nLabels, model.rootLabel, false);
	};
	const moves = new MoveScorer(st, atoms, model.moves, nLabels);
	while (!st.done) {
		moves.score(scores);
		let best = -1;
		for (let m = 0; m < MOVES; m++) if (st.valid(m) && (best < 0 || scores[m] > scores[best])) best = m;
		if (best === LEFT) st.apply(best, label(st.b, st.s0));
		else if (best === RIGHT) st.apply(best, label(st.s0, st.b));
		else st.apply(best, -1);
	}
	finish(st, label, model.rootLabel);
	const heads = new Int32Array(st.n);
	const labels = new Uint8Array(st.n);
	for (let x = 1; x <= st.n; x++) {
		heads[x - 1] = st.head[x];
		labels[x - 1] = st.label[x];
	}
	return { heads, labels };
}

// ---- training ----

/** A training sentence: words, the tags the parser will see (predicted), gold heads and labels. */
export interface TreeSentence {
	words: WordInfo[];
	tags: Uint8Array;
	/** 1-based heads of words 1..n at indices 1..n (index 0 unused). */
	heads: Int32Array;
	labels: Int32Array;
}

/** Gold children of every position. */
function childrenOf(heads: Int32Array, n: number): number[][] {
	const kids: number[][] = Array.from({ length: n + 1 }, () => []);
	for (let x = 1; x <= n; x++) if (heads[x] >= 0) kids[heads[x]].push(x);
	return kids;
}

/** Cost of a move: how many gold arcs it makes unreachable (Goldberg & Nivre 2012, arc-eager). */
export function moveCost(st: ParseState, move: number, gold: Int32Array, kids: number[][]): number {
	const s = st.s0;
	const b = st.b;
	let c = 0;
	switch (move) {
		case LEFT: {
			const h = gold[s];
			if (h !== b && h > b) c++;
			for (const k of kids[s]) if (k >= b) c++;
			return c;
		}
		case RIGHT: {
			const h = gold[b];
			if (h !== s && (h > b || st.inStack[h])) c++;
			for (const k of kids[b]) if (st.inStack[k] && st.head[k] < 0) c++;
			return c;
		}
		case REDUCE:
			for (const k of kids[s]) if (k >= b) c++;
			return c;
		default: {
			const h = gold[b];
			if (h >= 0 && st.inStack[h]) c++;
			for (const k of kids[b]) if (st.inStack[k] && st.head[k] < 0) c++;
			return c;
		}
	}
}

export interface ParserTraining {
	moves: TrainingWeights;
	labels: TrainingWeights;
	labelNames: readonly string[];
	rootLabel: number;
}

/**
 * One epoch of dynamic-oracle training. With `explore`, the parser follows its own prediction (a wrong
 * but allowed move) with probability 0.9, and learns the best move from the states its errors lead to.
 */
export function trainParserEpoch(t: ParserTraining, data: readonly TreeSentence[], order: readonly number[], explore: boolean, random: () => number): void {
	const feats = new Uint32Array(PARSER_FEATURES);
	const scores = new Float64Array(Math.max(MOVES, t.labelNames.length));
	const costs = new Int32Array(MOVES);
	const nLabels = t.labelNames.length;
	for (const si of order) {
		const s = data[si];
		const st = new ParseState(s.words, s.tags);
		const kids = childrenOf(s.heads, st.n);
		const label = (h: number, d: number, learn: boolean): number => {
			if (h === 0) return t.rootLabel;
			const k = arcFeatures(st, h, d, feats);
			t.labels.score(feats, k, scores);
			const guess = bestLabel(scores, nLabels, t.rootLabel, false);
			if (learn && s.heads[d] === h && guess !== s.labels[d]) t.labels.update(feats, k, s.labels[d], guess);
			if (learn) t.labels.tick();
			return guess;
		};
		while (!st.done) {
			const k = stateFeatures(st, feats);
			t.moves.score(feats, k, scores);
			let pred = -1;
			let min = Infinity;
			for (let m = 0; m < MOVES; m++) {
				if (!st.valid(m)) continue;
				costs[m] = moveCost(st, m, s.heads, kids);
				if (costs[m] < min) min = costs[m];
				if (pred < 0 || scores[m] > scores[pred]) pred = m;
			}
			let good = -1;
			for (let m = 0; m < MOVES; m++) if (st.valid(m) && costs[m] === min && (good < 0 || scores[m] > scores[good])) good = m;
			if (costs[pred] > min) t.moves.update(feats, k, good, pred);
			t.moves.tick();
			const next = explore && random() < 0.9 ? pred : good;
			const arc = st.arcOf(next);
			st.apply(next, arc ? label(arc[0], arc[1], true) : -1);
		}
	}
}
