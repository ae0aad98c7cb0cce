// Core throughput: the whole analysis and each stage, warm, single thread, on the same news text
// as the alternatives (compromise, chrono-node, wink-nlp); the sample seed's latency; the tagger;
// the generated 1 MB and 10 MB documents; the pathological inputs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { countWords, root } from './texts.mjs';

const require = createRequire(import.meta.url);

/**
 * Runs `fn` over every input once to warm up, then repeatedly until `budgetMs` has passed. Returns
 * the wall time and the process CPU time per round: on a shared machine the CPU time is the
 * steadier measure of single-thread speed (it also counts the garbage collector's helper threads).
 */
export function throughput(fn, inputs, budgetMs) {
	warmUp(() => inputs.forEach(fn), budgetMs);
	let rounds = 0;
	const t0 = performance.now();
	const c0 = process.cpuUsage();
	let ms = 0;
	do {
		for (const x of inputs) fn(x);
		rounds++;
		ms = performance.now() - t0;
	} while (ms < budgetMs);
	const c = process.cpuUsage(c0);
	return { rounds, ms: ms / rounds, cpuMs: (c.user + c.system) / 1000 / rounds };
}

// Warm: at least three passes and the whole budget, so the JIT has settled and lazy tables are built.
function warmUp(pass, budgetMs) {
	const t0 = performance.now();
	for (let i = 0; i < 3 || performance.now() - t0 < budgetMs; i++) pass();
}

/** p-th percentile (0..100) of a list of numbers. */
export function percentile(xs, p) {
	if (!xs.length) return NaN;
	// A measure that never completed (NaN) counts as infinitely slow.
	const s = xs.map((x) => (Number.isNaN(x) ? Infinity : x)).sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

function cpuOnce(fn) {
	const c0 = process.cpuUsage();
	const t0 = performance.now();
	fn();
	const c = process.cpuUsage(c0);
	return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

// The stages as analyze.ts runs them, imported from it (`STAGES`): the label, and where its result goes.
const STAGES = [
	['entities', 'entities', 'entities'],
	['dates', 'dates', 'dates'],
	['claims', 'claims', 'claims'],
	['problems', 'problems', null],
];

/** Measures the core on the news articles; returns rows of { name, wordsPerSec, mbPerSec, ... }. */
export function measureCore(core, articles, budgetMs) {
	const texts = articles.map((a) => a.text);
	const words = texts.reduce((n, t) => n + countWords(t), 0);
	const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
	const rate = (r) => ({
		wordsPerSec: words / (r.cpuMs / 1000),
		mbPerSec: bytes / 1e6 / (r.cpuMs / 1000),
		wallWordsPerSec: words / (r.ms / 1000),
		msPerRound: r.ms,
		cpuMsPerRound: r.cpuMs,
	});
	const out = { words, bytes, files: texts.length, whole: null, stages: {} };
	// The stages run chained on a fresh parse each time, exactly as analyze.ts calls them (a stage
	// may cache on the document, so reusing one parsed document would flatter it).
	const parse = core.document.parseDocument;
	const stages = [
		{ label: 'document model', run: (ctx, t) => (ctx.document = parse(t)) },
		...STAGES.map(([label, name, output]) => ({
			label,
			run: (ctx) => {
				const r = core.STAGES[name](ctx);
				if (output) ctx[output] = r;
			},
		})),
	];
	const cpu = () => {
		const c = process.cpuUsage();
		return (c.user + c.system) / 1000;
	};
	const spent = Object.fromEntries(stages.map((x) => [x.label, 0]));
	const pipeline = (t) => {
		const ctx = { options: { ...core.defaultOptions } };
		for (const x of stages) {
			const c0 = cpu();
			x.run(ctx, t);
			spent[x.label] += cpu() - c0;
		}
		return ctx;
	};
	warmUp(() => texts.forEach(pipeline), budgetMs);
	for (const k of Object.keys(spent)) spent[k] = 0;
	let rounds = 0;
	const t0 = performance.now();
	do {
		texts.forEach(pipeline);
		rounds++;
	} while (performance.now() - t0 < budgetMs);
	for (const [label, ms] of Object.entries(spent)) out.stages[label] = rate({ ms: ms / rounds, cpuMs: ms / rounds });
	const ctxs = texts.map(pipeline);
	// The whole analysis last: the stages before have warmed the same code.
	out.whole = rate(throughput((t) => core.analyze(t), texts, budgetMs));
	// As the server's threads and the command line run it: claims read from the parse of their sentences.
	const modelFile = join(root, 'server/src/analysis/syntax/syntax.bin');
	if (core.SyntaxModel && existsSync(modelFile)) {
		const syntax = new core.SyntaxModel(readFileSync(modelFile));
		out.wholeParsed = rate(throughput((t) => core.analyze(t, { syntax }), texts, budgetMs));
	}
	if (typeof core.ner?.tagEntities === 'function') {
		const tokens = ctxs.reduce((n, c) => n + c.document.tokens.length, 0);
		const r = throughput((c) => core.ner.tagEntities(c.document), ctxs, budgetMs);
		out.tagger = {
			tokensPerSec: tokens / (r.cpuMs / 1000),
			wallTokensPerSec: tokens / (r.ms / 1000),
			spans: ctxs.reduce((n, c) => n + core.ner.tagEntities(c.document).length, 0),
		};
	}
	return out;
}

/**
 * The core's measures in the order the bench reports them, in one thread: throughput over the news
 * (which warms the code), the sample seed's latency, then each large document once.
 */
export function coreSuite(core, articles, budgetMs, sampleText, sampleRuns, bigDocs) {
	const c = measureCore(core, articles, budgetMs);
	const sample = sampleLatency(core, sampleText, sampleRuns);
	return { core: c, sample, big: bigDocs.map((d) => bigDocument(core, d)) };
}

/** The alternatives on the same text, each as words/s. */
export function measureAlternatives(articles, budgetMs) {
	const texts = articles.map((a) => a.text);
	const words = texts.reduce((n, t) => n + countWords(t), 0);
	const rate = (r) => ({ wordsPerSec: words / (r.cpuMs / 1000), wallWordsPerSec: words / (r.ms / 1000) });
	const nlp = require('compromise');
	const chrono = require('chrono-node');
	const winkNLP = require('wink-nlp');
	const wink = winkNLP(require('wink-eng-lite-web-model'));
	const refs = texts.map((t) => {
		const m = /date (\d{4})-(\d\d)-(\d\d)/.exec(t);
		return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 12)) : new Date(Date.UTC(2021, 0, 1, 12));
	});
	const idx = texts.map((_, i) => i);
	return {
		compromise: rate(
			throughput(
				(t) => {
					const d = nlp(t);
					d.people().out('array');
					d.places().out('array');
					d.organizations().out('array');
				},
				texts,
				budgetMs,
			),
		),
		'chrono-node': rate(throughput((i) => chrono.parse(texts[i], refs[i]), idx, budgetMs)),
		'wink-nlp': rate(throughput((t) => wink.readDoc(t).entities().out(), texts, budgetMs)),
	};
}

