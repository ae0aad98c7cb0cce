/**
 * Attribution read from the syntax layer: whether a candidate cue word is used as a reporting verb
 * or noun here (its part of speech and relation), who its subject is (the full noun phrase, or the
 * agent of a passive) and which clause it reports (the complement clause, or the clause before a
 * postposed "…, analysts said"). The word-list reading in `attribution.ts` proposes; this vets and
 * corrects it when a syntax model is available. Sentences are parsed only when they have a cue.
 */
import type { Sentence } from '../document';
import { parseSpan, type SentenceSyntax, type SyntaxModel } from '../syntax';
import { attribute, type Attribution } from './attribution';
import { closesQuoteBefore, isCapitalized, isClosingQuote, isOpeningQuote, type ClaimContext } from './context';
import type { Cue } from './cues';
import { CUE_WORDS, PERSON_ROLES, PREPOSITIONS, TIME_CLAUSE_OPENERS, TIME_WORDS } from './lexicon';
import type { TokenRange } from './phrases';

/** One unit's parse with the map between the core's tokens and the parser's words. */
export class UnitParse {
	private readonly firstWord: Int32Array;
	private readonly tokenOf: Int32Array;

	constructor(
		readonly syn: SentenceSyntax,
		ctx: ClaimContext,
		readonly unit: Sentence,
	) {
		const { tokens } = ctx.doc;
		this.firstWord = new Int32Array(unit.last - unit.first).fill(-1);
		this.tokenOf = new Int32Array(syn.words.length);
		let t = unit.first;
		syn.words.forEach((w, i) => {
			while (t + 1 < unit.last && tokens[t].end <= w.start) t++;
			this.tokenOf[i] = t;
			if (this.firstWord[t - unit.first] < 0) this.firstWord[t - unit.first] = i;
		});
	}

	/** The (first) word of token `t`. */
	word(t: number): number {
		return this.firstWord[t - this.unit.first];
	}

	/** Words `lo..hi` (inclusive) as a token range. */
	tokens(lo: number, hi: number): TokenRange {
		return { first: this.tokenOf[lo], last: this.tokenOf[hi] + 1 };
	}
}

/** Parses a document's claim units on demand, once each. */
export class ClaimGrammar {
	private readonly parsed = new Map<number, UnitParse>();

	constructor(
		private readonly model: SyntaxModel,
		private readonly ctx: ClaimContext,
	) {}

	unit(si: number): UnitParse {
		let p = this.parsed.get(si);
		if (!p) {
			const s = this.ctx.units[si];
			p = new UnitParse(parseSpan(this.model, this.ctx.doc.text, this.ctx.doc.tokens.slice(s.first, s.last)), this.ctx, s);
			this.parsed.set(si, p);
		}
		return p;
	}
}

const NOMINAL = /^(NOUN|PROPN|PRON|DET|NUM)$/;
// Verbs that report only with a clause or a quotation: with a plain object ("said the same thing",
// "what he said", "think the world of her") they are not attributions.
const CLAUSE_ONLY = new Set(['say', 'think', 'believe', 'add', 'write', 'speak', 'explain', 'argue', 'insist', 'note', 'continue']);
const COGNITIVE_PRONOUNS = new Set(['i', 'we', 'you']);

/**
 * The grammar's reading of one cue: null when the word is not used as a cue here, else the
 * attribution with the parse's subject and reported clause where the word lists had none or
 * a worse one.
 */
