/** Opening files: which ones become `seed` documents, and the extension running in Restricted Mode. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { documentOf, EXTENSION_ID, openSeed, SAMPLE, waitFor, workspaceFile } from './helpers';

suite('Opening seed files', () => {
	test('the sample .txt seed outside any seeds folder opens as a seed document', async () => {
		const doc = await openSeed(SAMPLE);
		assert.equal(doc.languageId, 'seed');
	});

	test('the extension is active in the workspace as the runner opened it (untrusted: Restricted Mode)', async () => {
		const ext = vscode.extensions.getExtension(EXTENSION_ID);
		assert.ok(ext, `${EXTENSION_ID} is not installed`);
		await waitFor(
			'the extension to be active',
			() => ext.isActive,
			(a) => a,
			30_000,
		);
		// The code-server runner opens the folder untrusted; @vscode/test-electron turns trust off, which trusts it.
		const expected = process.env.SEED_LENS_E2E_TRUST;
		assert.ok(expected === 'restricted' || expected === 'trusted', `the runner must say which trust to expect (SEED_LENS_E2E_TRUST=${expected})`);
		assert.equal(vscode.workspace.isTrusted, expected === 'trusted');
	});

	test('a fixture seed outside a seeds folder is adopted by its first line', async () => {
		const doc = await openSeed(workspaceFile('desk', 'harbour-strike.txt'));
		assert.match(doc.lineAt(0).text, /^date 2024-03-14 /);
	});

	test('a .txt file in a seeds folder opens as a seed document', async () => {
		await openSeed(workspaceFile('seeds', 'ferry-talks.txt'));
	});

	test('a plain .txt file without a seed header stays plain text', async () => {
		const plain = workspaceFile('notes', 'reading-list.txt');
		await vscode.window.showTextDocument(vscode.Uri.file(plain), { preview: false });
		await waitFor(
			'reading-list.txt to open',
			() => documentOf(plain),
			(d) => d !== undefined,
		);
		// Open events are handled in order: once a seed opened after it is adopted, the plain file's turn has passed.
		const later = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'date 2024-03-15 A later brief\n\nTalks resumed in Rotterdam.\n' });
		await waitFor(
			'an untitled seed opened later to be adopted',
			() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === later.uri.toString()),
			(d) => d?.languageId === 'seed',
		);
		assert.equal(documentOf(plain)?.languageId, 'plaintext');
	});
});
