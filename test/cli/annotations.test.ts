// seed-lens export, import and agree on real seed files, through the built command line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const SEEDS = ['001_port_strike.txt', '002_vaccine_trial.txt'];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-lens-ann-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const run = (args: string[], input?: string) => spawnSync(process.execPath, [cli, ...args], { cwd: tmp, encoding: 'utf8', input });
const read = (p: string) => fs.readFileSync(p, 'utf8');
const cp = (text: string, utf16: number) => [...text.slice(0, utf16)].length;

/** A folder with copies of the sample seeds. */
function corpus(name: string): string {
	const dir = path.join(tmp, name);
	fs.mkdirSync(dir, { recursive: true });
	for (const f of SEEDS) fs.copyFileSync(path.join(root, 'samples', f), path.join(dir, f));
	return dir;
}

/** A brat T line for the n-th occurrence of a text in a seed. */
function tLine(text: string, id: string, type: string, needle: string, nth = 0): string {
	let at = -1;
	for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
	assert.ok(at >= 0, `“${needle}” is in the seed`);
	return `${id}\t${type} ${cp(text, at)} ${cp(text, at + needle.length)}\t${needle}`;
}

test('brat → Seed Lens → brat is lossless: an imported brat folder exports the same .ann files, unknown lines included', () => {
	const brat = corpus('brat-in');
	const text = read(path.join(brat, SEEDS[0]));
	const ann =
		[
			tLine(text, 'T1', 'ORG', 'FNV'),
			'A1\tVerified T1',
			tLine(text, 'T2', 'PERSON', 'Marta Jansen'),
			tLine(text, 'T3', 'DATE', 'Monday'),
			'N1\tReference T3 TIMEX3:2019-03-04',
			tLine(text, 'T4', 'GPE', 'Rotterdam'),
			'A2\tRejected T4',
			'#1\tAnnotatorNotes T2\tunion leader',
			'E1\tStrike:T3',
			'#2\tSeedLensState *\tdone',
		].join('\n') + '\n';
	fs.writeFileSync(path.join(brat, SEEDS[0].replace('.txt', '.ann')), ann);
	const workspace = path.join(tmp, 'workspace');
	const imported = run(['import', '--format', 'brat', brat, workspace]);
	assert.equal(imported.status, 0, imported.stderr);
	assert.equal(read(path.join(workspace, SEEDS[0])), text, 'the seed is copied as it was');
	const out = path.join(tmp, 'brat-out');
	const exported = run(['export', '--format', 'brat', '--human-only', '--out', out, workspace]);
	assert.equal(exported.status, 0, exported.stderr);
	assert.equal(read(path.join(out, SEEDS[0].replace('.txt', '.ann'))), ann);
	assert.equal(read(path.join(out, SEEDS[0])), text);
	// Importing again changes nothing; a different .ann is not overwritten without --replace.
	assert.equal(run(['import', '--format', 'brat', brat, workspace]).status, 0);
	fs.writeFileSync(path.join(brat, SEEDS[0].replace('.txt', '.ann')), ann.replace('PERSON', 'ORG'));
	const clash = run(['import', '--format', 'brat', brat, workspace]);
	assert.equal(clash.status, 1);
	assert.match(clash.stderr, /exists with other annotations; kept/);
	assert.equal(read(path.join(workspace, SEEDS[0].replace('.txt', '.ann'))), ann);
});

