/**
 * `--out DIR`: one result file per input, `DIR/<path relative to its input root>.json`. A result
 * is written to a temporary file and renamed into place, so a run stopped at any moment leaves
 * only whole results; an input whose result is at least as new as the input is done.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';

/** Where the result of an input goes. */
export function resultPath(outDir: string, rel: string): string {
	// `..` segments cannot occur in a relative path from listInputs; strip them anyway so nothing is written outside.
	const safe = rel
		.split('/')
		.filter((s) => s && s !== '.' && s !== '..')
		.join(path.sep);
	return path.join(outDir, `${safe || '_'}.json`);
}

/** True when the result exists and was written after the input last changed. */
export function upToDate(input: string, result: string): boolean {
	const out = fs.statSync(result, { throwIfNoEntry: false });
	if (!out) return false;
	const inp = fs.statSync(input, { throwIfNoEntry: false });
	return !!inp && out.mtimeMs >= inp.mtimeMs;
}

const made = new Set<string>();
let written = 0;

/** Writes a result whole or not at all: a temporary file beside it (ending in `.tmp`), then a rename. */
export function writeResult(file: string, data: string): void {
	const dir = path.dirname(file);
	if (!made.has(dir)) {
		fs.mkdirSync(dir, { recursive: true });
		made.add(dir);
	}
	const tmp = `${file}.${process.pid}-${threadId}-${written++}.tmp`;
	try {
		fs.writeFileSync(tmp, data);
		fs.renameSync(tmp, file);
	} catch (e) {
		fs.rmSync(tmp, { force: true });
		throw e;
	}
}
