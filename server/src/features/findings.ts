/**
 * Findings: every entity mention, date, claim and structural problem of one
 * analysis as a coded, worded item. The diagnostics and the SARIF report are
 * both built from this list, so they say the same thing. No editor imports.
 */
import type { Claim, DocumentAnnotations, FindingCode, FindingKind, Severity, Span } from '../analysis/types';
import { explainReasons, phrasesOf } from '../analysis/claims/checkworthy';
import { dateInWords } from './dateWords';
import { clip, entityMap, sourcePhrase, TYPE_WORDS } from './words';

export type { FindingKind };

export interface Finding extends Span {
	code: FindingCode;
	kind: FindingKind;
	/** The severity the analysis proposes (used for problems; other kinds follow settings). */
	severity: Severity;
	message: string;
	/**
	 * The part to underline, where it is not the whole span: a claim is marked
	 * at its cue and source, or its trigger, so prose is not a sea of squiggles.
	 */
	mark?: Span;
	/** A span elsewhere in the document that explains the finding (the source's first mention). */
	related?: Span & { message: string };
}

/** Codes of the findings that are not structural problems (rows of the code table, `analysis/codes.ts`). */
export const FINDING_CODES = {
	entity: 'entity',
	date: 'date',
	attributed: 'attributed-claim',
	quote: 'quote',
	unattributed: 'unattributed-claim',
} as const satisfies Record<string, FindingCode>;

/**
 * The findings of one document, in document order within each kind. `keep` may leave some out
 * before they are built (by kind and start offset); problems are always kept.
 */
export function findings(a: DocumentAnnotations, keep: (kind: FindingKind, start: number) => boolean = () => true): Finding[] {
	const out: Finding[] = [];
	const entities = entityMap(a);
	for (const e of a.entities) {
		const aka = e.mentions.length > 1 ? ` (${e.mentions.length} mentions)` : '';
		for (const m of e.mentions) {
			if (!keep('entities', m.start)) continue;
			// Worded when read: a long document has tens of thousands of findings and lists a few thousand.
			out.push({
				code: FINDING_CODES.entity,
				kind: 'entities',
				severity: 'hint',
				start: m.start,
				end: m.end,
				get message() {
					const name = m.text === e.name ? e.name : `${e.name}, written “${m.text}”`;
					return `${TYPE_WORDS[e.type] ?? 'Name'}: ${name}${aka}`;
				},
			});
		}
	}
	for (const d of a.dates) {
		if (!keep('dates', d.start)) continue;
		out.push({
			code: FINDING_CODES.date,
			kind: 'dates',
			severity: 'hint',
			start: d.start,
			end: d.end,
			get message() {
				const how = d.relative ? `, “${d.text}” resolved against the publication date` : '';
				return `${d.granularity === 'duration' ? 'Duration' : 'Date'}: ${dateInWords(d.value)} (${d.value})${how}`;
			},
		});
	}
	for (const c of a.claims) {
		if (!keep(c.kind === 'unattributed' ? 'unattributedClaims' : 'claims', c.start)) continue;
		if (c.kind === 'unattributed') {
			out.push({
				code: FINDING_CODES.unattributed,
				kind: 'unattributedClaims',
				severity: 'warning',
				start: c.start,
				end: c.end,
				get mark() {
					return trigger(c);
				},
				get message() {
					const why = c.reasons?.length ? ` Check-worthy — ${explainReasons(c.text, c.reasons).join('; ')}.` : '';
					return `Unattributed claim: “${clip(c.text)}” — no source is named for it.${why}`;
				},
			});
			continue;
		}
		const entity = c.source?.entity ? entities.get(c.source.entity) : undefined;
		const what = c.kind === 'quote' ? 'Quotation' : 'Claim';
		const code = c.kind === 'quote' ? FINDING_CODES.quote : FINDING_CODES.attributed;
		const first = entity?.mentions[0];
		out.push({
			code,
			kind: 'claims',
			severity: 'information',
			start: c.start,
			end: c.end,
			get mark() {
				return attribution(c);
			},
			get message() {
				return `${what} attributed to ${sourcePhrase(c, entities)}: “${clip(c.text)}”`;
			},
			related: first && entity ? { start: first.start, end: first.end, message: `${entity.name}: first mention` } : undefined,
		});
	}
	for (const d of a.diagnostics) out.push({ code: d.code, kind: 'problems', severity: d.severity, start: d.start, end: d.end, message: d.message });
	return out;
}

