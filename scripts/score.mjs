#!/usr/bin/env node
// Scores a command that honours docs/ANNOTATIONS.md against a folder of seed files with gold.
// Usage: node score.mjs [--gold DIR] --cmd "COMMAND PREFIX" [--batch N] [--json OUT.json]
// DIR holds <id>.txt (seed) + <id>.gold.json ({zone, tasks, gold:{entities, dates, cues}}); default: data/meantime
// of this repository. The command runs as `PREFIX FILE...` (batches of N, default 50) and must print a JSON array.
// Only the tasks listed in the gold files are scored, and only predictions inside each file's zone count.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = { gold: path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'meantime'), batch: '50' };
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const die = (msg) => {
	console.error(msg);
	process.exit(2);
};
if (!args.cmd) die('usage: node score.mjs [--gold DIR] --cmd "COMMAND PREFIX" [--batch N] [--json OUT.json]');

// ---- load gold, run the command ----
const docs = fs
	.readdirSync(args.gold)
	.filter((f) => f.endsWith('.gold.json'))
	.sort()
	.map((f) => {
		const g = JSON.parse(fs.readFileSync(path.join(args.gold, f), 'utf8'));
		const file = path.join(args.gold, `${g.id}.txt`);
		return { ...g, file, words: fs.readFileSync(file, 'utf8').split(/\s+/).filter(Boolean).length };
	});
if (!docs.length) die(`no *.gold.json in ${args.gold}`);
const tasks = new Set(docs.flatMap((d) => d.tasks));
const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
let wall = 0,
	errors = 0;
