/** The language server advertises what these tests rely on. */
import * as assert from 'node:assert/strict';
import { serverCapabilities } from './helpers';

/** The LSP capabilities behind the features these tests exercise. */
const REQUIRED = [
	'hoverProvider',
	'documentSymbolProvider',
	'definitionProvider',
	'referencesProvider',
	'workspaceSymbolProvider',
	'inlayHintProvider',
	'semanticTokensProvider',
] as const;

suite('Server capabilities', () => {
	test('the bundled server advertises every capability these tests require', async () => {
		const caps = await serverCapabilities();
		const missing = REQUIRED.filter((c) => !caps[c]);
		assert.deepEqual(missing, [], `advertised: ${Object.keys(caps).join(', ')}`);
	});
});
