// The syntax layer's speed: the part-of-speech tagger and the parser on the news sentences (warm, one
// thread, tokens/s), the model's cold load in a fresh process, and wink-nlp's part-of-speech tagging of
// the same text (the library a user would otherwise reach for in JavaScript) side by side.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundle } from './build.mjs';
import { throughput } from './core.mjs';
import { root } from './texts.mjs';

const require = createRequire(import.meta.url);
const modelFile = join(root, 'server/src/analysis/syntax/syntax.bin');

/** Builds bench/data/syntax.cjs: the syntax layer and the document model, minified as shipped. */
export function buildSyntax() {
	return bundle(
		`export { SyntaxModel, wordsOf, parseSpan } from './server/src/analysis/syntax'; export { parseDocument } from './server/src/analysis/document';`,
		'syntax.cjs',
	);
}

/** Tagger and parser tokens/s over the sentences of the articles; wink-nlp's tagging of the same text. */
export function measureSyntax(bundle, articles, budgetMs) {
	const m = require(bundle);
	const model = new m.SyntaxModel(require('node:fs').readFileSync(modelFile));
	const sentences = [];
	for (const a of articles) {
		const doc = m.parseDocument(a.text);
		for (const s of doc.sentences) {
			const forms = m.wordsOf(doc.text, doc.tokens.slice(s.first, s.last)).map((w) => w.text);
			if (forms.length) sentences.push(forms);
		}
	}
	const tokens = sentences.reduce((n, s) => n + s.length, 0);
	const infos = sentences.map((s) => model.infos(s));
	const tags = infos.map((w) => model.tag(w));
	const rate = (r) => ({ tokensPerSec: tokens / (r.cpuMs / 1000), wallTokensPerSec: tokens / (r.ms / 1000) });
	const tagger = rate(throughput((i) => model.tag(infos[i]), [...infos.keys()], budgetMs));
	const parser = rate(throughput((i) => model.parse(infos[i], tags[i]), [...infos.keys()], budgetMs));
	// Both from the text, as a stage would: word information (memoised per spelling), tags, tree.
	const both = rate(throughput((s) => model.parse(model.infos(s), model.tag(model.infos(s))), sentences, budgetMs));
	const winkNLP = require('wink-nlp');
	const wink = winkNLP(require('wink-eng-lite-web-model'));
	const its = wink.its;
	const texts = sentences.map((s) => s.join(' '));
	const winkRate = rate(throughput((t) => wink.readDoc(t).tokens().out(its.pos), texts, budgetMs));
	return { tokens, sentences: sentences.length, tagger, parser, both, wink: winkRate };
}

/** Cold load in a fresh process: require of the bundle, reading and decoding the model, one sentence. */
export function syntaxLoad(bundle) {
	const script = `const t0=performance.now();const m=require(${JSON.stringify(bundle)});
const model=new m.SyntaxModel(require('node:fs').readFileSync(${JSON.stringify(modelFile)}));const t1=performance.now();
const w=model.infos(['The','minister','said','so','.']);model.parse(w,model.tag(w));const t2=performance.now();
console.log(JSON.stringify({load:t1-t0,first:t2-t1,bytes:require('node:fs').statSync(${JSON.stringify(modelFile)}).size}));`;
	const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
	try {
		const j = JSON.parse(r.stdout);
		return { ms: j.load + j.first, ...j };
	} catch {
		return { ms: NaN, error: r.stderr.slice(0, 300) };
	}
}