test('brat’s own reader opens every exported file: each span’s text at its offsets, a span across lines as brat’s fragments, after emoji too', () => {
	const dir = corpus('for-brat');
	const seed =
		'date 2024-03-05 Floods 🌊 in Kenya\n\nPresident William Ruto 😀 said on Monday that “40 people died\nin Nairobi”, and the Kenya Red\nCross said 2,000 families were displaced.\n';
	fs.writeFileSync(path.join(dir, 'wrapped.txt'), seed);
	// A name wrapped over two lines, as a person marks it: brat's fragments, and the older single span.
	const red = seed.indexOf('Kenya Red');
	const nl = seed.indexOf('\n', red);
	const c = (u: number) => cp(seed, u);
	fs.writeFileSync(
		path.join(dir, 'wrapped.ann'),
		`T1\tORG ${c(red)} ${c(nl)};${c(nl + 1)} ${c(nl + 6)}\tKenya Red Cross\n${tLine(seed, 'T2', 'PERSON', 'William Ruto')}\n`,
	);
	const out = path.join(tmp, 'for-brat-out');
	const r = run(['export', '--format', 'brat', '--out', out, dir]);
	assert.equal(r.status, 0, r.stderr);
	// The person's span across lines is read as one entity, not reported as discontinuous.
	const json = JSON.parse(run(['analyze', '--format', 'json', path.join(dir, 'wrapped.txt')]).stdout)[0];
	assert.ok(
		json.entities.some((e: { name: string; origin: string }) => e.name === 'Kenya Red\nCross' || e.name === 'Kenya Red Cross'),
		JSON.stringify(json.entities.map((e: { name: string }) => e.name)),
	);
	assert.ok(!json.diagnostics.some((d: { code: string }) => d.code === 'annotation-file'), JSON.stringify(json.diagnostics));
	const py = spawnSync('python3', [path.join(root, 'test/brat/read.py'), out], { encoding: 'utf8' });
	assert.equal(py.error, undefined, 'python3 runs brat’s reader (.ci/run installs it)');
	assert.equal(py.status, 0, py.stderr);
	const read = JSON.parse(py.stdout) as { files: number; t_lines: number; t_parsed: number; other_lines: number; other_parsed: number; failures: string[] };
	assert.deepEqual(read.failures, []);
	assert.equal(read.files, SEEDS.length + 1);
	assert.ok(read.t_lines > 20);
	assert.equal(read.t_parsed, read.t_lines);
	assert.equal(read.other_parsed, read.other_lines);
	// A suggestion wrapped over two lines (the source "the Kenya Red Cross") is written as two fragments.
	assert.match(fs.readFileSync(path.join(out, 'wrapped.ann'), 'utf8'), /^T(?!1\t)\d+\t\w+ \d+ \d+;\d+ \d+\t/m);
});

test('export for other tools: --clean leaves out rejected suggestions and the review state, --inception also what INCEpTION cannot import, and each says what it left out', () => {
	const dir = corpus('for-tools');
	const text = read(path.join(dir, SEEDS[0]));
	const ann =
		[
			tLine(text, 'T1', 'ORG', 'FNV'),
			'A1\tVerified T1',
			tLine(text, 'T2', 'DATE', 'Monday'),
			'N1\tReference T2 TIMEX3:2019-03-04',
			tLine(text, 'T3', 'GPE', 'Rotterdam'),
			'A2\tRejected T3',
			'#1\tAnnotatorNotes T3\tnot the city here',
			'#2\tAnnotatorNotes T1\tunion',
			'*\tEquiv T1 T2',
			'#3\tSeedLensState *\tdone',
		].join('\n') + '\n';
	const annFile = path.join(dir, SEEDS[0].replace('.txt', '.ann'));
	fs.writeFileSync(annFile, ann);
	const clean = path.join(tmp, 'clean');
	const c = run(['export', '--format', 'brat', '--human-only', '--clean', '--out', clean, dir]);
	assert.equal(c.status, 0, c.stderr);
	assert.match(c.stderr, /left out 1 rejected suggestion, 1 line on a rejected suggestion, 1 review-state note/);
	const lines = (f: string) => read(f).split('\n').filter(Boolean);
	assert.deepEqual(lines(path.join(clean, SEEDS[0].replace('.txt', '.ann'))), [
		ann.split('\n')[0],
		'A1\tVerified T1',
		ann.split('\n')[2],
		'N1\tReference T2 TIMEX3:2019-03-04',
		'#2\tAnnotatorNotes T1\tunion',
		'*\tEquiv T1 T2',
	]);
	const conf = read(path.join(clean, 'annotation.conf'));
	for (const type of ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'OTHER', 'DATE', 'Cue', 'Source', 'Content'])
		assert.match(conf, new RegExp(`^${type}$`, 'm'));
	assert.match(conf, /^Kind\tArg:Cue\|Content, Value:attributed\|quote\|unattributed$/m);
	const inception = path.join(tmp, 'inception');
	const i = run(['export', '--format', 'brat', '--human-only', '--inception', '--out', inception, dir]);
	assert.equal(i.status, 0, i.stderr);
	assert.match(
		i.stderr,
		/left out 1 rejected suggestion, 1 line on a rejected suggestion, 1 review-state note, 1 date value \(N line\), 1 line INCEpTION does not read$/m,
	);
	assert.deepEqual(lines(path.join(inception, SEEDS[0].replace('.txt', '.ann'))), [
		ann.split('\n')[0],
		'A1\tVerified T1',
		ann.split('\n')[2],
		'#2\tAnnotatorNotes T1\tunion',
	]);
	// The workspace's own file is as it was.
	assert.equal(read(annFile), ann);
});

