/**
 * Training of the tagger: an averaged perceptron over greedy left-to-right decoding, with
 * partial labels (a file that does not annotate NORP or MISC does not penalise predicting them
 * where it says O), then pruning and int8 quantisation into the compact model file.
 * Pure and deterministic: the caller supplies the corpus, the lexicon and the seed.
 */
import { DecodeBuffers, bestTag, confidence, decodeSentence, recordPriors, scoreToken, spansOf, type SentenceInput } from './decode';
import { PriorTypes, STATIC_FEATURES, callerFeature, docContext, sentenceAtoms, staticFeatures, type Lexicon } from './features';
import type { LabeledDoc, LabeledSentence } from './corpus';
import { CompactModel, NTAGS, quantize, TAG_NAMES, TYPES, canFollow, isInside, toBase64, typeOf, type ModelFile, type Scorer } from './model';

/** A sentence with its features computed once for all epochs. */
interface Prepared extends SentenceInput {
	sentence: LabeledSentence;
	/** Index of the document, sentences of one document being consecutive. */
	doc: number;
}

/** Caller features of a sentence's words, one list of feature names per word (see `callerFeature`). */
export type CallerFeatures = (words: readonly string[]) => readonly (readonly string[])[];

/** Computes atoms and static features of every sentence, using each document's context; `caller` adds caller features. */
export function prepare(docs: LabeledDoc[], lex: Lexicon, caller?: CallerFeatures): Prepared[] {
	const out: Prepared[] = [];
	for (const [d, doc] of docs.entries()) {
		const ctx = docContext(doc.sentences.map((s) => s.words));
		for (const sentence of doc.sentences) {
			const atoms = sentenceAtoms(sentence.words, lex, ctx);
			const n = sentence.words.length;
			const feats = new Uint32Array(n * STATIC_FEATURES);
			for (let i = 0; i < n; i++) staticFeatures(atoms, i, feats, i * STATIC_FEATURES);
			const extra = caller?.(sentence.words).map((names) => names.map(callerFeature));
			out.push({ sentence, atoms, n, feats, perToken: STATIC_FEATURES, doc: d, extra });
		}
	}
	return out;
}

/** Perceptron weights with the running sums that averaging needs. */
class Weights implements Scorer {
	readonly index = new Map<number, number>();
	w = new Float32Array(NTAGS * 1024);
	u = new Float32Array(NTAGS * 1024);
	step = 1;

	addTo(feature: number, scores: Float64Array): void {
		const r = this.index.get(feature);
		if (r === undefined) return;
		for (let t = 0; t < NTAGS; t++) scores[t] += this.w[r + t];
	}

	update(feature: number, tag: number, delta: number): void {
		let r = this.index.get(feature);
		if (r === undefined) {
			r = this.index.size * NTAGS;
			if (r + NTAGS > this.w.length) {
				const grow = (a: Float32Array) => {
					const b = new Float32Array(a.length * 2);
					b.set(a);
					return b;
				};
				this.w = grow(this.w);
				this.u = grow(this.u);
			}
			this.index.set(feature, r);
		}
		this.w[r + tag] += delta;
		this.u[r + tag] += this.step * delta;
	}

	/** The averaged weights, as a plain scorer. */
	averaged(): AveragedWeights {
		const avg = new Float32Array(this.index.size * NTAGS);
		for (let i = 0; i < avg.length; i++) avg[i] = this.w[i] - this.u[i] / this.step;
		return new AveragedWeights(this.index, avg);
	}
}

class AveragedWeights implements Scorer {
	constructor(
		readonly index: Map<number, number>,
		readonly avg: Float32Array,
	) {}

	addTo(feature: number, scores: Float64Array): void {
		const r = this.index.get(feature);
		if (r === undefined) return;
		for (let t = 0; t < NTAGS; t++) scores[t] += this.avg[r + t];
	}
}

/** The tags the gold label admits at one position, given the previous predicted tag. */
function admits(s: LabeledSentence, i: number, tag: number): boolean {
	const gold = s.tags[i];
	if (tag === gold) return true;
	if (gold === 0) return tag !== 0 && ((s.policy.freeTypes >> typeOf(tag)) & 1) === 1;
	return s.policy.miscMayBeNorp && TYPES[typeOf(gold)] === 'MISC' && TYPES[typeOf(tag)] === 'NORP' && isInside(tag) === isInside(gold);
}