for (let i = 0; i < docs.length; i += +args.batch) {
	const batch = docs.slice(i, i + +args.batch);
	const t0 = performance.now();
	const r = spawnSync('sh', ['-c', `${args.cmd} ${batch.map((d) => quote(d.file)).join(' ')}`], {
		encoding: 'utf8',
		maxBuffer: 1 << 30,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	wall += performance.now() - t0;
	let out;
	try {
		out = JSON.parse(r.stdout);
	} catch {
		die(`command exited ${r.status} without JSON on stdout: ${String(r.stdout).slice(0, 300)}`);
	}
	if (!Array.isArray(out) || out.length !== batch.length) die(`expected a JSON array of ${batch.length} elements`);
	batch.forEach((d, j) => {
		d.pred = out[j];
		if (out[j].error && ++errors <= 5) console.error(`${d.file}: ${out[j].error}`);
	});
}

// ---- helpers ----
const ov = (a, b) => a.start < b.end && b.start < a.end;
const inZone = (d, x) => x && x.start >= d.zone[0] && x.start < d.zone[1];
const prf = (tpP, nP, tpG, nG) => {
	const p = nP ? tpP / nP : 0,
		r = nG ? tpG / nG : 0;
	return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, nP, nG };
};
const f3 = (x) => x.toFixed(3),
	pct = (x) => (100 * x).toFixed(1) + '%';
const res = { docs: docs.length, errors, wall_s: wall / 1000 };
const lines = [
	`gold ${args.gold}: ${docs.length} docs, ${errors} errors | ${(docs.length / res.wall_s).toFixed(1)} docs/s, ${Math.round(docs.reduce((n, d) => n + d.words, 0) / res.wall_s)} words/s (${res.wall_s.toFixed(1)} s wall)`,
];

// ---- entities: mention level, per type; gold of other types (and predictions touching only them) are ignored ----
if (tasks.has('entities')) {
	const MAP = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC' },
		TYPES = ['PER', 'ORG', 'LOC'];
	const acc = {};
	for (const m of ['exact', 'overlap']) for (const t of [...TYPES, 'micro']) acc[m + t] = [0, 0, 0, 0];
	for (const d of docs.filter((d) => d.tasks.includes('entities'))) {
		const G = d.gold.entities.filter((g) => TYPES.includes(g.type)),
			I = d.gold.entities.filter((g) => !TYPES.includes(g.type));
		const seen = new Set(),
			P = [];
		for (const e of d.pred.entities ?? [])
			for (const m of e.mentions ?? []) {
				const p = { type: MAP[e.type], start: m.start, end: m.end },
					key = `${p.type}:${p.start}:${p.end}`;
				if (p.type && inZone(d, p) && !seen.has(key) && !(I.some((i) => ov(i, p)) && !G.some((g) => ov(g, p)))) {
					seen.add(key);
					P.push(p);
				}
			}
		for (const [mode, match] of [
			['exact', (a, b) => a.type === b.type && a.start === b.start && a.end === b.end],
			['overlap', (a, b) => a.type === b.type && ov(a, b)],
		])
			for (const t of TYPES)
				for (const k of [mode + t, mode + 'micro']) {
					const Pt = P.filter((p) => p.type === t),
						Gt = G.filter((g) => g.type === t);
					acc[k][0] += Pt.filter((p) => Gt.some((g) => match(p, g))).length;
					acc[k][1] += Pt.length;
					acc[k][2] += Gt.filter((g) => Pt.some((p) => match(p, g))).length;
					acc[k][3] += Gt.length;
				}
	}
	res.entities = {};
	lines.push('ENTITIES (mentions; P R F1)');
	for (const t of [...TYPES, 'micro']) {
		const e = prf(...acc['exact' + t]),
			o = prf(...acc['overlap' + t]);
		res.entities[t] = { exact: e, overlap: o };
		lines.push(
			`  ${t.padEnd(5)} exact ${f3(e.p)} ${f3(e.r)} ${f3(e.f1)} | overlap ${f3(o.p)} ${f3(o.r)} ${f3(o.f1)} | gold ${String(e.nG).padStart(4)} pred ${String(e.nP).padStart(4)}`,
		);
	}
}

// ---- dates: gold DATE timexes (not the creation time); values compared after trimming ----
const gran = (v = '') =>
	[
		['ref', /_REF$/],
		['time', /^\d{4}-\d\d-\d\dT/],
		['day', /^\d{4}-\d\d-\d\d$/],
		['week', /^\d{4}-W\d\d$/],
		['month', /^\d{4}-\d\d$/],
		['quarter', /^\d{4}-Q\d$/],
		['season', /^\d{4}-(SP|SU|FA|WI)$/],
		['year', /^\d{4}$/],
		['decade', /^\d{3}$/],
		['century', /^\d\d$/],
		['partial', /X/],
	].find(([, re]) => re.test(v.trim()))?.[0] ?? (v ? 'other' : 'none');
if (tasks.has('dates')) {
	let n = 0,
		found = 0,
		correct = 0,
		nP = 0,
		tpP = 0;
	const byGran = {},
		wrong = {};
	for (const d of docs.filter((d) => d.tasks.includes('dates'))) {
		const scored = d.gold.dates.filter((g) => g.type === 'DATE' && !g.dct),
			other = d.gold.dates.filter((g) => !scored.includes(g));
		const P = (d.pred.dates ?? []).filter((p) => inZone(d, p));
		const same = (p, g) => String(p.value ?? '').trim() === String(g.value).trim();
		for (const g of scored) {
			const hits = P.filter((p) => ov(p, g)),
				ok = hits.some((p) => same(p, g)),
				b = (byGran[gran(g.value)] ||= [0, 0, 0]);
			n++;
			b[0]++;
			if (hits.length) {
				found++;
				b[1]++;
			}
			if (ok) {
				correct++;
				b[2]++;
			}
			if (hits.length && !ok) {
				const k = `${gran(g.value)}→${gran(hits[0].value)}`;
				(wrong[k] ||= []).push(`"${g.text}" ${g.value}→${hits[0].value}`);
			}
		}
		// precision: a wrong prediction that touches a TIME/DURATION/SET or creation-time timex is left out
		const tp = (p) => scored.some((g) => ov(p, g) && same(p, g)),
			counted = P.filter((p) => tp(p) || !other.some((g) => ov(p, g)));
		nP += counted.length;
		tpP += counted.filter(tp).length;
	}
	const v = prf(tpP, nP, correct, n);
	res.dates = {
		gold: n,
		found: found / n,
		value_acc: correct / n,
		value: v,
		by_granularity: byGran,
		wrong: Object.fromEntries(Object.entries(wrong).map(([k, x]) => [k, x.length])),
	};
	lines.push(`DATES  gold ${n}: found ${pct(found / n)}, value accuracy ${pct(correct / n)} | value P ${f3(v.p)} R ${f3(v.r)} F1 ${f3(v.f1)} (${nP} preds)`);
	lines.push(
		'  ' +
			Object.entries(byGran)
				.sort((a, b) => b[1][0] - a[1][0])
				.map(([k, [m, f, c]]) => `${k} ${m}: ${m - f} missed, ${f - c} wrong`)
				.join(' | '),
	);
	const top = Object.entries(wrong)
		.sort((a, b) => b[1].length - a[1].length)
		.slice(0, 15);
	if (top.length) lines.push('  wrong gold→pred: ' + top.map(([k, x]) => `${k} ${x.length} (e.g. ${x[0]})`).join('; '));
}

// ---- claims: predicted claim cues vs gold cues by overlap; source accuracy over matched cues with a gold source ----
if (tasks.has('claims')) {
	let tpP = 0,
		nP = 0,
		tpG = 0,
		nG = 0,
		srcN = 0,
		srcOk = 0;
	for (const d of docs.filter((d) => d.tasks.includes('claims'))) {
		const G = d.gold.cues,
			P = (d.pred.claims ?? []).filter((c) => inZone(d, c.cue));
		nP += P.length;
		tpP += P.filter((c) => G.some((g) => ov(c.cue, g))).length;
		nG += G.length;
		for (const g of G) {
			const hits = P.filter((c) => ov(c.cue, g));
			if (!hits.length) continue;
			tpG++;
			if (g.source) {
				srcN++;
				if (hits.some((c) => c.source && ov(c.source, g.source))) srcOk++;
			}
		}
	}
	const c = prf(tpP, nP, tpG, nG);
	res.claims = { cue: c, source_acc: srcN ? srcOk / srcN : 0, source_n: srcN };
	lines.push(
		`CLAIMS cue P ${f3(c.p)} R ${f3(c.r)} F1 ${f3(c.f1)} (gold ${nG}, pred ${nP}) | source accuracy ${pct(res.claims.source_acc)} of ${srcN} matched cues with a gold source`,
	);
}

const summary = [
	res.entities && `entities_f1=${f3(res.entities.micro.exact.f1)} entities_overlap_f1=${f3(res.entities.micro.overlap.f1)}`,
	res.dates && `dates_value_acc=${f3(res.dates.value_acc)} dates_value_f1=${f3(res.dates.value.f1)}`,
	res.claims && `claims_cue_f1=${f3(res.claims.cue.f1)} claims_source_acc=${f3(res.claims.source_acc)}`,
]
	.filter(Boolean)
	.join(' ');
if (args.json) fs.writeFileSync(args.json, JSON.stringify(res, null, 1) + '\n');
console.log(lines.join('\n'));
console.log(`SUMMARY ${summary}`);
