/** Protocol tests: resolved claim sources in the hover and the outline, on an article written for them. */
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { analyze } from './analyzeAsServer';
import { positionOf, Session, uriOf } from './harness';

const TEXT =
	'date 2024-03-05 Harbour plan delayed\n\n' +
	'Labour party spokeswoman Anna Berg said the harbour plan would be delayed by a year. She added that the council had not yet voted.\n\n' +
	'The Ministry of Transport said on Tuesday that it would review the costs. It also said the review would take a month.\n\n' +
	'"We will not rush this," she said.\n';

describe('resolved sources', () => {
	let s: Session;
	const uri = uriOf(path.join(os.tmpdir(), 'harbour-plan.seed'));
	const ann = analyze(TEXT);
	const hoverAt = async (needle: string, nth = 0, delta = 1) => {
		const h = await s.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(TEXT, needle, nth, delta) });
		return (h?.contents as MarkupContent | undefined)?.value ?? '';
	};

	before(async () => {
		s = await Session.start();
		await s.open(uri, TEXT, 'seed');
	});
	after(() => s.kill());

	test('the analysis resolves "She", "It" and the quoted "she" to the named speakers', () => {
		const name = (src: string, nth = 0) => {
			const c = ann.claims.filter((x) => x.source?.text === src)[nth];
			return ann.entities.find((e) => e.id === c?.source?.entity)?.name;
		};
		assert.equal(name('She'), 'Anna Berg');
		assert.equal(name('It'), 'Ministry of Transport');
		assert.equal(name('she'), 'Anna Berg');
	});

	test('a named source shows the person and the role written around the name', async () => {
		const v = await hoverAt('said the harbour');
		assert.match(v, /Source: \*\*Anna Berg\*\* — Labour party spokeswoman/);
	});

	test('a pronoun shows what it refers to', async () => {
		assert.match(await hoverAt('added'), /Source: “She” → \*\*Anna Berg\*\*/);
		assert.match(await hoverAt('also said', 0, 6), /Source: “It” → \*\*(the )?Ministry of Transport\*\*/);
	});

	test('the outline groups the claims by the resolved speaker, not by the pronoun', async () => {
		const [root] = await s.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
		const claims = root.children!.find((g) => g.name === 'Claims');
		assert.ok(claims, 'the outline has a Claims group');
		const groups = new Map(claims.children!.map((g) => [g.name, g.children?.length ?? 0]));
		for (const pronoun of ['She', 'she', 'It', 'it']) assert.ok(!groups.has(pronoun), `no group named “${pronoun}”: ${[...groups.keys()].join(', ')}`);
		assert.equal(groups.get('Anna Berg'), 3, [...groups.keys()].join(', '));
		assert.ok((groups.get('Ministry of Transport') ?? 0) >= 2, [...groups.keys()].join(', '));
	});
});