// The tag to move towards after a mistake: the best-scoring admitted tag that can follow `prev`.
function target(s: LabeledSentence, i: number, prev: number, scores: Float64Array): number {
	let best = -1;
	for (let t = 0; t < NTAGS; t++) if (admits(s, i, t) && canFollow(prev, t) && (best < 0 || scores[t] > scores[best])) best = t;
	if (best >= 0) return best;
	const gold = s.tags[i];
	return isInside(gold) ? gold - 1 : gold;
}

function trainSentence(wts: Weights, p: Prepared, buf: DecodeBuffers, tags: Uint8Array): void {
	const s = p.sentence;
	let t1 = 0;
	let t2 = 0;
	for (let i = 0; i < s.words.length; i++) {
		const at = i * STATIC_FEATURES;
		const sc = scoreToken(wts, p, i, t1, t2, buf);
		const guess = bestTag(sc, t1);
		if (!admits(s, i, guess)) {
			const want = target(s, i, t1, sc);
			const d = s.policy.weight;
			for (let f = at; f < at + STATIC_FEATURES; f++) {
				wts.update(p.feats[f], want, d);
				wts.update(p.feats[f], guess, -d);
			}
			for (const f of buf.history) {
				wts.update(f, want, d);
				wts.update(f, guess, -d);
			}
			for (const f of p.extra?.[i] ?? []) {
				wts.update(f, want, d);
				wts.update(f, guess, -d);
			}
		}
		wts.step++;
		tags[i] = guess;
		t2 = t1;
		t1 = guess;
	}
	recordPriors(p, tags);
}

/** Runs `fn` over the sentences document by document, each document with fresh prior types. */
function byDocument(data: Prepared[], order: number[] | null, fn: (p: Prepared) => void): void {
	const starts: number[] = [];
	data.forEach((p, i) => {
		if (i === 0 || data[i - 1].doc !== p.doc) starts.push(i);
	});
	starts.push(data.length);
	const docs = order ?? starts.slice(0, -1).map((_, i) => i);
	for (const d of docs) {
		const priors = new PriorTypes();
		for (let i = starts[d]; i < starts[d + 1]; i++) {
			data[i].priors = priors;
			fn(data[i]);
			data[i].priors = undefined;
		}
	}
}

/** Number of documents in prepared data. */
const docCount = (data: Prepared[]) => data.reduce((n, p, i) => n + (i === 0 || data[i - 1].doc !== p.doc ? 1 : 0), 0);

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Span-level precision/recall counts per type. */
export interface Scores {
	tp: number[];
	fp: number[];
	fn: number[];
}

/** Exact-span scores on labelled sentences; free types of a file are not counted against it. */
export function evaluate(scorer: Scorer, data: Prepared[]): Scores {
	const sc: Scores = { tp: TYPES.map(() => 0), fp: TYPES.map(() => 0), fn: TYPES.map(() => 0) };
	const buf = new DecodeBuffers();
	byDocument(data, null, (p) => {
		const n = p.sentence.words.length;
		const tags = new Uint8Array(n);
		decodeSentence(scorer, p, tags, buf);
		const pol = p.sentence.policy;
		const norm = (t: number) => (pol.miscMayBeNorp && TYPES[t] === 'NORP' ? TYPES.indexOf('MISC') : t);
		const gold = new Set(spansOf(p.sentence.tags, n).map((s) => `${s.first}:${s.last}:${norm(s.type)}`));
		for (const s of spansOf(tags, n)) {
			const t = norm(s.type);
			if (gold.delete(`${s.first}:${s.last}:${t}`)) sc.tp[t]++;
			else if (((pol.freeTypes >> t) & 1) === 0) sc.fp[t]++;
		}
		for (const g of gold) sc.fn[Number(g.split(':')[2])]++;
	});
	return sc;
}

