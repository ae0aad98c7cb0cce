/**
 * Structural problems a careful reader would flag: truncated sentences,
 * publisher boilerplate, repeated paragraphs, unbalanced quotation marks,
 * and traces of a broken encoding (replacement characters, control characters, mojibake).
 * Every diagnostic has a stable kebab-case code that settings can refer to.
 */
import type { Paragraph, SeedDocument, Sentence } from './document';
import type { Diagnostic } from './types';
import { coreMemory } from './memory';

/** At most this many diagnostics of one encoding code per file; the last one says how many more. */
const MAX_PER_CODE = 20;
/** Sentences longer than this (in words) usually hide a missing full stop. */
const LONG_SENTENCE_WORDS = 120;
const MIN_DUPLICATE_CHARS = 40;

// Words that cannot end an English sentence: articles, possessives, conjunctions, most prepositions.
const DANGLING = new Set(
	'of the a an and or but nor its their our my your whose than whether because although whereas to from into onto with between among amid during including such as via per toward towards versus'.split(
		' ',
	),
);
// Prepositions a relative clause may leave at the end: "…, which AFP acquired a copy of."
const STRANDABLE = new Set('of to from with into onto between among as'.split(' '));
const RELATIVES = new Set('which whom what who where whatever'.split(' '));

// True when a relative or interrogative word opens the last clause before token `k`.
function relativeClauseBefore(doc: SeedDocument, s: Sentence, k: number): boolean {
	for (let i = k - 1; i >= s.first && k - i < 15; i--) {
		const w = doc.tokens[i].text.toLowerCase();
		if (RELATIVES.has(w)) return true;
		if (w === ',' || w === ';') return false;
	}
	return false;
}

// After an ellipsis, an auxiliary or relative word also shows the sentence broke off: "it would…".
const DANGLING_BEFORE_ELLIPSIS = new Set(
	'would will could can should may might must is are was were has have had be been that which who where when if'.split(' '),
);

// A line that is nothing but a link or a section label.
const BOILERPLATE_LINE =
	/^(?:read more|related(?: articles?| stories| coverage)?|advertisement|share this(?: article| story)?|(?:terms of (?:use|service)|privacy policy|contact us))[:.]?$/i;

// What every other pattern below needs somewhere in the text, case-insensitively: the outlet words,
// "rights reserved", the copyright signs, "click here", "follow us", "subscribe", "sign up", " app",
// "ing by " (Reporting by, Editing by). Most sentences have none of them and skip the patterns.
const BOILERPLATE_WORDS =
	/paper|publication|magazine|site|outlet|tabloid|broadsheet|agency|wire service|portal|platform|rights reserved|©|\(c\)|copyright|click here|follow us|subscribe|sign up| app|ing by /iu;

export const BOILERPLATE = [
	/\b(?:is|are) an? (?:[\p{L}-]+ ){0,3}(?:news ?paper|newspaper|publication|magazine|news ?site|website|news outlet|media outlet|tabloid|broadsheet|news agency|wire service|news portal|news platform)\b/iu,
	/\ball rights reserved\b/i,
	/(?:©|\(c\)|\bcopyright\b) ?(?:\d{4}|©)/i,
	/\bclick here\b/i,
	/\bfollow us\b/i,
	/\bsubscribe (?:now|today|here|to (?:our|the) (?:newsletter|channel|podcast))\b/i,
	/\bsign up (?:for|to) (?:our|the) (?:free )?(?:newsletter|daily|weekly)\b/i,
	/\b(?:download|get) (?:our|the) (?:free )?app\b/i,
	/\b(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Aa]dditional reporting) by \p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?(?:;| and| in\b|$)/u,
	BOILERPLATE_LINE,
];

/** True for a publisher line rather than article text: “X is a daily newspaper published in…”, “All rights reserved.” */
export function isBoilerplate(sentence: string): boolean {
	if (sentence.length > 400) return false;
	// Claims and problems both ask about every sentence: the second asks the memo.
	let known = boilerplateMemo.get(sentence);
	if (known === undefined) {
		const trimmed = sentence.trim();
		known = BOILERPLATE_WORDS.test(trimmed) ? BOILERPLATE.some((re) => re.test(trimmed)) : BOILERPLATE_LINE.test(trimmed);
		boilerplateMemo.set(sentence, known);
	}
	return known;
}

const boilerplateMemo = coreMemory.memo<string, boolean>('boilerplate sentences', 4096);

/** Finds structural problems of the body. */
export function findProblems(doc: SeedDocument): Diagnostic[] {
	return [...sentenceProblems(doc), ...paragraphProblems(doc), ...quoteProblems(doc), ...encodingProblems(doc.text)].sort(
		(a, b) => a.start - b.start || a.end - b.end,
	);
}