export function readCue(ctx: ClaimContext, p: UnitParse, cue: Cue, a: Attribution): Attribution | null {
	if (cue.frame === 'according' || cue.frame === 'label' || cue.frame === 'adverb') return a;
	const { syn } = p;
	const h = p.word(cue.head);
	if (h < 0) return a;
	const w = syn.words[h];
	if (cue.frame === 'noun') return nounReading(ctx, p, cue, a);
	const use = verbUse(ctx, p, cue, h);
	if (use === 'none') return null;
	if (use === 'noun') {
		// The noun's own reading; the caller takes the frame from the cue it is given back.
		cue.frame = 'noun';
		return nounReading(ctx, p, cue, attribute(ctx, p.unit, cue));
	}
	const lemma = cue.word?.lemma ?? '';
	// "officials who spoke with reporters", "an official who spoke on condition of anonymity": who spoke, not what was said.
	if (lemma === 'speak' && w.deprel === 'acl:relcl' && syn.complementOf(h) < 0 && !opensSpeech(ctx, cue.last)) return null;
	if (hypothetical(p, h) || naming(p, h, lemma) || spentOn(p, h) || admission(ctx, p, cue, h, lemma) || deniedNothing(ctx, p, cue, h)) return null;
	// "“…,” wrote X" and "“…,” X wrote": after a closing quotation, whatever the parse made of the speaker
	// (a quoted fragment with no verb, "“Nor would President Reagan,” Cross wrote", is often parsed as the root).
	const afterQuote = closesQuoteBefore(ctx, cue.first) || (!!a.source && a.source.last === cue.first && closesQuoteBefore(ctx, a.source.first));
	// A verb the parse has to vouch for reports a clause after it, or the clause or quotation before a
	// postposed speaker ("…,” the employee wrote", "…, the spokesman recalled").
	if (
		cue.needsParse &&
		(unstated(p, h) || (!vouched(p, h, lemma) && !(EVIDENCE_VERBS.has(lemma) && evidenceBefore(ctx, p.unit.first, cue.first)) && !syn.isPostposed(h)))
	)
		return null;
	const clause = syn.complementOf(h) >= 0 || syn.isPostposed(h) || afterQuote;
	if (!clause && CLAUSE_ONLY.has(lemma) && !opensSpeech(ctx, cue.last)) {
		// "said the same thing", "what he said", "the things Trump has said": a thing said, not a statement.
		if (syn.dependents(h, 'obj', 'iobj').some((o) => NOMINAL.test(syn.words[o].upos) && !clauseAfter(p, o, h))) return null;
		if (w.deprel.startsWith('acl') && syn.dependents(h, 'nsubj').every((k) => !/^(who|that|which)$/i.test(syn.words[k].text))) return null;
	}
	// A word-list source that is no noun phrase in the parse ("have long complained", "Asked by …, she said")
	// gives way to the parse's subject.
	const plausible = a.source && !implausible(ctx, p, a.source, cue) ? a.source : null;
	// The object of another verb gives way too, when the parse has a subject instead ("groups that filed
	// the lawsuit welcomed …"); with none, the word lists' phrase stays (the parse may be the one wrong).
	let listed = plausible && objectOfAnother(p, plausible, h) ? null : plausible;
	const subject = spoken(ctx, p, h, subjectRange(p, h)) ?? paratacticSubject(p, h) ?? (listed || a.borrow ? null : governorSubject(p, h));
	if (!subject) listed = plausible;
	if (!cue.word?.speech && subject && subject.last - subject.first === 1 && COGNITIVE_PRONOUNS.has(ctx.lower[subject.first])) return null;
	const out = { ...a, source: listed };
	if (a.borrow && !subject) out.governor = governorSubject(p, h);
	// The agent of a participle after its noun is the source, not the noun the word lists took.
	const agent = !!subject && reducedPassive(p, h);
	if (subject && (!listed || agent || (followsPreposition(ctx, listed) && !overlaps(subject, listed)) || fuller(ctx, subject, listed))) out.source = subject;
	// …and what it says is the noun the participle describes ("changes proposed by the government").
	if (agent) {
		const head = syn.words[h].head;
		let [lo] = syn.extent(head, (rel) => /^(acl|appos|punct|conj|cc|parataxis)/.test(rel));
		while (lo < head && syn.words[lo].upos === 'ADP') lo++;
		if (lo <= head && head < h) return { ...out, content: p.tokens(lo, head) };
	}
	// "has been accused by detractors of attempting …": what is said starts after the agent.
	const c = out.content;
	if (c && ctx.lower[c.first] === 'by' && syn.isPassive(h)) {
		for (let k = c.first + 1; k < c.last - 1 && k <= c.first + 8; k++) {
			if (/^(of|for|over|that)$/.test(ctx.lower[k])) {
				out.content = { first: k + 1, last: c.last };
				break;
			}
			if (ctx.doc.tokens[k].kind === 'punct') break;
		}
	}
	const reported = syn.reportedSpan(h);
	// "told reporters that it was fair": a "that" after the verb settles it, whatever the parse hung before it.
	const thatAfter = !!a.content && a.content.first > cue.last && ctx.lower[a.content.first - 1] === 'that';
	if (reported && syn.isPostposed(h) && !thatAfter) out.content = p.tokens(reported[0], reported[1]);
	else if (reported && !out.content) out.content = p.tokens(reported[0], reported[1]);
	return out;
}

