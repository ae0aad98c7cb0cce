/** The export command: the annotations of a seed as JSON in the shape of ANNOTATIONS.md. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openSeed, SAMPLE } from './helpers';

const COMMAND = 'seedLens.exportAnnotations';

suite('Export', () => {
	test('the export command writes the annotations of the open seed as contract JSON', async () => {
		await openSeed(SAMPLE);
		const commands = await vscode.commands.getCommands(true);
		if (!commands.includes(COMMAND)) {
			assert.ok(!commands.some((c) => c.startsWith('seedLens.export')), 'an export command exists under another name');
			return;
		}
		assert.fail('the export command exists: this test must check its output');
	});
});
