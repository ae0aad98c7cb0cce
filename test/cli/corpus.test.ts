// `seed-lens corpus` as a user runs it: the bundled dist/cli.js (build first) over the written reports.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const reports = 'test/fixtures/crossdoc';

function run(...args: string[]) {
	const r = spawnSync(process.execPath, [cli, 'corpus', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('corpus --format json lists the conflicts with both sides, the shared entities and the timeline', () => {
	const r = run('--format', 'json', reports);
	assert.equal(r.status, 0, r.stderr);
	const report = JSON.parse(r.stdout);
	assert.equal(report.documents, 14);
	const pairs = report.conflicts.map((c: any) => `${c.code} ${path.basename(c.a.file)} ${path.basename(c.b.file)}`).sort();
	assert.deepEqual(pairs, [
		'conflicting-date kabul-agency.txt kabul-times.txt',
		'conflicting-figure election-a.txt election-b.txt',
		'conflicting-figure election-b.txt election-c.txt',
		'conflicting-figure flood-courier.txt flood-herald.txt',
		'conflicting-figure kabul-agency.txt kabul-notes.txt',
		'conflicting-figure kabul-agency.txt kabul-times.txt',
		'conflicting-figure kabul-notes.txt kabul-times.txt',
		'conflicting-figure libya-daily.txt libya-review.seed',
		'conflicting-figure libya-daily.txt libya-wire.txt',
	]);
	const libya = report.conflicts.find((c: any) => c.a.file.endsWith('libya-daily.txt') && c.b.file.endsWith('libya-wire.txt'));
	assert.match(libya.a.message, /200 mercenaries here; 300 foreign mercenaries in libya-wire\.txt \(2021-11-11/);
	assert.equal(libya.a.line, 3);
	const lines = fs.readFileSync(path.join(root, libya.b.file), 'utf8').split('\n');
	assert.equal(lines[libya.b.line - 1].slice(libya.b.column - 1, libya.b.column + 2), '300');
	const haftar = report.entities.find((e: any) => e.name === 'Khalifa Haftar');
	assert.equal(haftar.documents, 3);
	assert.ok(report.timeline.length > 5);
	const values = report.timeline.map((p: any) => p.value);
	assert.deepEqual(values, [...values].sort());
});

test('corpus --format text prints the same conflicts in words', () => {
	const r = run(reports);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /^14 documents · \d+ entities in several · \d+ dates · 9 conflicts/);
	assert.match(
		r.stdout,
		/conflicting-date {2}\S*kabul-agency\.txt:3:\d+ {2}Dates disagree for the same event \(explode\): “Thursday” \(2022-04-21\) here; “Friday” \(2022-04-22\)/,
	);
});

test('corpus over reports that agree finds no conflict; bad arguments exit 2 and unreadable files 1', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-lens-corpus-'));
	try {
		fs.writeFileSync(path.join(dir, 'a.txt'), 'date 2021-11-11 A\n\nKhalifa Haftar said 300 mercenaries would leave Libya.\n');
		fs.writeFileSync(path.join(dir, 'b.txt'), 'date 2021-11-12 B\n\nKhalifa Haftar said about 300 mercenaries would leave.\n');
		const r = run('--format', 'json', dir);
		assert.equal(r.status, 0, r.stderr);
		assert.deepEqual(JSON.parse(r.stdout).conflicts, []);
		assert.equal(run('--format', 'xml', dir).status, 2);
		assert.equal(run().status, 2);
		const missing = run(path.join(dir, 'nope.txt'));
		assert.equal(missing.status, 1);
		assert.match(missing.stderr, /cannot read/);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
