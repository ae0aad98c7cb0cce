/**
 * The brat standoff format (`NAME.ann` beside `NAME.txt`), read and written as plain data.
 * Pure: text in, records out. Offsets here are brat's: Unicode code points of the exact text
 * (see offsets.ts for the conversion to the UTF-16 offsets of the rest of the core).
 *
 * Every line is kept: a line this module cannot read, or reads but does not use (events,
 * equivalences, other attributes), is written back exactly as it was read.
 */
import type { CodePoints } from './offsets';

/** One `[start, end)` fragment of a text-bound annotation, in code points. */
export interface Fragment {
	start: number;
	end: number;
}

/** `T1<TAB>ORG 10 19<TAB>Acme Corp` (several fragments, `10 14;20 24`, are discontinuous). */
export interface TextBound {
	kind: 'T';
	id: string;
	type: string;
	fragments: Fragment[];
	text: string;
}

/** `R1<TAB>Source Arg1:T7 Arg2:T8`. */
export interface Relation {
	kind: 'R';
	id: string;
	type: string;
	arg1: string;
	arg2: string;
}

/** `A1<TAB>Rejected T4` (binary) or `A2<TAB>Kind T9 quote` (valued). `M` is brat's older prefix for the same. */
export interface Attribute {
	kind: 'A';
	id: string;
	type: string;
	target: string;
	value?: string;
}

/** `N1<TAB>Reference T3 TIMEX3:2021-11-11<TAB>note` (the note is optional). */
export interface Normalization {
	kind: 'N';
	id: string;
	type: string;
	target: string;
	resource: string;
	entry: string;
	note?: string;
}

/** `#1<TAB>AnnotatorNotes T1<TAB>free text`. */
export interface Note {
	kind: '#';
	id: string;
	type: string;
	target: string;
	text: string;
}

/** A line kept as it was: another kind of annotation, a blank line, or one that could not be read. */
export interface Verbatim {
	kind: 'verbatim';
	/** The line, without its line break. */
	raw: string;
	id?: string;
}

export type BratRecord = TextBound | Relation | Attribute | Normalization | Note | Verbatim;

/** A problem with one line of a `.ann` file: 1-based line number. */
export interface BratProblem {
	line: number;
	message: string;
	severity: 'error' | 'warning' | 'information';
}

/** A parsed `.ann` file: its records in file order (each with its 1-based line), and what was wrong. */
export interface BratFile {
	records: BratRecord[];
	/** The line of each record, same order. */
	lines: number[];
	problems: BratProblem[];
	/** The line break the file used (`\r\n` when its first break was one), kept on writing. */
	eol: '\n' | '\r\n';
	/** The file began with a byte-order mark, kept on writing. */
	bom?: boolean;
}

