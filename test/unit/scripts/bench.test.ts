// The bench imports what it measures by: the stage calls (analyze.ts's STAGES) and the analysis
// threads' heap settings (analysisPool.ts's YOUNG_GENERATION_MB). It once read them out of the source
// text with patterns, which kept working after the source changed shape and then measured the wrong
// call (the claims stage was handed the options as its syntax model).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { STAGES } from '../../../server/src/analysis/analyze';
import { parseDocument } from '../../../server/src/analysis/document';
import { defaultOptions } from '../../../server/src/analysis/options';

const root = join(__dirname, '..', '..', '..');

test('no bench script reads a TypeScript source file as text', () => {
	const found = readdirSync(join(root, 'bench'))
		.filter((f) => f.endsWith('.mjs'))
		.filter((f) => /readFileSync\([^)]*\.ts['"`]/.test(readFileSync(join(root, 'bench', f), 'utf8')));
	assert.deepEqual(found, []);
});

test('the stages the bench times run chained as the analysis runs them', () => {
	const document = parseDocument('date 2021-11-12 Test\n\nThe minister said on Thursday that 40 people had left Paris.');
	const options = { ...defaultOptions };
	const entities = STAGES.entities({ document, options });
	const dates = STAGES.dates({ document });
	const claims = STAGES.claims({ document, options, entities });
	assert.deepEqual(
		entities.map((e) => e.name),
		['Paris'],
	);
	assert.deepEqual(
		dates.map((d) => d.value),
		['2021-11-11'],
	);
	assert.equal(claims.length, 1);
	assert.deepEqual(STAGES.problems({ document }), []);
});
