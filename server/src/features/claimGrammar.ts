/**
 * The grammar behind a claim, for its hover: the subject and the reported clause of its cue, read from
 * the dependency parse of the cue's sentence (parsed when the hover asks, not during analysis).
 */
import type { Claim } from '../analysis';
import { splitSentences } from '../analysis/sentences';
import { tokenize } from '../analysis/tokens';
import { parseSpan, type SentenceSyntax, type SyntaxModel } from '../analysis/syntax';
import type { DocumentAnalysis } from '../documentAnalysis';
import { clip } from './words';

/** The sentence around an offset, tagged and parsed; undefined outside the body's paragraphs. */
export function sentenceSyntaxAt(a: DocumentAnalysis, offset: number, model: SyntaxModel): SentenceSyntax | undefined {
	const p = a.paragraphs.find((x) => x.start <= offset && offset < x.end);
	if (!p) return undefined;
	const tokens = tokenize(a.text, p.start, p.end);
	const s = splitSentences(tokens, [p]).find((x) => x.start <= offset && offset < x.end);
	return s && parseSpan(model, a.text, tokens.slice(s.first, s.last));
}

/** The predicate of a cue: its first verb, else its first word. */
function cueWord(s: SentenceSyntax, cue: { start: number; end: number }): number {
	const inCue = s.words.map((w, i) => (w.start >= cue.start && w.end <= cue.end ? i : -1)).filter((i) => i >= 0);
	return inCue.find((i) => s.words[i].upos === 'VERB') ?? inCue[0] ?? -1;
}

/** One line for the hover: "Grammar: subject “…” · reported clause “…”", or undefined when the parse has neither. */
export function claimGrammar(a: DocumentAnalysis, c: Claim, model: SyntaxModel): string | undefined {
	if (!c.cue) return undefined;
	const s = sentenceSyntaxAt(a, c.cue.start, model);
	if (!s) return undefined;
	const v = cueWord(s, c.cue);
	if (v < 0) return undefined;
	const parts: string[] = [];
	const according = s.accordingTo(s.words.findIndex((w) => w.start >= c.cue!.start && w.end <= c.cue!.end));
	if (according) {
		parts.push(`object of “according to” “${clip(s.text(a.text, ...according.source), 60)}”`);
		if (according.clause) parts.push(`reported clause “${clip(s.text(a.text, ...according.clause), 80)}”`);
		return `Grammar: ${parts.join(' · ')}`;
	}
	const subj = s.subjectPhrase(v);
	const passive = s.isPassive(v);
	if (subj) parts.push(`${passive ? 'passive subject' : 'subject'} “${clip(s.text(a.text, subj[0], subj[1]), 60)}”`);
	const agent = passive ? s.agentOf(v) : -1;
	if (agent >= 0) {
		const [lo, hi] = s.extent(agent, (rel) => /^(punct|acl|advcl|nmod|parataxis|conj|cc)/.test(rel));
		const from = s.words[lo].upos === 'ADP' ? lo + 1 : lo;
		parts.push(`agent “${clip(s.text(a.text, from, hi), 60)}”`);
	}
	const said = s.reportedSpan(v);
	if (said) parts.push(`reported clause “${clip(s.text(a.text, said[0], said[1]), 80)}”`);
	return parts.length ? `Grammar: ${parts.join(' · ')}` : undefined;
}
