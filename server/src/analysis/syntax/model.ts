/**
 * The syntax model file: the tagger's and the parser's weights in one binary file.
 *
 *   "SLSX" · u32 version · u32 header length · header (UTF-8 JSON) · four sections
 *   section = u32 features · u32 homes · u32 records · zero bytes up to a multiple of 4 from the file's
 *             start · the records (a `WeightTable`: per record, u32 key and the int8 weights, padded to
 *             whole words) · u32 filter words · the table's filter (`filterOf`), u32 words
 *
 * The tables are stored as the loader uses them, so that loading them is taking views of the file's
 * bytes: building them at load time took a third of the model's load.
 *
 * The sections, in order: the tagger's first pass, its second pass, the parser's moves, the arc labels.
 *
 * A weight is stored as a μ-law int8 code (`dequantise`); each section has its scale in the header. All numbers
 * are little-endian. Everything here is pure: bytes in, tables out.
 */
import { parseWords, type Parse, type ParserModel } from './parser';
import { tagTwice, UPOS, type ProperNouns } from './tagger';
import { hashString, layoutTable, quantise, Weights, wordsPerRecord } from './weights';
import { dictionaryValue, SortedLines, WordInfoCache, type TagDictionary, type WordInfo } from './words';

export const MAGIC = 0x58534c53; // "SLSX"
export const VERSION = 4;

export interface SyntaxHeader {
	upos: string[];
	labels: string[];
	rootLabel: number;
	/** Normalised word, its tag bit mask and most frequent tag: "word mask mft" lines. */
	dictionary: string;
	/** The general lexicon: "word class" lines. */
	lexicon: string;
	/** Each section's weight scale, in file order. */
	scales: number[];
	meta?: Record<string, unknown>;
}

export interface Section {
	keys: Uint32Array;
	weights: Float32Array;
	classes: number;
}

/** Writes the model file: the sections are the tagger's two passes, the moves and the labels. */
export function writeModel(header: Omit<SyntaxHeader, 'scales'>, sections: readonly [Section, Section, Section, Section]): Uint8Array {
	// The loader finds words by binary search.
	if (!SortedLines.sorted(header.dictionary) || !SortedLines.sorted(header.lexicon)) throw new Error('syntax model: dictionary or lexicon not in word order');
	const q = sections.map((s) => quantise(s.weights));
	const tables = sections.map((s, i) => layoutTable(s.keys, q[i].codes, s.classes));
	const full: SyntaxHeader = { ...header, scales: q.map((x) => x.scale) };
	const json = new TextEncoder().encode(JSON.stringify(full));
	let total = 12 + json.length;
	for (const t of tables) total = align4(total + 12) + t.records.byteLength + 4 + t.filter.byteLength;
	const bytes = new Uint8Array(total);
	const view = new DataView(bytes.buffer);
	view.setUint32(0, MAGIC, true);
	view.setUint32(4, VERSION, true);
	view.setUint32(8, json.length, true);
	bytes.set(json, 12);
	let at = 12 + json.length;
	sections.forEach((s, i) => {
		const t = tables[i];
		view.setUint32(at, s.keys.length, true);
		view.setUint32(at + 4, t.homes, true);
		const stride = wordsPerRecord(s.classes);
		view.setUint32(at + 8, t.records.length / stride, true);
		at = align4(at + 12);
		// Codes as the bytes they are; keys little-endian.
		bytes.set(new Uint8Array(t.records.buffer, t.records.byteOffset, t.records.byteLength), at);
		if (!LITTLE_ENDIAN) for (let w = 0; w < t.records.length; w += stride) view.setUint32(at + 4 * w, t.records[w], true);
		at += t.records.byteLength;
		view.setUint32(at, t.filter.length, true);
		at += 4;
		for (let w = 0; w < t.filter.length; w++, at += 4) view.setInt32(at, t.filter[w], true);
	});
	return bytes;
}

