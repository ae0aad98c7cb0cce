/**
 * Tense around a date expression: whether the clause talks about the past or the
 * future, which decides whether a bare "Monday" or "October" is the last one or
 * the coming one. A light heuristic over tokens: the nearest tense cue wins.
 */

import { DETERMINERS } from '../words';
export type Direction = 'past' | 'future' | 'none';

export interface Tense {
	dir: Direction;
	/** The cue word that decided, for the resolution phrase. */
	cue: string;
	/** Its token, and whether it stands in the date's own clause (-1 and false without a cue). */
	at: number;
	inClause: boolean;
}

const FUTURE = new Set([
	'will',
	'shall',
	'should',
	'must',
	"won't",
	'won’t',
	'upcoming',
	'coming',
	'next',
	'would',
	'slated',
	'until',
	'till',
	'soon',
	'later',
	'tomorrow',
]);
// Verbs that point ahead only when "to" or "for" follows: "set to begin", "due to open", "plans to sell".
const FUTURE_BEFORE_TO = new Set([
	'set',
	'due',
	'scheduled',
	'schedule',
	'expected',
	'expects',
	'expect',
	'plans',
	'planned',
	'plan',
	'planning',
	'intends',
	'intend',
	'aims',
	'aim',
	'hopes',
	'hope',
	'going',
	'poised',
	'likely',
	'ready',
	'prepared',
	'slated',
	'pledged',
	'promised',
	'vowed',
]);
// "due to the storm" is a cause, not a plan: after these, "to" is a preposition.
const NOT_A_VERB_AFTER_TO = new Set([
	'the',
	'a',
	'an',
	'its',
	'his',
	'her',
	'their',
	'our',
	'this',
	'that',
	'these',
	'those',
	'lack',
	'concerns',
	'fears',
	'poor',
	'high',
	'low',
	'weak',
	'strong',
]);

const PAST = new Set([
	'was',
	'were',
	'had',
	'did',
	'ago',
	'since',
	'earlier',
	'previously',
	'yesterday',
	'said',
	'told',
	'made',
	'took',
	'came',
	'went',
	'began',
	'fell',
	'rose',
	'saw',
	'gave',
	'won',
	'lost',
	'sold',
	'bought',
	'left',
	'met',
	'held',
	'became',
	'brought',
	'built',
	'found',
	'got',
	'kept',
	'led',
	'paid',
	'ran',
	'sent',
	'spent',
	'stood',
	'struck',
	'thought',
	'wrote',
	'knew',
	'grew',
	'drew',
	'flew',
	'chose',
	'spoke',
	'broke',
	'felt',
	'heard',
	'meant',
	'shot',
	'slid',
	'sank',
	'stole',
	'swore',
	'taught',
	'threw',
	'understood',
	'woke',
	'wore',
	'withdrew',
	'overtook',
	'fought',
	'sought',
	'caught',
	'dealt',
	'unveiled',
	'hit',
	'has',
	'have',
	'died',
	'born',
	'shut',
	'quit',
	'slumped',
	'soared',
	'dropped',
]);
const WILL = new Set(['will', 'shall', "'ll", '’ll']);
const BE = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were', 'am']);
// A split-off "'s" is "is" only after a pronoun ("it's done"); after a name it is a possessive ("Haftar's forces").
const PRONOUNS = new Set(['it', 'he', 'she', 'that', 'there', 'what', 'who', 'here', 'this']);

function isBe(low: readonly string[], j: number, lo: number): boolean {
	const t = low[j];
	if (t === "'s" || t === '’s') return j - 1 >= lo && PRONOUNS.has(low[j - 1]);
	return BE.has(t);
}
// Words in -ed that are not past-tense verbs, or are ambiguous enough to mislead.
const NOT_PAST_ED = new Set([
	'need',
	'seed',
	'speed',
	'feed',
	'bed',
	'red',
	'shed',
	'hundred',
	'based',
	'united',
	'limited',
	'related',
	'proposed',
	'detailed',
	'advanced',
	'interested',
	'concerned',
	'supposed',
	'alleged',
	'so-called',
	'unprecedented',
	'indeed',
	'embed',
	'breed',
	'greed',
	'creed',
	'armed',
	'talented',
	'unexpected',
	'sustained',
	'combined',
	'estimated',
	'listed',
	'owned',
	'expected',
	'scheduled',
	'planned',
	'slated',
	'pledged',
	'promised',
	'vowed',
	'prepared',
]);

