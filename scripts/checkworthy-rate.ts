/**
 * How often statements with no source are flagged as check-worthy: flagged sentences per 1,000 body
 * sentences, by reason, over seed files or folders of them (default: samples and data/meantime).
 * `tsx scripts/checkworthy-rate.ts [--list] [PATH...]`; `--list` prints each flagged sentence with its reasons.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../server/src/analysis/analyze';
import { parseDocument } from '../server/src/analysis/document';

const args = process.argv.slice(2);
const list = args.includes('--list');
const roots = args.filter((a) => a !== '--list');
const files = (p: string): string[] =>
	fs.statSync(p).isDirectory()
		? fs
				.readdirSync(p)
				.sort()
				.filter((f) => f.endsWith('.txt') && !/^(?:LICENSE|NOTICE|README)/.test(f))
				.map((f) => path.join(p, f))
		: [p];

for (const root of roots.length ? roots : ['samples', 'data/meantime']) {
	let sentences = 0;
	let flagged = 0;
	const byReason = new Map<string, number>();
	for (const file of files(root)) {
		const text = fs.readFileSync(file, 'utf8');
		const doc = parseDocument(text);
		sentences += doc.sentences.filter((s) => s.start >= doc.bodyStart && s.last > s.first).length;
		for (const c of analyze(text).claims) {
			if (c.kind !== 'unattributed') continue;
			flagged++;
			for (const r of c.reasons ?? []) byReason.set(r, (byReason.get(r) ?? 0) + 1);
			if (list) console.log(`${path.basename(file)}\t${(c.reasons ?? []).join(',')}\t${c.text.replace(/\s+/g, ' ')}`);
		}
	}
	const rate = (n: number) => ((1000 * n) / Math.max(1, sentences)).toFixed(1);
	const reasons = [...byReason].map(([r, n]) => `${r} ${rate(n)}`).join(', ');
	console.log(`${root}: ${sentences} sentences, ${flagged} flagged = ${rate(flagged)} per 1,000 (${reasons})`);
}
