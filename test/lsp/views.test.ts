/** Protocol tests: semantic tokens, inlay hints, folding ranges, the header code lens, and the manifest that backs them. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, FoldingRange, InlayHint, SemanticTokens } from 'vscode-languageserver-protocol';
import { analyze } from './analyzeAsServer';
import { legend } from '../../server/src/features/semanticTokens';
import { defaultSettings, toSettings } from '../../server/src/settings';
import { FIXTURES, positionAt, read, ROOT, Session, uriOf } from './harness';

const manifest = JSON.parse(read(path.join(ROOT, 'package.json')));
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/** Decodes relative semantic tokens into absolute ones. */
function decode(data: number[], types: string[], modifiers: string[]) {
	const out: { line: number; character: number; length: number; type: string; modifiers: string[] }[] = [];
	let line = 0,
		character = 0;
	for (let i = 0; i < data.length; i += 5) {
		line += data[i];
		character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
		out.push({ line, character, length: data[i + 2], type: types[data[i + 3]], modifiers: modifiers.filter((_, b) => data[i + 4] & (1 << b)) });
	}
	return out;
}

describe('views of a seed file', () => {
	let s: Session;
	const file = path.join(FIXTURES, 'flood-relief.txt');
	const uri = uriOf(file);
	const text = read(file);
	const ann = analyze(text);

	before(async () => {
		s = await Session.start();
		await s.open(uri, text, 'text');
		await s.diagnosticsFor(uri, 1);
	});
	after(() => s.kill());

	test('semantic tokens type each mention by its entity kind, mark first mentions and relative dates, and never overlap', async () => {
		const legend = s.initialize.capabilities.semanticTokensProvider!.legend;
		const tokens = decode(
			(await s.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } })).data,
			legend.tokenTypes,
			legend.tokenModifiers,
		);
		const person = ann.entities.find((e) => e.type === 'PERSON')!;
		const first = positionAt(text, person.mentions[0].start);
		const t = tokens.find((x) => x.line === first.line && x.character === first.character);
		assert.deepEqual(t, { ...first, length: person.mentions[0].end - person.mentions[0].start, type: 'person', modifiers: ['declaration'] });
		const rel = ann.dates.find((d) => d.relative)!;
		const at = positionAt(text, rel.start);
		const dt = tokens.find((x) => x.line === at.line && x.character === at.character);
		assert.equal(dt?.type, 'date');
		assert.ok(dt?.modifiers.includes('relative'));
		for (let i = 1; i < tokens.length; i++) {
			const p = tokens[i - 1],
				q = tokens[i];
			assert.ok(p.line < q.line || p.character + p.length <= q.character, `tokens overlap at ${q.line}:${q.character}`);
		}
	});

	test('a range request returns only the tokens inside the range', async () => {
		const line = positionAt(text, ann.claims[0].start).line;
		const r = await s.request<SemanticTokens>('textDocument/semanticTokens/range', {
			textDocument: { uri },
			range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
		});
		const { legend } = s.initialize.capabilities.semanticTokensProvider!;
		const tokens = decode(r.data, legend.tokenTypes, legend.tokenModifiers);
		assert.ok(tokens.length > 0 && tokens.every((t) => t.line === line));
	});

	test('inlay hints give the resolved value after each relative date, and can be turned off', async () => {
		const hints = await s.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE });
		const relative = ann.dates.filter((d) => d.relative);
		assert.deepEqual(
			hints.map((h) => [h.position, h.label]),
			relative.map((d) => [positionAt(text, d.end), `→ ${d.value}`]),
		);
		await s.configure({ inlayHints: { relativeDates: false } });
		assert.deepEqual(await s.request('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE }), []);
	});

	test('the header code lens counts entities, dates and claims, and can be turned off', async () => {
		await s.configure({});
		const lenses = await s.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
		assert.equal(lenses.length, 1);
		assert.equal(lenses[0].range.start.line, 0);
		const unattributed = ann.claims.filter((c) => c.kind === 'unattributed').length;
		const title = `${ann.entities.length} entities · ${ann.dates.length} dates · ${ann.claims.length} claims${unattributed ? `, ${unattributed} unattributed` : ''}`;
		assert.equal(lenses[0].command?.title, title.replace(/^1 entities/, '1 entity'));
		await s.configure({ codeLens: { enabled: false } });
		assert.deepEqual(await s.request('textDocument/codeLens', { textDocument: { uri } }), []);
	});

	test('folding ranges cover the body under the header and each paragraph that spans lines', async () => {
		const wrapped =
			'date 2020-05-01 Wrapped paragraphs\n\nThe mayor of Leeds said on Friday\nthat the bridge would reopen\nin June.\n\nA short one.\n\nTraffic fell by half, officials\nsaid.\n';
		const u = 'untitled:wrapped';
		await s.open(u, wrapped, 'plaintext');
		const ranges = await s.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: u } });
		assert.deepEqual(
			ranges.map((r) => [r.startLine, r.endLine]),
			[
				[0, 9],
				[2, 4],
				[8, 9],
			],
		);
	});
});

describe('the manifest', () => {
	const props = manifest.contributes.configuration.properties as Record<string, Record<string, unknown>>;

	test('every setting has a type, a description and a default', () => {
		for (const [key, p] of Object.entries(props)) {
			assert.ok(p.type, `${key} has a type`);
			assert.ok(p.description || p.markdownDescription, `${key} has a description`);
			assert.ok('default' in p, `${key} has a default`);
			if (p.enum) assert.equal((p.enumDescriptions as string[])?.length, (p.enum as string[]).length, `${key} describes each value`);
		}
	});

	test("the defaults in the manifest are the server's defaults", () => {
		const nested: Record<string, unknown> = {};
		for (const [key, p] of Object.entries(props)) if (key !== 'seedLens.trace.server') nested[key.replace(/^seedLens\./, '')] = p.default;
		assert.deepEqual(toSettings(nested), defaultSettings);
	});

	test('every semantic token type of the server is declared with a super type and a scope', async () => {
		const declared = new Map((manifest.contributes.semanticTokenTypes as { id: string; superType: string }[]).map((t) => [t.id, t.superType]));
		const scopes = manifest.contributes.semanticTokenScopes[0].scopes as Record<string, string[]>;
		for (const t of legend.tokenTypes) {
			assert.ok(declared.get(t), `${t} is declared with a super type`);
			assert.ok(scopes[t]?.length, `${t} has a TextMate scope`);
		}
		const modifiers = new Set(['declaration', ...(manifest.contributes.semanticTokenModifiers as { id: string }[]).map((m) => m.id)]);
		for (const m of legend.tokenModifiers) assert.ok(modifiers.has(m), `${m} is declared`);
	});
});
