/**
 * Reporting cues: the words that introduce what someone said, announced,
 * expected or feared ("said", "according to", "in a statement", "fears of").
 * A cue is one word, as in news-event annotation, except fixed frames:
 * "according to", "quoted as saying", "said in a statement".
 */
import type { Sentence } from '../document';
import { skipLeft } from './phrases';
import { closesQuoteBefore, isCapitalized, isClosingQuote, isOpeningQuote, isPossessive, isSentenceStart, type ClaimContext } from './context';
import {
	ARTICLES,
	AUXILIARIES,
	CLAUSE_OPENERS,
	CUE_NOUNS,
	CUE_PREPOSITIONS,
	CUE_WORDS,
	DEGREE_WORDS,
	DETERMINERS,
	POSSESSIVE_PRONOUNS,
	STATEMENT_NOUNS,
	SUBJECT_PRONOUNS,
	TIME_WORDS,
	type CueWord,
} from './lexicon';

/**
 * `label`: a transcript's speaker label ("TAPPER: …"); `according` also covers "In a Gallup poll, …";
 * `adverb`: a report with its source left out on purpose ("was reportedly on the flight").
 */
export type CueFrame = 'verb' | 'noun' | 'according' | 'label' | 'adverb';

export interface Cue {
	/** Token range of the cue, `last` exclusive. */
	first: number;
	last: number;
	/** Token of the cue word itself. */
	head: number;
	/** The lexicon entry; null for "according to". */
	word: CueWord | null;
	frame: CueFrame;
	/** A cue only if the parse shows it taking a reported clause (or, for "call", an object and its predicate). */
	needsParse?: boolean;
}

const TO_NEXT = new Set(['to', 'that', 'on', 'for', 'with']);
// Prepositions that may open a short frame between a cue and its clause: "added in a statement that".
const FRAME_PREPOSITIONS = new Set(['in', 'on', 'to', 'at', 'during', 'via', 'through', 'with']);

/** Finds the cues of one sentence in text order, inside quotations too (“We expect…” is a claim of its own). */
export function findCues(ctx: ClaimContext, s: Sentence): Cue[] {
	const out: Cue[] = [];
	const label = speakerLabel(ctx, s);
	if (label) out.push(label);
	else if (pollFrame(ctx, s)) out.push({ first: s.first, last: s.first + 1, head: s.first, word: null, frame: 'according' });
	for (let i = label ? label.last : s.first; i < s.last; i++) {
		const w = ctx.lower[i];
		if (w === 'according' && ctx.lower[i + 1] === 'to' && i + 1 < s.last) {
			out.push({ first: i, last: i + 2, head: i, word: null, frame: 'according' });
			i++;
			continue;
		}
		const fixed = fixedCue(ctx, s, i);
		if (fixed) {
			out.push(fixed);
			i = fixed.last - 1;
			continue;
		}
		const word = CUE_WORDS.get(w);
		if (!word || idiom(ctx, s, i) || markupTag(ctx, s, i)) continue;
		let frame = cueFrame(ctx, s, i, word);
		// "called the plan a disgrace", "a study found that": verbs the parse has to vouch for; and a verb that
		// reports only a clause when no "that" opens it ("added the plan would cost more"): the parse's complement.
		const needsParse = word.need === 'grammar' || (!frame && (word.lemma === 'call' || zeroThat(ctx, s, i, word)));
		if (needsParse && !frame && !isCapitalized(ctx.doc.tokens[i].text)) frame = 'verb';
		if (!frame) continue;
		const last = frame === 'verb' ? extendFrame(ctx, s, i) : i + 1;
		out.push(needsParse ? { first: i, last, head: i, word, frame, needsParse } : { first: i, last, head: i, word, frame });
		i = last - 1;
	}
	return out;
}

// Cues of a fixed shape, tried at each token before the word lists: each answers null at once for a word
// it does not start with.
const FIXED_CUES: ((ctx: ClaimContext, s: Sentence, i: number) => Cue | null)[] = [
	noComment,
	reportAdverb,
	seeming,
	phrasalCue,
	topicCue,
	inTheirView,
	voicedAttitude,
	documentReads,
];

