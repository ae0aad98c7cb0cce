// Corpus throughput end to end: `seed-lens analyze --format jsonl` as a user runs it (a fresh
// process, start-up included, output to /dev/null), over the 120 news articles copied eight times
// and over a generated 100,000-file corpus, with 1 and 2 jobs, its peak resident memory, and
// compromise run the same way (one process over the same files). On the generated corpus it also
// checks what the corpus options promise: two shards, killed part-way and resumed with --out, give
// exactly the results of one run, and the resumed runs analyse only what was missing.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, createReadStream, existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { fmt, row } from './report.mjs';
import { corpusFolder, countWords, dataDir, meantimeDir, newsArticles, paragraphsOf, root } from './texts.mjs';

const cli = join(root, 'dist/cli.js');

/** The 120 MEANTIME articles (data/meantime) copied `copies` times into bench/data/news-<n>/ (null when they are missing). */
export function newsCopies(copies) {
	const src = meantimeDir;
	if (!existsSync(src)) return null;
	const names = readdirSync(src).filter((f) => f.endsWith('.txt'));
	const dir = join(dataDir, `news-${names.length * copies}`);
	if (!existsSync(join(dir, '.complete'))) {
		rmSync(dir, { recursive: true, force: true });
		for (let c = 1; c <= copies; c++) {
			mkdirSync(join(dir, `copy${c}`), { recursive: true });
			for (const f of names) cpSync(join(src, f), join(dir, `copy${c}`, f));
		}
		writeFileSync(join(dir, '.complete'), '');
	}
	return dir;
}

/** Every seed file under `dir`, sorted as the CLI walks them. */
export function seedFiles(dir) {
	const out = [];
	const walk = (d) => {
		for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
			if (e.name.startsWith('.')) continue;
			const p = join(d, e.name);
			if (e.isDirectory()) walk(p);
			else if (/\.(txt|seed)$/i.test(e.name)) out.push(p);
		}
	};
	walk(dir);
	return out;
}

/** Files and words of a folder, counted once and kept beside it. */
export function corpusWords(dir) {
	const cache = `${dir}.words.json`;
	if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8'));
	const files = seedFiles(dir);
	const r = { files: files.length, words: files.reduce((n, f) => n + countWords(readFileSync(f, 'utf8')), 0) };
	writeFileSync(cache, JSON.stringify(r));
	return r;
}

// The child reports its peak resident memory (all its threads) as it exits.
const RSS_HOOK = `process.on('exit',()=>process.stderr.write('\\nMAXRSS '+process.resourceUsage().maxRSS+'\\n'));`;

/**
 * Runs a Node script as a fresh process: wall time from spawn to exit, peak RSS, stderr's tail.
 * `out` is a file for stdout (default /dev/null); `killAfterMs` kills it early.
 */
export function timed(script, args, { out = '/dev/null', killAfterMs } = {}) {
	return new Promise((resolve) => {
		const fd = openSync(out, 'w');
		const t0 = performance.now();
		const child = spawn(process.execPath, ['-e', `${RSS_HOOK}require(${JSON.stringify(script)})`, script, ...args], { stdio: ['ignore', fd, 'pipe'] });
		closeSync(fd);
		let err = '';
		child.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
		const timer = killAfterMs ? setTimeout(() => child.kill('SIGKILL'), killAfterMs) : null;
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			const kb = Number(/MAXRSS (\d+)/.exec(err)?.[1] ?? NaN);
			resolve({ wallMs: performance.now() - t0, peakMB: kb / 1024, code, signal, stderr: err.replace(/\nMAXRSS \d+\n/, '') });
		});
	});
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** `seed-lens analyze --format jsonl --jobs J INPUTS… > /dev/null` (or `> out`), `runs` times: words/s (median and range), peak RSS. */
async function cliRuns(inputs, words, jobs, runs, log, out) {
	const rs = [];
	for (let i = 0; i < runs; i++) {
		const r = await timed(cli, ['analyze', '--quiet', '--format', 'jsonl', '--jobs', String(jobs), ...inputs], { out });
		if (r.code !== 0) throw new Error(`seed-lens exited ${r.code}: ${r.stderr.slice(-500)}`);
		rs.push(r);
		log(
			`  --jobs ${jobs}: ${(r.wallMs / 1000).toFixed(2)} s, ${Math.round(words / (r.wallMs / 1000)).toLocaleString('en-US')} words/s, ${r.peakMB.toFixed(0)} MB`,
		);
	}
	const wps = rs.map((r) => words / (r.wallMs / 1000));
	return {
		jobs,
		runs,
		wordsPerSec: median(wps),
		min: Math.min(...wps),
		max: Math.max(...wps),
		wallMs: median(rs.map((r) => r.wallMs)),
		peakMB: Math.max(...rs.map((r) => r.peakMB)),
	};
}

