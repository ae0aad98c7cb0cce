/**
 * `npm run eval:syntax`: the shipped syntax model on gold-tokenised treebanks, scored as the CoNLL 2018
 * shared task's evaluation does (every word, punctuation included; LAS compares the universal part of
 * the relation). EWT dev is where the settings were tuned; EWT test and PUD (news) were never used for
 * training or tuning.
 *
 *   npm run eval:syntax                 # EWT dev, EWT test, PUD (the ones DIR holds)
 *   npm run eval:syntax -- FILE.conllu  # any CoNLL-U file (or FILE.conllu.gz)
 *   options: --model FILE (default: the shipped model), --data DIR (default: data/ud, which has dev only)
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { hasCorpus, readCorpus } from './corpusFiles';
import { readConllu, SyntaxModel } from '../server/src/analysis/syntax';
import { evaluateModel } from '../server/src/analysis/syntax/train';

const args = process.argv.slice(2);
const flag = (name: string, def: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const root = resolve(__dirname, '..');
const modelFile = flag('model', join(root, 'server/src/analysis/syntax/syntax.bin'));
const dataDir = resolve(root, flag('data', 'data/ud'));
const files = args.filter((a, i) => !a.startsWith('--') && !['--model', '--data'].includes(args[i - 1]));
const sets: [string, string][] = files.length
	? files.map((f) => [f, f])
	: [
			['EWT dev (tuned on)', 'en_ewt-ud-dev.conllu'],
			['EWT test', 'en_ewt-ud-test.conllu'],
			['PUD test (news)', 'en_pud-ud-test.conllu'],
		];

const t0 = performance.now();
const model = new SyntaxModel(readFileSync(modelFile));
const loadMs = performance.now() - t0;
const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
console.log(`model: ${modelFile.replace(root + '/', '')} (loaded in ${loadMs.toFixed(0)} ms)\n`);
console.log('| set | words | UPOS | UAS | LAS |');
console.log('|---|---:|---:|---:|---:|');
// The repository keeps EWT train and dev only; the test sets are scored from a folder given with --data.
let scored = 0;
for (const [name, file] of sets) {
	const [dir, base] = files.length ? [dirname(resolve(file)), basename(file)] : [dataDir, file];
	if (!hasCorpus(dir, base)) {
		console.log(`| ${name} | not in ${dir.replace(root + '/', '')} | | | |`);
		continue;
	}
	scored++;
	const s = evaluateModel(model, readConllu(readCorpus(dir, base)));
	console.log(`| ${name} | ${s.words} | ${pct(s.upos)} | ${pct(s.uas)} | ${pct(s.las)} |`);
}
process.exitCode = scored ? 0 : 1;
