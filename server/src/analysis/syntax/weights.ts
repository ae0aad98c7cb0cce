/**
 * Hashed features and their weights, shared by the part-of-speech tagger and the parser.
 *
 * A feature is a 32-bit hash of its template number and the values it combines. Training keeps every
 * feature it meets in a growable table of averaged-perceptron weights (`TrainingWeights`); the shipped
 * model keeps the strongest features with int8 weights (`Weights`, read-only), found by open addressing.
 */

/** FNV-1a over a string's UTF-16 units: the entity tagger's, with its default seed. */
export { hashString } from '../ner/features';

/** Folds a value into a running hash (multiply-xorshift; order matters). */
export function mix(h: number, v: number): number {
	h = Math.imul(h ^ v, 0x9e3779b1);
	h ^= h >>> 15;
	h = Math.imul(h, 0x85ebca6b);
	return (h ^ (h >>> 13)) >>> 0;
}

const TEMPLATES = Uint32Array.from({ length: 256 }, (_, t) => mix(0x2545f491, t + 1));

/** Start of a feature hash for template `t` (0-255). */
export const tpl = (t: number): number => TEMPLATES[t];

/** Never 0 (0 marks an empty slot in the tables). */
export const key = (h: number): number => h >>> 0 || 1;

/** μ of the μ-law weight codes: fine steps near zero, where most weights are. */
export const MU = 255;

/** Weight of an int8 code: sign(q) × scale × ((1 + μ)^(|q|/127) − 1) / μ. */
export function dequantise(q: number, scale: number): number {
	if (q === 0) return 0;
	const v = (scale * (Math.pow(1 + MU, Math.abs(q) / 127) - 1)) / MU;
	return q < 0 ? -v : v;
}

/** Quantises weights to μ-law int8 codes; the scale is the largest magnitude. */
export function quantise(weights: Float32Array): { codes: Int8Array; scale: number } {
	let top = 0;
	for (const w of weights) top = Math.max(top, Math.abs(w));
	const scale = top || 1;
	const codes = new Int8Array(weights.length);
	for (let i = 0; i < weights.length; i++) {
		const x = Math.abs(weights[i]) / scale;
		const q = Math.round((127 * Math.log1p(MU * x)) / Math.log1p(MU));
		codes[i] = weights[i] < 0 ? -q : q;
	}
	return { codes, scale };
}

/**
 * A table of read-only weights as records: each feature's key, then its `classes` int8 codes, padded to
 * whole 32-bit words, so that finding a feature and reading its weights touch one stretch of memory
 * (the lookups are mostly cache misses in a table of megabytes, and they, more than the arithmetic, set
 * the speed of the tagger and the parser). A key's home record is the key scaled to the number of homes;
 * keys are placed in ascending order, each at its home or just after the previous key, so the records
 * hold ascending keys and a search stops at the first key not below the one sought. Empty records (after
 * the last key too, so a search never runs off the end) hold the largest key and codes 0 (weight 0): a
 * search always stops on one, and finding one adds nothing. The model file stores the table as it is.
 */
export interface WeightTable {
	/** The records, `wordsPerRecord(classes)` words each, in the machine's byte order. */
	records: Uint32Array;
	/** How many records are homes: a key's home is `floor(key * homes / 2^32)`. */
	homes: number;
	/**
	 * One bit per value of a key's low bits, set when some feature's key has them (`filterOf`), or
	 * empty for a table of four classes or fewer.
	 */
	filter: Int32Array;
}

/**
 * The filter of a table's keys: eight bits a feature, 2^21 at most, so that it mostly stays in cache;
 * about nine features in ten that the model lacks are then known absent without reading the table (a
 * likely cache miss). None for a table of four classes or fewer: finding such a feature costs no more
 * than missing it (one record, no codes elsewhere).
 */
export function filterOf(records: Uint32Array, classes: number): Int32Array {
	if (classes <= 4) return new Int32Array(0);
	const stride = wordsPerRecord(classes);
	let bits = 1 << 10;
	while (bits < 8 * (records.length / stride) && bits < 1 << 21) bits <<= 1;
	const filter = new Int32Array(bits >>> 5);
	const mask = bits - 1;
	for (let r = 0; r < records.length; r += stride) {
		const b = records[r] & mask;
		filter[b >>> 5] |= 1 << (b & 31);
	}
	return filter;
}