async function compromiseRuns(args, words, runs, log) {
	const rs = [];
	for (let i = 0; i < runs; i++) {
		const r = await timed(join(root, 'bench/compromiseCorpus.mjs'), args);
		if (r.code !== 0) throw new Error(`compromise exited ${r.code}: ${r.stderr.slice(-500)}`);
		rs.push(r);
		log(`  compromise: ${(r.wallMs / 1000).toFixed(2)} s, ${Math.round(words / (r.wallMs / 1000)).toLocaleString('en-US')} words/s`);
	}
	const wps = rs.map((r) => words / (r.wallMs / 1000));
	return { runs, wordsPerSec: median(wps), min: Math.min(...wps), max: Math.max(...wps), peakMB: Math.max(...rs.map((r) => r.peakMB)) };
}

/** The summary line's counts: files, already done, analysed. */
function summary(stderr) {
	const m = /seed-lens: ([\d,]+) files(?: \(([\d,]+) already done\))?, ([\d,]+) analysed/.exec(stderr);
	const n = (s) => Number((s ?? '0').replace(/,/g, ''));
	return m ? { files: n(m[1]), skipped: n(m[2]), analysed: n(m[3]) } : null;
}

const sha1 = (s) => createHash('sha1').update(s).digest('hex');

function resultFiles(dir) {
	const out = [];
	const walk = (d) => {
		for (const e of readdirSync(d, { withFileTypes: true })) {
			const p = join(d, e.name);
			if (e.isDirectory()) walk(p);
			else if (e.name.endsWith('.json')) out.push(p);
		}
	};
	if (existsSync(dir)) walk(dir);
	return out;
}

/**
 * Two shards with --out, each on one thread, as two machines would run them, killed after `killAfterMs`
 * and resumed; then the union of their result trees is compared with `reference` (one run's jsonl).
 */
async function shardsKilledAndResumed(dir, reference, killAfterMs, log) {
	const out = join(dataDir, 'batch-shards');
	rmSync(out, { recursive: true, force: true });
	const shard = (i, opts) => timed(cli, ['analyze', '--jobs', '1', '--shard', `${i}/2`, '--out', out, dir], opts);
	await Promise.all([shard(0, { killAfterMs }), shard(1, { killAfterMs })]);
	const before = resultFiles(out).length;
	log(`  two shards killed after ${(killAfterMs / 1000).toFixed(0)} s with ${before.toLocaleString('en-US')} results written; resuming`);
	const resumed = await Promise.all([shard(0), shard(1)]);
	const s = resumed.map((r) => summary(r.stderr));
	if (s.some((x) => !x) || resumed.some((r) => r.code !== 0))
		throw new Error(`a resumed shard failed: ${resumed.map((r) => r.stderr.slice(-300)).join(' | ')}`);
	const total = s[0].files + s[1].files;
	const analysedAgain = s[0].analysed + s[1].analysed - (total - before);

	// Each line of the reference is `{"file":"<path>",…}`: its result file must hold exactly that line.
	let differ = 0,
		compared = 0;
	const lines = createInterface({ input: createReadStream(reference), crlfDelay: Infinity });
	for await (const line of lines) {
		const file = JSON.parse(line.slice(0, line.indexOf('","') + 1) + '}').file;
		const result = join(out, `${relative(dir, file)}.json`);
		compared++;
		if (!existsSync(result) || sha1(readFileSync(result, 'utf8')) !== sha1(line + '\n')) differ++;
	}
	const extra = resultFiles(out).length - compared;
	rmSync(out, { recursive: true, force: true });
	return {
		killedWith: before,
		total,
		skipped: s[0].skipped + s[1].skipped,
		analysed: s[0].analysed + s[1].analysed,
		analysedAgain,
		compared,
		differ: differ + Math.abs(extra),
	};
}

/**
 * The whole section. `cfg`: `newsRuns` (runs per job count on the news), `generated` (file count of
 * the large generated corpus), `small` (a smaller one, for memory), `compromiseFiles` (how many of the
 * generated files compromise reads), `corpusFolder(count)` making the generated folders.
 */
