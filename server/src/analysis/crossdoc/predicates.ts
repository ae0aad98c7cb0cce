/**
 * What a figure's counted set does: the predicate of the clause the figure
 * counts in, and whether it is planned or done. Two reports count the same set
 * only when they count the same thing doing the same: "there are 20,000
 * mercenaries in Libya" (present) and "300 mercenaries will leave" (leave) are
 * different sets, and so are "300 will leave" (planned) and "50 have left so
 * far" (done). Read from the words around the figure, without a parser:
 * the verb that takes the figure as its object ("won 52% of the vote"), the
 * existential "there are", or the verb group after the counted phrase, past a
 * coordinated noun ("mercenaries and foreign soldiers"), a participle or a
 * relative clause ("300 mercenaries fighting on their side will leave").
 */
import type { Token } from '../document';

/** The predicate of a figure. */
export interface Predicate {
	/** The class of the verb ("leave" for leave, go, withdraw, deport…; "present" for be in, remain, stay…), or its stem. */
	key: string;
	/** "plan" for a modal or an infinitive (will leave, would be withdrawn, expected to go), "done" for a past or perfect, else null. */
	tense: 'plan' | 'done' | null;
}

// Verbs that describe the same change of a set, by class; lemma first, then irregular forms.
const CLASSES: Record<string, string[][]> = {
	leave: [
		['leave', 'left'],
		['go', 'went', 'gone', 'goes'],
		['withdraw', 'withdrew', 'withdrawn'],
		['depart'],
		['exit'],
		['deport'],
		['expel', 'expelled', 'expelling'],
		['repatriate'],
		['quit'],
	],
	present: [['remain'], ['stay'], ['station'], ['base'], ['live'], ['reside']],
	arrive: [['arrive'], ['enter'], ['deploy'], ['land'], ['reach']],
	obtain: [
		['win', 'won', 'winning'],
		['take', 'took', 'taken'],
		['get', 'got', 'gotten', 'getting'],
		['receive'],
		['secure'],
		['garner'],
		['obtain'],
		['capture'],
		['poll'],
	],
	flee: [['flee', 'fled']],
	hold: [['hold', 'held'], ['keep', 'kept'], ['own']],
	spend: [['spend', 'spent'], ['pay', 'paid'], ['cost']],
};
const CLASS_OF = new Map<string, string>();
const PAST = new Set<string>();
for (const [key, verbs] of Object.entries(CLASSES))
	for (const [lemma, ...irregular] of verbs) {
		const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
		const regular = [lemma, lemma + 's', stem + 'ed', stem + 'ing'];
		for (const f of [...regular, ...irregular]) CLASS_OF.set(f, key);
		for (const f of [stem + 'ed', ...irregular.filter((f) => !f.endsWith('ing') && !f.endsWith('s'))]) PAST.add(f);
	}
// Irregular past forms of other verbs a figure's set often does.
for (const f of 'sent fought fell rose gave made paid bought sold lost ran found brought built hit struck stood'.split(' ')) PAST.add(f);