function sentenceProblems(doc: SeedDocument): Diagnostic[] {
	const out: Diagnostic[] = [];
	doc.sentences.forEach((s, si) => {
		const text = doc.text.slice(s.start, s.end);
		if (isBoilerplate(text)) {
			out.push({
				code: 'boilerplate',
				severity: 'information',
				message: `Publisher boilerplate, not part of the article: “${excerpt(text, 60)}”`,
				start: s.start,
				end: s.end,
			});
			return;
		}
		const lastOfParagraph = si + 1 === doc.sentences.length || doc.sentences[si + 1].paragraph !== s.paragraph;
		const truncated = truncation(doc, s, lastOfParagraph);
		if (truncated) out.push({ code: 'truncated-sentence', severity: 'warning', message: `${truncated}: “${tail(doc, s)}”`, start: s.start, end: s.end });
		const words = countWords(doc, s);
		if (words > LONG_SENTENCE_WORDS) {
			out.push({
				code: 'very-long-sentence',
				severity: 'information',
				message: `Very long sentence (${words} words): a missing full stop may have run several sentences together.`,
				start: s.start,
				end: s.end,
			});
		}
	});
	return out;
}

// Why the sentence looks cut off, or null: it ends on a word that needs a continuation,
// or it is the last of its paragraph and stops without final punctuation in mid-clause.
function truncation(doc: SeedDocument, s: Sentence, lastOfParagraph: boolean): string | null {
	const { tokens } = doc;
	let k = s.last - 1;
	while (k > s.first && /^["”’'»)\]]$/.test(tokens[k].text)) k--;
	const end = tokens[k].text;
	const ellipsis = end === '…' || (end === '.' && k >= 2 && tokens[k - 1].text === '.' && tokens[k - 2].text === '.');
	if (ellipsis) while (k > s.first && /^[.…]$/.test(tokens[k].text)) k--;
	else if (/^[.!?]$/.test(end)) k--;
	if (k < s.first || countWords(doc, s) < 3) return null;
	const word = tokens[k].text.toLowerCase();
	if (DANGLING.has(word) && !(STRANDABLE.has(word) && relativeClauseBefore(doc, s, k))) return 'Sentence ends mid-phrase';
	if (ellipsis && DANGLING_BEFORE_ELLIPSIS.has(word)) return 'Sentence breaks off mid-phrase';
	if (!lastOfParagraph || /^[.!?…"”’'»)\]]$/.test(end)) return null;
	// No final punctuation: a dangling comma or dash, or a long line that just stops (headings are short).
	if (/^[,;:—–-]$/.test(end)) return 'Paragraph ends mid-sentence';
	return countWords(doc, s) >= 12 && /^\p{Ll}/u.test(end) ? 'Paragraph ends without final punctuation' : null;
}

function countWords(doc: SeedDocument, s: Sentence): number {
	let n = 0;
	for (let k = s.first; k < s.last; k++) if (doc.tokens[k].kind !== 'punct') n++;
	return n;
}

// The last three words of a sentence, for messages: “… the withdrawal of.”
function tail(doc: SeedDocument, s: Sentence): string {
	let k = s.last;
	let words = 0;
	while (k > s.first && words < 3) if (doc.tokens[--k].kind !== 'punct') words++;
	const text = doc.text.slice(doc.tokens[k].start, s.end).replace(/\s+/g, ' ');
	return k > s.first ? `… ${text}` : text;
}

function excerpt(text: string, max: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? flat.slice(0, max - 1).trimEnd() + '…' : flat;
}

/** Paragraphs repeated word for word (run over the whole document when it is analysed in sections). */
export function paragraphProblems(doc: Pick<SeedDocument, 'text' | 'paragraphs'>): Diagnostic[] {
	return repeatedParagraphs(
		doc.paragraphs,
		doc.paragraphs.map((p) => paragraphKey(doc.text, p)),
	);
}

/** What two paragraphs share when one repeats the other: the text with its white space made single spaces. */
export function paragraphKey(text: string, p: Paragraph): string {
	const t = text.slice(p.start, p.end);
	// Most paragraphs have single spaces only: one scan finds that, and the slice is the key.
	return ODD_SPACE.test(t) ? t.replace(/\s+/g, ' ') : t;
}

// White space other than a single space.
const ODD_SPACE = /[^\S ]| {2}/;

/** The repeated paragraphs, given each paragraph's key (`paragraphKey`). */
export function repeatedParagraphs(paragraphs: readonly Paragraph[], keys: readonly string[]): Diagnostic[] {
	const out: Diagnostic[] = [];
	const seen = new Map<string, number>();
	paragraphs.forEach((p, pi) => {
		const key = keys[pi];
		if (key.length < MIN_DUPLICATE_CHARS) return;
		const first = seen.get(key);
		if (first === undefined) seen.set(key, pi);
		else
			out.push({
				code: 'duplicate-paragraph',
				severity: 'warning',
				message: `This paragraph repeats paragraph ${first + 1} word for word.`,
				start: p.start,
				end: p.end,
			});
	});
	return out;
}

/** A curly quotation may close this many paragraphs later (text split into one paragraph per sentence). */
const MAX_QUOTE_PARAGRAPHS = 3;

// Quotation marks. A quotation left open is fine when the next paragraph opens with a quotation
// mark (the convention for quotes over several paragraphs) or, for curly marks, when the closing
// mark follows within a few paragraphs. Straight quotes pair up within their paragraph.
function quoteProblems(doc: SeedDocument): Diagnostic[] {
	const out: Diagnostic[] = [];
	const { text, paragraphs } = doc;
	let open = -1;
	let openPar = -1;
	paragraphs.forEach((p, pi) => {
		let straight = -1;
		// Character codes, not one-character strings: this loop reads every character of the body.
		for (let i = p.start; i < p.end; i++) {
			const c = text.charCodeAt(i);
			if (c === OPEN_CURLY || c === OPEN_GUILLEMET || c === OPEN_LOW) {
				if (open >= 0) out.push(unclosed(open, paragraphs[openPar].end, true));
				open = i;
				openPar = pi;
			} else if (c === CLOSE_CURLY || c === CLOSE_GUILLEMET) {
				if (open < 0)
					out.push({ code: 'unbalanced-quote', severity: 'warning', message: 'Closing quotation mark without an opening one.', start: i, end: i + 1 });
				open = -1;
			} else if (c === STRAIGHT && !isDigitAt(text, i - 1)) {
				straight = straight < 0 ? i : -1;
			}
		}
		const next = paragraphs[pi + 1];
		const continues = !!next && /["“«„]/.test(text[next.start]);
		if (open >= 0 && (continues || !next || pi + 1 - openPar > MAX_QUOTE_PARAGRAPHS)) {
			if (!continues) out.push(unclosed(open, paragraphs[openPar].end, true));
			open = -1;
		}
		if (straight >= 0 && !continues) out.push(unclosed(straight, p.end, false));
	});
	return out;
}

const OPEN_CURLY = 0x201c; // “
const OPEN_GUILLEMET = 0xab; // «
const OPEN_LOW = 0x201e; // „
const CLOSE_CURLY = 0x201d; // ”
const CLOSE_GUILLEMET = 0xbb; // »
const STRAIGHT = 0x22; // "

// An inch or seconds mark follows a digit ("5\" screen"); it opens no quotation.
function isDigitAt(text: string, i: number): boolean {
	const c = i >= 0 ? text.charCodeAt(i) : 0;
	return c >= 48 && c <= 57;
}

function unclosed(at: number, until: number, curly: boolean): Diagnostic {
	const where = curly ? `its paragraph or the next ${MAX_QUOTE_PARAGRAPHS}` : 'its paragraph';
	return {
		code: 'unbalanced-quote',
		severity: 'warning',
		message: `This quotation is never closed: no closing quotation mark follows in ${where}.`,
		start: at,
		end: Math.max(at + 1, until),
	};
}

const CONTROL_NAMES: Record<number, string> = { 0: 'NUL', 7: 'BEL', 8: 'BS', 11: 'VT', 12: 'FF', 27: 'ESC', 127: 'DEL' };

function encodingProblems(text: string): Diagnostic[] {
	const out: Diagnostic[] = [];
	scan(
		text,
		/\uFFFD+/g,
		out,
		'replacement-character',
		'warning',
		(m) =>
			`${m.length > 1 ? `${m.length} replacement characters “�”` : 'Replacement character “�”'}: the file was not valid UTF-8 when it was saved or read, and the original characters are lost.`,
	);
	// eslint-disable-next-line no-control-regex -- finding control characters is the point of this rule
	scan(text, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]+/g, out, 'control-characters', 'warning', (m) => {
		const code = m.charCodeAt(0);
		const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}${CONTROL_NAMES[code] ? ` (${CONTROL_NAMES[code]})` : ''}`;
		const why = code >= 0x80 ? 'text decoded with the wrong encoding' : 'binary data or a broken export';
		return `Control character ${name}${m.length > 1 ? ` and ${m.length - 1} more` : ''} in the text: probably ${why}.`;
	});
	scan(
		text,
		/(?:Ã[\u0080-\u00BF]|â€[™œ\u009D˜¦¢“”‘’"]|Â[\u00A0-\u00BF])+/g,
		out,
		'mojibake',
		'warning',
		(m) =>
			`“${m.slice(0, 12)}” looks like UTF-8 text decoded as Windows-1252 or Latin-1 (mojibake); the intended characters are probably accented letters or curly quotes.`,
	);
	return out;
}

function scan(text: string, re: RegExp, out: Diagnostic[], code: Diagnostic['code'], severity: Diagnostic['severity'], message: (m: string) => string): void {
	let n = 0;
	let more = 0;
	re.lastIndex = 0;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		if (n++ < MAX_PER_CODE) out.push({ code, severity, message: message(m[0]), start: m.index, end: m.index + m[0].length });
		else more++;
	}
	if (more) out[out.length - 1].message += ` (${more} more places in this file are not reported.)`;
}
