/**
 * Structural problems a careful reader would flag: truncated sentences,
 * publisher boilerplate, repeated paragraphs.
 */
import type { SeedDocument } from './document';
import type { Diagnostic } from './types';

const DANGLING = /\b(of|the|a|an|to|and|or|but|that|with|for|from|by|in|on|at|as|its|their|his|her)\s*[.…]?$/i;
const BOILERPLATE = /\b(is a (daily|weekly|monthly|online)?\s*(news)?(paper|publication|magazine|website|outlet)|all rights reserved|click here|subscribe (now|to)|follow us on|sign up for|copyright ©?)\b/i;

/** Finds structural problems of the body. */
export function findProblems(doc: SeedDocument): Diagnostic[] {
	const out: Diagnostic[] = [];
	const seen = new Map<string, number>();
	for (const s of doc.sentences) {
		const text = doc.text.slice(s.start, s.end);
		if (DANGLING.test(text) && text.split(/\s+/).length > 3) {
			const tail = text.length > 40 ? '…' + text.slice(-40) : text;
			out.push({ code: 'truncated-sentence', severity: 'warning', message: `Sentence ends mid-phrase: “${tail}”`, start: s.start, end: s.end });
		}
		if (BOILERPLATE.test(text)) {
			out.push({ code: 'boilerplate', severity: 'information', message: 'Publisher boilerplate, not part of the article.', start: s.start, end: s.end });
		}
	}
	for (const p of doc.paragraphs) {
		const key = doc.text.slice(p.start, p.end);
		if (key.length < 40) continue;
		const prev = seen.get(key);
		if (prev !== undefined) out.push({ code: 'duplicate-paragraph', severity: 'warning', message: 'This paragraph repeats an earlier one word for word.', start: p.start, end: p.end });
		else seen.set(key, p.start);
	}
	return out;
}
