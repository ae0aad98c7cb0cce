/**
 * The document model: header, paragraphs, sentences and tokens, all as offsets into the exact file
 * text. Everything else in the analysis reads this. Each job has its module: the header
 * (header.ts), paragraphs and sentences (sentences.ts), tokens (tokens.ts) and the spellings they
 * share (wordForms.ts); this one puts them together.
 */
import { parseHeader } from './header';
import { splitParagraphs, splitSentences, type Paragraph, type Sentence } from './sentences';
import { tokenizeInto, type Token } from './tokens';
import type { Diagnostic, Header } from './types';

export { isRealDate, parseHeader } from './header';
export { splitParagraphs, splitSentences, type Paragraph, type Sentence } from './sentences';
export { isAbbreviation, scanToken, tokenize, TOKEN_AT, type Token } from './tokens';
export { formOf, lowerCase, type TokenKind, type WordForm } from './wordForms';

export interface SeedDocument {
	text: string;
	header: Header;
	/** Offset where the body (everything after the header line) starts. */
	bodyStart: number;
	paragraphs: Paragraph[];
	sentences: Sentence[];
	tokens: Token[];
	diagnostics: Diagnostic[];
	/** The tokens' texts in lower case, filled on first use by `lowerTokens`. */
	lowerTexts?: readonly string[];
}

/** The texts of the document's tokens in lower case, computed once per document (kept on it) for every stage that reads them. */
export function lowerTokens(doc: SeedDocument): readonly string[] {
	let low = doc.lowerTexts;
	if (!low) {
		const { tokens } = doc;
		const out = new Array<string>(tokens.length);
		for (let i = 0; i < tokens.length; i++) out[i] = tokens[i].form.lower;
		doc.lowerTexts = low = out;
	}
	return low;
}

/** Builds the document model of a seed file. */
export function parseDocument(text: string): SeedDocument {
	const { header, bodyStart, diagnostics } = parseHeader(text);
	const paragraphs = splitParagraphs(text, bodyStart);
	const tokens: Token[] = [];
	for (const p of paragraphs) tokenizeInto(text, p.start, p.end, tokens);
	const sentences = splitSentences(tokens, paragraphs);
	return { text, header, bodyStart, paragraphs, sentences, tokens, diagnostics, lowerTexts: undefined };
}
