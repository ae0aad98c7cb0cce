/**
 * What `seed-lens analyze` says on stderr while it works: a progress bar with files/s, words/s and
 * the time left (only in a terminal), and a one-line summary at the end.
 */

/** The counts of a run so far. */
export interface Counts {
	/** Files with a result (analysed, failed or skipped). */
	files: number;
	words: number;
	errors: number;
	/** With `--out`: files whose result was already up to date. */
	skipped: number;
}

const REDRAW_MS = 100;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

function duration(s: number): string {
	if (!Number.isFinite(s)) return '?';
	const m = Math.floor(s / 60);
	return m >= 60 ? `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m` : `${m}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
}

/** The progress line: a bar when the total is known, the rates, and the time left. */
export function progressLine(c: Counts, total: number | undefined, seconds: number, width = 24): string {
	const rate = (n: number) => (seconds > 0 ? n / seconds : 0);
	const analysed = c.files - c.skipped;
	const parts: string[] = [];
	if (total !== undefined) {
		const filled = total ? Math.min(width, Math.round((c.files / total) * width)) : width;
		parts.push(`[${'█'.repeat(filled)}${'·'.repeat(width - filled)}] ${int(c.files)}/${int(total)} files`);
	} else parts.push(`${int(c.files)} files`);
	parts.push(`${int(rate(analysed))} files/s`, `${int(rate(c.words))} words/s`);
	if (c.errors) parts.push(`${int(c.errors)} errors`);
	if (total !== undefined && analysed > 0) parts.push(`ETA ${duration((total - c.files) / rate(analysed))}`);
	return parts.join(' · ');
}

/** The summary of a finished run. */
export function summaryLine(c: Counts, seconds: number): string {
	const analysed = c.files - c.skipped;
	const rate = seconds > 0 ? `, ${int(c.words / seconds)} words/s` : '';
	const skipped = c.skipped ? ` (${int(c.skipped)} already done)` : '';
	return `seed-lens: ${int(c.files)} files${skipped}, ${int(analysed)} analysed, ${int(c.words)} words, ${int(c.errors)} errors in ${seconds.toFixed(2)} s${rate}`;
}

/** Draws the progress line on a terminal, at most every 100 ms; does nothing when off. */
export class Progress {
	private last = 0;
	private drawn = false;

	constructor(
		private readonly on: boolean,
		private readonly stream: NodeJS.WriteStream = process.stderr,
	) {}

	update(c: Counts, total: number | undefined, seconds: number): void {
		const now = performance.now();
		if (!this.on || now - this.last < REDRAW_MS) return;
		this.last = now;
		const columns = this.stream.columns || 100;
		const line = progressLine(c, total, seconds).slice(0, columns - 1);
		this.stream.write(`\r${line}\x1b[K`);
		this.drawn = true;
	}

	/** Removes the line, before the summary. */
	clear(): void {
		if (this.drawn) this.stream.write('\r\x1b[K');
		this.drawn = false;
	}
}
