/**
 * Who said it and what was said: the source phrase and the content clause of
 * one cue. Subjects to the left ("the ministry said"), inverted speakers
 * ("…,” said Angers), agents of passives ("was announced by the UN"),
 * possessors of nouns ("Fiat’s announcement") and "according to X".
 */
import type { Sentence } from '../document';
import { isClosingQuote, isNominal, isOpeningQuote, isPossessive, type ClaimContext } from './context';
import { VIEW_NOUNS, type Cue } from './cues';
import { CUE_WORDS, POSSESSIVE_PRONOUNS, PREPOSITIONS, TIME_CLAUSE_OPENERS, TIME_WORDS } from './lexicon';
import { isApposition, phraseLeft, phraseRight, previousComma, skipLeft, type TokenRange } from './phrases';

export interface Attribution {
	source: TokenRange | null;
	/** The source is the subject of the cue's clause, to be taken from a neighbouring cue or the sentence subject. */
	borrow: boolean;
	content: TokenRange | null;
	/** For a borrowed source, the subject of the clause the cue hangs from in the parse ("X was blunt, claiming"). */
	governor?: TokenRange | null;
}

// Verbs whose speaker may follow them: "…,” said Angers; "…, added the minister."
const INVERTIBLE = new Set(['say', 'add', 'note', 'explain', 'write', 'reply', 'insist', 'argue', 'declare', 'state', 'warn', 'continue', 'tell']);
const PARTICIPLES = new Set(['told', 'said', 'thought', 'seen', 'known', 'written', 'spoken', 'forecast']);
// Verbs whose object comes before the reported clause: "told reporters that", "warned investors that".
const OBJECT_FIRST = new Set(['tell', 'warn', 'urge', 'ask', 'remind', 'assure', 'inform', 'promise', 'accuse', 'convince', 'persuade']);
const TITLE_CASE_WORD = /^\p{Lu}\p{Ll}+$/u;
const RELATIVE = new Set(['who', 'which', 'that']);

/** Finds the source and content of `cue` in sentence `s`. */
export function attribute(ctx: ClaimContext, s: Sentence, cue: Cue): Attribution {
	if (cue.frame === 'according') return according(ctx, s, cue);
	if (cue.frame === 'label') return { source: { first: s.first, last: cue.first }, borrow: false, content: trim(ctx, cue.last, s.last) };
	if (cue.frame === 'noun') return nounCue(ctx, s, cue);
	// "Khoga was reportedly on that trip": the sentence is what was reported, by no one named.
	if (cue.frame === 'adverb') return { source: null, borrow: false, content: trim(ctx, s.first, s.last) };
	return verbCue(ctx, s, cue);
}

function according(ctx: ClaimContext, s: Sentence, cue: Cue): Attribution {
	// "According to reports, …": a bare reporting noun is the source, though the phrase walker takes it for a verb.
	const noun = cue.last < s.last && CUE_WORDS.get(ctx.lower[cue.last])?.nounOk && ctx.doc.tokens[cue.last + 1]?.kind === 'punct';
	const source = phraseRight(ctx, cue.last, s.last) ?? (noun ? { first: cue.last, last: cue.last + 1 } : null);
	if (cue.first > s.first) return { source, borrow: false, content: trim(ctx, s.first, cue.first) };
	// "According to the UN, there are…": the content follows the comma after the source.
	const comma = nextComma(ctx, source ? source.last : cue.last, s.last);
	return { source, borrow: false, content: comma >= 0 ? trim(ctx, comma + 1, s.last) : null };
}

function nounCue(ctx: ClaimContext, s: Sentence, cue: Cue): Attribution {
	const prev = cue.head - 1;
	let source: TokenRange | null = null;
	if (prev >= s.first && isPossessive(ctx.lower[prev])) source = phraseLeft(ctx, prev - 1, s.first);
	else if (prev >= s.first && POSSESSIVE_PRONOUNS.has(ctx.lower[prev])) source = { first: prev, last: prev + 1 };
	else if (ctx.lower[cue.last] === 'by' || ctx.lower[cue.last] === 'from') source = phraseRight(ctx, cue.last + 1, s.last);
	source ??= issuer(ctx, s, cue.head);
	const next = ctx.lower[cue.last];
	// "In his view, …": a held view frames what follows the comma.
	const framed = next === ',' && VIEW_NOUNS.has(ctx.lower[cue.head]);
	const content = next === 'that' || next === 'of' || next === ':' || framed ? trim(ctx, cue.last + 1, s.last) : null;
	return { source, borrow: false, content };
}

