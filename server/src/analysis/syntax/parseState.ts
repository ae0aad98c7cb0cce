/**
 * The arc-eager transition system (Nivre 2003): the stack, the buffer and the arcs made so far of one
 * sentence's parse, with the children and label sets the parser's features read.
 *
 * Positions: 0 is the artificial root, words are 1..n. One word attaches to the root.
 */
import type { WordInfo } from './words';

export const SHIFT = 0;
export const REDUCE = 1;
export const LEFT = 2;
export const RIGHT = 3;
export const MOVES = 4;

/** The working state of one sentence's parse. */
export class ParseState {
	readonly n: number;
	readonly stack: Int32Array;
	sp = 0;
	/** Next buffer position (1..n; n + 1 when the buffer is empty). */
	b = 1;
	readonly head: Int32Array;
	readonly label: Int32Array;
	readonly lc1: Int32Array;
	readonly lc2: Int32Array;
	readonly rc1: Int32Array;
	readonly rc2: Int32Array;
	readonly nl: Int32Array;
	readonly nr: Int32Array;
	/** Bit masks of the labels of left and right children (labels 0-31 and 32-63). */
	readonly lmask: Int32Array;
	readonly lmask2: Int32Array;
	readonly rmask: Int32Array;
	readonly rmask2: Int32Array;
	readonly inStack: Uint8Array;

	constructor(
		readonly words: readonly WordInfo[],
		readonly tags: Uint8Array,
	) {
		const n = words.length;
		this.n = n;
		const m = n + 1;
		this.stack = new Int32Array(m);
		this.head = new Int32Array(m).fill(-1);
		this.label = new Int32Array(m).fill(-1);
		this.lc1 = new Int32Array(m).fill(-1);
		this.lc2 = new Int32Array(m).fill(-1);
		this.rc1 = new Int32Array(m).fill(-1);
		this.rc2 = new Int32Array(m).fill(-1);
		this.nl = new Int32Array(m);
		this.nr = new Int32Array(m);
		this.lmask = new Int32Array(m);
		this.lmask2 = new Int32Array(m);
		this.rmask = new Int32Array(m);
		this.rmask2 = new Int32Array(m);
		this.inStack = new Uint8Array(m);
		this.push(0);
	}

	get done(): boolean {
		return this.b > this.n;
	}

	private push(x: number): void {
		this.stack[this.sp++] = x;
		this.inStack[x] = 1;
	}

	private pop(): number {
		const x = this.stack[--this.sp];
		this.inStack[x] = 0;
		return x;
	}

	get s0(): number {
		return this.sp > 0 ? this.stack[this.sp - 1] : -1;
	}

	valid(move: number): boolean {
		const s0 = this.s0;
		switch (move) {
			case SHIFT:
				return this.b <= this.n;
			case REDUCE:
				return s0 > 0 && this.head[s0] >= 0;
			case LEFT:
				return this.b <= this.n && s0 > 0 && this.head[s0] < 0;
			default:
				return this.b <= this.n && s0 >= 0 && (s0 !== 0 || this.nr[0] === 0);
		}
	}

	addArc(h: number, d: number, l: number): void {
		this.head[d] = h;
		this.label[d] = l;
		const bit = 1 << (l & 31);
		const hi = l >= 32;
		if (d < h) {
			if (this.lc1[h] < 0 || d < this.lc1[h]) {
				this.lc2[h] = this.lc1[h];
				this.lc1[h] = d;
			} else if (this.lc2[h] < 0 || d < this.lc2[h]) this.lc2[h] = d;
			this.nl[h]++;
			if (hi) this.lmask2[h] |= bit;
			else this.lmask[h] |= bit;
		} else {
			if (this.rc1[h] < 0 || d > this.rc1[h]) {
				this.rc2[h] = this.rc1[h];
				this.rc1[h] = d;
			} else if (this.rc2[h] < 0 || d > this.rc2[h]) this.rc2[h] = d;
			this.nr[h]++;
			if (hi) this.rmask2[h] |= bit;
			else this.rmask[h] |= bit;
		}
	}

	/** Applies a move; `l` is the arc's label for LEFT and RIGHT. */
	apply(move: number, l: number): void {
		switch (move) {
			case SHIFT:
				this.push(this.b++);
				break;
			case REDUCE:
				this.pop();
				break;
			case LEFT:
				this.addArc(this.b, this.pop(), l);
				break;
			default:
				this.addArc(this.s0, this.b, l);
				this.push(this.b++);
		}
	}

	/** The arc a move would make: [head, dependent], or undefined for SHIFT and REDUCE. */
	arcOf(move: number): [number, number] | undefined {
		if (move === LEFT) return [this.b, this.s0];
		if (move === RIGHT) return [this.s0, this.b];
		return undefined;
	}
}
