/**
 * Word lists for the claim finder: reporting and belief cues with the
 * context each needs, and the small closed classes the source finder walks over.
 */

/**
 * When a cue word counts:
 * - `always`: any use (a preceding determiner still makes it a noun or adjective, see `nounOk`);
 * - `clause`: only before a reported clause or quotation (`that`, `:`, `,`, a quote) or at a clause end —
 *   "he added that…", "…, he added." but not "it added software";
 * - `to`: only before `to`, `that`, `on`, `for` or `with` — "plans to", "agreed with", "hopes that";
 * - `prep`: only before a preposition that names what is feared or called for — "fears of", "calls for";
 * - `as`: only before `as` or an agent's `by` — "is seen as", "viewed by investors as";
 * - `grammar`: only when the parse shows the verb taking a reported clause ("a study found that …",
 *   "polls show the race tightening", "she wrote that …") or, for "call", an object and its
 *   predicate ("called the plan a disgrace"): verbs whose other uses are far more common, and which
 *   are no cues at all without a syntax model.
 */
export type CueNeed = 'always' | 'clause' | 'to' | 'prep' | 'as' | 'grammar';

export interface CueWord {
	lemma: string;
	need: CueNeed;
	/** The word is (also) a noun, so "the statement", "his claims" are cues too. */
	nounOk: boolean;
	/** A speech act (say, announce) rather than a state of mind (expect, fear). */
	speech: boolean;
}

