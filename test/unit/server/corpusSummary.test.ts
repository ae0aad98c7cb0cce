import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeDocument } from '../../../server/src/analysis';
import type { Statement } from '../../../server/src/analysis/crossdoc';
import { LineIndex, positionIn } from '../../../server/src/positions';
import { Corpus } from '../../../server/src/workspace/corpus';
import { compactSummary, factRange, SharedValues, summarize, type FileSummary } from '../../../server/src/workspace/summary';

const dir = join(__dirname, '../../fixtures/crossdoc');

/** A file's summary, copied as a message between threads would be. */
function summaryOf(name: string, text = readFileSync(join(dir, name), 'utf8')): FileSummary {
	const { annotations, paragraphs } = analyzeDocument(text);
	const uri = `file:///reports/${name}`;
	return structuredClone({ ...summarize({ annotations, paragraphs, uri, version: 0, text, lines: new LineIndex(text) }), uri });
}

test('positions from the line starts alone are those of the line index, CRLF and lone CR included', () => {
	const text = 'date 2021-11-11 T\r\n\r\nOne line.\rAnother\nand the last';
	const lines = new LineIndex(text);
	for (let o = 0; o <= text.length; o++) assert.deepEqual(positionIn(lines.lineStarts(), o), lines.position(o), `offset ${o}`);
});

test('a compacted summary says the same as the summary, with one object per entity and one copy of each repeated string', () => {
	const table = new SharedValues();
	const a = summaryOf('libya-wire.txt');
	const b = summaryOf('libya-daily.txt');
	const ca = compactSummary(a, table);
	const cb = compactSummary(b, table);
	// The same content: the facts' entities carry the index's `from` and `to` as well.
	assert.deepEqual(
		ca.entities.map((e) => [e.name, e.type, e.key, e.keys, e.from, e.to]),
		a.entities.map((e) => [e.name, e.type, e.key, e.keys, e.from, e.to]),
	);
	assert.deepEqual(
		ca.facts!.entities.map(({ from: _f, to: _t, ...e }: any) => e),
		a.facts!.entities,
	);
	for (const k of ['figures', 'events', 'times', 'date', 'title'] as const) assert.deepEqual(ca.facts![k], a.facts![k], k);
	// Sentences are stored as UTF-8 and read out as they were, curly quotes and all.
	const plain = (x: Statement) => [x.start, x.end, x.text, x.kind, x.source, x.sourceEntity, [...x.entities]];
	assert.deepEqual(ca.facts!.statements.map(plain), a.facts!.statements.map(plain));
	const curly = 'date 2021-11-11 T\n\nKhalifa Haftar’s forces said on Thursday that “300 mercenaries will leave Libya.”\n';
	assert.deepEqual(
		compactSummary(summaryOf('curly.txt', curly), table).facts!.statements.map((x) => x.text),
		['Khalifa Haftar’s forces said on Thursday that “300 mercenaries will leave Libya.”'],
	);
	assert.ok(ca.entities.every((e, i) => (e as unknown) === ca.facts!.entities[i]));
	// Both reports name Khalifa Haftar: his name is one string in memory, not two.
	const name = (f: FileSummary) => f.entities.find((e) => e.key === 'khalifa haftar')!.name;
	assert.equal(name(ca), name(cb));
	assert.equal(name(ca), table.one('Khalifa Haftar'));
	// Short lists are shared too: both name Libya, and its spellings are one list.
	const libya = (f: FileSummary) => f.entities.find((e) => e.key === 'libya')!.keys;
	assert.equal(libya(ca), libya(cb));
	// Ranges of the facts come from the line starts.
	const text = readFileSync(join(dir, 'libya-wire.txt'), 'utf8');
	const f = ca.facts!.figures[0].quantity;
	assert.deepEqual(factRange(ca, f), new LineIndex(text).range(f));
});

test('the corpus finds across documents the same conflicts from compacted summaries as from the facts themselves', () => {
	const corpus = new Corpus();
	for (const name of readdirSync(dir)) corpus.set(summaryOf(name));
	const found = corpus.crossDoc
		.conflicts()
		.map((c) => `${c.kind} ${c.a.doc.split('/').pop()} ${c.b.doc.split('/').pop()}`)
		.sort();
	assert.ok(found.includes('figure libya-daily.txt libya-wire.txt') && found.includes('date kabul-agency.txt kabul-times.txt'), found.join('\n'));
	assert.equal(found.length, 9);
});
