/**
 * Which files are seed files, decided from the file itself — never from the
 * editor's language id, since editors other than VS Code send `text` for
 * `.txt` — and which paths the index leaves out (`seedLens.index.exclude`).
 */

/** A `.seed` file, or a `.txt` file that may be one (its header decides). */
export const SEED_CANDIDATE = /\.(seed|txt)$/i;

import { hasSeedHeader } from '../analysis/header';

export { hasSeedHeader };

/** True when a document is a seed file: a `.seed` file, one the editor calls `seed`, or any text with a seed header. */
export function isSeedDocument(uri: string, text: string, languageId?: string): boolean {
	return /\.seed$/i.test(uri) || languageId === 'seed' || hasSeedHeader(text);
}

/**
 * A glob as a regular expression over `/`-separated relative paths:
 * `**` any number of folders, `*` and `?` within one name, `{a,b}` alternatives.
 * A pattern without a slash matches a name at any depth, as in .gitignore.
 */
export function globToRegExp(glob: string): RegExp {
	let g = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '');
	if (!g.includes('/')) g = `**/${g}`;
	let re = '';
	for (let i = 0; i < g.length; i++) {
		const c = g[i];
		if (c === '*' && g[i + 1] === '*') {
			const slash = g[i + 2] === '/';
			re += slash ? '(?:[^/]*/)*' : '.*';
			i += slash ? 2 : 1;
		} else if (c === '*') re += '[^/]*';
		else if (c === '?') re += '[^/]';
		else if (c === '{') {
			const close = g.indexOf('}', i);
			if (close < 0) re += '\\{';
			else {
				re += `(?:${g
					.slice(i + 1, close)
					.split(',')
					.map(escape)
					.join('|')})`;
				i = close;
			}
		} else re += escape(c);
	}
	// A folder pattern also excludes what is inside it.
	return new RegExp(`^${re}(?:/.*)?$`);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A test for relative paths against a list of exclude globs. */
export function excluder(globs: string[]): (relativePath: string) => boolean {
	const res = globs.filter((g) => g.trim()).map(globToRegExp);
	return (p) => res.some((r) => r.test(p));
}