function fixedCue(ctx: ClaimContext, s: Sentence, i: number): Cue | null {
	for (const find of FIXED_CUES) {
		const cue = find(ctx, s, i);
		if (cue) return cue;
	}
	return null;
}

// A one-word cue of a fixed shape.
const single = (i: number, word: CueWord, frame: CueFrame): Cue => ({ first: i, last: i + 1, head: i, word, frame });

// Adverbs that say the sentence was reported by someone left unnamed: "Khoga was reportedly on that trip".
const REPORT_ADVERBS = new Set(['reportedly', 'allegedly', 'purportedly', 'reputedly', 'supposedly']);

function reportAdverb(ctx: ClaimContext, _s: Sentence, i: number): Cue | null {
	const w = ctx.lower[i];
	return REPORT_ADVERBS.has(w) && !ctx.quoted[i] ? single(i, { lemma: w, need: 'always', nounOk: false, speech: true }, 'adverb') : null;
}

// "The senator appeared to back down", "it seems that …", "the race seemed close": how things look to the
// writer, a judgement with no one else's name on it (as "reportedly" is a report). "appeared on television",
// "appeared in court" are appearances.
const SEEMING = new Map(['seem', 'seems', 'seemed', 'appear', 'appears', 'appeared'].map((w) => [w, w.startsWith('seem') ? 'seem' : 'appear']));
function seeming(ctx: ClaimContext, s: Sentence, i: number): Cue | null {
	const lemma = SEEMING.get(ctx.lower[i]);
	if (!lemma || ctx.quoted[i] || i + 2 >= s.last || isCapitalized(ctx.doc.tokens[i].text)) return null;
	const next = ctx.lower[i + 1];
	const after = ctx.lower[i + 2];
	const toVerb =
		next === 'to' &&
		ctx.doc.tokens[i + 2].kind === 'word' &&
		!ARTICLES.has(after) &&
		!DETERMINERS.has(after) &&
		!POSSESSIVE_PRONOUNS.has(after) &&
		!isCapitalized(ctx.doc.tokens[i + 2].text);
	if (!(toVerb || next === 'like' || next === 'that')) return null;
	return single(i, { lemma, need: 'always', nounOk: false, speech: false }, 'adverb');
}

// Verbs with a particle that make a statement of words that alone make none: "pointed out", "made it clear",
// "called out", "lashed out at", "railed against", "pushed for", "referring to". One cue through the particle.
const PHRASAL: [string, string][] = [
	['point points pointed pointing', 'out'],
	['call calls called calling', 'out'],
	['lash lashes lashed lashing', 'out'],
	['rail rails railed railing', 'against'],
	['push pushes pushed pushing', 'for'],
	['referring', 'to'],
	['make makes made making', 'clear'],
];
const PHRASAL_VERBS = new Map(
	PHRASAL.flatMap(([forms, particle]) => {
		const lemma = forms.split(' ')[0].replace(/ing$/, '');
		return forms.split(' ').map((f) => [f, { particle, word: { lemma, need: 'always', nounOk: false, speech: true } as CueWord }] as const);
	}),
);
function phrasalCue(ctx: ClaimContext, s: Sentence, i: number): Cue | null {
	const v = PHRASAL_VERBS.get(ctx.lower[i]);
	if (!v || (i > s.first && (ARTICLES.has(ctx.lower[i - 1]) || POSSESSIVE_PRONOUNS.has(ctx.lower[i - 1])))) return null;
	// "made it clear": one object pronoun may stand before the particle.
	const k = v.particle === 'clear' && ctx.lower[i + 1] === 'it' ? i + 2 : i + 1;
	if (k >= s.last || ctx.lower[k] !== v.particle) return null;
	// "made clear" needs what is made clear: a clause or an object after it ("made clear that …").
	if (v.particle === 'clear' && (k + 1 >= s.last || ctx.doc.tokens[k + 1].kind === 'punct')) return null;
	return { first: i, last: k + 1, head: i, word: v.word, frame: 'verb' };
}

