/**
 * The text of an open document, edited without copying it. The editor sends each keystroke as a
 * small edit; the library's document rebuilds the whole string for each one, which on a megabyte
 * holds the server's thread for a millisecond or two and leaves megabytes of garbage per keystroke.
 * Here a run of edits in one place is kept as one changed region over the last whole text, and the
 * whole text is only put together when something reads it (the analysis, now and then). Positions,
 * lines and slices are answered from the region meanwhile. Behaves as `TextDocument.create`/`update`.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { isBefore, lineStarts, type TextSource } from './positions';

const CR = 13;
const LF = 10;
const isEOL = (c: number) => c === CR || c === LF;

export class OpenDocument implements TextDocument, TextSource {
	/** The last whole text; the current text is `base[0, from) + middle + base[to, …)`. */
	private base: string;
	private from = 0;
	private to = 0;
	private middle = '';
	private lines: number[];

	constructor(
		readonly uri: string,
		readonly languageId: string,
		public version: number,
		text: string,
	) {
		this.base = text;
		this.lines = lineStarts(text, 0, [0]);
	}

	/** The document manager's configuration: documents of this kind. */
	static readonly configuration = {
		create: (uri: string, languageId: string, version: number, content: string) => new OpenDocument(uri, languageId, version, content),
		update: (doc: OpenDocument, changes: TextDocumentContentChangeEvent[], version: number) => doc.update(changes, version),
	};

	get length(): number {
		return this.base.length - (this.to - this.from) + this.middle.length;
	}

	get lineCount(): number {
		return this.lines.length;
	}

	charCodeAt(i: number): number {
		if (i < this.from) return this.base.charCodeAt(i);
		const m = i - this.from;
		if (m < this.middle.length) return this.middle.charCodeAt(m);
		return this.base.charCodeAt(this.to + m - this.middle.length);
	}

	/** A slice of the current text, put together from the pieces it spans (the whole text is not assembled). */
	slice(start: number, end: number): string {
		const n = this.length;
		start = Math.max(0, Math.min(start, n));
		end = Math.max(start, Math.min(end, n));
		const midEnd = this.from + this.middle.length;
		const shift = this.to - midEnd;
		if (end <= this.from) return this.base.slice(start, end);
		if (start >= midEnd) return this.base.slice(start + shift, end + shift);
		let s = start < this.from ? this.base.slice(start, this.from) : '';
		s += this.middle.slice(Math.max(0, start - this.from), Math.min(this.middle.length, end - this.from));
		if (end > midEnd) s += this.base.slice(this.to, end + shift);
		return s;
	}

	getText(range?: Range): string {
		if (range) {
			const a = this.offsetAt(range.start);
			const b = this.offsetAt(range.end);
			return this.slice(Math.min(a, b), Math.max(a, b));
		}
		return this.whole();
	}

	positionAt(offset: number): Position {
		offset = Math.max(Math.min(offset, this.length), 0);
		const lines = this.lines;
		let low = 0;
		let high = lines.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (lines[mid] > offset) high = mid;
			else low = mid + 1;
		}
		const line = low - 1;
		offset = this.beforeEOL(offset, lines[line]);
		return { line, character: offset - lines[line] };
	}

	offsetAt(position: Position): number {
		const lines = this.lines;
		if (position.line >= lines.length) return this.length;
		if (position.line < 0) return 0;
		const start = lines[position.line];
		if (position.character <= 0) return start;
		const next = position.line + 1 < lines.length ? lines[position.line + 1] : this.length;
		return this.beforeEOL(Math.min(start + position.character, next), start);
	}

	getLineRange(line: number): Range {
		const lines = this.lines;
		if (line >= lines.length) {
			const last = lines.length - 1;
			return { start: { line: last, character: 0 }, end: { line: last, character: this.length - lines[last] } };
		}
		if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
		const start = lines[line];
		const next = line + 1 < lines.length ? lines[line + 1] : this.length;
		return { start: { line, character: 0 }, end: { line, character: this.beforeEOL(next, start) - start } };
	}

	getEOLCharacters(line: number): string {
		const lines = this.lines;
		if (line < 0 || line >= lines.length) return '';
		const next = line + 1 < lines.length ? lines[line + 1] : this.length;
		return this.slice(this.beforeEOL(next, lines[line]), next);
	}

	update(changes: TextDocumentContentChangeEvent[], version: number): OpenDocument {
		for (const change of changes) {
			if ('range' in change && change.range) this.edit(change.range, change.text);
			else this.replaceAll(change.text);
		}
		this.version = version;
		return this;
	}

	private replaceAll(text: string): void {
		this.base = text;
		this.from = this.to = 0;
		this.middle = '';
		this.lines = lineStarts(text, 0, [0]);
	}

	private edit(range: Range, text: string): void {
		const [s, e] = isBefore(range.end, range.start) ? [range.end, range.start] : [range.start, range.end];
		const a = this.offsetAt(s);
		const b = this.offsetAt(e);
		this.replace(a, b, text);
		// A CR and an LF brought together at either end of the edit are one line break: count them all again.
		const end = a + text.length;
		if ((this.charCodeAt(a - 1) === CR && this.charCodeAt(a) === LF) || (this.charCodeAt(end - 1) === CR && this.charCodeAt(end) === LF)) {
			this.lines = lineStarts(this.whole(), 0, [0]);
			return;
		}
		const added = lineStarts(text, a);
		const lines = this.lines;
		const startLine = s.line < 0 ? 0 : Math.min(s.line, lines.length - 1);
		const endLine = e.line < 0 ? 0 : Math.min(e.line, lines.length - 1);
		if (endLine - startLine === added.length) for (let i = 0; i < added.length; i++) lines[startLine + 1 + i] = added[i];
		else this.lines = lines.slice(0, startLine + 1).concat(added, lines.slice(endLine + 1));
		const diff = text.length - (b - a);
		if (diff !== 0) for (let i = startLine + 1 + added.length, n = this.lines.length; i < n; i++) this.lines[i] += diff;
	}

	// Replaces [a, b) of the current text. An edit touching the changed region joins it; one elsewhere
	// first assembles the whole text, and starts a region of its own.
	private replace(a: number, b: number, text: string): void {
		const midEnd = this.from + this.middle.length;
		if (this.from === this.to && this.middle === '') {
			this.from = a;
			this.to = b;
			this.middle = text;
			return;
		}
		if (a > midEnd || b < this.from) {
			this.whole();
			this.from = a;
			this.to = b;
			this.middle = text;
			return;
		}
		const start = Math.min(a, this.from);
		const end = Math.max(b, midEnd);
		const current = this.slice(start, end);
		this.middle = current.slice(0, a - start) + text + current.slice(b - start);
		this.to += end - midEnd;
		this.from = start;
	}

	/** The whole current text, assembled once per run of edits. */
	private whole(): string {
		if (this.from !== this.to || this.middle !== '') {
			this.base = this.base.slice(0, this.from) + this.middle + this.base.slice(this.to);
			this.from = this.to = 0;
			this.middle = '';
		}
		return this.base;
	}

	private beforeEOL(offset: number, lineStart: number): number {
		while (offset > lineStart && isEOL(this.charCodeAt(offset - 1))) offset--;
		return offset;
	}
}
