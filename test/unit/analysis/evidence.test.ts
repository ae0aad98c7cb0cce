import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { evidenceLines, joinReadings, readingLine } from '../../../server/src/analysis/entities/evidence';

// The tagger's evidence is data (`Entity.tagger`: a type, a best confidence, a count of readings), joined
// as data and worded once, in this module; `Entity.evidence` keeps the rules' reasons in words.

test('a reading in words', () => {
	assert.equal(readingLine({ type: 'PER', best: 0.906, readings: 1 }), 'tagger PER 0.91');
	assert.equal(readingLine({ type: 'LOC', best: 0.7, readings: 2 }), 'tagger LOC 0.70 (2 readings)');
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

test('an entity’s "why" gives the other reasons once, in order, then one tagger line per type', () => {
	assert.deepEqual(
		evidenceLines({
			evidence: ['title ‘Mr.’', 'given name ‘Ana’', 'title ‘Mr.’'],
			tagger: [
				{ type: 'PER', best: 0.95, readings: 3 },
				{ type: 'ORG', best: 0.51, readings: 1 },
			],
		}),
		['title ‘Mr.’', 'given name ‘Ana’', 'tagger PER 0.95 (3 readings)', 'tagger ORG 0.51'],
	);
});

test('the analysis gives the tagger’s readings as data, joined over an entity’s mentions, and no tagger line in the words', () => {
	const text = 'date 2024-03-05 Test\n\nMaria Gonzalez met the press in Lyon. Later, Maria Gonzalez said the plan was sound.\n';
	const e = analyze(text).entities.find((x) => x.name === 'Maria Gonzalez');
	assert.ok(e?.tagger?.length, JSON.stringify(e));
	const per = e.tagger.find((r) => r.type === 'PER');
	assert.ok(per && per.readings === 2 && per.best > 0.5 && per.best <= 1, JSON.stringify(e.tagger));
	assert.ok(!(e.evidence ?? []).some((x) => x.startsWith('tagger ')), JSON.stringify(e.evidence));
});
