/**
 * A person's role, read from the words around the name and kept apart from it: the title before
 * the name with the organisation or place that precedes the title ("IMF Managing Director
 * Kristalina Georgieva" → "Managing Director, IMF"), or an apposition after it ("Stephen Harper,
 * Prime Minister of Canada" → "Prime Minister of Canada"). The name's mention stays the name only,
 * and the organisation stays a mention of its own.
 */
import type { SeedDocument, Token } from '../document';
import type { Candidate } from './rules';
import { TITLE_HEADS, inTitle, isTitleLower } from './words';

// Honorifics say nothing about what a person does: "Mr Howard" has no role.
const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'mx', 'mx.', 'sir', 'dame', 'm.', 'mme', 'herr']);
// Lower-case words that never sit inside a title, so the title stops before them.
const STOPS = new Set([
	'the',
	'a',
	'an',
	'and',
	'or',
	'of',
	'for',
	'to',
	'by',
	'with',
	'in',
	'on',
	'at',
	'from',
	'as',
	'that',
	'who',
	'which',
	'said',
	'says',
	'told',
	'was',
	'is',
	'were',
	'are',
	'his',
	'her',
	'their',
	'its',
	'our',
	'my',
	'your',
	'former',
	'against',
	'after',
	'before',
	'under',
	'over',
	'about',
	'between',
	'into',
	'than',
	'like',
	'via',
	'during',
	'including',
	'among',
	'when',
	'while',
	'if',
	'but',
]);
const POSSESSIVE = /^['’]s?$/;
const APPOSITION_OPENERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);
const APPOSITION_ENDS = new Set([',', '.', ';', ':', '—', '–', ')', '(', '"', '“', '”']);
const MAX_TITLE = 6;
const MAX_APPOSITION = 12;

const low = (t: Token | undefined) => t?.form.lower ?? '';

/** Sets `role` on the person candidates that have one (candidates sorted and non-overlapping). */
export function attachRoles(doc: SeedDocument, cands: Candidate[]): Candidate[] {
	const byLast = new Map<number, Candidate>();
	for (const c of cands) if (c.end === undefined) byLast.set(c.last, c);
	const sentenceOf = sentenceIndex(doc);
	return cands.map((c) => {
		if (c.type !== 'PERSON') return c;
		const s = doc.sentences[sentenceOf[c.first]];
		if (!s) return c;
		const role = titleBefore(doc, c, s.first, byLast) ?? appositionAfter(doc, c, s.last);
		return role ? { ...c, role } : c;
	});
}

function sentenceIndex(doc: SeedDocument): Int32Array {
	const out = new Int32Array(doc.tokens.length).fill(-1);
	doc.sentences.forEach((s, k) => out.fill(k, s.first, s.last));
	return out;
}

// "IMF Managing Director Kristalina Georgieva", "Ryanair CEO, Michael O'Leary", "the company's vice
// president John Smith", "federal industry minister Ian MacDonald", "spokeswoman Anna Berg".
function titleBefore(doc: SeedDocument, c: Candidate, from: number, byLast: Map<number, Candidate>): string | undefined {
	const { tokens } = doc;
	let end = c.first;
	if (tokens[end - 1]?.text === ',' && TITLE_HEADS.has(low(tokens[end - 2]))) end--;
	if (!TITLE_HEADS.has(low(tokens[end - 1]))) return undefined;
	let start = end - 1;
	let plain = 0;
	while (start > from && end - start < MAX_TITLE) {
		const t = tokens[start - 1];
		const w = low(t);
		if (t.kind !== 'word' || STOPS.has(w) || POSSESSIVE.test(w) || byLast.has(start)) break;
		if (inTitle(w, low(tokens[end - 1]))) start--;
		// One lower-case word may qualify the title ("industry minister", "ministry spokeswoman"), not a verb or an adverb.
		else if (w === t.text && plain++ === 0 && w.length > 2 && !/(?:ed|ing|ly)$/.test(w)) start--;
		else break;
	}
	const words = tokens.slice(start, end);
	if (words.every((t) => HONORIFICS.has(low(t)))) return undefined;
	const title = words.map((t) => t.text).join(' ');
	const owner = ownerBefore(doc, start, byLast);
	if (!owner) return title;
	// "Australian Prime Minister" reads as written; an organisation or place follows the title.
	return owner.type === 'NORP' ? `${owner.text} ${title}` : `${title}, ${owner.text}`;
}

// The organisation, place or group named just before the title: "IMF", "Ryanair’s", "U.S.".
function ownerBefore(doc: SeedDocument, at: number, byLast: Map<number, Candidate>): { text: string; type: Candidate['type'] } | undefined {
	const { tokens, text } = doc;
	let end = at;
	if (POSSESSIVE.test(tokens[end - 1]?.text ?? '')) end--;
	const owner = byLast.get(end);
	if (!owner || owner.type === 'PERSON') return undefined;
	return { text: text.slice(tokens[owner.first].start, tokens[owner.last - 1].end), type: owner.type };
}

// "Stephen Harper, Prime Minister of Canada," and "Fritz Henderson, the Chief Executive Officer of
// General Motors,": a title word within the apposition's first words makes it a role.
function appositionAfter(doc: SeedDocument, c: Candidate, to: number): string | undefined {
	const { tokens, text } = doc;
	if (tokens[c.last]?.text !== ',') return undefined;
	let i = c.last + 1;
	if (APPOSITION_OPENERS.has(low(tokens[i]))) i++;
	const first = i;
	let head = -1;
	while (i < to && i - first < MAX_APPOSITION && !APPOSITION_ENDS.has(tokens[i].text)) {
		const w = low(tokens[i]);
		if (w === 'who' || w === 'which' || w === 'said' || w === 'says') return undefined;
		if (head < 0 && TITLE_HEADS.has(w) && !HONORIFICS.has(w)) head = i;
		i++;
	}
	// The title must come first ("Prime Minister of Canada", "chief executive of Airbus"), not late in a clause.
	if (head < 0 || head - first > 3 || i === first) return undefined;
	for (let k = first; k < head; k++)
		if (!isTitleLower(low(tokens[k])) && tokens[k].text === tokens[k].form.lower && !/^\p{Lu}/u.test(tokens[k].text)) return undefined;
	return text.slice(tokens[first].start, tokens[i - 1].end);
}
