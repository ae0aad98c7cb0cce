/**
 * Reads the training and evaluation corpora in `data/`, which are kept gzip-compressed: `name` is read
 * from `dir/name` when it exists (a folder of plain files given with `--data`), else from `dir/name.gz`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The text of `dir/name`, or of `dir/name.gz` decompressed; throws with both names when neither exists. */
export function readCorpus(dir: string, name: string): string {
	const plain = join(dir, name);
	if (existsSync(plain)) return readFileSync(plain, 'utf8');
	if (existsSync(plain + '.gz')) return gunzipSync(readFileSync(plain + '.gz')).toString('utf8');
	throw new Error(`corpus file not found: ${plain} (nor ${plain}.gz)`);
}

/** Whether `dir` holds `name`, plain or compressed. */
export function hasCorpus(dir: string, name: string): boolean {
	return existsSync(join(dir, name)) || existsSync(join(dir, name + '.gz'));
}

/** The corpus files in `dir` whose name ends with `ext`, compressed or not, by name without `.gz`, sorted. */
export function listCorpora(dir: string, ext: string): string[] {
	const names = readdirSync(dir)
		.map((f) => f.replace(/\.gz$/, ''))
		.filter((f) => f.endsWith(ext));
	return [...new Set(names)].sort();
}