/**
 * How a word the word lists took for a verb is used in the parse. The tagger errs on short
 * sentences and inverted speakers ("…,” said Angers), so a verb reading is given up only on
 * evidence: a modifier in -ing/-ed ("seek reporting restrictions", "the alleged attack") is none;
 * a form that is also a noun, tagged NOUN with a determiner, possessor, adjective or preposition
 * ("amid growing fears of", "over claims of"), is a noun.
 */
function verbUse(ctx: ClaimContext, p: UnitParse, cue: Cue, h: number): 'verb' | 'noun' | 'none' {
	const { syn } = p;
	const w = syn.words[h];
	const form = ctx.lower[cue.head];
	if (attributive(ctx, p, cue, h)) return 'none';
	if (w.upos === 'VERB' || w.upos === 'AUX') return 'verb';
	if (/(ing|ed)$/.test(form) && /^(amod|compound)/.test(w.deprel) && w.head > h) return 'none';
	// "multi-faith and welcoming": an adjective that reports no clause.
	// ("investors are concerned that …" still reports.)
	if (w.upos === 'ADJ' && form.endsWith('ing') && !syn.dependents(h, 'ccomp').length) return 'none';
	const nounish = syn.dependents(h, 'det', 'nmod', 'amod', 'case').length > 0 && w.upos === 'NOUN';
	if (!nounish) return 'verb';
	return cue.word?.nounOk || CUE_WORDS.get(form)?.nounOk ? 'noun' : 'none';
}

// Subordinators of a clause that states nothing of its own: an infinitive, a time or a condition.
const UNSTATED_MARKS = /^(to|when|whenever|if|unless|until|till|before|after|once)$/i;

// "to recognise that …", "when the Treasury felt it would …", "until we find the right solution": a verb in an
// infinitive or a clause of time or condition is no one's statement.
function unstated(p: UnitParse, h: number): boolean {
	const { syn } = p;
	return syn.dependents(h, 'mark', 'advmod').some((m) => m < h && UNSTATED_MARKS.test(syn.words[m].text));
}

