#!/usr/bin/env node
// Claims, measured: the scorer's claim table (cue P/R/F1, source accuracy) on MEANTIME (data/meantime), on the
// PolNeAR train split when POLNEAR_DIR names it, and on the claims gold of whole articles (data/claims-gold, and the
// fresh news of data/claims-gold-fresh, which no rule was written looking at), with the contents, unattributed
// statements, resolved sources and noise that only that gold describes (scored by claims-gold-score.mjs).
//
//   npm run eval:claims                          # builds, then scores MEANTIME, data/claims-gold and data/claims-gold-fresh
//   npm run eval:claims -- --errors              # also lists every missed claim, wrong source and noise claim
//   POLNEAR_DIR=DIR npm run eval:claims          # also PolNeAR train: DIR holds seed files with .gold.json
//                                                # (materialised), or is the corpus' data/ folder (then
//                                                # POLNEAR_MATERIALIZE names the materialiser script that turns
//                                                # its train split into seed files with gold)
//   POLNEAR_EVERY=4 …                            # score every 4th PolNeAR document only
//
// PolNeAR has no licence: it is read where it lies and nothing of it is written into the repository. Its dev and
// test splits are held-out acceptance sets and are never read here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreClaimsGold } from './claims-gold-score.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = `node ${JSON.stringify(path.join(root, 'dist', 'cli.js'))} analyze --quiet --format json`;
const scorer = path.join(root, 'scripts', 'score.mjs');

/** Runs the scorer on a gold folder and prints its claim lines. */
function score(title, gold) {
	console.log(`\n== ${title}`);
	const r = spawnSync(process.execPath, [scorer, '--gold', gold, '--cmd', cli], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'inherit'] });
	if (r.status !== 0) {
		console.log(r.stdout);
		throw new Error(`the scorer failed on ${gold} (status ${r.status})`);
	}
	for (const line of r.stdout.split('\n')) if (/^(gold |CLAIMS|SUMMARY)/.test(line)) console.log(line);
}

// Folders made for one run, removed when it ends.
const temporaries = [];
function temporary(prefix) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	temporaries.push(dir);
	return dir;
}
process.on('exit', () => {
	for (const dir of temporaries) fs.rmSync(dir, { recursive: true, force: true });
});

function polnear(dir) {
	const golds = (d) => fs.existsSync(d) && fs.readdirSync(d).some((f) => f.endsWith('.gold.json'));
	let folder = dir;
	if (!golds(dir)) {
		if (!fs.existsSync(path.join(dir, 'train', 'text')))
			throw new Error(`POLNEAR_DIR=${dir}: neither seed files with gold nor the corpus' data/ folder (train/text)`);
		const materialize = process.env.POLNEAR_MATERIALIZE;
		if (!materialize || !fs.existsSync(materialize))
			throw new Error('POLNEAR_DIR is the raw corpus: set POLNEAR_MATERIALIZE to the script that materialises it (`node SCRIPT polnear OUTDIR`)');
		folder = temporary('polnear-train-');
		const r = spawnSync(process.execPath, [materialize, 'polnear', folder], {
			cwd: path.dirname(materialize),
			env: { ...process.env, POLNEAR_DIR: dir, POLNEAR_SPLIT: 'train' },
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		if (r.status !== 0) throw new Error('materialising PolNeAR train failed');
	}
	const every = Math.max(1, Number(process.env.POLNEAR_EVERY ?? 1));
	if (every > 1) {
		const sub = temporary('polnear-sub-');
		const ids = fs
			.readdirSync(folder)
			.filter((f) => f.endsWith('.gold.json'))
			.sort()
			.filter((_, i) => i % every === 0);
		for (const g of ids) {
			const id = g.slice(0, -'.gold.json'.length);
			fs.symlinkSync(path.resolve(folder, g), path.join(sub, g));
			fs.symlinkSync(path.resolve(folder, `${id}.txt`), path.join(sub, `${id}.txt`));
		}
		folder = sub;
	}
	score(`PolNeAR train${every > 1 ? ` (every ${every}th document)` : ''}`, folder);
}

// ---- the claims gold: every claim of whole articles, with its kind, cue, source and content ----
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : '–');

function claimsGold(dir, title, what = 'whole articles') {
	const docs = fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.gold.json'))
		.sort()
		.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
	const files = docs.map((d) => path.join(dir, `${d.id}.txt`));
	const r = spawnSync('sh', ['-c', `${cli} ${files.map((f) => `'${f}'`).join(' ')}`], { encoding: 'utf8', maxBuffer: 1 << 28 });
	const out = JSON.parse(r.stdout);
	const { n, u, pred, noise, duplicate, errors } = scoreClaimsGold(docs.map((gold, i) => ({ gold, text: fs.readFileSync(files[i], 'utf8'), pred: out[i] })));
	console.log(`\n== ${title} (${dir.replace(root + path.sep, '')}: ${docs.length} ${what}, ${n.gold} claims)`);
	console.log(
		`ATTRIBUTED gold ${n.attributed}: found ${pct(n.found, n.attributed)} | source right ${pct(n.sourceOk, n.sourceN)} of ${n.sourceN} found with a source, resolved right ${pct(n.resolvedOk, n.sourceN)} (pronouns and descriptions to the mention they stand for) | content overlap ≥ 0.5 ${pct(n.contentOk, n.contentN)} of ${n.contentN} (mean Dice ${(n.contentDice / Math.max(1, n.contentN)).toFixed(2)})`,
	);
	console.log(`UNATTRIBUTED gold ${u.gold}: found ${pct(u.found, u.gold)} | predicted ${u.pred}, right ${pct(u.right, u.pred)}`);
	console.log(
		`NOISE ${noise} of ${pred} predicted claims match no gold claim (${pct(noise, pred)}); ${duplicate} more repeat a claim already listed (${pct(duplicate, pred)})`,
	);
	if (process.argv.includes('--errors'))
		for (const e of errors) {
			const what = e.type === 'noise' ? `${e.kind} ${e.cue ? `“${e.cue}” ` : ''}${e.source ? `(${e.source}) ` : ''}` : '';
			const sources =
				e.type.endsWith('source') || e.type === 'content'
					? `${e.source} for ${e.gold} `
					: e.type === 'missed'
						? `${e.kind} ${e.cue ? `“${e.cue}” ` : ''}(${e.source ?? 'no source'}) `
						: '';
			console.log(`  ${docs[e.doc].id}: ${e.type} ${what}${sources}| ${e.sentence}`);
		}
}

if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `node esbuild.js` first (npm run eval:claims does)');
score('MEANTIME (data/meantime: 120 articles, gold on sentences 1-5)', path.join(root, 'data', 'meantime'));
if (process.env.POLNEAR_DIR) polnear(process.env.POLNEAR_DIR);
score('Claims gold (data/claims-gold: cues and sources)', path.join(root, 'data', 'claims-gold'));
claimsGold(path.join(root, 'data', 'claims-gold'), 'Claims gold');
score('Fresh news (data/claims-gold-fresh: cues and sources)', path.join(root, 'data', 'claims-gold-fresh'));
claimsGold(path.join(root, 'data', 'claims-gold-fresh'), 'Fresh news: claims gold', 'recent articles, whole or their opening');
