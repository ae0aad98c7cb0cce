/**
 * Training corpora for the tagger: a reader for the two-column BIO2 CoNLL files
 * (`TOKEN<TAB>TAG`, blank line between sentences, `# doc <id>` before each document),
 * re-tokenised with the project's tokenizer so training sees the tokens inference will see.
 */
import { tokenize } from '../document';
import { normalizeToken } from './features';
import { TAG_NAMES, TYPES, type NerType } from './model';

/** What a file annotates: entity types it leaves unannotated are "free" where its gold says O. */
export interface LabelPolicy {
	/** Bit mask over `TYPES` indices that the file does not annotate exhaustively. */
	freeTypes: number;
	/** The file tags nationality adjectives MISC (CoNLL style), so NORP is as good as MISC there. */
	miscMayBeNorp: boolean;
	/** Update weight of this file's sentences. */
	weight: number;
}

export interface LabeledSentence {
	/** Normalised tokens (see `normalizeToken`). */
	words: string[];
	/** Gold tag index per token (`TAG_NAMES`). */
	tags: Uint8Array;
	policy: LabelPolicy;
}

export interface LabeledDoc {
	id: string;
	source: string;
	sentences: LabeledSentence[];
}

/** Bit of a type in `LabelPolicy.freeTypes`. */
export const typeBit = (t: NerType): number => 1 << TYPES.indexOf(t);

const TAG_INDEX = new Map(TAG_NAMES.map((t, i) => [t, i]));

/** Parses a CoNLL file; unknown tags become O, documents without a `# doc` line get `<source>-0`. */
export function parseConll(text: string, source: string, policy: LabelPolicy): LabeledDoc[] {
	const docs: LabeledDoc[] = [];
	let doc: LabeledDoc | null = null;
	let words: string[] = [];
	let tags: number[] = [];
	const flush = () => {
		if (words.length) {
			if (!doc) docs.push((doc = { id: `${source}-0`, source, sentences: [] }));
			doc.sentences.push({ words, tags: Uint8Array.from(tags), policy });
		}
		words = [];
		tags = [];
	};
	for (const line of text.split('\n')) {
		const tab = line.indexOf('\t');
		if (tab < 0) {
			flush();
			const m = /^# doc (\S+)/.exec(line);
			if (m) docs.push((doc = { id: m[1], source, sentences: [] }));
			continue;
		}
		retokenize(line.slice(0, tab), TAG_INDEX.get(line.slice(tab + 1).trim()) ?? 0, words, tags);
	}
	flush();
	return docs.filter((d) => d.sentences.length > 0);
}

// Splits a corpus token the way the project tokenizer would ("pro-Haftar" → pro - Haftar) and spreads its tag.
function retokenize(token: string, tag: number, words: string[], tags: number[]): void {
	const parts = tokenize(token, 0, token.length);
	if (parts.length <= 1) {
		words.push(normalizeToken(token));
		tags.push(tag);
		return;
	}
	const inside = tag === 0 ? 0 : tag % 2 === 1 ? tag + 1 : tag;
	const prefixSplit = parts.length === 3 && parts[1].text === '-' && /^\p{Ll}/u.test(parts[0].text) && /^\p{Lu}/u.test(parts[2].text);
	parts.forEach((p, k) => {
		words.push(normalizeToken(p.text));
		if (tag === 0) tags.push(0);
		else if (prefixSplit) tags.push(k < 2 ? 0 : inside - 1);
		else tags.push(k === 0 ? tag : inside);
	});
}