// Verbs whose subject is the author of the statement, appeal or warning they take as object.
const ISSUING = new Set([
	'issued',
	'issues',
	'launched',
	'launches',
	'released',
	'releases',
	'published',
	'publishes',
	'made',
	'makes',
	'delivered',
	'delivers',
]);

// "the United Nations launched a $160 million emergency appeal": the subject of the verb whose object
// the reporting noun heads (an article, then at most four modifiers before the noun).
function issuer(ctx: ClaimContext, s: Sentence, head: number): TokenRange | null {
	let k = head - 1;
	while (k >= s.first && head - k <= 5 && !ARTICLE_LIKE.has(ctx.lower[k])) k--;
	if (k <= s.first || !ARTICLE_LIKE.has(ctx.lower[k]) || !ISSUING.has(ctx.lower[k - 1])) return null;
	const { j } = skipLeft(ctx, k - 1, s.first);
	if (j < s.first) return null;
	const subject = subjectAt(ctx, s, j, false);
	return subject === 'borrow' ? null : subject;
}
const ARTICLE_LIKE = new Set(['a', 'an', 'the']);

function verbCue(ctx: ClaimContext, s: Sentence, cue: Cue): Attribution {
	const lemma = cue.word?.lemma ?? '';
	const form = ctx.lower[cue.head];
	const { j, passive } = skipAdverbials(ctx, skipLeft(ctx, cue.first, s.first), s.first);
	if (passive && (form.endsWith('ed') || PARTICIPLES.has(form))) {
		const by = findBy(ctx, cue.last, s.last);
		return { source: by >= 0 ? phraseRight(ctx, by + 1, s.last) : null, borrow: false, content: forward(ctx, s, cue) };
	}
	const quotedAs = quotedAsSaying(ctx, s, j, form);
	if (quotedAs) return { source: quotedAs, borrow: false, content: forward(ctx, s, cue) };
	// "…, having reported record profits": a participle clause like "…, reporting".
	const ing = form.endsWith('ing') || ctx.lower[j + 1] === 'having' || ctx.lower[j + 1] === 'being';
	let left = j >= s.first ? subjectAt(ctx, s, j, ing) : null;
	if (ing && left && left !== 'borrow') left = documentIssuer(ctx, s, left) ?? left;
	if (left === 'borrow' || (left === null && j < s.first)) return { source: null, borrow: true, content: forward(ctx, s, cue) };
	if (left)
		return {
			source: left,
			borrow: false,
			content: onlyTail(ctx, s, cue.last) || isAside(ctx, s, left, cue) ? backward(ctx, s, left.first) : forward(ctx, s, cue),
		};
	// Right after a closed quotation any verb of saying can come before its speaker: "“…?” asked Sen. Mikulski, who…".
	const quoteBefore =
		cue.first > s.first && (isClosingQuote(ctx.lower[cue.first - 1]) || (ctx.lower[cue.first - 1] === ',' && isClosingQuote(ctx.lower[cue.first - 2] ?? '')));
	if ((INVERTIBLE.has(lemma) || quoteBefore) && ctx.lower[cue.last] !== 'that') {
		const right = phraseRight(ctx, cue.last, s.last);
		// "…,” said he." but not "said he was sure": an inverted speaker ends its clause (or follows a quotation).
		const ends = (r: TokenRange) => r.last >= s.last || ctx.doc.tokens[r.last].kind === 'punct' || quoteBefore;
		if (right && ends(right)) {
			// "…, said Jan Novak, who led them", "…, said Maria Gomez, adding that …": after a comma the
			// inverted speaker reports the clause before it, whatever follows the speaker.
			const closed = right.last >= s.last || /^[,.;!?]$/.test(ctx.lower[right.last]);
			const after = quoteBefore || (ctx.lower[cue.first - 1] === ',' && closed) || onlyTail(ctx, s, afterApposition(ctx, s, right.last));
			return { source: right, borrow: false, content: after ? backward(ctx, s, cue.first) : forward(ctx, s, cue) };
		}
	}
	return { source: null, borrow: false, content: forward(ctx, s, cue) };
}

// Adverbials between a subject and its verb that are not single adverbs or dates: "have, in fact, praised",
// "have in the past said", "has nevertheless called", "have long worried", "this past week announced".
const ADVERB_WORDS = new Set(['nevertheless', 'nonetheless', 'long', 'still', 'since', 'once', 'later', 'often', 'also', 'already', 'then', 'too']);
const ADVERB_PHRASES = [
	'in fact',
	'in the past',
	'in turn',
	'at times',
	'of course',
	'at first',
	'in public',
	'in private',
	'for years',
	'for months',
	'for decades',
	'for weeks',
];
const PAST_SPANS = new Set(['week', 'weekend', 'month', 'year', 'fortnight']);

