// The .ann as other tools get it: what brat, converters and INCEpTION would misread is left out, and listed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBrat } from '../../../server/src/analysis/human/brat';
import { annotationConf, portableAnn } from '../../../server/src/analysis/human/portable';

test('a rejected claim leaves out its cue, its parts and their relations; the rest is kept as it was', () => {
	const ann = [
		'T1\tCue 10 14\tsaid',
		'T2\tSource 0 9\tMarta Jan',
		'T3\tContent 15 30\tthe port closed',
		'R1\tSource Arg1:T1 Arg2:T2',
		'R2\tContent Arg1:T1 Arg2:T3',
		'A1\tRejected T1',
		'T4\tORG 40 43\tFNV',
		'A2\tVerified T4',
		'',
	].join('\n');
	const p = portableAnn(ann, 'clean');
	assert.equal(p.text, 'T4\tORG 40 43\tFNV\nA2\tVerified T4\n');
	assert.deepEqual(p.left, ['3 rejected suggestions', '2 lines on rejected suggestions']);
});

test('without anything to leave out, the file is written back exactly, CRLF and all', () => {
	const ann = 'T1\tORG 0 3\tFNV\r\n#1\tAnnotatorNotes T1\tunion\r\n';
	assert.deepEqual(portableAnn(ann, 'inception'), { text: ann, left: [] });
});

test('the brat configuration declares every type and attribute Seed Lens writes', () => {
	const conf = annotationConf();
	const written = parseBrat(
		[
			'T1\tCue 0 1\tx',
			'T2\tSource 0 1\tx',
			'T3\tContent 0 1\tx',
			'T4\tDATE 0 1\tx',
			'R1\tSource Arg1:T1 Arg2:T2',
			'A1\tKind T1 quote',
			'A2\tVerified T4',
			'A3\tRejected T4',
		].join('\n'),
	);
	for (const r of written.records) if (r.kind !== 'verbatim') assert.match(conf, new RegExp(`^${r.type}(\\t|$)`, 'm'), r.type);
});
