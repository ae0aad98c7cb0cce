// The brat standoff reader and writer, the code-point offsets, and the edits a review makes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBrat, parseBrat } from '../../../server/src/analysis/human/brat';
import { applyEdits } from '../../../server/src/analysis/human/edits';
import { humanLayer } from '../../../server/src/analysis/human/layer';
import { CodePoints } from '../../../server/src/analysis/human/offsets';

const at = (text: string, needle: string, nth = 0) => {
	let i = -1;
	for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
	assert.ok(i >= 0, `“${needle}” not in the text`);
	return { start: i, end: i + needle.length };
};

test('reads every kind of line brat writes and writes each back exactly', () => {
	const ann = [
		'T1\tORG 0 9\tAcme Corp',
		'T2\tDATE 20 28\tThursday',
		'N1\tReference T2 TIMEX3:2021-11-11',
		'T3\tCue 30 34\tsaid',
		'R1\tSource Arg1:T3 Arg2:T1',
		'A1\tRejected T1',
		'A2\tKind T3 quote',
		'#1\tAnnotatorNotes T1\tchecked against the register',
		'E1\tAttack:T3 Target:T1',
		'*\tEquiv T1 T2',
		'',
	].join('\n');
	const file = parseBrat(ann);
	assert.deepEqual(file.problems, []);
	assert.deepEqual(
		file.records.map((r) => r.kind),
		['T', 'T', 'N', 'T', 'R', 'A', 'A', '#', 'verbatim', 'verbatim'],
	);
	assert.deepEqual(file.records[2], { kind: 'N', id: 'N1', type: 'Reference', target: 'T2', resource: 'TIMEX3', entry: '2021-11-11' });
	assert.equal(formatBrat(file), ann);
});

test('keeps CRLF line breaks and reports a malformed line by its number while the rest loads', () => {
	const ann = 'T1\tORG 0 4\tAcme\r\nthis is not brat\r\nT2\tPERSON 5 oops\tBob\r\nA1\tVerified T1\r\n';
	const file = parseBrat(ann);
	assert.equal(file.eol, '\r\n');
	assert.deepEqual(
		file.problems.map((p) => [p.line, p.severity]),
		[
			[2, 'error'],
			[3, 'error'],
		],
	);
	assert.match(file.problems[1].message, /T2: expected/);
	const layer = humanLayer('Acme and Bob', file);
	assert.deepEqual(
		layer.entities.map((e) => [e.id, e.text, e.verified]),
		[['T1', 'Acme', true]],
	);
	assert.equal(formatBrat(file), ann);
});

test('reads discontinuous spans, keeps them, and reports them as unsupported instead of dropping them silently', () => {
	const text = 'North and South Korea';
	const file = parseBrat('T1\tGPE 0 5;16 21\tNorth Korea\n');
	const layer = humanLayer(text, file);
	assert.equal(layer.entities.length, 0);
	assert.equal(layer.problems.length, 1);
	assert.match(layer.problems[0].message, /discontinuous spans are not supported/);
	assert.equal(formatBrat(file), 'T1\tGPE 0 5;16 21\tNorth Korea\n');
});

test('a span across a line break is written as brat writes it, fragments between the breaks, and read back as one span', () => {
	const text = 'date 2021-01-01 Title\n\nThe Kenya Red\r\nCross said 😀 so.';
	const red = at(text, 'Kenya Red\r\nCross');
	const file = applyEdits(text, '', [{ op: 'mark', span: { ...red, type: 'ORG' } }]);
	const line = formatBrat(file);
	const cp = new CodePoints(text);
	const nl = text.indexOf('\r\n');
	assert.equal(line, `T1\tORG ${cp.toCodePoint(red.start)} ${cp.toCodePoint(nl)};${cp.toCodePoint(nl + 2)} ${cp.toCodePoint(red.end)}\tKenya Red Cross\n`);
	const layer = humanLayer(text, line);
	assert.deepEqual(layer.problems, []);
	assert.deepEqual(
		layer.entities.map((e) => [e.start, e.end, e.type]),
		[[red.start, red.end, 'ORG']],
	);
	// Rejecting it finds the same line again.
	const rejected = formatBrat(applyEdits(text, line, [{ op: 'reject', span: { ...red, type: 'ORG' } }]));
	assert.equal(rejected, `${line}A1\tRejected T1\n`);
	// The older way of writing it, one span with the break as a space, is still read.
	const old = humanLayer(text, `T1\tORG ${cp.toCodePoint(red.start)} ${cp.toCodePoint(red.end)}\tKenya Red Cross\n`);
	assert.deepEqual(old.problems, []);
	assert.equal(old.entities.length, 1);
});

