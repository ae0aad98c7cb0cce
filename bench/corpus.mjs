// The corpus: the server indexing a folder of seed files opened as the workspace root, timed until
// it reports the end of its work-done progress, with the server's peak resident memory. Before
// the server has a workspace index, the CLI over the same folder stands in, and the result says so.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { addReports, measureCrossDoc } from './crossdoc.mjs';
import { cpuOf, memoryOf, startServer } from './lsp.mjs';
import { fmt, row } from './report.mjs';
import { root } from './texts.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Indexes `dir` through the server when it has a workspace index, else through the CLI. */
export async function indexCorpus(dir, { timeoutMs }) {
	if (existsSync(join(root, 'server/src/workspace'))) {
		const r = await serverIndex(dir, timeoutMs);
		if (r.how) return r;
		const cli = await cliOverFolder(dir);
		return { ...cli, note: `${r.note}; measured the CLI over the folder instead` };
	}
	return { ...(await cliOverFolder(dir)), note: 'the server has no workspace index yet (server/src/workspace/); measured the CLI over the folder instead' };
}

async function serverIndex(dir, timeoutMs) {
	const reports = addReports(dir);
	try {
		return await serverIndexWith(dir, timeoutMs, reports);
	} finally {
		reports.remove();
	}
}

async function serverIndexWith(dir, timeoutMs, reports) {
	const t0 = performance.now();
	const server = await startServer({ workspace: dir });
	const p = server.progress;
	// Some progress must begin soon after start-up; then wait until every begun progress has ended.
	let waited = 0;
	while (waited < timeoutMs) {
		if (p.begun > 0 && p.ended >= p.begun) break;
		if (p.begun === 0 && waited > 5000) break;
		if (server.proc.exitCode !== null) break;
		await sleep(50);
		waited += 50;
	}
	const done = p.begun > 0 && p.ended >= p.begun;
	const mem = memoryOf(server.proc.pid);
	const cpuMs = cpuOf(server.proc.pid);
	const result = done
		? { how: 'server', wallMs: p.lastEndAt - t0, cpuMs, peakMB: mem.peakMB, rssMB: mem.rssMB, progress: p.messages.slice(0, 3) }
		: {
				how: null,
				note: p.begun ? `the server's index did not finish within ${timeoutMs / 1000} s` : 'the server reported no work-done progress for the workspace index',
			};
	if (server.proc.exitCode !== null) result.note = `the server exited (${server.proc.exitCode}) while indexing: ${server.stderr().slice(-300)}`;
	else if (done) result.crossDoc = await measureCrossDoc(server, reports);
	await server.stop();
	return result;
}

/** `seed-lens analyze --format json DIR` with its wall time and peak resident memory. */
function cliOverFolder(dir) {
	const cli = join(root, 'dist/cli.js');
	const script = `process.on('exit',()=>process.stderr.write('\\nMAXRSS '+process.resourceUsage().maxRSS+'\\n'));require(${JSON.stringify(cli)});`;
	return new Promise((resolve) => {
		const t0 = performance.now();
		const child = spawn(process.execPath, ['-e', script, cli, 'analyze', '--format', 'json', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
		let err = '';
		child.stderr.on('data', (d) => (err = (err + d).slice(-2000)));
		child.on('exit', (code) => {
			const kb = Number(/MAXRSS (\d+)/.exec(err)?.[1] ?? NaN);
			resolve({ how: 'cli', wallMs: performance.now() - t0, peakMB: kb / 1024, exitCode: code });
		});
	});
}

/** The table rows of the corpus measures: the index, its memory, and the cross-document requests. */
export function corpusRows(idx, size, corpusFiles) {
	const C = 'Corpus';
	const rows = [];
	const what = `${fmt.int(size.files)} files, ${fmt.bytes(size.bytes)}, by the ${idx.how === 'server' ? 'server' : 'CLI'}`;
	const cpu = Number.isFinite(idx.cpuMs) ? `server CPU ${fmt.s(idx.cpuMs)}, all threads` : undefined;
	rows.push(row(C, `index ${what}`, idx.wallMs, fmt.s, { op: '<', value: 30_000 * (corpusFiles / 10_000) }, [idx.note, cpu].filter(Boolean).join('; ')));
	rows.push(row(C, 'peak resident memory', idx.peakMB, fmt.mb, { op: '<', value: 500 }));
	const x = idx.crossDoc;
	if (!x || x.note) return [...rows, row(C, 'across documents', NaN, fmt.ms, null, x?.note ?? 'not measured')];
	rows.push(
		row(
			C,
			'edit one report → the other open report’s conflict updated',
			x.changeToOtherMs,
			fmt.ms,
			{ op: '<', value: 200 },
			`median; slowest ${fmt.ms(x.changeToOtherMaxMs)}; includes the 100 ms typing delay`,
		),
	);
	rows.push(
		row(
			C,
			'timeline opens right after the edits (seedLens/timeline, whole workspace)',
			x.timelineFirstMs,
			fmt.ms,
			{ op: '<', value: 1000 },
			`median of 5 requests ${fmt.ms(x.timelineMs)}; ${fmt.int(x.timelinePoints)} of ${fmt.int(x.timelineTotal)} dates sent`,
		),
	);
	rows.push(row(C, 'entity page (seedLens/entityPage)', x.entityPageMs, fmt.ms, { op: '<', value: 1000 }));
	return rows;
}
