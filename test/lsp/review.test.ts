/** Protocol tests: reviewing suggestions writes the seed's `.ann`, and the analysis, hovers and suggestions follow it. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { FIXTURES, positionAt, read, Session, uriOf, workspaceCopy } from './harness';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
type Suggestions = { state: string; suggestions: { range: Range; layer: string; type: string; text: string }[] };

describe('reviewing suggestions', () => {
	let s: Session;
	let dir: string;
	let file: string;
	let uri: string;
	let text: string;
	const ann = () => path.join(dir, 'port-strike.ann');
	const rangeOf = (needle: string, nth = 0): Range => {
		let at = -1;
		for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
		assert.ok(at >= 0, `“${needle}” is in the fixture`);
		return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
	};
	const review = (args: Record<string, unknown>) =>
		s.request<{ changed: boolean; message?: string }>('workspace/executeCommand', { command: 'seedLens.review', arguments: [{ uri, ...args }] });
	const suggestions = () => s.request<Suggestions>('seedLens/suggestions', { uri });
	const hoverAt = (r: Range) => s.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: r.start });
	const published = () => s.diagnostics.get(uri) ?? [];

	before(async () => {
		dir = workspaceCopy([path.join(FIXTURES, 'port-strike.txt')]);
		file = path.join(dir, 'port-strike.txt');
		uri = uriOf(file);
		text = read(file);
		s = await Session.start({ root: dir });
		await s.open(uri, text, 'seed');
		await s.diagnosticsFor(uri, 1);
	});
	after(() => {
		s.kill();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('a suggestion’s hover begins with who suggested it, and the server announces the review command', async () => {
		const first = (await suggestions()).suggestions.find((x) => x.layer === 'entity');
		assert.ok(first, 'the fixture has entity suggestions');
		const v = ((await hoverAt(first.range))?.contents as MarkupContent).value;
		assert.match(v.split('\n')[0], /^\*Suggestion — /);
		assert.ok(s.initialize.capabilities.executeCommandProvider?.commands.includes('seedLens.review'));
	});

	test('marking a selection as an organisation writes a brat line and the analysis takes it as the human’s', async () => {
		const words = text.match(/\b[A-Z][a-z]+ [A-Z][a-z]+\b/g) ?? [];
		const target = words.find((w) => text.indexOf(w) > text.indexOf('\n'));
		assert.ok(target, 'the fixture has a capitalised two-word phrase in its body');
		const before = published().length;
		const result = await review({ action: 'mark', range: rangeOf(target), type: 'ORG' });
		assert.deepEqual(result, { changed: true });
		const written = read(ann());
		const start = text.indexOf(target);
		assert.match(written, new RegExp(`^T\\d+\\tORG ${start} ${start + target.length}\\t${target}$`, 'm'));
		assert.match(written, /^#\d+\tSeedLensState \*\tin-review$/m);
		// The document is analysed again with the annotation, and its findings published again.
		await s.waitFor('diagnostics after the review', () => published().length > before && published()[published().length - 1]);
		const v = ((await hoverAt(rangeOf(target)))?.contents as MarkupContent).value;
		assert.match(v, /^\*Confirmed by you\*/);
		assert.match(v, /Organisation/);
	});

	test('rejecting a suggestion through its quick fix removes it from the suggestions and keeps it in the file as Rejected', async () => {
		const list = (await suggestions()).suggestions;
		const victim = list.find((x) => x.layer === 'entity' || x.layer === 'date');
		assert.ok(victim);
		const actions = await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: victim.range, context: { diagnostics: [] } });
		const reject = actions.find((a) => a.title.startsWith('Reject '));
		assert.ok(reject?.command, `a Reject action is offered: ${actions.map((a) => a.title).join(', ')}`);
		assert.ok(actions.some((a) => a.title.startsWith('Confirm ')));
		await s.request('workspace/executeCommand', { command: reject.command.command, arguments: reject.command.arguments });
		assert.match(read(ann()), /^A\d+\tRejected T\d+$/m);
		const after = await s.until('the suggestion to be gone', async () => {
			const now = (await suggestions()).suggestions;
			return now.length === list.length - 1 && now;
		});
		assert.ok(!after.some((x) => JSON.stringify(x.range) === JSON.stringify(victim.range)));
	});

	test('an .ann changed on disk by another program is read again, and its malformed lines are reported on the .ann', async () => {
		const now = read(ann());
		fs.writeFileSync(ann(), now + 'this line is not brat\n');
		await s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ann()), type: 2 }] });
		const d = await s.waitFor('diagnostics on the .ann', () => {
			const list = s.diagnostics.get(uriOf(ann()));
			return list?.[list.length - 1]?.diagnostics.length ? list[list.length - 1] : undefined;
		});
		const lines = read(ann()).split('\n');
		assert.equal((d as PublishDiagnosticsParams).diagnostics[0].range.start.line, lines.indexOf('this line is not brat'));
		assert.match(String((d as PublishDiagnosticsParams).diagnostics[0].message), /Not a brat annotation line/);
	});

	test('Mark document done sets the state, and the suggestions request reports it', async () => {
		await review({ action: 'state', state: 'done', range: rangeOf(text.slice(0, 4)) });
		assert.equal((await suggestions()).state, 'done');
		assert.match(read(ann()), /^#\d+\tSeedLensState \*\tdone$/m);
		// The unknown line written by the other program is still there, untouched.
		assert.match(read(ann()), /^this line is not brat$/m);
	});

	test('the review status lists the seed files with their state and counts', async () => {
		const status = await s.request<{ uri: string; state: string; suggestions: number }[]>('seedLens/reviewStatus', {
			uris: [uri, uriOf(path.join(dir, 'missing.txt'))],
		});
		assert.equal(status.length, 1);
		assert.equal(status[0].state, 'done');
		assert.equal(status[0].suggestions, (await suggestions()).suggestions.length);
	});
});