const BE = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', "'re", '’re']);
const HAVE = new Set(['have', 'has', 'had', 'having', "'ve", '’ve']);
const MODAL = new Set(['will', 'would', 'shall', 'should', 'could', 'can', 'may', 'might', 'must', "'ll", '’ll', 'to']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did']);
const ADVERB = new Set(
	'still already now also not never yet all only just soon then first finally eventually initially reportedly allegedly currently both each together'.split(
		' ',
	),
);
const LOCATIVE = new Set(['in', 'inside', 'at', 'on', 'across', 'near', 'there', 'abroad', 'outside', 'within']);
// Words before a figure that are no verb of it: reporting and thinking verbs ("said 300 …" reports a clause), and "including".
const NOT_OBJECT_VERB = new Set(
	'said says say told announced reported estimated estimates claimed declared stated added noted believed believes thought confirmed denied including according showed shows suggested suggests found'.split(
		' ',
	),
);
// Words between a verb and its figure ("deport a first group of 300").
const FILLER = new Set('a an the another additional further first second last final group batch contingent wave total of'.split(' '));
const BOUNDARY = new Set([';', ':', '—', '–', '(', ')', '.', '!', '?']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom']);

// Verbs that lead to the one that says what the set does: "are expected to leave", "is set to go".
const CATENATIVE = new Set('expected set due going planned scheduled about likely supposed poised ready slated'.split(' '));
const EN_PARTICIPLE = new Set('taken given driven chosen written drawn shown seen known beaten broken fallen stolen hidden forgotten'.split(' '));

const isWord = (t: Token | undefined) => !!t && t.kind === 'word' && /^\p{Ll}/u.test(t.text);
const verbLike = (w: string) => CLASS_OF.has(w) || PAST.has(w) || EN_PARTICIPLE.has(w) || (w.length > 4 && !ADVERB.has(w) && /(?:ed|ing)$/.test(w));

/** The stem a verb is matched by when it belongs to no class: "attended" and "attend" both give "attend". */
export function verbKey(w: string): string {
	const c = CLASS_OF.get(w);
	if (c) return c;
	return w.replace(/(?:ing|ed|es|s)$/, '').replace(/e$/, '') || w;
}

/**
 * The predicate of a figure whose words are `tokens[from..to)` (the qualifier and number through the counted
 * phrase), in the sentence `tokens[first..last)`; null when the sentence does not say what the set does.
 */
export function predicateOf(tokens: Token[], from: number, to: number, first: number, last: number): Predicate | null {
	return objectVerb(tokens, from, first) ?? existential(tokens, from, first) ?? subjectVerb(tokens, to, last);
}

// "won 52% of the vote", "will deport a first group of 300", "has withdrawn 200".
function objectVerb(tokens: Token[], from: number, first: number): Predicate | null {
	let k = from - 1;
	while (k >= first && FILLER.has(tokens[k].form.lower)) k--;
	if (k < first || !isWord(tokens[k])) return null;
	const w = tokens[k].form.lower;
	if (NOT_OBJECT_VERB.has(w) || !verbLike(w) || BE.has(w) || HAVE.has(w)) return null;
	return { key: verbKey(w), tense: tenseOf(auxiliariesBefore(tokens, k, first), w) };
}

// "there are 20,000 mercenaries", "there remain some 300".
function existential(tokens: Token[], from: number, first: number): Predicate | null {
	const w = (k: number) => (k >= first ? tokens[k].form.lower : '');
	const verb = w(from - 1);
	if (w(from - 2) !== 'there' || !(BE.has(verb) || CLASS_OF.get(verb) === 'present')) return null;
	return { key: 'present', tense: null };
}

// The verb group after the counted phrase: "300 mercenaries (and foreign soldiers) (fighting on their side) will leave".
function subjectVerb(tokens: Token[], to: number, last: number): Predicate | null {
	let k = skipModifiers(tokens, to, last);
	if (k < 0) return null;
	const aux: string[] = [];
	while (k < last && isWord(tokens[k])) {
		const w = tokens[k].form.lower;
		if (CATENATIVE.has(w) && tokens[k + 1]?.form.lower === 'to' && k + 1 < last) {
			aux.push('to');
			k += 2;
			continue;
		}
		if (BE.has(w) || HAVE.has(w) || MODAL.has(w) || ADVERB.has(w) || (/ly$/.test(w) && w.length > 4)) aux.push(w);
		else break;
		k++;
	}
	const next = tokens[k];
	const sawBe = aux.some((a) => BE.has(a));
	if (sawBe && next && LOCATIVE.has(next.form.lower) && !aux.some((a) => MODAL.has(a) && a !== 'to')) return { key: 'present', tense: null };
	if (!isWord(next)) return null;
	const w = next.form.lower;
	// After an auxiliary any word is the verb; with none, only a word that is surely one ("remain", "left", "arrived").
	if (!aux.some((a) => BE.has(a) || HAVE.has(a) || MODAL.has(a)) && !verbLike(w)) return null;
	if (sawBe && !verbLike(w)) return null; // "are foreign", "were Syrians": a description, not an event
	return { key: verbKey(w), tense: tenseOf(aux, w) };
}

// Past what qualifies the counted noun: a coordinated noun, a closing quote, a participle or a relative clause
// followed by the clause's own verb group. Returns where the verb group should start, or -1.
function skipModifiers(tokens: Token[], k: number, last: number): number {
	const w = (j: number) => (j < last ? tokens[j].form.lower : '');
	if (w(k) === 'and' || w(k) === 'or') {
		k++;
		for (let n = 0; n < 4 && isWord(tokens[k]) && k < last && !isAuxiliary(w(k)) && !verbLike(w(k)); n++) k++;
	}
	while (k < last && /^[”"’)\]]$/.test(tokens[k].text)) k++;
	const lead = w(k);
	const modifier = RELATIVE.has(lead) || (/(?:ing|ed)$/.test(lead) && !isAuxiliary(lead));
	if (!modifier) return k;
	// A finite verb group further on is the main clause's ("300 mercenaries fighting on their side will leave");
	// without one, the modifier's verb is what the set does ("the 300 mercenaries who have left").
	for (let j = k + 1; j < Math.min(last, k + 10); j++) {
		const t = tokens[j];
		if (t.kind === 'punct' && (BOUNDARY.has(t.text) || t.text === ',')) break;
		if (MODAL.has(t.form.lower) && t.form.lower !== 'to') return j;
	}
	return RELATIVE.has(lead) ? k + 1 : k;
}

const isAuxiliary = (w: string) => BE.has(w) || HAVE.has(w) || MODAL.has(w);

function auxiliariesBefore(tokens: Token[], k: number, first: number): string[] {
	const out: string[] = [];
	for (let j = k - 1; j >= first && out.length < 4 && isWord(tokens[j]); j--) {
		const w = tokens[j].form.lower;
		if (!isAuxiliary(w) && !ADVERB.has(w)) break;
		out.unshift(w);
	}
	return out;
}

function tenseOf(aux: string[], verb: string): Predicate['tense'] {
	if (aux.some((a) => MODAL.has(a))) return 'plan';
	if (aux.some((a) => HAVE.has(a) || PAST_AUX.has(a))) return aux.includes('having') ? null : 'done';
	if (aux.length === 0 && PAST.has(verb)) return 'done';
	if (aux.length === 0 && /ed$/.test(verb)) return 'done';
	return null;
}

/** True when two tenses can describe the same set: a plan and a deed cannot. */
export function sameTime(a: Predicate['tense'], b: Predicate['tense']): boolean {
	return !a || !b || a === b;
}