/** F1 over the given type indices (micro). */
export function f1(s: Scores, types: number[]): { p: number; r: number; f: number } {
	let tp = 0;
	let fp = 0;
	let fn = 0;
	for (const t of types) {
		tp += s.tp[t];
		fp += s.fp[t];
		fn += s.fn[t];
	}
	const p = tp / Math.max(1, tp + fp);
	const r = tp / Math.max(1, tp + fn);
	return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

export interface TrainOptions {
	epochs: number;
	seed: number;
	/** Keep at most this many feature rows (largest weights first). */
	maxFeatures: number;
	/** Called after each epoch with the averaged weights' dev scores. */
	onEpoch?: (epoch: number, dev: Scores | null) => void;
}

/** Trains on `train`, reporting on `dev` after each epoch; returns the averaged weights. */
export function train(trainSet: Prepared[], dev: Prepared[], opts: TrainOptions): AveragedWeights {
	const wts = new Weights();
	const buf = new DecodeBuffers();
	const random = rng(opts.seed);
	const order = Array.from({ length: docCount(trainSet) }, (_, i) => i);
	const tags = new Uint8Array(trainSet.reduce((m, p) => Math.max(m, p.n), 0));
	for (let epoch = 1; epoch <= opts.epochs; epoch++) {
		for (let i = order.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			[order[i], order[j]] = [order[j], order[i]];
		}
		byDocument(trainSet, order, (p) => trainSentence(wts, p, buf, tags));
		opts.onEpoch?.(epoch, dev.length ? evaluate(wts.averaged(), dev) : null);
	}
	return wts.averaged();
}

/**
 * The softmax sharpness (per int8 weight unit) that makes per-token confidences honest: the
 * Brier-best value on `dev` over tokens that are, or are predicted to be, inside a name.
 */
export function calibrate(model: CompactModel, dev: Prepared[]): number {
	const buf = new DecodeBuffers();
	const samples: { sc: Float64Array; prev: number; tag: number; ok: boolean }[] = [];
	byDocument(dev, null, (p) => {
		let t1 = 0;
		let t2 = 0;
		const tags = new Uint8Array(p.n);
		for (let i = 0; i < p.n; i++) {
			const sc = scoreToken(model, p, i, t1, t2, buf);
			const tag = bestTag(sc, t1);
			if (tag !== 0 || p.sentence.tags[i] !== 0) samples.push({ sc: sc.slice(), prev: t1, tag, ok: admits(p.sentence, i, tag) });
			tags[i] = tag;
			t2 = t1;
			t1 = tag;
		}
		recordPriors(p, tags);
	});
	let best = { beta: 1, loss: Infinity };
	for (let k = -40; k <= 20; k++) {
		const beta = Math.pow(2, k / 4);
		let loss = 0;
		for (const x of samples) loss += (confidence(x.sc, x.prev, x.tag, beta) - (x.ok ? 1 : 0)) ** 2;
		if (loss < best.loss) best = { beta, loss };
	}
	return best.beta;
}

/** Prunes to the strongest rows, quantises to int8 and serialises with the lexicon. */
export function exportModel(weights: AveragedWeights, lex: Lexicon, maxFeatures: number, meta: Record<string, unknown>, clip = 0): ModelFile {
	const rows: { key: number; r: number; norm: number }[] = [];
	for (const [key, r] of weights.index) {
		let norm = 0;
		for (let t = 0; t < NTAGS; t++) norm = Math.max(norm, Math.abs(weights.avg[r + t]));
		if (norm > 0) rows.push({ key, r, norm });
	}
	rows.sort((a, b) => b.norm - a.norm || a.key - b.key);
	// The μ-law code keeps small weights fine, so the scale can reach the largest weight (`clip` = 0; dev scores drop with clipping).
	const scale = rows[Math.floor(rows.length * clip)]?.norm || 1;
	const kept = rows.filter((x) => quantize(x.norm, scale) !== 0).slice(0, maxFeatures);
	kept.sort((a, b) => a.key - b.key);
	const keys = new Uint32Array(kept.length);
	const q = new Int8Array(kept.length * NTAGS);
	kept.forEach((x, k) => {
		keys[k] = x.key;
		for (let t = 0; t < NTAGS; t++) q[k * NTAGS + t] = quantize(weights.avg[x.r + t], scale);
	});
	const gaz: Record<string, string[]> = {};
	for (const [w, bits] of [...lex.gazetteer].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) (gaz[bits] ??= []).push(w);
	return {
		format: 'seed-lens-ner/1',
		tags: [...TAG_NAMES],
		scale,
		beta: 1,
		keys: toBase64(new Uint8Array(keys.buffer)),
		weights: toBase64(new Uint8Array(q.buffer)),
		common: [...lex.common].sort().join(' '),
		gazetteer: Object.fromEntries(Object.entries(gaz).map(([b, ws]) => [b, ws.join(' ')])),
		meta,
	};
}
