/**
 * `seed-lens export`, `import` and `agree`: a corpus's annotations out to brat, CoNLL, JSON Lines
 * or the JSON contract; brat folders and JSON Lines brought in as `.ann` files beside the seeds;
 * and the agreement of two annotators' folders (or one annotator and the machine).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../analysis';
import { agreement, type Agreement, type ClaimMark, type DocumentPair, type Labelled } from '../analysis/human/agreement';
import { fromJsonl, toBrat, toConll, toJsonl, type Include } from '../analysis/human/formats';
import { humanLayer, type HumanLayer } from '../analysis/human/layer';
import { annotationConf, portableAnn, type Audience } from '../analysis/human/portable';
import { learnNames } from '../analysis/human/learned';
import { annPathOf, readAnnSync, roundTrips, writeAtomic } from '../workspace/annFiles';
import { MODEL_PATH } from '../workspace/learnedModel';
import { listInputs, readSeed } from './files';

export const ANNOTATIONS_USAGE = `       seed-lens export --format brat|conll|jsonl|json [--out DIR] [--human-only] FILE|DIR...
                 brat: NAME.txt and NAME.ann per seed under DIR, and DIR/annotation.conf
                 (the .ann lines as they are, then the suggestions left unreviewed unless
                 --human-only; --clean leaves out rejected suggestions and the review state,
                 --inception also date values and other lines INCEpTION cannot import); conll: TOKEN TAG
                 (BIO) lines; jsonl: {"text","spans":[{"start","end","label"}],"meta"} per
                 seed; json: the analysis contract. Without --out, printed on stdout
                 (brat: one "# FILE" line before each .ann).
       seed-lens import --format brat|jsonl [--replace] SOURCE DIR
                 brat: the .ann of each SOURCE/NAME.txt goes beside DIR/NAME.txt (the seed
                 is copied when DIR has none); jsonl: one record per line, placed by its
                 meta.file or by its text. An existing different .ann is kept unless --replace.
       seed-lens agree [--format text|json] A_DIR B_DIR|--machine
                 agreement of two annotators' .ann files (or A against the analysis):
                 span F1 per type (exact, overlap), Cohen's kappa on tokens, claim sources,
                 and each disagreement as FILE:LINE.
       seed-lens train --from DIR [--out FILE]
                 learns the names of DIR's reviewed .ann files (marked, confirmed, retyped
                 and rejected) into FILE (default DIR/.seedlens/model.json), which the editor
                 uses for the workspace and seed-lens analyze --model FILE applies.`;

type Out = { out: (s: string) => void; err: (s: string) => void };

interface Flags {
	from?: string;
	format?: string;
	out?: string;
	humanOnly: boolean;
	replace: boolean;
	audience?: Audience;
	machine: boolean;
	rest: string[];
}

function flags(args: string[]): Flags | string {
	const f: Flags = { humanOnly: false, replace: false, machine: false, rest: [] };
	for (let i = 0; i < args.length; i++) {
		const [name, inline] = args[i].startsWith('--') && args[i].includes('=') ? args[i].split(/=(.*)/s) : [args[i], undefined];
		const value = () => inline ?? args[++i];
		if (name === '--format') f.format = value();
		else if (name === '--out') f.out = value();
		else if (name === '--from') f.from = value();
		else if (name === '--human-only') f.humanOnly = true;
		else if (name === '--clean' || name === '--inception') f.audience = name === '--clean' && f.audience !== 'inception' ? 'clean' : 'inception';
		else if (name === '--replace') f.replace = true;
		else if (name === '--machine') f.machine = true;
		else if (name.startsWith('-')) return `unknown option “${name}”`;
		else f.rest.push(name);
	}
	return f;
}

/** `seed-lens export`. Resolves to the exit status. */
export async function runExport(args: string[], io: Out): Promise<number> {
	const f = flags(args);
	if (typeof f === 'string') return usage(f, io);
	if (!['brat', 'conll', 'jsonl', 'json'].includes(f.format ?? '')) return usage('export needs --format brat, conll, jsonl or json', io);
	if (!f.rest.length) return usage('export needs a FILE or DIR', io);
	if (f.audience && f.format !== 'brat') return usage('--clean and --inception are for --format brat', io);
	const include: Include = f.humanOnly ? 'human' : 'all';
	const json: unknown[] = [];
	let status = 0;
	if (f.out && f.format === 'brat') await writeConf(path.join(f.out, 'annotation.conf'), io);
	for await (const input of listInputs(f.rest)) {
		let text: string, human: string | undefined;
		try {
			text = readSeed(input.file);
			human = readAnnSync(annPathOf(input.file));
		} catch (e) {
			io.err(`seed-lens: ${input.file}: ${(e as Error).message}\n`);
			status = 1;
			continue;
		}
		const a = analyze(text, human === undefined ? {} : { human });
		const rel = input.rel.replace(/\.[^./]*$/, '');
		if (f.format === 'json') json.push({ file: input.file, ...a });
		else if (f.format === 'jsonl') io.out(toJsonl(a, text, include, input.rel) + '\n');
		else if (f.format === 'conll') {
			const conll = `-DOCSTART-\t${input.rel}\n\n${toConll(a, text, include)}`;
			if (f.out) await write(path.join(f.out, `${rel}.conll`), conll);
			else io.out(conll);
		} else {
			let ann = toBrat(a, text, human, include);
			if (f.audience) {
				const p = portableAnn(ann, f.audience);
				ann = p.text;
				if (p.left.length) io.err(`seed-lens: ${input.rel}: left out ${p.left.join(', ')}\n`);
			}
			if (!f.out) io.out(`# ${input.rel}\n${ann}`);
			else if (path.resolve(f.out, `${rel}.ann`) === path.resolve(annPathOf(input.file))) {
				// Exporting a folder into itself would turn the suggestions into the person's annotations.
				io.err(`seed-lens: ${input.file}: --out would write over the annotations it exports; nothing written, choose another folder\n`);
				status = 1;
			} else {
				await write(path.join(f.out, `${rel}.txt`), text);
				await write(path.join(f.out, `${rel}.ann`), ann);
			}
		}
	}
	if (f.format === 'json') {
		const out = JSON.stringify(json, null, 1) + '\n';
		if (f.out) await write(path.join(f.out, 'annotations.json'), out);
		else io.out(out);
	}
	return status;
}

