/**
 * A sentence's word information as typed columns, the values the parser's features combine: read
 * once per sentence instead of through word objects at every state. Position x (-1: none, 0: the
 * root, 1..n: the words) is at index x + 1, with the values the reference features give the sentinels.
 */
import { NONE, ROOT_INFO, type WordInfo } from './words';

export class SentenceAtoms {
	/** Hashes of the lower-case word, its shape, its spelling and its 3-letter suffix. */
	readonly word: Int32Array;
	readonly shape: Int32Array;
	readonly form: Int32Array;
	readonly suffix: Int32Array;
	/** Tag codes: 1 for none, 2 for the root, tag + 3. */
	readonly tag: Int32Array;
	/** Ambiguity classes (the tags the word had in the treebank). */
	readonly amb: Int32Array;

	constructor(words: readonly WordInfo[], tags: Uint8Array) {
		const n = words.length;
		this.word = new Int32Array(n + 2);
		this.shape = new Int32Array(n + 2);
		this.form = new Int32Array(n + 2);
		this.suffix = new Int32Array(n + 2);
		this.tag = new Int32Array(n + 2);
		this.amb = new Int32Array(n + 2);
		for (let x = -1; x <= n; x++) {
			const w = x > 0 ? words[x - 1] : x === 0 ? ROOT_INFO : NONE;
			this.word[x + 1] = w.lower;
			this.shape[x + 1] = w.shape;
			this.form[x + 1] = w.form;
			this.suffix[x + 1] = w.suffix[2];
			this.tag[x + 1] = x > 0 ? tags[x - 1] + 3 : x === 0 ? 2 : 1;
			this.amb[x + 1] = w.amb;
		}
	}
}