// Each group: lemma followed by its forms. `*` marks the forms that are also nouns; a lemma ending in `:` is not a cue itself.
const GROUPS: [CueNeed, boolean, string][] = [
	['always', true, 'say said says saying|tell told tells telling|announce announced announces announcing|declare declared declares declaring'],
	['always', true, 'claim* claimed claims* claiming|accuse accused accuses accusing|deny denied denies denying|confirm confirmed confirms confirming'],
	['always', true, 'warn warned warns warning*|report* reported reporting reports*|insist insisted insists insisting|argue argued argues arguing'],
	['always', true, 'explain explained explains explaining|predict predicted predicts predicting|acknowledge acknowledged acknowledges acknowledging'],
	['always', true, 'admit admitted admits admitting|reveal revealed reveals revealing|urge urged urges urging|suggest suggested suggests suggesting'],
	[
		'always',
		true,
		'allege alleged alleges alleging|assert asserted asserts asserting|concede conceded concedes conceding|disclose disclosed discloses disclosing',
	],
	[
		'always',
		true,
		'cite cited cites citing|describe described describes describing|quote quoted quotes* quoting|comment commented comments* commenting|reject rejected rejects rejecting',
	],
	['always', true, 'ask asked asks asking|demand: demanded demanding|contend contended contends contending|reiterate reiterated reiterates reiterating'],
	['always', true, 'promise promised promises* promising|pledge pledged pledges* pledging|vow vowed vows* vowing|threaten threatened threatens threatening'],
	[
		'always',
		true,
		'testify testified testifies testifying|tweet tweeted|criticize criticized criticizes criticizing|criticise criticised criticises criticising',
	],
	['always', true, 'complain complained complains complaining|blame blamed blames blaming|condemn condemned condemns condemning|speak spoke speaking'],
	['always', true, 'recommend recommended recommends recommending|propose proposed proposes proposing|forecast forecasts* forecasted forecasting'],
	['always', false, 'expect expected expects expecting|believe believed believes believing|think thinks thinking|estimate estimated estimates* estimating'],
	['always', false, 'anticipate anticipated anticipates anticipating|consider considered considers considering|doubt doubted doubts* doubting'],
	['always', false, 'want wanted wants|intend intended intends|decide decided decides|prefer prefers preferred|conclude concluded concludes concluding'],
	['always', false, 'envision envisioned envisions|envisage envisaged envisages|refuse refused refuses refusing'],
	['always', true, 'state: stated stating|applaud applauded applauds applauding|praise praised praises praising|welcome: welcomed welcomes welcoming'],
	['always', false, 'fear* feared fears* fearing|worry* worried worries* worrying'],
	['always', true, 'blast blasted blasts blasting|slam slammed slams slamming|mock mocked mocks mocking|recount recounted recounts recounting'],
	// A message sent is a statement to someone ("the ministry emailed journalists"), whatever it held.
	['always', true, 'email: emailed'],
	// Criticism put into words: "denounced the ruling", "assailed his rival".
	['always', true, 'denounce denounced denounces denouncing|assail assailed assails assailing|lambaste lambasted lambastes lambasting'],
	[
		'always',
		true,
		'bemoan bemoaned bemoans bemoaning|rebuke rebuked rebukes rebuking|berate berated berates berating|excoriate excoriated excoriates excoriating',
	],
	[
		'always',
		true,
		'chastise chastised chastises chastising|castigate castigated castigates castigating|deride derided derides deriding|ridicule ridiculed ridicules ridiculing',
	],
	['always', true, 'retweet retweeted retweets retweeting|lament lamented laments lamenting|decry decried decries decrying|tout touted touts touting'],
	['always', false, 'endorse endorsed endorses endorsing|defend defended defends defending|oppose opposed opposes opposing'],
	[
		'clause',
		true,
		'add added adds adding|note noted notes noting|state states|stress stressed stresses stressing|emphasize emphasized emphasizes emphasising emphasised',
	],
	[
		'clause',
		true,
		'maintain maintained maintains maintaining|write wrote writes|reply replied replies replying|respond responded responds responding|thought|continue continued continues',
	],
	// "…,” she posted.", "the club posted on its website.", "her account posted: …" (not "posted a profit").
	['clause', true, 'post: posted'],
	['to', false, 'plan planned plans planning|agree agreed agrees agreeing|hope* hoped hopes* hoping'],
	['grammar', true, 'find found finds|show showed shown shows|recall recalled recalls recalling|indicate indicated indicates indicating'],
	['grammar', true, 'signal signaled signalled signals|observe observed observes|remark remarked remarks|counter countered counters'],
	['grammar', true, 'boast boasted boasts|joke joked jokes|quip quipped quips|hint hinted hints|posit posited posits|charge charged charges'],
	['grammar', true, 'label labeled labelled labels|dub dubbed dubs|brand branded brands'],
	// Verbs of taking a side, with the side as their object ("voters backed the senator", "she supports the bill").
	['grammar', false, 'support supported supports supporting|back backed backs backing|favor favored favors favoring|favour favoured favours favouring'],
	// Verbs of telling and of knowing that report only with a clause ("pointed out that …", "learned that …").
	['grammar', true, 'point pointed points pointing|remind reminded reminds reminding|repeat repeated repeats repeating|imply implied implies implying'],
	['grammar', true, 'assure assured assures assuring|inform informed informs informing|mention mentioned mentions mentioning|confess confessed confesses'],
	['grammar', true, 'exclaim exclaimed exclaims|proclaim proclaimed proclaims|affirm affirmed affirms|caution cautioned cautions cautioning'],
	['grammar', true, 'rule ruled rules|clarify clarified clarifies|speculate speculated speculates|question questioned questions'],
	['grammar', true, 'dispute disputed disputes|email emails|echo echoed echoes|brag bragged brags|swear swore sworn swears'],
	['grammar', false, 'know knew known knows|realize realized realizes realise realised realises|recognize recognized recognizes recognise recognised'],
	['grammar', false, 'learn learned learnt learns|understand understood understands|notice noticed notices|feel felt feels|suspect suspected suspects'],
	['grammar', false, 'assume assumed assumes|guess guessed guesses|imagine imagined imagines|suppose supposed supposes|reckon reckoned reckons'],
	['grammar', false, 'figure figured|hear heard hears'],
	['as', false, 'see: seen sees|view: viewed views|regard: regarded regards'],
	['prep', false, 'call called calls calling|concern* concerns* concerned|appeal* appealed appeals* appealing'],
];

// Nouns that report or voice a claim by themselves: "the statement", "his remarks".
const NOUNS = 'statement statements announcement announcements speech remarks allegation allegations accusation accusations testimony assessment';