function skipAdverbials(ctx: ClaimContext, at: { j: number; passive: boolean }, floor: number): { j: number; passive: boolean } {
	let { j, passive } = at;
	for (let n = 0; n < 3 && j >= floor; n++) {
		let k = j;
		const phrase = ADVERB_PHRASES.find((p) => {
			const ws = p.split(' ');
			return ws.every((w, i) => ctx.lower[j - ws.length + 1 + i] === w) && j - ws.length + 1 >= floor;
		});
		if (phrase) k = j - phrase.split(' ').length;
		else if (ADVERB_WORDS.has(ctx.lower[j]) && j > floor) k = j - 1;
		else if (PAST_SPANS.has(ctx.lower[j]) && ctx.lower[j - 1] === 'past') k = ctx.lower[j - 2] === 'this' || ctx.lower[j - 2] === 'the' ? j - 3 : j - 2;
		else if (ctx.lower[j] === ',') {
			// ", in fact," set off by commas.
			const p = previousComma(ctx, j, Math.max(floor, j - 5));
			const inner = p >= 0 ? ctx.lower.slice(p + 1, j).join(' ') : '';
			if (p > floor && (ADVERB_PHRASES.includes(inner) || ADVERB_WORDS.has(inner))) k = p - 1;
		}
		if (k === j || k < floor) break;
		const next = skipLeft(ctx, k + 1, floor);
		j = next.j;
		passive ||= next.passive;
	}
	return { j, passive };
}

// Things issued that "say": "McConnell issued a statement saying…", "Trump fired back a response saying…".
const ISSUED_THINGS = new Set([
	'statement',
	'email',
	'e-mail',
	'letter',
	'response',
	'release',
	'tweet',
	'post',
	'message',
	'report',
	'petition',
	'note',
	'memo',
	'video',
	'ad',
	'advertisement',
	'op-ed',
	'editorial',
	'column',
	'complaint',
	'lawsuit',
	'filing',
	'motion',
	'brief',
	'resolution',
	'reply',
	'notice',
]);
const PARTICLES = new Set(['back', 'out', 'off', 'up', 'down', 'forth']);

// "X issued a statement saying": the participle describes the statement, the speaker is the subject of "issued".
function documentIssuer(ctx: ClaimContext, s: Sentence, np: TokenRange): TokenRange | null {
	if (!ISSUED_THINGS.has(ctx.lower[np.last - 1])) return null;
	let v = np.first - 1;
	while (v > s.first && PARTICLES.has(ctx.lower[v])) v--;
	if (v <= s.first || !/^\p{Ll}+$/u.test(ctx.doc.tokens[v].text) || PREPOSITIONS.has(ctx.lower[v]) || ctx.lower[v] === 'and') return null;
	const { j } = skipLeft(ctx, v, s.first);
	if (j < s.first) return null;
	const subject = subjectAt(ctx, s, j, false);
	return subject === 'borrow' ? null : subject;
}

// The speaker phrase ending at token `j`, left of a verb cue; 'borrow' when the cue continues another clause.
function subjectAt(ctx: ClaimContext, s: Sentence, j: number, ing: boolean): TokenRange | 'borrow' | null {
	const w = ctx.lower[j];
	if (RELATIVE.has(w) && j > s.first) {
		const k = ctx.lower[j - 1] === ',' ? j - 2 : j - 1;
		return w === 'that' && ctx.lower[j - 1] !== ',' && !isNominal(ctx, k) ? null : phraseLeft(ctx, k, s.first);
	}
	if (w === ',') return ing ? 'borrow' : apposition(ctx, s, j);
	if (w === 'and' || w === 'but' || w === 'or') return 'borrow';
	if (w === 'to' && j > s.first) {
		// "declined to comment", "refused to confirm": the subject of the verb before "to".
		const gov = skipLeft(ctx, j - 1, s.first);
		return gov.passive || gov.j < s.first ? null : subjectAt(ctx, s, gov.j, false);
	}
	if (PREPOSITIONS.has(w)) return ing ? 'borrow' : null;
	if (isClosingQuote(w) || isOpeningQuote(w) || (ctx.doc.tokens[j].kind === 'punct' && !isPossessive(w) && w !== ')')) return null;
	const np = phraseLeft(ctx, j, s.first);
	return np && beforePrepositions(ctx, s, np);
}

