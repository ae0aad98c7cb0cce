/**
 * The fast scorers of the syntax layer give exactly the reference scores: the parser's move and label
 * scores (moveScores.ts, arcScores.ts) against `stateFeatures` / `arcFeatures` looked up one by one,
 * at every state of parses of written sentences, and the tagger's passes (tagScores.ts) against
 * `taggerFeatures`; with the shipped model and with weights made up for every feature the reference
 * produces (so that a template the model happens to lack still counts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ArcScorer } from '../../../server/src/analysis/syntax/arcScores';
import { SentenceAtoms } from '../../../server/src/analysis/syntax/atoms';
import { SyntaxModel } from '../../../server/src/analysis/syntax/model';
import { MoveScorer } from '../../../server/src/analysis/syntax/moveScores';
import { arcFeatures, LEFT, MOVES, PARSER_FEATURES, ParseState, RIGHT, stateFeatures } from '../../../server/src/analysis/syntax/parser';
import { rng, TAGGER_FEATURES, taggerFeatures, tagWords, UPOS } from '../../../server/src/analysis/syntax/tagger';
import { roleFeatures } from '../../../server/src/analysis/syntax/tagScores';
import { Weights } from '../../../server/src/analysis/syntax/weights';
import { NONE, type WordInfo } from '../../../server/src/analysis/syntax/words';

const model = new SyntaxModel(readFileSync(join(__dirname, '../../../server/src/analysis/syntax/syntax.bin')));
const LABELS = model.parser.labelNames.length;

const SENTENCES = [
	'The finance minister said on Monday that the talks , which began in March , would resume next week .',
	'Prices rose sharply , analysts said , as the central bank kept its rate unchanged .',
	'" We will not give up , " she told reporters outside the court in Leeds .',
	'Yes .',
	'Go !',
	'IMF Managing Director Kristalina Georgieva , who was in Washington , declined to comment on the reports about the 2.5 billion dollar loan that Argentina had asked for in 2018 and 2019 .',
];

/** Words and tags of a sentence, tagged by the shipped model. */
function tagged(sentence: string): { words: WordInfo[]; tags: Uint8Array } {
	const words = model.infos(sentence.split(' '));
	return { words, tags: model.tag(words) };
}

/**
 * Walks a parse, calling `visit` at every state: moves are picked by `pick` among the allowed ones,
 * arcs get made-up labels so that the label sets vary.
 */
function walk(words: WordInfo[], tags: Uint8Array, pick: (st: ParseState, allowed: number[]) => number, visit: (st: ParseState) => void): void {
	const st = new ParseState(words, tags);
	while (!st.done) {
		visit(st);
		const allowed = [0, 1, 2, 3].filter((m) => st.valid(m));
		const move = pick(st, allowed);
		st.apply(move, (st.b * 7 + st.s0 * 3) % LABELS);
	}
}

/** Picks pseudo-random allowed moves from a seed. */
const randomMoves = (seed: number) => {
	const random = rng(seed);
	return (_st: ParseState, allowed: number[]) => allowed[Math.floor(random() * allowed.length)];
};

/** Asserts that the fast scorers equal the reference at every state of the walk (and returns how many states were compared). */
function compare(words: WordInfo[], tags: Uint8Array, moves: Weights, labels: Weights, pick: (st: ParseState, allowed: number[]) => number): number {
	const feats = new Uint32Array(PARSER_FEATURES);
	const want = new Float64Array(LABELS);
	const got = new Float64Array(LABELS);
	let states = 0;
	let scorer: MoveScorer | undefined;
	let arcs: ArcScorer | undefined;
	walk(words, tags, pick, (st) => {
		if (!scorer || !arcs) {
			const atoms = new SentenceAtoms(st.words, st.tags);
			scorer = new MoveScorer(st, atoms, moves, LABELS);
			arcs = new ArcScorer(st, atoms, labels);
		}
		moves.score(feats, stateFeatures(st, feats), want);
		scorer.score(got);
		assert.deepEqual(Array.from(got.subarray(0, MOVES)), Array.from(want.subarray(0, MOVES)), `moves at state ${states}`);
		for (const [move, h, d] of [
			[LEFT, st.b, st.s0],
			[RIGHT, st.s0, st.b],
		]) {
			if (!st.valid(move) || h === 0) continue;
			labels.score(feats, arcFeatures(st, h, d, feats), want);
			arcs.score(h, d, got);
			assert.deepEqual(Array.from(got), Array.from(want), `labels of ${h} → ${d} at state ${states}`);
		}
		states++;
	});
	return states;
}

/** Weights for every feature the reference produces on the walks, made up from a seed. */
function madeUpWeights(pick: () => (st: ParseState, allowed: number[]) => number): { moves: Weights; labels: Weights } {
	const moveKeys = new Set<number>();
	const labelKeys = new Set<number>();
	const feats = new Uint32Array(PARSER_FEATURES);
	for (const s of SENTENCES) {
		const { words, tags } = tagged(s);
		walk(words, tags, pick(), (st) => {
			const n = stateFeatures(st, feats);
			for (let i = 0; i < n; i++) moveKeys.add(feats[i]);
			for (const [h, d] of [
				[st.b, st.s0],
				[st.s0, st.b],
			]) {
				if (h <= 0 || d <= 0) continue;
				const k = arcFeatures(st, h, d, feats);
				for (let i = 0; i < k; i++) labelKeys.add(feats[i]);
			}
		});
	}
	const random = rng(11);
	const table = (keys: Set<number>, classes: number) => {
		const sorted = Uint32Array.from([...keys].sort((a, b) => a - b));
		const w = Float32Array.from({ length: sorted.length * classes }, () => random() * 2 - 1);
		return Weights.fromFloats(sorted, w, classes);
	};
	return { moves: table(moveKeys, MOVES), labels: table(labelKeys, LABELS) };
}

