/**
 * Claims: attributed statements ("the ministry said that…", "according to
 * the UN"), direct quotations with their speakers, and unattributed
 * check-worthy statements (figures, accusations, superlatives, comparisons,
 * firsts, causal claims, absolute negatives).
 */
import type { SeedDocument, Sentence } from '../document';
import { isBoilerplate } from '../problems';
import type { SyntaxModel } from '../syntax';
import type { Claim, ClaimSource, Entity, Span, TextSpan } from '../types';
import { attribute, type Attribution } from './attribution';
import { ALL, checkworthiness, findFigures, findHedges, isHeading, isHeadline, isQuestion, isTranscriptTurn, triggersOf, type Triggers } from './checkworthy';
import { isCapitalized, isClosingQuote, isNominal, makeContext, type ClaimContext } from './context';
import { findCues, type Cue } from './cues';
import { ClaimGrammar, readCue } from './grammar';
import { CONJUNCTIONS, PREPOSITIONS } from './lexicon';
import { isApposition, phraseRight, skipLeft, type TokenRange } from './phrases';
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
	let drafts: Draft[] = [];
	ctx.units.forEach((s, si) => {
		if (!skip[si] && s.last > s.first) drafts.push(...sentenceDrafts(ctx, s, si, grammar));
	});
	drafts.push(...attachQuotes(ctx, quotes, drafts, skip));
	drafts = onePerStatement(ctx, drafts);
	drafts.push(...unattributed(ctx, drafts, skip));
	const hedges = new Map<string, string[]>();
	const claims = drafts.map((d) => toClaim(ctx, d, hedges)).sort((a, b) => a.start - b.start || (a.cue?.start ?? a.end) - (b.cue?.start ?? b.end));
	// Sources name their entity, or refer back to one ("he", "the ministry"): resolved in document order.
	new SpeakerLinker(doc.text, entities, ctx.units).resolve(claims);
	return claims;
}

const MAX_CUES = 16;
// Sentences longer than this are read from the word lists: no news sentence comes near it, and a run-on
// line of thousands of words (a table, a paste without full stops) would take the parser seconds.
const MAX_PARSED_TOKENS = 150;

