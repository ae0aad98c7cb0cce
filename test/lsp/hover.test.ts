/** Protocol tests: hovers on entities, dates and claim cues, on the sample and on fixtures. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { analyze, type DocumentAnnotations } from './analyzeAsServer';
import { FIXTURES, positionAt, positionOf, read, SAMPLE, Session, uriOf } from './harness';

// A card's first line says who made the annotation; the tests below read the card after it.
const ORIGIN = /^\*(Suggestion — [^*\n]+|Confirmed by you)\*\n\n/;
const value = (h: Hover | null) => {
	const v = (h?.contents as MarkupContent | undefined)?.value ?? '';
	if (!v.startsWith('**Published')) assert.match(v, ORIGIN, 'the first line says who made the annotation');
	return v.replace(ORIGIN, '');
};

describe('hovers', () => {
	let s: Session;
	const docs = new Map<string, { uri: string; text: string; ann: DocumentAnnotations }>();
	const hoverAt = (file: string, needle: string, nth = 0, delta = 1) => {
		const d = docs.get(file)!;
		return s.request<Hover | null>('textDocument/hover', { textDocument: { uri: d.uri }, position: positionOf(d.text, needle, nth, delta) });
	};

	before(async () => {
		s = await Session.start();
		for (const file of [SAMPLE, path.join(FIXTURES, 'flood-relief.txt'), path.join(FIXTURES, 'election-count.txt')]) {
			const text = read(file);
			docs.set(path.basename(file), { uri: uriOf(file), text, ann: analyze(text) });
			await s.open(uriOf(file), text, 'text');
		}
	});
	after(() => s.kill());

	test('hovering "Haftar" shows the entity card: canonical name, type, mentions, first line', async () => {
		const { ann, text } = docs.get(path.basename(SAMPLE))!;
		const at = text.indexOf('Haftar', text.indexOf('backed'));
		const e = ann.entities.find((x) => x.mentions.some((m) => m.start <= at && at < m.end));
		assert.ok(e, 'the analysis finds Haftar');
		const h = await hoverAt(path.basename(SAMPLE), 'backed Haftar', 0, 'backed '.length + 2);
		const v = value(h);
		assert.equal((h!.contents as MarkupContent).kind, 'markdown');
		assert.ok(v.startsWith(`**${e.name}**`), v);
		assert.match(v, new RegExp(`${e.mentions.length} mentions?, first on line \\d+`));
		if (e.mentions.some((m) => m.text !== e.name)) assert.match(v, /Also written: /);
		const m = e.mentions.find((x) => x.start <= at && at < x.end)!;
		assert.deepEqual(h!.range, { start: positionAt(text, m.start), end: positionAt(text, m.end) });
	});

	test("the card's other known names leave out the spellings the text used, and are worded", async () => {
		const { ann, text } = docs.get(path.basename(SAMPLE))!;
		const e = ann.entities.find((x) => x.facts?.aka && x.mentions.some((m) => x.facts!.aka.split(', ').includes(m.text)));
		assert.ok(e, 'the sample has an entity written in the text under one of its other known names');
		const v = value(await s.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(SAMPLE) }, position: positionAt(text, e.mentions[0].start) }));
		const used = new Set(e.mentions.map((m) => m.text));
		const rest = e.facts!.aka.split(', ').filter((x) => !used.has(x) && x !== e.name);
		assert.doesNotMatch(v, /^aka:/m);
		if (rest.length) assert.ok(v.includes(`Also known as: **${rest.join(', ')}**`), v);
		else assert.doesNotMatch(v, /Also known as/);
	});

	test('the entity card lists the claims the entity is the source of', async () => {
		const { ann, text } = docs.get(path.basename(SAMPLE))!;
		const source = ann.entities.find((e) => ann.claims.some((c) => c.source?.entity === e.id));
		assert.ok(source, 'some claim has an entity source');
		const m = source.mentions[0];
		const h = await s.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(SAMPLE) }, position: positionAt(text, m.start) });
		const n = ann.claims.filter((c) => c.source?.entity === source.id).length;
		assert.match(value(h), new RegExp(`Source of ${n} claims?`));
	});

	test('hovering a relative date shows the value in words and ISO, the weekday and its distance from publication', async () => {
		const { ann } = docs.get('flood-relief.txt')!;
		const d = ann.dates.find((x) => x.text === 'Tuesday');
		assert.ok(d, 'the analysis resolves “Tuesday”');
		const v = value(await hoverAt('flood-relief.txt', 'Tuesday'));
		assert.ok(v.includes(`\`${d.value}\``), v);
		assert.match(v, /^\*\*Tuesday \d+ \w+ \d{4}\*\*/);
		assert.match(v, /(\d+ days|the day) (before|after) publication|on the publication date/);
		assert.match(v, /resolved against the publication date \(2023-04-14\)/);
	});

	test('hovering a month shows the month and the distance in months', async () => {
		const { ann } = docs.get('flood-relief.txt')!;
		const d = ann.dates.find((x) => x.text === 'March');
		assert.ok(d && /^\d{4}-\d{2}$/.test(d.value), 'the analysis resolves “March” to a month');
		const v = value(await hoverAt('flood-relief.txt', 'March'));
		assert.match(v, /^\*\*March \d{4}\*\*/);
		assert.match(v, /month(s)? (before|after) publication|the month of publication/);
	});

	test('hovering a claim cue shows the kind of claim, its source and its figures', async () => {
		const { ann } = docs.get('flood-relief.txt')!;
		const c = ann.claims.find((x) => x.cue?.text === 'According to');
		assert.ok(c, 'the analysis finds the “According to” claim');
		const v = value(await hoverAt('flood-relief.txt', 'According to'));
		assert.match(v, /^\*\*Attributed claim\*\*/);
		assert.match(v, /Source: \*\*.*World Health Organization/);
		assert.match(v, /cholera cases in Kenya have doubled/);
		if (c.figures?.length) assert.ok(v.includes(`Figures: **${c.figures[0]}**`), v);
	});

	test('positions count UTF-16 code units across CRLF line ends and an emoji', async () => {
		const { text, ann } = docs.get('election-count.txt')!;
		const lisbon = ann.entities.find((e) => e.name === 'Lisbon');
		assert.ok(lisbon, 'the analysis finds Lisbon');
		const h = await hoverAt('election-count.txt', 'Lisbon', 0, 2);
		assert.deepEqual(h!.range, { start: positionOf(text, 'Lisbon'), end: positionOf(text, 'Lisbon', 0, 6) });
		assert.equal(positionOf(text, 'Lisbon').line, 2);
	});

	test('hovering the header shows the publication date in words and what was found', async () => {
		const { ann } = docs.get('flood-relief.txt')!;
		const v = value(await hoverAt('flood-relief.txt', 'date 2023', 0, 7));
		assert.ok(v.startsWith('**Published Friday 14 April 2023** — `2023-04-14`'), v);
		assert.ok(v.includes(`${ann.entities.length} entities · ${ann.dates.length} dates`), v);
	});

	test('a word that is not annotated has no hover', async () => {
		assert.equal(await hoverAt('flood-relief.txt', 'flooded'), null);
	});
});
