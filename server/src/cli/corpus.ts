/**
 * `seed-lens corpus`: the cross-document view of a folder of seed files — the
 * entities found in several documents, the timeline of every resolved date,
 * and the figures and dates that disagree — as text or JSON, for reports and CI.
 */
import * as path from 'node:path';
import { analyze } from '../analysis';
import { conflictMessage, CrossDocIndex, documentFacts, reversed, type Conflict, type DocumentFacts } from '../analysis/crossdoc';
import { LineIndex } from '../positions';
import { listInputs, readSeed } from './files';

export const CORPUS_USAGE = `usage: seed-lens corpus [--format text|json] [--min-documents N] DIR|FILE...

  Reads every seed file (directories are walked) and prints the entities named in
  several documents (with their document counts), the timeline of resolved dates,
  and the conflicts: figures and dates that disagree across documents.
  Exit status 0, or 1 when a file could not be read; 2 for bad arguments.`;

interface Args {
	format: 'text' | 'json';
	minDocuments: number;
	inputs: string[];
}

export function parseCorpusArgs(args: string[]): Args | { error: string } | { help: true } {
	const out: Args = { format: 'text', minDocuments: 2, inputs: [] };
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '-h' || a === '--help') return { help: true };
		if (a === '--format') {
			const f = args[++i];
			if (f !== 'text' && f !== 'json') return { error: `--format must be text or json, not “${f ?? ''}”` };
			out.format = f;
		} else if (a === '--min-documents') {
			const n = Number(args[++i]);
			if (!Number.isInteger(n) || n < 1) return { error: '--min-documents needs a whole number ≥ 1' };
			out.minDocuments = n;
		} else if (a.startsWith('-')) return { error: `unknown option “${a}”` };
		else out.inputs.push(a);
	}
	return out.inputs.length ? out : { error: 'corpus needs a folder or files' };
}

interface Loaded {
	facts: DocumentFacts;
	lines: LineIndex;
}

/** Runs the command; returns the exit status. */
export async function runCorpus(args: Args, out: (s: string) => void, err: (s: string) => void): Promise<number> {
	const index = new CrossDocIndex();
	const docs = new Map<string, Loaded>();
	let status = 0;
	for await (const input of listInputs(args.inputs)) {
		let text: string;
		try {
			text = readSeed(input.file);
		} catch (e) {
			err(`seed-lens: cannot read ${input.file}: ${(e as Error).message}\n`);
			status = 1;
			continue;
		}
		const facts = documentFacts(text, analyze(text));
		docs.set(input.file, { facts, lines: new LineIndex(text) });
		index.set(input.file, facts);
	}
	const report = corpusReport(index, docs, args.minDocuments);
	out(args.format === 'json' ? JSON.stringify(report, null, 1) + '\n' : textCorpus(report));
	return status;
}

const where = (file: string, d: Loaded, offset: number) => {
	const p = d.lines.position(offset);
	return { file, line: p.line + 1, column: p.character + 1 };
};

/** The report as plain data (the JSON of `--format json`). */
export function corpusReport(index: CrossDocIndex, docs: Map<string, Loaded>, minDocuments: number) {
	const name = (id: string) => ({ facts: docs.get(id)!.facts, name: path.basename(id) });
	const entities = index.entities(minDocuments).map(({ name: n, type, documents, mentions, key }) => ({ name: n, type, documents, mentions, key }));
	const timeline = index.timeline().map((p) => ({
		...where(p.doc, docs.get(p.doc)!, p.start),
		value: p.value,
		text: p.text,
		sentence: p.statement.text,
		claim: p.statement.kind,
		source: p.statement.source,
		entities: p.entities,
	}));
	const side = (c: Conflict) => {
		const d = docs.get(c.a.doc)!;
		const span = c.kind === 'figure' ? d.facts.figures[c.a.index].quantity : d.facts.events[c.a.index].dateSpan;
		return { ...where(c.a.doc, d, span.start), sentence: d.facts.statements[c.a.statement].text, message: conflictMessage(c, name(c.a.doc), name(c.b.doc)) };
	};
	const conflicts = index.conflicts().map((c) => ({ code: c.kind === 'figure' ? 'conflicting-figure' : 'conflicting-date', a: side(c), b: side(reversed(c)) }));
	return { documents: docs.size, entities, timeline, conflicts };
}

function textCorpus(r: ReturnType<typeof corpusReport>): string {
	const lines = [`${r.documents} documents · ${r.entities.length} entities in several · ${r.timeline.length} dates · ${r.conflicts.length} conflicts`, ''];
	lines.push('CONFLICTS');
	if (!r.conflicts.length) lines.push('  none');
	for (const c of r.conflicts) {
		lines.push(`  ${c.code}  ${c.a.file}:${c.a.line}:${c.a.column}  ${c.a.message}`);
		lines.push(`      “${clip(c.a.sentence)}”`, `      ${c.b.file}:${c.b.line}:${c.b.column}  “${clip(c.b.sentence)}”`);
	}
	lines.push('', 'ENTITIES (documents · mentions)');
	for (const e of r.entities) lines.push(`  ${e.name} (${e.type}) · ${e.documents} · ${e.mentions}`);
	lines.push('', 'TIMELINE');
	for (const p of r.timeline) lines.push(`  ${p.value.padEnd(10)}  ${p.file}:${p.line}:${p.column}  “${p.text}”  ${clip(p.sentence, 90)}`);
	return lines.join('\n') + '\n';
}

const clip = (s: string, n = 110) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
