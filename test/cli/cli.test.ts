// The command line as a user runs it: the bundled dist/cli.js (build first), real files on disk.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-lens-cli-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]) {
	const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const write = (name: string, content: string | Buffer) => {
	const p = path.join(tmp, name);
	fs.mkdirSync(path.dirname(p), { recursive: true });
	fs.writeFileSync(p, content);
	return p;
};

/** Every span of one result is inside its text, and every `text` equals the slice at its offsets. */
function assertSpans(result: any, text: string): void {
	const check = (s: any, what: string) => {
		if (!s) return;
		assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${what} ${s.start}-${s.end} out of range`);
		if ('text' in s) assert.equal(s.text, text.slice(s.start, s.end), what);
	};
	for (const e of result.entities) for (const m of e.mentions) check(m, `mention of ${e.name}`);
	for (const d of result.dates) check(d, 'date');
	for (const c of result.claims) {
		check(c, 'claim');
		check(c.cue, 'cue');
		check(c.source, 'source');
		check(c.content, 'content');
	}
	for (const d of result.diagnostics) check(d, `diagnostic ${d.code}`);
}

test('analyze --format json prints one contract element per sample, in order, with exact spans', () => {
	const files = fs
		.readdirSync(path.join(root, 'samples'))
		.map((f) => `samples/${f}`)
		.sort();
	const r = run('analyze', '--format', 'json', ...files);
	assert.equal(r.status, 0, r.stderr);
	const out = JSON.parse(r.stdout);
	assert.deepEqual(
		out.map((x: any) => x.file),
		files,
	);
	for (const x of out) {
		assert.equal(x.version, 2);
		assert.match(x.header.date, /^\d{4}-\d\d-\d\d$/);
		assert.ok(x.entities.length > 3 && x.dates.length > 0 && x.claims.length > 0, `${x.file} found too little`);
		assertSpans(x, fs.readFileSync(path.join(root, x.file), 'utf8'));
	}
});

test('a directory is walked for .txt and .seed files', () => {
	write('walk/a.txt', 'date 2020-01-02 A\n\nThe mayor of Lyon said on Monday that the bridge would reopen.');
	write('walk/nested/b.seed', 'date 2020-01-02 B\n\nNothing here.');
	write('walk/notes.md', '# not a seed');
	const out = JSON.parse(run('analyze', '--format', 'json', path.join(tmp, 'walk')).stdout);
	assert.deepEqual(
		out.map((x: any) => path.relative(tmp, x.file)),
		['walk/a.txt', 'walk/nested/b.seed'],
	);
});

test('a missing or unreadable file gives an error element and status 1, and the other results are kept', () => {
	const good = write('good.txt', 'date 2021-05-01 Good\n\nPresident Macron visited Berlin on Friday.');
	const dangling = path.join(tmp, 'dangling.txt');
	fs.symlinkSync(path.join(tmp, 'nowhere.txt'), dangling);
	const r = run('analyze', '--format', 'json', path.join(tmp, 'missing.txt'), good, dangling);
	assert.equal(r.status, 1);
	const out = JSON.parse(r.stdout);
	assert.equal(out.length, 3);
	assert.match(out[0].error, /no such file|ENOENT/i);
	assert.equal(out[1].header.date, '2021-05-01');
	assert.ok(out[1].entities.some((e: any) => e.name.includes('Macron')));
	assert.match(out[2].error, /no such file|ENOENT/i);
});

test('bad input files are analysed with a diagnostic, never a crash', () => {
	const files = {
		empty: write('bad/empty.txt', ''),
		headerOnly: write('bad/header.txt', 'date 2021-11-11 Only a header'),
		noHeader: write('bad/noheader.txt', 'Just a paragraph said by nobody in 2020.'),
		impossible: write('bad/impossible.txt', 'date 2021-02-30 Title\n\nText.'),
		binary: write('bad/binary.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))),
		latin1: write('bad/latin1.txt', Buffer.from('date 2020-01-01 Caf\xe9\n\nLe caf\xe9 de Paris a ferm\xe9.', 'latin1')),
		crlf: write('bad/crlf.txt', 'date 2021-11-11 CRLF\r\n\r\nOfficials in Oslo said on Tuesday that 40 people were hurt.\r\n'),
	};
	const r = run('analyze', '--format', 'json', ...Object.values(files));
	assert.equal(r.status, 0, r.stderr);
	const out = JSON.parse(r.stdout);
	const codes = (i: number) => out[i].diagnostics.map((d: any) => d.code);
	assert.ok(codes(0).includes('empty-document'));
	assert.equal(out[1].header.title, 'Only a header');
	assert.ok(codes(2).includes('missing-header'));
	assert.ok(codes(3).includes('malformed-date'));
	assert.ok(codes(5).includes('replacement-character'), `latin1: ${codes(5)}`);
	assert.ok(
		out[6].dates.some((d: any) => d.value === '2021-11-09'),
		'Tuesday before 2021-11-11 in a CRLF file',
	);
	Object.values(files).forEach((f, i) => assertSpans(out[i], fs.readFileSync(f, 'utf8')));
});

test('a file over --max-file-size gets one clear diagnostic instead of an analysis', () => {
	const big = write('big.txt', 'date 2021-11-11 Big\n\n' + 'The council met in Leeds on Monday. '.repeat(1_500_000)); // ~54 MB
	const r = run('analyze', '--format', 'json', '--max-file-size', '5000000', big);
	assert.equal(r.status, 0, r.stderr);
	const [x] = JSON.parse(r.stdout);
	assert.deepEqual(
		x.diagnostics.map((d: any) => d.code),
		['file-too-large'],
	);
	assert.equal(x.entities.length, 0);
});

test('the text report lists entities by type, a timeline and the claims', () => {
	const r = run('analyze', '--format', 'text', 'samples/000_c1e85f038010932c.txt');
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /People\n\s+Khalifa Haftar ×\d+/);
	assert.match(r.stdout, /TIMELINE\n(.*\n)*\s+2021-11-11\s+Thursday/);
	assert.match(r.stdout, /\[attributed\] the UN: According to the UN/);
	assert.match(r.stdout, /truncated-sentence/);
});

test('--format sarif writes a SARIF 2.1.0 log with rule ids and 1-based positions', () => {
	const r = run('analyze', '--format', 'sarif', 'samples/000_c1e85f038010932c.txt');
	assert.equal(r.status, 0, r.stderr);
	const log = JSON.parse(r.stdout);
	assert.equal(log.version, '2.1.0');
	const results = log.runs[0].results;
	const truncated = results.find((x: any) => x.ruleId === 'truncated-sentence');
	assert.ok(truncated, 'no truncated-sentence result');
	assert.ok(truncated.locations[0].physicalLocation.region.startLine >= 1);
});

test('bad arguments exit 2 with usage; --help exits 0', () => {
	assert.equal(run('analyze', '--format', 'yaml', 'x.txt').status, 2);
	assert.equal(run('frobnicate').status, 2);
	const noFiles = run('analyze');
	assert.equal(noFiles.status, 2);
	assert.match(noFiles.stderr, /no FILE or DIR given/);
	const help = run('--help');
	assert.equal(help.status, 0);
	assert.match(help.stdout, /Usage: seed-lens analyze/);
});