// "Maria Lopez in a post on Facebook said", "Forces loyal to Khalifa Haftar said", "Voters in Iowa say":
// a phrase governed by a preposition is not the subject; the subject runs from the phrase before the
// chain of prepositional phrases (whose head is the speaker) to the verb.
function beforePrepositions(ctx: ClaimContext, s: Sentence, np: TokenRange): TokenRange {
	let first = np.first;
	for (let n = 0; n < 3; n++) {
		const p = first - 1;
		// "stalled on Wednesday after both sides accused …": a preposition of time opens no speaker's phrase.
		if (p <= s.first || !PREPOSITIONS.has(ctx.lower[p]) || ctx.lower[p - 1] === 'according' || TIME_CLAUSE_OPENERS.has(ctx.lower[p])) break;
		const left = phraseLeft(ctx, p - 1, s.first);
		if (!left || np.last - left.first > 14) break;
		first = left.first;
	}
	return first === np.first ? np : { first, last: np.last };
}

// "The agency quoted the minister as saying", "the site quotes an aide as saying": the one quoted is the speaker.
function quotedAsSaying(ctx: ClaimContext, s: Sentence, j: number, form: string): TokenRange | null {
	if (!form.endsWith('ing') || ctx.lower[j] !== 'as') return null;
	for (let q = j - 2; q >= s.first && j - q < 8; q--) {
		if (CUE_WORDS.get(ctx.lower[q])?.lemma === 'quote') return phraseLeft(ctx, j - 1, q + 1);
	}
	return null;
}

// "Louis Gallois, the Airbus chief executive, said": the name and its apposition.
// "Chrysler, which has been hit hard, asked": the name before the relative clause.
function apposition(ctx: ClaimContext, s: Sentence, j: number): TokenRange | null {
	const close = closeApposition(ctx, s, j);
	if (close && !isAge(ctx, close)) return close;
	return looseApposition(ctx, s, j) ?? close;
}

const ASIDE_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'now', 'then', 'who', 'which', 'whose', 'also', 'one', 'both', 'like']);
const SENTENCE_LINKS = new Set(['but', 'and', 'so', 'yet', 'now', 'meanwhile', 'still', 'also']);

// "58" in "Woodrow Benford, 58, says": an age, not a speaker.
function isAge(ctx: ClaimContext, r: TokenRange): boolean {
	return r.last - r.first === 1 && ctx.doc.tokens[r.first].kind === 'number';
}

// The name at the head of the sentence before one or more asides set off by commas: "Sanders, a senator from
// the state of Vermont and self-described democratic socialist, said", "Sen. Marco Rubio, R-Fla., appearing on
// Fox News, said", "Woodrow Benford, 58, who lives outside Minneapolis, says", "the union's president, Mary Kay Henry, said".
function looseApposition(ctx: ClaimContext, s: Sentence, j: number): TokenRange | null {
	let p = previousComma(ctx, j, s.first);
	for (let n = 0; n < 4 && p > s.first && j - p <= 40; n++, p = previousComma(ctx, p, s.first)) {
		const t = ctx.doc.tokens[p + 1];
		const opener = ctx.lower[p + 1];
		const name = () => {
			for (let k = p + 1; k < j && ctx.lower[k] !== ','; k++) if (!/^\p{Lu}/u.test(ctx.doc.tokens[k].text) && ctx.doc.tokens[k].kind !== 'punct') return false;
			return true;
		};
		const aside = ASIDE_OPENERS.has(opener) || /^[rdi]-/.test(opener) || t.kind === 'number' || /^\p{Ll}+ing$/u.test(t.text) || name();
		if (!aside) return null;
		const head = phraseLeft(ctx, p - 1, s.first);
		if (!head || head.last !== p || isAge(ctx, head)) continue;
		const before = head.first - 1;
		if (head.first === s.first || (before === s.first && SENTENCE_LINKS.has(ctx.lower[before]))) return { first: head.first, last: j };
	}
	return null;
}

function closeApposition(ctx: ClaimContext, s: Sentence, j: number): TokenRange | null {
	const p = previousComma(ctx, j, s.first);
	const seg: TokenRange = { first: p >= 0 ? p + 1 : s.first, last: j };
	if (seg.last - seg.first > 24) return null;
	const opener = ctx.lower[seg.first];
	const head = p > s.first ? phraseLeft(ctx, p - 1, s.first) : null;
	if (opener === 'who' || opener === 'which' || opener === 'whose') return head;
	if (!isApposition(ctx, seg)) return null;
	if (head && head.last === p) return { first: head.first, last: j };
	return phraseLeft(ctx, j - 1, seg.first);
}

