// Sizes of what ships: the three bundles and the packaged extension (rebuilt when missing or stale).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './texts.mjs';

const BUNDLES = ['dist/server.js', 'dist/extension.js', 'dist/cli.js'];
const VSIX = 'seed-lens.vsix';

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

/** Sizes in bytes of the bundles and of the .vsix; `vsixNote` says how the .vsix was obtained. */
export function measureSizes() {
	const out = {};
	for (const b of BUNDLES) out[b] = existsSync(join(root, b)) ? statSync(join(root, b)).size : NaN;
	const vsix = join(root, VSIX);
	const newestBundle = Math.max(...BUNDLES.map((b) => mtime(join(root, b))));
	let vsixNote = 'existing package';
	if (!existsSync(vsix) || mtime(vsix) < newestBundle) {
		// vsce asks before packaging without a LICENSE or repository; the answer is yes.
		const r = spawnSync('npm', ['run', 'package'], { cwd: root, input: 'y\ny\ny\n', encoding: 'utf8', timeout: 180_000 });
		vsixNote = r.status === 0 ? 'packaged now with npm run package' : `npm run package failed: ${(r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' ')}`;
	}
	out[VSIX] = existsSync(vsix) ? statSync(vsix).size : NaN;
	return { bytes: out, vsixNote };
}