// The verbs only the parse makes cues: with a reported clause ("found that …", "polls show the race
// tightening"), or for "call" and its kin an object with a predicate ("called the plan a disgrace").
function vouched(p: UnitParse, h: number, lemma: string): boolean {
	const { syn } = p;
	if (syn.dependents(h, 'ccomp').some((c) => !adverbialClause(p, c))) return true;
	const objects = syn.dependents(h, 'obj');
	// "A poll last month showed Mr. Trump leading", "the data show a sharp rise": what evidence shows or finds.
	if (EVIDENCE_VERBS.has(lemma) && objects.length) {
		const subj = syn.subjectOf(h);
		return subj >= 0 && EVIDENCE.test(syn.words[subj].text);
	}
	// "voters backed the senator", "the governor supports the bill": a side taken, by a subject of its own.
	// (Under a verb of saying, "said she supports the bill", the saying is the claim.)
	if (SIDING.has(lemma)) return objects.length > 0 && syn.words[h].upos === 'VERB' && syn.subjectOf(h) >= 0 && !reported(p, h);
	if (!NAMING.has(lemma)) return false;
	// "called Conway “an incomparable mathematician”": the parser may hang the name as a predicate, not an object.
	if (!objects.length) {
		const named = syn.dependents(h, 'xcomp').find((x) => x > h && /^(PROPN|PRON|NOUN)$/.test(syn.words[x].upos));
		const after = named === undefined ? -1 : syn.nounPhrase(named)[1] + 1;
		return after > h && after < syn.words.length && isOpeningQuote(syn.words[after].text);
	}
	if (syn.dependents(h, 'xcomp').some((x) => /^(NOUN|ADJ|PROPN)$/.test(syn.words[x].upos))) return true;
	// "calling it the mark of a failing management", "calls the plan a “lifeline”": the parser often makes
	// the predicate a second object.
	if (objects.filter((o) => o > h).length >= 2 && /^(NOUN|ADJ|PROPN)$/.test(syn.words[objects[objects.length - 1]].upos)) return true;
	// "called the new law “much, much better”": a quotation right after the object is its predicate.
	const after = syn.extent(objects[objects.length - 1])[1] + 1;
	if (after > h && after < syn.words.length && isOpeningQuote(syn.words[after].text)) return true;
	// "called Ford’s plans to open a plant “an absolute disgrace”": a quoted predicate the parser hung lower.
	const [, end] = syn.extent(h);
	// ("called it our “last chance”": or as an oblique of the verb.)
	for (let k = h + 2; k <= end; k++) {
		const x = syn.words[k];
		const hung = x.deprel === 'xcomp' || (x.deprel.startsWith('obl') && x.head === h);
		if (hung && /^(NOUN|ADJ|PROPN)$/.test(x.upos) && quotedFrom(p, k)) return true;
	}
	return false;
}

// "defeated after the count", "when the polls closed": a clause the parser took for a complement that a
// subordinator of time, cause or condition opens reports nothing.
const ADVERBIAL_MARKS = /^(after|before|since|until|till|because|when|whenever|while|although|though|unless)$/i;
function adverbialClause(p: UnitParse, c: number): boolean {
	const { syn } = p;
	const first = syn.words[syn.extent(c)[0]];
	return /^(mark|case)/.test(first.deprel) && ADVERBIAL_MARKS.test(first.text);
}

// "1,217 pledged delegates", "149 confirmed orders": a participle in -ed between an amount and the noun it
// describes is an adjective, whatever its tag. (After a preposition, "with declared assets", MEANTIME counts it.)
function attributive(ctx: ClaimContext, p: UnitParse, cue: Cue, h: number): boolean {
	const { syn } = p;
	const next = syn.words[h + 1];
	const k = cue.head - 1;
	if (!ctx.lower[cue.head].endsWith('ed') || !next || !/^(NOUN|PROPN)$/.test(next.upos) || TIME_WORDS.has(next.text.toLowerCase()) || k < p.unit.first)
		return false;
	if (ctx.doc.tokens[k].kind !== 'number') return false;
	const subject = syn.subjectOf(h);
	return subject < 0 || subject === h - 1;
}

// "they are called “U.S. nationals”", "a formula called the “chained CPI”": a name given in the passive (or by
// a participle after its noun), by no one named.
function naming(p: UnitParse, h: number, lemma: string): boolean {
	const { syn } = p;
	if (!NAMING.has(lemma) || syn.agentOf(h) >= 0 || syn.dependents(h, 'ccomp').length) return false;
	const w = syn.words[h];
	// (The parser also hangs finite verbs after a long subject as `acl`: only a common noun right before counts.)
	// "lawmakers called for a boycott" is a call, not a name.
	const named = w.deprel === 'acl' && w.head === h - 1 && syn.words[h - 1].upos === 'NOUN' && syn.words[h + 1]?.upos !== 'ADP';
	return syn.isPassive(h) || (named && /ed$/i.test(w.text));
}

