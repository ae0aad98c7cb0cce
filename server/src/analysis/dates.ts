/**
 * Dates: absolute and relative expressions resolved against the header date,
 * as TIMEX3 values. (First version: explicit ISO-like years only.)
 */
import type { SeedDocument } from './document';
import type { DateAnnotation } from './types';

/** Finds the dates of a document. */
export function findDates(doc: SeedDocument): DateAnnotation[] {
	const out: DateAnnotation[] = [];
	for (const t of doc.tokens) {
		if (/^(1[89]|20)\d\d$/.test(t.text)) out.push({ start: t.start, end: t.end, text: t.text, value: t.text, granularity: 'year', relative: false });
	}
	return out;
}
