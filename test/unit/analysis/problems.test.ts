import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../../server/src/analysis/document';
import fc from 'fast-check';
import { joined } from '../robustness/arbitraries';
import { BOILERPLATE, findProblems, isBoilerplate } from '../../../server/src/analysis/problems';

const HEADER = 'date 2024-01-15 Problems\n\n';

const problemsOf = (body: string) => {
	const text = HEADER + body;
	return { text, problems: findProblems(parseDocument(text)) };
};
const codes = (body: string) => problemsOf(body).problems.map((p) => p.code);

test('a sentence ending on "of." is truncated, with its last words in the message and the sentence as span', () => {
	const { text, problems } = problemsOf('The council voted to delay the opening of. The mayor left.');
	assert.deepEqual(problems, [
		{
			code: 'truncated-sentence',
			severity: 'warning',
			message: 'Sentence ends mid-phrase: “… the opening of.”',
			start: text.indexOf('The council'),
			end: text.indexOf(' The mayor'),
		},
	]);
});

test('a sentence ending on an article, a conjunction or a possessive is truncated', () => {
	assert.deepEqual(codes('Rescuers searched the valley and the.'), ['truncated-sentence']);
	assert.deepEqual(codes('The company said profits rose but.'), ['truncated-sentence']);
	assert.deepEqual(codes('The ministry published its.'), ['truncated-sentence']);
});

test('a preposition stranded by a relative clause is not truncation', () => {
	assert.deepEqual(codes('The paper printed the letter, which it had obtained a copy of.'), []);
	assert.deepEqual(codes('Nobody knew what the crates were made of.'), []);
});

test('a sentence that breaks off at an ellipsis after an auxiliary is truncated', () => {
	const { problems } = problemsOf('The minister said the government would…');
	assert.equal(problems[0].code, 'truncated-sentence');
	assert.equal(problems[0].message, 'Sentence breaks off mid-phrase: “… the government would…”');
	assert.deepEqual(codes('Prices rose, and the…'), ['truncated-sentence']);
	assert.deepEqual(codes('The crowd waited and waited...'), []);
});

test('a long paragraph that stops without final punctuation is flagged, a heading is not', () => {
	assert.deepEqual(codes('Background\n\nThe storm reached the coast on Sunday night and knocked out power to most of the region'), ['truncated-sentence']);
	assert.deepEqual(codes('The storm reached the coast on Sunday night, and officials'), []);
	assert.deepEqual(codes('Officials closed the roads,'), ['truncated-sentence']);
	assert.deepEqual(codes('March 01, 2008\n\nThe fair opened.'), []);
});

test('publisher lines are boilerplate', () => {
	assert.equal(isBoilerplate('The Valley Herald is a weekly newspaper published in Fresno, California.'), true);
	assert.equal(isBoilerplate('Coast News is an independent online news site.'), true);
	assert.equal(isBoilerplate('© 2023 Coast Media. All rights reserved.'), true);
	assert.equal(isBoilerplate('Click here to read the full report.'), true);
	assert.equal(isBoilerplate('Follow us on Instagram for updates.'), true);
	assert.equal(isBoilerplate('Subscribe to our newsletter.'), true);
	assert.equal(isBoilerplate('Reporting by Ana Costa; Editing by Tom Reed'), true);
	assert.equal(isBoilerplate('Read more'), true);
});

test('article sentences about newspapers, following or subscribing are not boilerplate', () => {
	assert.equal(isBoilerplate('The Herald is the largest employer in the town.'), false);
	assert.equal(isBoilerplate('Police followed the suspects to the harbour.'), false);
	assert.equal(isBoilerplate('Investors rushed to subscribe to the bond issue.'), false);
	assert.equal(isBoilerplate('She said she would read more of his letters in court.'), false);
});

test('a boilerplate sentence is reported as information with an excerpt', () => {
	const { text, problems } = problemsOf('The port reopened.\n\nThe Valley Herald is a weekly newspaper published in Fresno.');
	assert.deepEqual(problems, [
		{
			code: 'boilerplate',
			severity: 'information',
			message: 'Publisher boilerplate, not part of the article: “The Valley Herald is a weekly newspaper published in Fresno.”',
			start: text.indexOf('The Valley'),
			end: text.length,
		},
	]);
});

test('a paragraph repeated word for word points to the first one', () => {
	const p = 'Firefighters brought the blaze under control after six hours.';
	const { text, problems } = problemsOf(`${p}\n\nResidents returned home.\n\n${p}`);
	assert.deepEqual(problems, [
		{
			code: 'duplicate-paragraph',
			severity: 'warning',
			message: 'This paragraph repeats paragraph 1 word for word.',
			start: text.lastIndexOf(p),
			end: text.length,
		},
	]);
});