/** Classifies one token (lower-cased `w`, with its neighbours) as a tense cue. */
export function cueAt(low: readonly string[], k: number, lo: number, hi: number): Direction {
	const w = low[k];
	const next = k + 1 < hi ? low[k + 1] : '';
	if (FUTURE.has(w) || w.endsWith("'ll") || w.endsWith('’ll')) return 'future';
	if (w === 'to' && next === 'be') return 'future';
	if (FUTURE_BEFORE_TO.has(w) && (next === 'for' || (next === 'to' && k + 2 < hi && !NOT_A_VERB_AFTER_TO.has(low[k + 2])))) return 'future';
	// "will have left by Thursday": a future perfect looks back from a coming time, so it points ahead.
	if (w === 'have' && k - 1 >= lo && WILL.has(low[k - 1])) return 'future';
	if (k - 2 >= lo && low[k - 1] === 'have' && WILL.has(low[k - 2])) return 'future';
	// "has announced" is past; "has a deadline", "has to" are not.
	if (w === 'has' || w === 'have') return next === 'been' || (k + 1 < hi && (/^[a-z]{2,}ed$/.test(next) || PAST.has(next))) ? 'past' : 'none';
	const participle = PAST.has(w) || (/^[a-z]{2,}ed$/.test(w) && !NOT_PAST_ED.has(w));
	if (!participle || BE.has(w)) return PAST.has(w) ? 'past' : 'none';
	// After "be"/"been" the auxiliary carries the tense ("will be delayed"), after a determiner it is an adjective.
	if (k - 1 >= lo && DETERMINERS.has(low[k - 1])) return 'none';
	for (let j = k - 1; j >= Math.max(lo, k - 2); j--) if (isBe(low, j, lo)) return 'none';
	return 'past';
}

// Words and marks that end a clause: a cue beyond them belongs to another verb.
const CLAUSE_BOUNDARY = new Set([
	',',
	';',
	':',
	'—',
	'–',
	'(',
	')',
	'“',
	'”',
	'"',
	'and',
	'but',
	'or',
	'while',
	'whereas',
	'although',
	'though',
	'because',
	'that',
	'which',
	'who',
	'when',
	'if',
	'unless',
]);

/**
 * The tense of the clause around tokens [first, last) within the sentence [lo, hi):
 * the nearest cue inside the same clause, else the nearest cue in the sentence
 * (within a short reach); a future cue wins a tie. `none` when there is no cue.
 */
export function tenseAround(low: readonly string[], first: number, last: number, lo: number, hi: number, cache?: Int8Array): Tense {
	const c = cache ?? new Int8Array(low.length);
	return (
		scan(low, first, last, lo, hi, 30, true, c) ??
		relativePresent(low, first, lo) ??
		scan(low, first, last, lo, hi, 14, false, c) ?? { dir: 'none', cue: '', at: -1, inClause: false }
	);
}

const RELATIVES = new Set(['which', 'who', 'that']);
const FREQUENCY = new Set(['still', 'usually', 'normally', 'typically', 'traditionally', 'always', 'often', 'also', 'now']);
const NOT_PRESENT_S = /(?:ss|us|is|ous|ics|ws|ys)$/;

/**
 * "the rainy season, which begins in June", "a fair that opens on Friday": a relative clause in the
 * present tense speaks of what is so now or every year, so the tense of the sentence around it does
 * not decide its date ("Aid groups warned that the season, which begins in June, …" is the coming June).
 */
function relativePresent(low: readonly string[], first: number, lo: number): Tense | null {
	let l = first - 1;
	while (l >= lo && first - l <= 8 && !CLAUSE_BOUNDARY.has(low[l])) l--;
	if (l < lo || !RELATIVES.has(low[l])) return null;
	// "said that prices in March …": "that" after a verb opens a statement, not a relative clause.
	if (low[l] === 'that' && l - 1 >= lo && (cueAt(low, l - 1, lo, low.length) !== 'none' || /^(says|say|think|thinks|believe|believes)$/.test(low[l - 1])))
		return null;
	let k = l + 1;
	if (FREQUENCY.has(low[k] ?? '')) k++;
	const v = low[k] ?? '';
	const present = PRESENT_BE.has(v) || (k < first && /^[a-z]{3,}s$/.test(v) && !NOT_PRESENT_S.test(v) && !PAST.has(v));
	return present ? { dir: 'none', cue: v, at: k, inClause: true } : null;
}