/** 32-bit words per record: the key, then the codes. */
export const wordsPerRecord = (classes: number): number => 1 + ((classes + 3) >> 2);

/** The key of an empty record: no key is larger, so a search stops there. */
const EMPTY = 0xffffffff;

/** Lays out the features (keys and their rows of codes) as a table. */
export function layoutTable(featureKeys: Uint32Array, codes: Int8Array, classes: number): WeightTable {
	const n = featureKeys.length;
	// More homes per key for wide records, where a search that runs past its home reads more bytes;
	// narrow ones are packed tighter, and the model file stays under 8 MB.
	const homes = Math.max(16, Math.ceil(n / (classes > 4 ? 0.75 : 0.85)));
	const spread = homes / 4294967296;
	const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => featureKeys[a] - featureKeys[b]);
	const at = new Int32Array(n);
	let next = 0;
	order.forEach((row, i) => {
		if (i > 0 && featureKeys[row] === featureKeys[order[i - 1]]) throw new Error('weights: a feature key twice');
		at[i] = Math.max(Math.floor(featureKeys[row] * spread), next);
		next = at[i] + 1;
	});
	const stride = wordsPerRecord(classes);
	const records = new Uint32Array(Math.max(next + 1, homes + 1) * stride);
	const bytes = new Uint8Array(records.buffer);
	for (let r = 0; r < records.length; r += stride) records[r] = EMPTY;
	order.forEach((row, i) => {
		const r = at[i] * stride;
		records[r] = featureKeys[row];
		for (let j = 0; j < classes; j++) bytes[4 * r + 4 + j] = codes[row * classes + j] & 255;
	});
	return { records, homes, filter: filterOf(records, classes) };
}

/** The read-only weights of a model: a `WeightTable` (often a view of the model file's bytes, not a copy). */
export class Weights {
	/** The records: `stride` 32-bit words each, the key first. */
	private readonly keys: Uint32Array;
	/** The same memory as bytes: a record's codes are the bytes after its key, by their unsigned values. */
	private readonly codes: Uint8Array;
	/** Words per record. */
	private readonly stride: number;
	/** Homes per key value (homes / 2^32): a key's home record is `key * spread`, rounded down. */
	private readonly spread: number;
	/** Weight of each code, by its byte value: float32 values, held as float64 to add without converting. */
	private readonly value = new Float64Array(256);
	/** Scratch for `addAll`: where the search for each feature starts, and the key found there. */
	private first = new Int32Array(128);
	private firstKey = new Uint32Array(128);
	/** The table's filter (`filterOf`); for a table without one, a filter that passes every key. */
	private readonly filter: Int32Array;

	constructor(
		table: WeightTable,
		readonly classes: number,
		readonly scale: number,
	) {
		this.keys = table.records;
		this.codes = new Uint8Array(table.records.buffer, table.records.byteOffset, table.records.byteLength);
		this.stride = wordsPerRecord(classes);
		this.spread = table.homes / 4294967296;
		this.filter = table.filter.length ? table.filter : new Int32Array(32).fill(-1);
		for (let q = -127; q <= 127; q++) this.value[q & 255] = Math.fround(dequantise(q, scale));
	}

	/** Quantises float weights (training's) into a table. */
	static fromFloats(featureKeys: Uint32Array, weights: Float32Array, classes: number): Weights {
		const { codes, scale } = quantise(weights);
		return new Weights(layoutTable(featureKeys, codes, classes), classes, scale);
	}

	/** Byte offset of the feature's codes, or -1 when the model does not have it. */
	find(k: number): number {
		const keys = this.keys;
		const stride = this.stride;
		let r = Math.floor(k * this.spread) * stride;
		let at = keys[r];
		while (at < k) at = keys[(r += stride)];
		return at === k ? 4 * r + 4 : -1;
	}

	/** Adds the weights at offset `o` (from `find`) into `into[from..from + classes)`. */
	addAt(o: number, into: Float64Array | Float32Array, from = 0): void {
		const codes = this.codes;
		const value = this.value;
		const c = this.classes;
		let j = 0;
		for (; j + 4 <= c; j += 4) {
			into[from + j] += value[codes[o + j]];
			into[from + j + 1] += value[codes[o + j + 1]];
			into[from + j + 2] += value[codes[o + j + 2]];
			into[from + j + 3] += value[codes[o + j + 3]];
		}
		for (; j < c; j++) into[from + j] += value[codes[o + j]];
	}