test('a quotation never closed is an unbalanced quote from the mark to the end of its paragraph', () => {
	const { text, problems } = problemsOf('“The plant will close, the manager said.\n\nWorkers left.\n\nThe gates shut.\n\nBuses came.\n\nIt rained.');
	assert.deepEqual(problems, [
		{
			code: 'unbalanced-quote',
			severity: 'warning',
			message: 'This quotation is never closed: no closing quotation mark follows in its paragraph or the next 3.',
			start: text.indexOf('“'),
			end: text.indexOf('\n\nWorkers'),
		},
	]);
	assert.deepEqual(codes('He said "the plant will close.\n\nWorkers left.'), ['unbalanced-quote']);
});

test('a quotation that continues into a paragraph opening with a quotation mark is balanced', () => {
	assert.deepEqual(codes('“We tried everything.\n\n“Nothing worked,” she said.'), []);
	assert.deepEqual(codes('“We tried everything.\n\nNothing worked.\n\nWe are tired,” she said.'), []);
	assert.deepEqual(codes('The shelf is 6" wide and “sturdy,” he said.'), []);
});

test('a closing quotation mark with no opening one is flagged on the mark', () => {
	const { text, problems } = problemsOf('The plant will close,” the manager said.');
	assert.deepEqual(
		problems.map((p) => [p.code, p.start, p.end]),
		[['unbalanced-quote', text.indexOf('”'), text.indexOf('”') + 1]],
	);
});

test('replacement characters say the file was not valid UTF-8', () => {
	const { text, problems } = problemsOf('The caf\uFFFD\uFFFD reopened.');
	assert.deepEqual(problems, [
		{
			code: 'replacement-character',
			severity: 'warning',
			message: '2 replacement characters “�”: the file was not valid UTF-8 when it was saved or read, and the original characters are lost.',
			start: text.indexOf('\uFFFD'),
			end: text.indexOf('\uFFFD') + 2,
		},
	]);
});

test('control characters are named', () => {
	const { problems } = problemsOf('The port\u0000 reopened.\u0007');
	assert.deepEqual(
		problems.map((p) => p.message),
		[
			'Control character U+0000 (NUL) in the text: probably binary data or a broken export.',
			'Control character U+0007 (BEL) in the text: probably binary data or a broken export.',
		],
	);
	assert.deepEqual(codes('Tabs\tand\r\nline breaks are fine.'), []);
});

test('mojibake of curly quotes and accents is flagged', () => {
	assert.deepEqual(codes('Itâ€™s a cafÃ© on the square.'), ['mojibake', 'mojibake']);
});

test('only the first twenty problems of an encoding code are listed, the last says how many more', () => {
	const { problems } = problemsOf('a\uFFFDb '.repeat(25));
	const bad = problems.filter((p) => p.code === 'replacement-character');
	assert.equal(bad.length, 20);
	assert.match(bad[19].message, /\(5 more places in this file are not reported\.\)$/);
});

test('a very long sentence is reported as information', () => {
	const { problems } = problemsOf('The ' + 'long '.repeat(125) + 'road ends.');
	assert.deepEqual(
		problems.map((p) => [p.code, p.severity]),
		[['very-long-sentence', 'information']],
	);
	assert.match(problems[0].message, /^Very long sentence \(128 words\)/);
});

// Sentences with none of the words the publisher patterns need skip them; every pattern tried is the definition.
test('boilerplate is what one of the publisher patterns matches', () => {
	const parts = [
		'The Post ',
		'is a ',
		'are an ',
		'daily ',
		'newspaper',
		'news site',
		'Website',
		'news agency',
		'wire service',
		'All Rights Reserved',
		'©',
		'(C)',
		'Copyright 2020',
		' 2021',
		'click here',
		'Follow us',
		'subscribe now',
		'Sign up for our free newsletter',
		'download the app',
		'get our free app',
		'Reporting by Jane Doe',
		'Editing by Tom',
		' and ',
		'Read more',
		'Related stories',
		'Advertisement',
		':',
		'.',
		' ',
		'x',
		'ſ',
		'K',
		'Publication',
		';',
	];
	const text = joined(parts, 10);
	fc.assert(
		fc.property(text, (t) => {
			assert.equal(
				isBoilerplate(t),
				BOILERPLATE.some((re) => re.test(t.trim())),
				JSON.stringify(t),
			);
		}),
		{ numRuns: 4000, seed: 20261128 },
	);
});
