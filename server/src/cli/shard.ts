/**
 * `--shard I/N`: a stable share of the inputs, so that N machines (or N tasks of a job array) split
 * a corpus with no coordination. A file belongs to shard `hash(path) mod N` (`pathHash`), where the path is
 * relative to its input root with `/` separators: the same corpus mounted elsewhere, or listed on
 * another machine, shards identically, and the N shards together are exactly the whole corpus.
 */
import { createHash } from 'node:crypto';

/** One share of N. */
export interface Shard {
	index: number;
	count: number;
}

/** Reads `I/N` (0 ≤ I < N); undefined when it is not of that form. */
export function parseShard(value: string): Shard | undefined {
	const m = /^(\d+)\/(\d+)$/.exec(value.trim());
	if (!m) return undefined;
	const index = Number(m[1]),
		count = Number(m[2]);
	return count >= 1 && index < count && Number.isSafeInteger(count) ? { index, count } : undefined;
}

/** The first 4 bytes of the SHA-1 of the path's UTF-8, as an unsigned integer: stable everywhere, and easy to reproduce with other tools. */
export function pathHash(relativePath: string): number {
	return createHash('sha1').update(relativePath, 'utf8').digest().readUInt32BE(0);
}

/** The shard a file belongs to, from its path relative to its input root (`/`-separated). */
export function shardOf(relativePath: string, count: number): number {
	return pathHash(relativePath) % count;
}

/** Whether a file (path relative to its input root) is in the given shard; every file is when there is none. */
export function inShard(relativePath: string, shard: Shard | undefined): boolean {
	return !shard || shardOf(relativePath, shard.count) === shard.index;
}
