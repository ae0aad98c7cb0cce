// Corpora through the bundled dist/cli.js (build first): worker threads, streaming, result files,
// shards, progress. Every run is compared with another run of the same files, never with itself.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-lens-batch-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
	const r = spawnSync(process.execPath, [cli, ...args], {
		cwd: options.cwd ?? root,
		encoding: 'utf8',
		maxBuffer: 1 << 28,
		input: options.input,
		env: { ...process.env, ...options.env },
	});
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const jsonl = (s: string) =>
	s
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l));
const byFile = (a: any[]) => [...a].sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));

// A corpus of 90 files in nested folders, of very different lengths (so threads finish out of order),
// made of the samples' paragraphs.
const corpus = path.join(tmp, 'corpus');
let files: string[] = [];
before(() => {
	const paragraphs = fs
		.readdirSync(path.join(root, 'samples'))
		.flatMap((f) =>
			fs
				.readFileSync(path.join(root, 'samples', f), 'utf8')
				.split(/\n\s*\n/)
				.slice(1),
		)
		.filter((p) => p.trim().length > 40);
	for (let i = 0; i < 90; i++) {
		const n = i % 7 === 0 ? 120 : 1 + (i % 5);
		const body = Array.from({ length: n }, (_, k) => paragraphs[(i * 7 + k) % paragraphs.length].replace(/\d+/g, String(i + k)));
		const file = path.join(corpus, `part${i % 3}`, `sub${i % 2}`, `${String(i).padStart(3, '0')}.txt`);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, [`date 2021-0${1 + (i % 9)}-1${i % 10} Article ${i}`, ...body].join('\n\n') + '\n');
	}
	files = jsonl(run(['analyze', '-q', '--format', 'jsonl', '--jobs', '1', corpus]).stdout).map((x) => x.file);
	assert.equal(files.length, 90);
});

test('--jobs 2 writes exactly what --jobs 1 writes, in the order of the inputs, in every format', () => {
	for (const format of ['json', 'jsonl', 'text', 'sarif']) {
		const one = run(['analyze', '-q', '--format', format, '--jobs', '1', corpus]);
		const two = run(['analyze', '-q', '--format', format, '--jobs', '2', corpus]);
		assert.equal(one.status, 0, one.stderr);
		assert.equal(two.status, 0, two.stderr);
		assert.ok(one.stdout.length > 10_000, `${format}: too little output`);
		assert.equal(two.stdout, one.stdout, `${format} differs between --jobs 1 and --jobs 2`);
	}
});

test('--unordered gives the same results, in any order', () => {
	const ordered = jsonl(run(['analyze', '-q', '--format', 'jsonl', '--jobs', '2', corpus]).stdout);
	const unordered = jsonl(run(['analyze', '-q', '--format', 'jsonl', '--jobs', '2', '--unordered', corpus]).stdout);
	assert.equal(unordered.length, 90);
	assert.deepEqual(byFile(unordered), byFile(ordered));
});

test('--format jsonl writes one line per file, each the element --format json puts in its array', () => {
	const array = JSON.parse(run(['analyze', '-q', '--format', 'json', corpus]).stdout);
	const r = run(['analyze', '-q', '--format', 'jsonl', corpus]);
	assert.equal(r.status, 0, r.stderr);
	const lines = r.stdout.split('\n');
	assert.equal(lines.pop(), '', 'ends with a newline');
	assert.equal(lines.length, array.length);
	lines.forEach((l, i) => assert.equal(l, JSON.stringify(array[i])));
	assert.ok(array.every((x: any) => x.version === 2));
	assert.ok(array.filter((x: any) => x.entities.length > 0).length > 60);
});

test('--files-from - reads the inputs from standard input, alone or after the arguments', () => {
	const list = files.slice(10, 30);
	const fromArgs = run(['analyze', '-q', '--format', 'jsonl', ...list]).stdout;
	const fromStdin = run(['analyze', '-q', '--format', 'jsonl', '--files-from', '-'], { input: list.join('\n') + '\n\n' });
	assert.equal(fromStdin.status, 0, fromStdin.stderr);
	assert.equal(fromStdin.stdout, fromArgs);
	const both = run(['analyze', '-q', '--format', 'jsonl', files[0], '--files-from', '-'], { input: list.join('\n') });
	assert.deepEqual(
		jsonl(both.stdout).map((x) => x.file),
		[files[0], ...list],
	);
	const listFile = path.join(tmp, 'list.txt');
	fs.writeFileSync(listFile, list.join('\r\n'));
	assert.equal(run(['analyze', '-q', '--format', 'jsonl', '--files-from', listFile]).stdout, fromArgs);
});

/** Every result file under `dir`, relative path → content. */
function tree(dir: string): Map<string, string> {
	const out = new Map<string, string>();
	const walk = (d: string) => {
		for (const e of fs.readdirSync(d, { withFileTypes: true })) {
			const p = path.join(d, e.name);
			if (e.isDirectory()) walk(p);
			else out.set(path.relative(dir, p), fs.readFileSync(p, 'utf8'));
		}
	};
	if (fs.existsSync(dir)) walk(dir);
	return out;
}

