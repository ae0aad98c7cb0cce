/**
 * A real editor that is not VS Code: Neovim's built-in LSP client, headless,
 * attaches the bundled server to the sample seed (sent as `text`, as Neovim
 * does for .txt files), and gets diagnostics, a hover and the document symbols.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { analyze } from './analyzeAsServer';
import { read, ROOT, SAMPLE, SERVER } from './harness';

const SCRIPT = path.join(ROOT, 'test/neovim/attach.lua');

/** Finds nvim, installing Debian's package when running as root; otherwise fails saying how to get it. */
function ensureNeovim(): void {
	if (spawnSync('nvim', ['--version']).status === 0) return;
	if (process.getuid?.() === 0) spawnSync('apt-get', ['install', '-y', 'neovim'], { stdio: 'ignore', timeout: 300_000 });
	if (spawnSync('nvim', ['--version']).status !== 0)
		throw new Error('Neovim is not installed: run "apt-get install -y neovim" (as root) and run the tests again.');
}

describe('Neovim', () => {
	const text = read(SAMPLE);
	const ann = analyze(text);
	const haftar = ann.entities.find((e) => e.mentions.some((m) => m.text === 'Haftar'));
	let seen: {
		error?: string;
		steps: string[];
		initialized: boolean;
		diagnosticsArrived: boolean;
		diagnostics: { lnum: number; message: string }[];
		hover: { contents: { kind: string; value: string } };
		symbols: { name: string; detail: string; children: { name: string; children?: { name: string }[] }[] }[];
	};

	before(() => {
		ensureNeovim();
		assert.ok(fs.existsSync(SERVER), 'run "node esbuild.js" first');
		assert.ok(haftar, 'the analysis finds Haftar');
		const m = haftar.mentions.find((x) => x.text === 'Haftar')!;
		const lines = text.slice(0, m.start).split('\n');
		const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seed-lens-nvim-')), 'seen.json');
		const env = {
			...process.env,
			SEED_OUT: out,
			SEED_SERVER: SERVER,
			SEED_HOVER_LINE: String(lines.length - 1),
			SEED_HOVER_CHARACTER: String(lines[lines.length - 1].length + 1),
		};
		const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT}`, SAMPLE], {
			cwd: path.dirname(SAMPLE),
			env,
			timeout: 90_000,
			encoding: 'utf8',
		});
		assert.ok(fs.existsSync(out), `Neovim wrote no findings (status ${r.status}, signal ${r.signal}): ${r.stderr}`);
		seen = JSON.parse(read(out));
		assert.equal(seen.error, undefined, seen.error);
	});

	test('the server initializes and pushes diagnostics for a .txt seed file', () => {
		assert.equal(seen.initialized, true);
		assert.equal(seen.diagnosticsArrived, true);
		const claims = seen.diagnostics.filter((d) => /attributed to/.test(d.message));
		assert.equal(claims.length, ann.claims.filter((c) => c.kind !== 'unattributed').length);
	});

	test('a hover on "Haftar" shows the entity card', () => {
		assert.equal(seen.hover.contents.kind, 'markdown');
		// The first line says who made the annotation (a suggestion here: there is no .ann), then the card.
		assert.ok(seen.hover.contents.value.startsWith(`*Suggestion — `), seen.hover.contents.value);
		assert.ok(seen.hover.contents.value.includes(`\n\n**${haftar!.name}**`), seen.hover.contents.value);
		assert.match(seen.hover.contents.value, /mentions, first on line \d+/);
	});

	test('the document symbols are the outline: header, entity groups, timeline, claims', () => {
		assert.equal(seen.symbols.length, 1);
		assert.equal(seen.symbols[0].name, ann.header.title);
		assert.equal(seen.symbols[0].detail, ann.header.date);
		const groups = seen.symbols[0].children.map((g) => g.name);
		assert.ok(groups.includes('Timeline') && groups.includes('Claims'), groups.join(', '));
		const all = seen.symbols[0].children.flatMap((g) => g.children ?? []).map((c) => c.name);
		assert.ok(all.includes(haftar!.name));
	});
});