	/**
	 * The codes of a feature of a table with at most four classes, packed into one int32 (class j in bits
	 * 8j..8j+7), or 0 when the model does not have it. Codes run from -127 to 127, so a packed value
	 * never has all four bytes 0x80: callers can use that (`UNKNOWN_PACKED`) for "not looked up yet".
	 */
	packed(k: number): number {
		const o = this.find(k);
		if (o < 0) return 0;
		let p = 0;
		for (let j = 0; j < this.classes; j++) p |= this.codes[o + j] << (8 * j);
		return p;
	}

	/** Adds the weights of packed codes (from `packed`) into `into[from..from + 4)`. */
	addPacked(p: number, into: Float64Array, from = 0): void {
		const value = this.value;
		into[from] += value[p & 255];
		into[from + 1] += value[(p >>> 8) & 255];
		into[from + 2] += value[(p >>> 16) & 255];
		into[from + 3] += value[p >>> 24];
	}

	/** Adds the weights of `n` features into `scores` (zeroed first). */
	score(feats: Uint32Array, n: number, scores: Float64Array): void {
		scores.fill(0, 0, this.classes);
		this.addAll(feats, n, scores);
	}

	/**
	 * Adds the weights of `n` features into `scores[from..from + classes)`. The home record of every
	 * feature is read before any is compared, so that the memory reads, mostly cache misses, are under
	 * way together rather than one after another.
	 */
	addAll(feats: Uint32Array, n: number, scores: Float64Array, from = 0): void {
		this.addRows(feats, n, n, scores, from);
	}

	/**
	 * Adds the weights of `n` features, `per` a row: feature i into row floor(i / per) of `scores`, from
	 * `from` on. For a whole sentence's features at once, which keeps more memory reads under way.
	 */
	addRows(feats: Uint32Array, n: number, per: number, scores: Float64Array, from = 0): void {
		const filter = this.filter;
		const fmask = (filter.length << 5) - 1;
		const c = this.classes;
		const codes = this.codes;
		const value = this.value;
		const keys = this.keys;
		const stride = this.stride;
		const spread = this.spread;
		if (this.first.length < n) {
			this.first = new Int32Array(2 * n);
			this.firstKey = new Uint32Array(2 * n);
		}
		const first = this.first;
		const firstKey = this.firstKey;
		for (let i = 0; i < n; i++) {
			const k = feats[i];
			const b = k & fmask;
			if ((filter[b >>> 5] & (1 << (b & 31))) === 0) {
				first[i] = -1;
				continue;
			}
			const r = Math.floor(k * spread) * stride;
			first[i] = r;
			firstKey[i] = keys[r];
		}
		for (let i = 0, row = 0, left = per; i < n; i++) {
			const k = feats[i];
			let r = first[i];
			let at = r < 0 ? EMPTY : firstKey[i];
			while (at < k) at = keys[(r += stride)];
			if (at === k && r >= 0) {
				const o = 4 * r + 4;
				const to = from + row * c;
				// Four at a time: the loop's own steps cost as much as an addition.
				let j = 0;
				for (; j + 4 <= c; j += 4) {
					scores[to + j] += value[codes[o + j]];
					scores[to + j + 1] += value[codes[o + j + 1]];
					scores[to + j + 2] += value[codes[o + j + 2]];
					scores[to + j + 3] += value[codes[o + j + 3]];
				}
				for (; j < c; j++) scores[to + j] += value[codes[o + j]];
			}
			if (--left === 0) {
				row++;
				left = per;
			}
		}
	}
}

/** A packed value no feature has (see `Weights.packed`). */
export const UNKNOWN_PACKED = 0x80808080 | 0;

/** Growable averaged-perceptron weights for training. */
export class TrainingWeights {
	private keys: Uint32Array;
	private rows: Int32Array;
	private mask: number;
	count = 0;
	/** Current weights and the averaging accumulators (sum of time × update). */
	private w: Float32Array;
	private u: Float64Array;
	/** Updates so far (the perceptron's clock). */
	time = 1;

