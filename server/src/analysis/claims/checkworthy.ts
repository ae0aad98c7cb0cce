/**
 * What makes a statement worth checking: figures (money, percentages, counts
 * of people, quantities with units), accusations of crimes, superlatives and
 * records, comparisons against a baseline, firsts and onlies, causal and
 * efficacy claims, absolute negatives; and the hedges that distance a writer
 * from a claim.
 */

import type { Token } from '../document';
import { coreMemory } from '../memory';

// Bounded repetitions keep every match attempt short, even inside a megabyte of digits and commas.
const NUM = String.raw`\d{1,15}(?:[.,]\d{1,3}){0,5}`;
const SCALE = String.raw`(?:\s?(?:thousand|million|billion|trillion)\b|(?:bn|mn|m|k)\b)?`;
const CURRENCY_WORD = String.raw`(?:dollars|euros|pounds|pounds sterling|yen|yuan|rupees|roubles|rubles|francs|dinars|pesos|lira|rand|won)`;
const PEOPLE =
	'people|persons|civilians|soldiers|troops|fighters|mercenaries|militants|refugees|migrants|children|women|men|residents|' +
	'dead|deaths|killed|injured|wounded|casualties|victims|hostages|prisoners|detainees|workers|employees|staff|jobs|members|patients|cases|voters|votes|seats|students|protesters';
const UNITS =
	'km|kilometres|kilometers|miles|metres|meters|tonnes|tons|barrels|kg|kilograms|hectares|acres|square|units|vehicles|homes|houses|buildings|' +
	'aircraft|planes|jets|tanks|ships|missiles|rockets|drones|shares|doses|degrees|years|months|days';

// Each alternative is anchored on a digit or a fixed word, with bounded gaps: linear on any input.
// The leading (?=\d) changes no match (the number follows at once) but lets most positions fail on one character.
export const FIGURE_ALTERNATIVES = [
	String.raw`(?:US\$|CA\$|AU\$|NZ\$|HK\$|A\$|C\$|\$|€|£|¥|₹|\b(?:USD|EUR|GBP|US dollars)\s?)(?:${NUM})${SCALE}`,
	String.raw`(?=\d)\b(?:${NUM})${SCALE}\s?${CURRENCY_WORD}\b`,
	String.raw`(?=\d)\b(?:${NUM})\s?(?:%|percent\b|per cent\b|percentage points?\b)`,
	String.raw`(?=\d)\b(?:${NUM})\s?(?:thousand|million|billion|trillion)\b(?:\s(?:${PEOPLE}|${UNITS})\b)?`,
	// "179 new tankers", "3,400 workers" — not a year ("2006 and the aircraft") nor a model number ("DC-9 family").
	String.raw`(?=\d)(?<![-\p{L}])\b(?!(?:19|20)\d\d\b)(?:${NUM})(?:\s(?!(?:and|or|the|of|in|to|for|with|on|at|by|from|including)\b)[\p{Ll}-]{2,20}){0,2}?\s(?:${PEOPLE}|${UNITS})\b`,
	String.raw`\b(?:hundreds|thousands|tens of thousands|millions|billions|dozens) of (?:${PEOPLE}|${UNITS}|dollars|euros)\b`,
].join('|');
// Where any alternative can start (case-insensitively): a digit or a currency sign; a word's first letter
// (the word alternatives begin at \b); or the letters of a prefixed dollar sign. A quick test that rejects
// every other position, inside words too, before the alternatives are tried.
const FIGURE_START = String.raw`(?=[\d$€£¥₹]|\b[uegthmbd]|[ac]\$|(?:us|ca|au|nz|hk)\$)`;
const FIGURE = new RegExp(`${FIGURE_START}(?:${FIGURE_ALTERNATIVES})`, 'giu');
// Most text has none of the words an alternative can start with (USD, EUR, GBP, US dollars, hundreds,
// thousands, millions, billions, dozens): one look for them lets the scan skip word starts altogether.
const FIGURE_WORDS_ANYWHERE = /usd|eur|gbp|us dollars|hundreds|thousands|millions|billions|dozens/iu;
// Without those words, a figure starts at a digit at a word's start, at a currency sign, or at the one or two
// letters before a dollar sign (A$, US$): found by a pattern without flags (a quick scan), and the figure
// pattern is tried, anchored, at those places only, in order.
const NUMERIC_CANDIDATE = /\b\d|[$€£¥₹]/g;
const FIGURE_AT = new RegExp(FIGURE_ALTERNATIVES, 'iuy');

