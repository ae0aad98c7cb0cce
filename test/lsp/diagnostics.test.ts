/** Protocol tests: diagnostics while typing, severities from settings, the ignore quick fix, oversized and non-seed files. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { analyze } from './analyzeAsServer';
import { FIXTURES, read, SAMPLE, Session, uriOf, workspaceCopy } from './harness';

const HINT = 4,
	INFORMATION = 3,
	WARNING = 2;
const codes = (ds: Diagnostic[]) => new Set(ds.map((d) => d.code));
const msg = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

describe('diagnostics of the sample, opened as plain text the way Neovim sends it', () => {
	let s: Session;
	const text = read(SAMPLE);
	const uri = uriOf(SAMPLE);
	const expected = analyze(text);
	let published: Diagnostic[];

	before(async () => {
		s = await Session.start();
		await s.open(uri, text, 'text');
		published = (await s.diagnosticsFor(uri, 1)).diagnostics;
	});
	after(() => s.kill());

	test('every claim of the analysis is a diagnostic over its span, named after its source', () => {
		assert.ok(expected.claims.length > 0, 'the sample has claims');
		for (const c of expected.claims) {
			const code = c.kind === 'unattributed' ? 'unattributed-claim' : c.kind === 'quote' ? 'quote' : 'attributed-claim';
			const d = published.find((x) => x.code === code && msg(x).includes(c.text.slice(0, 20).replace(/\s+/g, ' ')));
			assert.ok(d, `no ${code} diagnostic for “${c.text.slice(0, 40)}”`);
			if (c.kind === 'unattributed') assert.equal(d.severity, WARNING);
			else {
				assert.equal(d.severity, INFORMATION);
				assert.match(msg(d), /^(Claim|Quotation) attributed to .+: “/);
			}
		}
	});

	test('a claim whose source is a known entity points at its first mention', () => {
		const c = expected.claims.find((x) => x.source?.entity);
		assert.ok(c, 'the sample has a claim with an entity source');
		const e = expected.entities.find((x) => x.id === c.source!.entity)!;
		const d = published.find((x) => x.relatedInformation?.length && msg(x).includes(e.name));
		assert.ok(d, `no diagnostic naming ${e.name} with related information`);
		assert.equal(d.relatedInformation![0].location.uri, uri);
		assert.match(d.relatedInformation![0].message, /first mention/);
	});

	test('entity mentions and dates are hints, and structural problems keep their codes', () => {
		const mentions = expected.entities.reduce((n, e) => n + e.mentions.length, 0);
		assert.equal(published.filter((d) => d.code === 'entity').length, mentions);
		assert.equal(published.filter((d) => d.code === 'date').length, expected.dates.length);
		assert.ok(published.filter((d) => d.code === 'entity' || d.code === 'date').every((d) => d.severity === HINT));
		for (const p of expected.diagnostics) assert.ok(codes(published).has(p.code), `problem ${p.code} is missing`);
	});
});

describe('diagnostics while typing', () => {
	let s: Session;
	const file = path.join(FIXTURES, 'port-strike.txt');
	const uri = uriOf(file);
	const text = read(file);

	before(async () => {
		s = await Session.start();
	});
	after(() => s.kill());

	test('a burst of edits publishes only the last version, with its own findings', async () => {
		await s.open(uri, text, 'seed', 1);
		await s.diagnosticsFor(uri, 1);
		const added = '\n\nThe union said in 2019 that the port had been understaffed for years.\n';
		await s.change(uri, 2, text + '\n\nThe union');
		await s.change(uri, 3, text + '\n\nThe union said in 2019');
		await s.change(uri, 4, text + added);
		const last = await s.diagnosticsFor(uri, 4);
		const versions = s.diagnostics.get(uri)!.map((p) => p.version);
		assert.ok(!versions.includes(2) && !versions.includes(3), `superseded versions were published: ${versions}`);
		const dates = analyze(text + added).dates;
		assert.equal(last.diagnostics.filter((d) => d.code === 'date').length, dates.length);
	});
});

describe('severity settings', () => {
	let s: Session;
	const file = path.join(FIXTURES, 'flood-relief.txt');
	const uri = uriOf(file);

	before(async () => {
		s = await Session.start();
		await s.open(uri, read(file));
		await s.diagnosticsFor(uri, 1);
	});
	after(() => s.kill());

	test('changing the settings re-publishes with the new severities, without an edit', async () => {
		const before = s.diagnostics.get(uri)!.length;
		await s.configure({ severity: { entities: 'off', claims: 'warning', problems: {} }, ignore: ['date'] });
		const next = await s.waitFor('a publication without entities', () =>
			s.diagnostics
				.get(uri)!
				.slice(before)
				.find((p) => !codes(p.diagnostics).has('entity')),
		);
		assert.equal(next.version, 1);
		assert.ok(!codes(next.diagnostics).has('entity'), 'entities are off');
		assert.ok(!codes(next.diagnostics).has('date'), 'dates are ignored by code');
		const claims = next.diagnostics.filter((d) => d.code === 'attributed-claim' || d.code === 'quote');
		assert.ok(claims.length > 0 && claims.every((d) => d.severity === WARNING));
	});

	test('an unknown severity falls back to the default rather than hiding findings', async () => {
		const count = s.diagnostics.get(uri)!.length;
		await s.configure({ severity: { entities: 'loud' } });
		const next = await s.waitFor('a publication with entities again', () =>
			s.diagnostics
				.get(uri)!
				.slice(count)
				.find((p) => codes(p.diagnostics).has('entity')),
		);
		const entities = next.diagnostics.filter((d) => d.code === 'entity');
		assert.ok(entities.length > 0 && entities.every((d) => d.severity === HINT));
	});
});

describe('ignoring one finding', () => {
	let s: Session;
	let root: string;

	before(async () => {
		root = workspaceCopy([path.join(FIXTURES, 'flood-relief.txt')]);
		s = await Session.start({ root });
	});
	after(() => s.kill());

	test('the quick fix stores the finding in .seedlens-ignore.json and the finding disappears', async () => {
		const file = path.join(root, 'flood-relief.txt');
		const text = read(file);
		const uri = uriOf(file);
		await s.open(uri, text, 'text');
		const first = (await s.diagnosticsFor(uri, 1)).diagnostics;
		const target = first.find((d) => d.code === 'attributed-claim' || d.code === 'quote')!;
		assert.ok(target, 'the fixture has an attributed claim');
		const actions = await s.request<{ title: string; command?: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', {
			textDocument: { uri },
			range: target.range,
			context: { diagnostics: [target], only: ['quickfix'] },
		});
		const ignore = actions.find((a) => a.title.startsWith('Ignore this finding'));
		assert.ok(ignore?.command, `no ignore action among ${actions.map((a) => a.title)}`);
		const count = s.diagnostics.get(uri)!.length;
		await s.request('workspace/executeCommand', ignore.command);
		const next = await s.waitFor('diagnostics after ignoring', () =>
			s.diagnostics
				.get(uri)!
				.slice(count)
				.find((p) => p.diagnostics.length < first.length),
		);
		assert.equal(next.diagnostics.length, first.length - 1);
		assert.ok(!next.diagnostics.some((d) => msg(d) === msg(target)));
		const sidecar = JSON.parse(read(path.join(root, '.seedlens-ignore.json')));
		assert.equal(sidecar.findings.length, 1);
		assert.equal(sidecar.findings[0].file, 'flood-relief.txt');
		assert.equal(sidecar.findings[0].code, target.code);
		assert.equal(read(file), text, 'the seed file is untouched');
	});

	test('a finding outside every workspace folder cannot be ignored, and the user is told why', async () => {
		const uri = 'untitled:Untitled-1';
		await s.open(uri, read(path.join(FIXTURES, 'port-strike.txt')), 'seed');
		const d = (await s.diagnosticsFor(uri, 1)).diagnostics[0];
		const actions = await s.request<{ title: string; command?: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', {
			textDocument: { uri },
			range: d.range,
			context: { diagnostics: [d] },
		});
		const ignore = actions.find((a) => a.title.startsWith('Ignore this finding'))!;
		await s.request('workspace/executeCommand', ignore.command);
		const warning = await s.waitFor('a warning for the user', () => s.messages.find((m) => m.type === 2));
		assert.match(warning.message, /not inside a workspace folder/);
		assert.equal(JSON.parse(read(path.join(root, '.seedlens-ignore.json'))).findings.length, 1, 'the ignore file is unchanged');
	});

	test('a new session reads the ignore file and keeps the finding silenced', async () => {
		const other = await Session.start({ root });
		try {
			const file = path.join(root, 'flood-relief.txt');
			await other.open(uriOf(file), read(file));
			const ds = (await other.diagnosticsFor(uriOf(file), 1)).diagnostics;
			const all = s.diagnostics.get(uriOf(file))!;
			assert.equal(ds.length, all[all.length - 1].diagnostics.length);
		} finally {
			assert.equal(await other.stop(), 0);
		}
	});
});

describe('files the server does not analyse', () => {
	let s: Session;

	before(async () => {
		s = await Session.start({ settings: { maxFileSize: 300 } });
	});
	after(() => s.kill());

	test('a file over seedLens.maxFileSize gets one clear diagnostic instead of an analysis', async () => {
		const file = path.join(FIXTURES, 'flood-relief.txt');
		await s.open(uriOf(file), read(file));
		const ds = (await s.diagnosticsFor(uriOf(file), 1)).diagnostics;
		assert.equal(ds.length, 1);
		assert.equal(ds[0].code, 'file-too-large');
		assert.match(msg(ds[0]), /maxFileSize/);
	});

	test('a text file without a seed header gets no findings and no hover', async () => {
		const file = path.join(FIXTURES, 'notes.txt');
		const uri = uriOf(file);
		await s.open(uri, read(file), 'text');
		assert.deepEqual((await s.diagnosticsFor(uri, 1)).diagnostics, []);
		assert.equal(await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 10 } }), null);
		assert.equal(fs.existsSync(file), true);
	});

	test('the server shuts down and exits cleanly', async () => {
		assert.equal(await s.stop(), 0);
	});
});
