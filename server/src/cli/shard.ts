/**
 * `--shard I/N`: a stable share of the inputs, so that N machines (or N tasks of a job array) split
 * a corpus with no coordination. A file belongs to shard `hash(path) mod N`, where the path is
 * relative to its input root with `/` separators: the same corpus mounted elsewhere, or listed on
 * another machine, shards identically, and the N shards together are exactly the whole corpus.
 */

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

const utf8 = new TextEncoder();

/** 32-bit FNV-1a over the UTF-8 bytes of a string: simple, stable across platforms and versions. */
export function fnv1a(s: string): number {
	let h = 0x811c9dc5;
	for (const byte of utf8.encode(s)) {
		h ^= byte;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

/** The shard a file belongs to, from its path relative to its input root (`/`-separated). */
export function shardOf(relativePath: string, count: number): number {
	return fnv1a(relativePath) % count;
}

/** Whether a file (path relative to its input root) is in the given shard; every file is when there is none. */
export function inShard(relativePath: string, shard: Shard | undefined): boolean {
	return !shard || shardOf(relativePath, shard.count) === shard.index;
}
