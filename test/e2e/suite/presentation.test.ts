/** What the editor draws from the server: inlay hints on relative dates and semantic tokens. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openSeed, positionOf, SAMPLE, waitFor } from './helpers';

const label = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));

/** Decodes the relative encoding of semantic tokens into absolute ranges with type names. */
function decode(tokens: vscode.SemanticTokens, legend: vscode.SemanticTokensLegend) {
	const out: { line: number; start: number; length: number; type: string }[] = [];
	let line = 0;
	let start = 0;
	for (let i = 0; i + 5 <= tokens.data.length; i += 5) {
		const [dLine, dStart, length, type] = tokens.data.slice(i, i + 4);
		line += dLine;
		start = dLine === 0 ? start + dStart : dStart;
		out.push({ line, start, length, type: legend.tokenTypes[type] });
	}
	return out;
}

suite('Inlay hints and semantic tokens', () => {
	test('“Thursday” gets an inlay hint with the date it resolves to', async () => {
		const doc = await openSeed(SAMPLE);
		const whole = new vscode.Range(0, 0, doc.lineCount, 0);
		const hints = () => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, whole);
		const thursday = positionOf(doc, 'declared Thursday', 0, 'declared '.length);
		const found = await waitFor(
			'an inlay hint beside “Thursday”',
			hints,
			(hs) => hs.some((h) => h.position.line === thursday.line && Math.abs(h.position.character - thursday.character) <= 'Thursday'.length),
			30_000,
			(hs) => hs.map((h) => `${h.position.line}:${h.position.character} ${label(h)}`).join(' | '),
		);
		const hint = found.find((h) => h.position.line === thursday.line && Math.abs(h.position.character - thursday.character) <= 'Thursday'.length)!;
		assert.match(label(hint), /2021-11-11/);
	});

	test('semantic tokens mark the names of entities', async () => {
		const doc = await openSeed(SAMPLE);
		const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
		assert.ok(legend && legend.tokenTypes.length > 0, 'empty legend');
		const tokens = await waitFor(
			'semantic tokens',
			() => vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', doc.uri),
			(t) => (t?.data.length ?? 0) > 0,
		);
		const decoded = decode(tokens!, legend);
		const at = positionOf(doc, 'backed Haftar', 0, 'backed '.length);
		const onHaftar = decoded.find((t) => t.line === at.line && t.start === at.character);
		assert.ok(onHaftar, `no token starts at “Haftar” (${at.line}:${at.character})`);
		assert.equal(onHaftar.length, 'Haftar'.length);
		assert.ok(onHaftar.type, `token type index outside the legend ${legend.tokenTypes.join(',')}`);
	});
});
