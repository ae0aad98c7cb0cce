/**
 * The parser's move scores, computed fast and equal to the reference: `stateFeatures` (parser.ts) looked
 * up one by one in the move weights. Training uses the reference; parsing uses this.
 *
 * Equal, not merely close: every weight of a table is a float32 (an int8 code's value) on one scale, so
 * a sum of a few hundred of them is exact in float64 (they are all whole multiples of the smallest one's
 * last bit, and the sums stay far below 2^53 such steps). The order in which a score's weights are added
 * therefore does not matter, and partial sums can be kept and reused. Three kinds are:
 *
 * - a word's own features in one role (S0's word, tag, suffix and ambiguity class; N1's word and tag…),
 *   summed the first time the word is met in that role during the sentence's parse and kept in
 *   `rows` (role × position × move); the features' weights themselves are looked up once per spelling,
 *   tag and model, and kept on the word's information (`parseMemo`), as the tagger keeps its sums;
 * - the features of one arc label alone (S0's label, its leftmost child's…), the same for every
 *   sentence: kept per model in `labelRows` (template × label code × move);
 * - the constant feature, kept per model.
 *
 * Only the features that combine two or more words, or read distances and valencies, are hashed and
 * looked up at every state. The unit tests check the scores against the reference at every state.
 */
import type { SentenceAtoms } from './atoms';
import type { ParseState } from './parseState';
import { UPOS } from './upos';
import { key, mix, tpl, UNKNOWN_PACKED, type Weights } from './weights';

const MOVES = 4;

// The roles whose single-word features are summed per position (in `rows`).
const S0 = 0;
const N0 = 1;
const N1 = 2;
const N2 = 3;
const S1 = 4;
/** Roles read by their word and tag only: the template of the word; the tag's is the next one. */
const WORD_TAG_TEMPLATES = [139, 142, 145, 148, 151, 154, 157, 160];
const S0H = 5;
const S0L = 6;
const S0R = 7;
const N0L = 8;
const S0H2 = 9;
const S0L2 = 10;
const S0R2 = 11;
const N0L2 = 12;
const ROLES = 13;

/** Templates that read one label alone, in the order of `labelRows`: S0, S0l, S0r, N0l, S0h, S0l2, S0r2, N0l2. */
const LABEL_TEMPLATES = [141, 144, 147, 150, 153, 156, 159, 162];

/** The hashed templates of a state, and how many values each combines. */
const HASHED = Int32Array.of(113, 114, 115, 116, 117, 118, 131, 167, 168, 169, 170, 171, 172, 185, 186, 187);
const HASHED_VALUES = Int32Array.of(4, 3, 3, 3, 3, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2);

/** Per-model sums: the constant feature, and each label template's weights by label code. */
interface ModelRows {
	bias: Float64Array;
	/** Label codes as `stateFeatures` reads them: 1 for none, label + 3. */
	codes: number;
	labelRows: Float64Array;
	small: SmallTemplates;
	/** The role features' packed codes of the positions outside the words: none (-1) and the root (0). */
	sentinels: [Int32Array, Int32Array];
	/** Rows of small templates summed by the values they share (`SMALL_ROWS`), summed on first use. */
	smallRows: Float64Array[];
	haveSmallRows: Uint8Array[];
	/**
	 * The working arrays of a sentence's scorer (`MoveScorer`), reused from sentence to sentence: making
	 * them anew took a twentieth of the parse. A parse uses one scorer at a time; a new scorer takes them over.
	 */
	rows: Float64Array;
	have: Uint8Array;
	codesAt: (Int32Array | undefined)[];
}

const modelRows = new WeakMap<Weights, ModelRows>();

function rowsOf(weights: Weights, labels: number): ModelRows {
	let m = modelRows.get(weights);
	if (m && m.codes === labels + 3) return m;
	const bias = new Float64Array(MOVES);
	add(weights, key(tpl(100)), bias, 0);
	const codes = labels + 3;
	const labelRows = new Float64Array(LABEL_TEMPLATES.length * codes * MOVES);
	LABEL_TEMPLATES.forEach((t, i) => {
		for (let c = 1; c < codes; c++) add(weights, key(mix(tpl(t), c)), labelRows, (i * codes + c) * MOVES);
	});
	m = {
		bias,
		codes,
		labelRows,
		small: new SmallTemplates(weights, codes),
		smallRows: SMALL_ROWS.map((n) => new Float64Array(n * MOVES)),
		haveSmallRows: SMALL_ROWS.map((n) => new Uint8Array(n)),
		sentinels: [freshRoleCodes(), freshRoleCodes()],
		rows: new Float64Array(0),
		have: new Uint8Array(0),
		codesAt: [],
	};
	modelRows.set(weights, m);
	return m;
}

