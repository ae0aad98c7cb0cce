/**
 * Builds and maintains the corpus in the background: walks the workspace
 * folders, reads and analyses every seed file in time slices that yield to the
 * event loop, reports work-done progress, and follows file changes.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentAnalysis } from '../documentAnalysis';
import type { Corpus } from './corpus';
import { excluder, hasSeedHeader, SEED_CANDIDATE } from './seedFiles';
import { summarize, type FileSummary } from './summary';

/** The part of a work-done progress reporter the indexer uses. */
export interface Progress {
	begin(title: string, percentage?: number, message?: string): void;
	report(percentage: number, message?: string): void;
	done(): void;
}

export interface IndexerHost {
	/** Analyses a file's text (the same core and options as open documents) into its summary. */
	summarize(uri: string, text: string, stale: () => boolean): Promise<FileSummary>;
	/** The analysis of the file's live text when the editor has it open (it wins over the disk). */
	openAnalysis(uri: string): Promise<DocumentAnalysis | undefined>;
	/** Starts a progress report in the editor. */
	progress(): Promise<Progress>;
	/** Logs a line to the server's output. */
	log(message: string): void;
}

export interface IndexOptions {
	roots: string[];
	exclude: string[];
	maxFileSize: number;
}

/** Files read and analysed at once: enough that both analysis threads always have the next file waiting. */
const IN_FLIGHT = 8;
/** Time a slice of indexing may hold the event loop before yielding to requests. */
const SLICE_MS = 12;
/** Time between two progress reports. */
const REPORT_MS = 250;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The background indexer of one corpus. */
export class Indexer {
	private generation = 0;
	private options: IndexOptions = { roots: [], exclude: [], maxFileSize: Infinity };
	private excluded: (relativePath: string) => boolean = () => false;
	/** Resolves when the latest build has finished. */
	ready: Promise<void> = Promise.resolve();
	state: 'idle' | 'indexing' | 'ready' = 'idle';

	constructor(
		private readonly corpus: Corpus,
		private readonly host: IndexerHost,
	) {}

	/** (Re)builds the whole index; a newer call abandons an older one. */
	rebuild(options: IndexOptions): Promise<void> {
		const generation = ++this.generation;
		this.options = options;
		this.excluded = excluder(options.exclude);
		this.corpus.clear();
		this.state = options.roots.length ? 'indexing' : 'idle';
		this.ready = options.roots.length ? this.build(generation) : Promise.resolve();
		return this.ready;
	}

	/** Stops any build in progress and forgets the corpus (indexing was turned off). */
	stop(): void {
		this.generation++;
		this.corpus.clear();
		this.state = 'idle';
	}

