/**
 * Silenced findings, kept in `.seedlens-ignore.json` at the root of the
 * workspace folder — never in the seed file itself. Each entry names the file
 * (relative to the root), the finding's code and a fingerprint of its text, so
 * the entry survives edits elsewhere in the file and can be committed and
 * shared. An entry without `file` silences the finding in every file.
 *
 * ```json
 * { "version": 1, "findings": [
 *   { "file": "seeds/a.txt", "code": "unattributed-claim", "hash": "1c2d3e4f", "text": "Prices rose 40%…" } ] }
 * ```
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { toPath } from './indexer';
import { ignoredBy, silencedKey } from '../features/diagnostics';

/** The sidecar's file name. */
export const IGNORE_FILE = '.seedlens-ignore.json';

export interface IgnoredEntry {
	file?: string;
	code: string;
	hash: string;
	/** The finding's text, so people reading the file know what was silenced. */
	text?: string;
}

/** The ignore files of the workspace roots, loaded in memory. */
export class IgnoreList {
	private readonly byRoot = new Map<string, IgnoredEntry[]>();
	private roots: string[] = [];

	/** Reads the ignore file of every root (missing or broken files count as empty). */
	async load(roots: string[]): Promise<void> {
		this.roots = roots;
		this.byRoot.clear();
		for (const root of roots) this.byRoot.set(root, await read(path.join(root, IGNORE_FILE)));
	}

	/** True when the URI is one of the ignore files. */
	isIgnoreFile(uri: string): boolean {
		const p = toPath(uri);
		return !!p && path.basename(p) === IGNORE_FILE && this.roots.includes(path.dirname(p));
	}

	/** A test for the findings of one document. */
	matcher(uri: string): (code: string, hash: string) => boolean {
		return ignoredBy(this.silenced(uri));
	}

	/** The findings silenced in one document, as keys (`silencedKey`): plain data for the analysis threads. */
	silenced(uri: string): string[] {
		const where = this.locate(uri);
		const entries = where ? (this.byRoot.get(where.root) ?? []) : [];
		return entries.filter((e) => !e.file || e.file === where!.file).map((e) => silencedKey(e.code, e.hash));
	}

	/** Adds one finding to the ignore file of the document's root; false when the document is outside every root. */
	async add(uri: string, entry: Omit<IgnoredEntry, 'file'>): Promise<boolean> {
		const where = this.locate(uri);
		if (!where) return false;
		const entries = await read(path.join(where.root, IGNORE_FILE));
		if (!entries.some((e) => e.code === entry.code && e.hash === entry.hash && e.file === where.file)) entries.push({ file: where.file, ...entry });
		this.byRoot.set(where.root, entries);
		await fs.writeFile(path.join(where.root, IGNORE_FILE), JSON.stringify({ version: 1, findings: entries }, null, '\t') + '\n', 'utf8');
		return true;
	}

	private locate(uri: string): { root: string; file: string } | null {
		const p = toPath(uri);
		if (!p) return null;
		const root = this.roots.filter((r) => !path.relative(r, p).startsWith('..')).sort((a, b) => b.length - a.length)[0];
		return root ? { root, file: path.relative(root, p).split(path.sep).join('/') } : null;
	}
}

async function read(file: string): Promise<IgnoredEntry[]> {
	try {
		const json = JSON.parse(await fs.readFile(file, 'utf8')) as { findings?: unknown };
		const list = Array.isArray(json.findings) ? json.findings : [];
		return list.filter((e): e is IgnoredEntry => !!e && typeof e.code === 'string' && typeof e.hash === 'string');
	} catch {
		return [];
	}
}
