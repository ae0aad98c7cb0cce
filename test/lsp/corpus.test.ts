/** Protocol tests: the background index of the workspace's seed files, file events, exclusions and workspace symbols. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hover, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { analyze } from './analyzeAsServer';
import { FIXTURES, positionAt, read, Session, uriOf, workspaceCopy } from './harness';

const CREATED = 1,
	DELETED = 3;

describe('the corpus index', () => {
	let s: Session;
	let root: string;

	before(async () => {
		root = workspaceCopy();
		fs.mkdirSync(path.join(root, 'archive'));
		fs.copyFileSync(path.join(FIXTURES, 'port-strike.txt'), path.join(root, 'archive', 'old-strike.txt'));
		s = await Session.start({ root });
	});
	after(() => s.kill());

	test('indexing reports work-done progress from begin to end', async () => {
		const status = await s.indexed();
		const kinds = s.progress.map((p) => p.value.kind);
		assert.equal(kinds[0], 'begin');
		assert.equal(kinds[kinds.length - 1], 'end');
		assert.equal(status.state, 'ready');
		// Four seed files at the top, one in archive/; notes.txt has no header and is not one.
		assert.equal(status.files, 5);
	});

	test('the server asks the editor to watch seed files and the ignore file', () => {
		const watch = s.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
		const globs = (watch?.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
		assert.ok(globs.includes('**/*.txt') && globs.includes('**/*.seed') && globs.includes('**/.seedlens-ignore.json'));
	});

	test('workspace symbols name an entity once with the number of documents that mention it', async () => {
		const symbols = await s.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'achieng' });
		const grace = symbols.find((x) => x.name === 'Grace Achieng');
		assert.ok(grace, `no Grace Achieng among ${symbols.map((x) => x.name)}`);
		assert.match(grace.containerName!, /^2 documents · \d+ mentions · Person$/);
		assert.ok(['flood-relief.txt', 'vaccine-rollout.seed'].includes(path.basename((grace.location as { uri: string }).uri)));
		const rotterdam = (await s.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'rotterdam' })).find((x) => x.name === 'Rotterdam');
		assert.match(rotterdam!.containerName!, /^2 documents/, 'the copy in archive/ counts');
	});

	test('a created file is indexed and a deleted one forgotten, on file events', async () => {
		const file = path.join(root, 'new-article.txt');
		fs.writeFileSync(
			file,
			'date 2024-01-05 Floods close schools in Valparaíso\n\nSchools in Valparaíso stayed closed on Thursday, the Chilean education ministry said.\n',
		);
		await s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: CREATED }] });
		await s.until('Valparaíso in workspace symbols', async () => (await s.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'valpara' })).length > 0);
		const status = await s.request<{ files: number }>('seedLens/indexStatus', undefined);
		assert.equal(status.files, 6);
		fs.rmSync(file);
		await s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: DELETED }] });
		assert.deepEqual(await s.request('workspace/symbol', { query: 'valpara' }), []);
	});

	test('seedLens.index.exclude leaves matching folders out', async () => {
		const ends = s.progress.filter((p) => p.value.kind === 'end').length;
		await s.configure({ index: { exclude: ['archive/**'] } });
		await s.waitFor('a second indexing run', () => s.progress.filter((p) => p.value.kind === 'end').length > ends);
		const status = await s.request<{ files: number }>('seedLens/indexStatus', undefined);
		assert.equal(status.files, 4);
		const rotterdam = (await s.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'rotterdam' })).find((x) => x.name === 'Rotterdam');
		assert.match(rotterdam!.containerName!, /^1 document /);
	});

	test('turning the index off empties it', async () => {
		await s.configure({ index: { enabled: false } });
		assert.deepEqual(await s.request('seedLens/indexStatus', undefined), { state: 'idle', files: 0, names: 0 });
		assert.deepEqual(await s.request('workspace/symbol', { query: 'kenya' }), []);
	});
});

describe('a large workspace', () => {
	let s: Session;
	let root: string;
	const COUNT = 1500;

	before(() => {
		root = workspaceCopy([path.join(FIXTURES, 'flood-relief.txt')]);
		const body = read(path.join(FIXTURES, 'port-strike.txt')).split('\n').slice(1).join('\n');
		for (let i = 0; i < COUNT; i++) {
			const dir = path.join(root, `batch-${Math.floor(i / 100)}`);
			fs.mkdirSync(dir, { recursive: true });
			fs.writeFileSync(path.join(dir, `article-${i}.txt`), `date 2022-09-${String((i % 28) + 1).padStart(2, '0')} Strike update number ${i}\n${body}`);
		}
	});
	after(() => s?.kill());

	test('hovers are answered while the index is still being built', async () => {
		s = await Session.start({ root });
		const file = path.join(root, 'flood-relief.txt');
		const text = read(file);
		await s.open(uriOf(file), text, 'text');
		await s.waitFor('indexing to begin', () => s.progress.some((p) => p.value.kind === 'begin'));
		const mention = analyze(text).entities[0].mentions[0];
		const hover = await s.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: positionAt(text, mention.start) });
		assert.ok(hover, 'the hover is answered');
		assert.ok(!s.progress.some((p) => p.value.kind === 'end'), 'before indexing ended');
		const status = await s.indexed();
		assert.equal(status.files, COUNT + 1);
		const reports = s.progress.filter((p) => p.value.kind === 'report');
		assert.ok(reports.length > 1 && reports.every((r) => typeof r.value.percentage === 'number'), 'progress is reported in steps');
		assert.equal(await s.stop(), 0);
	});
});
