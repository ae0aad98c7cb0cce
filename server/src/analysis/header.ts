/**
 * The seed header grammar, defined once: the first non-empty line of a seed file is
 * `date YYYY-MM-DD Title`. The core parses it (`parseHeader`); the server, the index, the CLI and the
 * client recognise seed files by it (`hasSeedHeader`); the manifest's `firstLine` is `HEADER_START`'s
 * source (test/unit/server/contracts.test.ts checks that they agree).
 */
import type { Diagnostic, Header } from './types';

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

/** True when `y-m-d` names a day that exists in the proleptic Gregorian calendar. */
export function isRealDate(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1) return false;
	const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
	return d <= days[m - 1];
}

function lineEnd(text: string, from: number): number {
	const n = text.indexOf('\n', from);
	return n < 0 ? text.length : n;
}

/** Parses the header: the first non-empty line, `date YYYY-MM-DD Title`. */
export function parseHeader(text: string): { header: Header; bodyStart: number; diagnostics: Diagnostic[] } {
	const diagnostics: Diagnostic[] = [];
	const m = /\S/.exec(text);
	if (!m) {
		diagnostics.push({
			code: 'empty-document',
			severity: 'warning',
			message: 'The file is empty: a seed file starts with a header line “date YYYY-MM-DD Title”.',
			start: 0,
			end: 0,
		});
		return { header: { date: null, title: null, start: 0, end: 0 }, bodyStart: text.length, diagnostics };
	}
	const start = text.lastIndexOf('\n', m.index) + 1;
	let end = lineEnd(text, start);
	const bodyStart = Math.min(text.length, end + 1);
	if (end > start && text[end - 1] === '\r') end--;
	const line = text.slice(start, end);
	const h = HEADER_LINE.exec(line);
	if (!h) {
		diagnostics.push({
			code: 'missing-header',
			severity: 'warning',
			message: 'No header: the first line of a seed file should be “date YYYY-MM-DD Title”. Relative dates cannot be resolved without it.',
			start: start + (m.index - start),
			end,
		});
		return { header: { date: null, title: null, start, end }, bodyStart: start, diagnostics };
	}
	const dateStart = start + h[1].length + line.slice(h[1].length).indexOf(h[2]);
	const dateEnd = dateStart + h[2].length;
	const title = h[3] ? h[3] : null;
	let date: string | null = null;
	const d = HEADER_DATE.exec(h[2]);
	if (!d) {
		diagnostics.push({
			code: 'malformed-date',
			severity: 'warning',
			message: `The header date “${h[2]}” is not of the form YYYY-MM-DD; relative dates cannot be resolved.`,
			start: dateStart,
			end: dateEnd,
		});
	} else if (!isRealDate(+d[1], +d[2], +d[3])) {
		diagnostics.push({
			code: 'malformed-date',
			severity: 'warning',
			message: `The header date ${h[2]} does not exist; relative dates cannot be resolved.`,
			start: dateStart,
			end: dateEnd,
		});
	} else {
		date = h[2];
	}
	if (!title) {
		diagnostics.push({ code: 'missing-title', severity: 'information', message: 'The header has a date but no title.', start, end });
	}
	return { header: { date, title, start, end }, bodyStart, diagnostics };
}
