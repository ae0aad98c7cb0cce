/**
 * Offsets ↔ LSP positions. The one place that does arithmetic on lines: where lines start
 * (`lineStarts`, for analysed texts and open documents alike), offsets to positions and back, and
 * the order of positions. Both are UTF-16 based, so only line starts are needed.
 */
import type { Position, Range } from 'vscode-languageserver';

/** What `EditShift` and other readers need of a text: a string, or an open document's text unassembled. */
export interface TextSource {
	readonly length: number;
	slice(start: number, end: number): string;
	charCodeAt(index: number): number;
}

/**
 * Appends to `out` where the lines of `text` start, as offsets after `offset`: after each LF, each
 * CR not followed by an LF, and each CRLF (one break), as the LSP library counts them.
 */
export function lineStarts(text: string, offset: number, out: number[] = []): number[] {
	// Without a CR, the line feeds are found by the engine's own search, several times faster than a loop.
	if (text.indexOf('\r') < 0) {
		for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(offset + i + 1);
		return out;
	}
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) out.push(offset + i + 1);
		else if (c === 13 && text.charCodeAt(i + 1) !== 10) out.push(offset + i + 1);
	}
	return out;
}

/** True when `p` comes before `q`. */
export function isBefore(p: Position, q: Position): boolean {
	return p.line < q.line || (p.line === q.line && p.character < q.character);
}

/** True when `p` lies in `r`, both ends included. */
export function isInRange(p: Position, r: Range): boolean {
	return !isBefore(p, r.start) && !isBefore(r.end, p);
}

/** Line-start index of one text, with conversions both ways. */
export class LineIndex {
	private readonly starts: number[];

	constructor(private readonly text: string) {
		this.starts = lineStarts(text, 0, [0]);
	}

	/** The LSP position of an offset (clamped to the text). */
	position(offset: number): Position {
		const o = Math.max(0, Math.min(offset, this.text.length));
		let lo = 0,
			hi = this.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.starts[mid] <= o) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo, character: o - this.starts[lo] };
	}

	/** The offset of an LSP position (clamped to its line and to the text). */
	offset(p: Position): number {
		if (p.line < 0) return 0;
		if (p.line >= this.starts.length) return this.text.length;
		const start = this.starts[p.line];
		return Math.min(start + Math.max(0, p.character), this.lineEnd(p.line));
	}

	/** The offset where a line's content ends (before its line break). */
	lineEnd(line: number): number {
		if (line + 1 >= this.starts.length) return this.text.length;
		let end = this.starts[line + 1] - 1;
		if (end > this.starts[line] && this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
		return end;
	}

	/** A span cut at line breaks: one piece per line it touches, as line, character and length. */
	pieces(span: { start: number; end: number }): { line: number; character: number; length: number }[] {
		const a = this.position(span.start),
			b = this.position(span.end);
		const out: { line: number; character: number; length: number }[] = [];
		for (let l = a.line; l <= b.line; l++) {
			const from = l === a.line ? a.character : 0;
			const to = l === b.line ? b.character : this.lineEnd(l) - this.starts[l];
			if (to > from) out.push({ line: l, character: from, length: to - from });
		}
		return out;
	}

	/** The zero-based line of an offset. */
	line(offset: number): number {
		return this.position(offset).line;
	}

	/** The LSP range of a span. */
	range(span: { start: number; end: number }): Range {
		return { start: this.position(span.start), end: this.position(span.end) };
	}

	get lineCount(): number {
		return this.starts.length;
	}

	/** Where each line starts, compactly: what `positionIn` needs to place offsets without the text. */
	lineStarts(): Uint32Array {
		return Uint32Array.from(this.starts);
	}
}

/** The LSP position of an offset, from the line starts of its text (`LineIndex.lineStarts`). */
export function positionIn(starts: Uint32Array, offset: number): Position {
	let lo = 0,
		hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid] <= offset) lo = mid;
		else hi = mid - 1;
	}
	return { line: lo, character: Math.max(0, offset - starts[lo]) };
}

type Pos = Position;
const BLOCK = 4096;

/**
 * Where two texts differ, as one region: the common prefix ends at `start` in both; the common
 * suffix starts at `end` in `before` and at `afterEnd` in `after`. Whole blocks compare natively;
 * only the last block on each side is walked character by character.
 */
export function changedRegion(before: TextSource, after: TextSource): { start: number; end: number; afterEnd: number } {
	const most = Math.min(before.length, after.length);
	let p = 0;
	while (p + BLOCK <= most && before.slice(p, p + BLOCK) === after.slice(p, p + BLOCK)) p += BLOCK;
	while (p < most && before.charCodeAt(p) === after.charCodeAt(p)) p++;
	let q = 0;
	const room = most - p;
	while (q + BLOCK <= room && before.slice(before.length - q - BLOCK, before.length - q) === after.slice(after.length - q - BLOCK, after.length - q))
		q += BLOCK;
	while (q < room && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
	return { start: p, end: before.length - q, afterEnd: after.length - q };
}
const less = isBefore;

/**
 * The edits between an analysed text and the text now in the editor, as one
 * changed region (common prefix and suffix), to answer requests from the last
 * analysis while a newer one is on its way: positions after the region move
 * with it, positions inside it have no counterpart.
 */
export class EditShift {
	/** Where the changed region starts (the same in both texts). */
	private readonly start: Pos;
	/** Where it ends in the analysed text, and in the current one. */
	private readonly oldEnd: Pos;
	private readonly newEnd: Pos;

	/** `after` may be an open document's text unassembled: it is only sliced, never read whole. */
	constructor(before: string, lines: LineIndex, after: TextSource) {
		const { start: p, end, afterEnd } = changedRegion(before, after);
		this.start = lines.position(p);
		this.oldEnd = lines.position(end);
		// The inserted text's own lines give the new end, without indexing the whole new text.
		const inserted = after.slice(p, afterEnd);
		const breaks = inserted.match(/\r\n|\r|\n/g)?.length ?? 0;
		const tail = inserted.length - Math.max(inserted.lastIndexOf('\n'), inserted.lastIndexOf('\r')) - 1;
		this.newEnd = { line: this.start.line + breaks, character: breaks ? tail : this.start.character + inserted.length };
	}

	/** True when a position of the analysed text lies before the edit (it is the same in the current text). */
	before(p: Pos): boolean {
		return less(p, this.start);
	}

	/** A position of the analysed text in the current one (inside the edit: where the edit starts). */
	forward(p: Pos): Pos {
		if (less(p, this.start)) return p;
		if (less(p, this.oldEnd)) return this.start;
		const line = p.line - this.oldEnd.line + this.newEnd.line;
		return { line, character: p.line === this.oldEnd.line ? p.character - this.oldEnd.character + this.newEnd.character : p.character };
	}

	/** A range of the analysed text in the current one. */
	forwardRange(r: Range): Range {
		return { start: this.forward(r.start), end: this.forward(r.end) };
	}

	/** A position of the current text in the analysed one, or null inside what was typed since. */
	back(p: Pos): Pos | null {
		if (less(p, this.start)) return p;
		if (less(p, this.newEnd)) return null;
		const line = p.line - this.newEnd.line + this.oldEnd.line;
		return { line, character: p.line === this.newEnd.line ? p.character - this.newEnd.character + this.oldEnd.character : p.character };
	}
}
