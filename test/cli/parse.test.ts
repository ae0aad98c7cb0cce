// `seed-lens parse` as a user runs it: the bundled dist/cli.js (build first), real files on disk.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { readConllu } from '../../server/src/analysis/syntax';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-lens-parse-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'parse', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
const write = (name: string, content: string) => {
	const p = path.join(tmp, name);
	fs.writeFileSync(p, content);
	return p;
};

/** Every sentence is one tree: heads in range, exactly one root. */
function assertTrees(conllu: string) {
	const sentences = readConllu(conllu);
	assert.ok(sentences.length > 0);
	for (const s of sentences) {
		assert.equal(s.words.filter((w) => w.head === 0).length, 1, s.comments.join(' '));
		for (const w of s.words) assert.ok(w.head >= 0 && w.head <= s.words.length && w.deprel !== '_', `${w.form} ${w.head} ${w.deprel}`);
	}
	return sentences;
}

test('parse prints CoNLL-U for a seed file: one tree per sentence, text comments, SpaceAfter=No, clitics apart', () => {
	const file = write('a.seed', 'date 2024-05-02 Talks\r\n\r\nThe minister said talks wouldn’t resume.\r\n\r\n“It’s over,” she added.\r\n');
	const r = run(file);
	assert.equal(r.status, 0, r.stderr);
	const s = assertTrees(r.stdout);
	assert.equal(s.length, 2);
	assert.ok(s[0].comments.includes('# text = The minister said talks wouldn’t resume.'), s[0].comments.join('\n'));
	assert.deepEqual(
		s[0].words.map((w) => w.form),
		['The', 'minister', 'said', 'talks', 'would', 'n’t', 'resume', '.'],
	);
	const said = s[0].words.findIndex((w) => w.form === 'said');
	assert.equal(s[0].words[said].upos, 'VERB');
	assert.equal(s[0].words[1].head, said + 1, 'the minister is the subject of said');
	assert.equal(s[0].words[1].deprel, 'nsubj');
	assert.equal(s[0].words[4].misc, 'SpaceAfter=No');
	assert.equal(s[0].words[6].misc, 'SpaceAfter=No');
});

test('parse --conllu keeps the tokens, comments, multiword tokens and empty nodes, and replaces tags and trees', () => {
	const gold = `# sent_id = x-1
# text = I won't go.
1	I	I	PRON	PRP	_	3	nsubj	_	_
2-3	won't	_	_	_	_	_	_	_	_
2	wo	will	AUX	MD	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	go	go	VERB	VB	_	0	root	_	SpaceAfter=No
4.1	gone	go	VERB	VBN	_	_	_	_	_
5	.	.	PUNCT	.	_	4	punct	_	_

`;
	const r = run('--conllu', write('g.conllu', gold));
	assert.equal(r.status, 0, r.stderr);
	const lines = r.stdout.split('\n');
	assert.equal(lines[0], '# sent_id = x-1');
	assert.ok(lines.includes("2-3\twon't\t_\t_\t_\t_\t_\t_\t_\t_"));
	assert.ok(lines.some((l) => l.startsWith('4.1\tgone\t')));
	const [s] = assertTrees(r.stdout);
	assert.deepEqual(
		s.words.map((w) => w.form),
		['I', 'wo', "n't", 'go', '.'],
	);
	assert.equal(s.words[3].misc, 'SpaceAfter=No');
	assert.equal(s.words[0].lemma, '_', 'not predicted, so not copied from the gold');
});

test('parse reports unreadable files and bad arguments with their exit statuses', () => {
	const bad = run(path.join(tmp, 'missing.seed'));
	assert.equal(bad.status, 1);
	assert.match(bad.stderr, /missing\.seed: ENOENT/);
	const malformed = run('--conllu', write('bad.conllu', '1\tI\n'));
	assert.equal(malformed.status, 1);
	assert.match(malformed.stderr, /line 1: expected 10 tab-separated columns/);
	assert.equal(run('--frobnicate').status, 2);
	assert.equal(run().status, 2);
	assert.match(run('--help').stdout, /seed-lens parse --conllu/);
});
