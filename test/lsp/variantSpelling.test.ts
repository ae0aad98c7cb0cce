/** Protocol test: a name spelt two ways is one finding on the variant, with a quick fix that writes the canonical spelling. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { positionOf, Session } from './harness';

const TEXT = 'date 2021-11-11 Libya after the war\n\nMuammar Gaddafi ruled Libya for four decades.\n\nKadhafi was killed in October 2011.\n';

describe('a variant spelling of a name', () => {
	let s: Session;
	const uri = 'untitled:variant-spelling.txt';
	let published: Diagnostic[];

	before(async () => {
		s = await Session.start();
		await s.open(uri, TEXT, 'seed');
		published = (await s.diagnosticsFor(uri, 1)).diagnostics;
	});
	after(() => s.kill());

	test('is reported once, as information on the variant mention', () => {
		const found = published.filter((d) => d.code === 'alias-variant');
		assert.equal(found.length, 1);
		assert.deepEqual(found[0].range, { start: positionOf(TEXT, 'Kadhafi'), end: positionOf(TEXT, 'Kadhafi', 0, 'Kadhafi'.length) });
		assert.equal(found[0].severity, 3);
	});

	test('has a preferred quick fix that writes the canonical name over the variant', async () => {
		const d = published.find((x) => x.code === 'alias-variant')!;
		const actions = await s.request<{ title: string; isPreferred?: boolean; edit?: { changes: Record<string, { range: unknown; newText: string }[]> } }[]>(
			'textDocument/codeAction',
			{ textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } },
		);
		const fix = actions.find((a) => a.isPreferred);
		assert.ok(fix?.edit, `no preferred fix among ${actions.map((a) => a.title)}`);
		assert.equal(fix.title, 'Write “Muammar Gaddafi”');
		assert.deepEqual(fix.edit.changes[uri], [{ range: d.range, newText: 'Muammar Gaddafi' }]);
	});
});