// Speaking of a topic: "the senator discussed the bill", "the mayor talked about the ferry fares". Told in the
// article, not inside a quotation ("“we are talking about jobs”"), and not in the passive ("a
// plan that was talked about for years").
const DISCUSS: CueWord = { lemma: 'discuss', need: 'always', nounOk: false, speech: true };
const TALK: CueWord = { lemma: 'talk', need: 'always', nounOk: false, speech: true };
const DISCUSS_FORMS = new Set(['discuss', 'discussed', 'discusses', 'discussing']);
const TALK_FORMS = new Set(['talk', 'talks', 'talked', 'talking']);
const BE_FORMS = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were']);
function topicCue(ctx: ClaimContext, s: Sentence, i: number): Cue | null {
	const w = ctx.lower[i];
	const talk = TALK_FORMS.has(w) && ctx.lower[i + 1] === 'about' && i + 2 < s.last;
	if (!(talk || DISCUSS_FORMS.has(w)) || ctx.quoted[i] || isCapitalized(ctx.doc.tokens[i].text)) return null;
	const prev = i > s.first ? ctx.lower[i - 1] : '';
	if (ARTICLES.has(prev) || POSSESSIVE_PRONOUNS.has(prev) || (w.endsWith('ed') && BE_FORMS.has(prev))) return null;
	return talk ? { first: i, last: i + 2, head: i, word: TALK, frame: 'verb' } : single(i, DISCUSS, 'verb');
}

// What a speaker would not say is a statement of its own: "declined to comment", "refused to say whether".
const REFUSALS = new Set(['decline', 'declined', 'declines', 'declining', 'refuse', 'refused', 'refuses', 'refusing']);
const REFUSED = new Set([
	'comment',
	'say',
	'speculate',
	'elaborate',
	'specify',
	'discuss',
	'confirm',
	'answer',
	'respond',
	'disclose',
	'reveal',
	'identify',
	'name',
]);
const REFUSAL: CueWord = { lemma: 'decline', need: 'always', nounOk: false, speech: true };

// "declined to comment": one cue from the refusal to the verb of saying, whose speaker is the refusal's subject.
function noComment(ctx: ClaimContext, s: Sentence, i: number): Cue | null {
	if (!REFUSALS.has(ctx.lower[i]) || ctx.lower[i + 1] !== 'to' || i + 2 >= s.last || !REFUSED.has(ctx.lower[i + 2])) return null;
	return { first: i, last: i + 3, head: i, word: REFUSAL, frame: 'verb' };
}

/** Nouns of a held view that frame a sentence as someone's: "In Professor Knittel's view, …". */
export const VIEW_NOUNS = new Set(['view', 'opinion', 'estimation', 'judgment', 'judgement', 'assessment', 'reckoning']);

// "In Professor Knittel's view, the plan fails", "in their opinion, …": the possessor's claim, what follows the comma.
function inTheirView(ctx: ClaimContext, s: Sentence, i: number): Cue | null {
	const w = ctx.lower[i];
	if (!VIEW_NOUNS.has(w) || ctx.lower[i + 1] !== ',' || i + 2 >= s.last) return null;
	const prev = ctx.lower[i - 1] ?? '';
	if (!(isPossessive(prev) || POSSESSIVE_PRONOUNS.has(prev))) return null;
	for (let k = i - 1; k >= s.first && i - k <= 6; k--)
		if (ctx.lower[k] === 'in') return single(i, { lemma: w, need: 'always', nounOk: true, speech: true }, 'noun');
	return null;
}

// "expressed concern that …", "voiced support for …", "raised serious doubts about …": a stance put into words,
// one cue from the verb to the noun of the stance (at most two words between), the verb's subject its holder.
const STANCES =
	'concern confidence support hope doubt frustration regret opposition optimism skepticism scepticism shock surprise disappointment outrage fear worry objection reservation dismay alarm anger sympathy';