test('export --out into the folder it exports refuses to write over the annotations, and a person’s annotation.conf is kept', () => {
	const dir = corpus('into-itself');
	const annFile = path.join(dir, SEEDS[0].replace('.txt', '.ann'));
	const ann = tLine(read(path.join(dir, SEEDS[0])), 'T1', 'ORG', 'FNV') + '\n';
	fs.writeFileSync(annFile, ann);
	fs.writeFileSync(path.join(dir, 'annotation.conf'), '[entities]\nMine\n');
	const r = run(['export', '--format', 'brat', '--out', dir, dir]);
	assert.equal(r.status, 1);
	assert.match(r.stderr, /--out would write over the annotations it exports; nothing written/);
	assert.match(r.stderr, /annotation\.conf exists with other content; kept as it is/);
	assert.equal(read(annFile), ann);
	assert.equal(read(path.join(dir, 'annotation.conf')), '[entities]\nMine\n');
});

test('export with the suggestions adds each unreviewed one after the person’s lines, and the JSON contract marks origins', () => {
	const dir = corpus('suggest');
	const text = read(path.join(dir, SEEDS[0]));
	const ann = tLine(text, 'T1', 'PERSON', 'Marta Jansen') + '\n';
	fs.writeFileSync(path.join(dir, SEEDS[0].replace('.txt', '.ann')), ann);
	const r = run(['export', '--format', 'brat', path.join(dir, SEEDS[0])]);
	assert.equal(r.status, 0, r.stderr);
	const body = r.stdout.split('\n').slice(1).join('\n');
	assert.ok(body.startsWith(ann), body);
	assert.ok(body.split('\n').filter((l) => /^T\d+\t/.test(l)).length > 5, 'suggestions follow');
	assert.ok(!/\tPERSON \d+ \d+\tMarta Jansen\n[\s\S]*\tPERSON \d+ \d+\tMarta Jansen\n/.test(body), 'the person’s annotation is not repeated as a suggestion');
	const json = JSON.parse(run(['export', '--format', 'json', path.join(dir, SEEDS[0])]).stdout);
	const jansen = json[0].entities.find((e: { mentions: { text: string }[] }) => e.mentions.some((m) => m.text === 'Marta Jansen'));
	assert.equal(jansen.origin, 'human');
	assert.equal(json[0].version, 2);
});

