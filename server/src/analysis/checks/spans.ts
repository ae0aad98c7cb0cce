/** Token and sentence lookups by offset for the document checks: binary searches, so each check stays linear overall. */
import type { Sentence, Token } from '../document';

/** The index of the token that starts at or covers `offset`, or -1. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
	return search(
		tokens,
		(t) => t.end <= offset,
		(t) => t.start > offset,
	);
}

/** The sentence that holds token `i`, or null. */
export function sentenceAt(sentences: readonly Sentence[], i: number): Sentence | null {
	const k = search(
		sentences,
		(s) => s.last <= i,
		(s) => s.first > i,
	);
	return k < 0 ? null : sentences[k];
}

// The index of the item neither before nor after the sought point in a sorted list, or -1.
function search<T>(list: readonly T[], before: (x: T) => boolean, after: (x: T) => boolean): number {
	let lo = 0;
	let hi = list.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (before(list[mid])) lo = mid + 1;
		else if (after(list[mid])) hi = mid - 1;
		else return mid;
	}
	return -1;
}
