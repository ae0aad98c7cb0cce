// The `.ann` files on disk: what a person wrote is never lost or rewritten silently.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { readAnn, readAnnSync, UnreadableAnn, updateAnn } from '../../../server/src/workspace/annFiles';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedlens-ann-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const SEED = 'date 2024-03-01 Acme in Paris\n\nAcme Corp opened an office in Paris on Monday.\n';
const read = (f: string) => fs.readFileSync(f, 'utf8');
const span = (needle: string) => ({ start: SEED.indexOf(needle, SEED.indexOf('\n')), end: SEED.indexOf(needle, SEED.indexOf('\n')) + needle.length });

test('a .ann that is not UTF-8 is not read, names its first bad line, and a review edit leaves its bytes as they were', async () => {
	const file = path.join(dir, 'latin1.ann');
	// "Citt\xe0" written by a tool that saved Latin-1.
	const bytes = Buffer.concat([
		Buffer.from('T1\tORG 30 39\tAcme Corp\n#1\tAnnotatorNotes T1\t'),
		Buffer.from([0x43, 0x69, 0x74, 0x74, 0xe0]),
		Buffer.from('\n'),
	]);
	fs.writeFileSync(file, bytes);
	await assert.rejects(readAnn(file), (e: Error) => e instanceof UnreadableAnn && /^latin1\.ann is not UTF-8 text \(line 2 is not\)/.test(e.message));
	assert.throws(() => readAnnSync(file), UnreadableAnn);
	await assert.rejects(updateAnn(file, SEED, [{ op: 'mark', span: { ...span('Paris'), type: 'GPE' } }]), UnreadableAnn);
	assert.deepEqual(fs.readFileSync(file), bytes);
	assert.deepEqual(
		fs.readdirSync(dir).filter((f) => f.startsWith('.')),
		[],
		'no lock or temporary file is left behind',
	);
});

test('a review edit keeps the byte-order mark, the CRLF line breaks and every line of a hand-written .ann', async () => {
	const file = path.join(dir, 'windows.ann');
	const hand = '\uFEFFT1\tORG 30 39\tAcme Corp\r\n#1\tAnnotatorNotes T1\tchecked\r\nnot brat, kept\r\n';
	fs.writeFileSync(file, hand, 'utf8');
	const next = await updateAnn(file, SEED, [{ op: 'mark', span: { ...span('Paris'), type: 'GPE' } }]);
	assert.equal(fs.readFileSync(file, 'utf8'), next);
	assert.ok(next.startsWith(hand), `the old lines are kept as they were: ${JSON.stringify(next)}`);
	assert.match(next.slice(hand.length), /^T2\tGPE \d+ \d+\tParis\r\n$/);
});

test('an .ann that cannot be read gives the seed a finding, and the analysis runs without it', () => {
	const a = analyze(SEED, { humanError: 'x.ann is not UTF-8 text (line 2 is not).' });
	const finding = a.diagnostics.find((d) => d.code === 'annotation-file');
	assert.ok(finding, 'a finding annotation-file');
	assert.equal(finding.message, 'Annotation file cannot be read: x.ann is not UTF-8 text (line 2 is not). The annotations in it are not shown.');
	assert.equal(finding.severity, 'warning');
	assert.ok(a.entities.every((e) => e.origin === 'machine'));
});

test('two writers at once, in one process or in two, both keep every line they add', async () => {
	const file = path.join(dir, 'busy.ann');
	const words = ['Acme', 'Corp', 'opened', 'office', 'Paris', 'Monday'];
	await Promise.all(words.map((w) => updateAnn(file, SEED, [{ op: 'mark', span: { ...span(w), type: 'OTHER' } }])));
	assert.deepEqual(
		read(file)
			.trim()
			.split('\n')
			.map((l) => l.split('\t')[2])
			.sort(),
		[...words].sort(),
	);
	// Two programs (two editor windows, the editor and the command line), twenty writes each.
	const twice = path.join(dir, 'two-processes.ann');
	const script = (from: number) =>
		`const { updateAnn } = require(${JSON.stringify(path.resolve(__dirname, '../../../server/src/workspace/annFiles.ts'))});
		(async () => { for (let i = ${from}; i < ${from} + 20; i++) await updateAnn(${JSON.stringify(twice)}, 'x'.repeat(100), [{ op: 'mark', span: { start: i, end: i + 1, type: 'OTHER' } }]); })();`;
	const run = (from: number) =>
		new Promise<number | null>((resolve) => spawn(process.execPath, ['--import', 'tsx', '-e', script(from)], { stdio: 'inherit' }).on('exit', resolve));
	assert.deepEqual(await Promise.all([run(0), run(50)]), [0, 0]);
	const lines = read(twice).trim().split('\n');
	assert.equal(lines.length, 40, read(twice));
	assert.equal(new Set(lines.map((l) => l.split('\t')[0])).size, 40, 'every id once');
});

test('a lock left by a program that died is taken over after a while', async () => {
	const file = path.join(dir, 'stale.ann');
	const lock = path.join(dir, '.stale.ann.lock');
	fs.writeFileSync(lock, '');
	const old = new Date(Date.now() - 60_000);
	fs.utimesSync(lock, old, old);
	await updateAnn(file, SEED, [{ op: 'mark', span: { ...span('Paris'), type: 'GPE' } }]);
	assert.match(read(file), /^T1\tGPE \d+ \d+\tParis$/m);
	assert.ok(!fs.existsSync(lock));
});