test('brat offsets count code points: a span after an emoji is two UTF-16 units further on', () => {
	const text = 'date 2021-01-01 Title\n\nFans 😀😀 cheered Acme Corp on Friday.';
	const cp = new CodePoints(text);
	const acme = at(text, 'Acme Corp');
	assert.equal(cp.toCodePoint(acme.start), acme.start - 2);
	assert.equal(cp.toUtf16(cp.toCodePoint(acme.start)), acme.start);
	assert.equal(cp.length, [...text].length);
	const file = applyEdits(text, '', [{ op: 'mark', span: { ...acme, type: 'ORG' } }]);
	assert.equal(formatBrat(file), `T1\tORG ${acme.start - 2} ${acme.end - 2}\tAcme Corp\n`);
	const layer = humanLayer(text, formatBrat(file));
	assert.deepEqual([layer.entities[0].start, layer.entities[0].end], [acme.start, acme.end]);
});

test('a CRLF seed counts CR and LF as one character each (offsets in the file’s exact text)', () => {
	const text = 'date 2021-01-01 Title\r\n\r\nAcme Corp said so.';
	const acme = at(text, 'Acme Corp');
	const file = applyEdits(text, '', [{ op: 'mark', span: { ...acme, type: 'ORG' } }]);
	assert.equal(formatBrat(file), `T1\tORG ${acme.start} ${acme.end}\tAcme Corp\n`);
	assert.equal(acme.start, 25);
});

test('a span whose text moved after an edit of the seed is found again when it appears once, and reported', () => {
	const text = 'date 2021-01-01 Title\n\nA new first sentence. Acme Corp said so.';
	const layer = humanLayer(text, 'T1\tORG 23 32\tAcme Corp\n');
	assert.deepEqual([layer.entities[0].start, layer.entities[0].text, layer.entities[0].moved], [at(text, 'Acme Corp').start, 'Acme Corp', true]);
	assert.equal(layer.problems[0].severity, 'information');
	assert.match(layer.problems[0].message, /no longer at 23–32/);
});

test('a span that is gone or ambiguous is not used, and its line gets a warning', () => {
	const text = 'date 2021-01-01 Title\n\nAcme said. Acme said again.';
	const layer = humanLayer(text, 'T1\tORG 0 4\tAcme\nT2\tORG 5 9\tZeta\n');
	assert.equal(layer.entities.length, 0);
	assert.deepEqual(
		layer.problems.map((p) => [p.line, p.severity]),
		[
			[1, 'warning'],
			[2, 'warning'],
		],
	);
	assert.match(layer.problems[0].message, /appears 2 times/);
	assert.match(layer.problems[1].message, /no longer appears/);
});

test('an attribute or relation pointing at a missing id is reported with its line', () => {
	const layer = humanLayer('Acme', 'T1\tORG 0 4\tAcme\nA1\tRejected T9\nR1\tSource Arg1:T1 Arg2:T7\n');
	assert.deepEqual(
		layer.problems.map((p) => p.line),
		[2, 3],
	);
});