function numericFigures(text: string): string[] {
	const out: string[] = [];
	let end = 0;
	const tryAt = (q: number) => {
		if (q < end) return;
		FIGURE_AT.lastIndex = q;
		const m = FIGURE_AT.exec(text);
		if (!m) return;
		out.push(m[0].trim());
		end = FIGURE_AT.lastIndex;
	};
	NUMERIC_CANDIDATE.lastIndex = 0;
	for (let m = NUMERIC_CANDIDATE.exec(text); m; m = NUMERIC_CANDIDATE.exec(text)) {
		const p = m.index;
		if (text.charCodeAt(p) === 36) {
			if (p >= 2) tryAt(p - 2);
			if (p >= 1) tryAt(p - 1);
		}
		tryAt(p);
	}
	return out;
}

// The other classes are phrases anchored on fixed words, with bounded gaps of whole words: each match attempt
// is short, so a scan is linear in the text. `(?<![\p{L}\p{N}-])` keeps a word from matching inside another
// ("anti-corruption", "counter-terrorism").
const AT_WORD = String.raw`(?<![\p{L}\p{N}'’-])`;
const GAP = String.raw`[\p{L}-]{2,20} `;
const POSSESSOR = String.raw`(?:the|its|their|his|her|our|a|an|\p{L}{1,25}['’]s)`;
const phrases = (alternatives: string[], flags = 'giu') => new RegExp(`${AT_WORD}(?:${alternatives.join('|')})(?![\\p{L}\\p{N}-])`, flags);

// An accusation names a criminal or wrongful act ("fraud", "violated the ceasefire", "charged with"), not
// gossip ("rumours have abounded") nor a death by itself ("killed in a crash").
const ACCUSATION = phrases([
	String.raw`war crimes?|crimes? against humanity|genocide|ethnic cleansing|atrocit(?:y|ies)|massacred?|massacres`,
	String.raw`fraud(?:ulent(?:ly)?)?|corrupt(?:ion)?|brib(?:e|es|ed|ery)|embezzle(?:d|ment)?|money laundering|laundered|extort(?:ion|ed)`,
	String.raw`smuggl(?:ed|ing)|traffick(?:ed|ing)|tortur(?:e|ed|ing)|raped?|murder(?:ed|s)?|killings|assassinat(?:ed|ion)|terrorism`,
	String.raw`abuses|looted|looting|stole|stolen|theft|illegally|unlawfully|rigged|cover-up|collu(?:sion|ded)|persecut(?:ed|ion)|war criminals?`,
	String.raw`illegal (?:payments?|donations?|arms|weapons|logging|mining|settlements?|detention|occupation|surveillance|wiretaps?|dumping)`,
	String.raw`(?:violat(?:ed|ing|ions? of)|breach(?:ed|es|ing)?(?: of)?) (?:the |its |their |his |her |a |an |international |human )?(?:rights|law|laws|ceasefire|truce|sanctions|embargo|agreement|accord|treaty|rules|constitution|airspace|regulations|contract|duty|trust)`,
	String.raw`human rights (?:violations|abuses)|(?:convicted|found guilty) of|pleaded guilty|indicted|charged with|on suspicion of|jailed for`,
]);

// A crime naming a field, a law or a profession accuses no one: "a corruption expert", "fraud investigators", "terrorism laws".
const FIELD =
	/^ (?:experts?|investigators?|analysts?|researchers?|scholars?|specialists?|watchdogs?|laws?|legislation|units?|squads?|reforms?|campaigners?|prevention|awareness)\b/iu;

// An act denied or cleared is no accusation: "no evidence of fraud", "cleared of corruption", "denied bribery".
const DENIED =
	/(?:\bno (?:[\p{L}-]{2,20} )?(?:evidence|proof|sign|suggestion|indication)|\bcleared|\bacquitted|\binnocent|\bden(?:y|ies|ied|ying)|\bnot guilty) (?:of |any |that )*$/iu;

