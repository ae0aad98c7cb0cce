/**
 * `npm run eval:syntax`: the shipped syntax model on gold-tokenised treebanks, scored as the CoNLL 2018
 * shared task's evaluation does (every word, punctuation included; LAS compares the universal part of
 * the relation). EWT dev is where the settings were tuned; EWT test and PUD (news) were never used for
 * training or tuning.
 *
 *   npm run eval:syntax                 # EWT dev, EWT test, PUD
 *   npm run eval:syntax -- FILE.conllu  # any CoNLL-U file
 *   options: --model FILE (default: the shipped model), --data DIR (default: ../shared/ud)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readConllu, SyntaxModel } from '../server/src/analysis/syntax';
import { evaluateModel } from '../server/src/analysis/syntax/train';

const args = process.argv.slice(2);
const flag = (name: string, def: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const root = resolve(__dirname, '..');
const modelFile = flag('model', join(root, 'server/src/analysis/syntax/syntax.bin'));
const dataDir = resolve(root, flag('data', '../shared/ud'));
const files = args.filter((a, i) => !a.startsWith('--') && !['--model', '--data'].includes(args[i - 1]));
const sets: [string, string][] = files.length
	? files.map((f) => [f, f])
	: [
			['EWT dev (tuned on)', join(dataDir, 'en_ewt-ud-dev.conllu')],
			['EWT test', join(dataDir, 'en_ewt-ud-test.conllu')],
			['PUD test (news)', join(dataDir, 'en_pud-ud-test.conllu')],
		];

const t0 = performance.now();
const model = new SyntaxModel(readFileSync(modelFile));
const loadMs = performance.now() - t0;
const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
console.log(`model: ${modelFile.replace(root + '/', '')} (loaded in ${loadMs.toFixed(0)} ms)\n`);
console.log('| set | words | UPOS | UAS | LAS |');
console.log('|---|---:|---:|---:|---:|');
let missing = false;
for (const [name, file] of sets) {
	if (!existsSync(file)) {
		console.log(`| ${name} | missing: ${file} | | | |`);
		missing = true;
		continue;
	}
	const s = evaluateModel(model, readConllu(readFileSync(file, 'utf8')));
	console.log(`| ${name} | ${s.words} | ${pct(s.upos)} | ${pct(s.uas)} | ${pct(s.las)} |`);
}
process.exitCode = missing ? 1 : 0;
