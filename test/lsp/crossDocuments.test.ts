/** Protocol tests: figures and dates that disagree across two open reports, with related information and the figures' hover. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { positionOf, Session, uriOf } from './harness';

const WIRE = `date 2021-11-11 Haftar's forces say 300 mercenaries will leave Libya

Libyan strongman Khalifa Haftar's forces declared Thursday that 300 foreign mercenaries fighting on their side will leave the country.
`;
const DAILY = `date 2021-11-12 Libya: a first withdrawal of foreign fighters

Forces loyal to Khalifa Haftar said on Thursday that 200 mercenaries would be withdrawn from Libya in a first step.
`;
const AGENCY = `date 2022-04-22 Blast at Kabul mosque

A bomb exploded on Thursday at a mosque in Kabul, killing at least eight people, police said.
`;
const TIMES = `date 2022-04-23 Kabul mosque bombing

Twelve people were killed when a bomb exploded on Friday at a Shiite mosque in Kabul, a spokesman for the Taliban said.
`;

describe('conflicts across documents', () => {
	let s: Session;
	let root: string;
	const files: Record<string, string> = {};

	before(async () => {
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-lens-xdoc-'));
		for (const [name, text] of Object.entries({ 'wire.txt': WIRE, 'daily.txt': DAILY, 'agency.txt': AGENCY, 'times.txt': TIMES })) {
			files[name] = path.join(root, name);
			fs.writeFileSync(files[name], text);
		}
		s = await Session.start({ root });
		await s.indexed();
	});
	after(() => {
		s.kill();
		fs.rmSync(root, { recursive: true, force: true });
	});

	const latest = (file: string) => s.diagnostics.get(uriOf(file))?.at(-1)?.diagnostics ?? [];
	const conflictsOf = (file: string) => latest(file).filter((d: Diagnostic) => String(d.code).startsWith('conflicting-'));
	/** Asks after a round trip to the server, so that what it sent meanwhile has arrived. */
	const poll =
		<T>(f: () => T) =>
		async () => {
			await s.request('seedLens/indexStatus', undefined);
			return f();
		};

	test('two open reports with different figures both get conflicting-figure, each pointing at the other', async () => {
		await s.open(uriOf(files['wire.txt']), WIRE);
		await s.open(uriOf(files['daily.txt']), DAILY);
		const wire = await s.until(
			'conflict in wire.txt',
			poll(() => conflictsOf(files['wire.txt']).length > 0 && conflictsOf(files['wire.txt'])),
		);
		const daily = await s.until(
			'conflict in daily.txt',
			poll(() => conflictsOf(files['daily.txt']).length > 0 && conflictsOf(files['daily.txt'])),
		);
		assert.equal(wire.length, 1);
		assert.equal(wire[0].code, 'conflicting-figure');
		assert.deepEqual(wire[0].range.start, positionOf(WIRE, '300 foreign'));
		assert.match(String(wire[0].message), /^Figures disagree: 300 foreign mercenaries here; 200 mercenaries in daily\.txt \(2021-11-11, according to/);
		const rel = wire[0].relatedInformation![0];
		assert.equal(rel.location.uri, uriOf(files['daily.txt']));
		assert.deepEqual(rel.location.range.start, positionOf(DAILY, '200 mercenaries'));
		assert.match(rel.message, /^Forces loyal to Khalifa Haftar said on Thursday that 200 mercenaries/);
		assert.equal(daily[0].relatedInformation![0].location.uri, uriOf(files['wire.txt']));
	});

	test('the hover of a figure lists every document that gives it, with source and date', async () => {
		const hover = await s.request<Hover>('textDocument/hover', {
			textDocument: { uri: uriOf(files['daily.txt']) },
			position: positionOf(DAILY, '200 mercenaries', 0, 1),
		});
		const text = (hover.contents as { value: string }).value;
		assert.match(text, /the same count in 2 documents/);
		assert.match(text, /\*\*200\*\* — 2021-11-11, according to .* — daily\.txt:3 \(here\)/);
		assert.match(text, /\*\*300\*\* — 2021-11-11, according to Khalifa Haftar — wire\.txt:3/);
	});

	test('an edit that makes the figures agree clears the conflict in the other open report too', async () => {
		const fixed = DAILY.replace('200 mercenaries', '300 mercenaries');
		await s.change(uriOf(files['daily.txt']), 2, fixed);
		await s.until(
			'no conflict left in wire.txt',
			poll(() => conflictsOf(files['wire.txt']).length === 0 && latest(files['wire.txt']).length > 0),
		);
		await s.change(uriOf(files['daily.txt']), 3, DAILY);
		await s.until(
			'the conflict back in wire.txt',
			poll(() => conflictsOf(files['wire.txt']).length === 1),
		);
	});

	test('the same event dated differently gets conflicting-date; files on disk count without being open', async () => {
		await s.open(uriOf(files['agency.txt']), AGENCY);
		const d = await s.until(
			'date conflict in agency.txt',
			poll(() => conflictsOf(files['agency.txt']).find((x) => x.code === 'conflicting-date')),
		);
		assert.deepEqual(d.range.start, positionOf(AGENCY, 'Thursday'));
		assert.match(String(d.message), /Dates disagree for the same event \(explode\): “Thursday” \(2022-04-21\) here; “Friday” \(2022-04-22\) in times\.txt/);
		assert.deepEqual(d.relatedInformation![0].location.range.start, positionOf(TIMES, 'Friday'));
	});

	test('seedLens.ignore silences the codes', async () => {
		await s.configure({ ignore: ['conflicting-figure', 'conflicting-date'] });
		await s.until(
			'no conflicts once ignored',
			poll(() => conflictsOf(files['agency.txt']).length === 0 && conflictsOf(files['wire.txt']).length === 0),
		);
		await s.configure({ ignore: [] });
	});

	test('seedLens/entityPage gathers an entity across the files, each line with the location of its sentence', async () => {
		const page = await s.request<any>('seedLens/entityPage', { name: 'Haftar' });
		assert.equal(page.name, 'Khalifa Haftar');
		assert.deepEqual(page.documents.map((d: any) => d.file).sort(), ['daily.txt', 'wire.txt']);
		const said = page.said.find((l: any) => l.file === 'daily.txt') ?? page.about.find((l: any) => l.file === 'daily.txt');
		assert.ok(said, JSON.stringify(page));
		assert.equal(said.range.start.line, 2);
		assert.match(said.text, /200 mercenaries/);
		assert.equal(await s.request('seedLens/entityPage', { name: 'Nobody Anywhere' }), null);
	});

	test('seedLens/timeline lists resolved dates in order, filtered by entity and range', async () => {
		const all = await s.request<any>('seedLens/timeline', {});
		const values = all.points.map((p: any) => p.value);
		assert.deepEqual(values, [...values].sort());
		assert.ok(values.includes('2021-11-11') && values.includes('2022-04-22'));
		const kabul = await s.request<any>('seedLens/timeline', { entity: 'Kabul' });
		assert.ok(kabul.points.length >= 2 && kabul.points.every((p: any) => ['agency.txt', 'times.txt'].includes(p.file)));
		const april = await s.request<any>('seedLens/timeline', { from: '2022-04-22', to: '2022-04-30' });
		assert.deepEqual(
			april.points.map((p: any) => `${p.file} ${p.value} ${p.dateText}`),
			['times.txt 2022-04-22 Friday'],
		);
	});
});
