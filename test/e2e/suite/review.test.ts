/** Reviewing in the editor through the public commands: the walk through suggestions, Confirm All in a paragraph, Change Type. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { hoverText, openSeed, positionOf, waitFor, workspaceFile } from './helpers';

suite('Review', () => {
	const file = () => workspaceFile('desk', 'harbour-strike.txt');
	const annFile = () => workspaceFile('desk', 'harbour-strike.ann');

	test('Next and Previous Suggestion select the suggestions in document order', async () => {
		const doc = await openSeed(file());
		const editor = await vscode.window.showTextDocument(doc);
		editor.selection = new vscode.Selection(0, 0, 0, 0);
		await waitFor(
			'a first suggestion',
			async () => {
				await vscode.commands.executeCommand('seedLens.nextSuggestion');
				return editor.selection;
			},
			(s) => !s.isEmpty,
		);
		const first = editor.selection;
		await vscode.commands.executeCommand('seedLens.nextSuggestion');
		assert.ok(editor.selection.start.isAfter(first.start), 'Next moved forward');
		await vscode.commands.executeCommand('seedLens.previousSuggestion');
		assert.ok(editor.selection.isEqual(first), 'Previous came back');
	});

	test('Confirm All Suggestions in Paragraph writes each of the paragraph’s suggestions to the .ann as verified', async () => {
		const doc = await openSeed(file());
		const editor = await vscode.window.showTextDocument(doc);
		const at = positionOf(doc, 'Union leader Marta');
		editor.selection = new vscode.Selection(at, at);
		await vscode.commands.executeCommand('seedLens.confirmParagraph');
		const ann = await waitFor(
			'the .ann',
			() => (fs.existsSync(annFile()) ? fs.readFileSync(annFile(), 'utf8') : ''),
			(t) => /Marta Lindqvist/.test(t),
		);
		assert.match(ann, /^T\d+\tPERSON \d+ \d+\tMarta Lindqvist$/m);
		assert.match(ann, /^A\d+\tVerified T\d+$/m);
		const hovers = await waitFor(
			'the hover of a confirmed name',
			() => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'Marta Lindqvist')),
			(h) => /Confirmed by you/.test(hoverText(h)),
		);
		assert.match(hoverText(hovers), /Person/);
	});

	test('Change Type… retypes a suggestion to the type picked, and the suggestion count goes down', async () => {
		const doc = await openSeed(file());
		const uri = doc.uri.toString();
		const at = positionOf(doc, 'Antwerp');
		const window = vscode.window as { showQuickPick: typeof vscode.window.showQuickPick };
		const original = window.showQuickPick;
		window.showQuickPick = (async (items: readonly vscode.QuickPickItem[]) =>
			items.find((i) => i.label === 'Location')) as unknown as typeof window.showQuickPick;
		try {
			await vscode.commands.executeCommand('seedLens.changeType', uri, { start: at, end: at });
		} finally {
			window.showQuickPick = original;
		}
		const ann = await waitFor(
			'the retyped name in the .ann',
			() => fs.readFileSync(annFile(), 'utf8'),
			(t) => /\tLOC \d+ \d+\tAntwerp$/m.test(t),
		);
		assert.match(ann, /^#\d+\tSeedLensState \*\tin-review$/m);
	});
});
