// The sample seed's golden annotation (test/fixtures/sample.golden.json, written by hand) holds:
// every entity, date, claim and problem a careful reader marks is found, with exact spans and values.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../../server/src/analysis';

const root = path.resolve(__dirname, '../../..');
const golden = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/sample.golden.json'), 'utf8'));
const text = fs.readFileSync(path.join(root, golden.file), 'utf8');
const ann = analyze(text);

type At = [string, number];
const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
/** The span of the n-th whole-word occurrence of a text in the file ("Russia" is not in "Russian"). */
function span([needle, nth]: At): { start: number; end: number } {
	let at = -1;
	for (let i = 0; i <= nth; i++) {
		do at = text.indexOf(needle, at + 1);
		while (at >= 0 && (isWordChar(text[at - 1]) || isWordChar(text[at + needle.length])));
		assert.ok(at >= 0, `“${needle}” #${nth} is not in the sample`);
	}
	return { start: at, end: at + needle.length };
}
const same = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start === b.start && a.end === b.end;
const entityAt = (s: { start: number; end: number }) => ann.entities.find((e) => e.mentions.some((m) => same(m, s)));

test('the header gives the publication date and the title', () => {
	assert.equal(ann.header.date, golden.header.date);
	assert.equal(ann.header.title, golden.header.title);
});

for (const g of golden.entities) {
	test(`${g.name} is one ${g.type} entity with each of its mentions`, () => {
		const e = entityAt(span(g.mentions[0]));
		assert.ok(e, `no entity has the mention “${g.mentions[0][0]}” #${g.mentions[0][1]}`);
		assert.equal(e.type, g.type, `${g.name}`);
		for (const m of g.mentions)
			assert.ok(
				e.mentions.some((x) => same(x, span(m))),
				`${e.name} lacks the mention “${m[0]}” #${m[1]}`,
			);
	});
}

test('a possessive and a pro- prefix are mentions of the name alone', () => {
	const haftar = entityAt(span(['Khalifa Haftar', 0]));
	const proHaftar = span(['Haftar', 5]); // "Pro-Haftar delegates"
	assert.ok(
		haftar?.mentions.some((m) => same(m, proHaftar)),
		'Pro-Haftar is not a mention of Haftar',
	);
	assert.ok(haftar?.mentions.every((m) => m.text === text.slice(m.start, m.end) && !/[’']s$/.test(m.text)));
});

for (const g of golden.dates) {
	test(`“${g.text[0]}” #${g.text[1]} resolves to ${g.value}`, () => {
		const s = span(g.text);
		const d = ann.dates.find((x) => same(x, s));
		assert.ok(d, `no date at “${g.text[0]}” #${g.text[1]}; dates: ${ann.dates.map((x) => x.text).join(', ')}`);
		assert.equal(d.value, g.value);
		assert.equal(d.relative, g.relative);
	});
}

for (const g of golden.claims) {
	test(`the ${g.kind} claim cued by “${g.cue[0]}” #${g.cue[1]} has its source`, () => {
		const cue = span(g.cue);
		// A cue may run on into a fixed frame ("announced in a statement"); it starts at the cue word.
		const c = ann.claims.find((x) => x.cue && x.cue.start === cue.start && x.cue.end >= cue.end);
		assert.ok(c, `no claim cued by “${g.cue[0]}” #${g.cue[1]}`);
		assert.equal(c.kind, g.kind);
		assert.ok(c.source, 'the claim has no source');
		if (g.source) assert.ok(same(c.source, span(g.source)), `source is “${c.source.text}”`);
		if (g.sourceEntity) assert.equal(ann.entities.find((e) => e.id === c.source?.entity)?.name, g.sourceEntity, `source “${c.source.text}”`);
	});
}

for (const g of golden.diagnostics) {
	test(`the ${g.code} problem is reported on its sentence`, () => {
		const s = span(g.text);
		assert.ok(
			ann.diagnostics.some((d) => d.code === g.code && d.start <= s.start && d.end >= s.start),
			`diagnostics: ${ann.diagnostics.map((d) => d.code).join(', ')}`,
		);
	});
}