test('CoNLL export gives BIO tags per token, and JSON Lines gives spaCy-style spans in code points', () => {
	const dir = corpus('formats');
	const seed = path.join(dir, SEEDS[0]);
	const text = read(seed);
	fs.writeFileSync(path.join(dir, SEEDS[0].replace('.txt', '.ann')), tLine(text, 'T1', 'PERSON', 'Marta Jansen') + '\n');
	const conll = run(['export', '--format', 'conll', '--human-only', seed]).stdout;
	assert.match(conll, /^-DOCSTART-\tformats\/001_port_strike\.txt\n\n/);
	assert.match(conll, /\nMarta\tB-PERSON\nJansen\tI-PERSON\n/);
	assert.equal(conll.match(/\t[BI]-/g)?.length, 2, 'only the person’s annotation with --human-only');
	const line = JSON.parse(run(['export', '--format', 'jsonl', '--human-only', seed]).stdout);
	assert.equal(line.text, text);
	assert.deepEqual(line.spans, [{ start: text.indexOf('Marta Jansen'), end: text.indexOf('Marta Jansen') + 12, label: 'PERSON', origin: 'human' }]);
	assert.equal(line.meta.file, `formats/${SEEDS[0]}`);
});

test('JSON Lines import places each record by its file or its text, converting code points, and reports spans it cannot use', () => {
	const dir = corpus('jsonl');
	const text = read(path.join(dir, SEEDS[1]));
	const name = text.match(/\b[A-Z][a-z]+ [A-Z][a-z]+\b/g)!.find((w) => text.indexOf(w) > text.indexOf('\n'))!;
	const start = cp(text, text.indexOf(name));
	const records = [
		JSON.stringify({
			text,
			spans: [
				{ start, end: start + name.length, label: 'PER' },
				{ start: 0, end: 4, label: 'WHATEVER' },
			],
		}),
		JSON.stringify({ text: 'date 2024-01-01 New\n\nEmoji 😀 Acme Corp.', spans: [{ start: 29, end: 38, label: 'ORG' }], meta: { file: 'new/emoji.txt' } }),
		'{not json',
	];
	const src = path.join(tmp, 'in.jsonl');
	fs.writeFileSync(src, records.join('\n') + '\n');
	const r = run(['import', '--format', 'jsonl', src, dir]);
	assert.equal(r.status, 1, 'the line that is not JSON makes the run fail');
	assert.match(r.stderr, /in\.jsonl:1: span left out/);
	assert.match(r.stderr, /in\.jsonl:3: not JSON/);
	assert.equal(read(path.join(dir, SEEDS[1].replace('.txt', '.ann'))), `T1\tPERSON ${start} ${start + name.length}\t${name}\n`);
	assert.equal(read(path.join(dir, 'new', 'emoji.ann')), 'T1\tORG 29 38\tAcme Corp\n');
	assert.equal(read(path.join(dir, 'new', 'emoji.txt')), 'date 2024-01-01 New\n\nEmoji 😀 Acme Corp.');
});

