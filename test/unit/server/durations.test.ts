import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeDocument } from '../../../server/src/analysis';
import type { DocumentAnalysis } from '../../../server/src/documentAnalysis';
import { dateInWords } from '../../../server/src/features/dateWords';
import { documentSymbols } from '../../../server/src/features/documentSymbols';
import { findings } from '../../../server/src/features/findings';
import { LineIndex } from '../../../server/src/positions';

// Lengths of time are read out as lengths; the outline's Timeline lists them after the dates, with the references.
const text = 'date 2024-05-10 Rents\n\nRents rose on Monday to their highest in over six years.\n';
const analysis = (): DocumentAnalysis => ({ ...analyzeDocument(text), uri: 'file:///r.seed', version: 1, text, lines: new LineIndex(text) });

test('a duration reads as a length of time', () => {
	assert.equal(dateInWords('P6Y'), 'a length of 6 years');
	assert.equal(dateInWords('PT12H'), 'a length of 12 hours');
	assert.equal(dateInWords('P1D'), 'a length of 1 day');
	const a = analysis();
	const messages = findings(a.annotations).map((f) => f.message);
	assert.ok(messages.includes('Duration: a length of 6 years (P6Y)'), messages.join(' | '));
});

test('the Timeline lists the dates first and lengths of time after them', () => {
	const symbols = documentSymbols(analysis());
	const timeline = symbols.flatMap((s) => s.children ?? []).find((s) => s.name === 'Timeline');
	assert.ok(timeline, JSON.stringify(symbols.map((s) => s.children?.map((c) => c.name))));
	assert.deepEqual(
		timeline.children?.map((c) => c.name),
		['Monday 6 May 2024', 'a length of 6 years'],
	);
});
