/** The language server advertises what these tests rely on. */
import * as assert from 'node:assert/strict';
import { serverCapabilities } from './helpers';

/** Capabilities that have landed; tests of the others check what exists until they do. */
const REQUIRED = ['hoverProvider', 'documentSymbolProvider'] as const;

suite('Server capabilities', () => {
	test('the bundled server advertises every capability these tests require', async () => {
		const caps = await serverCapabilities();
		const missing = REQUIRED.filter((c) => !caps[c]);
		assert.deepEqual(missing, [], `advertised: ${Object.keys(caps).join(', ')}`);
	});
});