describe('the fast parser scores', () => {
	test("equal the reference's at every state of the shipped model's own parses", () => {
		let states = 0;
		for (const s of SENTENCES) {
			const { words, tags } = tagged(s);
			const { moves, labels } = model.parser;
			// The model's choice, found with the reference scores.
			const feats = new Uint32Array(PARSER_FEATURES);
			const scores = new Float64Array(MOVES);
			const best = (st: ParseState, allowed: number[]) => {
				moves.score(feats, stateFeatures(st, feats), scores);
				return allowed.reduce((a, b) => (scores[b] > scores[a] ? b : a));
			};
			states += compare(words, tags, moves, labels, best);
		}
		assert.ok(states > 100, `${states} states`);
	});

	test("equal the reference's along random move sequences, with the shipped model and with weights for every feature", () => {
		const madeUp = madeUpWeights(() => randomMoves(5));
		for (const [i, s] of SENTENCES.entries()) {
			const { words, tags } = tagged(s);
			compare(words, tags, model.parser.moves, model.parser.labels, randomMoves(100 + i));
		}
		let states = 0;
		for (const s of SENTENCES) {
			const { words, tags } = tagged(s);
			states += compare(words, tags, madeUp.moves, madeUp.labels, randomMoves(5));
		}
		assert.ok(states > 100, `${states} states`);
	});
});

/** The first feature of `taggerFeatures` that is not a word's own in a role (own 14, before 4 + 1, after 5 + 2). */
const ROLE_FEATURES = 26;

/**
 * The tagger as it was before the fast path: per token, the float32 sums of each neighbour's role
 * features (added in order, as shipped), then every other reference feature looked up one by one.
 */
function referenceTags(weights: Weights, words: WordInfo[], guess?: Uint8Array, capitalised = false): number[] {
	const NT = UPOS.length;
	const feats = new Uint32Array(TAGGER_FEATURES);
	const roleSums = (w: WordInfo, role: number) => {
		const sums = new Float32Array(NT);
		const n = roleFeatures(w, role, feats, 0);
		for (let f = 0; f < n; f++) {
			const o = weights.find(feats[f]);
			if (o >= 0) weights.addAt(o, sums);
		}
		return sums;
	};
	const at = (i: number) => (i >= 0 && i < words.length ? words[i] : NONE);
	const out: number[] = [];
	for (let i = 0; i < words.length; i++) {
		const parts = [roleSums(at(i), 0), roleSums(at(i - 1), 1), roleSums(at(i - 2), 2), roleSums(at(i + 1), 3), roleSums(at(i + 2), 4)];
		const scores = new Float64Array(NT);
		for (let t = 0; t < NT; t++) scores[t] = parts[0][t] + parts[1][t] + parts[2][t] + parts[3][t] + parts[4][t];
		const n = taggerFeatures(words, i, out[i - 1] ?? -1, out[i - 2] ?? -1, feats, guess);
		for (let f = ROLE_FEATURES; f < n; f++) {
			const o = weights.find(feats[f]);
			if (o >= 0) weights.addAt(o, scores);
		}
		if (capitalised && words[i].lowerInitial) scores[UPOS.indexOf('PROPN')] = -Infinity;
		let best = 0;
		for (let t = 1; t < NT; t++) if (scores[t] > scores[best]) best = t;
		out.push(best);
	}
	return out;
}

describe('the fast tagger', () => {
	// Word sequences the model has to guess on, besides the sentences: shuffled words of them.
	const shuffled = SENTENCES.map((s, i) => {
		const random = rng(20 + i);
		return s
			.split(' ')
			.map((w) => [random(), w] as const)
			.sort((a, b) => a[0] - b[0])
			.map(([, w]) => w)
			.join(' ');
	});
	const texts = [...SENTENCES, ...shuffled, 'the ministry said google and ebay would appeal'];

	const check = (first: Weights, second: Weights) => {
		for (const s of texts) {
			const words = model.infos(s.split(' '));
			for (const capitalised of [false, true]) {
				const properNouns = capitalised ? 'capitalised' : 'any';
				const guess = tagWords(first, words, undefined, undefined, properNouns);
				assert.deepEqual(Array.from(guess), referenceTags(first, words, undefined, capitalised), `first pass: ${s}`);
				const tags = tagWords(second, words, undefined, guess, properNouns);
				assert.deepEqual(Array.from(tags), referenceTags(second, words, guess, capitalised), `second pass: ${s}`);
			}
		}
	};

	test('tags as the reference does, with the shipped model, in both passes', () => {
		check(model.tagger, model.tagger2);
	});

	test('tags as the reference does with weights for every feature of the reference', () => {
		const keys = new Set<number>();
		const feats = new Uint32Array(TAGGER_FEATURES);
		for (const s of texts) {
			const words = model.infos(s.split(' '));
			const guess = model.tag(words);
			// Every previous-tag pair, so that the rows over tags alone are all made up too.
			for (let i = 0; i < words.length; i++)
				for (let p1 = -1; p1 < UPOS.length; p1++)
					for (const p2 of [-1, 0, 7, 11]) {
						const n = taggerFeatures(words, i, p1, p2, feats, guess);
						for (let f = 0; f < n; f++) keys.add(feats[f]);
					}
		}
		const random = rng(3);
		const sorted = Uint32Array.from([...keys].sort((a, b) => a - b));
		const made = () =>
			Weights.fromFloats(
				sorted,
				Float32Array.from({ length: sorted.length * UPOS.length }, () => random() * 2 - 1),
				UPOS.length,
			);
		check(made(), made());
	});
});
