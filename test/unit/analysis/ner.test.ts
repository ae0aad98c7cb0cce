import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../../server/src/analysis/document';
import { harmonize, nerModel, tagEntities, type NerSpan } from '../../../server/src/analysis/ner';
import * as f from '../../../server/src/analysis/ner/features';

const HEADER = 'date 2023-04-12 Test article\n\n';

/** Tags a body and returns [text, type] pairs in document order. */
function tag(body: string, types = ['PER', 'ORG', 'LOC']): [string, string][] {
	const doc = parseDocument(HEADER + body);
	return tagEntities(doc)
		.filter((s) => types.includes(s.type))
		.map((s) => [doc.text.slice(s.start, s.end), s.type]);
}

test('finds a person, a company and a city in a news sentence', () => {
	assert.deepEqual(tag('Laura Whitfield, a spokeswoman for Microsoft, said on Tuesday that the company would open an office in Berlin.'), [
		['Laura Whitfield', 'PER'],
		['Microsoft', 'ORG'],
		['Berlin', 'LOC'],
	]);
});

test('keeps a company name with its legal suffix whole', () => {
	assert.deepEqual(tag('Shares of Toyota Motor Corp fell in Tokyo after chairman Akio Toyoda apologised.'), [
		['Toyota Motor Corp', 'ORG'],
		['Tokyo', 'LOC'],
		['Akio Toyoda', 'PER'],
	]);
});

test('finds an international organisation, a city and a spokesman', () => {
	assert.deepEqual(tag('The United Nations said aid convoys had reached Aleppo, according to spokesman Jens Laerke.'), [
		['United Nations', 'ORG'],
		['Aleppo', 'LOC'],
		['Jens Laerke', 'PER'],
	]);
});

test('keeps multi-word organisation and place names whole', () => {
	assert.deepEqual(tag('The European Commission fined the company after a complaint from consumers in New Zealand.'), [
		['European Commission', 'ORG'],
		['New Zealand', 'LOC'],
	]);
});

test('leaves the possessive out of a name', () => {
	const doc = parseDocument(HEADER + 'Forces loyal to Khalifa Haftar’s government withdrew from Tripoli.');
	const names = tagEntities(doc).map((s) => doc.text.slice(s.start, s.end));
	assert.ok(names.includes('Khalifa Haftar'), `got ${JSON.stringify(names)}`);
	assert.ok(
		names.every((n) => !/’s$/.test(n)),
		`got ${JSON.stringify(names)}`,
	);
});

test('tags a surname that recurs alone as the same person', () => {
	const spans = tag('Opposition leader Tomasz Brzezinski criticised the budget on Monday.\n\nBrzezinski said the plan would raise taxes.', [
		'PER',
		'ORG',
		'LOC',
	]);
	assert.deepEqual(spans, [
		['Tomasz Brzezinski', 'PER'],
		['Brzezinski', 'PER'],
	]);
});

test('returns offsets into the file text and token ranges that match them', () => {
	const text = HEADER + 'Prime Minister Anthony Albanese travelled to Jakarta.\n\nOfficials in Canberra welcomed the visit.';
	const doc = parseDocument(text);
	const spans = tagEntities(doc);
	assert.ok(spans.length >= 3);
	for (const s of spans) {
		assert.equal(s.start, doc.tokens[s.first].start);
		assert.equal(s.end, doc.tokens[s.last - 1].end);
		assert.ok(s.score > 0 && s.score <= 1, `score ${s.score}`);
	}
	for (let i = 1; i < spans.length; i++) assert.ok(spans[i].start >= spans[i - 1].end, 'spans do not overlap');
});

test('finds no names in a sentence without capitals', () => {
	assert.deepEqual(tag('prices rose again in the third quarter, the report said.', ['PER', 'ORG', 'LOC', 'NORP', 'MISC']), []);
});

test('never throws on empty, header-only or odd input', () => {
	for (const text of [
		'',
		'date 2020-01-01',
		'\n\n\n',
		'date 2020-01-01 T\n\n\ud800 ’’’ “”',
		'date 2020-01-01 T\n\n' + 'X'.repeat(5000),
		'no header at all. Just Text Here',
	]) {
		assert.ok(Array.isArray(tagEntities(parseDocument(text))));
	}
});

test('asks the caller gazetteer about every token of the sentences it tags', () => {
	const doc = parseDocument(HEADER + 'Rain fell in Lagos.');
	const seen: number[] = [];
	tagEntities(doc, (token, i) => {
		assert.equal(doc.tokens[i], token);
		seen.push(i);
		return ['city'];
	});
	assert.deepEqual(
		seen,
		[0, 1, 2, 3, 4].map((k) => doc.sentences[0].first + k),
	);
});

const span = (doc: ReturnType<typeof parseDocument>, first: number, last: number, type: NerSpan['type'], score: number): NerSpan => ({
	start: doc.tokens[first].start,
	end: doc.tokens[last - 1].end,
	type,
	score,
	first,
	last,
});