test('--out writes one result per input mirroring the tree, each equal to its jsonl element', () => {
	const out = path.join(tmp, 'out-mirror');
	const r = run(['analyze', '--out', out, corpus]);
	assert.equal(r.status, 0, r.stderr);
	assert.equal(r.stdout, '');
	const results = tree(out);
	assert.equal(results.size, 90);
	const elements = jsonl(run(['analyze', '-q', '--format', 'jsonl', corpus]).stdout);
	for (const e of elements) {
		const rel = path.relative(corpus, e.file) + '.json';
		assert.equal(results.get(rel), JSON.stringify(e) + '\n', rel);
	}
	assert.match(r.stderr, /90 files, 90 analysed/);
});

test('--out skips inputs whose result is newer, redoes missing and outdated ones, and --force redoes all', () => {
	const out = path.join(tmp, 'out-resume');
	const older = new Date(Date.now() - 7_200_000);
	for (const f of files) fs.utimesSync(f, older, older);
	assert.equal(run(['analyze', '-q', '--out', out, corpus]).status, 0);
	const results = [...tree(out).keys()];
	const old = new Date(Date.now() - 3_600_000);
	for (const f of results) fs.utimesSync(path.join(out, f), old, old);
	const gone = results.filter((_, i) => i % 9 === 0);
	for (const f of gone) fs.rmSync(path.join(out, f));
	// An input edited after its result was written is outdated.
	const edited = path.join(corpus, results[1].replace(/\.json$/, ''));
	fs.utimesSync(edited, new Date(), new Date());

	const again = run(['analyze', '--out', out, corpus]);
	assert.equal(again.status, 0, again.stderr);
	assert.match(again.stderr, new RegExp(`90 files \\(${90 - gone.length - 1} already done\\), ${gone.length + 1} analysed`));
	const redone = results.filter((f) => fs.statSync(path.join(out, f)).mtimeMs > old.getTime() + 1000);
	assert.deepEqual(redone.sort(), [...gone, results[1]].sort());

	const forced = run(['analyze', '--out', out, '--force', corpus]);
	assert.match(forced.stderr, /90 files, 90 analysed/);
});