const SUPERLATIVE_ADJECTIVES =
	'largest|biggest|greatest|highest|lowest|worst|deadliest|fastest|longest|oldest|richest|poorest|strongest|weakest|smallest|heaviest|' +
	'costliest|bloodiest|hottest|coldest|warmest|wettest|driest|busiest|tallest|deepest|wealthiest|sharpest|steepest|most-watched|best-selling|top-selling';
// "the most popular", but not "the most recent", "the most likely" nor opinions ("the most interesting").
const NOT_MOST =
	'recent|likely|important|notable|notably|common|commonly|often|senior|prominent|famous|influential|beautiful|interesting|exciting|difficult|challenging|significant|vulnerable|part|of';
const SUPERLATIVE = phrases([
	String.raw`(?:${POSSESSOR} )?(?:(?:\d{1,3}(?:st|nd|rd|th)|second|third|fourth|fifth|single) )?(?:${SUPERLATIVE_ADJECTIVES})(?! court| of (?:the )?(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (?:children|siblings|brothers|sisters|sons|daughters))(?: (?:ever(?: recorded| seen| built| made)?|on record|in (?:history|decades|a century|a generation)))?`,
	String.raw`(?:${POSSESSOR} )(?:single )?(?:most|least) (?!(?:${NOT_MOST})\b)\p{L}{3,20}`,
	String.raw`record[- ](?:high|highs|low|lows|number|numbers|levels?|breaking|heat|temperatures?|profits?|sales|losses|turnout|amount|sums?|prices?|demand|growth)`,
	String.raw`(?:a|new|all-time|world|national|olympic|british|european) record(?! (?:label|labels|company|deal|store|shop|player|collection|book|of)\b)`,
	String.raw`(?:hit|hits|reached|set|sets|broke|broken|breaking|beat|beats|matched|equalled|equaled|smashed) (?:a |the |its |their |his |her )?(?:new |world |all-time |national |previous )?record`,
	String.raw`all-time (?:highs?|lows?|record)|ever recorded|on record|since records began`,
	String.raw`in (?:its|their|his|her|the (?:country|nation|city|company|club|league|state)['’]s|modern|recorded|living) (?:history|memory)`,
]);

