#!/usr/bin/env node
// The corpus section of the bench alone: the server indexes the generated workspace (10,000 files, or
// the number given) and the cross-document requests are timed, as in `npm run bench`. Prints the rows
// and writes nothing but the generated files. Run after `node esbuild.js --production`.
import { corpusRows, indexCorpus } from './corpus.mjs';
import { corpusFolder, folderSize, newsArticles, paragraphsOf } from './texts.mjs';

const files = Number(process.argv[2] ?? 10_000);
const dir = corpusFolder(paragraphsOf(newsArticles().all), files);
const size = folderSize(dir);
const idx = await indexCorpus(dir, { timeoutMs: 240_000 * Math.max(1, files / 10_000) });
console.log(`resident memory after indexing: ${idx.rssMB?.toFixed(1)} MB`);
for (const r of corpusRows(idx, size, files))
	console.log(`${r.name}${r.note ? ` (${r.note})` : ''}: ${r.shown}${r.target ? ` [${r.target}: ${r.result}]` : ''}`);