test('harmonize makes a confidently tagged person a person wherever the name recurs', () => {
	const doc = parseDocument(HEADER + 'Jordan Peel spoke. Peel left early. Peel returned.');
	const at = (w: string, from = 0) => doc.tokens.findIndex((t, i) => i >= from && t.text === w);
	const p1 = at('Peel');
	const p2 = at('Peel', p1 + 1);
	const p3 = at('Peel', p2 + 1);
	const out = harmonize(doc, [span(doc, p1 - 1, p1 + 1, 'PER', 0.95), span(doc, p2, p2 + 1, 'ORG', 0.7)]);
	assert.deepEqual(
		out.map((s) => [doc.text.slice(s.start, s.end), s.type, s.first]),
		[
			['Jordan Peel', 'PER', p1 - 1],
			['Peel', 'PER', p2],
			['Peel', 'PER', p3],
		],
	);
});

test('harmonize gives a recurring non-person name the type with the most confidence', () => {
	const doc = parseDocument(HEADER + 'Orion grew. Orion hired staff. Orion moved.');
	const idx = doc.tokens.flatMap((t, i) => (t.text === 'Orion' ? [i] : []));
	const out = harmonize(doc, [
		span(doc, idx[0], idx[0] + 1, 'ORG', 0.9),
		span(doc, idx[1], idx[1] + 1, 'ORG', 0.8),
		span(doc, idx[2], idx[2] + 1, 'LOC', 0.95),
	]);
	assert.deepEqual(
		out.map((s) => s.type),
		['ORG', 'ORG', 'ORG'],
	);
});

test('harmonize keeps a weakly tagged person to a vote', () => {
	const doc = parseDocument(HEADER + 'Vega rose. Vega fell. Vega closed.');
	const idx = doc.tokens.flatMap((t, i) => (t.text === 'Vega' ? [i] : []));
	const out = harmonize(doc, [span(doc, idx[0], idx[0] + 1, 'PER', 0.4), span(doc, idx[1], idx[1] + 1, 'ORG', 0.7), span(doc, idx[2], idx[2] + 1, 'ORG', 0.7)]);
	assert.deepEqual(
		out.map((s) => s.type),
		['ORG', 'ORG', 'ORG'],
	);
});

test('the feature groups inference sums per word are exactly the training features', () => {
	const lex = nerModel().lexicon;
	const sentences = [
		['“', 'Boeing', 'said', 'on', 'Tuesday', 'that', 'Laura', 'Whitfield', 'of', 'the', 'U.S.', 'Army', 'would', 'visit', 'Paris', '.'],
		['Haftar'],
		['the', 'IMF', "'s", 'chief', ',', 'Kristalina', 'Georgieva', ','],
	];
	const ctx = f.docContext(sentences);
	for (const words of sentences) {
		const a = f.sentenceAtoms(words, lex, ctx);
		const lean = f.atomsOf(
			words,
			words.map((w) => f.wordInfo(w, lex)),
			words.length,
			ctx,
			undefined,
			false,
		);
		for (let i = 0; i < words.length; i++) {
			const k = i + f.PAD;
			const expected = new Uint32Array(f.STATIC_FEATURES);
			f.staticFeatures(a, i, expected, 0);
			// What inference adds up for token i, from the words' own atoms and the lean sentence atoms.
			const got: number[] = [];
			const buf = new Uint32Array(16);
			f.wordFeaturesOf(f.wordInfo(words[i], lex).atoms, buf);
			got.push(...buf.subarray(0, f.WORD_FEATURES));
			f.selfFeatures(lean.flags[k], lean.short[k], lean.gaz[k], buf);
			got.push(...buf.subarray(0, f.SELF_FEATURES));
			got.push(f.docFeature(lean.flags[k], lean.doc[k]));
			for (const [role, at] of [
				[0, k - 2],
				[1, k - 1],
				[2, k + 1],
				[3, k + 2],
			]) {
				const n = f.nearFeatures(role, lean.lower[at], lean.shape[at], lean.short[at], lean.gaz[at], buf);
				got.push(...buf.subarray(0, n));
			}
			f.pairFeatures(lean, i, buf);
			got.push(...buf.subarray(0, f.PAIR_FEATURES));
			assert.deepEqual(
				got.sort((x, y) => x - y),
				[...expected].sort((x, y) => x - y),
				`token ${i} of ${words.join(' ')}`,
			);
			// After an O with no prior, the history features past the tag-only ones read the word alone.
			const history = new Uint32Array(f.HISTORY_FEATURES);
			f.historyFeatures(a, i, 0, 3, 0, history, 0);
			f.historyFeaturesAfterO(lean.lower[k], lean.short[k], lean.flags[k], buf);
			assert.deepEqual([...buf.subarray(0, f.HISTORY_FEATURES - f.TAG_FEATURES)], [...history.subarray(f.TAG_FEATURES)]);
		}
	}
});
