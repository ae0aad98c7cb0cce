/**
 * Claims: attributed statements ("the ministry said that…", "according to
 * the UN"), direct quotations with their speakers, and unattributed
 * check-worthy statements (figures, accusations, superlatives, comparisons,
 * firsts, causal claims, absolute negatives).
 */
import type { SeedDocument, Sentence } from '../document';
import { isBoilerplate } from '../problems';
import type { SyntaxModel } from '../syntax';
import type { Claim, ClaimSource, Entity, TextSpan } from '../types';
import { attribute, type Attribution } from './attribution';
import { ALL, checkworthiness, findFigures, findHedges, isHeading, isQuestion, triggersOf, type Triggers } from './checkworthy';
import { isCapitalized, isClosingQuote, isNominal, makeContext, type ClaimContext } from './context';
import { findCues, type Cue } from './cues';
import { ClaimGrammar, readCue } from './grammar';
import { CONJUNCTIONS, PREPOSITIONS } from './lexicon';
import { isApposition, phraseRight, type TokenRange } from './phrases';
import { attachQuotes, findQuotations, type Draft } from './quotes';
import { SpeakerLinker } from './speakers';

/**
 * Finds the claims of a document; `entities` name the sources they overlap. With a syntax model,
 * the sentences that have a cue word are parsed, and the parse vets the cues and reads their
 * subjects and reported clauses.
 */
export function findClaims(doc: SeedDocument, entities: Entity[], syntax?: SyntaxModel): Claim[] {
	const ctx = makeContext(doc);
	const quotes = findQuotations(ctx);
	const skip = ctx.units.map((s) => isBoilerplate(doc.text.slice(s.start, s.end)));
	const grammar = syntax ? new ClaimGrammar(syntax, ctx) : undefined;
	const drafts: Draft[] = [];
	ctx.units.forEach((s, si) => {
		if (!skip[si] && s.last > s.first) drafts.push(...sentenceDrafts(ctx, s, si, grammar));
	});
	drafts.push(...attachQuotes(ctx, quotes, drafts, skip));
	drafts.push(...unattributed(ctx, drafts, skip));
	const hedges = new Map<string, string[]>();
	const claims = drafts.map((d) => toClaim(ctx, d, hedges)).sort((a, b) => a.start - b.start || (a.cue?.start ?? a.end) - (b.cue?.start ?? b.end));
	// Sources name their entity, or refer back to one ("he", "the ministry"): resolved in document order.
	new SpeakerLinker(doc.text, entities, ctx.units).resolve(claims);
	return claims;
}

const MAX_CUES = 16;

function sentenceDrafts(ctx: ClaimContext, s: Sentence, si: number, grammar?: ClaimGrammar): Draft[] {
	// A real sentence has a few reporting cues; a run-on line of thousands ("said said said…") would
	// make each claim rescan it, so only the first MAX_CUES count.
	const found = findCues(ctx, s)
		.slice(0, MAX_CUES)
		.filter((c) => !quotedAside(ctx, c) && (grammar || !c.needsParse));
	let cues: Cue[] = found;
	let atts: Attribution[] = found.map((c) => attribute(ctx, s, c));
	if (grammar && cues.length) {
		const parse = grammar.unit(si);
		cues = cues.map((c) => ({ ...c }));
		const read = cues.map((c, i) => readCue(ctx, parse, c, atts[i]));
		cues = cues.filter((_, i) => read[i]);
		atts = read.filter((r): r is Attribution => !!r);
	}
	// "…, saying that", "spoke to officials and asked": the clause's subject, from the cue before or after.
	atts.forEach((a, i) => {
		if (!a.borrow) return;
		const verb = (k: number) => cues[k].frame === 'verb' && atts[k].source;
		let before = i - 1;
		while (before >= 0 && !verb(before)) before--;
		let after = i + 1;
		while (after < cues.length && !(verb(after) && !atts[after].borrow)) after++;
		// After a parenthetical "…, the union said, demanding…" the participle belongs to the main clause.
		const parenthetical = before >= 0 && isParenthetical(atts[before]);
		const lent = before >= 0 && (!parenthetical || afterQuote(ctx, atts[before])) ? atts[before].source : null;
		// "“…,” he said, adding that…": after a quotation the participle is the speaker's; so it is when the sentence has no other subject.
		a.source = lent ?? sentenceSubject(ctx, s) ?? (after < cues.length ? atts[after].source : null) ?? (parenthetical ? atts[before].source : null);
	});
	const drafts: Draft[] = [];
	cues.forEach((cue, i) => {
		const content = atts[i].content;
		if (insideSource(cues, atts, i)) return;
		// A verb of saying with neither a speaker nor anything said ("when asked", "speaking at a rally") claims nothing.
		if (cue.frame === 'verb' && !atts[i].source && !content) return;
		drafts.push({
			sentence: si,
			kind: 'attributed' as const,
			cue,
			source: atts[i].source,
			content: content && { start: ctx.doc.tokens[content.first].start, end: ctx.doc.tokens[content.last - 1].end },
			start: s.start,
			end: s.end,
		});
	});
	return drafts;
}

// A state of mind inside a quotation ("“I think it will pass,” she said") is part of what is quoted,
// not a claim of its own.
function quotedAside(ctx: ClaimContext, c: Cue): boolean {
	return ctx.quoted[c.head] === 1 && c.frame === 'verb' && !c.word?.speech;
}

