#!/usr/bin/env node
// Converts an openly licensed NER corpus to the tagger's training format (`# doc <id>`, TOKEN<TAB>TAG, a blank
// line between sentences), gzip-compressed, keeping PER/ORG/LOC only (see data/ner-train/README.md):
//
//   uner      Universal NER `*.iob2` (ID<TAB>FORM<TAB>TAG<TAB>…, `# newdoc id =` comments). Tags other than
//             PER/ORG/LOC (older releases' OTH, a stray `B-O`) become O.
//   crossner  CrossNER `ner_data/<domain>/*.txt` (FORM<TAB>TAG, no document marks): one document per sentence;
//             person and politician → PER, organisation and politicalparty → ORG, country and location → LOC,
//             every other type (election, event, misc, …) → O, which the trainer treats as unknown for MISC.
//
// Sentences that share a word 8-gram with a MEANTIME text (data/meantime/*.txt) are dropped, so no evaluation
// text is trained on.
//
//   node scripts/convert-ner.mjs uner IN.iob2 OUT.conll.gz [DOC_ID_PREFIX]
//   node scripts/convert-ner.mjs crossner OUT.conll.gz DOC_ID_PREFIX IN.txt...
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [format, ...rest] = process.argv.slice(2);
const usage = () => {
	console.error('usage: node scripts/convert-ner.mjs uner IN.iob2 OUT.conll.gz [DOC_ID_PREFIX]');
	console.error('       node scripts/convert-ner.mjs crossner OUT.conll.gz DOC_ID_PREFIX IN.txt...');
	process.exit(2);
};

const words = (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const grams = (ws) => {
	const g = [];
	for (let i = 0; i + 8 <= ws.length; i++) g.push(ws.slice(i, i + 8).join(' '));
	return g;
};
const meantimeDir = join(import.meta.dirname, '..', 'data', 'meantime');
const evalGrams = new Set();
for (const f of readdirSync(meantimeDir).filter((f) => f.endsWith('.txt')))
	for (const g of grams(words(readFileSync(join(meantimeDir, f), 'utf8')))) evalGrams.add(g);

const lines = [];
let kept = 0;
let dropped = 0;
let tokens = 0;
/** Appends a sentence of [form, tag] pairs unless it shares an 8-gram with MEANTIME; true when kept. */
const addSentence = (sentence) => {
	if (!sentence.length) return false;
	if (grams(words(sentence.map((t) => t[0]).join(' '))).some((g) => evalGrams.has(g))) {
		dropped++;
		return false;
	}
	kept++;
	tokens += sentence.length;
	for (const [w, t] of sentence) lines.push(`${w}\t${t}`);
	lines.push('');
	return true;
};

let out;
if (format === 'uner') {
	const [src, dest, prefix = ''] = rest;
	if (!src || !dest) usage();
	out = dest;
	const KEEP = /^[BI]-(PER|ORG|LOC)$/;
	let sentence = [];
	for (const line of readFileSync(src, 'utf8').split(/\r?\n/)) {
		const doc = /^# newdoc id = (\S+)/.exec(line);
		if (doc) {
			addSentence(sentence);
			sentence = [];
			lines.push(`# doc ${prefix}${doc[1]}`);
		} else if (!line.startsWith('#') && line.trim()) {
			const c = line.split('\t');
			if (/^\d+$/.test(c[0])) sentence.push([c[1], KEEP.test(c[2] ?? '') ? c[2] : 'O']);
		} else if (!line.trim()) {
			addSentence(sentence);
			sentence = [];
		}
	}
	addSentence(sentence);
} else if (format === 'crossner') {
	const [dest, prefix, ...srcs] = rest;
	if (!dest || !prefix || !srcs.length) usage();
	out = dest;
	const TYPES = { person: 'PER', politician: 'PER', organisation: 'ORG', politicalparty: 'ORG', country: 'LOC', location: 'LOC' };
	let n = 0;
	for (const src of srcs) {
		let sentence = [];
		const flush = () => {
			if (sentence.length) {
				const at = lines.length;
				lines.push(`# doc ${prefix}${String(++n).padStart(4, '0')}`);
				if (!addSentence(sentence)) lines.length = at;
			}
			sentence = [];
		};
		for (const line of readFileSync(src, 'utf8').split(/\r?\n/)) {
			if (!line.trim()) {
				flush();
				continue;
			}
			const [form, tag] = line.split('\t');
			const m = /^([BI])-(.+)$/.exec(tag ?? '');
			const type = m && TYPES[m[2]];
			sentence.push([form, type ? `${m[1]}-${type}` : 'O']);
		}
		flush();
	}
} else usage();

writeFileSync(out, gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 }));
console.error(`${out}: ${kept} sentences, ${tokens} tokens kept; ${dropped} sentences dropped (word 8-gram shared with MEANTIME)`);
