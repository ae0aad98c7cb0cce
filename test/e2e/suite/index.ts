/**
 * The extension-host entry point of the editor tests: VS Code (desktop through @vscode/test-electron,
 * or code-server driven by a browser) loads this module and awaits `run()`, which runs every
 * `*.test.js` beside it with mocha inside the extension host.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
// mocha 11 is CommonJS: its module is the Mocha class itself (the default import under esModuleInterop).
import Mocha from 'mocha';

/** One finished test, as the outer runner reports it. */
export interface E2eResult {
	title: string;
	state: 'passed' | 'failed' | 'pending';
	durationMs: number;
	error?: string;
}

/** Runs the suite; resolves when every test passed, rejects with the number of failures otherwise. */
export function run(): Promise<void> {
	const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 90_000, reporter: 'spec' });
	for (const f of readdirSync(__dirname)
		.filter((f) => f.endsWith('.test.js'))
		.sort())
		mocha.addFile(path.join(__dirname, f));
	const results: E2eResult[] = [];
	return new Promise((resolve, reject) => {
		const runner = mocha.run((failures) => {
			// The outer runner turns this file into one node:test case per mocha test.
			const out = process.env.SEED_LENS_E2E_RESULTS;
			if (out) writeFileSync(out, JSON.stringify(results, null, 1));
			if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
			else resolve();
		});
		runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
		runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending', durationMs: 0 }));
		runner.on('fail', (t, err: Error) =>
			results.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error: err?.stack ?? String(err) }),
		);
	});
}