// A cue word inside another cue's speaker is part of that name ("according to a police report").
function insideSource(cues: Cue[], atts: Attribution[], i: number): boolean {
	const h = cues[i].head;
	return atts.some((a, k) => k !== i && a.source && h >= a.source.first && h < a.source.last);
}

function isParenthetical(a: Attribution): boolean {
	return !!a.source && !!a.content && a.content.last <= a.source.first;
}

// The speaker comes right after a closing quotation mark: "“…,” he said".
function afterQuote(ctx: ClaimContext, a: Attribution): boolean {
	return !!a.source && a.source.first > 0 && isClosingQuote(ctx.lower[a.source.first - 1]);
}

// The subject at the head of the sentence, after an opening phrase that ends in a comma
// ("On Monday, the firm…", "When the Air Force chose Northrop, Boeing…").
function sentenceSubject(ctx: ClaimContext, s: Sentence): TokenRange | null {
	let k = s.first;
	const w = ctx.lower[k];
	if (PREPOSITIONS.has(w) || CONJUNCTIONS.has(w) || (!isNominal(ctx, k) && !isCapitalized(ctx.doc.tokens[k].text)) || /(?:ly|ing)$/.test(w)) {
		while (k < s.last && k - s.first < 20 && ctx.lower[k] !== ',') k++;
		if (ctx.lower[k] !== ',') return null;
		k++;
	}
	const head = phraseRight(ctx, k, s.last);
	if (!head || ctx.lower[head.last] !== ',') return head;
	// "Ryanair CEO, Michael O'Leary, justified…": the name and its apposition.
	let close = head.last + 1;
	while (close < s.last && close - head.last < 14 && ctx.lower[close] !== ',') close++;
	const seg = { first: head.last + 1, last: close };
	return ctx.lower[close] === ',' && isApposition(ctx, seg) && isNominal(ctx, seg.first) ? { first: head.first, last: close } : head;
}

// Check-worthy sentences with no claim of their own: not hedged, not a question, not a heading.
function unattributed(ctx: ClaimContext, drafts: Draft[], skip: boolean[]): Draft[] {
	const claimed = new Uint8Array(ctx.units.length);
	for (const d of drafts) claimed[d.sentence] = 1;
	const out: Draft[] = [];
	ctx.units.forEach((s, si) => {
		if (claimed[si] || skip[si] || s.last <= s.first || (ctx.quoted[s.first + 1] && ctx.quoted[s.last - 2])) return;
		const text = ctx.doc.text.slice(s.start, s.end);
		const t = unitTriggers(ctx, si);
		const ends = ctx.units[si + 1]?.paragraph !== s.paragraph;
		if (isQuestion(text) || (ends && isHeading(text))) return;
		const { reasons } = checkworthiness(text, t, true);
		if (!reasons.length) return;
		const content = trimOffsets(ctx, s);
		out.push({ sentence: si, kind: 'unattributed', cue: null, source: null, content, start: s.start, end: s.end, reasons });
	});
	return out;
}

// The patterns a unit can match, from its words: most sentences need none of the regular expressions.
function unitTriggers(ctx: ClaimContext, si: number): Triggers {
	const u = ctx.units[si];
	return (ctx.triggers[si] ??= triggersOf(ctx.doc.tokens, u.first, u.last));
}

function trimOffsets(ctx: ClaimContext, s: Sentence): { start: number; end: number } {
	let last = s.last;
	while (last > s.first + 1 && ctx.doc.tokens[last - 1].kind === 'punct' && /^[.!?…;:,]$/.test(ctx.lower[last - 1])) last--;
	return { start: s.start, end: ctx.doc.tokens[last - 1].end };
}

const MAX_SCAN = 2000;

function toClaim(ctx: ClaimContext, d: Draft, hedgeCache: Map<string, string[]>): Claim {
	const { text, tokens } = ctx.doc;
	const span = (a: number, b: number): TextSpan => ({ start: a, end: b, text: text.slice(a, b) });
	const cue = d.cue ? span(tokens[d.cue.first].start, tokens[d.cue.last - 1].end) : null;
	let source: ClaimSource | null = null;
	if (d.source) source = span(tokens[d.source.first].start, tokens[d.source.last - 1].end);
	// Hedges and figures are looked for in the first MAX_SCAN characters only: one run-on "sentence" of
	// 100,000 characters with hundreds of cues would otherwise be scanned once per cue (quadratic).
	const sentence = text.slice(d.start, Math.min(d.end, d.start + MAX_SCAN));
	// Spelt out rather than spread from `span`: the spread was a hot spot, and the key order stays the same.
	const claim: Claim = { start: d.start, end: d.end, text: text.slice(d.start, d.end), kind: d.kind, cue, source, content: d.content };
	// Claims of one sentence share its span: look for its hedges once.
	const key = `${d.start}:${d.end}`;
	// A quotation can run on past its sentence (over a paragraph break): its words beyond were not looked at.
	const unit = ctx.units[d.sentence];
	const t = d.start < unit.start || d.end > unit.end ? ALL : unitTriggers(ctx, d.sentence);
	const hedges = hedgeCache.get(key) ?? findHedges(sentence, t);
	hedgeCache.set(key, hedges);
	if (hedges.length) claim.hedges = hedges;
	if (d.reasons) claim.reasons = d.reasons;
	const figures = t.figure ? findFigures(d.content ? text.slice(d.content.start, Math.min(d.content.end, d.content.start + MAX_SCAN)) : sentence) : [];
	if (figures.length) claim.figures = figures;
	return claim;
}