export async function batchThroughput(cfg, folderOf, log) {
	const r = { news: null, generated: null };
	const news = newsCopies(8);
	if (news) {
		const { files, words } = corpusWords(news);
		log(`corpus throughput: ${files} news files (${words.toLocaleString('en-US')} words), ${cfg.newsRuns} run(s) each`);
		const j1 = await cliRuns([news], words, 1, cfg.newsRuns, log);
		const j2 = await cliRuns([news], words, 2, cfg.newsRuns, log);
		const comp = await compromiseRuns([news], words, cfg.compromiseRuns, log);
		r.news = { files, words, jobs1: j1, jobs2: j2, compromise: comp };
	}

	const big = folderOf(cfg.generated);
	const small = folderOf(cfg.small);
	const g = corpusWords(big);
	const gs = corpusWords(small);
	log(`corpus throughput: ${g.files.toLocaleString('en-US')} generated files (${g.words.toLocaleString('en-US')} words)`);
	// The run with 2 jobs writes its output to a file (not /dev/null): the reference the shards are compared with.
	const reference = join(dataDir, 'batch-reference.jsonl');
	const j2 = await cliRuns([big], g.words, 2, 1, log, reference);
	// One job is timed on the smaller corpus: with claims read from the parse, a single thread over the
	// whole generated corpus takes a quarter of an hour, and the words/s of one job hardly depend on the
	// corpus size once it is past a few thousand files (the memory row compares sizes with two jobs).
	log(`  ${cfg.small.toLocaleString('en-US')} generated files, for memory and for one job:`);
	const smallRun = await cliRuns([small], gs.words, 2, 1, log);
	const smallJ1 = await cliRuns([small], gs.words, 1, 1, log);
	const some = seedFiles(big).slice(0, cfg.compromiseFiles);
	const list = join(dataDir, 'batch-compromise-list.txt');
	writeFileSync(list, some.join('\n') + '\n');
	const someWords = some.reduce((n, f) => n + countWords(readFileSync(f, 'utf8')), 0);
	log(`  compromise over the first ${some.length.toLocaleString('en-US')} generated files:`);
	const comp = await compromiseRuns(['--files-from', list], someWords, 1, log);
	const seedLensSome = await cliRuns(['--files-from', list], someWords, 2, 1, log);
	const shards = await shardsKilledAndResumed(big, reference, Math.max(1500, j2.wallMs * 0.4), log);
	rmSync(reference, { force: true });
	r.generated = {
		files: g.files,
		words: g.words,
		jobs2: j2,
		small: { files: gs.files, words: gs.words, jobs1: smallJ1, jobs2: smallRun },
		compromise: { files: some.length, words: someWords, ...comp, seedLens: seedLensSome },
		shards,
	};
	return r;
}

