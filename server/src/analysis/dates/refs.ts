/**
 * Vague references to the present, past and future, as TIMEX3 PRESENT_REF,
 * PAST_REF and FUTURE_REF: "now", "currently", "recently", "in the past",
 * "the near future", "soon", "the long term", "recent years", "the coming months".
 */
import { found, w, type Ctx, type Found } from './context';

const PRESENT = 'PRESENT_REF';
const PAST = 'PAST_REF';
const FUTURE = 'FUTURE_REF';

const LETTER = /^\p{L}/u;
const TIME_NOUNS = /^(years|months|weeks|days|times|decades|history|past|memory)$/;
const FUTURE_ADJ = /^(near|foreseeable|distant|immediate|not-too-distant|long-term|short-term|medium-term)$/;
const CURRENT_NOT_REF = /^(account|accounts|affairs|year|quarter|month|week|period|half|fiscal|season|term|and|or|of|to|is|was|are|were)$/;
const DEGREE = /^(very|more|most|only|quite|fairly|relatively)$/;

function ref(first: number, last: number, value: string, why: string): Found {
	return found(first, last, value, 'ref', false, why);
}

/** A vague temporal reference headed by token i, or null. */
export function refAt(ctx: Ctx, i: number): Found | null {
	const t = ctx.low[i];
	const prev = w(ctx, i - 1);
	const next = w(ctx, i + 1);
	switch (t) {
		case 'now':
		case 'currently':
		case 'presently':
		case 'nowadays':
			return ref(prev === 'right' ? i - 1 : i, i + 1, PRESENT, `“${t}”: the time of writing`);
		case 'present':
			return prev === 'at' ? ref(i, i + 1, PRESENT, '“at present”') : null;
		case 'moment':
			return prev === 'the' && w(ctx, i - 2) === 'at' ? ref(i - 1, i + 1, PRESENT, '“at the moment”') : null;
		case 'time':
			return prev === 'the' && next === 'being' ? ref(i - 1, i + 2, PRESENT, '“for the time being”') : null;
		case 'days':
			return prev === 'these' ? ref(i - 1, i + 1, PRESENT, '“these days”') : plural(ctx, i);
		case 'recently':
		case 'lately':
			return ref(DEGREE.test(prev) || prev === 'until' ? (prev === 'until' ? i : i - 1) : i, i + 1, PAST, `“${t}”: before the time of writing`);
		case 'recent':
			// "the most recent model" is the latest one, not a time.
			if (prev === 'most') return null;
			return ref(DEGREE.test(prev) ? i - 1 : i, TIME_NOUNS.test(next) ? i + 2 : i + 1, PAST, '“recent”: shortly before the time of writing');
		case 'current':
			// "the current crisis" is the present; "the current quarter" is a period (periods.ts), "current account" no time.
			return /^(the|its|their|his|her|our|a)$/.test(prev) && LETTER.test(next) && !CURRENT_NOT_REF.test(next)
				? ref(i, i + 1, PRESENT, '“current”: at the time of writing')
				: null;
		case 'past':
			return thePast(ctx, i);
		case 'future':
			return theFuture(ctx, i);
		case 'soon':
			if (prev === 'as' || next === 'as' || next === 'after' || next === 'afterwards' || next === 'thereafter') return null;
			return ref(/^(very|too|quite|fairly|relatively)$/.test(prev) ? i - 1 : i, i + 1, FUTURE, '“soon”: after the time of writing');
		case 'term':
			if (prev !== 'long' && prev !== 'short' && prev !== 'near' && prev !== 'medium') return null;
			if (w(ctx, i - 2) !== 'the') return null;
			return ref(i - 2, i + 1, FUTURE, `“the ${prev} term”`);
		default:
			return plural(ctx, i);
	}
}

// "in the past", "the past" as a noun; "the past week" and "past decisions" are not references.
function thePast(ctx: Ctx, i: number): Found | null {
	if (w(ctx, i - 1) !== 'the') return null;
	const next = w(ctx, i + 1);
	if (LETTER.test(next) && !/^(and|or|but|when|as|to|is|was|has|had|with|that|which|where|it|they|he|she|we|i)$/.test(next)) return null;
	if (/^\d/.test(next)) return null;
	return ref(i - 1, i + 1, PAST, '“the past”');
}

// "the future", "the near future", "the foreseeable future"; "future plans" is not a reference.
function theFuture(ctx: Ctx, i: number): Found | null {
	let first = i - 1;
	if (FUTURE_ADJ.test(w(ctx, first))) first--;
	if (w(ctx, first) !== 'the') return null;
	const next = w(ctx, i + 1);
	if (LETTER.test(next) && !/^(and|or|but|when|as|to|is|was|will|with|that|which|where|it|they|he|she|we|i)$/.test(next)) return null;
	return ref(first, i + 1, FUTURE, `“${ctx.low.slice(first, i + 1).join(' ')}”`);
}

// "recent years" (via "recent"), "the coming months", "in the years ahead".
function plural(ctx: Ctx, i: number): Found | null {
	const t = ctx.low[i];
	if (!/^(years|months|weeks|days|decades)$/.test(t)) return null;
	const prev = w(ctx, i - 1);
	if ((prev === 'coming' || prev === 'next' || prev === 'upcoming') && w(ctx, i - 2) === 'the' && !/^\d/.test(w(ctx, i + 1))) {
		return ref(i - 2, i + 1, FUTURE, `“the ${prev} ${t}”`);
	}
	if (prev === 'the' && w(ctx, i + 1) === 'ahead') return ref(i - 1, i + 2, FUTURE, `“the ${t} ahead”`);
	return null;
}
