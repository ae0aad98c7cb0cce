/**
 * Training the tagger and the parser from CoNLL-U treebanks (used by `scripts/train-syntax.ts`; not
 * part of the shipped analysis). Deterministic for a given seed.
 */
import type { ConlluSentence } from './conllu';
import type { SyntaxModel } from './model';
import { MOVES, parseWords, trainParserEpoch, type ParserModel, type ParserTraining, type TreeSentence } from './parser';
import { rng, shuffle, trainTagger, UPOS, UPOS_INDEX, type TaggedSentence } from './tagger';
import { prune, TrainingWeights, Weights } from './weights';
export { trainTagger };
import { normalise, parseLexicon, wordInfo, type TagDictionary, type WordInfo } from './words';

/** Builds the tag dictionary: words seen `minCount` times or more, with the tags they had at least 5 % of the time. */
export function buildDictionary(sentences: readonly ConlluSentence[], minCount = 2, lexicon = ''): { dict: TagDictionary; text: string } {
	const counts = new Map<string, number[]>();
	for (const s of sentences)
		for (const w of s.words) {
			const t = UPOS_INDEX.get(w.upos);
			if (t === undefined) continue;
			const l = normalise(w.form);
			let c = counts.get(l);
			if (!c) counts.set(l, (c = new Array<number>(UPOS.length).fill(0)));
			c[t]++;
		}
	const tags = new Map<string, number>();
	const lines: string[] = [];
	for (const [w, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
		const total = c.reduce((a, b) => a + b, 0);
		if (total < minCount || /[\s]/.test(w)) continue;
		let mask = 0;
		let mft = 0;
		c.forEach((n, t) => {
			if (n >= total * 0.05) mask |= 1 << t;
			if (n > c[mft]) mft = t;
		});
		tags.set(w, (mask << 8) | mft);
		lines.push(`${w} ${mask} ${mft}`);
	}
	return { dict: { tags, lexicon: parseLexicon(lexicon) }, text: lines.join('\n') };
}

const infoMemo = (dict: TagDictionary) => {
	const memo = new Map<string, WordInfo>();
	return (w: string) => {
		let i = memo.get(w);
		if (!i) memo.set(w, (i = wordInfo(w, dict)));
		return i;
	};
};

export function taggedSentences(sentences: readonly ConlluSentence[], dict: TagDictionary): TaggedSentence[] {
	const info = infoMemo(dict);
	return sentences.map((s) => ({
		words: s.words.map((w) => info(w.form)),
		tags: Uint8Array.from(s.words, (w) => UPOS_INDEX.get(w.upos) ?? UPOS_INDEX.get('X')!),
	}));
}

/** The universal part of a relation (`nmod:poss` → `nmod`), which the CoNLL 2018 evaluation compares. */
export const universal = (rel: string): string => rel.split(':')[0];

export interface Scores {
	upos: number;
	uas: number;
	las: number;
	words: number;
}

/** Tags and parses gold-tokenised sentences and scores them as the CoNLL 2018 evaluation does (every word, punctuation included; LAS on universal relations). */
export function evaluate(
	sentences: readonly ConlluSentence[],
	tag: (w: WordInfo[]) => Uint8Array,
	parser: ParserModel | undefined,
	dict: TagDictionary,
): Scores {
	const info = infoMemo(dict);
	let words = 0;
	let upos = 0;
	let uas = 0;
	let las = 0;
	for (const s of sentences) {
		const ws = s.words.map((w) => info(w.form));
		const tags = tag(ws);
		const parse = parser ? parseWords(parser, ws, tags) : undefined;
		s.words.forEach((w, i) => {
			words++;
			if (UPOS[tags[i]] === w.upos) upos++;
			if (parse && parse.heads[i] === w.head) {
				uas++;
				if (universal(parser!.labelNames[parse.labels[i]]) === universal(w.deprel)) las++;
			}
		});
	}
	return { upos: upos / words, uas: uas / words, las: las / words, words };
}

/** Weights of a training run, averaged, as a read-only table (optionally pruned to `max` features). */
export function frozen(w: TrainingWeights, max = Infinity): { weights: Weights; keys: Uint32Array; values: Float32Array } {
	const avg = w.averaged();
	const p = Number.isFinite(max) ? prune(avg.keys, avg.weights, w.classes, max) : avg;
	return { weights: Weights.fromFloats(p.keys, p.weights, w.classes), keys: p.keys, values: p.weights };
}

/**
 * Tags every training sentence with a tagger that did not see it (jackknifing): the data is cut into
 * `folds` parts, and `make` builds a tagger from all parts but one, which then tags that one. Tags made
 * this way have the errors tags have at run time, for the next stage to learn from.
 */
export function jackknife<T>(
	data: readonly TaggedSentence[],
	folds: number,
	make: (train: TaggedSentence[], fold: number) => T,
	tag: (tagger: T, s: TaggedSentence) => Uint8Array,
): { tags: Uint8Array[]; taggers: T[] } {
	const tags: Uint8Array[] = new Array(data.length);
	const taggers: T[] = [];
	for (let f = 0; f < folds; f++) {
		const tagger = make(
			data.filter((_, i) => i % folds !== f),
			f,
		);
		taggers.push(tagger);
		data.forEach((s, i) => {
			if (i % folds === f) tags[i] = tag(tagger, s);
		});
	}
	return { tags, taggers };
}

/** Label set of a treebank: every relation (with subtypes) that occurs, sorted, "root" included. */
export function labelSet(sentences: readonly ConlluSentence[]): string[] {
	const set = new Set<string>(['root']);
	for (const s of sentences) for (const w of s.words) if (w.deprel && w.deprel !== '_') set.add(w.deprel);
	return [...set].sort();
}

export function treeSentences(
	sentences: readonly ConlluSentence[],
	tagged: readonly TaggedSentence[],
	tags: readonly Uint8Array[],
	labels: readonly string[],
): TreeSentence[] {
	const index = new Map(labels.map((l, i) => [l, i]));
	return sentences.map((s, i) => {
		const n = s.words.length;
		const heads = new Int32Array(n + 1).fill(-1);
		const ls = new Int32Array(n + 1).fill(-1);
		s.words.forEach((w, j) => {
			heads[j + 1] = w.head;
			ls[j + 1] = index.get(w.deprel) ?? index.get('dep') ?? 0;
		});
		return { words: tagged[i].words, tags: tags[i], heads, labels: ls };
	});
}

export function newParserTraining(labels: readonly string[]): ParserTraining {
	return { moves: new TrainingWeights(MOVES), labels: new TrainingWeights(labels.length), labelNames: labels, rootLabel: labels.indexOf('root') };
}

/** Trains the parser for `epochs` epochs; exploration starts with the second. */
export function trainParser(
	data: readonly TreeSentence[],
	labels: readonly string[],
	epochs: number,
	seed: number,
	onEpoch?: (epoch: number, t: ParserTraining) => void,
): ParserTraining {
	const t = newParserTraining(labels);
	const random = rng(seed);
	const order = data.map((_, i) => i).filter((i) => data[i].words.length > 0);
	for (let e = 0; e < epochs; e++) {
		shuffle(order, random);
		trainParserEpoch(t, data, order, e >= 1, random);
		onEpoch?.(e, t);
	}
	return t;
}

/** Scores a loaded model on gold-tokenised sentences. */
export function evaluateModel(model: SyntaxModel, sentences: readonly ConlluSentence[]): Scores {
	return evaluate(sentences, (ws) => model.tag(ws), model.parser, model.dictionary);
}
