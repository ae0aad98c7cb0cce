// The `.ann` files on disk: what a person wrote is never lost or rewritten silently.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { readAnn, readAnnSync, UnreadableAnn, updateAnn } from '../../../server/src/workspace/annFiles';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedlens-ann-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const SEED = 'date 2024-03-01 Acme in Paris\n\nAcme Corp opened an office in Paris on Monday.\n';
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
