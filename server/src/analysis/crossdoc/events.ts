/**
 * Event verbs: things that happen once and are dated ("voted on Thursday",
 * "signed Friday"), as opposed to reporting verbs ("said Thursday"), which
 * people do every day and which never make two dates disagree.
 */

// Lemma, then the irregular forms; the regular ones (-s, -ed, -ing) are derived.
const VERBS: string[][] = [
	['vote'],
	['sign'],
	['resign'],
	['die', 'died', 'dies', 'dying'],
	['kill'],
	['arrest'],
	['attack'],
	['launch'],
	['elect'],
	['approve'],
	['reject'],
	['declare'],
	['strike', 'struck'],
	['hold', 'held'],
	['open'],
	['close'],
	['begin', 'began', 'begun'],
	['leave', 'left'],
	['arrive'],
	['collapse'],
	['crash'],
	['explode'],
	['erupt'],
	['win', 'won'],
	['lose', 'lost'],
	['release'],
	['sentence'],
	['convict'],
	['fire'],
	['ban'],
	['invade'],
	['withdraw', 'withdrew', 'withdrawn'],
	['announce'],
	['raid'],
	['storm'],
	['shoot', 'shot'],
	['sink', 'sank', 'sunk'],
	['flood'],
	['evacuate'],
	['suspend'],
	['pass'],
	['veto'],
	['ratify'],
	['agree'],
	['sue'],
	['rule'],
	['inaugurate'],
	['appoint'],
	['dismiss'],
	['meet', 'met'],
];

const FORMS = new Map<string, string>();
for (const [lemma, ...irregular] of VERBS) {
	const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
	const double = /[^aeiou][aeiou][bdgmnprt]$/.test(lemma) && lemma.length <= 4 ? lemma + lemma.at(-1) : lemma;
	const y = lemma.endsWith('y') ? lemma.slice(0, -1) + 'i' : null;
	const forms = [lemma + 's', lemma.endsWith('e') ? stem + 'ed' : double + 'ed', lemma.endsWith('e') ? stem + 'ing' : double + 'ing', ...irregular];
	if (y) forms.push(y + 'es', y + 'ed');
	if (/(?:sh|ch|ss|x)$/.test(lemma)) forms.push(lemma + 'es');
	for (const f of [lemma, ...forms]) FORMS.set(f, lemma);
}
// Forms that are more often something else.
for (const f of ['left', 'fire', 'close', 'open', 'rule', 'sentence', 'flood', 'storm', 'pass', 'meet', 'hold', 'lost', 'ban', 'won']) FORMS.delete(f);

/** The event verb a word is a form of, or null. */
export function eventVerb(word: string): string | null {
	return FORMS.get(word) ?? null;
}