// Each verb's forms (the first is its lemma) and the nouns of what it puts into words, singular and plural.
const VOICING = new Map(
	(
		[
			['express expressed expresses expressing', `${STANCES} gratitude interest`],
			['voice voiced voices voicing', STANCES],
			['raise raised raises raising', 'concern question doubt fear objection alarm'],
			// "offered a spirited defense of the toll", "made the case that …", "has made several angry remarks".
			[
				'offer offered offers offering',
				'defense defence assessment evaluation idea praise apology condolence explanation criticism thought advice word view opinion prediction retort rebuttal endorsement critique warning reassurance guarantee assurance',
			],
			[
				'make made makes making',
				'comment statement remark case suggestion observation claim promise reference pledge argument accusation allegation prediction announcement appeal pitch plea',
			],
		] as const
	).flatMap(([forms, nouns]) => {
		const [lemma] = forms.split(' ');
		const stance = new Set(nouns.split(' ').flatMap((n) => [n, n.endsWith('y') ? `${n.slice(0, -1)}ies` : `${n}s`]));
		return forms.split(' ').map((f) => [f, { lemma, stance }] as const);
	}),
);
function voicedAttitude(ctx: ClaimContext, s: Sentence, i: number): Cue | null {
	const verb = VOICING.get(ctx.lower[i]);
	if (!verb || (i > s.first && (ARTICLES.has(ctx.lower[i - 1]) || POSSESSIVE_PRONOUNS.has(ctx.lower[i - 1])))) return null;
	for (let k = i + 1; k < s.last && k <= i + 3; k++) {
		// "make sure promises …", "make case-by-case rulings": no stance named.
		if (ctx.lower[k] === 'sure') return null;
		if (verb.stance.has(ctx.lower[k]) && ctx.lower[k + 1] !== '-')
			return { first: i, last: k + 1, head: i, word: { lemma: verb.lemma, need: 'always', nounOk: false, speech: true }, frame: 'verb' };
		if (ctx.doc.tokens[k].kind !== 'word') return null;
	}
	return null;
}

// What a document says: "Their statement also read “…”", "the sign reads: …". The document is the source,
// so its noun is no cue of its own.
const READ: CueWord = { lemma: 'read', need: 'always', nounOk: false, speech: true };
const WRITINGS = new Set([
	...STATEMENT_NOUNS,
	'note',
	'sign',
	'caption',
	'headline',
	'notice',
	'banner',
	'placard',
	'report',
	'ruling',
	'order',
	'judgment',
	'verdict',
]);
function documentReads(ctx: ClaimContext, s: Sentence, i: number): Cue | null {
	const w = ctx.lower[i];
	if ((w !== 'read' && w !== 'reads') || i + 1 >= s.last) return null;
	let k = i - 1;
	while (k > s.first && AUXILIARIES.has(ctx.lower[k])) k--;
	if (k < s.first || !WRITINGS.has(ctx.lower[k])) return null;
	const next = ctx.lower[i + 1];
	return next === ':' || next === ',' || next === 'that' || isOpeningQuote(next) ? single(i, READ, 'verb') : null;
}

// "<tweet id=…>": a markup tag's name left in a pasted text is no word of the article.
function markupTag(ctx: ClaimContext, s: Sentence, i: number): boolean {
	const prev = i > s.first ? ctx.lower[i - 1] : '';
	return (prev === '<' || prev === '</' || (prev === '/' && ctx.lower[i - 2] === '<')) && ctx.doc.tokens[i - 1].end === ctx.doc.tokens[i].start;
}

// A verb that reports a clause, used as a verb, with no "that" or quotation after it: the parse may find the clause.
function zeroThat(ctx: ClaimContext, s: Sentence, i: number, word: CueWord): boolean {
	if (word.need !== 'clause' || i === s.first) return false;
	const prev = ctx.lower[i - 1];
	return !ARTICLES.has(prev) && !POSSESSIVE_PRONOUNS.has(prev) && !isPossessive(prev);
}

// Fixed phrases built on a verb of saying that report nothing: "That said, …", "Having said that, …",
// "That being said", "needless to say", "suffice it to say", "to say the least", "that is to say",
// "so to speak", and "say" meaning "for example" ("a city like, say, Lyon"); and what a sentence says was
// not said.
function idiom(ctx: ClaimContext, s: Sentence, i: number): boolean {
	const l = (k: number) => (k >= s.first && k < s.last ? ctx.lower[k] : '');
	const w = l(i);
	if (w === 'said') {
		if (l(i - 1) === 'that' && l(i + 1) === ',' && (i - 1 === s.first || ctx.doc.tokens[i - 2].kind === 'punct')) return true;
		if (l(i - 1) === 'having' && /^(that|this)$/.test(l(i + 1)) && l(i + 2) === ',') return true;
		return l(i - 1) === 'being' && /^(that|this)$/.test(l(i - 2));
	}
	if (w === 'say' && l(i - 1) === ',' && l(i + 1) === ',') return true;
	// "Instead of calling himself a conservative, …", "without saying why", "rather than announcing …": what
	// was not said.
	if (w.endsWith('ing') && (l(i - 1) === 'without' || (l(i - 1) === 'of' && l(i - 2) === 'instead') || (l(i - 1) === 'than' && l(i - 2) === 'rather')))
		return true;
	if (l(i - 1) !== 'to') return false;
	if (w === 'speak') return l(i - 2) === 'so';
	if (w !== 'say') return false;
	const before = l(i - 2);
	return (
		before === 'needless' ||
		before === 'suffice' ||
		(before === 'it' && l(i - 3) === 'suffice') ||
		(before === 'is' && l(i - 3) === 'that') ||
		(l(i + 1) === 'the' && l(i + 2) === 'least')
	);
}