/** Tag codes as `stateFeatures` reads them: 1 for none, 2 for the root, tag + 3. */
const TAGS = UPOS.length + 3;
/** Distance buckets (0-7) and capped valencies (0-5). */
const DISTANCES = 8;
const VALENCIES = 6;

/**
 * Small templates that share their values, summed into one row per combination: (S0 tag, N0 tag,
 * distance, whether S0 has a head) for 119, 128, 130, 132, 177, 178; (S0, N0, N1 tags) for 120, 122;
 * (S0 tag, its right and left valencies) for 134, 136. The number of rows of each.
 */
const ROW_TAGS_DISTANCE = 0;
const ROW_THREE_TAGS = 1;
const ROW_VALENCIES = 2;
const SMALL_ROWS = [TAGS * TAGS * DISTANCES * 2, TAGS * TAGS * TAGS, TAGS * VALENCIES * VALENCIES];

/**
 * The templates that combine only small numbers (tags, labels, distances, valencies), each a dense
 * table of the feature's four packed codes by value combination, looked up in the model the first time
 * a combination is met (`UNKNOWN_PACKED` until then). This is a memo of the read-only weights, owned
 * by them and never reset; a full model's tables take half a megabyte.
 */
class SmallTemplates {
	readonly packed: Int32Array;
	/** Per template: its number, where its table starts, and the sizes of its second and third values. */
	readonly t: Int32Array;
	readonly start: Int32Array;
	readonly b: Int32Array;
	readonly c: Int32Array;

	constructor(
		readonly weights: Weights,
		labels: number,
	) {
		const defs: [number, number, number, number][] = [
			[119, TAGS, TAGS, 1],
			[120, TAGS, TAGS, 1],
			[121, TAGS, TAGS, TAGS],
			[122, TAGS, TAGS, TAGS],
			[123, TAGS, TAGS, TAGS],
			[124, TAGS, TAGS, TAGS],
			[125, TAGS, TAGS, TAGS],
			[126, TAGS, TAGS, TAGS],
			[128, TAGS, DISTANCES, 1],
			[130, TAGS, DISTANCES, 1],
			[132, TAGS, TAGS, DISTANCES],
			[134, TAGS, VALENCIES, 1],
			[136, TAGS, VALENCIES, 1],
			[138, TAGS, VALENCIES, 1],
			[163, TAGS, TAGS, TAGS],
			[164, TAGS, TAGS, TAGS],
			[165, TAGS, TAGS, TAGS],
			[166, TAGS, TAGS, TAGS],
			[175, TAGS, TAGS, TAGS],
			[176, TAGS, TAGS, labels],
			[177, 2, TAGS, 1],
			[178, 2, TAGS, TAGS],
			[181, labels, TAGS, TAGS],
			[182, 2, TAGS, 1],
		];
		this.t = Int32Array.from(defs, (d) => d[0]);
		this.b = Int32Array.from(defs, (d) => d[2]);
		this.c = Int32Array.from(defs, (d) => d[3]);
		this.start = new Int32Array(defs.length);
		let size = 0;
		defs.forEach((d, i) => {
			this.start[i] = size;
			size += d[1] * d[2] * d[3];
		});
		this.packed = new Int32Array(size).fill(UNKNOWN_PACKED);
	}

	/** Adds the weights of small template `i` (of two values) for `a`, `b`. */
	add2(i: number, a: number, b: number, scores: Float64Array, from = 0): void {
		const at = this.start[i] + a * this.b[i] + b;
		let p = this.packed[at];
		if (p === UNKNOWN_PACKED) p = this.packed[at] = this.weights.packed(key(mix(mix(tpl(this.t[i]), a), b)));
		if (p !== 0) this.weights.addPacked(p, scores, from);
	}

