// Sizes of what ships: the three bundles and the packaged extension (rebuilt when missing or stale).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './texts.mjs';

// Every bundle in dist/ (server, analysis worker, extension, CLI), whatever the build makes.
const BUNDLES = existsSync(join(root, 'dist'))
	? readdirSync(join(root, 'dist'))
			.filter((f) => f.endsWith('.js'))
			.sort()
			.map((f) => `dist/${f}`)
	: [];
const VSIX = 'seed-lens.vsix';

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

// When `npm run package` fails (vsce refuses relative README links without a repository it knows),
// package the same files with a base URL for those links, so the size is still measured.
function fallbackPackage(vsix, failed) {
	const why = (failed.stderr || failed.stdout || '').split('\n').find((l) => /ERROR/.test(l)) ?? 'unknown error';
	const vsce = join(root, 'node_modules/.bin/vsce');
	const args = [
		'package',
		'--no-dependencies',
		'--allow-missing-repository',
		'--baseContentUrl',
		'https://example.invalid/seed-lens',
		'--baseImagesUrl',
		'https://example.invalid/seed-lens',
		'-o',
		vsix,
	];
	const r = spawnSync(vsce, args, { cwd: root, input: 'y\ny\ny\n', encoding: 'utf8', timeout: 180_000 });
	const how = r.status === 0 ? 'packaged with vsce --baseContentUrl' : 'vsce failed too';
	return `npm run package failed (${why.replace(/\s+/g, ' ').trim().slice(0, 120)}); ${how}`;
}

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
		vsixNote = 'packaged now with npm run package';
		if (r.status !== 0) vsixNote = fallbackPackage(vsix, r);
	}
	const model = join(root, 'dist/syntax.bin');
	out['dist/syntax.bin'] = existsSync(model) ? statSync(model).size : NaN;
	out[VSIX] = existsSync(vsix) ? statSync(vsix).size : NaN;
	return { bytes: out, vsixNote };
}
