// Check-worthiness on a gold set written for it (test/fixtures/checkworthy/gold.tsv): half statements worth
// checking, of every class, half that must stay quiet (narrative, hedged, attributed, opinion, rumours,
// questions, a heading). Each sentence is a seed file of its own, analysed as a whole.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../../server/src/analysis';

const rows = fs
	.readFileSync(path.join(__dirname, '../../fixtures/checkworthy/gold.tsv'), 'utf8')
	.split('\n')
	.filter((l) => l.trim() && !l.startsWith('#'))
	.map((l) => {
		const [want, sentence] = l.split('\t');
		return { want, sentence };
	});

const flagged = (sentence: string) =>
	analyze(`date 2026-11-20 Check-worthiness\n\n${sentence}\n`)
		.claims.filter((c) => c.kind === 'unattributed')
		.flatMap((c) => c.reasons ?? []);

test('the gold set has both halves and every class', () => {
	const positive = rows.filter((r) => !r.want.startsWith('none'));
	assert.ok(rows.length >= 60 && Math.abs(2 * positive.length - rows.length) <= 4, `${positive.length} of ${rows.length}`);
	for (const reason of ['figure', 'accusation', 'superlative', 'comparison', 'first', 'causal', 'negative']) {
		assert.ok(
			positive.some((r) => r.want === reason),
			reason,
		);
	}
});

test('flags check-worthy statements with precision ≥ 0.9 and recall ≥ 0.8, for the right reason', () => {
	let tp = 0;
	let fp = 0;
	let fn = 0;
	const misses: string[] = [];
	for (const { want, sentence } of rows) {
		const reasons = flagged(sentence);
		if (want.startsWith('none')) {
			if (reasons.length) {
				fp++;
				misses.push(`noise (${reasons.join(', ')}; should be quiet: ${want.slice(5)}): ${sentence}`);
			}
		} else if (reasons.includes(want)) tp++;
		else {
			fn++;
			// Flagged for another reason only: counted as a miss and as noise.
			if (reasons.length) fp++;
			misses.push(`missed ${want}${reasons.length ? ` (got ${reasons.join(', ')})` : ''}: ${sentence}`);
		}
	}
	const precision = tp / Math.max(1, tp + fp);
	const recall = tp / Math.max(1, tp + fn);
	console.log(`check-worthiness gold: ${rows.length} sentences, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
	for (const m of misses) console.log(`  ${m}`);
	assert.ok(precision >= 0.9, `precision ${precision.toFixed(3)}`);
	assert.ok(recall >= 0.8, `recall ${recall.toFixed(3)}`);
});