// Words in capitals before a colon that head a line without being a speaker.
const NOT_SPEAKERS = new Set(
	'update updated breaking note watch related video photo photos read more correction editor source sources warning exclusive live alert also fact check transcript q a pm am'.split(
		' ',
	),
);

// "TAPPER: Donald Trump released a video …", "JAKE TAPPER: …": a transcript's speaker label, one to
// three words in capitals at the start of a sentence, then a colon and what the speaker says.
function speakerLabel(ctx: ClaimContext, s: Sentence): Cue | null {
	const { tokens } = ctx.doc;
	let k = s.first;
	while (k < s.last && k - s.first < 3 && tokens[k].kind === 'word' && /^\p{Lu}[\p{Lu}'’.-]+$/u.test(tokens[k].text) && !NOT_SPEAKERS.has(ctx.lower[k])) k++;
	if (k === s.first || ctx.lower[k] !== ':' || k + 2 >= s.last) return null;
	return { first: k, last: k + 1, head: k, word: null, frame: 'label' };
}

// Nouns of a survey whose findings a sentence opened by "In a … poll," reports.
const POLL_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys']);

// "In a Des Moines Register poll last month, Mr. Cruz had …": the poll is the source of the sentence.
function pollFrame(ctx: ClaimContext, s: Sentence): boolean {
	if (ctx.lower[s.first] !== 'in') return false;
	for (let k = s.first + 1; k < s.last && k - s.first <= 10; k++) {
		if (POLL_NOUNS.has(ctx.lower[k])) return true;
		if (ctx.lower[k] === ',' || ctx.doc.tokens[k].kind === 'punct') return false;
	}
	return false;
}

// Decides whether token `i` is used as a cue here, and as a verb or a noun.
function cueFrame(ctx: ClaimContext, s: Sentence, i: number, word: CueWord): CueFrame | null {
	const tok = ctx.doc.tokens[i];
	if (isCapitalized(tok.text) && !isSentenceStart(ctx, i)) return null;
	const prev = i > s.first ? ctx.lower[i - 1] : '';
	const next = i + 1 < s.last ? ctx.lower[i + 1] : '';
	// "announced plans Friday to…": a time word may sit between the cue and its "to".
	let n = i + 1;
	while (n < s.last && n - i < 4 && (TIME_WORDS.has(ctx.lower[n]) || ctx.doc.tokens[n].kind === 'number')) n++;
	const nounUse = ARTICLES.has(prev) || POSSESSIVE_PRONOUNS.has(prev) || isPossessive(prev) || afterAmount(ctx, s, i);
	if (CUE_NOUNS.has(ctx.lower[i])) return 'noun';
	if (DEGREE_WORDS.has(prev) && word.need !== 'prep') return null;
	if (nounUse && !word.nounOk) return null;
	const frame: CueFrame = nounUse ? 'noun' : 'verb';
	switch (word.need) {
		case 'always':
			return frame;
		case 'to':
			return TO_NEXT.has(ctx.lower[n] ?? '') && n < s.last ? frame : null;
		case 'prep':
			return CUE_PREPOSITIONS.has(next) || isOpeningQuote(next) ? frame : null;
		case 'as':
			return next === 'as' || next === 'by' ? frame : null;
		case 'clause':
			// "continued to fall" is no speech.
			if (word.lemma === 'continue' && (next === 'to' || next === 'with')) return null;
			return !nounUse && ((introducesClause(ctx, s, i) && hasSpeaker(ctx, s, i)) || invertedAfterQuote(ctx, s, i)) ? 'verb' : null;
		case 'grammar':
			return nounUse ? null : 'verb';
	}
}

/** Words of an amount before a noun: "a $160 million emergency appeal", "a 10,000-strong call". */
const AMOUNT_WORDS = new Set(['$', '€', '£', '¥', '₹', 'thousand', 'million', 'billion', 'trillion', '-']);

// A noun after an amount that an article opens ("a $160 million emergency appeal"): the amount is no
// subject, so the cue is a noun, not a verb. At most one word may stand between the amount and the noun.
function afterAmount(ctx: ClaimContext, s: Sentence, i: number): boolean {
	let k = i - 1;
	if (k >= s.first && ctx.doc.tokens[k].kind === 'word' && !AMOUNT_WORDS.has(ctx.lower[k])) k--;
	let amount = false;
	for (; k >= s.first; k--) {
		const t = ctx.doc.tokens[k];
		if (t.kind === 'number' || AMOUNT_WORDS.has(ctx.lower[k])) amount ||= t.kind === 'number';
		else break;
	}
	return amount && k >= s.first && ARTICLES.has(ctx.lower[k]);
}

// "added that", "noted:", "…, he added." — a clause, a quotation or the sentence's end follows,
// possibly after a short frame such as "in a statement" or "on Twitter".
function introducesClause(ctx: ClaimContext, s: Sentence, i: number): boolean {
	for (let k = i + 1, n = 0; k <= s.last && n < 6; k++, n++) {
		if (k === s.last) return true;
		const w = ctx.lower[k];
		const t = ctx.doc.tokens[k];
		if (CLAUSE_OPENERS.has(w) || w === ':' || w === ',' || w === ';' || isOpeningQuote(w) || isClosingQuote(w)) return true;
		if (t.kind === 'punct') return /^[.!?…]+$/.test(w);
		if (n === 0 && !FRAME_PREPOSITIONS.has(w)) return false;
	}
	return false;
}

// "“…,” wrote Jared Bernstein", "“…,” added the minister": the speaker after the verb, right after a quotation.
function invertedAfterQuote(ctx: ClaimContext, s: Sentence, i: number): boolean {
	if (!closesQuoteBefore(ctx, i, s.first) || i + 1 >= s.last) return false;
	return isCapitalized(ctx.doc.tokens[i + 1].text) || ARTICLES.has(ctx.lower[i + 1]);
}

// "he added", "the minister noted", "officials stated", "…,” added Smith — these verbs are also nouns
// ("the same state that", "third states,"), so they count only right after a likely speaker.
function hasSpeaker(ctx: ClaimContext, s: Sentence, i: number): boolean {
	const p = skipLeft(ctx, i, s.first).j;
	if (p < s.first) return false;
	const prev = ctx.lower[p];
	if (prev === ',' || isClosingQuote(prev) || SUBJECT_PRONOUNS.has(prev) || isCapitalized(ctx.doc.tokens[p].text)) return true;
	// A plural noun ("officials") or a noun after an article ("the minister").
	return (prev.length > 3 && prev.endsWith('s') && !prev.endsWith('ss')) || (p - 1 >= s.first && ARTICLES.has(ctx.lower[p - 1]));
}

// "said in a statement", "told reporters in an interview", "quoted as saying": one cue.
function extendFrame(ctx: ClaimContext, s: Sentence, i: number): number {
	const l = ctx.lower;
	if (l[i] === 'quoted' && l[i + 1] === 'as' && CUE_WORDS.get(l[i + 2] ?? '')?.lemma === 'say' && i + 2 < s.last) return i + 3;
	let k = i + 1;
	if (l[k] !== 'in' && l[k] !== 'on') return i + 1;
	k++;
	if (DETERMINERS.has(l[k]) || POSSESSIVE_PRONOUNS.has(l[k])) k++;
	// One modifier is allowed: "in a written statement", "in a televised speech".
	if (k < s.last && !STATEMENT_NOUNS.has(l[k]) && ctx.doc.tokens[k].kind === 'word') k++;
	return k < s.last && STATEMENT_NOUNS.has(l[k]) ? k + 1 : i + 1;
}