const align4 = (x: number): number => (x + 3) & ~3;
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** A section's records from the file: a view of its bytes when aligned on a little-endian machine, else a copy. */
function readRecords(bytes: Uint8Array, at: number, words: number, stride: number): Uint32Array {
	const from = bytes.byteOffset + at;
	if (LITTLE_ENDIAN && from % 4 === 0) return new Uint32Array(bytes.buffer, from, words);
	const records = new Uint32Array(words);
	new Uint8Array(records.buffer).set(bytes.subarray(at, at + 4 * words));
	if (!LITTLE_ENDIAN) {
		const view = new DataView(bytes.buffer, from, 4 * words);
		for (let w = 0; w < words; w += stride) records[w] = view.getUint32(4 * w, true);
	}
	return records;
}

/** A section's filter from the file, as `readRecords` reads the records. */
function readFilter(bytes: Uint8Array, at: number, words: number): Int32Array {
	const from = bytes.byteOffset + at;
	if (LITTLE_ENDIAN && from % 4 === 0) return new Int32Array(bytes.buffer, from, words);
	const view = new DataView(bytes.buffer, from, 4 * words);
	return Int32Array.from({ length: words }, (_, i) => view.getInt32(4 * i, true));
}

/** The loaded model: the tagger, the parser and a memo of word information, ready to use. */
export class SyntaxModel {
	readonly tagger: Weights;
	readonly tagger2: Weights;
	readonly parser: ParserModel;
	readonly dictionary: TagDictionary;
	readonly words: WordInfoCache;
	readonly header: SyntaxHeader;

	constructor(bytes: Uint8Array) {
		const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		if (bytes.byteLength < 12 || view.getUint32(0, true) !== MAGIC) throw new Error('not a Seed Lens syntax model');
		if (view.getUint32(4, true) !== VERSION) throw new Error(`syntax model version ${view.getUint32(4, true)}, expected ${VERSION}`);
		const len = view.getUint32(8, true);
		const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + len))) as SyntaxHeader;
		this.header = header;
		let at = 12 + len;
		const section = (classes: number, scale: number): Weights => {
			const homes = view.getUint32(at + 4, true);
			const stride = wordsPerRecord(classes);
			const words = view.getUint32(at + 8, true) * stride;
			at = align4(at + 12);
			const records = readRecords(bytes, at, words, stride);
			at += 4 * words;
			const filterWords = view.getUint32(at, true);
			const filter = readFilter(bytes, at + 4, filterWords);
			at += 4 + 4 * filterWords;
			return new Weights({ records, homes, filter }, classes, scale);
		};
		this.tagger = section(header.upos.length, header.scales[0]);
		this.tagger2 = section(header.upos.length, header.scales[1]);
		const moves = section(4, header.scales[2]);
		const labels = section(header.labels.length, header.scales[3]);
		this.parser = { moves, labels, labelNames: header.labels, rootLabel: header.rootLabel };
		this.dictionary = { tags: new SortedLines(header.dictionary, dictionaryValue), lexicon: new SortedLines(header.lexicon ?? '', hashString) };
		this.words = new WordInfoCache(this.dictionary);
		if (header.upos.join() !== UPOS.join()) throw new Error('syntax model: unexpected tag set');
	}

	infos(forms: readonly string[]): WordInfo[] {
		return forms.map((f) => this.words.get(f));
	}

	/**
	 * UPOS indices of the words: a left-to-right pass, then a second pass that sees the first's tags on
	 * the right. `properNouns: 'capitalised'` (for edited text such as news) never tags a word written in
	 * lower case as a proper noun.
	 */
	tag(words: readonly WordInfo[], properNouns: ProperNouns = 'any'): Uint8Array {
		return tagTwice(this.tagger, this.tagger2, words, properNouns);
	}

	/** Heads and labels of the tagged words. */
	parse(words: readonly WordInfo[], tags: Uint8Array): Parse {
		return parseWords(this.parser, words, tags);
	}
}