function build(): Map<string, CueWord> {
	const out = new Map<string, CueWord>();
	for (const [need, speech, groups] of GROUPS) {
		for (const g of groups.split('|')) {
			const forms = g.split(' ');
			const lemma = forms[0].replace(/[*:]/g, '');
			if (forms[0].endsWith(':')) forms.shift();
			for (const f of forms) out.set(f.replace('*', ''), { lemma, need, nounOk: f.endsWith('*'), speech });
		}
	}
	for (const n of NOUNS.split(' ')) out.set(n, { lemma: n.replace(/s$/, ''), need: 'always', nounOk: true, speech: true });
	return out;
}

/** Cue words by lower-case form. */
export const CUE_WORDS: ReadonlyMap<string, CueWord> = build();

/** Nouns that are cues only as nouns: they need a possessor, an agent or a determiner, never a subject. */
export const CUE_NOUNS: ReadonlySet<string> = new Set(NOUNS.split(' '));

const set = (s: string): ReadonlySet<string> => new Set(s.split(' '));

export { DETERMINERS } from '../words';
/** Degree words that make the next word an adjective: "the most demanding", "very concerned". */
export const DEGREE_WORDS = set('most more less least very so too quite rather extremely highly increasingly');
/** Words that make the next word a noun: "the statement", "his claims" (not "some say", "many believe"). */
export const ARTICLES = set('the a an this these those its his her their our my your no another every');
export const POSSESSIVE_PRONOUNS = set('his her their its our my your');
export const SUBJECT_PRONOUNS = set('he she they it we i you who');
export const PERSONAL_PRONOUNS = set('he she him her his hers');
// Negated auxiliaries in both apostrophe styles: "didn’t", "didn't".
const NEGATED = 'didn’t don’t doesn’t won’t wouldn’t couldn’t shouldn’t hasn’t haven’t hadn’t isn’t wasn’t aren’t weren’t can’t';
export const AUXILIARIES = set(
	`${NEGATED} ${NEGATED.replace(/’/g, "'")} cannot ` +
		"is are was were be been being am has have had having will would shall should can could may might must do does did not n’t n't also later previously again today yesterday tonight recently repeatedly publicly privately officially separately earlier then still already never just further once first now however always often sometimes usually even only soon reportedly allegedly apparently initially originally subsequently meanwhile",
);
/** Words that open a clause of time ("after both sides accused …", "while officials said …"): what follows is that clause's subject, not part of a speaker's phrase. */
export const TIME_CLAUSE_OPENERS = set('after before since until when while');
export const PREPOSITIONS = set(
	'in on at for to with by from after before since during about over under into onto through between among against without within via per than as of upon across behind beyond despite until till toward towards amid amidst following',
);
export const CONJUNCTIONS = set('and or but nor yet so because although though while whereas if unless when whenever where whether that which whose whom');
/** Prepositions that may sit inside a speaker's noun phrase: "head of the agency", "analyst at Barclays". */
export const NP_PREPOSITIONS = set('of at for from');
/** Words that open a reported clause after a cue. */
export const CLAUSE_OPENERS = set('that whether if how why what when where who');
/** Prepositions after "fears", "calls", "concerns" that make them cues. */
export const CUE_PREPOSITIONS = set('for on of that about over upon');
export const TIME_WORDS = set(
	'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tonight week month year morning afternoon evening night weekend last this next earlier',
);
/** Frames that extend a cue: "said in a statement", "told reporters in an interview". */
export const STATEMENT_NOUNS = set('statement statements interview speech release briefing conference post message letter email video tweet');

// Role nouns of people; a description with one of them as its head resolves through roles.
export const PERSON_ROLES = set(
	'spokesman spokeswoman spokesperson minister president senator governor mayor chairman chairwoman chair secretary ambassador ' +
		'chancellor premier judge justice prosecutor attorney lawyer candidate nominee leader chief director executive officer ' +
		'commissioner general coach manager captain founder economist researcher scientist professor author king queen pope prince ' +
		'princess lawmaker congressman congresswoman representative sheriff detective inspector pastor priest bishop actor actress ' +
		'singer player striker owner businessman businesswoman billionaire diplomat envoy negotiator official aide adviser advisor ' +
		'analyst strategist campaigner activist investigator doctor surgeon physician ceo chairperson head boss president-elect ' +
		'speaker whip deputy governor-general commander colonel sergeant lieutenant admiral marshal superintendent chief-executive ' +
		'man woman father mother son daughter husband wife brother sister widow widower boy girl',
);
