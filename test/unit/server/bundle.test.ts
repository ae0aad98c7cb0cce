import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';

// The server's own bundle carries only the core code its thread calls (the analysis runs on the
// analysis threads, which load their own bundle): a settings module that imported the core's barrel
// once pulled the lexicon and ~25 core modules into it (≈ 422 kB instead of ≈ 250 kB minified).

const root = join(__dirname, '..', '..', '..');

/** Core modules the server's thread calls, and why. */
const CALLED: Record<string, string> = {
	'server/src/analysis/options.ts': 'default options for the settings',
	'server/src/analysis/header.ts': 'recognising seed files by their header',
	'server/src/analysis/sections.ts': 'which documents keep to one analysis thread',
	'server/src/analysis/document.ts': 'the facts compared across documents are read from a document model (crossdoc/facts.ts)',
	'server/src/analysis/entities/evidence.ts': "a hover's first line names the tagger's confidence",
	'server/src/analysis/memory.ts': "the word forms and figures read on the server's thread are held by the core's one memory",
	'server/src/analysis/sentences.ts': "a claim hover splits the cue's sentence into words",
	'server/src/analysis/tokens.ts': "a claim hover splits the cue's sentence into words",
	'server/src/analysis/wordForms.ts': "the words of a claim hover's sentence have their spellings",
	'server/src/analysis/ner/features.ts': "the word hash the parser's features share with the tagger",
	'server/src/analysis/checks/numbers.ts': 'figures compared across documents',
	'server/src/analysis/claims/checkworthy.ts': "the code actions word an unattributed claim's reasons",
};
/** Folders of the core whose modules the server's thread calls. */
const CALLED_FOLDERS = [
	'server/src/analysis/syntax/', // a claim hover parses the cue's sentence
	'server/src/analysis/crossdoc/', // the index compares figures and dates across documents
	'server/src/analysis/human/', // the .ann files and the learned model are read and written on the server's thread
];

/** The limit on the minified server bundle, with room for the features to grow (362 kB with the syntax layer's fast scorers). */
const MAX_BYTES = 375_000;

test('the server bundle holds no analysis code its thread does not call, and stays small', async () => {
	const result = await esbuild.build({
		entryPoints: [join(root, 'server/src/server.ts')],
		bundle: true,
		format: 'cjs',
		platform: 'node',
		target: 'node20',
		minify: true,
		write: false,
		metafile: true,
		outdir: join(root, 'dist'),
		logLevel: 'silent',
	});
	const inputs = Object.keys(Object.values(result.metafile.outputs)[0].inputs).map((f) => relative(root, join(root, f)));
	const core = inputs.filter((f) => f.startsWith('server/src/analysis/'));
	const unexpected = core.filter((f) => !CALLED[f] && !CALLED_FOLDERS.some((d) => f.startsWith(d)));
	assert.deepEqual(unexpected, [], 'core modules in the server bundle that its thread does not call (import types only, or from the module itself)');
	const bytes = result.outputFiles[0].contents.length;
	assert.ok(bytes < MAX_BYTES, `the server bundle is ${bytes} bytes, over ${MAX_BYTES}`);
});

test('the analysis threads load no LSP library: their bundle holds none of its code, whatever the lint list names', async () => {
	const result = await esbuild.build({
		entryPoints: [join(root, 'server/src/analysisWorker.ts')],
		bundle: true,
		format: 'cjs',
		platform: 'node',
		target: 'node20',
		write: false,
		metafile: true,
		outdir: join(root, 'dist'),
		logLevel: 'silent',
	});
	const inputs = Object.keys(result.metafile.inputs).map((f) => relative(root, join(root, f)));
	assert.deepEqual(
		inputs.filter((f) => /node_modules\/(vscode-languageserver|vscode-jsonrpc)/.test(f)),
		[],
	);
});
