import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { AnalysisPool } from '../../../server/src/analysisPool';
import { defaultOptions } from '../../../server/src/analysis/options';

// The pool over a stand-in for the analysis thread: what the thread prints goes to the log (never
// to the server's standard output, which carries the protocol), and a thread that dies fails its
// job with a message and is replaced for the next one.

const dir = mkdtempSync(join(tmpdir(), 'seed-lens-pool-'));
const worker = join(dir, 'worker.js');
writeFileSync(
	worker,
	`const { parentPort } = require('node:worker_threads');
parentPort.on('message', (job) => {
	if (job.text === 'crash') process.exit(3);
	console.log('stray line from the thread');
	console.error('a warning from the thread');
	parentPort.postMessage({ id: job.id, annotations: { version: 1, header: { date: null, title: null, start: 0, end: 0 }, entities: [], dates: [], claims: [], diagnostics: [] }, paragraphs: [] });
});
`,
);

const waitFor = async (what: () => boolean, ms = 5000) => {
	for (const t0 = Date.now(); !what();) {
		if (Date.now() - t0 > ms) return false;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	return true;
};

test("the analysis thread's standard output and error go to the log, line by line", async () => {
	const log: string[] = [];
	const pool = new AnalysisPool(worker, (m) => log.push(m), 10_000, 1);
	const written: string[] = [];
	const write = process.stdout.write;
	process.stdout.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stdout.write;
	try {
		const result = await pool.run('date 2021-01-05 T', defaultOptions, 'high');
		assert.deepEqual(result.annotations.entities, []);
		assert.ok(await waitFor(() => log.length >= 2), `log: ${JSON.stringify(log)}`);
	} finally {
		process.stdout.write = write;
		pool.dispose();
	}
	assert.ok(log.includes('Analysis thread output: stray line from the thread'), JSON.stringify(log));
	assert.ok(log.includes('Analysis thread error output: a warning from the thread'), JSON.stringify(log));
	assert.ok(!written.join('').includes('stray line'), 'nothing reached the standard output');
});

test('a thread that dies fails its job with a message, and the next job gets a fresh thread', async () => {
	const log: string[] = [];
	const pool = new AnalysisPool(worker, (m) => log.push(m), 10_000, 1);
	try {
		await assert.rejects(pool.run('crash', defaultOptions, 'high'), /exited with status 3/);
		const next = await pool.run('date 2021-01-05 T', defaultOptions, 'high');
		assert.deepEqual(next.annotations.claims, []);
		assert.ok(
			log.some((m) => m.includes('Analysis worker stopped')),
			JSON.stringify(log),
		);
	} finally {
		pool.dispose();
	}
});
