import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { joined } from '../robustness/arbitraries';
import { parseDocument, parseHeader, scanToken, TOKEN_AT } from '../../../server/src/analysis/document';

const sentences = (text: string) => {
	const d = parseDocument(text);
	return d.sentences.map((s) => text.slice(s.start, s.end));
};

test('reads the header date and title', () => {
	const { header, diagnostics } = parseHeader('date 2021-11-11 Libya’s mercenaries leave\n\nBody.');
	assert.deepEqual(header, { date: '2021-11-11', title: 'Libya’s mercenaries leave', start: 0, end: 41 });
	assert.deepEqual(diagnostics, []);
});

test('allows blank lines and leading blanks before the header', () => {
	const { header } = parseHeader('\n\n   date 2020-02-29 Leap day\nBody');
	assert.equal(header.date, '2020-02-29');
	assert.equal(header.start, 2);
});

test('reports an impossible header date', () => {
	const { header, diagnostics } = parseHeader('date 2021-02-30 Title\n');
	assert.equal(header.date, null);
	assert.deepEqual(
		diagnostics.map((d) => d.code),
		['malformed-date'],
	);
	assert.equal(diagnostics[0].start, 5);
	assert.equal(diagnostics[0].end, 15);
});

test('reports a malformed header date and a missing header', () => {
	assert.deepEqual(
		parseHeader('date 11/11/2021 Title').diagnostics.map((d) => d.code),
		['malformed-date'],
	);
	assert.deepEqual(
		parseHeader('Just a paragraph.').diagnostics.map((d) => d.code),
		['missing-header'],
	);
	assert.deepEqual(
		parseHeader('  \n ').diagnostics.map((d) => d.code),
		['empty-document'],
	);
});

test('a CRLF header keeps the carriage return out of the title', () => {
	const { header } = parseHeader('date 2021-11-11 Title here\r\n\r\nBody.');
	assert.equal(header.title, 'Title here');
	assert.equal(header.end, 26);
});

test('does not split sentences at abbreviations and initials', () => {
	const text = 'date 2020-01-01 T\n\nMr. J. R. R. Tolkien went to the U.S. in Sept. 1950. He paid $3.5 million. Then he left.';
	assert.deepEqual(sentences(text), ['Mr. J. R. R. Tolkien went to the U.S. in Sept. 1950.', 'He paid $3.5 million.', 'Then he left.']);
});

test('a closing quotation mark stays with its sentence', () => {
	const text = 'date 2020-01-01 T\n\nShe said “it is over.” Then she left. "Go," he said. "Now." They went.';
	assert.deepEqual(sentences(text), ['She said “it is over.”', 'Then she left.', '"Go," he said.', '"Now."', 'They went.']);
});

test('a paragraph break always ends a sentence', () => {
	const text = 'date 2020-01-01 T\n\nA headline without a stop\n\nThe body starts here.';
	assert.deepEqual(sentences(text), ['A headline without a stop', 'The body starts here.']);
});

test('splits a possessive and a prefixed name into tokens of their own', () => {
	const d = parseDocument('date 2021-11-11 T\n\nHaftar’s pro-Haftar forces and the east-based troops.');
	assert.deepEqual(
		d.tokens.map((t) => t.text),
		['Haftar', '’s', 'pro', '-', 'Haftar', 'forces', 'and', 'the', 'east-based', 'troops', '.'],
	);
	for (const t of d.tokens) assert.equal(d.text.slice(t.start, t.end), t.text);
});

test('tokens spelt alike share one form across documents, with its lower case', () => {
	const a = parseDocument('date 2021-01-01 T\n\nHaftar met Haftar’s envoy in Tripoli.');
	const b = parseDocument('date 2021-01-02 U\n\nIn Tripoli, HAFTAR spoke.');
	const form = (d: typeof a, text: string) => d.tokens.find((t) => t.text === text)!.form;
	assert.equal(form(a, 'Haftar'), a.tokens[0].form);
	assert.equal(form(a, 'Tripoli'), form(b, 'Tripoli'));
	assert.notEqual(form(a, 'Haftar'), form(b, 'HAFTAR'));
	assert.equal(form(b, 'HAFTAR').lower, 'haftar');
	// Tens of thousands of new spellings (the table grows, and starts afresh past its bound) still read back exactly.
	const words = Array.from({ length: 120_000 }, (_, i) => `W${i.toString(36)}`);
	const doc = parseDocument('date 2021-01-01 T\n\n' + words.join(' '));
	assert.deepEqual(
		doc.tokens.map((t) => t.text),
		words,
	);
	assert.ok(doc.tokens.every((t) => t.form.text === t.text && t.form.lower === t.text.toLowerCase()));
	assert.equal(parseDocument('date 2021-01-01 T\n\nTripoli').tokens[0].form.text, 'Tripoli');
});

// The tokenizer reads each token character by character; the token pattern is the definition.
test('reads tokens exactly where the token pattern ends them', () => {
	const chars = [
		'a',
		's',
		'S',
		'Z',
		'0',
		'7',
		"'",
		'’',
		'.',
		'-',
		'&',
		',',
		' ',
		'\n',
		'é',
		'\u0301',
		'Ⅻ',
		'²',
		'😀',
		'\ud800',
		'\udc00',
		'_',
		'”',
		'ب',
		'\u00a0',
		'０',
		'$',
		'ǅ',
		'\u200b',
	];
	const text = joined(chars, 24);
	fc.assert(
		fc.property(text, (t) => {
			for (let at = 0; at < t.length; at++) {
				if (/\s/.test(t[at])) continue;
				TOKEN_AT.lastIndex = at;
				TOKEN_AT.test(t);
				const end = scanToken(t, at);
				// -1: a surrogate is involved and the tokenizer runs the pattern itself.
				if (end < 0) assert.match(t.slice(at), /[\ud800-\udfff]/);
				else assert.equal(end, TOKEN_AT.lastIndex, `${JSON.stringify(t)} at ${at}`);
			}
		}),
		{ numRuns: 3000, seed: 20261128 },
	);
	assert.equal(scanToken('Haftar’s forces', 0), 6);
	assert.equal(scanToken('1,000,000 people', 0), 9);
	assert.equal(scanToken('U.S. troops', 0), 4);
	assert.equal(scanToken("rock'n'roll", 0), 11);
});