	/** True when a file URI is inside a root and not excluded. */
	covers(uri: string): boolean {
		const file = toPath(uri);
		if (!file || !SEED_CANDIDATE.test(file)) return false;
		return this.options.roots.some((root) => {
			const rel = path.relative(root, file);
			return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel) && !this.excluded(rel.split(path.sep).join('/'));
		});
	}

	/** Re-reads one file from disk (it changed, was created, or was closed in the editor). */
	async refresh(uri: string): Promise<void> {
		if (this.state === 'idle') return;
		if (!this.covers(uri)) return this.corpus.remove(canonicalUri(uri));
		await this.indexFile(toPath(uri)!, this.generation);
	}

	/** Forgets a deleted file or folder. */
	remove(uri: string): void {
		this.corpus.remove(canonicalUri(uri));
	}

	/** Takes the live analysis of an open document in place of the file on disk. */
	update(a: DocumentAnalysis): void {
		if (this.state !== 'idle' && this.covers(a.uri)) this.corpus.set({ ...summarize(a), uri: canonicalUri(a.uri) });
	}

	private async build(generation: number): Promise<void> {
		const progress = await this.host.progress();
		progress.begin('Indexing seed files', 0, 'finding files…');
		const started = Date.now();
		try {
			const files: string[] = [];
			for (const root of this.options.roots) await this.walk(root, root, files, generation);
			let sliceStart = Date.now();
			let reported = 0;
			let next = 0;
			// A few files in flight at once keep every analysis thread busy while the next files are read.
			const lane = async () => {
				while (next < files.length && generation === this.generation) {
					const i = next++;
					await this.indexFile(files[i], generation);
					const now = Date.now();
					// Each report is a message to the editor: a few a second say enough.
					if (now - reported > REPORT_MS) {
						progress.report(Math.floor((100 * i) / files.length), `${i}/${files.length} files`);
						reported = now;
					}
					if (now - sliceStart > SLICE_MS) {
						await yieldToEventLoop();
						sliceStart = Date.now();
					}
				}
			};
			await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
			if (generation !== this.generation) return;
			this.state = 'ready';
			this.host.log(`Indexed ${this.corpus.size} seed files (${this.corpus.names} names) of ${files.length} candidates in ${Date.now() - started} ms.`);
		} finally {
			progress.done();
		}
	}

	private async walk(root: string, dir: string, out: string[], generation: number): Promise<void> {
		let entries: import('node:fs').Dirent[];
		try {
			entries = await fs.readdir(dir, { withFileTypes: true });
		} catch {
			return;
		}
		for (const e of entries) {
			if (generation !== this.generation) return;
			const p = path.join(dir, e.name);
			const rel = path.relative(root, p).split(path.sep).join('/');
			if (e.name.startsWith('.') || this.excluded(rel)) continue;
			if (e.isDirectory() && !SKIP_DIRS.has(e.name)) await this.walk(root, p, out, generation);
			else if (e.isFile() && SEED_CANDIDATE.test(e.name)) out.push(p);
		}
	}

	private async indexFile(file: string, generation: number): Promise<void> {
		const uri = pathToFileURL(file).toString();
		try {
			const open = await this.host.openAnalysis(uri);
			if (open) return this.corpus.set({ ...summarize(open), uri });
			const text = await readSeed(file, this.options.maxFileSize * 3);
			if (text === null) return this.corpus.remove(uri);
			if (generation !== this.generation) return;
			if (!/\.seed$/i.test(file) && !hasSeedHeader(text)) return this.corpus.remove(uri);
			if (text.length > this.options.maxFileSize) return this.corpus.remove(uri);
			const summary = await this.host.summarize(uri, text, () => generation !== this.generation);
			if (generation === this.generation) this.corpus.set(summary);
		} catch (e) {
			if (generation !== this.generation) return;
			this.corpus.remove(uri);
			if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.host.log(`Could not index ${file}: ${(e as Error).message}`);
		}
	}
}

const stripBom = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

// A file's text through one handle (open, size, read, close), or null past `maxBytes`: never read whole.
async function readSeed(file: string, maxBytes: number): Promise<string | null> {
	const handle = await fs.open(file, 'r');
	try {
		if ((await handle.stat()).size > maxBytes) return null;
		return stripBom(await handle.readFile('utf8'));
	} finally {
		await handle.close();
	}
}

/** One spelling per file URI (editors encode some characters differently), so the index has no duplicates. */
export function canonicalUri(uri: string): string {
	const p = toPath(uri);
	return p ? pathToFileURL(p).toString() : uri;
}

/** The file-system path of a `file:` URI, or null for other schemes. */
export function toPath(uri: string): string | null {
	try {
		return uri.startsWith('file:') ? fileURLToPath(uri) : null;
	} catch {
		return null;
	}
}

/** Reads a seed file that is not open in the editor, or null when it cannot be read. */
export async function readSeedFile(uri: string): Promise<string | null> {
	const p = toPath(uri);
	if (!p) return null;
	try {
		return stripBom(await fs.readFile(p, 'utf8'));
	} catch {
		return null;
	}
}
