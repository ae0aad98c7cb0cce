/** Recovery: when the language server dies, the client starts a new one and the features come back. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SeedLensApi } from '../../../client/src/extension';
import { EXTENSION_ID, hoverText, openSeed, positionOf, SAMPLE, waitFor } from './helpers';

suite('Recovery', () => {
	test('a killed server is restarted and hovers answer again', async () => {
		const ext = vscode.extensions.getExtension<SeedLensApi>(EXTENSION_ID);
		assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
		const api = await ext.activate();
		const doc = await openSeed(SAMPLE);
		const at = positionOf(doc, 'backed Haftar', 0, 'backed '.length + 2);
		const hover = () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
		await waitFor('a hover before the crash', hover, (h) => /Haftar/.test(hoverText(h)), 30_000, hoverText);
		const before = await waitFor(
			'the server process id',
			() => api.serverPid(),
			(pid) => typeof pid === 'number',
		);
		process.kill(before!, 'SIGKILL');
		const after = await waitFor(
			'a new server process',
			() => api.serverPid(),
			(pid) => typeof pid === 'number' && pid !== before,
			30_000,
		);
		assert.notEqual(after, before);
		await waitFor('a hover from the restarted server', hover, (h) => /Haftar/.test(hoverText(h)), 30_000, hoverText);
	});
});