const CODE: Direction[] = ['none', 'none', 'past', 'future'];

// Each token's cue is computed once per document: a long run of dates in one sentence stays linear.
function cached(low: readonly string[], k: number, lo: number, hi: number, cache: Int8Array): Direction {
	if (cache[k] === 0) {
		const d = cueAt(low, k, lo, hi);
		cache[k] = d === 'past' ? 2 : d === 'future' ? 3 : 1;
	}
	return CODE[cache[k]];
}

function scan(low: readonly string[], first: number, last: number, lo: number, hi: number, reach: number, inClause: boolean, cache: Int8Array): Tense | null {
	let leftOpen = true;
	let rightOpen = true;
	for (let dist = 1; dist <= reach && (leftOpen || rightOpen); dist++) {
		const l = first - dist;
		const r = last + dist - 1;
		if (l < lo || low[l] === ';' || (inClause && CLAUSE_BOUNDARY.has(low[l]))) leftOpen = false;
		if (r >= hi || low[r] === ';' || (inClause && CLAUSE_BOUNDARY.has(low[r]))) rightOpen = false;
		const dl = leftOpen ? cached(low, l, lo, hi, cache) : 'none';
		const dr = rightOpen ? cached(low, r, lo, hi, cache) : 'none';
		if (dl === 'future' || dr === 'future') return { dir: 'future', cue: dl === 'future' ? low[l] : low[r], at: dl === 'future' ? l : r, inClause };
		if (dl === 'past' || dr === 'past') return { dir: 'past', cue: dl === 'past' ? low[l] : low[r], at: dl === 'past' ? l : r, inClause };
	}
	return null;
}

const PRESENT_BE = new Set(['is', 'are', 'am', "'re", '’re']);
const GERUND = /^[a-z]{2,}ing$/;
const NOT_GERUND = new Set([
	'during',
	'morning',
	'evening',
	'thing',
	'something',
	'nothing',
	'anything',
	'everything',
	'king',
	'ring',
	'spring',
	'string',
	'wing',
	'ceiling',
	'building',
	'meeting',
]);

/** A present arrangement found by `presentArrangement`: its words and the token of its "is"/"are". */
export interface Arrangement {
	phrase: string;
	at: number;
}

/**
 * Present progressive and "is to" as a plan: "troops are being deployed on Sunday", "the minister is
 * meeting unions on Tuesday", "talks are to resume on Thursday" speak of a coming day. Within a few
 * words of the date, in its clause; the caller weighs it against the tense cues.
 */
export function presentArrangement(low: readonly string[], first: number, last: number, lo: number, hi: number): Arrangement | null {
	let from = first;
	while (from > lo && first - from < 8 && !CLAUSE_BOUNDARY.has(low[from - 1])) from--;
	let to = last;
	while (to < hi && to - last < 8 && !CLAUSE_BOUNDARY.has(low[to])) to++;
	for (let k = from; k < to; k++) {
		if (k >= first && k < last) continue;
		if (!PRESENT_BE.has(low[k])) continue;
		let j = k + 1;
		if (/^(still|now|already|also|currently)$/.test(low[j] ?? '')) j++;
		if (low[j] === 'being') return { phrase: `${low[k]} being`, at: k };
		if (low[j] === 'to' && /^[a-z]+$/.test(low[j + 1] ?? '') && !NOT_A_VERB_AFTER_TO.has(low[j + 1])) return { phrase: `${low[k]} to`, at: k };
		// The meeting noun is a verb here: "is meeting unions".
		if (GERUND.test(low[j] ?? '') && (!NOT_GERUND.has(low[j]) || low[j] === 'meeting')) return { phrase: `${low[k]} ${low[j]}`, at: k };
	}
	return null;
}

/** A phrase for the hover: how tense decided the value. */
export function tensePhrase(t: Tense): string {
	if (t.dir === 'past') return `past context (“${t.cue}”)`;
	if (t.dir === 'future') return `future context (“${t.cue}”)`;
	return 'no tense cue';
}