/** How far apart a source and its cue may be and still be underlined as one phrase. */
const PHRASE_GAP = 40;

// "According to the UN", "Haftar’s forces declared": the cue and the source when they read as one phrase, else the cue.
function attribution(c: Claim): Span | undefined {
	const { cue, source } = c;
	if (cue && source) {
		const [a, b] = cue.start <= source.start ? [cue, source] : [source, cue];
		if (b.start - a.end <= PHRASE_GAP) return { start: a.start, end: Math.max(a.end, b.end) };
	}
	const part = cue ?? source;
	return part && part.end > part.start ? { start: part.start, end: part.end } : undefined;
}

/** The longest trigger underlined on an unattributed claim that names no figure. */
const TRIGGER_CHARS = 60;

// The figure that makes a claim check-worthy, else its first clause (cut at a word).
function trigger(c: Claim): Span | undefined {
	for (const f of c.figures ?? []) {
		const at = f ? c.text.indexOf(f) : -1;
		if (at >= 0) return { start: c.start + at, end: c.start + at + f.length };
	}
	// Otherwise the words that make it worth checking ("the largest ever recorded").
	const phrase = c.reasons?.length ? phrasesOf(c.text).find((f) => c.reasons?.includes(f.reason))?.phrase : undefined;
	const at = phrase ? c.text.indexOf(phrase) : -1;
	if (phrase && at >= 0) return { start: c.start + at, end: c.start + at + phrase.length };
	const head = c.text.slice(0, TRIGGER_CHARS + 1);
	const clause = head.search(/[,;:—–(]/);
	let end = clause > 0 ? clause : head.length;
	if (end > TRIGGER_CHARS) {
		const space = head.lastIndexOf(' ', TRIGGER_CHARS);
		end = space > 0 ? space : TRIGGER_CHARS;
	}
	end = c.text.slice(0, end).trimEnd().length;
	return end > 0 && end < c.end - c.start ? { start: c.start, end: c.start + end } : undefined;
}

/**
 * A short, stable fingerprint of a finding: its code and its text, so an
 * ignored finding stays ignored when lines move. FNV-1a, 32 bits, hex.
 */
export function findingHash(code: string, text: string): string {
	// Long documents are worded again after every pause in typing, mostly with the same findings:
	// a lookup by text is native work, the hash below a loop over every character.
	const key = `${code}\u0000${text}`;
	let hash = hashMemo.get(key);
	if (hash === undefined) {
		if (hashMemo.size >= HASH_MEMO) hashMemo.clear();
		hashMemo.set(key, (hash = fnv(code, text)));
	}
	return hash;
}

const HASH_MEMO = 50_000;
const hashMemo = new Map<string, string>();

function fnv(code: string, text: string): string {
	// The same as hashing `${code}\0${text.replace(/\s+/g, ' ').trim()}`, without building that string:
	// paragraphs are hashed by the thousand on long documents.
	let h = 0x811c9dc5;
	const add = (c: number) => (h = Math.imul(h ^ c, 0x01000193) >>> 0);
	for (let i = 0; i < code.length; i++) add(code.charCodeAt(i));
	add(0);
	let gap = false,
		started = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (isSpace(c)) {
			gap = started;
			continue;
		}
		if (gap) add(32);
		add(c);
		gap = false;
		started = true;
	}
	return h.toString(16).padStart(8, '0');
}

// What `\s` matches (and `trim` removes): ASCII and Unicode spaces, line ends, the byte-order mark.
function isSpace(c: number): boolean {
	if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
	if (c < 0xa0) return false;
	return (
		c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
	);
}
