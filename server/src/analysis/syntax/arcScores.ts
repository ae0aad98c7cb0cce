/**
 * The arc labeller's scores, equal to the reference (`arcFeatures` in parser.ts looked up in the label
 * weights; see moveScores.ts for why the order of the additions does not matter) but faster:
 *
 * - the templates over the head's and the dependent's tags, the distance, the direction and whether the
 *   dependent is the first word alone (200, 202, 204, 205, 209, 218, 221, 229) are summed into one row
 *   per combination of those five values, kept per model and summed the first time it is needed;
 * - the other templates over small numbers only (tags, labels, flags, valencies) find their feature's
 *   weights through a dense table per model, by value combination, instead of hashing;
 * - the rest are hashed in one loop, which keeps the hash function inlined, from the sentence's typed
 *   columns.
 */
import type { SentenceAtoms } from './atoms';
import type { ParseState } from './parseState';
import { UPOS } from './upos';
import { key, mix, tpl, type Weights } from './weights';

/** The hashed templates of an arc, in the order of `arcFeatures`, and how many values each combines. */
const TEMPLATES = Int32Array.of(201, 203, 206, 207, 208, 210, 211, 212, 213, 215, 216, 219, 220, 223, 226, 227, 228);
const VALUES = Int32Array.of(1, 1, 3, 3, 2, 2, 3, 3, 3, 2, 3, 2, 3, 2, 3, 2, 3);

/** Tag codes: 1 for none, 2 for the root, tag + 3. */
const TAGS = UPOS.length + 3;
const DISTANCES = 8;
const VALENCIES = 6;
/** Direction codes: 1 (the dependent before its head) and 2. */
const DIRECTIONS = 3;

/** A template over small numbers: its number and the sizes of its three values (1 when it has two). */
const SMALL: readonly [number, number, number, number][] = [
	[214, TAGS, TAGS, TAGS],
	[217, TAGS, 0, TAGS], // the middle value is a label code: sized per model
	[222, TAGS, VALENCIES, 1],
	[224, 0, TAGS, DIRECTIONS], // a label code first
	[225, TAGS, TAGS, DIRECTIONS],
];

/**
 * Per-model memos of the read-only label weights, never reset: the rows over (head tag, dependent tag,
 * distance, direction), and where each small template's features are in the table (`UNKNOWN` until
 * looked up, -1 when the model lacks the feature).
 */
interface ArcRows {
	rows: Float64Array;
	have: Uint8Array;
	offsets: Int32Array;
	/** Per small template: where its block of `offsets` starts, and the sizes of its second and third values. */
	start: Int32Array;
	b: Int32Array;
	c: Int32Array;
}

const UNKNOWN = -2;
const modelRows = new WeakMap<Weights, ArcRows>();

function rowsOf(weights: Weights): ArcRows {
	let m = modelRows.get(weights);
	if (m) return m;
	// Label codes: 1 for none, label + 3.
	const labels = weights.classes + 3;
	const sizes = SMALL.map(([, a, b, c]) => [a || labels, b || labels, c]);
	const start = new Int32Array(SMALL.length);
	let size = 0;
	sizes.forEach((s, i) => {
		start[i] = size;
		size += s[0] * s[1] * s[2];
	});
	m = {
		rows: new Float64Array(TAGS * TAGS * DISTANCES * DIRECTIONS * 2 * weights.classes),
		have: new Uint8Array(TAGS * TAGS * DISTANCES * DIRECTIONS * 2),
		offsets: new Int32Array(size).fill(UNKNOWN),
		start,
		b: Int32Array.from(sizes, (s) => s[1]),
		c: Int32Array.from(sizes, (s) => s[2]),
	};
	modelRows.set(weights, m);
	return m;
}

/** Label scores of the arcs of one sentence's parse. */
export class ArcScorer {
	private readonly feats = new Uint32Array(TEMPLATES.length);
	/** The values of each hashed feature, four slots each. */
	private readonly values = new Int32Array(4 * TEMPLATES.length);
	private readonly m: ArcRows;

	constructor(
		private readonly st: ParseState,
		private readonly atoms: SentenceAtoms,
		private readonly weights: Weights,
	) {
		this.m = rowsOf(weights);
	}

