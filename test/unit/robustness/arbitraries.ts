/**
 * Input generators for the property tests: news-like fragments (names, dates, figures, reporting
 * verbs, quotations) mixed with the characters that break naive code — lone surrogates, NUL,
 * CR/LF/CRLF mixes, right-to-left text, combining marks, emoji — with or without a header.
 */
import fc from 'fast-check';

const words = [
	'the',
	'minister',
	'said',
	'on',
	'Thursday',
	'that',
	'according',
	'to',
	'officials',
	'accused',
	'of',
	'announced',
	'reportedly',
	'biggest',
	'ever',
];
const names = [
	'Khalifa Haftar',
	'Haftar',
	'Haftar’s',
	'United Nations',
	'UN',
	'Paris',
	'North Africa',
	'Mr. Smith',
	'U.S.',
	'St. Louis',
	'pro-Haftar',
	'Russian',
	'Wagner Group',
	'Jean-Luc Picard',
	'McDonald',
];
const dates = [
	'2021',
	'1990s',
	'March 2021',
	'11 November 2021',
	'Nov. 11',
	'last year',
	'next week',
	'last Thursday',
	'yesterday',
	'this spring',
	'Q4 2020',
	'the 19th century',
	'in December',
	'now',
	'recently',
	'2021-11-11',
	'31 February 2021',
	'week 53',
	'the first half of 2009',
];
const figures = ['300', '20,000', '1.5 million', '12%', '$4bn', '€2.5m', '3.14', '-7', '1,000,000,000', '0'];
const punct = ['.', ',', ';', ':', '!', '?', '…', '—', '–', '-', '(', ')', '[', ']', '/', '&', '...', '. ', '.”', '?"'];
const quotes = ['"', '“', '”', '‘', '’', "'", '«', '»', '„', '‹', '›'];
const breaks = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n \n', '\u2028', '\u2029', '\f', '\v'];
const spaces = [' ', '  ', '\t', '\u00a0', '\u2009', '\u200b', '\u3000'];
const oddities = [
	'\u0000',
	'\ud800',
	'\udfff',
	'x\udc00y',
	'\ufeff',
	'\ufffd',
	'\u200e',
	'\u200f',
	'\u202e',
	'\u0301',
	'e\u0301',
	'n\u0303o',
	'A\u030a',
	'👍🏽',
	'👨‍👩‍👧',
	'🇫🇷',
	'𝐁𝐨𝐥𝐝',
	'ǅ',
	'ß',
	'İ',
	'ﬁ',
];
const rtl = ['القاهرة', 'قال الوزير', 'ירושלים', 'אמר', 'طرابلس 2021', '«مرتزقة»'];
const headers = [
	'date 2021-11-11 Libya’s mercenaries are leaving',
	'date 2021-02-29 Not a leap year',
	'date 2021-13-01 Month thirteen',
	'date 21-11-11 Short year',
	'date 2021-11-11',
	'  date 2021-11-11   Padded title  ',
	'date',
	'DATE 2021-11-11 Upper case',
	'date 2021-11-11\tTabbed title',
	'Not a header at all',
];

/** One fragment of input. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
	{ weight: 5, arbitrary: fc.constantFrom(...words) },
	{ weight: 4, arbitrary: fc.constantFrom(...names) },
	{ weight: 3, arbitrary: fc.constantFrom(...dates) },
	{ weight: 2, arbitrary: fc.constantFrom(...figures) },
	{ weight: 3, arbitrary: fc.constantFrom(...punct) },
	{ weight: 2, arbitrary: fc.constantFrom(...quotes) },
	{ weight: 2, arbitrary: fc.constantFrom(...breaks) },
	{ weight: 5, arbitrary: fc.constantFrom(...spaces) },
	{ weight: 2, arbitrary: fc.constantFrom(...oddities) },
	{ weight: 1, arbitrary: fc.constantFrom(...rtl) },
	// Any UTF-16 code unit, lone surrogates included.
	{ weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 6 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

/** A body of up to `max` fragments. */
export const body = (max: number): fc.Arbitrary<string> => fc.array(fragment, { maxLength: max }).map((xs) => xs.join(''));

/** Up to `max` of the given pieces, joined: text made of exactly the characters and words a rule cares about. */
export const joined = (pieces: readonly string[], max: number, min = 0): fc.Arbitrary<string> =>
	fc.array(fc.constantFrom(...pieces), { minLength: min, maxLength: max }).map((xs) => xs.join(''));

/** A seed-like text: a header (valid, broken, alone or missing), then a body. */
export const seedText: fc.Arbitrary<string> = fc
	.tuple(fc.option(fc.constantFrom(...headers), { freq: 4 }), fc.constantFrom('\n', '\r\n', '\n\n', '\r', ''), body(120))
	.map(([h, nl, b]) => (h === null ? b : h + nl + b));

/** Any string at all, of any code units. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 400 }),
	fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 400 }),
	fc.string({ unit: 'grapheme', maxLength: 200 }),
);

/** One line of about 100,000 code units built from fragments without line breaks. */
export const longLine: fc.Arbitrary<string> = fc
	.tuple(
		fc.option(fc.constantFrom(...headers)),
		fc.array(
			fragment.filter((f) => !/[\n\r\u2028\u2029]/.test(f)),
			{ minLength: 20, maxLength: 60 },
		),
	)
	.map(([h, xs]) => {
		const unit = xs.join(' ') + ' ';
		const line = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
		return h === null ? line : `${h}\n${line}`;
	});
