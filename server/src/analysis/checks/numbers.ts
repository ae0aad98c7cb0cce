/**
 * `inconsistent-number`: the same quantity given figures a power of ten apart in one
 * document ("300 mercenaries" … "3,000 mercenaries"), the typical slip of a zero too
 * many or too few. Figures that differ otherwise are often different counts of the
 * same thing (killed and wounded, before and after), so they are left alone.
 */
import type { SeedDocument, Token } from '../document';
import type { Diagnostic } from '../types';

interface Figure {
	value: number;
	noun: string;
	start: number;
	end: number;
	text: string;
	/** A year the sentence names, if any: figures of different years are different counts. */
	year: string | null;
}

const NUMBER = /^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$/;
const LOWER_WORD = /^\p{Ll}[\p{Ll}-]+$/u;
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, mn: 1e6, bn: 1e9 };
// A figure after these is a comparison, a range end, a part or an addition, not the count itself.
const NOT_A_COUNT_BEFORE = new Set([
	'from',
	'to',
	'than',
	'and',
	'or',
	'between',
	'another',
	'additional',
	'extra',
	'further',
	'more',
	'of',
	'per',
	'each',
	'every',
	'last',
	'previous',
	'earlier',
	'versus',
	'vs',
	'against',
	'compared',
	'-',
	'–',
	'—',
	'/',
	'$',
	'€',
	'£',
	'¥',
	'no.',
	'number',
	'#',
]);
// Units, currencies and time spans: "3 years" and "30 years" are rarely one quantity miscounted.
const UNITS = new Set(
	(
		'percent per cent pct % point points basis year years month months week weeks day days hour hours minute minutes second seconds ' +
		'time times km kilometre kilometres kilometer kilometers mile miles metre metres meter meters foot feet inch inches kg kilogram kilograms ' +
		'tonne tonnes ton tons pound pounds ounce ounces barrel barrels gallon gallons litre litres acre acres hectare hectares degree degrees ' +
		'dollar dollars euro euros yen yuan cent cents pence rupee rupees share shares vote votes seat seats mph am pm a.m. p.m. ' +
		'st nd rd th gmt utc edt est bst cet'
	).split(' '),
);

/** Plural-insensitive form of a head noun: "mercenaries" and "mercenary" share "mercenary". */
export function lemma(w: string): string {
	const x = w.toLowerCase();
	if (x.length > 4 && x.endsWith('ies')) return x.slice(0, -3) + 'y';
	if (x.length > 4 && /(?:ss|sh|ch|x)es$/.test(x)) return x.slice(0, -2);
	if (x.length > 3 && x.endsWith('s') && !x.endsWith('ss')) return x.slice(0, -1);
	return x;
}

function figureAt(doc: SeedDocument, i: number, lo: number, hi: number, year: string | null): Figure | null {
	const t = doc.tokens[i];
	if (t.kind !== 'number' || !NUMBER.test(t.text)) return null;
	let value = +t.text.replace(/,/g, '');
	// Years ("2009 elections") and small counts are not what this check is about.
	if (YEAR.test(t.text)) return null;
	let k = i + 1;
	const scale = k < hi ? SCALE[doc.tokens[k].text.toLowerCase()] : undefined;
	if (scale) [value, k] = [value * scale, k + 1];
	if (value < 10 || k >= hi || isTouching(doc.tokens, i - 1, i)) return null;
	const noun = doc.tokens[k];
	if (noun.kind !== 'word' || !LOWER_WORD.test(noun.text) || UNITS.has(noun.text.toLowerCase())) return null;
	if (i - 1 >= lo && NOT_A_COUNT_BEFORE.has(doc.tokens[i - 1].text.toLowerCase())) return null;
	// "up from 200", "down from 3,000", "from 300 to 400": a previous value or a range.
	if (i - 2 >= lo && /^(?:from|than|between|of)$/i.test(doc.tokens[i - 2].text)) return null;
	if (k + 1 < hi && /^(?:to|-|–|or|and)$/.test(doc.tokens[k + 1].text) && doc.tokens[k + 2]?.kind === 'number') return null;
	return { value, noun: lemma(noun.text), start: t.start, end: noun.end, text: doc.text.slice(t.start, noun.end), year };
}

// "$300", "3-year", "No.3": a figure glued to a sign or word is not a plain count.
function isTouching(tokens: readonly Token[], a: number, b: number): boolean {
	return a >= 0 && tokens[a].end === tokens[b].start && tokens[a].kind !== 'word';
}

const YEAR = /^(?:1[89]|20)\d\d$/;

function yearOf(doc: SeedDocument, lo: number, hi: number): string | null {
	// A year starts with a digit: only number tokens can be one.
	for (let k = lo; k < hi; k++) if (doc.tokens[k].kind === 'number' && YEAR.test(doc.tokens[k].text)) return doc.tokens[k].text;
	return null;
}

function powerOfTenApart(a: number, b: number): boolean {
	const [x, y] = a < b ? [a, b] : [b, a];
	for (let f = 10; f <= 1000; f *= 10) if (Math.abs(x * f - y) < 1e-6 * y) return true;
	return false;
}

/** Figures of the same head noun a factor of 10, 100 or 1000 apart: the later one is flagged, once per noun and value. */
export function numberChecks(doc: SeedDocument): Diagnostic[] {
	const seen = new Map<string, Figure[]>();
	const out: Diagnostic[] = [];
	const flagged = new Set<string>();
	for (const s of doc.sentences) {
		// The sentence's year is looked for once it has a number.
		let year: string | null | undefined;
		for (let i = s.first; i < s.last; i++) {
			if (doc.tokens[i].kind !== 'number') continue;
			if (year === undefined) year = yearOf(doc, s.first, s.last);
			const f = figureAt(doc, i, s.first, s.last, year);
			if (!f) continue;
			const earlier = seen.get(f.noun) ?? [];
			const clash = earlier.find((e) => powerOfTenApart(e.value, f.value) && (!e.year || !f.year || e.year === f.year));
			const key = `${f.noun}:${f.value}`;
			if (clash && !flagged.has(key)) {
				flagged.add(key);
				out.push({
					code: 'inconsistent-number',
					severity: 'warning',
					message: `“${f.text}” contradicts the earlier “${clash.text}”, a factor of ${Math.round(Math.max(f.value, clash.value) / Math.min(f.value, clash.value))} apart: one of the figures is probably wrong.`,
					start: f.start,
					end: f.end,
				});
			}
			// A handful of distinct values per noun is plenty, and keeps the check linear.
			if (earlier.length < 8 && !earlier.some((e) => e.value === f.value)) earlier.push(f);
			seen.set(f.noun, earlier);
		}
	}
	return out;
}
