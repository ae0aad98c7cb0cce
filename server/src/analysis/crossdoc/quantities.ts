/**
 * Quantities in a sentence, for comparing figures across documents: the value as
 * a range (a hedged or approximate figure covers what it allows), the unit, and
 * the counted thing — the noun the number counts ("300 foreign mercenaries" →
 * mercenary), or the casualty it reports ("killed at least eight" → killed).
 * Figures that are not counts of something (years, ages, durations, dates, ranks,
 * changes "from 200 to 300") are not quantities here: precision comes first.
 */
import type { Token } from '../document';
import { lemma } from '../checks/numbers';
import { predicateOf, type Predicate } from './predicates';

export type Unit = 'count' | 'percent' | 'USD' | 'EUR' | 'GBP' | 'JPY' | 'CNY' | 'INR';

/** One figure of a sentence. */
export interface Quantity {
	/** Offsets of the figure with its qualifier and unit ("at least eight", "$5 million"). */
	start: number;
	end: number;
	/** Smallest and largest value the wording allows (`hi` may be Infinity). */
	lo: number;
	hi: number;
	/** The stated value. */
	value: number;
	/** The figure as written, with its qualifier and unit ("at least eight", "$5 million"). */
	text: string;
	/** The hedge or bound in front of the figure: "about", "more than", "at least"… or "". */
	qualifier: string;
	unit: Unit;
	/** What is counted, as a match key ("mercenary", "civilian killed", "killed", "vote"). */
	thing: string;
	/** The same in the words of the text, for messages ("foreign mercenaries"). */
	label: string;
	/**
	 * What the counted set does ("leave", "present", "obtain"; a casualty is its own: "killed"), and whether
	 * it is planned or done; null when the sentence does not say. Figures of different predicates count
	 * different sets ("there are 20,000", "300 will leave").
	 */
	predicate: Predicate | null;
}