	/** Adds the weights of small template `i` (of three values) for `a`, `b`, `c`. */
	add3(i: number, a: number, b: number, c: number, scores: Float64Array, from = 0): void {
		const at = this.start[i] + (a * this.b[i] + b) * this.c[i] + c;
		let p = this.packed[at];
		if (p === UNKNOWN_PACKED) p = this.packed[at] = this.weights.packed(key(mix(mix(mix(tpl(this.t[i]), a), b), c)));
		if (p !== 0) this.weights.addPacked(p, scores, from);
	}
}

function add(weights: Weights, k: number, into: Float64Array, from: number): void {
	const o = weights.find(k);
	if (o >= 0) weights.addAt(o, into, from);
}

/** Move scores for the states of one sentence's parse. */
export class MoveScorer {
	private readonly word: Int32Array;
	private readonly tag: Int32Array;
	private readonly amb: Int32Array;
	private readonly suffix: Int32Array;
	/** Role sums: [role][x + 1][move], valid where `have` is set. */
	private readonly rows: Float64Array;
	private readonly have: Uint8Array;
	/** Each position's packed codes (`roleCodes`), found the first time. */
	private readonly codesAt: (Int32Array | undefined)[];
	private readonly model: ModelRows;
	private readonly feats = new Uint32Array(HASHED.length);
	/** The values of the hashed features, four slots each. */
	private readonly values = new Int32Array(4 * HASHED.length);

	constructor(
		private readonly st: ParseState,
		atoms: SentenceAtoms,
		private readonly weights: Weights,
		labels: number,
	) {
		({ word: this.word, tag: this.tag, amb: this.amb, suffix: this.suffix } = atoms);
		const m = st.n + 2;
		const model = (this.model = rowsOf(weights, labels));
		if (model.have.length < ROLES * m) {
			model.rows = new Float64Array(2 * ROLES * m * MOVES);
			model.have = new Uint8Array(2 * ROLES * m);
		}
		model.have.fill(0, 0, ROLES * m);
		while (model.codesAt.length < m) model.codesAt.push(undefined);
		model.codesAt.fill(undefined, 0, m);
		this.rows = model.rows;
		this.have = model.have;
		this.codesAt = model.codesAt;
	}

	/** Writes the scores of the four moves in the current state into `scores`. */
	score(scores: Float64Array): void {
		const st = this.st;
		const s0 = st.s0;
		const s1 = st.sp > 1 ? st.stack[st.sp - 2] : -1;
		const n0 = st.b <= st.n ? st.b : -1;
		const n1 = st.b + 1 <= st.n ? st.b + 1 : -1;
		const n2 = st.b + 2 <= st.n ? st.b + 2 : -1;
		const s0h = s0 > 0 ? st.head[s0] : -1;
		const s0h2 = s0h > 0 ? st.head[s0h] : -1;
		const s0l = s0 >= 0 ? st.lc1[s0] : -1;
		const s0r = s0 >= 0 ? st.rc1[s0] : -1;
		const s0l2 = s0 >= 0 ? st.lc2[s0] : -1;
		const s0r2 = s0 >= 0 ? st.rc2[s0] : -1;
		const n0l = n0 > 0 ? st.lc1[n0] : -1;
		const n0l2 = n0 > 0 ? st.lc2[n0] : -1;

		const bias = this.model.bias;
		for (let j = 0; j < MOVES; j++) scores[j] = bias[j];
		this.addRole(S0, s0, scores);
		this.addRole(N0, n0, scores);
		this.addRole(N1, n1, scores);
		this.addRole(N2, n2, scores);
		this.addRole(S1, s1, scores);
		this.addRole(S0H, s0h, scores);
		this.addRole(S0L, s0l, scores);
		this.addRole(S0R, s0r, scores);
		this.addRole(N0L, n0l, scores);
		this.addRole(S0H2, s0h2, scores);
		this.addRole(S0L2, s0l2, scores);
		this.addRole(S0R2, s0r2, scores);
		this.addRole(N0L2, n0l2, scores);
		this.addLabel(0, s0, scores);
		this.addLabel(1, s0l, scores);
		this.addLabel(2, s0r, scores);
		this.addLabel(3, n0l, scores);
		this.addLabel(4, s0h, scores);
		this.addLabel(5, s0l2, scores);
		this.addLabel(6, s0r2, scores);
		this.addLabel(7, n0l2, scores);
		const n = this.combined(scores, s0, s1, n0, n1, n2, s0h, s0h2, s0l, s0r, s0l2, s0r2, n0l, n0l2);
		this.weights.addAll(this.feats, n, scores);
	}