	constructor(readonly classes: number) {
		this.keys = new Uint32Array(1 << 16);
		this.rows = new Int32Array(1 << 16);
		this.mask = (1 << 16) - 1;
		this.w = new Float32Array((1 << 15) * classes);
		this.u = new Float64Array((1 << 15) * classes);
	}

	private find(k: number): number {
		let slot = k & this.mask;
		for (;;) {
			const at = this.keys[slot];
			if (at === k) return this.rows[slot];
			if (at === 0) return -1;
			slot = (slot + 1) & this.mask;
		}
	}

	private insert(k: number): number {
		if ((this.count + 1) * 2 > this.keys.length) this.grow();
		let slot = k & this.mask;
		while (this.keys[slot] !== 0) {
			if (this.keys[slot] === k) return this.rows[slot];
			slot = (slot + 1) & this.mask;
		}
		const row = this.count++ * this.classes;
		if (row + this.classes > this.w.length) {
			const w = new Float32Array(this.w.length * 2);
			w.set(this.w);
			this.w = w;
			const u = new Float64Array(this.u.length * 2);
			u.set(this.u);
			this.u = u;
		}
		this.keys[slot] = k;
		this.rows[slot] = row;
		return row;
	}

	private grow(): void {
		const oldKeys = this.keys;
		const oldRows = this.rows;
		this.keys = new Uint32Array(oldKeys.length * 2);
		this.rows = new Int32Array(oldKeys.length * 2);
		this.mask = this.keys.length - 1;
		for (let s = 0; s < oldKeys.length; s++) {
			const k = oldKeys[s];
			if (k === 0) continue;
			let slot = k & this.mask;
			while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
			this.keys[slot] = k;
			this.rows[slot] = oldRows[s];
		}
	}

	score(feats: Uint32Array, n: number, scores: Float64Array): void {
		const c = this.classes;
		scores.fill(0, 0, c);
		for (let i = 0; i < n; i++) {
			const o = this.find(feats[i]);
			if (o < 0) continue;
			for (let j = 0; j < c; j++) scores[j] += this.w[o + j];
		}
	}

	/** Moves the weights of the features towards `good` and away from `bad`. */
	update(feats: Uint32Array, n: number, good: number, bad: number, step = 1): void {
		const t = this.time;
		for (let i = 0; i < n; i++) {
			const o = this.insert(feats[i]);
			this.w[o + good] += step;
			this.u[o + good] += t * step;
			this.w[o + bad] -= step;
			this.u[o + bad] -= t * step;
		}
	}

	tick(): void {
		this.time++;
	}

	/** The averaged weights of every feature: keys and `classes` weights per key. */
	averaged(): { keys: Uint32Array; weights: Float32Array } {
		const keys = new Uint32Array(this.count);
		const weights = new Float32Array(this.count * this.classes);
		const t = this.time;
		for (let s = 0; s < this.keys.length; s++) {
			const k = this.keys[s];
			if (k === 0) continue;
			const row = this.rows[s];
			const r = row / this.classes;
			keys[r] = k;
			for (let j = 0; j < this.classes; j++) weights[row + j] = this.w[row + j] - this.u[row + j] / t;
		}
		return { keys, weights };
	}
}

/**
 * Keeps the `max` features with the largest weights (sum of absolute values), in key order so that
 * the model file does not depend on the order features were met in.
 */
export function prune(keys: Uint32Array, weights: Float32Array, classes: number, max: number): { keys: Uint32Array; weights: Float32Array } {
	const n = keys.length;
	const mass = new Float64Array(n);
	for (let r = 0; r < n; r++) {
		let m = 0;
		for (let j = 0; j < classes; j++) m += Math.abs(weights[r * classes + j]);
		mass[r] = m;
	}
	let order = Array.from({ length: n }, (_, i) => i).filter((i) => mass[i] > 1e-9);
	if (order.length > max) {
		order.sort((a, b) => mass[b] - mass[a] || keys[a] - keys[b]);
		order = order.slice(0, max);
	}
	order.sort((a, b) => keys[a] - keys[b]);
	const outKeys = new Uint32Array(order.length);
	const outW = new Float32Array(order.length * classes);
	order.forEach((r, i) => {
		outKeys[i] = keys[r];
		outW.set(weights.subarray(r * classes, r * classes + classes), i * classes);
	});
	return { keys: outKeys, weights: outW };
}