// "has spent $4 million defending the map": what money went on, not something said ("spent Friday
// discussing the quotas" stays a statement).
function spentOn(p: UnitParse, h: number): boolean {
	const { words } = p.syn;
	const w = words[h];
	if (!/ing$/i.test(w.text) || w.head < 0 || w.head >= h || !/^(advcl|xcomp)/.test(w.deprel) || !SPENDING.test(words[w.head].text)) return false;
	for (let k = w.head + 1; k < h; k++) if (words[k].upos === 'NUM' || words[k].upos === 'SYM') return true;
	return false;
}
const SPENDING = /^(?:spend|spends|spent|spending|waste|wastes|wasted|wasting|devote|devotes|devoted|devoting)$/i;

// "was elected a Fellow and admitted to the Academy", "was admitted to hospital": an admission, not a confession.
function admission(ctx: ClaimContext, p: UnitParse, cue: Cue, h: number, lemma: string): boolean {
	if (lemma !== 'admit' || ctx.lower[cue.last] !== 'to' || /ing$/.test(ctx.lower[cue.last + 1] ?? '')) return false;
	const { syn } = p;
	const w = syn.words[h];
	if (syn.isPassive(h)) return true;
	// A conjunct with no subject or auxiliary of its own shares the passive of the verb before it.
	return w.deprel.startsWith('conj') && w.head >= 0 && syn.isPassive(w.head) && !syn.dependents(h, 'nsubj', 'aux').length;
}

// "did not confirm radiation exposure", "has not disclosed the figure": what a speaker did not say, with a
// plain object and no clause or quotation, is no statement of theirs.
const NEGATIONS = /^(not|n't|n’t|never)$/i;
function deniedNothing(ctx: ClaimContext, p: UnitParse, cue: Cue, h: number): boolean {
	const { syn } = p;
	if (!cue.word?.speech || ctx.quoted[cue.head] || opensSpeech(ctx, cue.last)) return false;
	const kids = syn.children(h);
	if (!kids.some((k) => k < h && NEGATIONS.test(syn.words[k].text))) return false;
	if (syn.complementOf(h) >= 0 || syn.dependents(h, 'xcomp', 'advcl').length) return false;
	return syn.dependents(h, 'obj').some((o) => o > h && /^(NOUN|PROPN|NUM)$/.test(syn.words[o].upos));
}

// A survey noun among the few words before the verb, where the tagger lost the subject ("A Harbour Times
// poll last month showed …").
function evidenceBefore(ctx: ClaimContext, first: number, cue: number): boolean {
	for (let k = cue - 1; k >= first && cue - k <= 4; k--) {
		if (ctx.doc.tokens[k].kind === 'punct') return false;
		if (EVIDENCE.test(ctx.lower[k])) return true;
	}
	return false;
}

// An opening quotation mark at most three words before word `k`, with no closing one between.
function quotedFrom(p: UnitParse, k: number): boolean {
	for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
		const t = p.syn.words[j].text;
		if (isOpeningQuote(t)) return true;
		if (isClosingQuote(t)) return false;
	}
	return false;
}
// A clause some verb reports (a `ccomp`, or a conjunct of one).
function reported(p: UnitParse, h: number): boolean {
	const { syn } = p;
	let k = h;
	while (syn.words[k].deprel.startsWith('conj') && syn.words[k].head >= 0) k = syn.words[k].head;
	return /^(ccomp|xcomp)/.test(syn.words[k].deprel);
}
const NAMING = new Set(['call', 'label', 'dub', 'brand']);
const SIDING = new Set(['support', 'back', 'favor', 'favour']);
const EVIDENCE_VERBS = new Set(['show', 'find', 'indicate', 'signal']);
// Subjects whose "showed" reports a finding: surveys, studies, records.
const EVIDENCE =
	/^(polls?|surveys?|study|studies|reports?|data|research|analys[ie]s|figures|records|e-?mails|documents|results|numbers|statistics|tests?|reviews?|investigations?|audits?|census|findings|outcome|videos?|footage|photos|estimates|models?|projections?|tallies|count)$/i;