/** The section's rows of the bench table. */
export function batchRows(r, { row, fmt }) {
	const B = 'Corpus (CLI)';
	const rows = [];
	const range = (x) => (x.runs > 1 ? `${fmt.int(x.min)}–${fmt.int(x.max)} over ${x.runs} runs; ` : '');
	const runNote = (x) => `${range(x)}wall ${fmt.s(x.wallMs)}; peak RSS ${fmt.mb(x.peakMB)}`;
	if (r.news) {
		const n = r.news;
		const what = `${fmt.int(n.files)} news files (${fmt.int(n.words)} words), jsonl`;
		rows.push(row(B, `${what}, --jobs 1`, n.jobs1.wordsPerSec, fmt.wps, null, runNote(n.jobs1)));
		rows.push(row(B, `${what}, --jobs 2`, n.jobs2.wordsPerSec, fmt.wps, { op: '>=', value: 300_000 }, runNote(n.jobs2)));
		rows.push(row(B, 'news: scaling 1 → 2 jobs', n.jobs2.wordsPerSec / n.jobs1.wordsPerSec, fmt.ratio));
		rows.push(
			row(
				B,
				'news: compromise, one process over the same files',
				n.compromise.wordsPerSec,
				fmt.wps,
				null,
				`${range(n.compromise)}peak RSS ${fmt.mb(n.compromise.peakMB)}`,
			),
		);
		rows.push(row(B, 'news: --jobs 2 / compromise', n.jobs2.wordsPerSec / n.compromise.wordsPerSec, fmt.ratio, { op: '>=', value: 12 }));
	}
	const g = r.generated;
	if (g) {
		const what = `${fmt.int(g.files)} generated files (${fmt.int(g.words)} words), jsonl`;
		const whatSmall = `${fmt.int(g.small.files)} generated files (${fmt.int(g.small.words)} words), jsonl`;
		rows.push(row(B, `${whatSmall}, --jobs 1`, g.small.jobs1.wordsPerSec, fmt.wps, null, runNote(g.small.jobs1)));
		rows.push(row(B, `${whatSmall}, --jobs 2`, g.small.jobs2.wordsPerSec, fmt.wps, null, runNote(g.small.jobs2)));
		rows.push(row(B, `generated: scaling 1 → 2 jobs (${fmt.int(g.small.files)} files)`, g.small.jobs2.wordsPerSec / g.small.jobs1.wordsPerSec, fmt.ratio));
		rows.push(row(B, `${what}, --jobs 2`, g.jobs2.wordsPerSec, fmt.wps, null, `${runNote(g.jobs2)}; output to a file`));
		rows.push(
			row(
				B,
				`peak RSS, ${fmt.int(g.files)} files, --jobs 2`,
				g.jobs2.peakMB,
				fmt.mb,
				{ op: '<', value: 400 },
				`--jobs 1 over ${fmt.int(g.small.files)} files: ${fmt.mb(g.small.jobs1.peakMB)}`,
			),
		);
		rows.push(
			row(
				B,
				`peak RSS, ${fmt.int(g.files)} files / ${fmt.int(g.small.files)} files (--jobs 2)`,
				g.jobs2.peakMB / g.small.jobs2.peakMB,
				fmt.ratio,
				{ op: '<', value: 1.15 },
				`${fmt.mb(g.jobs2.peakMB)} / ${fmt.mb(g.small.jobs2.peakMB)}: constant in the corpus size`,
			),
		);
		const c = g.compromise;
		rows.push(row(B, `compromise over the first ${fmt.int(c.files)} generated files`, c.wordsPerSec, fmt.wps, null, `peak RSS ${fmt.mb(c.peakMB)}`));
		rows.push(
			row(
				B,
				`--jobs 2 / compromise, the same ${fmt.int(c.files)} files`,
				c.seedLens.wordsPerSec / c.wordsPerSec,
				fmt.ratio,
				null,
				`seed-lens ${fmt.wps(c.seedLens.wordsPerSec)}`,
			),
		);
		const s = g.shards;
		const same = (x) => (x === 0 ? 'identical' : `${fmt.int(x)} differ`);
		rows.push(
			row(
				B,
				`2 shards (--shard, --out), killed and resumed: union vs one run`,
				s.differ,
				same,
				{ op: '<', value: 0.5 },
				`${fmt.int(s.compared)} results compared`,
			),
		);
		rows.push(
			row(
				B,
				'resumed shards: files analysed twice',
				s.analysedAgain,
				fmt.int,
				{ op: '<', value: 0.5 },
				`${fmt.int(s.killedWith)} results written before the kill; the resumed runs skipped ${fmt.int(s.skipped)} and analysed ${fmt.int(s.analysed)}`,
			),
		);
	}
	return rows;
}

// `node bench/batch.mjs` (after `node esbuild.js --production`): this section alone, printed, nothing
// written; BENCH_QUICK=1 for the short form. `npm run bench` runs it with the rest.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const quick = !!process.env.BENCH_QUICK;
	const cfg = quick
		? { newsRuns: 1, compromiseRuns: 1, generated: 1000, small: 200, compromiseFiles: 200 }
		: { newsRuns: 3, compromiseRuns: 2, generated: 100_000, small: 10_000, compromiseFiles: 2000 };
	const paragraphs = paragraphsOf(newsArticles().all);
	mkdirSync(dataDir, { recursive: true });
	const r = await batchThroughput(
		cfg,
		(n) => corpusFolder(paragraphs, n),
		(s) => process.stderr.write(`bench: ${s}\n`),
	);
	for (const x of batchRows(r, { row, fmt }))
		console.log(`${x.name}: ${x.shown}${x.target ? ` (target ${x.target}: ${x.result})` : ''}${x.note ? ` — ${x.note}` : ''}`);
	writeFileSync(join(dataDir, 'batch.json'), JSON.stringify(r, null, 1) + '\n');
}
