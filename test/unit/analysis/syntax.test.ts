/** The syntax layer: CoNLL-U, word pieces, the transition system and its oracle, the model file, the shipped model's trees. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseDocument } from '../../../server/src/analysis/document';
import { parseSpan, readConllu, SentenceSyntax, SyntaxModel, wordPieces, writeConllu, type SyntaxWord } from '../../../server/src/analysis/syntax';
import { writeModel } from '../../../server/src/analysis/syntax/model';
import { dequantise, quantise } from '../../../server/src/analysis/syntax/weights';
import { finish, moveCost, MOVES, ParseState } from '../../../server/src/analysis/syntax/parser';
import { UPOS } from '../../../server/src/analysis/syntax/tagger';
import {
	buildDictionary,
	evaluateModel,
	frozen,
	labelSet,
	taggedSentences,
	trainParser,
	trainTagger,
	treeSentences,
} from '../../../server/src/analysis/syntax/train';
import { NO_DICTIONARY, wordInfo } from '../../../server/src/analysis/syntax/words';

const CONLLU = `# sent_id = a-1
# text = I won't go there.
1	I	I	PRON	PRP	_	3	nsubj	3:nsubj	_
2-3	won't	_	_	_	_	_	_	_	_
2	wo	will	AUX	MD	_	4	aux	4:aux	_
3	n't	not	PART	RB	_	4	advmod	4:advmod	_
4	go	go	VERB	VB	_	0	root	0:root	_
4.1	went	go	VERB	VBD	_	_	_	1:nsubj	CopyOf=4
5	there	there	ADV	RB	_	4	advmod	4:advmod	SpaceAfter=No
6	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = a-2
# text = Yes!
1	Yes	yes	INTJ	UH	_	0	root	0:root	SpaceAfter=No
2	!	!	PUNCT	.	_	1	punct	1:punct	_

`;

describe('CoNLL-U', () => {
	test('reads basic words, keeps multiword-token lines and empty nodes in place, and writes the file back unchanged', () => {
		const s = readConllu(CONLLU);
		assert.equal(s.length, 2);
		assert.deepEqual(
			s[0].words.map((w) => w.form),
			['I', 'wo', "n't", 'go', 'there', '.'],
		);
		assert.equal(s[0].words[3].head, 0);
		assert.equal(s[0].extra.length, 2);
		assert.equal(writeConllu(s), CONLLU);
	});

	test('reads CRLF files and reports a malformed line with its number', () => {
		assert.equal(readConllu(CONLLU.replace(/\n/g, '\r\n')).length, 2);
		assert.throws(() => readConllu('# x\n1\tI\tI\n'), /line 2: expected 10 tab-separated columns/);
		assert.throws(() => readConllu('2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n'), /line 1: word id 2 out of sequence/);
	});
});

describe('word pieces', () => {
	const pieces = (w: string) => wordPieces(w).map(([a, b]) => w.slice(a, b));
	test('split clitics and hyphenated words as the treebank does', () => {
		assert.deepEqual(pieces("don't"), ['do', "n't"]);
		assert.deepEqual(pieces('don’t'), ['do', 'n’t']);
		assert.deepEqual(pieces("can't"), ['ca', "n't"]);
		assert.deepEqual(pieces("We're"), ['We', "'re"]);
		assert.deepEqual(pieces("they'll"), ['they', "'ll"]);
		assert.deepEqual(pieces('self-driving'), ['self', '-', 'driving']);
		assert.deepEqual(pieces('20,000-strong'), ['20,000', '-', 'strong']);
	});
	test('leave other words whole', () => {
		for (const w of ['U.S.', 'Haftar', "'s", '-', '--', 'e-', "rock'n'roll"]) assert.deepEqual(pieces(w).join(''), w);
		assert.deepEqual(pieces('U.S.'), ['U.S.']);
	});
});

describe('the arc-eager transitions and the dynamic oracle', () => {
	const words = (n: number) => Array.from({ length: n }, (_, i) => wordInfo(`w${i}`, NO_DICTIONARY));
	// Follows the cheapest move from the start; for a projective tree that rebuilds it exactly.
	const follow = (heads: number[]) => {
		const n = heads.length;
		const gold = Int32Array.from([-1, ...heads]);
		const kids: number[][] = Array.from({ length: n + 1 }, () => []);
		heads.forEach((h, i) => kids[h].push(i + 1));
		const st = new ParseState(words(n), new Uint8Array(n));
		while (!st.done) {
			let best = -1;
			let cost = Infinity;
			for (let m = 0; m < MOVES; m++)
				if (st.valid(m)) {
					const c = moveCost(st, m, gold, kids);
					if (c < cost) [best, cost] = [m, c];
				}
			st.apply(best, 0);
		}
		finish(st, () => 1, 2);
		return Array.from(st.head.subarray(1));
	};

	test('the zero-cost moves rebuild projective trees', () => {
		assert.deepEqual(follow([2, 0, 2]), [2, 0, 2]);
		assert.deepEqual(follow([0, 1, 4, 2, 1]), [0, 1, 4, 2, 1]);
		assert.deepEqual(follow([3, 3, 0, 5, 3, 7, 5]), [3, 3, 0, 5, 3, 7, 5]);
	});

	test('any sequence of allowed moves ends in one tree: every word one head, one root word, no cycle', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 30 }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 200 }), (n, choices) => {
				const st = new ParseState(words(n), new Uint8Array(n));
				let k = 0;
				while (!st.done) {
					const allowed = [0, 1, 2, 3].filter((m) => st.valid(m));
					st.apply(allowed[(choices[k++] ?? 0) % allowed.length], 0);
				}
				finish(st, () => 1, 2);
				assertTree(Array.from(st.head.subarray(1)));
			}),
		);
	});
});

/** Heads (1-based, 0 = root) form one tree over the words. */
function assertTree(heads: number[]): void {
	const n = heads.length;
	assert.equal(heads.filter((h) => h === 0).length, 1, `one root word in ${heads}`);
	heads.forEach((h, i) => {
		assert.ok(h >= 0 && h <= n && h !== i + 1, `head ${h} of word ${i + 1}`);
		let x = i + 1;
		for (let steps = 0; x !== 0; steps++) {
			assert.ok(steps <= n, `cycle through word ${i + 1} in ${heads}`);
			x = heads[x - 1];
		}
	});
}

