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
		let lo = 0, hi = this.starts.length - 1;
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
		const next = p.line + 1 < this.starts.length ? this.starts[p.line + 1] : this.text.length;
		return Math.min(start + Math.max(0, p.character), next);
	}

	/** The LSP range of a span. */
	range(span: { start: number; end: number }): Range {
		return { start: this.position(span.start), end: this.position(span.end) };
	}

	get lineCount(): number {
		return this.starts.length;
	}
}
