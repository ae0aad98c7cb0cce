// Bundles the analysis core the way the server ships it (esbuild, minified, node20) so the bench
// can call each stage directly, whatever the stage modules hold when the bench runs.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, root } from './texts.mjs';

const require = createRequire(import.meta.url);

const STAGES = ['document', 'entities', 'dates', 'claims', 'problems'];

/** Builds bench/data/core.cjs and loads it: { analyze, analyzeDocument, STAGES, stage modules, ner?, pathological }. */
export async function buildCore() {
	const a = './server/src/analysis';
	const lines = [`export { analyze, analyzeDocument, STAGES } from '${a}/analyze';`, `export { pathological } from './bench/pathological';`];
	lines.push(`export { defaultOptions } from '${a}/options';`);
	if (existsSync(join(root, 'server/src/analysis/syntax/index.ts'))) lines.push(`export { SyntaxModel } from '${a}/syntax';`);
	const exists = (s) => existsSync(join(root, `server/src/analysis/${s}.ts`)) || existsSync(join(root, `server/src/analysis/${s}/index.ts`));
	for (const s of STAGES) if (exists(s)) lines.push(`export * as ${s} from '${a}/${s}';`);
	const hasNer = existsSync(join(root, 'server/src/analysis/ner/index.ts'));
	if (hasNer) lines.push(`export * as ner from '${a}/ner';`);
	const outfile = await bundle(lines.join('\n'), 'core.cjs');
	delete require.cache[outfile];
	return require(outfile);
}

/** Builds bench/data/ner.cjs (the tagger alone) for timing a cold model load in a fresh process. */
export async function buildNer() {
	if (!existsSync(join(root, 'server/src/analysis/ner/index.ts'))) return null;
	return bundle(`export { tagEntities } from './server/src/analysis/ner'; export { parseDocument } from './server/src/analysis/document';`, 'ner.cjs');
}

/** Bundles a module source (TypeScript exports from the repository) into bench/data/NAME, as the server ships code. */
export async function bundle(contents, name) {
	const outfile = join(dataDir, name);
	await require('esbuild').build({
		stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: name.replace(/\.cjs$/, '.ts') },
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		minify: true,
		outfile,
		logLevel: 'error',
	});
	return outfile;
}
