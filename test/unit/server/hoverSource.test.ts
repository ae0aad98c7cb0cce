import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeDocument } from '../../../server/src/analysis';
import { sourceReading } from '../../../server/src/features/hover';

// The claim hover's source line: the role is what the source phrase says beyond the name, never
// an article left over ("According to the UN" is the UN, with no role "the").

function readings(text: string) {
	const { annotations } = analyzeDocument(text);
	return annotations.claims
		.filter((c) => c.source?.entity)
		.map((c) => ({
			source: c.source!.text,
			...sourceReading(
				c,
				annotations.entities.find((e) => e.id === c.source!.entity),
			),
		}));
}

test('a source written with an article and an acronym has no role', () => {
	const r = readings('date 2024-03-05 Aid\n\nAccording to the UN, more than 40,000 people have fled the fighting since January.\n');
	const un = r.find((x) => /UN/.test(x.source));
	assert.ok(un, JSON.stringify(r));
	assert.equal(un.role, undefined);
});

test('a title written before a name is the role', () => {
	const r = readings('date 2024-03-05 Aid\n\nLabour party spokeswoman Anna Berg said the plan would cost 3 billion euros.\n');
	const berg = r.find((x) => /Berg/.test(x.source));
	assert.ok(berg, JSON.stringify(r));
	assert.match(berg.role ?? '', /spokeswoman/);
});
