/**
 * The corpus: file summaries of every seed file in the workspace, with an
 * inverted index from entity names to files, for workspace symbols and
 * references across documents.
 */
import type { EntityType } from '../analysis';
import { CrossDocIndex } from '../analysis/crossdoc';
import { compactSummary, mentionRange, SharedValues, type EntitySummary, type FileSummary } from './summary';

/** A place an entity is mentioned, in any file. */
export interface CorpusLocation {
	uri: string;
	range: ReturnType<typeof mentionRange>;
}

/** One entity across the corpus, for workspace symbols. */
export interface CorpusEntity {
	name: string;
	type: EntityType;
	documents: number;
	mentions: number;
	/** The first mention in the file that mentions it most. */
	location: CorpusLocation;
}

/** The in-memory index. */
export class Corpus {
	private readonly files = new Map<string, FileSummary>();
	/** Canonical-name key → files whose entity of that name is there. */
	private readonly byName = new Map<string, Set<string>>();
	/** The cross-document facts of the same files, kept in step with them. */
	readonly crossDoc = new CrossDocIndex();
	/** One copy of each string the summaries repeat (see `compactSummary`). */
	private shared = new SharedValues();
	/** Told of every file added, replaced or forgotten (not of `clear`). */
	onChange: (uri: string) => void = () => {};

	get size(): number {
		return this.files.size;
	}

	/** Number of distinct canonical names across the corpus. */
	get names(): number {
		return this.byName.size;
	}

	has(uri: string): boolean {
		return this.files.has(uri);
	}

	/** Adds or replaces one file's summary. */
	set(summary: FileSummary): void {
		const f = compactSummary(summary, this.shared);
		this.forget(f.uri);
		this.files.set(f.uri, f);
		if (f.facts) this.crossDoc.set(f.uri, f.facts);
		for (const e of f.entities) {
			let s = this.byName.get(e.key);
			if (!s) this.byName.set(e.key, (s = new Set()));
			s.add(f.uri);
		}
		this.onChange(f.uri);
	}

	/** Forgets a file, or every file under a folder URI. */
	remove(uri: string): void {
		if (!this.files.has(uri)) {
			const prefix = uri.endsWith('/') ? uri : uri + '/';
			for (const u of [...this.files.keys()]) if (u.startsWith(prefix)) this.remove(u);
			return;
		}
		this.forget(uri);
		this.onChange(uri);
	}

	/** The summary of one file. */
	get(uri: string): FileSummary | undefined {
		return this.files.get(uri);
	}

	private forget(uri: string): void {
		const f = this.files.get(uri);
		if (!f) return;
		this.files.delete(uri);
		this.crossDoc.remove(uri);
		for (const e of f.entities) {
			const s = this.byName.get(e.key);
			s?.delete(uri);
			if (s && !s.size) this.byName.delete(e.key);
		}
	}

	/** Forgets everything (the workspace or the exclusions changed). */
	clear(): void {
		this.shared = new SharedValues();
		this.files.clear();
		this.byName.clear();
		this.crossDoc.clear();
	}

	/**
	 * Every mention, in files other than `except`, of an entity matched by name:
	 * a file's entity matches when its canonical name is one of `keys`, or
	 * when `key` (our canonical name) is one of its spellings.
	 */
	references(key: string, keys: string[], except: string, cancelled: () => boolean = () => false): CorpusLocation[] {
		const out: CorpusLocation[] = [];
		const candidates = new Set<string>();
		for (const k of keys) for (const u of this.byName.get(k) ?? []) candidates.add(u);
		// Files whose entity is spelled differently but lists our name among its spellings (few; scanned on demand).
		const wanted = new Set(keys);
		for (const uri of this.files.keys()) if (!candidates.has(uri) && uri !== except && this.mentionsKey(uri, key)) candidates.add(uri);
		for (const uri of [...candidates].sort()) {
			if (uri === except || cancelled()) continue;
			const f = this.files.get(uri)!;
			for (const e of f.entities) {
				if (!wanted.has(e.key) && !e.keys.includes(key)) continue;
				for (let i = e.from; i < e.to; i++) out.push({ uri, range: mentionRange(f, i) });
			}
		}
		return out;
	}

	private mentionsKey(uri: string, key: string): boolean {
		return this.files.get(uri)!.entities.some((e) => e.keys.includes(key));
	}

	/** Entities whose name matches the query (letters in order, any case), most documents first. */
	search(query: string, limit: number, cancelled: () => boolean = () => false): CorpusEntity[] {
		const q = query.toLowerCase().replace(/\s+/g, '');
		const hits: [string, Set<string>][] = [];
		let n = 0;
		for (const entry of this.byName) {
			if (++n % 4096 === 0 && cancelled()) return [];
			if (subsequence(q, entry[0])) hits.push(entry);
		}
		hits.sort((x, y) => y[1].size - x[1].size || (x[0] < y[0] ? -1 : 1));
		return hits.slice(0, limit).map(([key, uris]) => this.describe(key, uris));
	}

	private describe(key: string, uris: Set<string>): CorpusEntity {
		let best: { f: FileSummary; e: EntitySummary } | undefined;
		let mentions = 0;
		for (const uri of uris) {
			const f = this.files.get(uri)!;
			const e = f.entities.find((x) => x.key === key)!;
			mentions += e.to - e.from;
			if (!best || e.to - e.from > best.e.to - best.e.from) best = { f, e };
		}
		const { f, e } = best!;
		return { name: e.name, type: e.type, documents: uris.size, mentions, location: { uri: f.uri, range: mentionRange(f, e.from) } };
	}
}

function subsequence(q: string, s: string): boolean {
	let i = 0;
	for (let j = 0; i < q.length && j < s.length; j++) if (q[i] === s[j]) i++;
	return i === q.length;
}