// "may say", "would think", "to say", "let me say": what someone could, would or is to say is no statement.
const MODALS = /^(can|could|may|might|would|should|must|ca)$/i;
function hypothetical(p: UnitParse, h: number): boolean {
	const { syn } = p;
	// (A modal the parser hung on the verb from inside a quotation before it, "“That would be …,” she said", is not its own.)
	if (syn.dependents(h, 'aux').some((k) => MODALS.test(syn.words[k].text) && !syn.words.slice(k + 1, h).some((x) => isClosingQuote(x.text)))) return true;
	// "too soon to say", "a silly thing to say", "something to say about it": an infinitive under a noun or
	// an adjective. (Under a verb it usually reports: "went on to say", "is expected to announce".)
	const head = syn.words[syn.words[h].head];
	return !!head && /^(NOUN|ADJ|PRON)$/.test(head.upos) && syn.dependents(h, 'mark').some((k) => k === h - 1 && syn.words[k].text.toLowerCase() === 'to');
}

// Reporting nouns report something when they have an author (a possessor, "by", an issuing verb's
// subject) or a content ("the claim that …"); "freedom of speech", "a speech" alone do not.
function nounReading(ctx: ClaimContext, p: UnitParse, cue: Cue, a: Attribution): Attribution | null {
	const h = p.word(cue.head);
	const w = p.syn.words[h];
	if (/^(compound|amod)/.test(w.deprel) && w.head > h) return null;
	// "freedom of speech", "in a speech on Monday": a reporting noun with neither an author nor a content
	// says nothing by itself (the verb beside it, "said in a speech", carries the claim).
	// States of mind ("fears of a recession", "worries that …") are claims of an unnamed many.
	if (!(a.source || a.content || !cue.word?.speech)) return null;
	// "… issued the statement": a statement named before, issued again, is no new claim.
	const { syn } = p;
	const definite = syn.dependents(h, 'det').some((d) => /^(the|this|that|these|those)$/i.test(syn.words[d].text));
	// (A clause or an author after the noun may still say what, "the announcement by GM that …"; a relative clause does not.)
	const said =
		/^(by|that|from)$/.test(ctx.lower[cue.last] ?? '') ||
		syn.dependents(h, 'acl', 'ccomp', 'nmod').some((d) => !/^(acl:relcl|nmod:poss)$/.test(syn.words[d].deprel));
	// "responded to Calderon’s remarks", "highlighting his statement": a speech referred to, with nothing
	// said in the sentence, is no claim; as a subject ("The ministry’s statement called …") or a frame
	// ("In his speech, the minister praised …") it speaks.
	const speaks = w.deprel.startsWith('nsubj') || syn.dependents(h, 'case').some((d) => syn.words[d].text.toLowerCase() === 'in');
	if (!a.content && cue.word?.speech && !said && (definite || !speaks)) return null;
	return a;
}

// "Sanders, meanwhile, who sits at zero such endorsements, said …": after a long parenthetical the parser
// often makes the name the root and the verb a `parataxis` of it, with no subject; the name is the subject
// (its name chain, without the parenthetical).
function paratacticSubject(p: UnitParse, h: number): TokenRange | null {
	const { syn } = p;
	const w = syn.words[h];
	const g = w.head;
	if (!w.deprel.startsWith('parataxis') || g < 0 || g >= h || !/^(PROPN|NOUN|PRON)$/.test(syn.words[g].upos)) return null;
	if (syn.dependents(h, 'nsubj', 'nsubj:pass', 'expl').length || syn.words[g].deprel !== 'root') return null;
	const [lo, hi] = syn.extent(g, (rel) => /^(acl|appos|punct|advmod|parataxis|nmod|obl|conj|cc|dep)/.test(rel));
	return hi < h ? p.tokens(lo, hi) : null;
}

// "a sentiment endorsed by the 10,000 people in the arena": a participle after its noun, with an agent.
function reducedPassive(p: UnitParse, h: number): boolean {
	const { syn } = p;
	return syn.words[h].deprel.startsWith('acl') && !syn.dependents(h, 'nsubj').length && syn.agentOf(h) >= 0;
}