function sentenceDrafts(ctx: ClaimContext, s: Sentence, si: number, parser?: ClaimGrammar): Draft[] {
	const grammar = s.last - s.first <= MAX_PARSED_TOKENS ? parser : undefined;
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
		// "…, said Maria Gomez, adding that …": to go on speaking is the speaker's, even after the clause.
		const continues = CONTINUING.has(cues[i].word?.lemma ?? '');
		// "“…,” said Vice President Joe Biden, urging …": a speaker placed after the verb goes on to the participle.
		const inverted = parenthetical && atts[before].source!.first >= cues[before].last;
		const lent = before >= 0 && (!parenthetical || continues || inverted || afterQuote(ctx, atts[before])) ? atts[before].source : null;
		// "“…,” he said, adding that…": after a quotation the participle is the speaker's; so it is when the sentence has no other subject.
		a.source =
			lent ?? a.governor ?? sentenceSubject(ctx, s) ?? (after < cues.length ? atts[after].source : null) ?? (parenthetical ? atts[before].source : null);
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

// Verbs of going on speaking: a participle of one after "X said" is X's.
const CONTINUING = new Set(['add', 'say', 'note', 'explain', 'insist', 'continue', 'stress', 'emphasize', 'emphasise', 'repeat', 'conclude']);

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
	// "Asked on Monday whether …, Mrs. Clinton said": an opening participle is no subject.
	const participle = w.endsWith('ed') && (PREPOSITIONS.has(ctx.lower[k + 1] ?? '') || /^(whether|if|why|how|what|about)$/.test(ctx.lower[k + 1] ?? ''));
	if (PREPOSITIONS.has(w) || CONJUNCTIONS.has(w) || (!isNominal(ctx, k) && !isCapitalized(ctx.doc.tokens[k].text)) || /(?:ly|ing)$/.test(w) || participle) {
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

// Past participles that are not spelt with -ed: "it was said that", "is thought to".
const PARTICIPLES = new Set(['said', 'thought', 'told', 'known', 'shown', 'held', 'found', 'seen', 'understood', 'written', 'taken', 'given', 'foreseen']);

/**
 * Whether a claim with no source is an attribution that names no one on purpose: a passive of a reporting
 * verb with no agent ("it was reported that", "is said to", "are expected to", "it is alleged").
 */
function agentless(ctx: ClaimContext, d: Draft): boolean {
	const cue = d.cue;
	if (!cue || d.source || cue.frame !== 'verb') return false;
	const form = ctx.lower[cue.head];
	return (form.endsWith('ed') || PARTICIPLES.has(form)) && skipLeft(ctx, cue.first, ctx.units[d.sentence].first).passive;
}

/**
 * One claim per statement. A verb cue with no source ("when asked", "plans to", "is expected to") in a
 * sentence that already has a claim with a named source is part of that claim's statement, not a claim of
 * an unnamed source of its own, unless it is a verb of saying in the passive ("it was reported that")
 * outside what the named source says: that one is a second, agentless report. A cue right after a named
 * claim's cue is its object ("GM announced plans to…": GM's plans); a participle after it ("…, he said,
 * adding that…") and a quotation's verb right before it ("…,” said analyst Chris Weafer, commenting")
 * take its source. The speaker's own noun for the same words ("said in her remarks that…") is the same
 * statement; a reporting noun with a statement of its own and no holder ("fears of a recession") is kept.
 */
function onePerStatement(ctx: ClaimContext, drafts: Draft[]): Draft[] {
	const named = drafts.filter((d) => d.source && d.kind !== 'unattributed');
	if (!named.length) return drafts;
	return drafts.filter((d) => {
		const cue = d.cue;
		if (d.source || d.kind === 'unattributed' || !cue) return true;
		const covering = named.filter((t) => t.start < d.end && d.start < t.end);
		if (!covering.length) return true;
		// A passive inside what a named source says ("he testified that no secrets had been disclosed") is part of it.
		const at = ctx.doc.tokens[cue.head].start;
		const inside = covering.some((t) => t.content && t.content.start <= at && at < t.content.end);
		if (!inside && ((cue.frame === 'verb' && agentless(ctx, d)) || cue.frame === 'adverb')) return true;
		// "“…,” said analyst Chris Weafer, commenting…": the speaker right after the cue is the cue's own.
		const next = covering.find((t) => t.source && t.source.first >= cue.last && t.source.first <= cue.last + 1);
		if (next && cue.frame === 'verb' && d.kind === 'quote') {
			d.source = next.source;
			return true;
		}
		// The object of a verb of saying: "GM announced plans to…", "voiced fears that…" are the subject's plans
		// and fears; "denied reports that…" are other people's reports, of no one named.
		const governor = covering.find(
			(t) => t.cue?.frame === 'verb' && (cue.first === t.cue.last || (cue.first === t.cue.last + 1 && /^\p{L}/u.test(ctx.lower[t.cue.last]))),
		);
		if (governor) {
			if (!cue.word?.speech) d.source = governor.source;
			return true;
		}
		// "…, he said, adding that…": a participle clause says what the speaker before it says.
		const before = covering.filter((t) => t.cue && t.cue.head < cue.head).pop();
		if (before && cue.frame === 'verb' && ctx.lower[cue.head].endsWith('ing')) {
			d.source = before.source;
			return true;
		}
		// "said in her opening remarks that…": the speaker's own noun for the same words is the same statement.
		const own = OWN.has(ctx.lower[cue.first - 1]) || (OWN.has(ctx.lower[cue.first - 2]) && /^\p{L}/u.test(ctx.lower[cue.first - 1]));
		if (own && covering.some((t) => t.cue && t.cue.head < cue.head && sameEnd(t.content, d.content))) return false;
		return cue.frame === 'noun';
	});
}

const OWN = new Set(['his', 'her', 'its', 'their', 'our', 'my']);

// Whether content `b` is the end of content `a`: the same reported words, `a` perhaps with a frame before them.
function sameEnd(a: Span | null, b: Span | null): boolean {
	return !!a && !!b && a.end === b.end && b.start >= a.start;
}

// Check-worthy sentences with no claim of their own: not hedged, not a question, a heading, a headline or a transcript's turn.
function unattributed(ctx: ClaimContext, drafts: Draft[], skip: boolean[]): Draft[] {
	const claimed = new Uint8Array(ctx.units.length);
	for (const d of drafts) claimed[d.sentence] = 1;
	const out: Draft[] = [];
	ctx.units.forEach((s, si) => {
		if (claimed[si] || skip[si] || s.last <= s.first || (ctx.quoted[s.first + 1] && ctx.quoted[s.last - 2])) return;
		const text = ctx.doc.text.slice(s.start, s.end);
		const t = unitTriggers(ctx, si);
		const ends = ctx.units[si + 1]?.paragraph !== s.paragraph;
		if (isQuestion(text) || (ends && isHeading(text)) || isHeadline(text) || isTranscriptTurn(text)) return;
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
