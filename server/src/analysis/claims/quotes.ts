/**
 * Direct quotations: pairs of quotation marks, curly or straight. A quotation
 * left open at a paragraph's end continues when the next paragraph opens with a
 * quotation mark (the news convention for long quotes); a curly one also runs on
 * when its closing mark comes within the next few paragraphs, as in text split
 * into one paragraph per sentence.
 */
import type { ClaimKind, Span } from '../types';
import { isSpeechCue } from './attribution';
import { isNominal, type ClaimContext } from './context';
import { PREPOSITIONS } from './lexicon';
import type { Cue } from './cues';
import type { TokenRange } from './phrases';

export interface Quotation {
	/** Token index of the opening mark. */
	open: number;
	/** Token index of the closing mark, or -1 when the quotation runs to its paragraph's end. */
	close: number;
	/** Offsets of the quoted words, marks excluded. */
	start: number;
	end: number;
	/** Token index of the last token inside. */
	lastInside: number;
	/** Number of word and number tokens inside. */
	words: number;
}

const OPEN_CURLY = new Set(['“', '«', '„']);
const CLOSE_CURLY = new Set(['”', '»']);
/** How many paragraph breaks a curly quotation may run over before its closing mark. */
export const MAX_QUOTE_PARAGRAPHS = 3;

