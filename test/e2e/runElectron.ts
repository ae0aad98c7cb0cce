/**
 * Runs the extension-host suite (test/e2e/suite/) in desktop VS Code through @vscode/test-electron,
 * the way extension authors run it on their own machines: `npm run test:electron`.
 *
 * @vscode/test-electron downloads VS Code at run time. Where that download cannot be reached (offline
 * machines, CI without internet) this runner says so and exits with status 1; the code-server runner
 * (`npm run test:e2e`) runs the same suite there. A VS Code already installed can be used instead:
 * `VSCODE_EXECUTABLE=/path/to/code npm run test:electron`.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
// @ts-expect-error -- a plain ES module without types, shared with the code-server runner.
import { compileSuite, ensureBundles, ROOT } from './prepare.mjs';

/** The VS Code release the suite is written against (the engine in package.json). */
const VERSION = process.env.VSCODE_VERSION ?? '1.100.3';

async function executable(): Promise<string> {
	if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
	try {
		return await downloadAndUnzipVSCode({ version: VERSION, cachePath: join(ROOT, '.vscode-test') });
	} catch (e) {
		const reason = e instanceof Error ? e.message : String(e);
		throw new Error(
			[
				`Cannot run the desktop VS Code tests: downloading VS Code ${VERSION} failed (${reason}).`,
				'This machine cannot reach the VS Code download. Either:',
				'  - run the same suite in code-server, which installs from the npm registry: npm run test:e2e',
				'  - or point at an installed VS Code: VSCODE_EXECUTABLE=/path/to/code npm run test:electron',
			].join('\n'),
		);
	}
}

async function main(): Promise<void> {
	ensureBundles();
	const extensionTestsPath: string = await compileSuite();
	const workspace = mkdtempSync(join(tmpdir(), 'seed-lens-ws-'));
	cpSync(join(ROOT, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
	await runTests({
		vscodeExecutablePath: await executable(),
		extensionDevelopmentPath: ROOT,
		extensionTestsPath,
		// test-electron passes --disable-workspace-trust, so the folder is trusted here.
		extensionTestsEnv: { SEED_LENS_E2E_TRUST: 'trusted' },
		launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
	});
}

main().catch((e: unknown) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