// brat's project configuration beside the exported files; one that is there with other content (a person's) is kept.
async function writeConf(file: string, io: Out): Promise<void> {
	const conf = annotationConf();
	const there = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
	if (there === undefined) await write(file, conf);
	else if (there !== conf) io.err(`seed-lens: ${file} exists with other content; kept as it is\n`);
}

async function write(file: string, data: string): Promise<void> {
	await fs.promises.mkdir(path.dirname(file), { recursive: true });
	await writeAtomic(file, data);
}

/** `seed-lens import`. */
export async function runImport(args: string[], io: Out): Promise<number> {
	const f = flags(args);
	if (typeof f === 'string') return usage(f, io);
	if (f.rest.length !== 2) return usage('import needs a SOURCE and a DIR', io);
	const [source, dir] = f.rest;
	if (f.format === 'brat') return importBrat(source, dir, f.replace, io);
	if (f.format === 'jsonl') return importJsonl(source, dir, f.replace, io);
	return usage('import needs --format brat or jsonl', io);
}

async function importBrat(source: string, dir: string, replace: boolean, io: Out): Promise<number> {
	let status = 0,
		done = 0;
	for await (const input of listInputs([source])) {
		const ann = readAnnSync(annPathOf(input.file));
		if (ann === undefined) continue;
		const text = readSeed(input.file);
		const seed = path.join(dir, input.rel);
		const r = await place(seed, text, ann, replace, io);
		if (r === 'failed') status = 1;
		else if (r === 'written') done++;
	}
	io.err(`seed-lens: ${done} annotation file${done === 1 ? '' : 's'} imported into ${dir}\n`);
	return status;
}

