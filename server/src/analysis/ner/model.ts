/**
 * The tagger's model: tag set, the compact serialised form (feature-hash keys and int8 weights
 * in base64, plus the lexicon), and the open-addressing table that scores features at inference.
 */
import type { Lexicon } from './features';

export type NerType = 'PER' | 'ORG' | 'LOC' | 'NORP' | 'MISC';

/** A tagged name: offsets into the document text, token range `[first, last)` in `doc.tokens`. */
export interface NerSpan {
	start: number;
	end: number;
	type: NerType;
	/** 0..1 confidence */
	score: number;
	first: number;
	last: number;
}

/** Entity types in tag order: tag 0 is O, type t has B = 1 + 2t and I = 2 + 2t. */
export const TYPES: readonly NerType[] = ['PER', 'ORG', 'LOC', 'NORP', 'MISC'];
export const NTAGS = 1 + 2 * TYPES.length;

/** The tag names, for messages and the model file. */
export const TAG_NAMES: readonly string[] = ['O', ...TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

/** Type index of a tag, or -1 for O. */
export const typeOf = (tag: number): number => (tag === 0 ? -1 : (tag - 1) >> 1);
export const isInside = (tag: number): boolean => tag !== 0 && (tag & 1) === 0;

/** BIO2: an I- tag only continues a B- or I- of the same type. */
export function canFollow(prev: number, tag: number): boolean {
	return !isInside(tag) || (prev !== 0 && typeOf(prev) === typeOf(tag));
}

/** Anything that adds a feature's per-tag weights into a score vector. */
export interface Scorer {
	addTo(feature: number, scores: Float64Array): void;
}

/** The model file's JSON shape. */
export interface ModelFile {
	format: 'seed-lens-ner/1';
	tags: string[];
	/** Weight of int8 code q: sign(q) × scale × ((1 + MU)^(|q|/127) − 1) / MU (μ-law, fine near zero). */
	scale: number;
	/** Softmax sharpness for confidences (calibrated on dev). */
	beta: number;
	/** Base64 of little-endian uint32 feature hashes. */
	keys: string;
	/** Base64 of int8 weights, NTAGS per key, in key order. */
	weights: string;
	/** Space-separated common lowercase words. */
	common: string;
	/** Gazetteer bit mask → space-separated lowercase words. */
	gazetteer: Record<string, string>;
	meta?: Record<string, unknown>;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Encodes bytes as base64 (no Node built-ins, so the core stays portable). */
export function toBase64(bytes: Uint8Array): string {
	const parts: string[] = [];
	let chunk = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		chunk += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
		if (chunk.length > 8192) {
			parts.push(chunk);
			chunk = '';
		}
	}
	parts.push(chunk);
	return parts.join('');
}

/** Decodes base64 produced by `toBase64`. */
export function fromBase64(s: string): Uint8Array {
	const rev = new Uint8Array(128);
	for (let i = 0; i < 64; i++) rev[B64.charCodeAt(i)] = i;
	let len = (s.length / 4) * 3;
	if (s.endsWith('==')) len -= 2;
	else if (s.endsWith('=')) len -= 1;
	const out = new Uint8Array(len);
	let o = 0;
	for (let i = 0; i < s.length; i += 4) {
		const n = (rev[s.charCodeAt(i)] << 18) | (rev[s.charCodeAt(i + 1)] << 12) | (rev[s.charCodeAt(i + 2)] << 6) | rev[s.charCodeAt(i + 3)];
		if (o < len) out[o++] = (n >> 16) & 255;
		if (o < len) out[o++] = (n >> 8) & 255;
		if (o < len) out[o++] = n & 255;
	}
	return out;
}

/** μ of the weight code: small weights, the many, keep their precision; large ones are few. */
export const MU = 255;

/** The weight an int8 code stands for. */
export function dequantize(q: number, scale: number): number {
	const m = (Math.pow(1 + MU, Math.abs(q) / 127) - 1) / MU;
	return Math.sign(q) * scale * m;
}

/** The int8 code nearest to weight `w` (clipped to ±scale). */
export function quantize(w: number, scale: number): number {
	const x = Math.min(1, Math.abs(w) / scale);
	return Math.sign(w) * Math.round((127 * Math.log1p(MU * x)) / Math.log1p(MU));
}

/** A loaded model: an open-addressing table from feature hash to a row of weights. */
export class CompactModel implements Scorer {
	readonly lexicon: Lexicon;
	/** Open addressing, 16 bytes a slot: the feature hash (0 = empty), then its NTAGS weight codes, so a hit reads one cache line. */
	private readonly slots: Int32Array;
	private readonly codes: Uint8Array;
	private readonly table = new Float64Array(256);
	private readonly mask: number;
	readonly scale: number;
	readonly beta: number;

	constructor(file: ModelFile) {
		if (file.format !== 'seed-lens-ner/1' || file.tags.join(' ') !== TAG_NAMES.join(' ')) throw new Error('unsupported entity model file');
		const keyBytes = fromBase64(file.keys);
		const keys = new Uint32Array(keyBytes.buffer, keyBytes.byteOffset, keyBytes.length >> 2);
		const w = fromBase64(file.weights);
		this.scale = file.scale;
		for (let b = 0; b < 256; b++) this.table[b] = dequantize(b < 128 ? b : b - 256, file.scale);
		this.beta = file.beta ?? 1;
		let cap = 16;
		while (cap < keys.length * 2) cap <<= 1;
		this.mask = cap - 1;
		const buffer = new ArrayBuffer(16 * cap);
		this.slots = new Int32Array(buffer);
		this.codes = new Uint8Array(buffer);
		for (let r = 0; r < keys.length; r++) {
			let s = keys[r] & this.mask;
			while (this.slots[4 * s] !== 0) s = (s + 1) & this.mask;
			this.slots[4 * s] = keys[r] | 0;
			for (let t = 0; t < NTAGS; t++) this.codes[16 * s + 4 + t] = w[r * NTAGS + t];
		}
		const gazetteer = new Map<string, number>();
		for (const [bits, words] of Object.entries(file.gazetteer)) for (const word of words.split(' ')) if (word) gazetteer.set(word, (gazetteer.get(word) ?? 0) | Number(bits));
		this.lexicon = { common: new Set(file.common.split(' ')), gazetteer };
	}

	addTo(feature: number, scores: Float64Array): void {
		const slots = this.slots;
		const key = feature | 0;
		let s = feature & this.mask;
		for (let k = slots[4 * s]; k !== 0; k = slots[4 * s]) {
			if (k === key) return addRow(this.table, this.codes, 16 * s + 4, scores);
			s = (s + 1) & this.mask;
		}
	}
}

// The hottest loop of the tagger, spelt out for its 11 tags: V8 does not unroll the loop itself.
function addRow(table: Float64Array, w: Uint8Array, r: number, scores: Float64Array): void {
	scores[0] += table[w[r]];
	scores[1] += table[w[r + 1]];
	scores[2] += table[w[r + 2]];
	scores[3] += table[w[r + 3]];
	scores[4] += table[w[r + 4]];
	scores[5] += table[w[r + 5]];
	scores[6] += table[w[r + 6]];
	scores[7] += table[w[r + 7]];
	scores[8] += table[w[r + 8]];
	scores[9] += table[w[r + 9]];
	scores[10] += table[w[r + 10]];
}

// addRow adds exactly NTAGS weights.
if (NTAGS !== 11) throw new Error('addRow expects 11 tags');
