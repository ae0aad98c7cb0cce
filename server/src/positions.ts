/**
 * Offsets ↔ LSP positions. The one place that does arithmetic on lines.
 * Both are UTF-16 based, so only line starts are needed.
 */
import type { Position, Range } from 'vscode-languageserver';

/** Line-start index of one text, with conversions both ways. */
export class LineIndex {
	private readonly starts: number[] = [0];

	constructor(private readonly text: string) {
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === 10) this.starts.push(i + 1);
			else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
		}
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
}
