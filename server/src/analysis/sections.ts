/**
 * Long documents are analysed in sections: runs of whole paragraphs of about ten thousand
 * characters, each read with the document's header, so that while someone types in a
 * megabyte-long file only the section they are typing in is analysed again (see `SectionCache`).
 * Section boundaries are chosen by the paragraphs' own content, not by counting from the top:
 * an edit moves at most the boundary next to it, and every other section keeps its exact text.
 * News articles are far shorter than `SECTION_THRESHOLD` and are always read whole.
 */
import type { Paragraph } from './document';

/** Documents longer than this (UTF-16 code units) are analysed in sections. */
export const SECTION_THRESHOLD = 48_000;
/** A section closes before a paragraph whose opening hashes to a cut, once it is this long… */
const MIN_SECTION = 3_000;
/** …and in any case once it is this long (a paragraph is never split). */
const MAX_SECTION = 12_000;
/** One paragraph in this many opens a section (by its hash): sections of ~MIN_SECTION + a few paragraphs. */
const CUT_EVERY = 4;

/** A section: `[start, end)` of the text, from its first paragraph up to the next section's first paragraph. */
export interface Section {
	start: number;
	end: number;
}

/**
 * Splits the body (paragraphs, in order) into sections. The first section starts at 0 and
 * holds the header; the last ends at the end of the text.
 */
export function sectionsOf(text: string, paragraphs: readonly Paragraph[]): Section[] {
	const out: Section[] = [];
	let start = 0;
	for (let i = 1; i < paragraphs.length; i++) {
		const next = paragraphs[i].start;
		const size = next - start;
		if (size >= MAX_SECTION || (size >= MIN_SECTION && opensSection(text, paragraphs[i]))) {
			out.push({ start, end: next });
			start = next;
		}
	}
	out.push({ start, end: text.length });
	return out;
}

// A hash of the paragraph's first characters: typing anywhere else (the end of the paragraph before,
// most often) never moves a boundary.
function opensSection(text: string, p: Paragraph): boolean {
	let h = 0x811c9dc5;
	for (let i = p.start, end = Math.min(p.end, p.start + 24); i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	h ^= h >>> 15;
	return (Math.imul(h, 0x2c1b3c6d) >>> 0) % CUT_EVERY === 0;
}

/**
 * Remembers the analysis of each section text (with the header it was read under and the
 * options), least recently used first out, up to a bound on the text it holds. Pure data: the
 * caller keeps one per thread and passes it to `analyzeDocument`.
 */
export class SectionCache<T> {
	private readonly entries = new Map<string, T>();
	private chars = 0;

	constructor(private readonly maxChars = 16_000_000) {}

	/** The cached value for `key`, made by `make` when absent. */
	get(key: string, make: () => T): T {
		const hit = this.entries.get(key);
		if (hit !== undefined) {
			this.entries.delete(key);
			this.entries.set(key, hit);
			return hit;
		}
		const value = make();
		this.entries.set(key, value);
		this.chars += key.length;
		for (const k of this.entries.keys()) {
			if (this.chars <= this.maxChars || k === key) break;
			this.entries.delete(k);
			this.chars -= k.length;
		}
		return value;
	}

	/** How many section analyses it holds. */
	get size(): number {
		return this.entries.size;
	}
}