describe('the model file', () => {
	test('μ-law codes keep small weights apart and large ones within 3 %', () => {
		const w = Float32Array.from([0, 0.01, -0.02, 0.05, -1, 3.7, -12.5, 12.5]);
		const { codes, scale } = quantise(w);
		const back = Array.from(codes, (q) => dequantise(q, scale));
		w.forEach((x, i) => assert.ok(Math.abs(back[i] - x) <= Math.max(0.03 * Math.abs(x), 0.001), `${x} came back as ${back[i]}`));
		assert.notEqual(codes[1], 0);
		assert.notEqual(codes[1], codes[2]);
	});

	test('training on the same sentences with the same seed writes the same bytes, and the file loads', () => {
		const treebank = readConllu(CONLLU + CONLLU.replace(/a-/g, 'b-').replace(/there/g, 'home'));
		const train = () => {
			const { dict, text } = buildDictionary(treebank, 1);
			const tagged = taggedSentences(treebank, dict);
			const t = frozen(trainTagger(tagged, 2, 3));
			const labels = labelSet(treebank);
			const p = trainParser(
				treeSentences(
					treebank,
					tagged,
					tagged.map((s) => s.tags),
					labels,
				),
				labels,
				2,
				3,
			);
			const [m, l] = [frozen(p.moves), frozen(p.labels)];
			const section = (f: ReturnType<typeof frozen>, classes: number) => ({ keys: f.keys, weights: f.values, classes });
			return writeModel({ upos: [...UPOS], labels, rootLabel: labels.indexOf('root'), dictionary: text, lexicon: 'walk Infinitive' }, [
				section(t, 17),
				section(t, 17),
				section(m, 4),
				section(l, labels.length),
			]);
		};
		const a = train();
		assert.deepEqual(a, train());
		const model = new SyntaxModel(a);
		const scores = evaluateModel(model, treebank);
		assert.ok(scores.upos > 0.5 && scores.uas > 0.5, JSON.stringify(scores));
		assert.throws(() => new SyntaxModel(new Uint8Array(20)), /not a Seed Lens syntax model/);
	});
});

