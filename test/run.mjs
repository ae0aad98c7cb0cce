#!/usr/bin/env node
// Runs the test suites in order with node's test runner: unit (with grammar), cli, protocol (lsp), editor (e2e).
// `node test/run.mjs unit lsp` runs only the named suites. Exits non-zero when any suite fails.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const find = (dir, re) => {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? find(p, re) : re.test(f) ? [p] : [];
	});
};

const suites = {
	unit: () => find(join(root, 'test/unit'), /\.test\.ts$/),
	cli: () => find(join(root, 'test/cli'), /\.test\.ts$/),
	lsp: () => find(join(root, 'test/lsp'), /\.test\.ts$/),
	e2e: () => find(join(root, 'test/e2e'), /\.suite\.test\.mjs$/),
};
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(suites);
let failed = false;
for (const name of wanted) {
	if (!suites[name]) {
		console.error(`unknown suite ${name}; known: ${Object.keys(suites).join(', ')}`);
		process.exit(2);
	}
	const files = suites[name]().sort();
	if (!files.length) continue;
	console.log(`\n# suite: ${name} (${files.length} files)`);
	const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
		stdio: 'inherit',
		cwd: root,
	});
	if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
