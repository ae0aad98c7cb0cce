import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CancellationTokenSource } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../../../server/src/analysis';
import type { DocumentAnalysis } from '../../../server/src/documentAnalysis';
import { IGNORE_COMMAND } from '../../../server/src/features/codeActions';
import { LEARN_COMMAND } from '../../../server/src/features/learn';
import { REVIEW_COMMAND } from '../../../server/src/features/review';
import { FRESHNESS, SeedLanguageService, type AnalysisSource } from '../../../server/src/languageService';
import { LineIndex } from '../../../server/src/positions';
import { defaultSettings } from '../../../server/src/settings';
import { Corpus } from '../../../server/src/workspace/corpus';

// The facade over a fake analysis cache: each feature answers from the analysis its freshness
// policy names, and a request cancelled while its analysis is awaited gets the empty answer at once.

const uri = 'file:///a.seed';
const text = 'date 2021-11-12 Talks\n\nThe minister said on Thursday that Airbus would build a plant in Toulouse.\n';
const analysisOf = (t: string, version: number): DocumentAnalysis => ({ ...analyzeDocument(t), uri, version, text: t, lines: new LineIndex(t) });

/** A cache whose fresh analysis arrives only when the test says so; the latest one is always there. */
function fakeSource() {
	const asked: string[] = [];
	let release: (a: DocumentAnalysis) => void = () => {};
	const fresh = new Promise<DocumentAnalysis>((resolve) => (release = resolve));
	const source: AnalysisSource = {
		get: () => (asked.push('fresh'), fresh),
		latest: async () => (asked.push('latest'), { analysis: analysisOf(text, 1), shift: null }),
		fromText: async (_u, t) => analysisOf(t, 0),
	};
	return { source, asked, release: () => release(analysisOf(text, 2)) };
}

const doc = TextDocument.create(uri, 'seed', 2, text);
const host = {
	document: (u: string) => (u === uri ? doc : undefined),
	settings: () => defaultSettings,
	corpus: () => new Corpus(),
	readFile: async () => text,
	reviewState: async () => 'not-started' as const,
	humanSource: async () => ({}),
	review: { write: async () => {}, changed: () => {}, state: async () => 'not-started' as const, warn: () => {} },
	learn: async () => ({ message: 'learned' }),
	ignore: async () => {},
	indexer: () => ({ state: 'idle' as const }),
};
const at = (s: string) => doc.positionAt(text.indexOf(s) + 1);

test('hover and the outline answer at once from the latest analysis; the other features wait for the fresh one', async () => {
	const { source, asked, release } = fakeSource();
	const service = new SeedLanguageService(source, host);
	const token = new CancellationTokenSource().token;
	const card = await service.hover(uri, at('Airbus'), token);
	assert.match(JSON.stringify(card), /Airbus/);
	assert.ok((await service.documentSymbols(uri, token)).length > 0);
	assert.deepEqual(asked, ['latest', 'latest']);
	const highlights = service.documentHighlight(uri, at('Airbus'), token);
	let answered = false;
	void highlights.then(() => (answered = true));
	await new Promise((resolve) => setImmediate(resolve));
	assert.equal(answered, false, 'a fresh-analysis feature waits');
	release();
	assert.ok((await highlights).length > 0);
	assert.deepEqual(asked, ['latest', 'latest', 'fresh']);
});

test('a request cancelled while its analysis is awaited gets the empty answer without waiting', async () => {
	const { source } = fakeSource();
	const service = new SeedLanguageService(source, host);
	const cts = new CancellationTokenSource();
	const pending = [
		service.definition(uri, at('Airbus'), cts.token),
		service.semanticTokens(uri, undefined, cts.token),
		service.inlayHints(uri, { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, cts.token),
		service.foldingRanges(uri, cts.token),
		service.annotations(uri, cts.token),
		service.suggestions(uri, cts.token),
		service.reviewAnalysis(uri, cts.token),
		service.reviewStatus([uri], cts.token),
	];
	cts.cancel();
	assert.deepEqual(await Promise.all(pending), [null, { data: [] }, [], [], null, null, undefined, []]);
	// Already cancelled: not even the latest analysis is used.
	assert.equal(await service.hover(uri, at('Airbus'), cts.token), null);
});

test('a document that is not open gets the empty answers, and its annotations are read from disk', async () => {
	const { source } = fakeSource();
	const service = new SeedLanguageService(source, host);
	const token = new CancellationTokenSource().token;
	assert.equal(await service.hover('file:///other.seed', { line: 0, character: 0 }, token), null);
	assert.deepEqual(await service.codeLenses('file:///other.seed', token), []);
	const ann = await service.annotations('file:///other.seed', token);
	assert.equal(ann?.header.date, '2021-11-12');
	assert.equal(await service.suggestions('file:///other.seed', token), null);
	const status = await service.reviewStatus(['file:///other.seed'], token);
	assert.deepEqual(
		status.map((s) => [s.uri, s.state]),
		[['file:///other.seed', 'not-started']],
	);
});

test('every request handler of the server calls the service, and nothing else', () => {
	const server = readFileSync(join(__dirname, '..', '..', '..', 'server', 'src', 'server.ts'), 'utf8');
	// Requests, not notifications (`onDid…`: settings, watched files), which change what the service reads, nor the life cycle.
	const handlers = [...server.matchAll(/^connection\.(?!onDid|onInitiali[sz]e|onShutdown)(?:on\w+|languages\.\w+\.on\w*)\(([^\n]*)\);$/gm)].map((m) => m[1]);
	assert.ok(handlers.length >= 20, `${handlers.length} handlers found`);
	const direct = handlers.filter((h) => !/=> service\.\w+\(/.test(h));
	assert.deepEqual(direct, []);
	// A handler written over several lines (as the commands' once was) is not one of the above: there is none.
	const registered = [...server.matchAll(/^connection\.(?!onDid|onInitiali[sz]e|onShutdown)(?:on\w+|languages\.\w+\.on\w*)\(/gm)].length;
	assert.equal(registered, handlers.length);
});

test('a workspace command goes through the service: review, learn, ignore', async () => {
	const seen: string[] = [];
	const service = new SeedLanguageService(fakeSource().source, {
		...host,
		learn: async () => (seen.push('learn'), { message: 'learned' }),
		ignore: async (command) => void seen.push(`ignore ${command}`),
	});
	const token = new CancellationTokenSource().token;
	assert.deepEqual(await service.executeCommand(LEARN_COMMAND, [], token), { message: 'learned' });
	assert.equal(await service.executeCommand(IGNORE_COMMAND, [{}], token), null);
	// A review action reads its analysis from the service: a document that is not open is not annotated.
	const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } };
	assert.deepEqual(await service.executeCommand(REVIEW_COMMAND, [{ uri: 'file:///closed.seed', action: 'accept', range }], token), {
		changed: false,
		message: 'Open the seed file to annotate it.',
	});
	assert.deepEqual(seen, ['learn', `ignore ${IGNORE_COMMAND}`]);
});

test('only hover and the outline answer from an analysis older than the text', () => {
	assert.deepEqual(
		Object.entries(FRESHNESS)
			.filter(([, f]) => f === 'latest')
			.map(([k]) => k),
		['hover', 'documentSymbols'],
	);
});
