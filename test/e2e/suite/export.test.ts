/** The export command: the annotations of a seed as JSON in the shape of ANNOTATIONS.md. */
import * as assert from 'node:assert/strict';
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
});