test('a run killed part-way leaves only whole results, and the rerun analyses only what is missing', async () => {
	const big = path.join(tmp, 'big');
	const text = fs.readFileSync(path.join(root, 'samples/000_c1e85f038010932c.txt'), 'utf8');
	for (let i = 0; i < 400; i++) {
		const f = path.join(big, String(i % 4), `${i}.txt`);
		fs.mkdirSync(path.dirname(f), { recursive: true });
		fs.writeFileSync(f, text.replace(/300/g, String(i)).repeat(1 + (i % 3)));
	}
	const out = path.join(tmp, 'out-killed');
	const child = spawn(process.execPath, [cli, 'analyze', '-q', '--jobs', '1', '--out', out, big], { stdio: 'ignore' });
	// Names only: a temporary file may be renamed away between listing and reading.
	const results = () => (fs.existsSync(out) ? (fs.readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.json')) : []);
	const t0 = Date.now();
	while (results().length < 30 && child.exitCode === null && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 20));
	child.kill('SIGKILL');
	await new Promise((r) => child.once('exit', r));
	const done = results();
	assert.ok(done.length >= 30 && done.length < 400, `killed after ${done.length} results`);
	for (const f of done) assert.doesNotThrow(() => JSON.parse(fs.readFileSync(path.join(out, f), 'utf8')), `${f} is not whole`);

	const rerun = run(['analyze', '--out', out, big]);
	assert.equal(rerun.status, 0, rerun.stderr);
	assert.match(rerun.stderr, new RegExp(`400 files \\(${done.length} already done\\), ${400 - done.length} analysed`));
	assert.equal(results().length, 400);
});

test('--shard I/N: the shards are disjoint, their union is the whole run, and they do not depend on where the corpus lies', () => {
	const whole = jsonl(run(['analyze', '-q', '--format', 'jsonl', corpus]).stdout);
	const shards = [0, 1, 2].map((i) => jsonl(run(['analyze', '-q', '--format', 'jsonl', '--shard', `${i}/3`, corpus]).stdout));
	for (const s of shards) assert.ok(s.length > 10 && s.length < 60, `uneven shard of ${s.length}`);
	const names = shards.flat().map((x) => x.file);
	assert.equal(new Set(names).size, names.length, 'a file is in two shards');
	assert.deepEqual(byFile(shards.flat()), byFile(whole));

	// The same tree elsewhere, named from another directory: the same relative paths in each shard.
	const moved = path.join(tmp, 'mnt', 'elsewhere');
	fs.cpSync(corpus, moved, { recursive: true });
	const rel = (list: any[], base: string, cwd = root) => list.map((x) => path.relative(base, path.resolve(cwd, x.file))).sort();
	const movedShard = jsonl(run(['analyze', '-q', '--format', 'jsonl', '--shard', '1/3', 'elsewhere'], { cwd: path.dirname(moved) }).stdout);
	assert.deepEqual(rel(movedShard, moved, path.dirname(moved)), rel(shards[1], corpus));

	// With --out, the shards' result trees together are the tree of one run.
	const one = path.join(tmp, 'shard-one');
	const split = path.join(tmp, 'shard-split');
	run(['analyze', '-q', '--out', one, corpus]);
	for (const i of [0, 1, 2, 3]) run(['analyze', '-q', '--out', split, '--shard', `${i}/4`, corpus]);
	assert.deepEqual(tree(split), tree(one));
});

test('a summary on stderr, no progress bar when stderr is not a terminal, nothing with --quiet', () => {
	const r = run(['analyze', '--format', 'jsonl', corpus]);
	assert.equal(r.status, 0);
	assert.match(r.stderr, /^seed-lens: 90 files, 90 analysed, [\d,]+ words, 0 errors in \d+\.\d\d s, [\d,]+ words\/s\n$/);
	assert.doesNotMatch(r.stderr, /\r|█/);
	const q = run(['analyze', '--quiet', '--format', 'jsonl', corpus]);
	assert.equal(q.stderr, '');
	assert.equal(q.stdout, r.stdout);
});

test('in a terminal, a progress bar with files/s, words/s and ETA is drawn on stderr', { skip: !fs.existsSync('/usr/bin/script') && 'needs script(1)' }, () => {
	// script(1) gives the command a terminal; stdout goes to a file so only stderr is on the terminal.
	const out = path.join(tmp, 'tty.jsonl');
	const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} analyze --jobs 1 --format jsonl ${JSON.stringify(path.join(root, 'samples'))} ${JSON.stringify(corpus)} > ${JSON.stringify(out)}`;
	const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '200' } });
	assert.equal(r.status, 0, r.stdout + r.stderr);
	assert.match(r.stdout, /\r\[[█·]+\] \d+\/94 files · [\d,]+ files\/s · [\d,]+ words\/s · ETA \d+:\d\d/);
	assert.match(r.stdout, /seed-lens: 94 files, 94 analysed/);
	assert.equal(jsonl(fs.readFileSync(out, 'utf8')).length, 94);
	const quiet = spawnSync('script', ['-qec', cmd.replace('analyze', 'analyze -q'), '/dev/null'], { encoding: 'utf8' });
	assert.equal(quiet.stdout.trim(), '');
});

test('a thread that crashes on a file gives that file an error element; the run goes on and exits 1', () => {
	const crash = files[20];
	const r = run(['analyze', '--format', 'json', '--jobs', '2', corpus], { env: { SEED_LENS_TEST_CRASH: crash } });
	assert.equal(r.status, 1);
	const out = JSON.parse(r.stdout);
	assert.deepEqual(
		out.map((x: any) => x.file),
		files,
	);
	assert.match(out[20].error, /analysis thread stopped on this file/);
	assert.equal(out.filter((x: any) => x.error).length, 1);
	assert.ok(out[19].entities && out[21].entities);
	assert.match(r.stderr, /90 files, 90 analysed, [\d,]+ words, 1 errors/);
});

test('threads replaced when their heap passes its budget (here after every batch) lose and reorder nothing', () => {
	const one = run(['analyze', '-q', '--format', 'jsonl', '--jobs', '1', corpus]);
	const replaced = run(['analyze', '--format', 'jsonl', '--jobs', '2', corpus], { env: { SEED_LENS_TEST_HEAP_BUDGET_MB: '1' } });
	assert.equal(replaced.status, 0, replaced.stderr);
	assert.equal(replaced.stdout, one.stdout);
	assert.match(replaced.stderr, /90 files, 90 analysed, [\d,]+ words, 0 errors/);
	const out = path.join(tmp, 'out-replaced');
	assert.equal(run(['analyze', '-q', '--out', out, corpus], { env: { SEED_LENS_TEST_HEAP_BUDGET_MB: '1' } }).status, 0);
	assert.equal(tree(out).size, 90);
});

test('bad corpus arguments exit 2 with a reason', () => {
	const cases: [string[], RegExp][] = [
		[['--jobs', '0', corpus], /--jobs takes a whole number/],
		[['--jobs', 'two', corpus], /--jobs takes a whole number/],
		[['--shard', '3/3', corpus], /--shard takes I\/N/],
		[['--shard', '1', corpus], /--shard takes I\/N/],
		[['--out', path.join(tmp, 'x'), '--format', 'text', corpus], /--format text cannot be combined/],
		[['--force', corpus], /--force only applies with --out/],
		[['--files-from', path.join(tmp, 'no-list.txt')], /no such file/],
		[['--unordered=yes', corpus], /takes no value/],
		[['--jobs'], /--jobs needs a value/],
	];
	for (const [args, message] of cases) {
		const r = run(['analyze', ...args]);
		assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
		assert.match(r.stderr, message);
	}
	assert.match(run(['analyze', '--help']).stdout, /--unordered[\s\S]*--shard I\/N/);
});
