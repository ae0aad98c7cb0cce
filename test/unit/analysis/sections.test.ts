import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sectionAnalyses, analyzeDocument } from '../../../server/src/analysis/analyze';
import { splitParagraphs } from '../../../server/src/analysis/document';
import { SECTION_THRESHOLD, sectionsOf } from '../../../server/src/analysis/sections';
import type { DocumentAnnotations } from '../../../server/src/analysis/types';
import { rng } from '../../../bench/pathological';

// Long documents are read in sections (sections.ts) and put back together (combine.ts). These
// tests pin what that must never change: offsets into the whole text, one entity per name, and
// an incremental analysis with a cache that equals a fresh one.

const samples = join(__dirname, '../../../samples');
const bodies = readdirSync(samples)
	.filter((f) => f.endsWith('.txt'))
	.map((f) => readFileSync(join(samples, f), 'utf8'));
const paragraphs = bodies.flatMap((t) => t.split(/\n\s*\n/).slice(1)).filter((p) => p.trim().length > 40);

const PEOPLE = ['Amina Yusuf', 'Tomás Herrera', 'Li Wei', 'Grace Mensah', 'Pavel Novak', 'Sara Lindqvist'];

// A long article from the samples' paragraphs, each copy made distinct by a person and a figure.
function longDocument(chars: number, seed = 1): string {
	const r = rng(seed);
	const out = ['date 2021-11-11 A long compiled file', ''];
	let n = 0;
	for (let i = 0; n < chars; i++) {
		const p = paragraphs[Math.floor(r() * paragraphs.length)];
		const who = PEOPLE[i % PEOPLE.length];
		const para = `${who} said on Thursday that ${100 + i} families had left. ${p}`;
		out.push(para, '');
		n += para.length + 2;
	}
	return out.join('\n');
}

function spansHold(text: string, a: DocumentAnnotations): void {
	const check = (s: { start: number; end: number; text?: string }, what: string) => {
		assert.ok(s.start >= 0 && s.end <= text.length && s.start <= s.end, `${what} out of range: ${s.start}-${s.end}`);
		if (s.text !== undefined) assert.equal(text.slice(s.start, s.end), s.text, `${what} text differs from its slice`);
	};
	for (const e of a.entities) for (const m of e.mentions) check(m, `mention of ${e.name}`);
	for (const d of a.dates) check(d, 'date');
	for (const c of a.claims) {
		check(c, 'claim');
		if (c.cue) check(c.cue, 'cue');
		if (c.source) check(c.source, 'source');
	}
	for (const d of a.diagnostics) check(d, `diagnostic ${d.code}`);
}

test('a long document is read in sections, with every span pointing into the whole text', () => {
	const text = longDocument(SECTION_THRESHOLD * 3);
	const sections = sectionsOf(text, splitParagraphs(text, text.indexOf('\n') + 1));
	assert.ok(sections.length >= 6, `only ${sections.length} sections`);
	const a = analyzeDocument(text).annotations;
	spansHold(text, a);
	assert.equal(a.header.date, '2021-11-11');
	assert.equal(a.diagnostics.filter((d) => d.code === 'missing-header' || d.code === 'missing-title').length, 0);
	// Ids in order of first mention, as for a document read whole.
	a.entities.forEach((e, i) => assert.equal(e.id, `e${i + 1}`));
	for (let i = 1; i < a.entities.length; i++) assert.ok(a.entities[i - 1].mentions[0].start < a.entities[i].mentions[0].start);
	const ids = new Set(a.entities.map((e) => e.id));
	for (const c of a.claims) if (c.source?.entity) assert.ok(ids.has(c.source.entity), `claim source names unknown ${c.source.entity}`);
});

test('a name met in several sections is one entity, and a surname alone joins its person', () => {
	// Past the last "Amina Yusuf" comes more than a whole section of other paragraphs, then the surname alone.
	const tail = Array.from({ length: 80 }, (_, i) => `${PEOPLE[1 + (i % 5)]} said ${i + 3} boats had docked at the harbour before noon.`).join('\n\n');
	const text = `${longDocument(SECTION_THRESHOLD * 2)}\n\n${tail}\n\nYusuf said the figures were final.\n`;
	const a = analyzeDocument(text).annotations;
	const amina = a.entities.filter((e) => e.name === 'Amina Yusuf');
	assert.equal(amina.length, 1);
	const [e] = amina;
	assert.ok(e.mentions.length > 10);
	assert.ok(e.mentions[e.mentions.length - 1].start > SECTION_THRESHOLD, 'no mention past the first section');
	assert.ok(
		e.mentions.some((m) => m.text === 'Yusuf' && m.start > text.length - 60),
		'the lone surname at the end did not join the person',
	);
	assert.equal(a.entities.filter((x) => x.name === 'Yusuf').length, 0);
});

test('with a cache, each edit re-reads the section edited and the result equals a fresh analysis', () => {
	const r = rng(7);
	let text = longDocument(SECTION_THRESHOLD * 2.5, 3);
	const cache = sectionAnalyses();
	analyzeDocument(text, {}, cache);
	const filled = cache.size;
	let misses = 0;
	for (let i = 0; i < 25; i++) {
		const at = 40 + Math.floor(r() * (text.length - 80));
		const k = r();
		// Typing, deleting, a new paragraph, two paragraphs joined.
		if (k < 0.4) text = text.slice(0, at) + 'x' + text.slice(at);
		else if (k < 0.7) text = text.slice(0, at) + text.slice(at + 3);
		else if (k < 0.85) text = text.slice(0, at) + '\n\n' + text.slice(at);
		else {
			const gap = text.indexOf('\n\n', at);
			if (gap > 0) text = text.slice(0, gap) + ' ' + text.slice(gap + 2);
		}
		const before = cache.size;
		const incremental = analyzeDocument(text, {}, cache).annotations;
		misses += cache.size - before;
		assert.deepEqual(incremental, analyzeDocument(text).annotations, `edit ${i} at ${at}`);
	}
	// Most edits touch one section; a new or joined paragraph may move a boundary beside it.
	assert.ok(misses <= 25 * 3, `${misses} sections re-read for 25 edits (of ${filled})`);
});

test('typing at the end of a paragraph re-reads only its section', () => {
	let text = longDocument(SECTION_THRESHOLD * 2, 5);
	const cache = sectionAnalyses();
	analyzeDocument(text, {}, cache);
	const at = text.indexOf('\n\n', Math.floor(text.length / 2));
	for (const ch of ' The minister said so.') {
		text = text.slice(0, at) + ch + text.slice(at);
		const before = cache.size;
		analyzeDocument(text, {}, cache);
		assert.equal(cache.size - before, 1);
	}
});

test('a document under the threshold is read whole and caches nothing', () => {
	const text = longDocument(SECTION_THRESHOLD / 3);
	const cache = sectionAnalyses();
	assert.deepEqual(analyzeDocument(text, {}, cache).annotations, analyzeDocument(text).annotations);
	assert.equal(cache.size, 0);
});

test('a paragraph repeated in a later section is reported with its number in the whole document', () => {
	const base = longDocument(SECTION_THRESHOLD * 2, 9);
	const para = 'The port authority confirmed that the northern terminal would stay closed until repairs were finished.';
	const text = base.replace('\n\n', `\n\n${para}\n\n`) + `\n\n${para}\n`;
	const dups = analyzeDocument(text).annotations.diagnostics.filter((d) => d.code === 'duplicate-paragraph' && text.slice(d.start, d.end) === para);
	assert.equal(dups.length, 1);
	assert.match(dups[0].message, /paragraph 1 /);
});
