/**
 * The core's memory across documents, owned by one object (`coreMemory`) under one rule. What the
 * core returns depends on its input alone (test/unit/analysis/memo.test.ts: an article reads the
 * same whatever ran before it), but some answers depend on a spelling or a sentence alone, recur
 * through a document and across documents, and cost measurably to work out again: those are
 * remembered here. The rule: each memory holds at most its bound of entries and, when full, starts
 * afresh; `coreMemory.reset()` empties them all at once. Tables built once from the bundled data
 * (gazetteers, lexicons, model weights) are read-only and are not memories.
 */

/** A memory with its own structure (the word-form table, the tagger's word memo) under the same rule. */
export interface Memory {
	/** What it remembers, for the tests and the log. */
	readonly name: string;
	/** The most entries it holds before it starts afresh. */
	readonly limit: number;
	/** The entries it holds now. */
	readonly size: number;
	/** Forgets everything. */
	clear(): void;
}

/** A bounded map from a key to an answer worked out from the key alone. */
export class Memo<K, V> implements Memory {
	private readonly entries = new Map<K, V>();

	constructor(
		readonly name: string,
		readonly limit: number,
	) {}

	get size(): number {
		return this.entries.size;
	}

	get(key: K): V | undefined {
		return this.entries.get(key);
	}

	/** Remembers `value` for `key` (starting afresh when full) and returns it. */
	set(key: K, value: V): V {
		if (this.entries.size >= this.limit) this.entries.clear();
		this.entries.set(key, value);
		return value;
	}

	clear(): void {
		this.entries.clear();
	}
}

/** Every memory of the core. */
export class CoreMemory {
	private readonly memories: Memory[] = [];

	/** A new memo, owned here. */
	memo<K, V>(name: string, limit: number): Memo<K, V> {
		return this.own(new Memo<K, V>(name, limit));
	}

	/** Takes a memory with its own structure into the fold. */
	own<M extends Memory>(memory: M): M {
		this.memories.push(memory);
		return memory;
	}

	/** What each memory holds now, against its bound. */
	list(): { name: string; limit: number; size: number }[] {
		return this.memories.map(({ name, limit, size }) => ({ name, limit, size }));
	}

	/** Empties every memory. */
	reset(): void {
		for (const m of this.memories) m.clear();
	}
}

/** The core's one memory. */
export const coreMemory = new CoreMemory();
