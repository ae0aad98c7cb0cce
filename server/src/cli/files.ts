/** Finding and reading seed files for the command line. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** File names taken when a directory is walked. */
export const SEED_FILE = /\.(txt|seed)$/i;

/** Expands directories (recursively, sorted) into seed files; files are kept as given. */
export function expandInputs(inputs: string[]): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(dir, { withFileTypes: true });
		} catch {
			out.push(dir); // reported as an error element when read
			return;
		}
		for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
			if (e.name.startsWith('.') || e.name === 'node_modules') continue;
			const p = path.join(dir, e.name);
			if (e.isDirectory()) walk(p);
			else if (e.isFile() && SEED_FILE.test(e.name)) out.push(p);
		}
	};
	for (const input of inputs) {
		let st: fs.Stats | undefined;
		try {
			st = fs.statSync(input);
		} catch {
			st = undefined;
		}
		if (st?.isDirectory()) walk(input);
		else out.push(input);
	}
	return out;
}

/** Reads a file as UTF-8 text; bytes that are not UTF-8 become U+FFFD, which the analysis reports. */
export function readSeed(file: string): string {
	const buf = fs.readFileSync(file);
	if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
	return buf.toString('utf8');
}