test('claims are put together from their cue, source and content relations, with the review state', () => {
	const text = 'date 2021-01-01 Title\n\nThe mayor said the bridge will close.';
	const cue = at(text, 'said');
	const source = at(text, 'The mayor');
	const content = at(text, 'the bridge will close');
	const file = applyEdits(text, '', [
		{ op: 'claim', cue, source, content },
		{ op: 'state', state: 'in-review' },
	]);
	const out = formatBrat(file);
	assert.equal(
		out,
		[
			`T1\tContent ${content.start} ${content.end}\tthe bridge will close`,
			`T2\tCue ${cue.start} ${cue.end}\tsaid`,
			'R1\tContent Arg1:T2 Arg2:T1',
			`T3\tSource ${source.start} ${source.end}\tThe mayor`,
			'R2\tSource Arg1:T2 Arg2:T3',
			'#1\tSeedLensState *\tin-review',
			'',
		].join('\n'),
	);
	const layer = humanLayer(text, out);
	assert.equal(layer.state, 'in-review');
	assert.equal(layer.claims.length, 1);
	assert.deepEqual([layer.claims[0].cue?.text, layer.claims[0].source?.text, layer.claims[0].content?.text], ['said', 'The mayor', 'the bridge will close']);
	assert.deepEqual(layer.problems, []);
});

test('edits keep existing lines, unknown ones included, and number new ones after the highest id', () => {
	const text = 'Acme Corp hired Jane Doe on Friday.';
	const before = 'T7\tORG 0 9\tAcme Corp\nE1\tHire:T7\n% a comment line\n';
	const file = applyEdits(text, before, [
		{ op: 'reject', span: { ...at(text, 'Jane Doe'), type: 'ORG' } },
		{ op: 'mark', span: { ...at(text, 'Friday'), type: 'DATE' }, value: '2021-01-01', verified: true },
	]);
	const out = formatBrat(file);
	assert.ok(out.startsWith(before), out);
	assert.equal(
		out.slice(before.length),
		['T8\tORG 16 24\tJane Doe', 'A1\tRejected T8', 'T9\tDATE 28 34\tFriday', 'A2\tVerified T9', 'N1\tReference T9 TIMEX3:2021-01-01', ''].join('\n'),
	);
	// Confirming the rejected one flips its attribute rather than adding a second line for the span.
	const again = formatBrat(applyEdits(text, out, [{ op: 'mark', span: { ...at(text, 'Jane Doe'), type: 'ORG' }, verified: true }]));
	assert.ok(!again.includes('Rejected'));
	assert.equal(again.match(/Jane Doe/g)?.length, 1);
});

test('fixing a span moves the human annotation (same id) and retyping changes its type', () => {
	const text = 'The Acme Corp board met.';
	const before = `T1\tORG 4 8\tAcme\n`;
	const fixed = formatBrat(
		applyEdits(text, before, [{ op: 'mark', span: { ...at(text, 'Acme Corp'), type: 'ORG' }, replaces: { ...at(text, 'Acme'), type: 'ORG' } }]),
	);
	assert.equal(fixed, 'T1\tORG 4 13\tAcme Corp\n');
	const retyped = formatBrat(applyEdits(text, fixed, [{ op: 'mark', span: { ...at(text, 'Acme Corp'), type: 'FAC' } }]));
	assert.equal(retyped, 'T1\tFAC 4 13\tAcme Corp\n');
});

test('two writers applying their edits to the file as it is on disk both keep their lines', () => {
	const text = 'Acme Corp hired Jane Doe.';
	const first = formatBrat(applyEdits(text, '', [{ op: 'mark', span: { ...at(text, 'Acme Corp'), type: 'ORG' } }]));
	// The second writer read the empty file earlier, but applies its edit to what is there now.
	const second = formatBrat(applyEdits(text, first, [{ op: 'mark', span: { ...at(text, 'Jane Doe'), type: 'PERSON' } }]));
	assert.equal(second, 'T1\tORG 0 9\tAcme Corp\nT2\tPERSON 16 24\tJane Doe\n');
});
