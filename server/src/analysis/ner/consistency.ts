/**
 * Document-level consistency for tagged names: one string, one type per document. A name tagged
 * PER with confidence once is a person wherever it recurs (and so is the surname of a multi-word
 * person name); otherwise the type with the most total confidence wins. Untagged recurrences of
 * a person's name are added as mentions.
 */
import type { SeedDocument } from '../document';
import type { NerSpan, NerType } from './model';

const FUNCTION_WORDS = new Set([
	'the',
	'a',
	'an',
	'and',
	'or',
	'of',
	'in',
	'on',
	'at',
	'to',
	'for',
	'by',
	'with',
	'from',
	'but',
	'as',
	'it',
	'he',
	'she',
	'they',
	'we',
	'i',
	'you',
	'this',
	'that',
	'these',
	'those',
	'his',
	'her',
	'its',
	'their',
	'our',
	'my',
	'mr',
	'mrs',
	'ms',
	'dr',
]);

const CAPITAL = /^\p{Lu}/u;
const isCapitalised = (w: string) => CAPITAL.test(w) && !FUNCTION_WORDS.has(w.toLowerCase());

/** A PER mention at least this confident makes its string a person throughout the document. */
export const CONFIDENT_PERSON = 0.8;

/** Votes one type per name string (a confident PER first, otherwise the highest total confidence). */
function votes(doc: SeedDocument, spans: NerSpan[]): Map<string, NerType> {
	const tally = new Map<string, Map<NerType, number>>();
	const surePerson = new Set<string>();
	const vote = (name: string, type: NerType, w: number) => {
		let t = tally.get(name);
		if (!t) tally.set(name, (t = new Map()));
		t.set(type, (t.get(type) ?? 0) + w);
		if (type === 'PER' && w >= CONFIDENT_PERSON) surePerson.add(name);
	};
	for (const s of spans) {
		vote(doc.text.slice(s.start, s.end), s.type, s.score);
		// The surname of "Khalifa Haftar" names the same person when it stands alone.
		if (s.type === 'PER' && s.last - s.first >= 2) {
			const surname = doc.tokens[s.last - 1].text;
			if (surname.length > 1 && isCapitalised(surname)) vote(surname, 'PER', s.score);
		}
	}
	const out = new Map<string, NerType>();
	for (const [name, t] of tally) {
		if (surePerson.has(name)) out.set(name, 'PER');
		else out.set(name, [...t].sort((a, b) => b[1] - a[1])[0][0]);
	}
	return out;
}

/** Makes the types of recurring names agree and adds untagged recurrences of person names. */
export function harmonize(doc: SeedDocument, spans: NerSpan[]): NerSpan[] {
	const types = votes(doc, spans);
	const out = spans.map((s) => ({ ...s, type: types.get(doc.text.slice(s.start, s.end)) ?? s.type }));
	const covered = new Uint8Array(doc.tokens.length);
	for (const s of out) covered.fill(1, s.first, s.last);
	const personScore = new Map<string, number>();
	for (const s of out)
		if (s.type === 'PER' && s.last - s.first === 1)
			personScore.set(doc.tokens[s.first].text, Math.max(personScore.get(doc.tokens[s.first].text) ?? 0, s.score));
	for (const [name, type] of types) if (type === 'PER' && !name.includes(' ') && !personScore.has(name)) personScore.set(name, 0.5);
	for (const sent of personScore.size ? doc.sentences : []) {
		for (let i = sent.first; i < sent.last; i++) {
			const tok = doc.tokens[i];
			if (covered[i]) continue;
			// Most tokens start with a lowercase letter or punctuation: no name lookup for them.
			const c = tok.text.charCodeAt(0);
			if (c < 128 && (c < 65 || c > 90)) continue;
			const score = personScore.get(tok.text);
			if (score === undefined || !isCapitalised(tok.text)) continue;
			// A capitalised neighbour means a longer name this token is only part of; leave it to the model.
			const prev = i > sent.first ? doc.tokens[i - 1].text : '';
			const next = i + 1 < sent.last ? doc.tokens[i + 1].text : '';
			if ((prev && isCapitalised(prev) && i - 1 > sent.first) || (next && isCapitalised(next))) continue;
			out.push({ start: tok.start, end: tok.end, type: 'PER', score: score * 0.8, first: i, last: i + 1 });
		}
	}
	return out.sort((a, b) => a.start - b.start);
}
