import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinEvidence, joinReadings, readingLine, readingOf } from '../../../server/src/analysis/entities/evidence';

// The tagger's evidence is data (a type, a best confidence, a count of readings) written as one line
// of `Entity.evidence`; every stage that joins or words readings goes through this one module.

test('a reading and its evidence line are one and the same', () => {
	for (const r of [
		{ type: 'PER', best: 0.91, readings: 1 },
		{ type: 'ORG', best: 0.5, readings: 3 },
		{ type: 'NORP', best: 1, readings: 12 },
	]) {
		assert.deepEqual(readingOf(readingLine(r)), r);
	}
	assert.equal(readingLine({ type: 'PER', best: 0.906, readings: 1 }), 'tagger PER 0.91');
	assert.equal(readingLine({ type: 'LOC', best: 0.7, readings: 2 }), 'tagger LOC 0.70 (2 readings)');
});

test('evidence of other kinds is no reading', () => {
	for (const line of ['capitalised name', 'gazetteer: country', 'taggers agree', 'tagger said so', 'learned from your annotations'])
		assert.equal(readingOf(line), null, line);
});

test('readings of one type join into the best confidence and the sum of readings, in order of first appearance', () => {
	assert.deepEqual(
		joinReadings([
			{ type: 'PER', best: 0.6, readings: 1 },
			{ type: 'ORG', best: 0.8, readings: 2 },
			{ type: 'PER', best: 0.9, readings: 3 },
		]),
		[
			{ type: 'PER', best: 0.9, readings: 4 },
			{ type: 'ORG', best: 0.8, readings: 2 },
		],
	);
});

test('joined evidence keeps the other lines once, in order, and puts one tagger line per type after them', () => {
	assert.deepEqual(joinEvidence(['tagger PER 0.60', 'title ‘Mr.’', 'tagger PER 0.95 (2 readings)', 'title ‘Mr.’', 'tagger ORG 0.51']), [
		'title ‘Mr.’',
		'tagger PER 0.95 (3 readings)',
		'tagger ORG 0.51',
	]);
});