	/**
	 * Adds row `r` of the small templates summed by `kind` (see `SMALL_ROWS`), over values `a`, `b`, `c`
	 * (and `e`), summing it the first time.
	 */
	private addSmallRow(kind: number, r: number, a: number, b: number, c: number, e: number, scores: Float64Array): void {
		const m = this.model;
		const rows = m.smallRows[kind];
		const have = m.haveSmallRows[kind];
		const o = r * MOVES;
		if (!have[r]) {
			have[r] = 1;
			const small = m.small;
			if (kind === ROW_TAGS_DISTANCE) {
				small.add2(0, a, b, rows, o);
				small.add2(8, a, c, rows, o);
				small.add2(9, b, c, rows, o);
				small.add3(10, a, b, c, rows, o);
				small.add2(20, e, b, rows, o);
				small.add3(21, e, a, b, rows, o);
			} else if (kind === ROW_THREE_TAGS) {
				small.add2(1, b, c, rows, o);
				small.add3(3, a, b, c, rows, o);
			} else {
				small.add2(11, a, b, rows, o);
				small.add2(12, a, c, rows, o);
			}
		}
		for (let j = 0; j < MOVES; j++) scores[j] += rows[o + j];
	}

	/** Adds the sum of the single-word features of position `x` in `role`, summing them the first time. */
	private addRole(role: number, x: number, scores: Float64Array): void {
		const i = role * (this.st.n + 2) + x + 1;
		const rows = this.rows;
		const o = i * MOVES;
		if (!this.have[i]) {
			this.have[i] = 1;
			for (let j = 0; j < MOVES; j++) rows[o + j] = 0;
			const codes = this.roleCodes(x);
			const from = ROLE_START[role];
			const to = ROLE_START[role + 1];
			if (codes[from] === UNKNOWN_PACKED) {
				const feats = this.feats;
				roleFeatures(role, this.word[x + 1], this.tag[x + 1], this.amb[x + 1], this.suffix[x + 1], feats);
				for (let f = from; f < to; f++) codes[f] = this.weights.packed(feats[f - from]);
			}
			for (let f = from; f < to; f++) if (codes[f] !== 0) this.weights.addPacked(codes[f], rows, o);
		}
		for (let j = 0; j < MOVES; j++) scores[j] += rows[o + j];
	}

	/** Adds the weights of template `t` for word `w` and a small value `v`, kept at `codes[at]`. */
	private addWordValue(codes: Int32Array, at: number, t: number, w: number, v: number, scores: Float64Array): void {
		let p = codes[at];
		if (p === UNKNOWN_PACKED) p = codes[at] = this.weights.packed(key(mix(mix(tpl(t), w), v)));
		if (p !== 0) this.weights.addPacked(p, scores);
	}

	/** The packed codes of the features of position `x` alone: kept per spelling, tag and model. */
	private roleCodes(x: number): Int32Array {
		return (this.codesAt[x + 1] ??= this.findRoleCodes(x));
	}

	private findRoleCodes(x: number): Int32Array {
		if (x <= 0) return this.model.sentinels[x + 1];
		const w = this.st.words[x - 1];
		const tag = this.tag[x + 1];
		const memo = (w.parseMemo ??= { model1: undefined, tag1: -1, codes1: undefined, model2: undefined, tag2: -1, codes2: undefined });
		if (memo.model2 === this.weights && memo.tag2 === tag) return memo.codes2!;
		if (memo.model1 === this.weights && memo.tag1 === tag) return memo.codes1!;
		const codes = freshRoleCodes();
		// The last two (model, tag) pairs, the older dropped: most words have one or two tags.
		memo.model1 = memo.model2;
		memo.tag1 = memo.tag2;
		memo.codes1 = memo.codes2;
		memo.model2 = this.weights;
		memo.tag2 = tag;
		memo.codes2 = codes;
		return codes;
	}

	/** Adds the weights of the label template `i` for the label of position `x`. */
	private addLabel(i: number, x: number, scores: Float64Array): void {
		const label = x >= 0 ? this.st.label[x] : -1;
		const m = this.model;
		const o = (i * m.codes + (label >= 0 ? label + 3 : 1)) * MOVES;
		for (let j = 0; j < MOVES; j++) scores[j] += m.labelRows[o + j];
	}

