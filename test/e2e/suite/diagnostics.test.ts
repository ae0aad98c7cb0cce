/** Diagnostics as the Problems panel gets them, and severity settings changing them live. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, EXTENSION_ID, openSeed, SAMPLE, waitForDiagnostics, workspaceFile } from './helpers';

const hasCodes = (want: string[]) => (ds: vscode.Diagnostic[]) => want.every((c) => ds.some((d) => codeOf(d) === c));

/** Whether the manifest declares a setting (settings not declared cannot be written). */
const declares = (key: string) => Boolean(vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON?.contributes?.configuration?.properties?.[key]);

suite('Diagnostics', () => {
	test('the sample gets entity, date and attributed-claim findings from Seed Lens', async () => {
		const doc = await openSeed(SAMPLE);
		const ds = await waitForDiagnostics(
			doc.uri,
			'entity, date and attributed-claim diagnostics on the sample',
			hasCodes(['entity', 'date', 'attributed-claim']),
		);
		const haftar = ds.filter((d) => codeOf(d) === 'entity' && doc.getText(d.range) === 'Haftar');
		assert.ok(haftar.length >= 2, `expected an entity diagnostic on each later “Haftar”, saw ${haftar.length}`);
	});

	test('a fixture reports its truncated sentence and its repeated paragraph on the right lines', async () => {
		const doc = await openSeed(workspaceFile('desk', 'harbour-strike.txt'));
		const ds = await waitForDiagnostics(
			doc.uri,
			'truncated-sentence and duplicate-paragraph on harbour-strike.txt',
			hasCodes(['truncated-sentence', 'duplicate-paragraph', 'entity', 'date', 'attributed-claim', 'quote']),
		);
		const truncated = ds.filter((d) => codeOf(d) === 'truncated-sentence');
		assert.deepEqual(
			truncated.map((d) => [d.range.start.line, d.severity]),
			[[12, vscode.DiagnosticSeverity.Warning]],
		);
		const repeated = ds.filter((d) => codeOf(d) === 'duplicate-paragraph');
		assert.deepEqual(
			repeated.map((d) => [d.range.start.line, d.severity]),
			[[14, vscode.DiagnosticSeverity.Warning]],
		);
		const lindqvist = ds.find((d) => codeOf(d) === 'entity' && doc.getText(d.range) === 'Marta Lindqvist');
		assert.ok(lindqvist, 'no entity diagnostic covers “Marta Lindqvist”');
	});

	test('editing a document updates its diagnostics', async () => {
		const doc = await vscode.workspace.openTextDocument({
			language: 'seed',
			content: 'date 2024-05-02 Council vote\n\nThe city council in Leeds voted to close two libraries.\n',
		});
		await vscode.window.showTextDocument(doc);
		await waitForDiagnostics(doc.uri, 'a first analysis of the untitled seed', (ds) => !ds.some((d) => codeOf(d) === 'duplicate-paragraph'));
		const edit = new vscode.WorkspaceEdit();
		edit.insert(doc.uri, doc.positionAt(doc.getText().length), '\nThe city council in Leeds voted to close two libraries.\n');
		assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was refused');
		const ds = await waitForDiagnostics(doc.uri, 'duplicate-paragraph after repeating a paragraph', hasCodes(['duplicate-paragraph']));
		assert.equal(ds.find((d) => codeOf(d) === 'duplicate-paragraph')?.range.start.line, 4);
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	});

	test('changing seedLens.severity.entities changes entity diagnostics live', async function () {
		const doc = await openSeed(SAMPLE);
		const entities = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'entity');
		assert.ok(declares('seedLens.severity.entities'), 'the manifest does not declare seedLens.severity.entities');
		const config = () => vscode.workspace.getConfiguration('seedLens');
		try {
			await config().update('severity.entities', 'off', vscode.ConfigurationTarget.Global);
			await waitForDiagnostics(doc.uri, 'entity diagnostics to disappear with severity "off"', (ds) => ds.length > 0 && entities(ds).length === 0);
			await config().update('severity.entities', 'warning', vscode.ConfigurationTarget.Global);
			await waitForDiagnostics(
				doc.uri,
				'entity diagnostics as warnings',
				(ds) => entities(ds).length > 0 && entities(ds).every((d) => d.severity === vscode.DiagnosticSeverity.Warning),
			);
		} finally {
			await config().update('severity.entities', undefined, vscode.ConfigurationTarget.Global);
		}
		await waitForDiagnostics(
			doc.uri,
			'entity diagnostics back at their default',
			(ds) => entities(ds).length > 0 && entities(ds).every((d) => d.severity !== vscode.DiagnosticSeverity.Warning),
		);
	});

	test('seedLens.severity.problems raises one problem code to an error and leaves the others', async () => {
		assert.ok(declares('seedLens.severity.problems'), 'the manifest does not declare seedLens.severity.problems');
		const doc = await openSeed(workspaceFile('desk', 'harbour-strike.txt'));
		const level = (code: string) => (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === code).map((d) => d.severity);
		const config = () => vscode.workspace.getConfiguration('seedLens');
		try {
			await config().update('severity.problems', { 'truncated-sentence': 'error' }, vscode.ConfigurationTarget.Global);
			const ds = await waitForDiagnostics(
				doc.uri,
				'truncated-sentence as an error',
				(ds) => level('truncated-sentence')(ds).join() === String(vscode.DiagnosticSeverity.Error),
			);
			assert.deepEqual(level('duplicate-paragraph')(ds), [vscode.DiagnosticSeverity.Warning]);
		} finally {
			await config().update('severity.problems', undefined, vscode.ConfigurationTarget.Global);
		}
		await waitForDiagnostics(
			doc.uri,
			'truncated-sentence back to a warning',
			(ds) => level('truncated-sentence')(ds).join() === String(vscode.DiagnosticSeverity.Warning),
		);
	});
});
