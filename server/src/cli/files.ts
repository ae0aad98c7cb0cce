/** Finding and reading seed files for the command line. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';

/** File names taken when a directory is walked. */
export const SEED_FILE = /\.(txt|seed)$/i;

/** A file to analyse: its path as given or found, and its path relative to its input root (`/`-separated). */
export interface Input {
	file: string;
	rel: string;
}

/**
 * Lists the inputs as they are found, without holding the list: each directory is walked
 * (recursively, sorted, hidden entries and node_modules left out) for seed files, relative to the
 * directory; any other path is kept as given (an unreadable one becomes an error when read),
 * relative to the current directory. `filesFrom` lines (a file, or `-` for standard input) are
 * read the same way after the arguments.
 */
export async function* listInputs(args: string[], filesFrom?: string): AsyncGenerator<Input> {
	for (const arg of args) yield* expand(arg);
	if (filesFrom === undefined) return;
	const stream = filesFrom === '-' ? process.stdin : fs.createReadStream(filesFrom);
	const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
	for await (const line of lines) if (line.trim()) yield* expand(line);
}

async function* expand(input: string): AsyncGenerator<Input> {
	const st = await fs.promises.stat(input).catch(() => undefined);
	if (st?.isDirectory()) yield* walk(input, input);
	else yield { file: input, rel: fromCwd(input) };
}

async function* walk(dir: string, root: string): AsyncGenerator<Input> {
	let entries: fs.Dirent[];
	try {
		entries = await fs.promises.readdir(dir, { withFileTypes: true });
	} catch {
		// reported as an error element when read
		yield { file: dir, rel: slashes(path.relative(root, dir)) };
		return;
	}
	for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
		if (e.name.startsWith('.') || e.name === 'node_modules') continue;
		const p = path.join(dir, e.name);
		if (e.isDirectory()) yield* walk(p, root);
		else if (e.isFile() && SEED_FILE.test(e.name)) yield { file: p, rel: slashes(path.relative(root, p)) };
	}
}

const slashes = (p: string) => p.split(path.sep).join('/');

// A file named directly is placed by its path from the current directory; one outside it by its absolute path.
function fromCwd(file: string): string {
	const abs = path.resolve(file);
	const rel = path.relative(process.cwd(), abs);
	return slashes(rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs.replace(/^([a-zA-Z]:)?[\\/]+/, ''));
}

/** Reads a file as UTF-8 text; bytes that are not UTF-8 become U+FFFD, which the analysis reports. */
export function readSeed(file: string): string {
	const buf = fs.readFileSync(file);
	if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
	return buf.toString('utf8');
}