test('agree compares two annotators: per-type F1 exact and overlap, kappa, claim sources, and each disagreement with file:line', () => {
	const a = corpus('annotator-a');
	const b = corpus('annotator-b');
	const text = read(path.join(a, SEEDS[0]));
	const cue = text.indexOf('said');
	const claim = (id: number, source: string) =>
		[`T${id}\tCue ${cp(text, cue)} ${cp(text, cue + 4)}\tsaid`, tLine(text, `T${id + 1}`, 'Source', source), `R1\tSource Arg1:T${id} Arg2:T${id + 1}`].join(
			'\n',
		);
	fs.writeFileSync(
		path.join(a, SEEDS[0].replace('.txt', '.ann')),
		[tLine(text, 'T1', 'ORG', 'FNV'), tLine(text, 'T2', 'PERSON', 'Marta Jansen'), tLine(text, 'T3', 'DATE', 'Monday'), claim(4, 'the Dutch union FNV')].join(
			'\n',
		) + '\n',
	);
	fs.writeFileSync(
		path.join(b, SEEDS[0].replace('.txt', '.ann')),
		[tLine(text, 'T1', 'ORG', 'FNV'), tLine(text, 'T2', 'PERSON', 'Jansen'), tLine(text, 'T3', 'GPE', 'Rotterdam'), claim(4, 'FNV')].join('\n') + '\n',
	);
	const r = run(['agree', '--format', 'json', a, b]);
	assert.equal(r.status, 0, r.stderr);
	const got = JSON.parse(r.stdout);
	const type = (t: string) => got.types.find((x: { type: string }) => x.type === t);
	assert.deepEqual([type('ORG').exact.f1, type('ORG').overlap.f1], [1, 1]);
	assert.deepEqual([type('PERSON').exact.f1, type('PERSON').overlap.f1], [0, 1]);
	assert.deepEqual([type('DATE').a, type('DATE').b, type('DATE').exact.f1], [1, 0, 0]);
	assert.deepEqual([type('GPE').a, type('GPE').b], [0, 1]);
	assert.ok(got.kappa.value > 0 && got.kappa.value < 1, `kappa ${got.kappa.value}`);
	assert.deepEqual(got.claims, { a: 1, b: 1, matched: 1, sourceAgreed: 1 });
	const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
	assert.ok(
		got.disagreements.some(
			(d: { file: string; line: number; a: string; b: string }) => d.line === lineOf('Marta') && /Marta Jansen/.test(d.a) && /Jansen/.test(d.b),
		),
	);
	const report = run(['agree', a, b]).stdout;
	assert.match(report, new RegExp(`001_port_strike\\.txt:${lineOf('Monday')}: A: DATE “Monday” · B: nothing`));
	assert.match(report, /Cohen's kappa on \d+ tokens: 0\.\d{3}/);
	const machine = run(['agree', a, '--machine']);
	assert.equal(machine.status, 0, machine.stderr);
	assert.match(machine.stdout, /Agreement of .* \(A\) and the machine \(B\)/);
});

test('export, import and agree say what is wrong with their arguments', () => {
	assert.equal(run(['export', 'samples']).status, 2);
	assert.match(run(['export', '--format', 'xml', 'samples']).stderr, /--format brat, conll, jsonl or json/);
	assert.equal(run(['import', '--format', 'brat', 'only-one']).status, 2);
	assert.equal(run(['agree', 'a']).status, 2);
});

test('train --from learns the reviewed names into .seedlens/model.json, and analyze --model applies them to other seeds', () => {
	const dir = path.join(tmp, 'train');
	fs.mkdirSync(dir, { recursive: true });
	const reviewed = 'date 2024-03-01 Quarry dispute\n\nThe firm Kelso & Dunn said on Friday that talks had failed.\n';
	fs.writeFileSync(path.join(dir, 'reviewed.txt'), reviewed);
	fs.writeFileSync(path.join(dir, 'reviewed.ann'), tLine(reviewed, 'T1', 'ORG', 'Kelso & Dunn') + '\n');
	const r = run(['train', '--from', dir]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stderr, /learned 1 names and 0 rejected suggestions from 1 annotated documents/);
	const model = path.join(dir, '.seedlens', 'model.json');
	assert.deepEqual(JSON.parse(read(model)).names, { 'Kelso & Dunn': { ORG: 1 } });
	const other = path.join(tmp, 'other.txt');
	fs.writeFileSync(other, 'date 2024-03-05 Quarry talks\n\nWorkers met Kelso & Dunn again on Monday.\n');
	const find = (args: string[]) =>
		JSON.parse(run(['analyze', '--format', 'json', ...args, other]).stdout)[0].entities.find((e: { mentions: { text: string }[] }) =>
			e.mentions.some((m) => m.text === 'Kelso & Dunn'),
		);
	// The tagger takes the firm for a person; the model learned from the review corrects it.
	assert.equal(find([])?.type, 'PERSON');
	assert.equal(find(['--model', model])?.type, 'ORG');
	assert.equal(run(['analyze', '--model', path.join(dir, 'reviewed.txt'), other]).status, 1);
	assert.equal(run(['train', '--from', path.join(tmp, 'nothing-here')]).status, 1);
});
