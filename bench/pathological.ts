/**
 * Adversarial inputs for the analysis: each generator returns a seed text of about `size`
 * UTF-16 code units built to stress one part of the pipeline (long capitalised runs for the
 * name finder, quotation marks for the sentence splitter and the quote finder, dots and digits
 * for the tokenizer…). The bench times them; the robustness tests check the invariants on
 * smaller ones. Deterministic: the same size gives the same text.
 */

const HEADER = 'date 2021-11-11 Pathological input\n\n';

function fill(unit: string, size: number): string {
	return unit.repeat(Math.max(1, Math.ceil(size / unit.length))).slice(0, size);
}

/** A tiny seeded PRNG (mulberry32), so "random" inputs are reproducible. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const CAPS = ['Alpha', 'Beta', 'Gamma', 'United', 'Nations', 'Khalifa', 'Haftar', 'North', 'African', 'Union', 'New', 'York', 'Mr.', 'St.', 'U.S.'];

function capitalisedRun(size: number): string {
	const r = rng(1);
	const words: string[] = [];
	let n = 0;
	while (n < size) {
		const w = CAPS[Math.floor(r() * CAPS.length)];
		words.push(w);
		n += w.length + 1;
	}
	return words.join(' ');
}

function randomUnicode(size: number): string {
	const r = rng(2);
	const out: string[] = [];
	for (let i = 0; i < size; i++) {
		const k = r();
		// Mostly BMP code units (lone surrogates included), some astral pairs, some newlines and spaces.
		if (k < 0.05) out.push('\n');
		else if (k < 0.2) out.push(' ');
		else if (k < 0.9) out.push(String.fromCharCode(Math.floor(r() * 0x10000)));
		else out.push(String.fromCodePoint(0x10000 + Math.floor(r() * 0xfffff)));
	}
	return out.join('').slice(0, size);
}

function nestedParens(size: number): string {
	const half = Math.floor(size / 2) - 2;
	return '('.repeat(half) + 'x' + ')'.repeat(half);
}

function oneLongLine(size: number): string {
	const sentence = 'The minister said on Thursday that 300 foreign fighters would leave the country by March, according to officials. ';
	return fill(sentence, size);
}

/** The named adversarial inputs, each about `size` code units long (header included). */
export const pathological: Record<string, (size: number) => string> = {
	'capitalised words': (size) => HEADER + capitalisedRun(size),
	'quotation marks': (size) => HEADER + fill('"“ ‘\' ”’ « » "', size),
	'straight quotes after a full stop': (size) => HEADER + 'He left. ' + fill('" ', size),
	dots: (size) => HEADER + fill('.', size),
	'spaced dots': (size) => HEADER + fill('. ', size),
	digits: (size) => HEADER + fill('0123456789', size),
	'grouped digits': (size) => HEADER + '1' + fill(',000', size),
	'of the of the': (size) => HEADER + 'The leader ' + fill('of the ', size) + 'country said.',
	'nested parentheses': (size) => HEADER + nestedParens(size),
	'one 1 MB line': (size) => HEADER + oneLongLine(size),
	'one 1 MB header line': (size) => HEADER.trimEnd() + ' ' + oneLongLine(size),
	'random Unicode': (size) => HEADER + randomUnicode(size),
	'one long word': (size) => HEADER + fill('a', size),
	'initials and abbreviations': (size) => HEADER + fill('J. R. U.S. Mr. Dr. St. ', size),
	'hyphens and apostrophes': (size) => HEADER + fill("pro-Haftar's anti-Kremlin-'s o'-", size),
	'blank lines': (size) => HEADER + fill('\n \r\n\t\n', size),
	'said said said': (size) => HEADER + 'Officials ' + fill('said ', size) + 'so.',
	'month and year soup': (size) => HEADER + fill('March 2021 last Thursday in the 1990s next week Q4 ', size),
};
