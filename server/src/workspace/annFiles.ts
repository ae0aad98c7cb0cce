/**
 * The `.ann` file beside each seed (`NAME.ann` next to `NAME.txt` or `NAME.seed`): read for the
 * analysis, and changed by a review. A change is never a snapshot written over the file: the
 * edits are applied to the file as it is on disk at that moment, under a lock file, and written
 * to a temporary file that is renamed into place. Two windows, or the CLI and the editor, can
 * write at once and neither loses a line; a reader never sees half a file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatBrat, parseBrat } from '../analysis/human/brat';
import { applyEdits, type AnnotationEdit } from '../analysis/human/edits';

/** The `.ann` path of a seed file. */
export function annPathOf(seedPath: string): string {
	const ext = path.extname(seedPath);
	return (ext ? seedPath.slice(0, -ext.length) : seedPath) + '.ann';
}

/**
 * Reads an `.ann` file as UTF-8 text, or undefined when there is none. A file that is not UTF-8
 * (brat files are) throws an `UnreadableAnn` instead of being read with replacement characters:
 * a review would otherwise write those back over the person's bytes. Other errors (permissions,
 * a directory) are thrown as they are.
 */
export async function readAnn(annPath: string): Promise<string | undefined> {
	try {
		return decodeAnn(annPath, await fs.promises.readFile(annPath));
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw e;
	}
}

/** The same, synchronously (the CLI's worker threads read one file at a time anyway). */
export function readAnnSync(annPath: string): string | undefined {
	try {
		return decodeAnn(annPath, fs.readFileSync(annPath));
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw e;
	}
}

/** An `.ann` file Seed Lens will not read (nor write): its bytes are not UTF-8 text. */
export class UnreadableAnn extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of an `.ann` file's bytes; throws an `UnreadableAnn` naming the first line that is not UTF-8. */
export function decodeAnn(annPath: string, bytes: Uint8Array): string {
	try {
		return utf8.decode(bytes);
	} catch {
		const lossy = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
		const line = lossy.slice(0, lossy.indexOf('\uFFFD')).split('\n').length;
		throw new UnreadableAnn(
			`${path.basename(annPath)} is not UTF-8 text (line ${line} is not); brat files are UTF-8. Seed Lens leaves the file as it is and does not use or change it: convert it to UTF-8 (for example with iconv -f latin1 -t utf-8) to annotate this document.`,
		);
	}
}

/** How long a writer waits for another's lock, and when a lock is taken to be left by a process that died. */
const LOCK_WAIT_MS = 5000;
const STALE_LOCK_MS = 30_000;
let written = 0;

/**
 * Applies edits to the `.ann` of a seed whose text is `seedText`, as the file is now; returns the
 * new file's text. Creates the file if needed. Throws when the lock cannot be had or the write fails
 * (the file is then as it was).
 */
export async function updateAnn(annPath: string, seedText: string, edits: readonly AnnotationEdit[]): Promise<string> {
	return withLock(annPath, async () => {
		const now = (await readAnn(annPath)) ?? '';
		const next = formatBrat(applyEdits(seedText, now, edits));
		if (next !== now) await writeAtomic(annPath, next);
		return next;
	});
}

/** Writes a whole file: a temporary file beside it, then a rename. */
export async function writeAtomic(file: string, data: string): Promise<void> {
	const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${written++}.tmp`);
	try {
		await fs.promises.writeFile(tmp, data, 'utf8');
		await fs.promises.rename(tmp, file);
	} catch (e) {
		await fs.promises.rm(tmp, { force: true });
		throw e;
	}
}

async function withLock<T>(annPath: string, work: () => Promise<T>): Promise<T> {
	const lock = path.join(path.dirname(annPath), `.${path.basename(annPath)}.lock`);
	const until = Date.now() + LOCK_WAIT_MS;
	for (;;) {
		try {
			const handle = await fs.promises.open(lock, 'wx');
			await handle.close();
			break;
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const st = await fs.promises.stat(lock).catch(() => undefined);
			if (st && Date.now() - st.mtimeMs > STALE_LOCK_MS) await fs.promises.rm(lock, { force: true });
			else if (Date.now() > until) throw new Error(`${path.basename(annPath)} is being written by another program (${lock} exists); try again.`);
			else await new Promise((r) => setTimeout(r, 20));
		}
	}
	try {
		return await work();
	} finally {
		await fs.promises.rm(lock, { force: true });
	}
}

/** True when a parsed `.ann` text would be written back unchanged (nothing in it was lost or reformatted). */
export function roundTrips(ann: string): boolean {
	return formatBrat(parseBrat(ann)) === ann;
}