	/**
	 * Adds the features that combine positions, or read distance and valency: those over small numbers
	 * from the dense tables, the others hashed into `feats` (returns how many).
	 */
	private combined(
		scores: Float64Array,
		s0: number,
		s1: number,
		n0: number,
		n1: number,
		n2: number,
		s0h: number,
		s0h2: number,
		s0l: number,
		s0r: number,
		s0l2: number,
		s0r2: number,
		n0l: number,
		n0l2: number,
	): number {
		const st = this.st;
		const word = this.word;
		const tag = this.tag;
		const amb = this.amb;
		const small = this.model.small;
		const out = this.feats;
		const S0w = word[s0 + 1];
		const S0p = tag[s0 + 1];
		const N0w = word[n0 + 1];
		const N0p = tag[n0 + 1];
		const N1p = tag[n1 + 1];
		const S1p = tag[s1 + 1];
		const S0L = s0 >= 0 && st.label[s0] >= 0 ? st.label[s0] + 3 : 1;
		const d = s0 >= 0 && n0 > 0 ? distance(n0 - s0) : 0;
		const s0vl = s0 >= 0 ? cap(st.nl[s0]) : 0;
		const s0vr = s0 >= 0 ? cap(st.nr[s0]) : 0;
		const n0vl = n0 > 0 ? cap(st.nl[n0]) : 0;
		const hasHead = s0 > 0 && st.head[s0] >= 0 ? 1 : 0;
		const S0a = amb[s0 + 1];
		const N0a = amb[n0 + 1];
		const s0rs = s0 >= 0 ? mix(st.rmask[s0], st.rmask2[s0]) : 0;
		const s0ls = s0 >= 0 ? mix(st.lmask[s0], st.lmask2[s0]) : 0;
		const n0ls = n0 > 0 ? mix(st.lmask[n0], st.lmask2[n0]) : 0;
		// Small numbers only, in the order of the dense tables (templates 119-126, 128-138, 163-166, 175-182).
		// Templates 119, 128, 130, 132, 177 and 178, and 120 and 122, and 134 and 136: summed rows.
		this.addSmallRow(ROW_TAGS_DISTANCE, (((S0p * TAGS + N0p) * DISTANCES + d) << 1) | hasHead, S0p, N0p, d, hasHead, scores);
		this.addSmallRow(ROW_THREE_TAGS, (S0p * TAGS + N0p) * TAGS + N1p, S0p, N0p, N1p, 0, scores);
		this.addSmallRow(ROW_VALENCIES, (S0p * VALENCIES + s0vr) * VALENCIES + s0vl, S0p, s0vr, s0vl, 0, scores);
		small.add3(2, N0p, N1p, tag[n2 + 1], scores);
		small.add3(4, tag[s0h + 1], S0p, N0p, scores);
		small.add3(5, S0p, tag[s0l + 1], N0p, scores);
		small.add3(6, S0p, tag[s0r + 1], N0p, scores);
		small.add3(7, S0p, N0p, tag[n0l + 1], scores);
		small.add2(13, N0p, n0vl, scores);
		small.add3(14, S0p, tag[s0l + 1], tag[s0l2 + 1], scores);
		small.add3(15, S0p, tag[s0r + 1], tag[s0r2 + 1], scores);
		small.add3(16, S0p, tag[s0h + 1], tag[s0h2 + 1], scores);
		small.add3(17, N0p, tag[n0l + 1], tag[n0l2 + 1], scores);
		small.add3(18, S1p, S0p, N0p, scores);
		small.add3(19, S1p, S0p, S0L, scores);
		small.add3(22, S0L, S0p, N0p, scores);
		small.add2(23, n0 > 0 && n0 === st.n ? 1 : 0, S0p, scores);
		// A word with a distance or a valency (templates 127, 129, 133, 135, 137): kept with the word's role codes.
		const s0codes = this.roleCodes(s0);
		const n0codes = this.roleCodes(n0);
		this.addWordValue(s0codes, W127 + d, 127, S0w, d, scores);
		this.addWordValue(n0codes, W129 + d, 129, N0w, d, scores);
		this.addWordValue(s0codes, W133 + s0vr, 133, S0w, s0vr, scores);
		this.addWordValue(s0codes, W135 + s0vl, 135, S0w, s0vl, scores);
		this.addWordValue(n0codes, W137 + n0vl, 137, N0w, n0vl, scores);
		// Words, word pairs, label sets and ambiguity classes: hashed, in a loop (one copy of `mix`, which
		// the compiler then inlines) over the values of each, in the order of HASHED.
		const v = this.values;
		v[0] = S0w;
		v[1] = S0p;
		v[2] = N0w;
		v[3] = N0p;
		v[4] = S0w;
		v[5] = S0p;
		v[6] = N0w;
		v[8] = S0w;
		v[9] = N0w;
		v[10] = N0p;
		v[12] = S0w;
		v[13] = S0p;
		v[14] = N0p;
		v[16] = S0p;
		v[17] = N0w;
		v[18] = N0p;
		v[20] = S0w;
		v[21] = N0w;
		v[24] = S0w;
		v[25] = N0w;
		v[26] = d;
		v[28] = S0w;
		v[29] = s0rs;
		v[32] = S0p;
		v[33] = s0rs;
		v[36] = S0w;
		v[37] = s0ls;
		v[40] = S0p;
		v[41] = s0ls;
		v[44] = N0w;
		v[45] = n0ls;
		v[48] = N0p;
		v[49] = n0ls;
		v[52] = S0a;
		v[53] = N0a;
		v[56] = S0p;
		v[57] = N0a;
		v[60] = S0a;
		v[61] = N0p;
		for (let f = 0; f < HASHED.length; f++) {
			let h = tpl(HASHED[f]);
			for (let j = 0, m = HASHED_VALUES[f]; j < m; j++) h = mix(h, v[4 * f + j]);
			out[f] = key(h);
		}
		const n = HASHED.length;
		return n;
	}
}

