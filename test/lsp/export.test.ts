/** Protocol and CLI tests: the `seedLens/annotations` request and the SARIF report. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analyze, type DocumentAnnotations } from './analyzeAsServer';
import { FIXTURES, positionAt, read, ROOT, SAMPLE, Session, uriOf } from './harness';

describe('seedLens/annotations', () => {
	let s: Session;

	before(async () => {
		s = await Session.start();
	});
	after(() => s.kill());

	test('returns the JSON contract of an open document, with file set to its path', async () => {
		const text = read(SAMPLE);
		await s.open(uriOf(SAMPLE), text, 'text');
		const got = await s.request<DocumentAnnotations>('seedLens/annotations', { uri: uriOf(SAMPLE) });
		assert.deepEqual(got, { file: SAMPLE, ...analyze(text) });
		assert.deepEqual(Object.keys(got).slice(0, 2), ['file', 'version']);
	});

	test('reads a seed file from disk when it is not open', async () => {
		const file = path.join(FIXTURES, 'vaccine-rollout.seed');
		const got = await s.request<DocumentAnnotations>('seedLens/annotations', { uri: uriOf(file) });
		assert.deepEqual(got, { file, ...analyze(read(file)) });
	});

	test('answers null for a file that does not exist', async () => {
		assert.equal(await s.request('seedLens/annotations', { uri: uriOf(path.join(FIXTURES, 'missing.txt')) }), null);
	});
});

describe('seed-lens analyze --format sarif', () => {
	const files = [path.join('test/fixtures/corpus', 'flood-relief.txt'), path.join('test/fixtures/corpus', 'election-count.txt')];
	const run = spawnSync(process.execPath, ['dist/cli.js', 'analyze', '--format', 'sarif', ...files], { cwd: ROOT, encoding: 'utf8' });
	const log = JSON.parse(run.stdout || '{}');

	test('prints one SARIF 2.1.0 run and exits 0', () => {
		assert.equal(run.status, 0, run.stderr);
		assert.equal(log.version, '2.1.0');
		assert.equal(log.runs.length, 1);
		assert.equal(log.runs[0].tool.driver.name, 'Seed Lens');
		assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
	});

	test('has one result per claim and problem, with rule ids that are finding codes', () => {
		const results = log.runs[0].results as { ruleId: string; ruleIndex: number }[];
		const expected = files.map((f) => analyze(read(path.join(ROOT, f)))).reduce((n, a) => n + a.claims.length + a.diagnostics.length, 0);
		assert.equal(results.length, expected);
		const rules = log.runs[0].tool.driver.rules as { id: string }[];
		for (const r of results) assert.equal(rules[r.ruleIndex].id, r.ruleId);
		assert.ok(results.every((r) => /^[a-z]+(-[a-z]+)*$/.test(r.ruleId)));
	});

	test('locates each result by 1-based line and column, across CRLF line ends', () => {
		const file = files[1];
		const text = read(path.join(ROOT, file));
		const claim = analyze(text).claims[0];
		const start = positionAt(text, claim.start),
			end = positionAt(text, claim.end);
		const r = (log.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[]).find(
			(x) => x.locations[0].physicalLocation.artifactLocation.uri === file && x.locations[0].physicalLocation.region.charOffset === claim.start,
		);
		assert.ok(r, 'the first claim of the second file is a result');
		assert.deepEqual(r.locations[0].physicalLocation.region, {
			startLine: start.line + 1,
			startColumn: start.character + 1,
			endLine: end.line + 1,
			endColumn: end.character + 1,
			charOffset: claim.start,
			charLength: claim.end - claim.start,
		});
	});
});
