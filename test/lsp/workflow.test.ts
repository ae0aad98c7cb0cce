/**
 * The whole annotation workflow on the sample corpus, as two annotators would go through it: the
 * server's suggestions confirmed, rejected, a name added, each document marked done (over stdio,
 * as the editor sends them); then the gold set exported for brat and the two folders compared
 * with the command line. The seed files are never changed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { parseBrat } from '../../server/src/analysis/human/brat';
import { humanLayer } from '../../server/src/analysis/human/layer';
import { positionAt, read, ROOT, Session, uriOf, workspaceCopy } from './harness';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
type Suggestions = { state: string; suggestions: { range: Range; layer: string; type: string; text: string }[] };

const SEEDS = fs
	.readdirSync(path.join(ROOT, 'samples'))
	.filter((f) => f.endsWith('.txt'))
	.sort();
const cli = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { encoding: 'utf8' });
const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** One annotator's pass over the corpus: `reject` picks which entity suggestion of each document they reject. */
async function annotate(reject: number): Promise<string> {
	const dir = workspaceCopy(SEEDS.map((f) => path.join(ROOT, 'samples', f)));
	made.push(dir);
	const s = await Session.start({ root: dir });
	try {
		for (const f of SEEDS) {
			const uri = uriOf(path.join(dir, f));
			const text = read(path.join(dir, f));
			await s.open(uri, text, 'seed');
			const review = async (args: Record<string, unknown>) => {
				const r = await s.request<{ changed: boolean; message?: string }>('workspace/executeCommand', {
					command: 'seedLens.review',
					arguments: [{ uri, ...args }],
				});
				assert.deepEqual(r, { changed: true }, `${f}: ${JSON.stringify(args)}`);
			};
			const list = () => s.request<Suggestions>('seedLens/suggestions', { uri });
			const entities = (await list()).suggestions.filter((x) => x.layer === 'entity');
			assert.ok(entities.length > reject + 1, `${f} has entity suggestions`);
			await review({ action: 'confirm', range: entities[reject + 1].range });
			await review({ action: 'reject', range: entities[reject].range });
			// A name the machine did not suggest: the header's first capitalised word, marked by hand.
			const word = /[A-Z][a-z]+/.exec(text.slice(text.indexOf(' ', 5)))!;
			const at = text.indexOf(' ', 5) + word.index;
			await review({ action: 'mark', type: 'OTHER', range: { start: positionAt(text, at), end: positionAt(text, at + word[0].length) } });
			await review({ action: 'state', state: 'done', range: { start: positionAt(text, 0), end: positionAt(text, 0) } });
			assert.equal((await list()).state, 'done');
			assert.equal(read(path.join(dir, f)), read(path.join(ROOT, 'samples', f)), 'the seed is not touched');
		}
	} finally {
		s.kill();
	}
	return dir;
}

test('the sample corpus goes from suggestions to a reviewed gold set for brat, and two annotators are compared', { timeout: 240_000 }, async () => {
	const alice = await annotate(0);
	const bob = await annotate(1);
	for (const f of SEEDS) {
		const ann = read(path.join(alice, f.replace(/\.txt$/, '.ann')));
		const layer = humanLayer(read(path.join(alice, f)), ann);
		assert.deepEqual(layer.problems, [], `${f}: the written file reads back without a problem`);
		assert.equal(layer.state, 'done');
		assert.match(ann, /^A\d+\tRejected T\d+$/m);
		assert.match(ann, /^A\d+\tVerified T\d+$/m);
		assert.match(ann, /^T\d+\tOTHER \d+ \d+\t[A-Z][a-z]+$/m);
	}

	const gold = path.join(alice, '..', `${path.basename(alice)}-gold`);
	made.push(gold);
	const exported = cli(['export', '--format', 'brat', '--human-only', '--clean', '--out', gold, alice]);
	assert.equal(exported.status, 0, exported.stderr);
	assert.match(exported.stderr, /^seed-lens: 001_port_strike.txt: left out 1 rejected suggestion, 1 review-state note$/m);
	assert.match(read(path.join(gold, 'annotation.conf')), /^\[entities\]\nPERSON\n/m);
	for (const f of SEEDS) {
		assert.equal(read(path.join(gold, f)), read(path.join(alice, f)));
		const ann = read(path.join(gold, f.replace(/\.txt$/, '.ann')));
		const file = parseBrat(ann);
		assert.deepEqual(file.problems, []);
		assert.ok(!/Rejected|SeedLensState/.test(ann), `${f}: the gold set holds no rejected suggestion nor review state:\n${ann}`);
		assert.equal(file.records.filter((r) => r.kind === 'T').length, 2, `${f}: the confirmed name and the added one`);
	}

	const agree = cli(['agree', '--format', 'json', alice, bob]);
	assert.equal(agree.status, 0, agree.stderr);
	const r = JSON.parse(agree.stdout) as { documents: number; overall: { exactF1: number }; disagreements: { file: string; line: number }[] };
	assert.equal(r.documents, SEEDS.length);
	// Each agreed on the added name and disagreed on the two suggestions one confirmed and the other rejected.
	assert.ok(r.overall.exactF1 > 0 && r.overall.exactF1 < 1, `F1 ${r.overall.exactF1}`);
	assert.ok(r.disagreements.length >= SEEDS.length, JSON.stringify(r.disagreements));
	assert.ok(r.disagreements.every((d) => SEEDS.includes(d.file) && d.line > 0));
});

test('seedLens/bratFile gives the editor’s gold-set export each seed’s .ann in the three forms, and refuses an unreadable one', async () => {
	const dir = workspaceCopy(SEEDS.slice(0, 2).map((f) => path.join(ROOT, 'samples', f)));
	made.push(dir);
	const [good, bad] = SEEDS.slice(0, 2).map((f) => path.join(dir, f));
	const text = read(good);
	const word = (w: string) => `${text.indexOf(w)} ${text.indexOf(w) + w.length}\t${w}`;
	const [a, b] = (text.slice(text.indexOf('\n')).match(/\b[A-Z][a-z]{3,}\b/g) ?? []).filter((w, i, all) => all.indexOf(w) === i);
	const ann = `T1\tORG ${word(a)}\nT2\tGPE ${word(b)}\nA1\tRejected T2\n#1\tSeedLensState *\tdone\n`;
	fs.writeFileSync(good.replace(/\.txt$/, '.ann'), ann);
	fs.writeFileSync(bad.replace(/\.txt$/, '.ann'), Buffer.from([0x54, 0x31, 0x09, 0xe9, 0x0a]));
	const s = await Session.start({ root: dir });
	try {
		type R = { ann: string; left: string[]; conf: string; error?: string };
		const ask = (file: string, form: string) => s.request<R | null>('seedLens/bratFile', { uri: uriOf(file), form });
		const clean = await ask(good, 'clean');
		assert.deepEqual([clean?.ann, clean?.left], [`T1\tORG ${word(a)}\n`, ['1 rejected suggestion', '1 review-state note']]);
		assert.match(String(clean?.conf), /^\[attributes\]$/m);
		const all = await ask(good, 'all');
		assert.ok(all?.ann.startsWith(ann), 'everything: the .ann as it is first');
		assert.ok((all?.ann.length ?? 0) > ann.length, 'then the suggestions');
		const refused = await ask(bad, 'clean');
		assert.match(String(refused?.error), /is not UTF-8 text \(line 1 is not\)/);
		assert.equal(refused?.ann, '');
		assert.equal(await ask(path.join(dir, 'missing.txt'), 'clean'), null);
	} finally {
		s.kill();
	}
});
