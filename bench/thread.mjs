// Runs a measurement of core.mjs in a worker thread set up as the server's analysis threads are
// (the same young-generation size, imported from server/src/analysisPool.ts), so that the core's figures
// are those of the analysis as it runs in the editor. The alternatives are measured the same way.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { dataDir, root } from './texts.mjs';

/** The young generation of the server's analysis threads, in MB: `YOUNG_GENERATION_MB`, imported from the pool. */
export function analysisYoungGenerationMb() {
	const outfile = join(dataDir, 'analysisPool.cjs');
	createRequire(import.meta.url)('esbuild').buildSync({
		stdin: { contents: "export { YOUNG_GENERATION_MB } from './server/src/analysisPool';", resolveDir: root, loader: 'ts' },
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		outfile,
		logLevel: 'error',
	});
	return createRequire(import.meta.url)(outfile).YOUNG_GENERATION_MB;
}

/** Calls `core.mjs`'s export `fn` with the bundled core (bench/data/core.cjs) first when `withCore`. */
export function inAnalysisThread(fn, args, withCore = true) {
	const mb = analysisYoungGenerationMb();
	return new Promise((resolve, reject) => {
		const w = new Worker(new URL(import.meta.url), {
			workerData: { fn, args, withCore },
			resourceLimits: mb ? { maxYoungGenerationSizeMb: mb } : undefined,
		});
		w.once('message', resolve);
		w.once('error', reject);
		w.once('exit', (code) => code !== 0 && reject(new Error(`${fn}: measuring thread exited with ${code}`)));
	});
}

if (!isMainThread && workerData?.fn) {
	const { createRequire } = await import('node:module');
	const core = await import('./core.mjs');
	const { fn, args, withCore } = workerData;
	const all = withCore ? [createRequire(import.meta.url)(join(dataDir, 'core.cjs')), ...args] : args;
	parentPort.postMessage(core[fn](...all));
}