// The subject of verb word `h` (or the agent of a passive) as tokens.
function subjectRange(p: UnitParse, h: number): TokenRange | null {
	const { syn } = p;
	if (syn.isPassive(h) || reducedPassive(p, h)) {
		const agent = syn.agentOf(h);
		if (agent < 0) return null;
		const [lo, hi] = syn.nounPhrase(agent);
		let first = lo;
		while (first < hi && syn.words[first].upos === 'ADP') first++;
		return p.tokens(first, hi);
	}
	const sp = syn.subjectPhrase(h, namesPeople);
	return sp ? p.tokens(sp[0], sp[1]) : null;
}

// Nouns of groups of people, beside the roles: "who" can stand for them.
const PEOPLE = new Set(
	'people persons voters members residents supporters experts critics workers citizens delegates students parents teachers officials protesters demonstrators lawmakers legislators families victims survivors patients fans volunteers donors investors analysts economists scientists researchers doctors nurses'.split(
		' ',
	),
);
const namesPeople = (w: string) => PEOPLE.has(w) || PERSON_ROLES.has(w) || PERSON_ROLES.has(w.replace(/s$/, ''));

// "said a properly calibrated carbon price could work": the parser took the subject of a reported
// clause for an object, and a verb follows the "object" in the same clause.
function clauseAfter(p: UnitParse, o: number, h: number): boolean {
	const { syn } = p;
	if (o < h) return false;
	const end = syn.extent(o)[1];
	for (let k = end + 1; k < syn.words.length && k <= end + 3; k++) {
		const w = syn.words[k];
		if (w.upos === 'PUNCT' || w.upos === 'CCONJ' || w.upos === 'SCONJ') return false;
		if (w.upos === 'AUX' || (w.upos === 'VERB' && !/^(acl|amod)/.test(w.deprel))) return true;
	}
	return false;
}

// "…, saying it is time", "while saying that", "is expected to argue that", "refusing to concede that":
// a participle or infinitive without a subject of its own speaks for the subject of the verb it hangs on.
function governorSubject(p: UnitParse, h: number): TokenRange | null {
	const { syn } = p;
	let k = h;
	for (let step = 0; step < 3; step++) {
		const w = syn.words[k];
		if (w.head < 0) return null;
		const participle = /ing$/i.test(w.text) && syn.dependents(k, 'mark').every((m) => /^(while|after|before|by|in|when)$/i.test(syn.words[m].text));
		// "returned to the stage to reveal …": an infinitive of purpose has its clause's subject too.
		if (!(w.deprel.startsWith('xcomp') || (w.deprel.startsWith('advcl') && (participle || syn.isInfinitive(k))) || w.deprel.startsWith('conj'))) return null;
		k = w.head;
		const sp = syn.subjectPhrase(k, namesPeople);
		if (sp) return p.tokens(sp[0], sp[1]);
	}
	return null;
}

// "gathered last week to discuss", "spent Friday discussing": the nominal the parser took for the subject is a
// time, no speaker.
// The noun the time belongs to speaks, when there is one before the verb ("a survey published Friday found").
function spoken(ctx: ClaimContext, p: UnitParse, h: number, r: TokenRange | null): TokenRange | null {
	if (!r) return null;
	for (let t = r.first; t < r.last; t++) if (!TIME_WORDS.has(ctx.lower[t])) return r;
	const { syn } = p;
	// The noun right before the time, past a verb and its preposition ("a survey published Friday", "members
	// gathered last week", "data published on Monday").
	let k = p.word(r.first) - 1;
	if (k >= 0 && syn.words[k].upos === 'ADP') k--;
	if (k >= 0 && syn.words[k].upos === 'VERB') k--;
	if (k < 0 || k >= h || !/^(NOUN|PROPN)$/.test(syn.words[k].upos)) return null;
	const [lo] = syn.nounPhrase(k);
	return lo <= k ? p.tokens(lo, k) : null;
}