	/** Writes the scores of every label of the arc `h → d` into `scores`. */
	score(h: number, d: number, scores: Float64Array): void {
		const st = this.st;
		const { word, tag, suffix, shape, form } = this.atoms;
		const dir = d < h ? 1 : 2;
		const dist = distance(Math.abs(h - d));
		const hw = word[h + 1];
		const hp = tag[h + 1];
		const dw = word[d + 1];
		const dp = tag[d + 1];
		const dl = d > 0 ? st.lc1[d] : -1;
		const side = dir === 1 ? st.lc1[h] : st.rc1[h];
		this.tagRow(hp, dp, dist, dir, d === 1 ? 1 : 0, scores);
		this.small(0, hp, dp, tag[dl + 1], scores);
		this.small(1, hp, labelCode(st, h), dp, scores);
		this.small(2, dp, cap(st.nl[d]), 0, scores);
		this.small(3, labelCode(st, side), dp, dir, scores);
		this.small(4, tag[side + 1], dp, dir, scores);
		const v = this.values;
		v[0] = hw; // 201
		v[4] = dw; // 203
		v[8] = hw; // 206
		v[9] = dp;
		v[10] = dir;
		v[12] = hp; // 207
		v[13] = dw;
		v[14] = dir;
		v[16] = hw; // 208
		v[17] = dw;
		v[20] = dp; // 210
		v[21] = suffix[d + 1];
		v[24] = dp; // 211
		v[25] = st.lmask[d];
		v[26] = st.lmask2[d];
		v[28] = dp; // 212
		v[29] = st.rmask[d];
		v[30] = st.rmask2[d];
		v[32] = hp; // 213
		v[33] = mix(st.lmask[h], st.lmask2[h]);
		v[34] = dir;
		v[36] = dw; // 215
		v[37] = dir;
		v[40] = dp; // 216
		v[41] = tag[d];
		v[42] = d < st.n ? tag[d + 2] : 1;
		v[44] = word[dl + 1]; // 219
		v[45] = dp;
		v[48] = word[dl + 1]; // 220
		v[49] = hp;
		v[50] = dp;
		v[52] = shape[d + 1]; // 223
		v[53] = dp;
		v[56] = hw; // 226
		v[57] = dw;
		v[58] = dir;
		v[60] = form[d + 1]; // 227
		v[61] = dir;
		v[64] = suffix[h + 1]; // 228
		v[65] = dp;
		v[66] = dir;
		const out = this.feats;
		for (let f = 0; f < TEMPLATES.length; f++) {
			let k = tpl(TEMPLATES[f]);
			for (let j = 0, m = VALUES[f]; j < m; j++) k = mix(k, v[4 * f + j]);
			out[f] = key(k);
		}
		this.weights.addAll(out, TEMPLATES.length, scores);
	}

	/** Writes the row of templates 200, 202, 204, 205, 209, 218, 221 and 229 into `scores`, summing it the first time. */
	private tagRow(hp: number, dp: number, dist: number, dir: number, first: number, scores: Float64Array): void {
		const m = this.m;
		const c = this.weights.classes;
		const r = (((hp * TAGS + dp) * DISTANCES + dist) * DIRECTIONS + dir) * 2 + first;
		const rows = m.rows;
		const o = r * c;
		if (!m.have[r]) {
			m.have[r] = 1;
			const out = this.feats;
			out[0] = key(mix(tpl(200), dir));
			out[1] = key(mix(mix(tpl(202), hp), dir));
			out[2] = key(mix(mix(tpl(204), dp), dir));
			out[3] = key(mix(mix(mix(tpl(205), hp), dp), dir));
			out[4] = key(mix(mix(mix(tpl(209), dp), dist), dir));
			// The root's tag code is 2, and no other position's: the head is the root just when hp is 2.
			out[5] = key(mix(mix(tpl(221), hp), hp === 2 ? 1 : 0));
			out[6] = key(mix(mix(mix(tpl(229), hp), dp), dist));
			out[7] = key(mix(mix(mix(tpl(218), dp), hp), first));
			this.weights.addAll(out, 8, rows, o);
		}
		for (let j = 0; j < c; j++) scores[j] = rows[o + j];
	}

	/** Adds the weights of small template `i` for values `a`, `b` and `c` (0 for a template of two). */
	private small(i: number, a: number, b: number, c: number, scores: Float64Array): void {
		const m = this.m;
		const at = m.start[i] + (a * m.b[i] + b) * m.c[i] + c;
		let o = m.offsets[at];
		if (o === UNKNOWN) {
			const t = SMALL[i][0];
			const k = SMALL[i][3] === 1 ? mix(mix(tpl(t), a), b) : mix(mix(mix(tpl(t), a), b), c);
			o = m.offsets[at] = this.weights.find(key(k));
		}
		if (o >= 0) this.weights.addAt(o, scores);
	}
}

const labelCode = (st: ParseState, x: number): number => (x >= 0 && st.label[x] >= 0 ? st.label[x] + 3 : 1);
const distance = (d: number): number => (d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7);
const cap = (v: number): number => (v > 5 ? 5 : v);