const ID = /^([TRAMN#E*])(\w*)$/;

/** Parses the text of a `.ann` file. Never throws: what cannot be read is kept verbatim with a problem on its line. */
export function parseBrat(source: string): BratFile {
	const lf = source.indexOf('\n');
	const eol: BratFile['eol'] = lf > 0 && source[lf - 1] === '\r' ? '\r\n' : '\n';
	const bom = source.startsWith('\uFEFF');
	const raw = (bom ? source.slice(1) : source).split(/\r?\n/);
	if (raw.length && raw[raw.length - 1] === '') raw.pop();
	const file: BratFile = { records: [], lines: [], problems: [], eol };
	if (bom) file.bom = true;
	raw.forEach((line, i) => {
		const { record, problem } = parseLine(line);
		file.records.push(record);
		file.lines.push(i + 1);
		if (problem) file.problems.push({ line: i + 1, ...problem });
	});
	const seen = new Map<string, number>();
	file.records.forEach((r, i) => {
		const id = recordId(r);
		if (!id || r.kind === 'verbatim') return;
		const first = seen.get(id);
		if (first !== undefined)
			file.problems.push({ line: file.lines[i], message: `The id ${id} is used again (first on line ${first}); this line is ignored.`, severity: 'error' });
		else seen.set(id, file.lines[i]);
	});
	return file;
}

type Parsed = { record: BratRecord; problem?: Omit<BratProblem, 'line'> };

function parseLine(line: string): Parsed {
	if (line.trim() === '') return { record: { kind: 'verbatim', raw: line } };
	const tab = line.indexOf('\t');
	const head = tab < 0 ? line : line.slice(0, tab);
	const id = ID.exec(head);
	const bad = (message: string): Parsed => ({ record: { kind: 'verbatim', raw: line, id: id ? head : undefined }, problem: { message, severity: 'error' } });
	if (!id || tab < 0) return bad('Not a brat annotation line: it should start with an id such as T1, R1, A1, N1 or #1 followed by a tab.');
	const rest = line.slice(tab + 1);
	switch (id[1]) {
		case 'T':
			return textBound(head, rest, bad);
		case 'R':
			return relation(head, rest, bad);
		case 'A':
		case 'M':
			return attribute(head, rest, bad);
		case 'N':
			return normalization(head, rest, bad);
		case '#':
			return note(head, rest, bad);
		default:
			// Events, equivalences: valid brat this tool does not use, kept as they are.
			return { record: { kind: 'verbatim', raw: line, id: head } };
	}
}

function textBound(id: string, rest: string, bad: (m: string) => Parsed): Parsed {
	const tab = rest.indexOf('\t');
	const spec = tab < 0 ? rest : rest.slice(0, tab);
	const text = tab < 0 ? '' : rest.slice(tab + 1);
	const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(spec);
	if (!m) return bad(`${id}: expected “TYPE START END<TAB>text”, found “${spec}”.`);
	const fragments = m[2].split(';').map((f) => {
		const [start, end] = f.split(' ').map(Number);
		return { start, end };
	});
	if (fragments.some((f) => f.end < f.start)) return bad(`${id}: a span ends before it starts.`);
	// Several fragments are either one span split at its line breaks (as brat writes a span across lines) or a
	// discontinuous span; only the text tells them apart (see layer.ts).
	return { record: { kind: 'T', id, type: m[1], fragments, text } };
}

function relation(id: string, rest: string, bad: (m: string) => Parsed): Parsed {
	const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)\s*$/.exec(rest.split('\t')[0]);
	return m ? { record: { kind: 'R', id, type: m[1], arg1: m[2], arg2: m[3] } } : bad(`${id}: expected “TYPE Arg1:ID Arg2:ID”.`);
}

function attribute(id: string, rest: string, bad: (m: string) => Parsed): Parsed {
	const m = /^(\S+) (\S+)(?: (\S+))?\s*$/.exec(rest.split('\t')[0]);
	if (!m) return bad(`${id}: expected “NAME ID” or “NAME ID VALUE”.`);
	const record: Attribute = { kind: 'A', id, type: m[1], target: m[2] };
	if (m[3] !== undefined) record.value = m[3];
	return { record };
}

function normalization(id: string, rest: string, bad: (m: string) => Parsed): Parsed {
	const [spec, ...note] = rest.split('\t');
	const m = /^(\S+) (\S+) ([^:\s]+):(\S+)$/.exec(spec);
	if (!m) return bad(`${id}: expected “Reference ID RESOURCE:ENTRY”.`);
	const record: Normalization = { kind: 'N', id, type: m[1], target: m[2], resource: m[3], entry: m[4] };
	if (note.length) record.note = note.join('\t');
	return { record };
}

function note(id: string, rest: string, bad: (m: string) => Parsed): Parsed {
	const tab = rest.indexOf('\t');
	const m = /^(\S+) (\S+)$/.exec(tab < 0 ? rest : rest.slice(0, tab));
	return m ? { record: { kind: '#', id, type: m[1], target: m[2], text: tab < 0 ? '' : rest.slice(tab + 1) } } : bad(`${id}: expected “TYPE ID<TAB>text”.`);
}

/**
 * A span as brat writes it: split at its line breaks into fragments (brat marks no line break, and writes a
 * span across lines as the fragments between them), in code points, with its text as brat checks it: the
 * fragments' texts joined by a space. `text` is the seed's exact text; `start`, `end` UTF-16 offsets in it.
 */
export function spanFragments(text: string, cp: CodePoints, start: number, end: number): { fragments: Fragment[]; text: string } {
	const fragments: Fragment[] = [];
	const pieces: string[] = [];
	const push = (a: number, b: number) => {
		if (b <= a) return;
		fragments.push({ start: cp.toCodePoint(a), end: cp.toCodePoint(b) });
		pieces.push(text.slice(a, b));
	};
	let from = start;
	for (const m of text.slice(start, end).matchAll(/[\r\n]+/g)) {
		push(from, start + m.index);
		from = start + m.index + m[0].length;
	}
	push(from, end);
	if (!fragments.length) return { fragments: [{ start: cp.toCodePoint(start), end: cp.toCodePoint(end) }], text: text.slice(start, end) };
	return { fragments, text: pieces.join(' ') };
}

/**
 * The one span a text-bound annotation's fragments stand for, in UTF-16 offsets of `text`: the first
 * fragment's start to the last one's end when only line breaks (and spaces) lie between them (a span
 * across lines), or null for a discontinuous span.
 */
export function joinedSpan(text: string, cp: CodePoints, t: TextBound): { start: number; end: number } | null {
	const f = t.fragments;
	for (let k = 1; k < f.length; k++) {
		const gap = text.slice(cp.toUtf16(f[k - 1].end), cp.toUtf16(f[k].start));
		if (f[k].start < f[k - 1].end || !/^[^\S\r\n]*[\r\n][\s]*$/.test(gap)) return null;
	}
	return { start: cp.toUtf16(f[0].start), end: cp.toUtf16(f[f.length - 1].end) };
}

/** The id of a record (`T3`), if it has one. */
export function recordId(r: BratRecord): string | undefined {
	return r.id;
}

/** One record as its line (no line break). A verbatim record is its line exactly. */
export function formatRecord(r: BratRecord): string {
	switch (r.kind) {
		case 'verbatim':
			return r.raw;
		case 'T':
			return `${r.id}\t${r.type} ${r.fragments.map((f) => `${f.start} ${f.end}`).join(';')}\t${oneLine(r.text)}`;
		case 'R':
			return `${r.id}\t${r.type} Arg1:${r.arg1} Arg2:${r.arg2}`;
		case 'A':
			return `${r.id}\t${r.type} ${r.target}${r.value !== undefined ? ` ${r.value}` : ''}`;
		case 'N':
			return `${r.id}\t${r.type} ${r.target} ${r.resource}:${r.entry}${r.note !== undefined ? `\t${r.note}` : ''}`;
		case '#':
			return `${r.id}\t${r.type} ${r.target}\t${oneLine(r.text)}`;
	}
}

// A span's text may hold a line break (a name across lines): brat writes it as a space.
const oneLine = (s: string) => s.replace(/\r\n|[\r\n]/g, ' ');

/** The file's text: one record a line, in the order given, each line ended with the file's line break. */
export function formatBrat(file: Pick<BratFile, 'records'> & { eol?: BratFile['eol']; bom?: boolean }): string {
	const eol = file.eol ?? '\n';
	return (file.bom ? '\uFEFF' : '') + file.records.map((r) => formatRecord(r) + eol).join('');
}

/** The next free id with this prefix (`T`, `R`, `A`, `N`, `#`): one more than the highest number in use. */
export function nextId(records: readonly BratRecord[], prefix: string): string {
	let max = 0;
	for (const r of records) {
		const id = r.id;
		if (!id || id[0] !== prefix) continue;
		const n = Number(id.slice(1));
		if (Number.isInteger(n) && n > max) max = n;
	}
	return `${prefix}${max + 1}`;
}