async function importJsonl(source: string, dir: string, replace: boolean, io: Out): Promise<number> {
	const lines = fs.readFileSync(source, 'utf8').split(/\r?\n/);
	const seeds: { file: string; text: string }[] = [];
	for await (const input of listInputs([dir])) seeds.push({ file: input.file, text: readSeed(input.file) });
	let status = 0,
		done = 0;
	for (const [i, line] of lines.entries()) {
		if (!line.trim()) continue;
		const r = fromJsonl(line);
		if ('error' in r) {
			io.err(`seed-lens: ${source}:${i + 1}: ${r.error}\n`);
			status = 1;
			continue;
		}
		for (const s of r.skipped) io.err(`seed-lens: ${source}:${i + 1}: span left out (no known label or bad offsets): ${s}\n`);
		const found = (r.file && path.join(dir, r.file)) || seeds.find((s) => s.text === r.text)?.file;
		if (!found) {
			io.err(`seed-lens: ${source}:${i + 1}: no seed in ${dir} has this text, and the record names no meta.file\n`);
			status = 1;
			continue;
		}
		const res = await place(found, r.text, r.ann, replace, io);
		if (res === 'failed') status = 1;
		else if (res === 'written') done++;
	}
	io.err(`seed-lens: ${done} annotation file${done === 1 ? '' : 's'} imported into ${dir}\n`);
	return status;
}

// Puts an .ann beside a seed: the seed is written when missing; a different seed text or a different .ann is not overwritten unless asked.
async function place(seed: string, text: string, ann: string, replace: boolean, io: Out): Promise<'written' | 'same' | 'failed'> {
	const there = fs.existsSync(seed) ? readSeed(seed) : undefined;
	if (there === undefined) await write(seed, text);
	else if (there !== text) {
		io.err(
			`seed-lens: ${seed}: the seed's text differs from the imported one; its annotations are re-anchored by their text where they can be (see the .ann's findings)\n`,
		);
	}
	const target = annPathOf(seed);
	const existing = readAnnSync(target);
	if (existing === ann) return 'same';
	if (existing !== undefined && !replace) {
		io.err(`seed-lens: ${target} exists with other annotations; kept (use --replace to overwrite it)\n`);
		return 'failed';
	}
	for (const p of humanLayer(there ?? text, ann).problems) io.err(`seed-lens: ${target}:${p.line}: ${p.message}\n`);
	if (!roundTrips(ann)) io.err(`seed-lens: ${target}: blank lines or line breaks were normalised on writing\n`);
	await write(target, ann);
	return 'written';
}

/** `seed-lens agree`. */
export async function runAgree(args: string[], io: Out): Promise<number> {
	const f = flags(args);
	if (typeof f === 'string') return usage(f, io);
	const format = f.format ?? 'text';
	if (format !== 'text' && format !== 'json') return usage('agree takes --format text or json', io);
	if (f.rest.length !== (f.machine ? 1 : 2)) return usage('agree needs A_DIR and B_DIR, or A_DIR --machine', io);
	const [aDir, bDir] = f.rest;
	const pairs: DocumentPair[] = [];
	for await (const input of listInputs([aDir])) {
		const aAnn = readAnnSync(annPathOf(input.file));
		if (aAnn === undefined) continue;
		const text = readSeed(input.file);
		const a = marks(humanLayer(text, aAnn));
		let b: DocumentPair['b'];
		if (f.machine) b = machineMarks(text);
		else {
			const other = path.join(bDir, input.rel);
			const bAnn = fs.existsSync(other) ? readAnnSync(annPathOf(other)) : undefined;
			if (bAnn === undefined) {
				io.err(`seed-lens: ${input.rel}: no annotations in ${bDir}; left out\n`);
				continue;
			}
			b = marks(humanLayer(text, bAnn));
		}
		pairs.push({ file: input.rel, text, a, b });
	}
	const result = agreement(pairs);
	io.out(format === 'json' ? JSON.stringify(result, null, 1) + '\n' : agreementReport(result, aDir, f.machine ? 'the machine' : bDir));
	return pairs.length ? 0 : 1;
}