const SMALL = new Map(
	'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
		.split(' ')
		.map((w, i) => [w, i]),
);
const TENS: Record<string, number> = Object.assign(Object.create(null), { thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });
const SCALES: Record<string, number> = Object.assign(Object.create(null), {
	hundred: 100,
	thousand: 1e3,
	million: 1e6,
	billion: 1e9,
	trillion: 1e12,
	mn: 1e6,
	bn: 1e9,
	m: 1e6,
	k: 1e3,
	b: 1e9,
});
const NUMERAL = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(k|m|mn|bn|b)?$/i;
const CURRENCY_SIGN: Record<string, Unit> = Object.assign(Object.create(null), { $: 'USD', us$: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' });
const CURRENCY_WORD: Record<string, Unit> = Object.assign(Object.create(null), {
	dollar: 'USD',
	usd: 'USD',
	euro: 'EUR',
	eur: 'EUR',
	pound: 'GBP',
	sterling: 'GBP',
	gbp: 'GBP',
	yen: 'JPY',
	yuan: 'CNY',
	renminbi: 'CNY',
	rupee: 'INR',
});
// The tables above have no prototype: a word such as "constructor" finds nothing in them.
/** Qualifiers, longest first, with how they widen the stated value v into [lo, hi]. */
const QUALIFIERS: [string[], (v: number) => [number, number]][] = [
	[['no', 'more', 'than'], (v) => [0, v]],
	[['no', 'fewer', 'than'], (v) => [v, Infinity]],
	[['no', 'less', 'than'], (v) => [v, Infinity]],
	[['as', 'many', 'as'], (v) => [0, v]],
	[['as', 'much', 'as'], (v) => [0, v]],
	[['more', 'than'], (v) => [next(v), Infinity]],
	[['fewer', 'than'], (v) => [0, prev(v)]],
	[['less', 'than'], (v) => [0, prev(v)]],
	[['at', 'least'], (v) => [v, Infinity]],
	[['at', 'most'], (v) => [0, v]],
	[['up', 'to'], (v) => [0, v]],
	[['upwards', 'of'], (v) => [v, Infinity]],
	[['close', 'to'], (v) => [v * 0.9, v]],
	[['an', 'estimated'], (v) => [v * 0.9, v * 1.1]],
	[['just', 'over'], (v) => [next(v), v * 1.1]],
	[['just', 'under'], (v) => [v * 0.9, prev(v)]],
	[['about'], (v) => [v * 0.9, v * 1.1]],
	[['around'], (v) => [v * 0.9, v * 1.1]],
	[['roughly'], (v) => [v * 0.9, v * 1.1]],
	[['approximately'], (v) => [v * 0.9, v * 1.1]],
	[['some'], (v) => [v * 0.9, v * 1.1]],
	[['estimated'], (v) => [v * 0.9, v * 1.1]],
	[['nearly'], (v) => [v * 0.9, v]],
	[['almost'], (v) => [v * 0.9, v]],
	[['over'], (v) => [next(v), Infinity]],
	[['above'], (v) => [next(v), Infinity]],
	[['under'], (v) => [0, prev(v)]],
	[['below'], (v) => [0, prev(v)]],
];
function next(v: number): number {
	return Number.isInteger(v) ? v + 1 : v * 1.000001;
}
function prev(v: number): number {
	return Number.isInteger(v) ? v - 1 : v * 0.999999;
}

// Words that end the phrase after a number: the counted noun is the last word before them.
const PHRASE_END = new Set(
	(
		'of in on at to for from by with as than and or but who which that whose were was are is be been being have has had will would ' +
		'could can may might should must did do does said says say told according after before since during while when where ' +
		'a an the their his her its our your this these those there here per each every not also reportedly allegedly'
	).split(' '),
);
// The noun a number would not count: durations, ages, times, ranks, and pieces of dates.
const NOT_COUNTED = new Set(
	(
		'year years month months week weeks day days hour hours minute minutes second seconds decade decades century centuries ' +
		"time times am pm a.m. p.m. o’clock o'clock st nd rd th percent per cent point points degree degrees km mile miles metre metres meter meters " +
		'kilometre kilometres kilometer kilometers kg tonne tonnes ton tons litre litres acre acres hectare hectares foot feet inch inches'
	).split(' '),
);
const MONTHS = new Set(
	'jan jan. january feb feb. february mar mar. march apr apr. april may jun jun. june jul jul. july aug aug. august sep sep. sept sept. september oct oct. october nov nov. november dec dec. december'.split(
		' ',
	),
);
const NOT_A_COUNT_AFTER = new Set('no. no number # page article section chapter item grade level category flight route room'.split(' '));
/** Words that report casualties, by the key they share. */
const CASUALTY: Record<string, string> = Object.assign(Object.create(null), {
	killed: 'killed',
	dead: 'killed',
	died: 'killed',
	deaths: 'killed',
	killing: 'killed',
	injured: 'injured',
	wounded: 'injured',
	hurt: 'injured',
	injuring: 'injured',
	wounding: 'injured',
	arrested: 'arrested',
	detained: 'arrested',
	missing: 'missing',
	displaced: 'displaced',
	evacuated: 'evacuated',
	rescued: 'rescued',
});
// Nouns that say nothing of what is counted: "12 people" counts the casualty the sentence reports, or nothing.
const GENERIC = new Set('people person persons individuals others men women adults'.split(' '));
const RATE = new Set(['day', 'week', 'month', 'year', 'hour']);

/** Every quantity in `tokens[first..last)`. */
export function quantities(tokens: Token[], first: number, last: number): Quantity[] {
	const out: Quantity[] = [];
	for (let i = first; i < last; i++) {
		const q = quantityAt(tokens, i, first, last);
		if (q) {
			out.push(q.quantity);
			i = q.next - 1;
		}
	}
	return out;
}

function numberAt(tokens: Token[], i: number, last: number): { value: number; next: number; step: number } | null {
	const t = tokens[i];
	let value: number;
	let step = 1;
	const m = t.kind === 'number' ? NUMERAL.exec(t.text) : null;
	if (m) {
		value = Number(m[1].replace(/,/g, ''));
		const decimals = m[1].split('.')[1]?.length ?? 0;
		step = 10 ** -decimals;
		if (m[2]) {
			const s = SCALES[m[2].toLowerCase()];
			return { value: value * s, step: step * s, next: i + 1 };
		}
	} else if (t.kind === 'word' && SMALL.has(t.form.lower)) value = SMALL.get(t.form.lower)!;
	else if (t.kind === 'word' && TENS[t.form.lower]) value = TENS[t.form.lower];
	else return null;
	let j = i + 1;
	// "1.5 million", "two hundred", "3 billion": the scale widens what the figure allows by half its last digit.
	while (j < last && tokens[j].kind === 'word' && SCALES[tokens[j].form.lower] && tokens[j].form.lower.length > 2) {
		value *= SCALES[tokens[j].form.lower];
		step *= SCALES[tokens[j].form.lower];
		j++;
	}
	return { value, step: j > i + 1 ? step : 0, next: j };
}

function quantityAt(tokens: Token[], i: number, first: number, last: number): { quantity: Quantity; next: number } | null {
	const n = numberAt(tokens, i, last);
	if (!n) return null;
	const word = (k: number) => (k >= first && k < last ? tokens[k].form.lower : '');
	const t = tokens[i];
	// Years, pieces of dates, ranks, ages and ranges of change are not counts.
	if (/^(1[89]|20)\d\d$/.test(t.text) || t.text.includes('-')) return null;
	if (MONTHS.has(word(i - 1)) || MONTHS.has(word(n.next)) || NOT_A_COUNT_AFTER.has(word(i - 1))) return null;
	if (['from', 'to', 'between', 'and', '-', '–', 'by', 'than'].includes(word(i - 1)) && !isQualified(tokens, i, first)) return null;
	if (['to', '-', '–', 'and'].includes(word(n.next)) && /^\d|^[a-z]/.test(word(n.next + 1))) return null;
	let start = t.start;
	let before = i;
	let unit: Unit = 'count';
	const sign = CURRENCY_SIGN[word(i - 1)];
	if (sign) {
		unit = sign;
		before = i - 1;
		start = tokens[i - 1].start;
	}
	let next = n.next;
	let end = tokens[next - 1].end;
	if (word(next) === '%' || word(next) === 'percent' || (word(next) === 'per' && word(next + 1) === 'cent')) {
		unit = 'percent';
		next += word(next) === 'per' ? 2 : 1;
		end = tokens[next - 1].end;
	} else if (unit === 'count' && CURRENCY_WORD[lemma(word(next))]) {
		unit = CURRENCY_WORD[lemma(word(next))];
		end = tokens[next].end;
		next++;
	}
	const q = qualifierBefore(tokens, before, first);
	if (q) start = tokens[q.at].start;
	const [lo0, hi0] = n.step ? [n.value - n.step / 2, n.value + n.step / 2] : [n.value, n.value];
	const [lo, hi] = q ? widen(q.widen, lo0, hi0, n.value) : [lo0, hi0];
	const from = q ? q.at : before;
	const thing = countedThing(tokens, from, next, first, last, unit);
	if (!thing) return null;
	const text = spelled(tokens, from, next);
	const casualty = /(?:^| )(killed|injured|arrested|missing|displaced|evacuated|rescued)$/.exec(thing.key)?.[1];
	const predicate = casualty ? { key: casualty, tense: null } : predicateOf(tokens, from, thing.end, first, last);
	return {
		quantity: { start, end, text, lo, hi, value: n.value, qualifier: q ? q.words : '', unit, thing: thing.key, label: thing.label, predicate },
		next,
	};
}

function widen(f: (v: number) => [number, number], lo: number, hi: number, v: number): [number, number] {
	const [a, b] = f(v);
	return lo === hi ? [a, b] : [Math.min(a, lo), Math.max(b, hi)];
}

function isQualified(tokens: Token[], i: number, first: number): boolean {
	return !!qualifierBefore(tokens, i, first);
}

function qualifierBefore(tokens: Token[], i: number, first: number): { at: number; words: string; widen: (v: number) => [number, number] } | null {
	for (const [words, f] of QUALIFIERS) {
		const at = i - words.length;
		if (at < first) continue;
		if (words.every((w, k) => tokens[at + k].form.lower === w)) return { at, words: words.join(' '), widen: f };
	}
	return null;
}

/** The counted thing: the noun after the figure, the casualty it reports, or the currency's object. */
function countedThing(tokens: Token[], from: number, i: number, first: number, last: number, unit: Unit): { key: string; label: string; end: number } | null {
	const word = (k: number) => (k >= first && k < last ? tokens[k].form.lower : '');
	const run: Token[] = [];
	let j = i;
	if (word(j) === 'of' && unit === 'percent') j++;
	if (unit !== 'count' && unit !== 'percent' && ['in', 'of', 'for'].includes(word(j))) j++;
	if (unit === 'percent' && ['the', 'a', 'an', 'all', 'its', 'their'].includes(word(j))) j++;
	const runStart = j;
	for (; j < last && run.length < 4; j++) {
		const t = tokens[j];
		if (t.kind !== 'word' || PHRASE_END.has(t.form.lower) || !/^\p{Ll}/u.test(t.text)) break;
		if (run.length && /(?:ing|ed)$/.test(t.form.lower) && !CASUALTY[t.form.lower]) break;
		if (CASUALTY[t.form.lower] && run.length) break;
		run.push(t);
	}
	const head = headNoun(run, unit);
	if (NOT_COUNTED.has(head) || NOT_COUNTED.has(word(i))) return null;
	const rate = RATE.has(word(j + 1)) && ['a', 'per', 'each', 'every'].includes(word(j)) ? `/${word(j + 1)}` : '';
	const casualty = casualtyNear(tokens, from, j, first, last);
	// The counted phrase ends with its noun ("20,000 foreign fighters | remain in Libya").
	const end = head ? runStart + run.findIndex((t) => t.form.lower === head) + 1 : j;
	const found = (key: string, label: string) => ({ key, label, end });
	if (unit !== 'count') {
		// A sum or a share of nothing named ("turnout reached 61 percent") is too loose to compare.
		return head ? found(`${unit}:${lemma(head)}${rate}`, labelOf(run, head)) : null;
	}
	if (!head) return casualty ? found(casualty, casualty) : null;
	if (CASUALTY[head]) return found(CASUALTY[head], labelOf(run, head));
	const label = labelOf(run, head);
	if (GENERIC.has(head)) return casualty ? found(casualty, label) : null;
	return found(casualty ? `${lemma(head)} ${casualty}` : lemma(head) + rate, label);
}

const IRREGULAR_PLURAL = new Set('people men women children police troops personnel staff cattle sheep fish mice geese teeth'.split(' '));
const plural = (w: string) => IRREGULAR_PLURAL.has(w) || (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w));

// The noun counted: a count is of a plural ("20,000 foreign fighters remain" counts fighters), a share or a sum
// of the first noun ("52% of the vote"), else the last word of the phrase.
function headNoun(run: Token[], unit: Unit): string {
	if (!run.length) return '';
	if (unit !== 'count') return run[0].form.lower;
	return (run.find((t) => plural(t.form.lower)) ?? run[run.length - 1]).form.lower;
}

// A casualty word within three words before the figure ("killed 12") or after its noun ("12 people were killed").
function casualtyNear(tokens: Token[], before: number, after: number, first: number, last: number): string | null {
	for (let k = before - 1; k >= Math.max(first, before - 3); k--) {
		const c = CASUALTY[tokens[k].form.lower];
		if (c) return c;
		if (tokens[k].kind === 'punct') break;
	}
	for (let k = after; k < Math.min(last, after + 3); k++) {
		const c = CASUALTY[tokens[k].form.lower];
		if (c) return c;
		if (tokens[k].kind === 'punct' || tokens[k].kind === 'number') break;
	}
	return null;
}

// The words up to the counted noun ("foreign fighters", not "foreign fighters remain").
function labelOf(run: Token[], head: string): string {
	const k = run.findIndex((t) => t.form.lower === head);
	return run
		.slice(0, k + 1)
		.map((t) => t.text)
		.join(' ');
}

// Tokens `from..to` as written (one space where the text had any).
function spelled(tokens: Token[], from: number, to: number): string {
	let out = tokens[from].text;
	for (let k = from + 1; k < to; k++) out += (tokens[k].start > tokens[k - 1].end ? ' ' : '') + tokens[k].text;
	return out;
}
