/**
 * The seed header grammar, defined once: the first non-empty line of a seed file is
 * `date YYYY-MM-DD Title`. The core parses it (`parseHeader`); the server, the index, the CLI and the
 * client recognise seed files by it (`hasSeedHeader`); the manifest's `firstLine` is `HEADER_START`'s
 * source (test/unit/server/contracts.test.ts checks that they agree).
 */

/** A header line: indentation, the keyword, the date token, the title. Any token is read as the date: a malformed one gets a diagnostic. */
export const HEADER_LINE = /^([ \t]*)date[ \t]+(\S+)(?:[ \t]+(.*?))?[ \t]*$/;

/** A well-formed header date. */
export const HEADER_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** How a seed file's header starts: the keyword and a digit (a malformed date is still a seed, with a diagnostic). */
export const HEADER_START = /^[ \t]*date[ \t]+\d/;

/** True when the text's first non-empty line (after a byte-order mark) starts like a seed header. */
export function hasSeedHeader(text: string): boolean {
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	for (;;) {
		const nl = text.indexOf('\n', i);
		const line = text.slice(i, nl < 0 ? Math.min(text.length, i + 200) : Math.min(nl, i + 200));
		if (line.trim()) return HEADER_START.test(line);
		if (nl < 0) return false;
		i = nl + 1;
	}
}