/** Where each role's features start in a word's packed codes (`roleFeatures` writes 5, 5, 4, 3, 2, then 2 per role). */
const ROLE_START = Int32Array.from({ length: ROLES + 1 }, (_, r) => [0, 5, 10, 14, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35][r]);

/** Where the codes of templates 127 and 129 (by distance, 0-7), 133, 135 and 137 (by valency, 0-5) start, after the roles'. */
const W127 = 35;
const W129 = 43;
const W133 = 51;
const W135 = 57;
const W137 = 63;

/** Packed codes of every feature of a word alone, none looked up yet. */
const freshRoleCodes = (): Int32Array => new Int32Array(69).fill(UNKNOWN_PACKED);

/** The single-word features of a position in a role: its word `w`, tag `p`, ambiguity class `a`, suffix `s`. */
function roleFeatures(role: number, w: number, p: number, a: number, s: number, out: Uint32Array): number {
	switch (role) {
		case S0:
			out[0] = key(mix(mix(tpl(101), w), p));
			out[1] = key(mix(tpl(102), w));
			out[2] = key(mix(tpl(103), p));
			out[3] = key(mix(mix(tpl(180), s), p));
			out[4] = key(mix(tpl(184), a));
			return 5;
		case N0:
			out[0] = key(mix(mix(tpl(104), w), p));
			out[1] = key(mix(tpl(105), w));
			out[2] = key(mix(tpl(106), p));
			out[3] = key(mix(mix(tpl(179), s), p));
			out[4] = key(mix(tpl(183), a));
			return 5;
		case N1:
			out[0] = key(mix(mix(tpl(107), w), p));
			out[1] = key(mix(tpl(108), w));
			out[2] = key(mix(tpl(109), p));
			out[3] = key(mix(tpl(188), a));
			return 4;
		case N2:
			out[0] = key(mix(mix(tpl(110), w), p));
			out[1] = key(mix(tpl(111), w));
			out[2] = key(mix(tpl(112), p));
			return 3;
		case S1:
			out[0] = key(mix(tpl(173), p));
			out[1] = key(mix(mix(tpl(174), w), p));
			return 2;
		default: {
			const t = WORD_TAG_TEMPLATES[role - S0H];
			out[0] = key(mix(tpl(t), w));
			out[1] = key(mix(tpl(t + 1), p));
			return 2;
		}
	}
}

const distance = (d: number): number => (d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7);
const cap = (v: number): number => (v > 5 ? 5 : v);