function marks(layer: HumanLayer): DocumentPair['a'] {
	const spans: Labelled[] = [...layer.entities, ...layer.dates]
		.filter((s) => !s.rejected)
		.map((s) => ({ start: s.start, end: s.end, type: s.type, annLine: s.line }));
	const claims: ClaimMark[] = layer.claims
		.filter((c) => !c.anchor.rejected)
		.map((c) => ({ anchor: c.anchor, source: c.source ? { start: c.source.start, end: c.source.end } : null, annLine: c.anchor.line }));
	return { spans, claims };
}

function machineMarks(text: string): DocumentPair['b'] {
	const a = analyze(text);
	const spans: Labelled[] = [
		...a.entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, type: e.type }))),
		...a.dates.map((d) => ({ start: d.start, end: d.end, type: 'DATE' })),
	];
	const claims: ClaimMark[] = a.claims.map((c) => ({
		anchor: c.cue ?? c.content ?? c,
		source: c.source ? { start: c.source.start, end: c.source.end } : null,
	}));
	return { spans, claims };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

/** The agreement as a readable report. */
export function agreementReport(r: Agreement, a: string, b: string): string {
	const lines = [`Agreement of ${a} (A) and ${b} (B) over ${r.documents} document${r.documents === 1 ? '' : 's'}`, ''];
	lines.push('type         A     B   exact F1  overlap F1');
	for (const t of r.types)
		lines.push(`${t.type.padEnd(8)} ${String(t.a).padStart(5)} ${String(t.b).padStart(5)}   ${pct(t.exact.f1)} %    ${pct(t.overlap.f1)} %`);
	lines.push(`${'all'.padEnd(20)}   ${pct(r.overall.exactF1)} %    ${pct(r.overall.overlapF1)} %`, '');
	lines.push(`Cohen's kappa on ${r.kappa.tokens} tokens: ${r.kappa.value === null ? 'undefined (one label only)' : r.kappa.value.toFixed(3)}`);
	const c = r.claims;
	lines.push(`Claims: A ${c.a}, B ${c.b}, both ${c.matched}; sources agree on ${c.sourceAgreed} of ${c.matched}`, '');
	lines.push(`${r.disagreements.length} disagreement${r.disagreements.length === 1 ? '' : 's'}:`);
	for (const d of r.disagreements) lines.push(`${d.file}:${d.line}: A: ${d.a} · B: ${d.b}`);
	return lines.join('\n') + '\n';
}

function usage(message: string, io: Out): number {
	io.err(`seed-lens: ${message}\n\n${ANNOTATIONS_USAGE}\n`);
	return 2;
}

/** `seed-lens train --from DIR`: the names learned from DIR's `.ann` files, written as the workspace model. */
export async function runTrain(args: string[], io: Out): Promise<number> {
	const f = flags(args);
	if (typeof f === 'string') return usage(f, io);
	if (!f.from || f.rest.length) return usage('train needs --from DIR', io);
	const layers: HumanLayer[] = [];
	for await (const input of listInputs([f.from])) {
		const ann = readAnnSync(annPathOf(input.file));
		if (ann !== undefined) layers.push(humanLayer(readSeed(input.file), ann));
	}
	const model = learnNames(layers);
	const out = f.out ?? path.join(f.from, MODEL_PATH);
	await write(out, JSON.stringify(model, null, 1) + '\n');
	const names = Object.keys(model.names).length;
	io.err(
		`seed-lens: learned ${names} names and ${Object.keys(model.rejected).length} rejected suggestions from ${model.documents} annotated documents into ${out}\n`,
	);
	return model.documents ? 0 : 1;
}
