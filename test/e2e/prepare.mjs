// Everything the editor tests need before an editor starts: the cached code-server install, the
// bundled extension, the extension-host suite compiled to JavaScript, a fresh copy of the fixture
// workspace, and the packaged .vsix.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/** The repository root. */
export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
/** Where screenshots and logs go (git-ignored). */
export const OUTPUT = join(ROOT, 'test-output', 'e2e');

function run(what, cmd, args, timeoutMs, opts = {}) {
	const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
	if (r.status !== 0)
		throw new Error(
			`${what} failed (${r.error?.message ?? `status ${r.status ?? r.signal}`}):\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`,
		);
	return r;
}

/**
 * Installs (or finds cached) code-server, Chromium and their Debian packages with
 * scripts/setup-vscode.sh; returns code-server's entry point. Fails when anything is missing.
 */
export function setupEditor() {
	const r = run('scripts/setup-vscode.sh', 'bash', [join(ROOT, 'scripts', 'setup-vscode.sh')], 20 * 60_000, { stdio: ['ignore', 'pipe', 'inherit'] });
	const entry = r.stdout.trim().split('\n').pop();
	if (!entry || !existsSync(entry)) throw new Error(`scripts/setup-vscode.sh gave no code-server entry point (got “${entry}”)`);
	return entry;
}

/** Builds dist/ unless the bundles are there (npm test builds them first). */
export function ensureBundles() {
	if (['extension', 'server'].every((f) => existsSync(join(ROOT, 'dist', `${f}.js`)))) return;
	run('node esbuild.js', process.execPath, ['esbuild.js'], 120_000);
}

/** Compiles test/e2e/suite/*.ts one file each to out/e2e/suite/*.js (CommonJS, as the extension host loads it). */
export async function compileSuite() {
	const src = join(ROOT, 'test', 'e2e', 'suite');
	const outdir = join(ROOT, 'out', 'e2e', 'suite');
	rmSync(outdir, { recursive: true, force: true });
	const entryPoints = readdirSync(src)
		.filter((f) => f.endsWith('.ts'))
		.map((f) => join(src, f));
	await build({ entryPoints, outdir, bundle: false, format: 'cjs', platform: 'node', target: 'node20', sourcemap: 'inline', logLevel: 'warning' });
	return join(outdir, 'index.js');
}

/** A fresh copy of the fixture workspace, so that tests may write into it. */
export function freshWorkspace() {
	const dir = mkdtempSync(join(tmpdir(), 'seed-lens-ws-'));
	cpSync(join(ROOT, 'test', 'e2e', 'fixtures', 'workspace'), dir, { recursive: true });
	return dir;
}

/** The names of the entries of a zip file (a .vsix), read from its central directory. */
export function zipEntries(file) {
	const buf = readFileSync(file);
	// The end-of-central-directory record sits in the last 64 KiB (its comment is at most that long).
	let eocd = -1;
	for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
		if (buf.readUInt32LE(i) === 0x06054b50) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw new Error(`${file} is not a zip file`);
	const names = [];
	let at = buf.readUInt32LE(eocd + 16);
	for (let n = buf.readUInt16LE(eocd + 10); n > 0; n--) {
		if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry at ${at}`);
		const nameLength = buf.readUInt16LE(at + 28);
		names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
		at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
	}
	return names;
}

/**
 * Packages the extension with `npm run package` (vsce, production bundles, no dependencies) into a
 * temporary folder, then rebuilds the development bundles it replaced; returns the .vsix path, its
 * size and the extension's files in it.
 */
export function packageVsix() {
	const dir = mkdtempSync(join(tmpdir(), 'seed-lens-vsix-'));
	const vsix = join(dir, 'seed-lens.vsix');
	// The project's own `npm run package`, its output redirected (vsce takes the last -o).
	run('npm run package', 'npm', ['run', 'package', '--', '-o', vsix], 300_000);
	run('node esbuild.js', process.execPath, ['esbuild.js'], 120_000);
	const files = zipEntries(vsix)
		.filter((f) => f.startsWith('extension/'))
		.map((f) => f.slice('extension/'.length));
	return { vsix, bytes: statSync(vsix).size, files };
}
