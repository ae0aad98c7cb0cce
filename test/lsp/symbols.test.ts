/** Protocol tests: the hierarchical outline, and go to definition, references and highlights. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DocumentHighlight, DocumentSymbol, Location, Range } from 'vscode-languageserver-protocol';
import { analyze, type DocumentAnnotations } from './analyzeAsServer';
import { MAX_CHILDREN } from '../../server/src/features/documentSymbols';
import { FIXTURES, positionAt, read, SAMPLE, Session, uriOf, workspaceCopy } from './harness';

const GROUPS = ['People', 'Organisations', 'Places', 'Groups & nationalities', 'Other', 'Timeline', 'Claims'];
const GROUP_OF: Record<string, string> = {
	PERSON: 'People',
	ORG: 'Organisations',
	GPE: 'Places',
	LOC: 'Places',
	FAC: 'Places',
	NORP: 'Groups & nationalities',
	EVENT: 'Other',
	OTHER: 'Other',
};
const before_ = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const within = (inner: Range, outer: Range) => before_(outer.start, inner.start) && before_(inner.end, outer.end);

function checkContainment(s: DocumentSymbol, trail: string): void {
	assert.ok(within(s.selectionRange, s.range), `${trail}: selection outside range`);
	for (const c of s.children ?? []) {
		assert.ok(within(c.range, s.range), `${trail} > ${c.name}: outside its parent`);
		checkContainment(c, `${trail} > ${c.name}`);
	}
}

for (const file of [SAMPLE, path.join(FIXTURES, 'flood-relief.txt'), path.join(FIXTURES, 'port-strike.txt')]) {
	describe(`the outline of ${path.basename(file)}`, () => {
		let s: Session;
		let root: DocumentSymbol;
		const text = read(file);
		const ann: DocumentAnnotations = analyze(text);
		const group = (name: string) => root.children!.find((g) => g.name === name);

		before(async () => {
			s = await Session.start();
			await s.open(uriOf(file), text, 'text');
			const symbols = await s.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(file) } });
			assert.equal(symbols.length, 1);
			root = symbols[0];
		});
		after(() => s.kill());

		test('the root is the header: its title, with the date as detail', () => {
			assert.equal(root.name, ann.header.title);
			assert.equal(root.detail, ann.header.date);
			assert.deepEqual(root.selectionRange.start, positionAt(text, ann.header.start));
		});

		test('groups come in a fixed order and every child lies inside its parent', () => {
			const names = root.children!.map((g) => g.name);
			assert.deepEqual(
				names,
				GROUPS.filter((g) => names.includes(g)),
			);
			checkContainment(root, root.name);
		});

		test('every entity appears once, in the group of its type, selecting its first mention', () => {
			for (const e of ann.entities) {
				const g = group(GROUP_OF[e.type]);
				const hits = g?.children?.filter((c) => c.name === e.name) ?? [];
				assert.equal(hits.length, 1, `${e.name} (${e.type}) in ${GROUP_OF[e.type]}`);
				assert.deepEqual(hits[0].selectionRange.start, positionAt(text, e.mentions[0].start));
				// Later mentions are children, up to a limit, then one entry counts the rest.
				const later = e.mentions.length - 1;
				assert.equal(hits[0].children?.length ?? 0, Math.min(later, MAX_CHILDREN) + (later > MAX_CHILDREN ? 1 : 0));
			}
		});

		test('the timeline lists each date value once, in chronological order', () => {
			const timeline = group('Timeline');
			const values = [...new Set(ann.dates.map((d) => d.value))];
			assert.equal(timeline?.children?.length ?? 0, values.length);
			const isos = (timeline?.children ?? []).map((c) => c.detail!.split(' · ')[0]).filter((v) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v));
			const firstDays = isos.map((v) => (v + '-01-01').slice(0, 10));
			assert.deepEqual(firstDays, [...firstDays].sort());
		});

		test('claims are grouped by source, unattributed last', () => {
			const claims = group('Claims');
			assert.equal(
				(claims?.children ?? []).reduce((n, g) => n + g.children!.length, 0),
				ann.claims.length,
			);
			const names = (claims?.children ?? []).map((g) => g.name);
			if (names.includes('Unattributed')) assert.equal(names[names.length - 1], 'Unattributed');
		});
	});
}

describe('navigation', () => {
	let s: Session;
	let root: string;
	const files = ['flood-relief.txt', 'vaccine-rollout.seed', 'port-strike.txt', 'notes.txt'];

	before(async () => {
		root = workspaceCopy(files.map((f) => path.join(FIXTURES, f)));
		s = await Session.start({ root });
		await s.indexed();
	});
	after(() => s.kill());

	const open = async (name: string) => {
		const file = path.join(root, name);
		const text = read(file);
		await s.open(uriOf(file), text, 'text');
		return { uri: uriOf(file), text, ann: analyze(text) };
	};
	const entity = (ann: DocumentAnnotations, name: string) => {
		const e = ann.entities.find((x) => x.name === name);
		assert.ok(e, `the analysis finds ${name}`);
		return e;
	};

	test('go to definition from a later mention lands on the first mention', async () => {
		const { uri, text, ann } = await open('flood-relief.txt');
		const e = entity(ann, 'Grace Achieng');
		assert.ok(e.mentions.length > 1);
		const last = e.mentions[e.mentions.length - 1];
		const loc = await s.request<Location>('textDocument/definition', { textDocument: { uri }, position: positionAt(text, last.start + 1) });
		assert.deepEqual(loc, { uri, range: { start: positionAt(text, e.mentions[0].start), end: positionAt(text, e.mentions[0].end) } });
	});

	test('document highlight marks every mention of the entity under the cursor', async () => {
		const { uri, text, ann } = await open('flood-relief.txt');
		const e = entity(ann, 'Kenya');
		const hs = await s.request<DocumentHighlight[]>('textDocument/documentHighlight', {
			textDocument: { uri },
			position: positionAt(text, e.mentions[1].start),
		});
		assert.deepEqual(
			hs.map((h) => h.range.start),
			e.mentions.map((m) => positionAt(text, m.start)),
		);
	});

	test('references include the mentions in other seed files of the workspace, matched by name', async () => {
		const { uri, text, ann } = await open('flood-relief.txt');
		const e = entity(ann, 'Grace Achieng');
		const refs = await s.request<Location[]>('textDocument/references', {
			textDocument: { uri },
			position: positionAt(text, e.mentions[0].start),
			context: { includeDeclaration: true },
		});
		const here = refs.filter((r) => r.uri === uri);
		assert.equal(here.length, e.mentions.length);
		const other = path.join(root, 'vaccine-rollout.seed');
		const otherText = read(other);
		const there = refs.filter((r) => r.uri === uriOf(other));
		const expected = entity(analyze(otherText), 'Grace Achieng').mentions;
		assert.deepEqual(
			there.map((r) => r.range.start),
			expected.map((m) => positionAt(otherText, m.start)),
		);
		assert.ok(!refs.some((r) => r.uri.endsWith('notes.txt')), 'a text file without a header is not a seed file');
		const noDecl = await s.request<Location[]>('textDocument/references', {
			textDocument: { uri },
			position: positionAt(text, e.mentions[0].start),
			context: { includeDeclaration: false },
		});
		assert.equal(noDecl.length, refs.length - 1);
	});

	test('a position outside any entity has no definition and no references', async () => {
		const { uri, text } = await open('port-strike.txt');
		const at = positionAt(text, text.indexOf('voted'));
		assert.equal(await s.request('textDocument/definition', { textDocument: { uri }, position: at }), null);
		assert.deepEqual(await s.request('textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: true } }), []);
	});
});
