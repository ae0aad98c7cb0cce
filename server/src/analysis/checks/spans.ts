/** Token and sentence lookups by offset for the document checks: binary searches, so each check stays linear overall. */
import type { Sentence, Token } from '../document';

/** The index of the token that starts at or covers `offset`, or -1. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
	let lo = 0;
	let hi = tokens.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (tokens[mid].end <= offset) lo = mid + 1;
		else if (tokens[mid].start > offset) hi = mid - 1;
		else return mid;
	}
	return -1;
}

/** The sentence that holds token `i`, or null. */
export function sentenceAt(sentences: readonly Sentence[], i: number): Sentence | null {
	let lo = 0;
	let hi = sentences.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (sentences[mid].last <= i) lo = mid + 1;
		else if (sentences[mid].first > i) hi = mid - 1;
		else return sentences[mid];
	}
	return null;
}
