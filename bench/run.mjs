#!/usr/bin/env node
// `npm run bench`: the core's throughput against the alternatives, editor latency through the real
// server, the corpus, the shipped sizes and the pathological inputs, each against its target.
// BENCH_QUICK=1 gives a short run (written to bench/data/, leaving RESULTS.md and results.json alone); BENCH_SKIP_BATCH=1 leaves out the command-line corpus section. Exits 1 when a target is missed by
// more than 20 %. Run after `node esbuild.js --production` (the npm script does).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCore, buildNer } from './build.mjs';
import { batchRows, batchThroughput } from './batch.mjs';
import { measurePathological, taggerLoad } from './core.mjs';
import { corpusRows, indexCorpus } from './corpus.mjs';
import { editorLatency, startLatency } from './editor.mjs';
import { fmt, machine, report, row } from './report.mjs';
import { measureSizes } from './sizes.mjs';
import { buildSyntax, measureSyntax, syntaxLoad } from './syntax.mjs';
import { analysisYoungGenerationMb, inAnalysisThread } from './thread.mjs';
import { corpusFolder, dataDir, folderSize, newsArticles, paragraphsOf, root, seedOfSize } from './texts.mjs';

const quick = !!process.env.BENCH_QUICK;
// The corpus through the CLI: runs per job count on the news, the generated corpus and a smaller one, files compromise reads.
const BATCH_QUICK = { newsRuns: 1, compromiseRuns: 1, generated: 1000, small: 200, compromiseFiles: 200 };
const BATCH_FULL = { newsRuns: 3, compromiseRuns: 2, generated: 100_000, small: 10_000, compromiseFiles: 2000 };
const cfg = quick
	? { budgetMs: 300, edits: 50, restRequests: 20, corpusFiles: 1000, starts: 2, bigMB: 2, timeoutMs: 30_000, corpusTimeoutMs: 60_000, batch: BATCH_QUICK }
	: {
			budgetMs: 2000,
			edits: 200,
			restRequests: 100,
			corpusFiles: 10_000,
			starts: 5,
			bigMB: 10,
			timeoutMs: 90_000,
			corpusTimeoutMs: 240_000,
			batch: BATCH_FULL,
		};
const log = (s) => process.stderr.write(`bench: ${s}\n`);