function findBy(ctx: ClaimContext, from: number, limit: number): number {
	for (let k = from; k < limit && k - from < 6; k++) {
		if (ctx.lower[k] === 'by') return k;
		if (ctx.lower[k] === ',' || ctx.lower[k] === 'that') return -1;
	}
	return -1;
}

// True when nothing but punctuation and a time phrase follows token `k`: "…, the minister said on Monday."
function onlyTail(ctx: ClaimContext, s: Sentence, k: number): boolean {
	for (let i = k; i < s.last; i++) {
		const w = ctx.lower[i];
		if (ctx.doc.tokens[i].kind === 'punct') continue;
		if (i - k < 4 && /^(on|in|at|last|this|late|early|earlier|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(w)) continue;
		if (i - k < 4 && (ctx.doc.tokens[i].kind === 'number' || (TITLE_CASE_WORD.test(ctx.doc.tokens[i].text) && i > k))) continue;
		return false;
	}
	return true;
}

// "…, said Maria Gomez, a spokeswoman.": the end of an apposition set off by a comma after token `k` - 1, else `k`.
function afterApposition(ctx: ClaimContext, s: Sentence, k: number): number {
	if (ctx.lower[k] !== ',') return k;
	let e = k + 1;
	while (e < s.last && e - k < 14 && ctx.lower[e] !== ',' && ctx.doc.tokens[e].kind !== 'punct') e++;
	const seg = { first: k + 1, last: e };
	return e > k + 1 && isApposition(ctx, seg) ? e : k;
}

// "Workers walked out, the union said, demanding…": speaker and cue set off by commas after a clause.
function isAside(ctx: ClaimContext, s: Sentence, source: TokenRange, cue: Cue): boolean {
	const before = source.first - 1;
	return before > s.first && (ctx.lower[before] === ',' || isClosingQuote(ctx.lower[before])) && ctx.lower[cue.last] === ',';
}

// The content before the speaker: "The deal is off, the minister said." → "The deal is off".
function backward(ctx: ClaimContext, s: Sentence, before: number): TokenRange | null {
	let e = before;
	while (e > s.first && ctx.doc.tokens[e - 1].kind === 'punct' && !/^[)\]]$/.test(ctx.lower[e - 1])) e--;
	return e > s.first ? trim(ctx, s.first, e) : null;
}

// The content after the cue: "said (that) …", "said on Tuesday that …", "told reporters that …", "warned: …".
function forward(ctx: ClaimContext, s: Sentence, cue: Cue): TokenRange | null {
	let k = cue.last;
	const objectFirst = OBJECT_FIRST.has(cue.word?.lemma ?? '');
	// A short frame may come first: a time or place ("on Tuesday", "in Madrid"), or the listeners of "told".
	if (objectFirst || PREPOSITIONS.has(ctx.lower[k]) || TIME_WORDS.has(ctx.lower[k])) {
		for (let i = k; i < s.last && i - k < 7; i++) {
			if (ctx.lower[i] === 'that' || ctx.lower[i] === ':') {
				k = i;
				break;
			}
			if (!isNominal(ctx, i) && !PREPOSITIONS.has(ctx.lower[i])) break;
		}
	}
	if (ctx.lower[k] === 'that' || ctx.lower[k] === ':' || ctx.lower[k] === ',') k++;
	return trim(ctx, k, s.last);
}

function nextComma(ctx: ClaimContext, from: number, limit: number): number {
	for (let k = from; k < limit; k++) if (ctx.lower[k] === ',') return k;
	return -1;
}

// Drops edge punctuation (final stop, commas, quotation marks) from a token range.
function trim(ctx: ClaimContext, first: number, last: number): TokenRange | null {
	const edge = (k: number) => ctx.doc.tokens[k].kind === 'punct' && !/^[)\]%$€£]$/.test(ctx.lower[k]);
	while (first < last && edge(first)) first++;
	while (last > first && edge(last - 1)) last--;
	return last > first ? { first, last } : null;
}

/** True for a cue word that names a speech act rather than a state of mind. */
export function isSpeechCue(cue: Cue): boolean {
	return (
		cue.frame === 'according' ||
		cue.frame === 'label' ||
		cue.frame === 'adverb' ||
		(cue.word?.speech ?? false) ||
		CUE_WORDS.get(cue.word?.lemma ?? '')?.speech === true
	);
}