describe('the shipped model', () => {
	const model = new SyntaxModel(readFileSync(join(__dirname, '../../../server/src/analysis/syntax/syntax.bin')));

	test('parses any text into one tree per sentence, offsets on the text', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.constantFrom('The', 'minister', 'said', 'that', 'it', "won't", 'rain', ',', '"', '300', 'self-driving', 'U.S.', '—', 'and', '.', 'Haftar’s'),
					{ minLength: 1, maxLength: 60 },
				),
				(ws) => {
					const text = `date 2024-01-01 T\n\n${ws.join(' ')}`;
					const doc = parseDocument(text);
					for (const s of doc.sentences) {
						const parsed = parseSpan(model, text, doc.tokens.slice(s.first, s.last));
						assertTree(parsed.words.map((w) => w.head + 1));
						for (const w of parsed.words) assert.equal(text.slice(w.start, w.end), w.text);
					}
				},
			),
			{ numRuns: 200 },
		);
	});

	test('tags and parses a plain news sentence as a reader would', () => {
		const text = 'The ministry said on Tuesday that the bridge would reopen in May.';
		const doc = parseDocument(`date 2024-01-01 T\n\n${text}`);
		assert.equal(doc.sentences.length, 1);
		const s = parseSpan(model, doc.text, doc.tokens.slice(doc.sentences[0].first, doc.sentences[0].last));
		const w = (form: string) => s.words.findIndex((x) => x.text === form);
		assert.equal(s.words[w('said')].upos, 'VERB');
		assert.equal(s.words[w('ministry')].upos, 'NOUN');
		assert.equal(s.subjectOf(w('said')), w('ministry'));
		assert.equal(s.complementOf(w('said')), w('reopen'));
		assert.equal(s.words[w('Tuesday')].head, w('said'));
	});
});

/** A sentence built from [form, UPOS, head index (-1 root), relation] rows, words one space apart. */
function sentence(rows: [string, string, number, string][]): { s: SentenceSyntax; text: string } {
	let at = 0;
	const words = rows.map(([form, upos, head, deprel]) => {
		const w: SyntaxWord = { start: at, end: at + form.length, text: form, upos: upos as SyntaxWord['upos'], head, deprel, noSpaceAfter: false };
		at += form.length + 1;
		return w;
	});
	return { s: new SentenceSyntax(words), text: rows.map(([f]) => f).join(' ') };
}

describe('questions asked of a parse', () => {
	// "Labour spokeswoman Anna Berg said prices would rise, officials added."
	const tree: [string, string, number, string][] = [
		['Labour', 'PROPN', 1, 'compound'],
		['spokeswoman', 'NOUN', 3, 'compound'],
		['Anna', 'PROPN', 4, 'nsubj'],
		['Berg', 'PROPN', 2, 'flat'],
		['said', 'VERB', -1, 'root'],
		['prices', 'NOUN', 7, 'nsubj'],
		['would', 'AUX', 7, 'aux'],
		['rise', 'VERB', 4, 'ccomp'],
		[',', 'PUNCT', 10, 'punct'],
		['officials', 'NOUN', 10, 'nsubj'],
		['added', 'VERB', 4, 'parataxis'],
		['.', 'PUNCT', 4, 'punct'],
	];
	const { s, text } = sentence(tree);

	test('subject, complement, noun phrase and named head', () => {
		assert.equal(s.root, 4);
		assert.equal(s.subjectOf(4), 2);
		assert.deepEqual(s.nounPhrase(2), [0, 3]);
		assert.equal(s.text(text, ...s.nounPhrase(2)), 'Labour spokeswoman Anna Berg');
		assert.equal(s.complementOf(4), 7);
		assert.equal(s.text(text, ...s.clause(7)), 'prices would rise');
		assert.equal(s.complementOf(10), 4, 'a parenthetical "officials added" reports the clause it interrupts');
		assert.equal(s.namedHead(2), 2);
		assert.equal(s.wordAt(text.indexOf('rise') + 1), 7);
	});
});

