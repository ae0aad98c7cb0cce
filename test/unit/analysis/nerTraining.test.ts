import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../../server/src/analysis/document';
import { parseConll, typeBit } from '../../../server/src/analysis/ner/corpus';
import { tagSentences } from '../../../server/src/analysis/ner';
import { CompactModel, TAG_NAMES, dequantize, fromBase64, quantize, toBase64 } from '../../../server/src/analysis/ner/model';
import { evaluate, exportModel, f1, prepare, train } from '../../../server/src/analysis/ner/train';

const policy = { freeTypes: 0, miscMayBeNorp: false, weight: 1 };

// A tiny corpus in the two-column format: names in varied positions, with recurring context words.
const CORPUS = [
	'# doc d1',
	...'Maria|B-PER Okafor|I-PER visited|O Lisbon|B-LOC on|O Monday|O .|O'.split(' '),
	'',
	...'The|O ministry|O said|O Tomas|B-PER Berg|I-PER had|O resigned|O .|O'.split(' '),
	'',
	'# doc d2',
	...'Greenfield|B-ORG Bank|I-ORG opened|O an|O office|O in|O Nairobi|B-LOC .|O'.split(' '),
	'',
	...'Officials|O in|O Lisbon|B-LOC praised|O Greenfield|B-ORG Bank|I-ORG .|O'.split(' '),
	'',
	...'Tomas|B-PER Berg|I-PER met|O Maria|B-PER Okafor|I-PER in|O Nairobi|B-LOC .|O'.split(' '),
	'',
].map((l) => l.replace('|', '\t'));

test('reads documents, sentences and BIO tags from the two-column format', () => {
	const docs = parseConll(CORPUS.join('\n'), 'tiny', policy);
	assert.deepEqual(
		docs.map((d) => [d.id, d.sentences.length]),
		[
			['d1', 2],
			['d2', 3],
		],
	);
	const s = docs[0].sentences[0];
	assert.deepEqual(s.words.slice(0, 3), ['Maria', 'Okafor', 'visited']);
	assert.deepEqual(
		Array.from(s.tags.slice(0, 4), (t) => TAG_NAMES[t]),
		['B-PER', 'I-PER', 'O', 'B-LOC'],
	);
});

test('splits a prefixed name as the project tokenizer does and keeps the name tagged', () => {
	const docs = parseConll('# doc x\npro-Kremlin\tB-ORG\nmedia\tO\nsaid\tO\nit\tO\n', 'tiny', policy);
	const s = docs[0].sentences[0];
	assert.deepEqual(s.words, ['pro', '-', 'Kremlin', 'media', 'said', 'it']);
	assert.deepEqual(
		Array.from(s.tags.slice(0, 3), (t) => TAG_NAMES[t]),
		['O', 'O', 'B-ORG'],
	);
});

test('normalises curly apostrophes in corpus tokens', () => {
	const docs = parseConll('# doc x\nO’Neill\tB-PER\nspoke\tO\n', 'tiny', policy);
	assert.equal(docs[0].sentences[0].words[0], "O'Neill");
});

test('round-trips bytes through base64', () => {
	for (const n of [0, 1, 2, 3, 4, 5, 255]) {
		const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
		assert.deepEqual(fromBase64(toBase64(bytes)), bytes);
	}
});

test('quantises weights monotonically and keeps small weights distinct from zero', () => {
	const codes = [-3, -0.5, -0.01, 0, 0.01, 0.5, 3].map((w) => quantize(w, 2));
	for (let i = 1; i < codes.length; i++) assert.ok(codes[i] >= codes[i - 1], `codes ${codes}`);
	assert.notEqual(quantize(0.01, 2), 0);
	assert.equal(codes[6], 127);
	assert.ok(Math.abs(dequantize(quantize(0.5, 2), 2) - 0.5) < 0.02);
});

test('smoke training on a tiny corpus learns its names and exports a loadable model', () => {
	const docs = parseConll(CORPUS.join('\n'), 'tiny', policy);
	const lexicon = { common: new Set(['the', 'ministry', 'said', 'officials', 'in', 'on', 'an', 'office']), gazetteer: new Map([['lisbon', 4]]) };
	const data = prepare(docs, lexicon);
	const epochs: number[] = [];
	const weights = train(data, data, { epochs: 6, seed: 1, maxFeatures: 10000, onEpoch: (e) => epochs.push(e) });
	assert.deepEqual(epochs, [1, 2, 3, 4, 5, 6]);
	const file = exportModel(weights, lexicon, 10000, { smoke: true });
	const model = new CompactModel(JSON.parse(JSON.stringify(file)));
	assert.equal(f1(evaluate(model, data), [0, 1, 2]).f, 1);
	const text = 'date 2024-05-02 Visit\n\nTomas Berg visited Nairobi on Monday.';
	const doc = parseDocument(text);
	const spans = tagSentences(doc, model).map((s) => [text.slice(s.start, s.end), s.type]);
	assert.deepEqual(spans, [
		['Tomas Berg', 'PER'],
		['Nairobi', 'LOC'],
	]);
});

test('does not count a type against a file that leaves it unannotated', () => {
	const free = { freeTypes: typeBit('NORP'), miscMayBeNorp: false, weight: 1 };
	const docs = parseConll('# doc x\nFrench\tO\nofficials\tO\nmet\tO\n', 'tiny', free);
	const lexicon = { common: new Set<string>(), gazetteer: new Map<string, number>() };
	const data = prepare(docs, lexicon);
	const norp = { addTo: (_f: number, s: Float64Array) => void (s[TAG_NAMES.indexOf('B-NORP')] += 1e-3) };
	const scores = evaluate(norp, data);
	assert.deepEqual(
		[scores.fp, scores.fn],
		[
			[0, 0, 0, 0, 0],
			[0, 0, 0, 0, 0],
		],
	);
});
