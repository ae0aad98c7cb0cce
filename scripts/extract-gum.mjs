#!/usr/bin/env node
// Builds data/gum/gum-open.conllu.gz from a checkout of the GUM corpus (github.com/amir-zeldes/gum):
// the documents of the genres whose texts are openly licensed (news, interview, voyage, bio, academic,
// court, less court_carpet), basic trees only: ID..DEPREL with DEPS `_` and MISC reduced to SpaceAfter=No,
// comments reduced to sent_id and text. See data/gum/README.md.
//
//   node scripts/extract-gum.mjs GUM_CHECKOUT [OUT]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [src, out = 'data/gum/gum-open.conllu.gz'] = process.argv.slice(2);
if (!src) {
	console.error('usage: node scripts/extract-gum.mjs GUM_CHECKOUT [OUT]');
	process.exit(2);
}
const GENRES = new Set(['news', 'interview', 'voyage', 'bio', 'academic', 'court']);
const DROPPED = new Set(['GUM_court_carpet']);
const files = readdirSync(join(src, 'dep'))
	.filter((f) => /^GUM_[a-z]+_.+\.conllu$/.test(f))
	.filter((f) => GENRES.has(f.split('_')[1]) && !DROPPED.has(f.replace(/\.conllu$/, '')))
	.sort();
const lines = [];
let words = 0;
for (const f of files) {
	lines.push(`# newdoc id = ${f.replace(/\.conllu$/, '')}`);
	for (const line of readFileSync(join(src, 'dep', f), 'utf8').split(/\r?\n/)) {
		if (line.startsWith('# sent_id =') || line.startsWith('# text =') || line === '') lines.push(line);
		else if (!line.startsWith('#')) {
			const c = line.split('\t');
			if (/^\d+$/.test(c[0])) words++;
			c[8] = '_';
			c[9] = /(^|\|)SpaceAfter=No(\||$)/.test(c[9]) ? 'SpaceAfter=No' : '_';
			lines.push(c.join('\t'));
		}
	}
}
const text =
	lines
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim() + '\n\n';
writeFileSync(out, gzipSync(Buffer.from(text), { level: 9, mtime: 0 }));
console.log(`${files.length} documents, ${words} words -> ${out}`);
