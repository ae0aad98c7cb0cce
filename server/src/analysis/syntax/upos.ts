/** Universal part-of-speech tags, in the model's order. */
export const UPOS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'] as const;
export type Upos = (typeof UPOS)[number];
export const UPOS_INDEX: ReadonlyMap<string, number> = new Map(UPOS.map((t, i) => [t, i]));
