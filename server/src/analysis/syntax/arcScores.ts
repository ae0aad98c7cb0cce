/**
 * The arc labeller's scores, equal to the reference (`arcFeatures` in parser.ts looked up in the label
 * weights; see moveScores.ts for why the order of the additions does not matter) but faster: the
 * values come from the sentence's typed columns, and every feature is hashed in one loop, which keeps
 * the hash function inlined.
 */
import type { SentenceAtoms } from './atoms';
import type { ParseState } from './parseState';
import { key, mix, tpl, type Weights } from './weights';

/** The templates of an arc, in the order of `arcFeatures`, and how many values each combines. */
const TEMPLATES = Int32Array.from({ length: 30 }, (_, i) => 200 + i);
const VALUES = Int32Array.of(1, 1, 2, 1, 2, 3, 3, 3, 2, 3, 2, 3, 3, 3, 3, 2, 3, 3, 3, 2, 3, 2, 2, 2, 3, 3, 3, 2, 3, 3);

/** Label scores of the arcs of one sentence's parse. */
export class ArcScorer {
	private readonly feats = new Uint32Array(TEMPLATES.length);
	/** The values of each feature, four slots each. */
	private readonly values = new Int32Array(4 * TEMPLATES.length);

	constructor(
		private readonly st: ParseState,
		private readonly atoms: SentenceAtoms,
		private readonly weights: Weights,
	) {}

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
		const v = this.values;
		v[0] = dir; // 200
		v[4] = hw; // 201
		v[8] = hp; // 202
		v[9] = dir;
		v[12] = dw; // 203
		v[16] = dp; // 204
		v[17] = dir;
		v[20] = hp; // 205
		v[21] = dp;
		v[22] = dir;
		v[24] = hw; // 206
		v[25] = dp;
		v[26] = dir;
		v[28] = hp; // 207
		v[29] = dw;
		v[30] = dir;
		v[32] = hw; // 208
		v[33] = dw;
		v[36] = dp; // 209
		v[37] = dist;
		v[38] = dir;
		v[40] = dp; // 210
		v[41] = suffix[d + 1];
		v[44] = dp; // 211
		v[45] = st.lmask[d];
		v[46] = st.lmask2[d];
		v[48] = dp; // 212
		v[49] = st.rmask[d];
		v[50] = st.rmask2[d];
		v[52] = hp; // 213
		v[53] = mix(st.lmask[h], st.lmask2[h]);
		v[54] = dir;
		v[56] = hp; // 214
		v[57] = dp;
		v[58] = tag[dl + 1];
		v[60] = dw; // 215
		v[61] = dir;
		v[64] = dp; // 216
		v[65] = tag[d];
		v[66] = d < st.n ? tag[d + 2] : 1;
		v[68] = hp; // 217
		v[69] = labelCode(st, h);
		v[70] = dp;
		v[72] = dp; // 218
		v[73] = hp;
		v[74] = d === 1 ? 1 : 0;
		v[76] = word[dl + 1]; // 219
		v[77] = dp;
		v[80] = word[dl + 1]; // 220
		v[81] = hp;
		v[82] = dp;
		v[84] = hp; // 221
		v[85] = h === 0 ? 1 : 0;
		v[88] = dp; // 222
		v[89] = cap(st.nl[d]);
		v[92] = shape[d + 1]; // 223
		v[93] = dp;
		v[96] = labelCode(st, side); // 224
		v[97] = dp;
		v[98] = dir;
		v[100] = tag[side + 1]; // 225
		v[101] = dp;
		v[102] = dir;
		v[104] = hw; // 226
		v[105] = dw;
		v[106] = dir;
		v[108] = form[d + 1]; // 227
		v[109] = dir;
		v[112] = suffix[h + 1]; // 228
		v[113] = dp;
		v[114] = dir;
		v[116] = hp; // 229
		v[117] = dp;
		v[118] = dist;
		const out = this.feats;
		for (let f = 0; f < TEMPLATES.length; f++) {
			let k = tpl(TEMPLATES[f]);
			for (let j = 0, m = VALUES[f]; j < m; j++) k = mix(k, v[4 * f + j]);
			out[f] = key(k);
		}
		this.weights.score(out, TEMPLATES.length, scores);
	}
}

const labelCode = (st: ParseState, x: number): number => (x >= 0 && st.label[x] >= 0 ? st.label[x] + 3 : 1);
const distance = (d: number): number => (d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7);
const cap = (v: number): number => (v > 5 ? 5 : v);
