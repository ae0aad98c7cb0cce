/**
 * brat counts offsets in Unicode code points of the file's exact text (Python strings; a CR and
 * an LF are one each, nothing is translated); the rest of the core counts UTF-16 code units (as
 * JavaScript and LSP do). They differ after every character outside the Basic Multilingual Plane
 * (emoji, some CJK, mathematical letters), which takes two UTF-16 units and one code point.
 */
export class CodePoints {
	/** UTF-16 offsets of the astral characters' first units, ascending; empty for BMP-only text. */
	private readonly astral: number[] = [];

	constructor(private readonly text: string) {
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
				const d = text.charCodeAt(i + 1);
				if (d >= 0xdc00 && d <= 0xdfff) {
					this.astral.push(i);
					i++;
				}
			}
		}
	}

	/** The text's length in code points. */
	get length(): number {
		return this.text.length - this.astral.length;
	}

	/** A UTF-16 offset as a code-point offset (an offset inside a pair counts as the pair's start). */
	toCodePoint(utf16: number): number {
		return utf16 - this.countBefore(utf16);
	}

	/** A code-point offset as a UTF-16 offset. */
	toUtf16(codePoint: number): number {
		// Each astral character before the answer adds one unit: walk them in order.
		let u = codePoint;
		for (const a of this.astral) {
			if (a < u) u++;
			else break;
		}
		return u;
	}

	// How many astral characters start before this UTF-16 offset: those wholly before it, and one it falls inside.
	private countBefore(utf16: number): number {
		let lo = 0,
			hi = this.astral.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.astral[mid] < utf16) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
}