/** Finds the quotations of the document and marks the tokens inside them in `ctx.quoted`. */
export function findQuotations(ctx: ClaimContext): Quotation[] {
	const { tokens, paragraphs, text } = ctx.doc;
	const out: Quotation[] = [];
	let open = -1;
	let openPar = -1;
	let p = 0;
	for (let i = 0; i < tokens.length; i++) {
		while (p + 1 < paragraphs.length && tokens[i].start >= paragraphs[p + 1].start) {
			p++;
			if (open < 0) continue;
			if (/^["“«„]/.test(text[paragraphs[p].start])) {
				pushQuote(ctx, out, open, -1, i);
				open = -1;
			} else if (tokens[open].text === '"' || p - openPar > MAX_QUOTE_PARAGRAPHS) open = -1;
		}
		const t = ctx.lower[i];
		const opens = OPEN_CURLY.has(t) || (t === '"' && open < 0);
		const closes = CLOSE_CURLY.has(t) || (t === '"' && open >= 0);
		if (closes && open >= 0) {
			pushQuote(ctx, out, open, i);
			open = -1;
		} else if (opens) {
			open = i;
			openPar = p;
		}
	}
	return out;
}

function pushQuote(ctx: ClaimContext, out: Quotation[], open: number, close: number, paragraphEnd = close): void {
	const { tokens } = ctx.doc;
	const lastInside = (close >= 0 ? close : paragraphEnd) - 1;
	if (lastInside <= open) return;
	let words = 0;
	for (let k = open + 1; k <= lastInside; k++) {
		ctx.quoted[k] = 1;
		if (tokens[k].kind !== 'punct') words++;
	}
	// “…rebuild it by spring,” she said: the comma belongs to the sentence around the quotation.
	let e = lastInside;
	while (e > open + 1 && /^[,;:—–-]$/.test(tokens[e].text)) e--;
	let first = open + 1;
	while (first < e && ctx.lower[first] === '') first++;
	out.push({ open, close, lastInside, start: tokens[first].start, end: tokens[e].end, words });
}

/** A claim under construction, in token terms. */
export interface Draft {
	/** Index of the sentence the claim belongs to. */
	sentence: number;
	kind: ClaimKind;
	cue: Cue | null;
	source: TokenRange | null;
	content: Span | null;
	start: number;
	end: number;
	reasons?: string[];
	/** Set once a quotation has been given to this draft. */
	quoted?: boolean;
}

const MIN_WORDS = 3;

/**
 * Gives each quotation its speaker: the cue right after it (“…,” she said) or right
 * before it (he said: “…”), else the speaker of the quotation before it in the same
 * or the previous paragraph, else a speaker in a neighbouring sentence. Turns cue
 * drafts into quote drafts; returns new drafts for quotations whose cue was used already.
 */
export function attachQuotes(ctx: ClaimContext, quotes: Quotation[], drafts: Draft[], skip: boolean[]): Draft[] {
	const { tokens } = ctx.doc;
	const units = ctx.units;
	const unitOf = new Int32Array(tokens.length);
	units.forEach((s, si) => unitOf.fill(si, s.first, s.last));
	// Drafts by unit, so that each quotation looks only at its own and the neighbouring units.
	const byUnit: Draft[][] = units.map(() => []);
	for (const d of drafts) byUnit[d.sentence].push(d);
	const near = (si: number) => [...(byUnit[si - 1] ?? []), ...byUnit[si], ...(byUnit[si + 1] ?? [])];
	const out: Draft[] = [];
	let previous: Draft | null = null;
	for (const q of quotes) {
		const si = unitOf[q.open];
		if (q.words < MIN_WORDS || skip[si]) continue;
		const endTok = q.close >= 0 ? q.close : q.lastInside;
		const lastSi = unitOf[Math.max(q.open, endTok)];
		const around = [...near(si), ...(lastSi !== si ? near(lastSi) : [])].filter((c) => c.cue && isSpeechCue(c.cue));
		// A partial quotation inside reported speech ("announced that a “first group” will leave") is part of that claim.
		// (A quotation that is the whole content — “…,” she said — starts where the content starts.)
		const opening = tokens[q.open].start;
		if (byUnit[si].some((c) => c.cue && c.content && c.content.start < opening && opening < c.content.end)) continue;
		const d = around.find((c) => speaksAfter(ctx, c, q, unitOf)) ?? around.find((c) => speaksBefore(ctx, c, q));
		const span = { start: Math.min(units[si].start, tokens[q.open].start), end: Math.max(units[lastSi].end, tokens[Math.max(q.open, endTok)].end) };
		if (d && !d.quoted) {
			Object.assign(d, {
				kind: 'quote',
				content: { start: q.start, end: q.end },
				quoted: true,
				start: Math.min(d.start, span.start),
				end: Math.max(d.end, span.end),
			});
			previous = d;
			continue;
		}
		const lender = d ?? nearbySpeaker(ctx, previous, q, si, near(si));
		if (!lender?.source) continue;
		const cont: Draft = {
			sentence: si,
			kind: 'quote',
			cue: null,
			source: lender.source,
			content: { start: q.start, end: q.end },
			start: span.start,
			end: span.end,
			quoted: true,
		};
		out.push(cont);
		previous = cont;
	}
	return out;
}

// “…,” said Angers. / “…,” he said. / “….” Smith said. — only punctuation and the speaker between.
function speaksAfter(ctx: ClaimContext, d: Draft, q: Quotation, unitOf: Int32Array): boolean {
	if (q.close < 0 || !d.cue || d.cue.first <= q.close || d.cue.first - q.close > 25) return false;
	if (unitOf[d.cue.first] - unitOf[q.close] > 1) return false;
	// In the next sentence only as its whole: “….” Smith said.
	if (unitOf[d.cue.first] !== unitOf[q.close]) {
		const u = ctx.units[unitOf[d.cue.first]];
		for (let k = d.cue.last; k < u.last; k++) if (ctx.doc.tokens[k].kind !== 'punct') return false;
	}
	for (let k = q.close + 1; k < d.cue.first; k++) {
		const inSource = d.source && k >= d.source.first && k < d.source.last;
		if (!inSource && ctx.doc.tokens[k].kind !== 'punct') return false;
	}
	return true;
}

// He said: “…” / saying that “…” / told parliament on Monday: “…”.
function speaksBefore(ctx: ClaimContext, d: Draft, q: Quotation): boolean {
	if (!d.cue || d.cue.last > q.open || q.open - d.cue.last > 7) return false;
	const joins = (w: string) => /^(?:,|:|that|—|–|-)$/.test(w);
	let plain = true;
	for (let k = d.cue.last; k < q.open; k++) {
		if (joins(ctx.lower[k])) continue;
		if (!isNominal(ctx, k) && !PREPOSITIONS.has(ctx.lower[k])) return false;
		plain = false;
	}
	// Listeners or a place between cue and quotation need a colon, a comma or "that" to introduce it.
	return plain || (q.open > d.cue.last && /^(?:,|:|that)$/.test(ctx.lower[q.open - 1]));
}

// A quotation that continues an earlier one in the same or the previous paragraph, or sits next to a cue.
function nearbySpeaker(ctx: ClaimContext, previous: Draft | null, q: Quotation, si: number, near: Draft[]): Draft | null {
	const units = ctx.units;
	const par = units[si].paragraph;
	if (previous?.source && par - units[previous.sentence].paragraph <= 1) {
		if (par === units[previous.sentence].paragraph || ctx.doc.tokens[q.open].start === ctx.doc.paragraphs[par].start) return previous;
	}
	return near.find((d) => d.cue && d.source && units[d.sentence].paragraph === par && isSpeechCue(d.cue)) ?? null;
}