describe('postposed attributions', () => {
	// "Prices rose sharply, analysts said on Monday." — parsed the way a greedy parser may get it wrong
	// (the speaker as an oblique of "rose", "said" as its complement): the surface pattern still holds.
	const tree: [string, string, number, string][] = [
		['Prices', 'NOUN', 1, 'nsubj'],
		['rose', 'VERB', -1, 'root'],
		['sharply', 'ADV', 1, 'advmod'],
		[',', 'PUNCT', 4, 'punct'],
		['analysts', 'NOUN', 1, 'obl'],
		['said', 'VERB', 1, 'ccomp'],
		['on', 'ADP', 7, 'case'],
		['Monday', 'PROPN', 5, 'obl'],
		['.', 'PUNCT', 1, 'punct'],
	];
	test('the speaker after the comma is the subject and the clause before it is what is reported', () => {
		const { s, text } = sentence(tree);
		assert.ok(s.isPostposed(5));
		assert.deepEqual(s.subjectPhrase(5), [4, 4]);
		assert.equal(s.text(text, ...s.reportedSpan(5)!), 'Prices rose sharply');
	});

	test('"analysts said that …" is not postposed: its complement is reported', () => {
		const { s, text } = sentence([
			['Prices', 'NOUN', 1, 'nsubj'],
			['rose', 'VERB', -1, 'root'],
			[',', 'PUNCT', 3, 'punct'],
			['analysts', 'NOUN', 4, 'nsubj'],
			['said', 'VERB', 1, 'conj'],
			['that', 'SCONJ', 7, 'mark'],
			['demand', 'NOUN', 7, 'nsubj'],
			['fell', 'VERB', 4, 'ccomp'],
		]);
		assert.equal(s.isPostposed(4), false);
		assert.equal(s.text(text, ...s.reportedSpan(4)!), 'that demand fell');
	});
});

describe('according to, passives and relative pronouns', () => {
	test('"According to the UN, there are 20,000 mercenaries": the object and the clause it is attached to', () => {
		const { s, text } = sentence([
			['According', 'VERB', 3, 'case'],
			['to', 'ADP', 0, 'fixed'],
			['the', 'DET', 3, 'det'],
			['UN', 'PROPN', 6, 'obl'],
			[',', 'PUNCT', 3, 'punct'],
			['there', 'PRON', 6, 'expl'],
			['are', 'VERB', -1, 'root'],
			['20,000', 'NUM', 8, 'nummod'],
			['mercenaries', 'NOUN', 6, 'nsubj'],
		]);
		const r = s.accordingTo(0)!;
		assert.equal(s.text(text, ...r.source), 'the UN');
		assert.equal(s.text(text, ...r.clause!), 'there are 20,000 mercenaries');
		assert.equal(s.accordingTo(1)?.source.join(), r.source.join(), 'from "to" as well');
		assert.equal(s.accordingTo(6), undefined);
	});

	test('"Haftar, who has been accused by detractors": the relative pronoun is Haftar, the agent the accusers', () => {
		const { s, text } = sentence([
			['Haftar', 'PROPN', -1, 'root'],
			[',', 'PUNCT', 5, 'punct'],
			['who', 'PRON', 5, 'nsubj:pass'],
			['has', 'AUX', 5, 'aux'],
			['been', 'AUX', 5, 'aux:pass'],
			['accused', 'VERB', 0, 'acl:relcl'],
			['by', 'ADP', 7, 'case'],
			['detractors', 'NOUN', 5, 'obl:agent'],
		]);
		assert.ok(s.isPassive(5));
		assert.equal(s.subjectOf(5), 0);
		assert.equal(s.agentOf(5), 7);
		assert.equal(s.text(text, ...s.subjectPhrase(5)!), 'Haftar');
	});
});

describe('the speaker phrase ends where the speaker does', () => {
	test('a relative pronoun the parse hung on the subject, and the verb itself, stay out of it', () => {
		const { s, text } = sentence([
			['Analysts', 'NOUN', 2, 'nsubj'],
			['who', 'PRON', 0, 'nmod'],
			['expect', 'VERB', -1, 'root'],
			['growth', 'NOUN', 2, 'obj'],
		]);
		assert.equal(s.text(text, ...s.subjectPhrase(2)!), 'Analysts');
		const board = sentence([
			['The', 'DET', 1, 'det'],
			['board', 'NOUN', 3, 'nsubj'],
			['stating', 'VERB', 1, 'acl'],
			['said', 'VERB', -1, 'root'],
		]);
		assert.equal(board.s.text(board.text, ...board.s.subjectPhrase(2)!), 'The board', 'the speaker of "stating", without the verb');
	});
});