// A word-list source no reader would call a speaker: only adverbs, prepositions, conjunctions and
// particles in the parse ("have long complained", "Moreover"), or a lone verb form ("Asked by …",
// "can be heard asking") that is not right before its cue (a name the tagger took for a verb is).
function implausible(ctx: ClaimContext, p: UnitParse, r: TokenRange, cue: Cue): boolean {
	const upos: string[] = [];
	for (let t = r.first; t < r.last; t++) {
		const k = p.word(t);
		if (k >= 0) upos.push(p.syn.words[k].upos);
	}
	// A capitalised word right before the cue may be a name the tagger misread ("Mulally says").
	const name = isCapitalized(ctx.doc.tokens[r.first].text) && r.last === cue.first;
	if (!upos.length || name) return false;
	if (upos.every((u) => /^(ADV|ADP|SCONJ|CCONJ|PART|INTJ|AUX|PUNCT)$/.test(u))) return true;
	// A lone article ("the", where the word lists stopped short) is no speaker; "both", "all", "each" may be.
	if (r.last - r.first === 1 && /^(the|a|an)$/.test(ctx.lower[r.first])) return true;
	// An amount is no speaker: "spent $4 million defending the map".
	if (upos.every((u) => u === 'NUM' || u === 'SYM') && /\d/.test(ctx.doc.text.slice(ctx.doc.tokens[r.first].start, ctx.doc.tokens[r.last - 1].end)))
		return true;
	return upos.length === 1 && upos[0] === 'VERB';
}

// The phrase is the object of an earlier verb the cue does not hang on: "groups that filed the lawsuit
// welcomed …" (but "urged the minister to testify": the minister testifies).
function objectOfAnother(p: UnitParse, r: TokenRange, h: number): boolean {
	const { words } = p.syn;
	const lo = p.word(r.first);
	const hi = p.word(r.last - 1);
	if (h < 0 || lo < 0 || hi < lo || hi >= h) return false;
	for (let k = lo; k <= hi; k++) {
		const w = words[k];
		if (w.head >= lo && w.head <= hi) continue;
		// The phrase's head: an object, of a verb before the phrase that the cue does not hang on.
		// ("will receive a letter telling them …": the participle describes the object, which speaks.)
		if (!/^(obj|iobj)/.test(w.deprel) || w.head < 0 || w.head >= lo || words[h].head === k) return false;
		// "urged the minister to testify": the minister testifies; a conjunct of that verb is left to the word lists.
		if (words[h].head === w.head && (p.syn.isNonFinite(h) || words[h].deprel === 'conj')) return false;
		// Right after its verb: across a quotation's end or a comma the parse is no guide ("… for granted,” Lael Brainard said").
		for (let j = w.head + 1; j < lo; j++) if (words[j].upos === 'PUNCT') return false;
		return true;
	}
	return false;
}

function opensSpeech(ctx: ClaimContext, k: number): boolean {
	const w = ctx.lower[k] ?? '';
	return w === ':' || isOpeningQuote(w) || isClosingQuote(w) || (w === ',' && isOpeningQuote(ctx.lower[k + 1] ?? ''));
}

// The parse's subject is the word lists' phrase with a few more words before it ("The appeals court",
// where "appeals" stopped the word lists), and no punctuation: the fuller name.
function fuller(ctx: ClaimContext, subject: TokenRange, source: TokenRange): boolean {
	if (subject.first >= source.first || subject.last !== source.last || source.first - subject.first > 4) return false;
	for (let k = subject.first; k < source.first; k++) if (ctx.doc.tokens[k].kind === 'punct' || TIME_CLAUSE_OPENERS.has(ctx.lower[k])) return false;
	return true;
}

function followsPreposition(ctx: ClaimContext, r: TokenRange): boolean {
	// ("one day after a poll showed …": "after" opens the poll's own clause.)
	return r.first > 0 && PREPOSITIONS.has(ctx.lower[r.first - 1]) && !TIME_CLAUSE_OPENERS.has(ctx.lower[r.first - 1]);
}

function overlaps(a: TokenRange, b: TokenRange): boolean {
	return a.first < b.last && b.first < a.last;
}
