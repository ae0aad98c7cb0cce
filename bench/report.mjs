// The bench's report: rows with their targets, PASS/FAIL, the table (stdout and RESULTS.md) and
// results.json. A target missed by more than 20 % fails the run.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { root } from './texts.mjs';

/** The machine the figures were measured on. */
export function machine() {
	const cpus = os.cpus();
	let commit = 'unknown';
	try {
		commit = execSync('git rev-parse --short HEAD', { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		// not a git checkout
	}
	return {
		cpu: cpus[0]?.model ?? 'unknown',
		cores: cpus.length,
		node: process.version,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		memoryGB: +(os.totalmem() / 2 ** 30).toFixed(1),
		loadAverage: os.loadavg().map((x) => +x.toFixed(2)),
		commit,
		date: new Date().toISOString(),
	};
}

/**
 * A table row. `target` is `{ op: '>=' | '<', value }` or absent for figures shown without one.
 * `format` turns the value into text.
 */
export function row(section, name, value, format, target, note) {
	const r = { section, name, value: Number.isFinite(value) ? value : null, shown: Number.isFinite(value) ? format(value) : 'n/a', note };
	if (target) {
		r.target = `${target.op} ${format(target.value)}`;
		const ok = Number.isFinite(value) && (target.op === '>=' ? value >= target.value : value < target.value);
		const near = Number.isFinite(value) && (target.op === '>=' ? value >= 0.8 * target.value : value < 1.2 * target.value);
		r.result = ok ? 'PASS' : near ? 'FAIL (within 20 %)' : 'FAIL';
		r.blocking = !ok && !near;
	}
	return r;
}

export const fmt = {
	int: (x) => Math.round(x).toLocaleString('en-US'),
	ms: (x) => (x < 10 ? `${x.toFixed(2)} ms` : `${Math.round(x).toLocaleString('en-US')} ms`),
	s: (x) => `${(x / 1000).toFixed(1)} s`,
	mb: (x) => `${x.toFixed(1)} MB`,
	bytes: (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} MB` : `${(x / 1e3).toFixed(1)} kB`),
	ratio: (x) => `${x.toFixed(1)}×`,
	wps: (x) => `${Math.round(x).toLocaleString('en-US')} words/s`,
	tps: (x) => `${Math.round(x).toLocaleString('en-US')} tokens/s`,
	mbps: (x) => `${x.toFixed(2)} MB/s`,
};

function table(rows) {
	const out = ['| Section | Measure | Value | Target | Result |', '|---|---|---|---|---|'];
	for (const r of rows) out.push(`| ${r.section} | ${r.name}${r.note ? ` (${r.note})` : ''} | ${r.shown} | ${r.target ?? ''} | ${r.result ?? ''} |`);
	return out.join('\n');
}

/** Prints the table, writes results.json and RESULTS.md, and returns whether any target failed by > 20 %. */
export function report(m, rows, raw, { quick, totalMs }) {
	const head = [
		`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}; Node ${m.node}; load average at start ${m.loadAverage.join(' / ')}`,
		"Core, tagger and alternatives: in a worker thread set up as the server's analysis threads, per CPU-second of the bench process (wall clock in the notes); pathological inputs: CPU time of the analysing thread (wall clock and process CPU in the notes); editor and corpus: wall clock.",
		`Commit ${m.commit}, ${m.date}${quick ? ', BENCH_QUICK (short run: fewer edits, a 1,000-file corpus)' : ''}${process.env.BENCH_SKIP_BATCH ? ', BENCH_SKIP_BATCH (the command line over the corpora not run; see the README)' : ''}; bench time ${fmt.s(totalMs)}.`,
	];
	const text = table(rows);
	const failed = rows.filter((r) => r.result && r.result !== 'PASS');
	const blocking = rows.filter((r) => r.blocking);
	const verdict = blocking.length
		? `${blocking.length} target(s) missed by more than 20 %: ${blocking.map((r) => r.name).join('; ')}.`
		: failed.length
			? `Every target met or missed by at most 20 % (${failed.length} near miss(es)).`
			: 'Every target met.';
	console.log(['', ...head, '', text, '', verdict].join('\n'));
	// A quick run leaves the committed results alone.
	const json = join(root, quick ? 'bench/data/results.quick.json' : 'bench/results.json');
	writeFileSync(json, JSON.stringify({ machine: m, quick, rows, raw }, null, 1) + '\n');
	if (!quick) {
		const md = [
			'# Benchmark results',
			'',
			'The latest `npm run bench` (see `bench/run.mjs`). Throughputs are warm and single-threaded; words are',
			'whitespace-separated. "News" is the evaluation articles of `data/meantime` plus `samples/`;',
			'the 1 MB / 10 MB documents and the corpus are generated from their paragraphs',
			'into `bench/data/`. Core, tagger and alternatives run in a worker thread with the heap settings of the',
			"server's analysis threads (where the editor's analyses run), and are per CPU-second of the bench process (the",
			'machine is shared with other work; the wall-clock figure is in the note). Each pathological input runs',
			'in a fresh process and is timed by the CPU time of the thread that analyses it (on Linux; the process',
			"CPU time, which also counts V8's garbage-collection and compiler helper threads, and the wall clock are",
			'in the note). Editor and corpus figures are wall-clock. They vary by some per cent from run to run.',
			'',
			...head,
			'',
			text,
			'',
			verdict,
			'',
		].join('\n');
		writeFileSync(join(root, 'bench/RESULTS.md'), md);
	}
	return blocking.length > 0;
}
