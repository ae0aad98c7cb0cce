// The README's map of the code ("How it works") names every top-level file and folder of the server
// and of the core, one line each: a newcomer finds where each thing lives from it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## How it works'), readme.indexOf('## Developing'));
const map = section.slice(section.indexOf('```'), section.indexOf('```', section.indexOf('```') + 3));

const entries = (dir: string) =>
	readdirSync(join(root, dir), { withFileTypes: true })
		.filter((e) => e.isDirectory() || e.name.endsWith('.ts'))
		.map((e) => (e.isDirectory() ? `${e.name}/` : e.name));

test('the map names every file and folder at the top of server/src', () => {
	const missing = entries('server/src').filter((e) => !map.includes(`server/src/${e}`));
	assert.deepEqual(missing, []);
});

test('the map names every file and folder at the top of the core', () => {
	const lines = map.split('\n').map((l) => l.trim().split(/\s+/)[0]);
	const missing = entries('server/src/analysis').filter((e) => !lines.includes(e));
	assert.deepEqual(missing, []);
});

test('a keystroke and a hover are told in five steps each, naming the module that holds each', () => {
	for (const [title, module] of [
		['A keystroke', 'documentSession.ts'],
		['A hover', 'languageService.ts'],
	]) {
		const at = section.indexOf(`${title} (`);
		assert.ok(at >= 0, title);
		assert.ok(section.slice(at, section.indexOf('\n', at)).includes(module), `${title} names ${module}`);
		const steps = section.slice(at).split('\n\n')[1].split('\n');
		assert.deepEqual(
			steps.map((l) => l.slice(0, 3)),
			['1. ', '2. ', '3. ', '4. ', '5. '],
		);
	}
});
