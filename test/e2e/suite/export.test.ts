/** The export command: the annotations of a seed as JSON in the shape of ANNOTATIONS.md. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openSeed, SAMPLE, waitFor, workspaceFile } from './helpers';

const COMMAND = 'seedLens.exportAnnotations';
const TYPES = new Set(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'OTHER']);
const KINDS = new Set(['attributed', 'quote', 'unattributed']);
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

type Span = { start: number; end: number; text?: string };

/** Asserts that a span lies in the text and, where it carries its text, that the text is the slice. */
function assertSpan(text: string, s: Span, what: string) {
	assert.ok(
		Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length,
		`${what}: bad span ${s.start}–${s.end}`,
	);
	if (s.text !== undefined) assert.equal(s.text, text.slice(s.start, s.end), `${what}: text is not the slice at ${s.start}–${s.end}`);
}

suite('Export', () => {
	test('Export Annotations writes the open seed’s annotations as contract JSON to the file picked', async () => {
		const doc = await openSeed(SAMPLE);
		assert.ok((await vscode.commands.getCommands(true)).includes(COMMAND), `${COMMAND} is not registered`);
		const target = vscode.Uri.file(workspaceFile('exports', 'sample.annotations.json'));
		// The save dialog is the user's choice of file; the test answers it, as a person would.
		const window = vscode.window as { showSaveDialog: typeof vscode.window.showSaveDialog };
		const original = window.showSaveDialog;
		let asked: vscode.SaveDialogOptions | undefined;
		window.showSaveDialog = async (options) => {
			asked = options;
			return target;
		};
		try {
			await vscode.commands.executeCommand(COMMAND);
		} finally {
			window.showSaveDialog = original;
		}
		assert.ok(asked, 'the command did not ask where to save');
		const bytes = await waitFor(
			'the exported file',
			() => vscode.workspace.fs.readFile(target),
			(b) => b.length > 0,
			15_000,
			() => 'no file',
		);
		const parsed = JSON.parse(Buffer.from(bytes).toString('utf8'));
		const a = Array.isArray(parsed) ? parsed[0] : parsed;
		const text = doc.getText();
		assert.equal(a.version, 2);
		assert.equal(a.header.date, '2021-11-11');
		assert.equal(a.header.title, 'Libya’s 300 pro-Haftar mercenaries are leaving the country.');
		for (const key of ['entities', 'dates', 'claims', 'diagnostics']) assert.ok(Array.isArray(a[key]), `${key} is not an array`);
		for (const e of a.entities) {
			assert.ok(TYPES.has(e.type), `entity ${e.name}: type ${e.type}`);
			assert.ok(e.mentions.length > 0, `entity ${e.name} has no mention`);
			e.mentions.forEach((m: Span) => assertSpan(text, m, `mention of ${e.name}`));
		}
		const haftar = a.entities.find((e: { name: string }) => e.name === 'Khalifa Haftar');
		assert.equal(haftar?.type, 'PERSON');
		for (const d of a.dates) assertSpan(text, d, `date ${d.value}`);
		for (const c of a.claims) {
			assert.ok(KINDS.has(c.kind), `claim kind ${c.kind}`);
			assertSpan(text, c, 'claim');
			for (const part of ['cue', 'source', 'content'] as const) if (c[part]) assertSpan(text, c[part], `claim ${part}`);
		}
		for (const d of a.diagnostics) {
			assert.ok(SEVERITIES.has(d.severity), `diagnostic ${d.code}: severity ${d.severity}`);
			assert.match(d.code, /^[a-z]+(-[a-z]+)*$/);
			assertSpan(text, d, `diagnostic ${d.code}`);
		}
	});

	test('Export Gold Set (brat) writes each seed of the workspace with its reviewed annotations and annotation.conf to the folder picked', async () => {
		const seed = workspaceFile('seeds', 'ferry-talks.txt');
		const annFile = workspaceFile('seeds', 'ferry-talks.ann');
		const text = fs.readFileSync(seed, 'utf8');
		const span = (word: string) => `${text.indexOf(word)} ${text.indexOf(word) + word.length}\t${word}`;
		const [first, second] = (
			text
				.split('\n')
				.slice(1)
				.join(' ')
				.match(/\b[A-Z][a-z]{3,}\b/g) ?? []
		).filter((w, i, all) => all.indexOf(w) === i);
		assert.ok(first && second, 'the fixture has two capitalised words in its body');
		fs.writeFileSync(annFile, `T1\tORG ${span(first)}\nA1\tVerified T1\nT2\tGPE ${span(second)}\nA2\tRejected T2\n#1\tSeedLensState *\tdone\n`);
		const target = vscode.Uri.file(workspaceFile('exports', 'gold'));
		const window = vscode.window as { showQuickPick: unknown; showOpenDialog: typeof vscode.window.showOpenDialog };
		const [pick, open] = [window.showQuickPick, window.showOpenDialog];
		let offered: string[] = [];
		window.showQuickPick = async (items: readonly vscode.QuickPickItem[]) => {
			offered = items.map((i) => i.label);
			return items[0];
		};
		window.showOpenDialog = async () => [target];
		try {
			await vscode.commands.executeCommand('seedLens.exportGoldSet');
		} finally {
			[window.showQuickPick, window.showOpenDialog] = [pick, open];
			fs.rmSync(annFile, { force: true });
		}
		assert.deepEqual(offered, ['Reviewed annotations, for brat', 'Reviewed annotations, for INCEpTION', 'Everything']);
		const gold = (...p: string[]) => path.join(target.fsPath, ...p);
		assert.equal(fs.readFileSync(gold('seeds', 'ferry-talks.txt'), 'utf8'), text);
		assert.equal(fs.readFileSync(gold('seeds', 'ferry-talks.ann'), 'utf8'), `T1\tORG ${span(first)}\nA1\tVerified T1\n`);
		assert.ok(fs.existsSync(gold('desk', 'harbour-strike.ann')), 'every seed of the workspace is exported');
		assert.ok(!fs.existsSync(gold('notes', 'reading-list.txt')), 'a text file that is no seed is not');
		assert.match(fs.readFileSync(gold('annotation.conf'), 'utf8'), /^\[entities\]\nPERSON\n/m);
	});
});
