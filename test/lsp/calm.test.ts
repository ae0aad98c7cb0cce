/**
 * Protocol tests of a calm editor on long documents: what a claim diagnostic
 * underlines, the cap on entity and date diagnostics, the outline's caps and
 * order, and hovers and outlines answered while a newer version is analysed.
 */
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, type Diagnostic, type DocumentSymbol, type Hover, type Position, type Range } from 'vscode-languageserver-protocol';
import { analyze } from './analyzeAsServer';
import { positionAt, positionOf, Session, uriOf } from './harness';

const TEXT = `date 2024-03-05 Harbour authority delays the ferry tender

According to the harbour authority, the new ferry tender will be delayed until the autumn because of rising fuel costs.

Port director Elena Marsh said the terminal had handled 1.2 million passengers last year.

Unemployment on the island rose to 14 percent in January.

The old pier is the longest wooden structure anywhere on the northern coast, and it is falling apart quickly.
`;

// Lines of the text, to read back what a range covers.
function textOf(text: string, r: Range): string {
	const lines = text.split('\n');
	const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
	return text.slice(offset(r.start), offset(r.end));
}

const msg = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const uri = uriOf(path.join(os.tmpdir(), 'ferry-tender.seed'));

describe('what a claim diagnostic underlines', () => {
	let s: Session;
	let claims: Diagnostic[];

	before(async () => {
		s = await Session.start();
		await s.open(uri, TEXT);
		claims = (await s.diagnosticsFor(uri, 1)).diagnostics.filter((d) => /claim|quote/.test(String(d.code)));
	});
	after(() => s.kill());

	const underlined = (needle: string) => {
		const d = claims.find((x) => msg(x).includes(needle));
		assert.ok(d, `no claim diagnostic mentions “${needle}”`);
		return textOf(TEXT, d.range);
	};

	test('an attributed claim underlines its cue and source, and still quotes the whole claim', () => {
		assert.equal(underlined('the new ferry tender'), 'According to the harbour authority');
		assert.equal(underlined('1.2 million passengers'), 'Port director Elena Marsh said');
	});

	test('an unattributed claim underlines the figure that makes it worth checking', () => {
		assert.equal(underlined('Unemployment on the island'), '14 percent');
	});

	test('an unattributed claim without a figure underlines the words that make it worth checking', () => {
		assert.equal(underlined('The old pier'), 'the longest');
	});
});

describe('the cap on hint and information diagnostics', () => {
	let s: Session;

	before(async () => {
		s = await Session.start({ settings: { maxQuietDiagnostics: 2 } });
		await s.open(uri, TEXT);
	});
	after(() => s.kill());

	test('only the first hint and information findings are listed, with a note on the header; warnings are all kept', async () => {
		const ds = (await s.diagnosticsFor(uri, 1)).diagnostics;
		const ann = analyze(TEXT);
		const note = ds.find((d) => d.code === 'findings-capped');
		const quiet = ds.filter((d) => d !== note && (d.severity === DiagnosticSeverity.Hint || d.severity === DiagnosticSeverity.Information));
		assert.equal(quiet.length, 2);
		// Findings are listed in document order: the two kept are on the lines of the first two quiet findings.
		const starts = [...ann.entities.flatMap((e) => e.mentions), ...ann.dates, ...ann.claims.filter((c) => c.kind !== 'unattributed')].map((x) => x.start);
		const firstLines = starts
			.sort((x, y) => x - y)
			.slice(0, 2)
			.map((o) => positionAt(TEXT, o).line);
		assert.deepEqual(
			quiet.map((d) => d.range.start.line),
			firstLines,
		);
		assert.ok(note, 'no note says that findings were left out');
		assert.equal(note.range.start.line, 0);
		assert.match(msg(note), /leaves out \d+ more/);
		const unattributed = ann.claims.filter((c) => c.kind === 'unattributed').length;
		assert.ok(unattributed > 0);
		assert.equal(ds.filter((d) => d.severity === DiagnosticSeverity.Warning && /unattributed/.test(String(d.code))).length, unattributed);
	});
});

describe('the outline of a document with many claims per source', () => {
	let s: Session;
	let root: DocumentSymbol;
	const paragraph = (i: number) => `The harbour authority said the ferry had carried ${100 + i} passengers on its ${i + 2}th crossing.`;
	const text = `date 2024-03-05 Ferry crossings in March\n\n${Array.from({ length: 12 }, (_, i) => paragraph(i)).join('\n\n')}\n`;

	before(async () => {
		s = await Session.start({ settings: { outline: { maxClaimsPerSource: 3 } } });
		await s.open(uri, text);
		[root] = await s.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
	});
	after(() => s.kill());

	test('a source lists its first claims and one entry that counts the rest', () => {
		const claims = root.children!.find((g) => g.name === 'Claims');
		const source = claims?.children?.find((g) => /harbour authority/i.test(g.name));
		assert.ok(source, `no harbour authority source among ${claims?.children?.map((g) => g.name)}`);
		const total = analyze(text).claims.filter((c) => /harbour authority/i.test(c.source?.text ?? '')).length;
		assert.ok(total > 3, `the analysis finds ${total} claims of the harbour authority`);
		assert.equal(source.children!.length, 4);
		assert.equal(source.children![3].name, `… ${total - 3} more claims`);
		assert.equal(source.detail, String(total));
	});

	test('sorted by position, the groups keep their reading order: they start one after another on the header', () => {
		const starts = root.children!.map((g) => g.range.start);
		const sorted = [...starts].sort((x, y) => x.line - y.line || x.character - y.character);
		assert.deepEqual(starts, sorted);
		assert.ok(
			starts.every((p) => p.line === 0),
			`groups start at ${JSON.stringify(starts)}`,
		);
		assert.equal(new Set(starts.map((p) => p.character)).size, starts.length);
	});
});

describe('hovers and the outline while typing', () => {
	let s: Session;

	before(async () => {
		s = await Session.start();
		await s.open(uri, TEXT);
		await s.diagnosticsFor(uri, 1);
	});
	after(() => s.kill());

	test('after a paragraph is inserted above, a hover on a later name covers that name where it now is', async () => {
		const added = 'A second paragraph about the tender.\n\n';
		const at = TEXT.indexOf('According');
		const next = TEXT.slice(0, at) + added + TEXT.slice(at);
		await s.change(uri, 2, next);
		const position = positionOf(next, 'Elena Marsh', 0, 2);
		const h = await s.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
		assert.ok(h?.range, 'no hover on Elena Marsh');
		assert.equal(textOf(next, h.range), 'Elena Marsh');
	});

	test('after a sentence is typed above, the outline selects each name where it now is', async () => {
		const at = TEXT.indexOf('According');
		const next = TEXT.slice(0, at) + 'Ferries were late. ' + TEXT.slice(at);
		await s.change(uri, 3, next);
		const [root] = await s.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
		const people = root.children!.find((g) => g.name === 'People');
		const marsh = people?.children?.find((p) => p.name.includes('Marsh'));
		assert.ok(marsh, `no Marsh among the people: ${people?.children?.map((p) => p.name)}`);
		assert.equal(textOf(next, marsh.selectionRange), marsh.name);
	});
});