async function main() {
	const t0 = performance.now();
	const m = machine();
	mkdirSync(dataDir, { recursive: true });
	const rows = [];
	const raw = { cfg };

	log('bundling the analysis core');
	const core = await buildCore();
	const news = newsArticles();
	const paragraphs = paragraphsOf(news.all);
	const sample = readFileSync(join(root, 'samples/000_c1e85f038010932c.txt'), 'utf8');
	const doc1 = seedOfSize(paragraphs, 1e6, 1);
	writeFileSync(join(dataDir, 'seed-1mb.txt'), doc1);
	const newsNote = `${news.all.length} articles`;

	// The core and the alternatives run in a thread set up like the server's analysis threads.
	const young = analysisYoungGenerationMb();
	const thread = young ? `in a thread set up as the server's analysis threads (young generation ${young} MB)` : 'in a worker thread';
	log(`core throughput on ${news.all.length} news articles, ${thread}`);
	const docBig = seedOfSize(paragraphs, cfg.bigMB * 1e6, 10);
	const suite = await inAnalysisThread('coreSuite', [news.all, cfg.budgetMs, sample, quick ? 50 : 300, [doc1, docBig]]);
	const c = (raw.core = suite.core);
	const T = 'Core';
	rows.push(
		row(
			T,
			`whole analysis, news (${fmt.int(c.words)} words)`,
			c.whole.wordsPerSec,
			fmt.wps,
			{ op: '>=', value: 250_000 },
			`${newsNote}; wall ${fmt.wps(c.whole.wallWordsPerSec)}`,
		),
	);
	rows.push(row(T, 'whole analysis, news', c.whole.mbPerSec, fmt.mbps));
	if (c.wholeParsed)
		rows.push(
			row(
				T,
				'whole analysis with claims read from the parse (as the server and the command line run it), news',
				c.wholeParsed.wordsPerSec,
				fmt.wps,
				{ op: '>=', value: 200_000 },
				`wall ${fmt.wps(c.wholeParsed.wallWordsPerSec)}; the row above is without the syntax model`,
			),
		);
	for (const [stage, r] of Object.entries(c.stages)) {
		rows.push(row(T, `stage: ${stage}`, r.wordsPerSec, fmt.wps, null, `${fmt.ms(r.cpuMsPerRound)} per pass over the news`));
		rows.push(row(T, `stage: ${stage}`, r.mbPerSec, fmt.mbps));
	}
	const s = (raw.sample = suite.sample);
	rows.push(row(T, `sample seed (${s.words} words), p50`, s.p50, fmt.ms, { op: '<', value: 5 }, `wall ${fmt.ms(s.wallP50)}`));
	rows.push(row(T, 'sample seed, p99', s.p99, fmt.ms, null, `wall ${fmt.ms(s.wallP99)}`));
	const big1 = (raw.big1 = suite.big[0]);
	rows.push(row(T, `1 MB document (${fmt.int(big1.words)} words)`, big1.cpuMs, fmt.ms, null, `${fmt.wps(big1.wordsPerSec)}; wall ${fmt.ms(big1.ms)}`));
	const big10 = (raw.bigN = suite.big[1]);
	rows.push(
		row(T, `${cfg.bigMB} MB document (${fmt.int(big10.words)} words)`, big10.cpuMs, fmt.ms, null, `${fmt.wps(big10.wordsPerSec)}; wall ${fmt.ms(big10.ms)}`),
	);

	if (c.tagger) {
		rows.push(
			row(
				'Tagger',
				'tagging, news',
				c.tagger.tokensPerSec,
				fmt.tps,
				{ op: '>=', value: 300_000 },
				`${c.tagger.spans} spans; wall ${fmt.tps(c.tagger.wallTokensPerSec)}`,
			),
		);
		const load = (raw.taggerLoad = taggerLoad(await buildNer(), sample));
		rows.push(row('Tagger', 'model load (cold require + first call)', load.ms, fmt.ms, { op: '<', value: 100 }));
	}

	log('syntax: tagger and parser on the news sentences');
	const syntaxBundle = await buildSyntax();
	const sx = (raw.syntax = measureSyntax(syntaxBundle, news.all, cfg.budgetMs));
	const X = 'Syntax';
	rows.push(
		row(
			X,
			`part-of-speech tagger, news (${fmt.int(sx.tokens)} words)`,
			sx.tagger.tokensPerSec,
			fmt.tps,
			{ op: '>=', value: 500_000 },
			`wall ${fmt.tps(sx.tagger.wallTokensPerSec)}`,
		),
	);
	rows.push(
		row(
			X,
			'dependency parser, news (tags given)',
			sx.parser.tokensPerSec,
			fmt.tps,
			{ op: '>=', value: 150_000 },
			`wall ${fmt.tps(sx.parser.wallTokensPerSec)}`,
		),
	);
	rows.push(row(X, 'tag + parse from the words', sx.both.tokensPerSec, fmt.tps, null, `${fmt.int(sx.sentences)} sentences`));
	rows.push(row(X, 'wink-nlp part-of-speech tagging, same text', sx.wink.tokensPerSec, fmt.tps, null, 'readDoc + tokens().out(its.pos)'));
	rows.push(row(X, 'tagger / wink-nlp', sx.tagger.tokensPerSec / sx.wink.tokensPerSec, fmt.ratio));
	const sl = (raw.syntaxLoad = syntaxLoad(syntaxBundle));
	rows.push(
		row(X, 'model load (cold require + read + first sentence)', sl.ms, fmt.ms, { op: '<', value: 150 }, sl.bytes ? `${fmt.bytes(sl.bytes)} model` : sl.error),
	);

	log('alternatives on the same text');
	const alt = (raw.alternatives = await inAnalysisThread('measureAlternatives', [news.all, cfg.budgetMs], false));
	const pairs = { compromise: 'entities', 'chrono-node': 'dates', 'wink-nlp': 'entities' };
	const parse = c.stages['document model'];
	for (const [name, r] of Object.entries(alt)) {
		rows.push(row('Alternatives', `${name}`, r.wordsPerSec, fmt.wps, null, `wall ${fmt.wps(r.wallWordsPerSec)}`));
		const target = name === 'compromise' ? { op: '>=', value: 10 } : null;
		rows.push(row('Alternatives', `whole analysis / ${name}`, c.whole.wordsPerSec / r.wordsPerSec, fmt.ratio, target));
		if (c.wholeParsed && name === 'compromise')
			rows.push(row('Alternatives', `whole analysis with the parse / ${name}`, c.wholeParsed.wordsPerSec / r.wordsPerSec, fmt.ratio, target));
		const st = c.stages[pairs[name]];
		// The pair is the stage with the document model it needs, as the alternative tokenizes too.
		if (st && parse)
			rows.push(row('Alternatives', `document model + ${pairs[name]} / ${name}`, 1 / (1 / parse.wordsPerSec + 1 / st.wordsPerSec) / r.wordsPerSec, fmt.ratio));
	}

	log('editor latency through the server');
	const start = (raw.start = await startLatency(cfg.starts));
	const E = 'Editor';
	rows.push(row(E, `server start → initialize answered, p50 of ${start.runs}`, start.p50, fmt.ms, { op: '<', value: 300 }));
	const ed = (raw.editor = await editorLatency(doc1, { edits: cfg.edits, intervalMs: 20, restRequests: cfg.restRequests, timeoutMs: cfg.timeoutMs }));
	rows.push(row(E, `1 MB didOpen → diagnostics (${ed.diagnosticsMode})`, ed.openToDiagnostics, fmt.ms));
	rows.push(row(E, 'hover p99, 1 MB, at rest', ed.restHover.p99, fmt.ms, { op: '<', value: 10 }, `p50 ${fmt.ms(ed.restHover.p50)}`));
	rows.push(
		row(
			E,
			'documentSymbol p99, 1 MB, at rest',
			ed.restSymbols.p99,
			fmt.ms,
			{ op: '<', value: 10 },
			`p50 ${fmt.ms(ed.restSymbols.p50)}; answer ${fmt.bytes(ed.symbolsBytes)} of JSON`,
		),
	);
	const ty = ed.typing;
	rows.push(
		row(E, `last of ${ty.edits} keystrokes (every ${ty.intervalMs} ms) → fresh diagnostics`, ty.lastEditToDiagnostics, fmt.ms, { op: '<', value: 300 }),
	);
	rows.push(row(E, 'keystroke → fresh diagnostics, p50', ty.freshP50, fmt.ms));
	rows.push(row(E, 'keystroke → fresh diagnostics, p99', ty.freshP99, fmt.ms));
	rows.push(
		row(
			E,
			'hover p99 while typing',
			ty.hover.p99,
			fmt.ms,
			{ op: '<', value: 10 },
			`p50 ${fmt.ms(ty.hover.p50)}; ${ty.superseded} of ${ty.hover.n + ty.symbols.n} requests answered “content modified”`,
		),
	);
	rows.push(row(E, 'documentSymbol p99 while typing', ty.symbols.p99, fmt.ms, { op: '<', value: 10 }, `p50 ${fmt.ms(ty.symbols.p50)}`));

	log(`corpus of ${cfg.corpusFiles} files`);
	const dir = corpusFolder(paragraphs, cfg.corpusFiles);
	const size = folderSize(dir);
	const idx = (raw.corpus = { ...(await indexCorpus(dir, { timeoutMs: cfg.corpusTimeoutMs })), ...size });
	rows.push(...corpusRows(idx, size, cfg.corpusFiles));

	// BENCH_SKIP_BATCH=1 leaves out the command line over the corpora (half an hour with the parse;
	// `node bench/batch.mjs` runs that section alone).
	if (!process.env.BENCH_SKIP_BATCH) {
		raw.batch = await batchThroughput(cfg.batch, (n) => corpusFolder(paragraphs, n), log);
		rows.push(...batchRows(raw.batch, { row, fmt }));
	} else log('command line over the corpora: skipped (BENCH_SKIP_BATCH)');

	log('sizes');
	const sz = (raw.sizes = measureSizes());
	for (const [f, b] of Object.entries(sz.bytes))
		rows.push(
			row(
				'Sizes',
				f,
				b,
				fmt.bytes,
				f.endsWith('.vsix')
					? { op: '<', value: 10e6 }
					: f.endsWith('syntax.bin')
						? { op: '<=', value: 8e6 }
						: f === 'dist/server.js'
							? { op: '<', value: 360e3 }
							: null,
				f.endsWith('.vsix') ? sz.vsixNote : undefined,
			),
		);

	log('pathological inputs');
	// 1 MB is past the parsing limit (claims from the word lists); 195 kB (with the header) is parsed.
	const modelFile = join(root, 'server/src/analysis/syntax/syntax.bin');
	for (const [size, label] of [
		[1_000_000, 'Pathological (1 MB)'],
		[195_000, 'Pathological (195 kB, parsed)'],
	]) {
		const pat = measurePathological(join(dataDir, 'core.cjs'), Object.keys(core.pathological), size, sample, quick ? 10_000 : 30_000, modelFile);
		raw[size === 1_000_000 ? 'pathological' : 'pathologicalParsed'] = pat;
		for (const [name, r] of Object.entries(pat))
			rows.push(row(label, name, r.ms, fmt.ms, { op: '<', value: 2000 }, r.error ?? `wall ${fmt.ms(r.wallMs)}; process CPU ${fmt.ms(r.processMs)}`));
	}

	const failed = report(m, rows, raw, { quick, totalMs: performance.now() - t0 });
	process.exit(failed ? 1 : 0);
}

main().catch((e) => {
	console.error(e);
	process.exit(2);
});