// A superlative is a claim when it is asserted of something ("was the largest", "becoming the biggest party",
// ", the largest passenger plane,") or has a scope ("… ever recorded", "in history", "in over a decade", "in the
// world"); as a mere modifier ("the most liberal voters backed…", "applies to the most expensive plans") it is not.
const ASSERTED_BEFORE =
	/(?:(?:^|[^\p{L}])(?:is|are|was|were|be|been|being|become|becomes|became|becoming|remain|remains|remained|ranks?|ranked|ranking|named|makes?|made|making|as)|[,:;—–(]|^)\s+(?:(?:now|still|also|already|by far|easily|officially|arguably|once|then|again|probably|widely) )?$/iu;
const SCOPE_AFTER = new RegExp(
	String.raw`^(?: [\p{L}\p{N}'’-]+){0,4}? (?:ever|yet|on record|of all time|since|in (?:(?:over|more than|nearly|almost|at least|about) )?(?:a|an|two|three|four|five|six|seven|eight|nine|ten|several|many|\d{1,4}) (?:decades?|years?|centur(?:y|ies)|generations?|months)|in (?:history|living memory|memory|the world|the country|the nation|the region|the state|europe|africa|asia|britain|the us|the league)|in (?:its|their|his|her|the [\p{L}-]+['’]s|modern|recorded) history|(?:worldwide|nationwide|globally))(?![\p{L}])`,
	'iu',
);
const SUPERLATIVE_WORD = new RegExp(String.raw`(?:^|[^\p{L}])(?:${SUPERLATIVE_ADJECTIVES}|most|least)(?![\p{L}])`, 'iu');
function modifierOnly(text: string, at: number, match: string): boolean {
	if (!SUPERLATIVE_WORD.test(match) || /record|history|memory/iu.test(match)) return false;
	return !ASSERTED_BEFORE.test(text.slice(Math.max(0, at - 40), at)) && !SCOPE_AFTER.test(text.slice(at + match.length, at + match.length + 120));
}

const COMPARATIVES =
	'more|less|fewer|higher|lower|greater|bigger|larger|smaller|faster|slower|cheaper|costlier|deadlier|worse|stronger|weaker|' +
	'warmer|hotter|colder|wetter|drier|richer|poorer|longer|shorter|heavier|busier';
// A comparison against a stated baseline: a time ("higher than at any time since"), a rival ("sold more planes than Boeing"), a multiple.
const COMPARISON = phrases([
	String.raw`(?:${COMPARATIVES}) than (?:at any (?:time|point)(?: since)?|at any other|any (?:other|time|year|previous|point)|ever(?: before)?|before|in any|(?:in )?(?:the )?(?:past|last|previous|same)|last (?:year|month|week|season|time)|a (?:year|decade|month) (?:ago|earlier|before)|(?:19|20)\d\d)`,
	String.raw`(?:more|fewer) (?:${GAP})?[\p{L}-]{1,20}s than`,
	String.raw`(?:twice|three times|four times|five times|ten times|\d{1,3} times|double|triple|half) (?:as (?:many|much|high|large|likely|big|fast|often|long)|the (?:number|level|rate|size|amount|average|national average|price|speed))`,
	String.raw`(?:doubled|tripled|trebled|quadrupled|halved)(?! down)|(?:outnumbered|outsold|outpaced|outperformed|overtook|overtaken|surpassed|eclipsed)`,
]);

const ORDINALS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|only';
const FIRST_VERBS =
	'be|win|have|hold|reach|lead|receive|become|land|climb|cross|score|serve|sign|join|qualify|visit|travel|complete|set|break|earn|take|run|head|' +
	'launch|introduce|approve|ban|legalise|legalize|recognise|recognize|allow|adopt|fly|orbit|walk|achieve|top|beat|defeat|ratify|pass|abolish|' +
	'elect|offer|sell|use|make|play|host|appoint|survive|finish|sit|stand|speak|address|enter|graduate|compete|marry|publish|produce|' +
	'release|build|design|discover|swim|sail|drive|ride|study|teach|perform|own|raise|return|go|come|see|occupy|govern|rule|command|chair|' +
	'captain|coach|manage|direct|open|close|issue|sue|test|detect|record|report|confirm|identify|map|clone|transplant|vaccinate|cure|treat';
const PERIOD = String.raw`in (?:(?:more than|over|nearly|almost|about|at least) )?(?:\d{1,4}|a|two|three|four|five|six|seven|eight|nine|ten|several|many) (?:years|decades|decade|century|centuries|generation|months)`;
// Firsts and onlies: "for the first time in", "only the second team to", "the first woman to lead", "its first profit since".
const FIRST = phrases([
	String.raw`for the first time(?: (?:ever|since|in (?:history|decades|years|\d{1,4}(?: years)?|a (?:century|decade|generation|lifetime)|(?:its|their|his|her) history)))?|first[- ]ever|unprecedented|never before|(?:the )?(?:first|only|last) (?:${GAP}){0,2}of its kind`,
	String.raw`the first time (?:ever|since|in|that|a|an|the|this|such)`,
	String.raw`(?:only )?the (?:${ORDINALS}) (?!(?:step|thing|way|option|solution|choice|answer|hope|reason|question|problem|time)\b)(?:(?!(?:that|which|who|is|are|was|were|of|and|or|to)\b)${GAP}){1,3}(?:to (?:${FIRST_VERBS})|in (?:history|the world)|ever)`,
	String.raw`(?:${POSSESSOR}) first (?:${GAP}){0,2}(?:since|${PERIOD})`,
]);

const EFFECT_VERBS = 'reduce|increase|cause|prevent|cut|lower|raise|improve|work|protect|slow|kill|help|boost|double|halve|worsen|lead';
// Causal and efficacy claims: "has been shown to be highly effective", "reduces the risk of", "caused", "led to", "linked to".
const CAUSAL = phrases([
	String.raw`(?:has|have|had|was|were|is|are|been|be) (?:been )?(?:(?:clinically|scientifically|repeatedly|consistently) )?(?:(?:shown|proven|proved|demonstrated) to (?:be|${EFFECT_VERBS})|found to (?:${EFFECT_VERBS}))`,
	String.raw`(?:highly|very|extremely|\d{1,3}(?:\.\d{1,2})?\s?(?:%|percent|per cent)) effective|(?:is|are|was|were|proved|proven|remains?) effective (?:against|at|in)`,
	String.raw`(?:reduces?|reduced|reducing|lowers?|lowered|lowering|cuts?|cutting|halves|halved|halving|increases?|increased|increasing|raises?|raised|raising|doubles?|doubled|doubling|triples?|tripled) (?:the |a |their |his |her |its |your )?(?:${GAP})?(?:risk|risks|chance|chances|likelihood|odds|incidence|severity|spread|transmission|mortality) of`,
	String.raw`caused|causing|led to(?! (?:safety|believe|shore)\b)|linked to|resulted in|resulting in|contributed to|contributes to|contributing to|triggered|fuelled|fueled|blamed for|attributable to`,
	String.raw`(?:is|are|was|were) associated with|responsible for (?:the |a |an )?(?:deaths?|attacks?|killings?|crash|collapse|outbreak|spread|fires?|explosions?|bombings?|losses|damage|failure|shooting)`,
]);

// Absolute negatives: "has never ruled on", "no evidence", "not a single".
const NEGATIVE = phrases([
	String.raw`(?:has|have) (?:never|not once)|never once`,
	String.raw`no (?:(?:credible|scientific|clinical|hard|direct|conclusive|real|independent) )?(?:evidence|proof)|no (?:link|connection|record|trace|cases?|deaths?) (?:of|that|between|linking)`,
	String.raw`not (?:a single|one|once)|none of (?:the|its|their|his|her|these|those)|(?:no one|nobody) (?:has|had|was|is|died)`,
	String.raw`no other (?:${GAP})?(?:country|nation|state|team|club|company|firm|player|person|city|government|leader|airline|bank)|zero (?:cases|deaths|infections|emissions|casualties)`,
]);

// What distances the writer from a statement: a phrase a hedge governs is not flagged.
const HEDGED = phrases([
	String.raw`might|could|would|should|possibly|possible|possibility|probably|perhaps|maybe|(?<!(?:as|more|less|most) )likely|unlikely|potentially|presumably|reportedly|allegedly|apparently|supposedly|purportedly`,
	String.raw`rumou?rs?|rumou?red|gossip|speculation|speculat(?:ed|es|ing)|allegations?|alleged|unconfirmed|unverified|suggests?|suggested|suggesting`,
	String.raw`(?:expected|set|poised|slated|believed|thought|said|understood|reported|appears?|appeared|seems?|seemed|tipped) to|(?:is|are|was|were) due to`,
]);
// A condition or an indirect question governs only what follows it: "has never said whether…", "if confirmed, …".
const SUBORDINATE = phrases(['if|unless|whether']);
// "may" the verb, not "May" the month.
const MAY_ALL = /(?<![\p{L}\p{N}'’-])may(?![\p{L}\p{N}-])/gu;

const HEDGE =
	/\b(?:reportedly|allegedly|so-called|self-styled|self-proclaimed|purportedly|supposedly|apparently|rumou?red|unconfirmed|unverified|(?:is|are|was|were) (?:said|believed|thought|understood|alleged|reported) to)\b|\b(?:the|a|an|its|their|his|her) (?:claimed|alleged)\b/giu;

/** The reasons an unattributed statement can be flagged for, in the order they are listed, with their names in words. */
export const REASONS = {
	figure: 'Figure',
	accusation: 'Accusation',
	superlative: 'Superlative',
	comparison: 'Comparison',
	first: 'First or only',
	causal: 'Causal or efficacy claim',
	negative: 'Absolute negative',
} as const;
export type Reason = keyof typeof REASONS;

/** Which of the (comparatively slow) patterns a piece of text can match at all, from its words. */
export interface Triggers {
	figure: boolean;
	accusation: boolean;
	superlative: boolean;
	hedge: boolean;
	comparison: boolean;
	first: boolean;
	causal: boolean;
	negative: boolean;
	/** A word of a hedge that keeps a statement from being flagged ("may", "could", "is expected to"). */
	hedged: boolean;
}

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/));
const FIGURE_WORDS = words('$ € £ ¥ ₹ us$ ca$ au$ nz$ hk$ a$ c$ usd eur gbp hundreds thousands millions billions dozens tens');
const ACCUSATION_WORDS = words(
	`war crime crimes genocide ethnic atrocity atrocities massacre massacred massacres fraud fraudulent fraudulently corrupt corruption bribe bribes
	bribed bribery embezzle embezzled embezzlement money laundered smuggled smuggling trafficked trafficking torture tortured torturing rape raped
	murder murdered murders killings assassinated assassination terrorism abuses looted looting stole stolen theft illegal illegally unlawfully
	rigged cover-up collusion colluded extortion extorted persecuted persecution violated violating violation violations breach breached breaches
	breaching convicted guilty pleaded indicted charged suspicion jailed criminal criminals`,
);
const SUPERLATIVE_WORDS = words(`${SUPERLATIVE_ADJECTIVES.replace(/\|/g, ' ')} most least record records all-time history memory`);
const COMPARISON_WORDS = words(
	'than twice double triple half times doubled tripled trebled quadrupled halved outnumbered outsold outpaced outperformed overtook overtaken surpassed eclipsed',
);
const FIRST_WORDS = words(`${ORDINALS.replace(/\|/g, ' ')} first-ever unprecedented never`);
const CAUSAL_WORDS = words(
	`shown proven proved found demonstrated effective reduce reduces reduced reducing lower lowers lowered lowering cut cuts cutting halves halved
	halving increase increases increased increasing raise raises raised raising double doubles doubled doubling triple triples tripled caused causing
	led linked resulted results resulting contributed contributes contributing triggered fuelled fueled blamed attributable associated responsible`,
);
const NEGATIVE_WORDS = words('never not no none nobody zero');
const HEDGE_WORDS = words(
	'reportedly allegedly so-called self-styled self-proclaimed purportedly supposedly apparently rumoured rumored unconfirmed unverified alleged claimed',
);
const HEDGED_WORDS = words(
	`may might could would should possibly possible possibility probably perhaps maybe likely unlikely potentially presumably reportedly allegedly apparently supposedly
	purportedly rumour rumours rumor rumors rumoured rumored gossip speculation speculated speculates speculating allegation allegations alleged
	unconfirmed unverified if unless whether suggest suggests suggested suggesting expected set poised slated believed thought said understood
	reported appear appears appeared seem seems seemed tipped due`,
);
// "is said to", "were believed to": these count only before a word starting with "to" (most sentences have "said").
const SAID_WORDS = words('said believed thought understood reported');

const FIGURE_BIT = 1;
const ACCUSATION_BIT = 2;
const SUPERLATIVE_BIT = 4;
const HEDGE_BIT = 8;
const SAID_BIT = 16;
const COMPARISON_BIT = 32;
const FIRST_BIT = 64;
const CAUSAL_BIT = 128;
const NEGATIVE_BIT = 256;
const HEDGED_BIT = 512;

function wordBits(w: string): number {
	return (
		(FIGURE_WORDS.has(w) ? FIGURE_BIT : 0) |
		(ACCUSATION_WORDS.has(w) ? ACCUSATION_BIT : 0) |
		(SUPERLATIVE_WORDS.has(w) ? SUPERLATIVE_BIT : 0) |
		(HEDGE_WORDS.has(w) ? HEDGE_BIT : 0) |
		(SAID_WORDS.has(w) ? SAID_BIT : 0) |
		(COMPARISON_WORDS.has(w) ? COMPARISON_BIT : 0) |
		(FIRST_WORDS.has(w) ? FIRST_BIT : 0) |
		(CAUSAL_WORDS.has(w) ? CAUSAL_BIT : 0) |
		(NEGATIVE_WORDS.has(w) ? NEGATIVE_BIT : 0) |
		(HEDGED_WORDS.has(w) ? HEDGED_BIT : 0)
	);
}

// A hyphenated word has the bits of its parts too ("record-breaking"); the patterns decide whether it matches.
function triggerBits(w: string): number {
	let bits = wordBits(w);
	if (w.length <= 60 && w.includes('-')) for (const part of w.split('-')) bits |= wordBits(part) & ~(HEDGE_BIT | SAID_BIT);
	return bits;
}

/** The triggers of `tokens[first..last)`; a number token is a figure's. Each spelling is looked up once. */
export function triggersOf(tokens: readonly Token[], first: number, last: number): Triggers {
	let bits = 0;
	for (let k = first; k < last; k++) {
		const t = tokens[k];
		const f = t.form;
		if (f.triggers < 0) f.triggers = triggerBits(f.lower);
		bits |= f.triggers | (t.kind === 'number' ? FIGURE_BIT : 0);
		if (f.triggers & SAID_BIT && k + 1 < last && tokens[k + 1].form.lower.startsWith('to')) bits |= HEDGE_BIT;
	}
	return {
		figure: !!(bits & FIGURE_BIT),
		accusation: !!(bits & ACCUSATION_BIT),
		superlative: !!(bits & SUPERLATIVE_BIT),
		hedge: !!(bits & HEDGE_BIT),
		comparison: !!(bits & COMPARISON_BIT),
		first: !!(bits & FIRST_BIT),
		causal: !!(bits & CAUSAL_BIT),
		negative: !!(bits & NEGATIVE_BIT),
		hedged: !!(bits & HEDGED_BIT),
	};
}

/** Every pattern may match: for text whose words were not looked at. */
export const ALL: Triggers = {
	figure: true,
	accusation: true,
	superlative: true,
	hedge: true,
	comparison: true,
	first: true,
	causal: true,
	negative: true,
	hedged: true,
};

/** One reason a statement is worth checking, with the words that make it so. */
export interface Finding {
	reason: Reason;
	/** The words as they stand in the text: "the largest ever recorded", "$4.2 billion". */
	phrase: string;
}

/** Why a sentence is worth checking, and the figures it asserts. */
export interface Checkworthiness {
	/** Each reason at most once, in the order of `REASONS`. */
	reasons: Reason[];
	figures: string[];
	/** The first phrase found for each reason, in the order of `reasons`. */
	found: Finding[];
}

const PATTERNS: [Exclude<Reason, 'figure'>, RegExp, keyof Triggers][] = [
	['accusation', ACCUSATION, 'accusation'],
	['superlative', SUPERLATIVE, 'superlative'],
	['comparison', COMPARISON, 'comparison'],
	['first', FIRST, 'first'],
	['causal', CAUSAL, 'causal'],
	['negative', NEGATIVE, 'negative'],
];

/**
 * Looks for what makes a piece of text worth checking; `t` skips patterns that cannot match. Words inside
 * quotation marks are somebody's words, not the writer's assertion: only figures are looked for there.
 * With `unhedged`, a phrase a hedge governs ("may reduce the risk", "is expected to be the largest") does not count.
 */
export function checkworthiness(text: string, t: Triggers = ALL, unhedged = false): Checkworthiness {
	const figures = t.figure ? findFigures(text) : [];
	const hedges = unhedged ? hedgeStarts(text, t) : [];
	const free = (end: number) => !hedges.some((h) => governs(text, h, end));
	const found: Finding[] = [];
	let from = 0;
	for (const f of figures) {
		const at = text.indexOf(f, from);
		if (at < 0) break;
		from = at + f.length;
		// "Conway was 82 years old": a person's age is a fact of the biography, not a figure to check.
		if (AGE_AFTER.test(text.slice(from, from + 6))) continue;
		if (free(from)) {
			found.push({ reason: 'figure', phrase: f });
			break;
		}
	}
	const own = PATTERNS.some(([, , k]) => t[k]) ? unquoted(text) : text;
	for (const [reason, re, k] of PATTERNS) {
		if (!t[k]) continue;
		re.lastIndex = 0;
		for (let m = re.exec(own); m; m = re.exec(own)) {
			if (!free(m.index + m[0].length)) continue;
			if (
				reason === 'accusation' &&
				(DENIED.test(own.slice(Math.max(0, m.index - 60), m.index)) || FIELD.test(own.slice(m.index + m[0].length, m.index + m[0].length + 20)))
			)
				continue;
			if (reason === 'superlative' && modifierOnly(own, m.index, m[0])) continue;
			found.push({ reason, phrase: m[0] });
			break;
		}
	}
	return { reasons: found.map((f) => f.reason), figures, found };
}

const AGE_AFTER = /^ old(?![\p{L}])/u;

// Where the hedges of a text start: "may", "could", "reportedly", "is expected to", "rumours"; and, as negative
// numbers (-1 - offset), the conditions and indirect questions that govern only what follows them.
function hedgeStarts(text: string, t: Triggers): number[] {
	if (!t.hedged) return [];
	const out: number[] = [];
	for (const re of [HEDGED, MAY_ALL]) {
		re.lastIndex = 0;
		for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
	}
	SUBORDINATE.lastIndex = 0;
	for (let m = SUBORDINATE.exec(text); m; m = SUBORDINATE.exec(text)) out.push(-1 - m.index);
	return out;
}

// A hedge governs what follows it in the sentence ("could", "reportedly", "if") and, except a condition or
// question, what comes just before it in the same clause ("exports will double and may…" is cut by "and";
// "the largest plane, was set to land" by the comma).
const CLAUSE_BREAK = /[,;:—–()]| (?:and|but|while|whereas|although|though) /u;
function governs(text: string, hedge: number, end: number): boolean {
	if (hedge < 0) return -1 - hedge < end;
	return hedge < end || (hedge - end <= 80 && !CLAUSE_BREAK.test(text.slice(end, hedge)));
}

/** Whether a sentence asks rather than asserts: it ends in a question mark (before any closing quotes or brackets). */
export function isQuestion(text: string): boolean {
	return /\?[\s"'”’»)\]]{0,8}$/u.test(text.slice(-12));
}

/** Whether a paragraph's last sentence reads as a heading or a caption: short, with no closing punctuation. */
export function isHeading(text: string): boolean {
	const t = text.trimEnd();
	return !/[.!?…:;"'”’)\]»]$/u.test(t) && t.split(/\s+/, 17).length <= 16;
}

/**
 * Whether a sentence is a headline or a list of them rather than prose: written in capitals ("MURDER MYSTERY IN
 * MISSISSIPPI."), or with every longer word capitalised ("— Here's What We Know About Flight 804 — …").
 */
export function isHeadline(text: string): boolean {
	const letters = text.replace(/[^\p{L}]/gu, '');
	if (letters.length >= 8 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return true;
	const long = text.match(/\p{L}{4,}/gu) ?? [];
	return long.length >= 5 && long.every((w) => w[0] !== w[0].toLowerCase());
}

/** Whether a sentence is a transcript's turn, "Lopez: Well, …": the speaker's words, not the writer's. */
export function isTranscriptTurn(text: string): boolean {
	return /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}: /u.test(text);
}

// The text with everything between paired quotation marks blanked out, offsets kept.
function unquoted(text: string): string {
	if (!/["“]/.test(text)) return text;
	return text.replace(/“[^“”]{0,2000}”|"[^"]{0,2000}"/g, (q) => ' '.repeat(q.length));
}

/** The phrase for each of a claim's reasons, in words for a hover: "Superlative: “the largest ever recorded”". */
export function explainReasons(text: string, reasons: readonly string[]): string[] {
	// Unhedged phrases first, as the statement was flagged for them ("could be the largest…, the first to…").
	const found = phrasesOf(text, true);
	return reasons.map((r) => {
		const label = (REASONS as Record<string, string>)[r] ?? r;
		const f = found.find((x) => x.reason === r);
		return f ? `${label}: “${f.phrase}”` : label;
	});
}

/**
 * The phrases that make a claim's text worth checking (of its first 2,000 characters), for its wording:
 * remembered by text, since a long document's diagnostics are worded again after every pause in typing
 * and most of its claims are unchanged.
 */
export function phrasesOf(text: string, unhedged = false): readonly Finding[] {
	const head = text.slice(0, 2000);
	const key = `${unhedged ? 1 : 0}${head}`;
	return phraseMemo.get(key) ?? phraseMemo.set(key, checkworthiness(head, ALL, unhedged).found);
}

const phraseMemo = coreMemory.memo<string, readonly Finding[]>('check-worthy phrases of a claim', 4096);

/** The numbers and quantities of a piece of text: "$4.2 billion", "12%", "3,400 workers". */
export function findFigures(text: string): string[] {
	// One sentence is scanned for each of its claims and again for its check-worthiness: remember the last texts.
	const found = figureMemo.get(text) ?? figureMemo.set(text, FIGURE_WORDS_ANYWHERE.test(text) ? matches(FIGURE, text) : numericFigures(text));
	return found.slice();
}

const figureMemo = coreMemory.memo<string, string[]>('figures of a text', 256);

/** The hedging words of a piece of text, lower-cased: "reportedly", "so-called", "is said to". */
export function findHedges(text: string, t: Triggers = ALL): string[] {
	if (!t.hedge) return [];
	return [...new Set(matches(HEDGE, text).map((h) => h.toLowerCase().replace(/^(?:the|a|an|its|their|his|her) /, '')))];
}

function matches(re: RegExp, text: string): string[] {
	const out: string[] = [];
	re.lastIndex = 0;
	for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[0].trim());
	return out;
}