describe('human annotations everywhere the editor shows the analysis', () => {
	test('a rejected place leaves the findings, the hover and the Outline; a marked name carries the semantic-token modifier human', async () => {
		const dir = fs.mkdtempSync(path.join(path.dirname(workspaceCopy([])), 'seed-lens-everywhere-'));
		const file = path.join(dir, 'paris.txt');
		const text = 'date 2024-03-01 Offices\n\nThe Brontë Works opened an office in Paris on Monday, its chairman Jan Olsen said.\n';
		fs.writeFileSync(file, text);
		const uri = uriOf(file);
		const s = await Session.start({ root: dir });
		try {
			await s.open(uri, text, 'seed');
			await s.diagnosticsFor(uri, 1);
			const range = (needle: string) => ({ start: positionAt(text, text.indexOf(needle)), end: positionAt(text, text.indexOf(needle) + needle.length) });
			type Symbol = { name: string; children?: Symbol[] };
			const flat = (list: Symbol[]): string[] => list.flatMap((x) => [x.name, ...flat(x.children ?? [])]);
			const names = async () => flat(await s.request<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri } }));
			const listsParis = async () => (await names()).some((n) => /^Paris\b/.test(n));
			const hover = async (needle: string) => {
				const h = await s.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: range(needle).start });
				return h ? (h.contents as MarkupContent).value : '';
			};
			assert.ok(await listsParis(), `the Outline lists the suggestion first: ${(await names()).join(' | ')}`);
			assert.match(await hover('Paris'), /^\*Suggestion — /);
			const review = (args: Record<string, unknown>) =>
				s.request<{ changed: boolean }>('workspace/executeCommand', { command: 'seedLens.review', arguments: [{ uri, ...args }] });
			assert.deepEqual(await review({ action: 'reject', range: range('Paris') }), { changed: true });
			assert.deepEqual(await review({ action: 'mark', type: 'ORG', range: range('Brontë Works') }), { changed: true });
			await s.until('Paris to leave the Outline', async () => !(await listsParis()));
			assert.ok(!/Paris/.test(await hover('Paris')), 'no card for the rejected place');
			const last = (s.diagnostics.get(uri) ?? []).at(-1)?.diagnostics ?? [];
			assert.ok(!last.some((d) => d.code === 'entity' && /Paris/.test(String(d.message))), JSON.stringify(last));
			assert.ok(last.some((d) => d.code === 'entity' && d.message === 'Organisation: Brontë Works'));
			const legend = s.initialize.capabilities.semanticTokensProvider!.legend;
			const tokens = await s.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
			const human = 1 << legend.tokenModifiers.indexOf('human');
			const at = range('Brontë Works').start;
			let line = 0,
				char = 0,
				found: number | undefined;
			for (let i = 0; i < tokens.data.length; i += 5) {
				const [dl, dc, , , mods] = tokens.data.slice(i, i + 5);
				line += dl;
				char = dl ? dc : char + dc;
				if (line === at.line && char === at.character) found = mods;
			}
			assert.ok(found !== undefined && (found & human) !== 0, `the marked name's token has the human modifier (${found})`);
		} finally {
			s.kill();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('an .ann that cannot be read', () => {
	test('a .ann that is not UTF-8 is reported on the seed and on the .ann, and a review leaves its bytes as they were', async () => {
		const dir = workspaceCopy([path.join(FIXTURES, 'port-strike.txt')]);
		const file = path.join(dir, 'port-strike.txt');
		const uri = uriOf(file);
		const text = read(file);
		const annFile = path.join(dir, 'port-strike.ann');
		// Written by an older tool in Latin-1: "Citt\xe0" is not UTF-8.
		const bytes = Buffer.concat([Buffer.from('T1\tORG 0 4\t'), Buffer.from([0x43, 0x69, 0x74, 0x74, 0xe0]), Buffer.from('\nA1\tVerified T1\n')]);
		fs.writeFileSync(annFile, bytes);
		const s = await Session.start({ root: dir });
		try {
			await s.open(uri, text, 'seed');
			const seed = await s.waitFor('the seed’s findings', () => s.diagnostics.get(uri)?.find((p) => p.diagnostics.some((d) => d.code === 'annotation-file')));
			const finding = seed.diagnostics.find((d) => d.code === 'annotation-file');
			assert.match(String(finding?.message), /^Annotation file cannot be read: port-strike\.ann is not UTF-8 text \(line 1 is not\)/);
			const onAnn = await s.waitFor('the error on the .ann', () => s.diagnostics.get(uriOf(annFile))?.find((p) => p.diagnostics.length));
			assert.match(String(onAnn.diagnostics[0].message), /not UTF-8/);
			const at = text.indexOf('\n') + 1;
			const result = await s.request<{ changed: boolean; message?: string }>('workspace/executeCommand', {
				command: 'seedLens.review',
				arguments: [{ uri, action: 'mark', type: 'ORG', range: { start: positionAt(text, at), end: positionAt(text, at + 4) } }],
			});
			assert.equal(result.changed, false);
			assert.match(String(result.message), /^The annotations were not saved: port-strike\.ann is not UTF-8/);
			assert.deepEqual(fs.readFileSync(annFile), bytes);
		} finally {
			s.kill();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('Learn from My Annotations', () => {
	test('learns the workspace model from the .ann files, and the open seeds are analysed again with it', async () => {
		const dir = workspaceCopy([]);
		const reviewed = 'date 2024-03-01 Quarry dispute\n\nThe firm Kelso & Dunn said on Friday that talks had failed.\n';
		const other = 'date 2024-03-05 Quarry talks\n\nWorkers met Kelso & Dunn again on Monday.\n';
		fs.writeFileSync(path.join(dir, 'reviewed.txt'), reviewed);
		const at = reviewed.indexOf('Kelso & Dunn');
		fs.writeFileSync(path.join(dir, 'reviewed.ann'), `T1\tORG ${at} ${at + 12}\tKelso & Dunn\n`);
		fs.writeFileSync(path.join(dir, 'other.txt'), other);
		const s = await Session.start({ root: dir });
		try {
			const uri = uriOf(path.join(dir, 'other.txt'));
			await s.open(uri, other, 'seed');
			const typeOf = async () =>
				(await s.request<{ entities: { type: string; mentions: { text: string }[] }[] }>('seedLens/annotations', { uri })).entities.find((e) =>
					e.mentions.some((m) => m.text === 'Kelso & Dunn'),
				)?.type;
			assert.equal(await typeOf(), 'PERSON', 'the tagger alone takes the firm for a person');
			const r = await s.request<{ message: string }>('workspace/executeCommand', { command: 'seedLens.learn', arguments: [] });
			assert.match(r.message, /Learned 1 names and 0 rejected suggestions from 1 annotated documents/);
			assert.ok(fs.existsSync(path.join(dir, '.seedlens', 'model.json')));
			await s.until('the open seed analysed with the model', async () => (await typeOf()) === 'ORG');
		} finally {
			s.kill();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