/** Warm latency of one small document: the median and p99 of `n` runs, CPU and wall clock. */
export function sampleLatency(core, text, n) {
	for (let i = 0; i < 200; i++) core.analyze(text);
	const xs = Array.from({ length: n }, () => cpuOnce(() => core.analyze(text)));
	const cpu = xs.map((x) => x.cpuMs),
		wall = xs.map((x) => x.ms);
	return { p50: percentile(cpu, 50), p99: percentile(cpu, 99), wallP50: percentile(wall, 50), wallP99: percentile(wall, 99), words: countWords(text) };
}

/** One warm run of the whole analysis over a large document (no size limit). */
export function bigDocument(core, text) {
	const { ms, cpuMs } = cpuOnce(() => core.analyze(text, { maxFileSize: Infinity }));
	const words = countWords(text);
	return { ms, cpuMs, words, mb: Buffer.byteLength(text) / 1e6, wordsPerSec: words / (cpuMs / 1000), wallWordsPerSec: words / (ms / 1000) };
}

/**
 * Analysis time of each pathological input of `size` code units, each in a fresh process (after a
 * warm-up on `warmText`) so that a super-linear case is stopped at `timeoutMs` instead of hanging.
 * `ms` is the CPU time of the analysing thread alone (Linux: /proc/thread-self/stat; elsewhere the
 * process's, which also counts V8's garbage-collection and compiler helper threads, up to half as
 * much again on these inputs); `processMs` and `wallMs` are given beside it.
 */
export function measurePathological(bundle, names, size, warmText, timeoutMs, modelFile) {
	const out = {};
	// With the syntax model, as the editor and the command line analyse (claims read from the parse up to
	// the default parsing limit).
	const opts = modelFile
		? `{maxFileSize:Infinity,syntax:new c.SyntaxModel(require('fs').readFileSync(${JSON.stringify(modelFile)}))}`
		: '{maxFileSize:Infinity}';
	for (const name of names) {
		const script = `const c=require(${JSON.stringify(bundle)});const o=${opts};for(let i=0;i<20;i++)c.analyze(${JSON.stringify(warmText)},o);
const fs=require('fs');const own=()=>{try{const f=fs.readFileSync('/proc/thread-self/stat','utf8').split(') ').pop().split(' ');return (Number(f[11])+Number(f[12]))*10;}catch{return NaN;}};
const t=c.pathological[${JSON.stringify(name)}](${size});const c0=process.cpuUsage();const o0=own();const t0=performance.now();c.analyze(t,o);
const wallMs=performance.now()-t0;const u=process.cpuUsage(c0);const processMs=(u.user+u.system)/1000;const thread=own()-o0;
console.log(JSON.stringify({wallMs,processMs,ms:Number.isFinite(thread)?thread:processMs,chars:t.length}));`;
		const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: timeoutMs });
		try {
			out[name] = { ...JSON.parse(r.stdout), error: null };
		} catch {
			out[name] = {
				ms: NaN,
				error: r.error?.code === 'ETIMEDOUT' ? `stopped after ${timeoutMs / 1000} s` : (r.stderr || '').trim().split('\n').slice(0, 2).join(' ').slice(0, 200),
			};
		}
	}
	return out;
}

/** Cold tagger load in a fresh process: require of the bundle plus the first call on the sample. */
export function taggerLoad(nerBundle, sampleText) {
	const script = `const t0=performance.now();const m=require(${JSON.stringify(nerBundle)});const t1=performance.now();
const d=m.parseDocument(${JSON.stringify(sampleText)});const t2=performance.now();m.tagEntities(d);const t3=performance.now();
console.log(JSON.stringify({require:t1-t0,first:t3-t2}));`;
	const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
	try {
		const j = JSON.parse(r.stdout);
		return { ms: j.require + j.first, ...j };
	} catch {
		return { ms: NaN, error: r.stderr.slice(0, 300) };
	}
}
