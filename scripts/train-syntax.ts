/**
 * Trains the part-of-speech tagger and the dependency parser and writes `server/src/analysis/syntax/syntax.bin`.
 *
 *   npm run train:syntax              # the shipped model: UD English EWT train, scores on EWT dev per epoch
 *   npm run train:syntax -- --smoke   # a few hundred sentences, one epoch, into a temp file
 *   options: --data DIR --extra FILE|none (default data/gum/gum-open.conllu.gz) --out FILE --tagger-epochs N --parser-epochs N --folds K --seed S
 *            --max-tagger K --max-moves K --max-labels K (features kept)
 *
 * Trains on EWT train and GUM's open genres and reports EWT dev after each parser epoch (where the settings were tuned).
 * EWT test and PUD are never read here: `npm run eval:syntax` scores them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import nlp from 'compromise';
import { join, resolve } from 'node:path';
import { readCorpus } from './corpusFiles';
import { readConllu } from '../server/src/analysis/syntax/conllu';
import { SyntaxModel, writeModel } from '../server/src/analysis/syntax/model';
import { tagTwice, tagWords, trainTagger, UPOS } from '../server/src/analysis/syntax/tagger';
import type { TrainingWeights } from '../server/src/analysis/syntax/weights';
import {
	buildDictionary,
	evaluate,
	evaluateModel,
	frozen,
	jackknife,
	labelSet,
	taggedSentences,
	trainParser,
	treeSentences,
} from '../server/src/analysis/syntax/train';

const args = process.argv.slice(2);
const flag = (name: string, def: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const root = resolve(__dirname, '..');
const smoke = args.includes('--smoke');
const dataDir = resolve(root, flag('data', 'data/ud'));
const out = flag('out', smoke ? join(mkdtempSync(join(tmpdir(), 'syntax-')), 'syntax.bin') : join(root, 'server/src/analysis/syntax/syntax.bin'));
const taggerEpochs = Number(flag('tagger-epochs', smoke ? '1' : '6'));
const parserEpochs = Number(flag('parser-epochs', smoke ? '1' : '15'));
const folds = Number(flag('folds', smoke ? '2' : '4'));
const seed = Number(flag('seed', '7'));
const maxTagger = Number(flag('max-tagger', '60000'));
const maxMoves = Number(flag('max-moves', '200000'));
const maxLabels = Number(flag('max-labels', '15000'));
const log = (s: string) => process.stderr.write(s + '\n');
const pct = (x: number) => (100 * x).toFixed(2);

// EWT train, then the openly licensed GUM genres (news, interviews, Wikipedia, Wikivoyage, academic, court).
const extra = flag('extra', join(root, 'data/gum/gum-open.conllu.gz'));
let train = readConllu(readCorpus(dataDir, 'en_ewt-ud-train.conllu'));
if (extra !== 'none') train = train.concat(readConllu(gunzipSync(readFileSync(extra)).toString('utf8')));
let dev = readConllu(readCorpus(dataDir, 'en_ewt-ud-dev.conllu'));
if (smoke) {
	train = train.slice(0, 300);
	dev = dev.slice(0, 100);
}
log(`syntax: ${train.length} training sentences, ${dev.length} dev sentences`);
const t0 = performance.now();

// compromise's English lexicon (MIT): the word class of words the treebanks do not have.
const lexicon = Object.entries((nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon)
	.filter(([w]) => !/\s/.test(w) && w === w.toLowerCase())
	.map(([w, t]) => `${w} ${[t].flat().join('|')}`)
	.sort()
	.join('\n');
const { dict, text: dictionary } = buildDictionary(train, 2, lexicon);
const tagged = taggedSentences(train, dict);
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0)} s`;

// First pass: left to right.
const first = trainTagger(tagged, taggerEpochs, seed, (e, w) => {
	const current = frozen(w).weights;
	const s = evaluate(dev, (ws) => tagWords(current, ws), undefined, dict);
	log(`tagger pass 1, epoch ${e + 1}: dev UPOS ${pct(s.upos)} (${elapsed()})`);
});
const firstFinal = frozen(first, maxTagger);

// Second pass: trained on first-pass tags made by taggers that did not see the sentence.
const freeze = (w: TrainingWeights) => frozen(w, maxTagger).weights;
const pass1 =
	folds < 2
		? { tags: tagged.map((s) => tagWords(firstFinal.weights, s.words)), taggers: [firstFinal.weights] }
		: jackknife(
				tagged,
				folds,
				(part, f) => freeze(trainTagger(part, taggerEpochs, seed + 1 + f)),
				(w, s) => tagWords(w, s.words),
			);
log(`first-pass tags by ${folds} taggers that did not see them (${elapsed()})`);
const withGuess = tagged.map((s, i) => ({ ...s, guess: pass1.tags[i] }));
const second = trainTagger(withGuess, taggerEpochs, seed, (e, w) => {
	const current = frozen(w).weights;
	const s = evaluate(dev, (ws) => tagTwice(firstFinal.weights, current, ws), undefined, dict);
	log(`tagger pass 2, epoch ${e + 1}: dev UPOS ${pct(s.upos)} (${elapsed()})`);
});
const secondFinal = frozen(second, maxTagger);
log(`tagger: ${firstFinal.keys.length} + ${secondFinal.keys.length} features kept`);

// The parser learns from tags made by both passes of taggers that did not see the sentence.
const tags =
	folds < 2
		? tagged.map((s) => s.tags)
		: jackknife(
				withGuess,
				folds,
				(part, f) => [pass1.taggers[f], freeze(trainTagger(part, taggerEpochs, seed + 1 + f))],
				([w1, w2], s) => tagTwice(w1, w2, s.words),
			).tags;
log(`parser training tags from ${folds} two-pass taggers (${elapsed()})`);
const labels = labelSet(train);
const trees = treeSentences(train, tagged, tags, labels);
const rootLabel = labels.indexOf('root');
const parser = trainParser(trees, labels, parserEpochs, seed, (e, t) => {
	if (!smoke && e < parserEpochs - 1 && e % 2 === 1 && !args.includes('--every-epoch')) return;
	const model = { moves: frozen(t.moves).weights, labels: frozen(t.labels).weights, labelNames: labels, rootLabel };
	const s = evaluate(dev, (ws) => tagTwice(firstFinal.weights, secondFinal.weights, ws), model, dict);
	log(`parser epoch ${e + 1}: dev UPOS ${pct(s.upos)} UAS ${pct(s.uas)} LAS ${pct(s.las)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
});
if (args.includes('--prune-report')) {
	for (const [mt, mm, ml] of [
		[Infinity, Infinity, Infinity],
		[100000, 400000, 30000],
		[80000, 300000, 20000],
		[60000, 200000, 15000],
	]) {
		const model = { moves: frozen(parser.moves, mm).weights, labels: frozen(parser.labels, ml).weights, labelNames: labels, rootLabel };
		const [t1, t2] = [frozen(first, mt).weights, frozen(second, mt).weights];
		const s = evaluate(dev, (ws) => tagTwice(t1, t2, ws), model, dict);
		log(`pruned to ${mt}/${mm}/${ml}: dev UPOS ${pct(s.upos)} UAS ${pct(s.uas)} LAS ${pct(s.las)}`);
	}
}
const moves = frozen(parser.moves, maxMoves);
const arcLabels = frozen(parser.labels, maxLabels);
log(`parser: ${moves.keys.length} move features, ${arcLabels.keys.length} label features`);

const bytes = writeModel(
	{
		upos: [...UPOS],
		labels,
		rootLabel,
		dictionary,
		lexicon,
		meta: {
			data: extra === 'none' ? 'UD English EWT train' : 'UD English EWT train + GUM (open genres)',
			taggerEpochs,
			parserEpochs,
			folds,
			seed,
			maxTagger,
			maxMoves,
			maxLabels,
			smoke,
		},
	},
	[
		{ keys: firstFinal.keys, weights: firstFinal.values, classes: UPOS.length },
		{ keys: secondFinal.keys, weights: secondFinal.values, classes: UPOS.length },
		{ keys: moves.keys, weights: moves.values, classes: 4 },
		{ keys: arcLabels.keys, weights: arcLabels.values, classes: labels.length },
	],
);
writeFileSync(out, bytes);
log(`wrote ${out} (${(bytes.length / 1e6).toFixed(2)} MB) after ${((performance.now() - t0) / 1000).toFixed(0)} s`);

const model = new SyntaxModel(bytes);
const s = evaluateModel(model, dev);
log(`shipped (quantised) model on dev: UPOS ${pct(s.upos)} UAS ${pct(s.uas)} LAS ${pct(s.las)}`);
