// Human annotations win: a `.ann` laid over the analysis adds, rejects, retypes and moves annotations, and says who made each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { formatBrat } from '../../../server/src/analysis/human/brat';
import { applyEdits, type AnnotationEdit } from '../../../server/src/analysis/human/edits';

const text = [
	'date 2021-11-11 Harbour workers strike at Kestrel Port',
	'',
	'Dock workers at Kestrel Port walked out on Thursday, the union Harbourside Alliance said.',
	'',
	'Maria Lopez, who leads Harbourside Alliance, said the strike would last a week. The Harbourside Alliance has 4,000 members.',
	'',
	'Officials said on Friday that talks were planned.',
].join('\n');

const at = (needle: string, nth = 0) => {
	let i = -1;
	for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
	assert.ok(i >= 0, `“${needle}” #${nth} not in the text`);
	return { start: i, end: i + needle.length };
};
const withEdits = (...edits: AnnotationEdit[]) => analyze(text, { human: formatBrat(applyEdits(text, '', edits)) });
const mentionAt = (a: ReturnType<typeof analyze>, s: { start: number; end: number }) => {
	for (const e of a.entities) for (const m of e.mentions) if (m.start === s.start && m.end === s.end) return { e, m };
	return undefined;
};

test('without a .ann every annotation is the machine’s, and the contract is version 2', () => {
	const a = analyze(text);
	assert.equal(a.version, 2);
	assert.ok(a.entities.length > 0);
	for (const e of a.entities) {
		assert.equal(e.origin, 'machine');
		for (const m of e.mentions) assert.equal(m.origin, 'machine');
	}
	for (const d of a.dates) assert.equal(d.origin, 'machine');
	for (const c of a.claims) assert.equal(c.origin, 'machine');
});

test('an added name becomes an entity with its other occurrences, and the added mention is the human’s', () => {
	const a = withEdits({ op: 'mark', span: { ...at('Harbourside Alliance'), type: 'ORG' } });
	const hit = mentionAt(a, at('Harbourside Alliance'));
	assert.ok(hit);
	assert.equal(hit.e.type, 'ORG');
	assert.equal(hit.m.origin, 'human');
	assert.equal(hit.e.origin, 'human');
	// The second and third “Harbourside Alliance” are the same entity, whatever the machine made of them.
	for (const n of [1, 2]) assert.equal(mentionAt(a, at('Harbourside Alliance', n))?.e.id, hit.e.id, `occurrence ${n}`);
	assert.equal(a.entities.filter((e) => e.mentions.some((m) => m.text === 'Harbourside Alliance')).length, 1);
});

test('a rejected suggestion disappears, and only that one', () => {
	const machine = analyze(text);
	const lopez = mentionAt(machine, at('Maria Lopez'));
	assert.ok(lopez, 'the machine finds Maria Lopez');
	const a = withEdits({ op: 'reject', span: { ...at('Maria Lopez'), type: lopez.e.type } });
	assert.equal(mentionAt(a, at('Maria Lopez')), undefined);
	assert.equal(a.entities.length, machine.entities.length - (lopez.e.mentions.length === 1 ? 1 : 0));
});

test('a type change replaces the machine’s type, and a fixed span replaces its span', () => {
	const machine = analyze(text);
	const port = mentionAt(machine, at('Kestrel Port', 1));
	assert.ok(port, 'the machine finds Kestrel Port');
	const retype = port.e.type === 'FAC' ? 'GPE' : 'FAC';
	const a = withEdits({ op: 'mark', span: { ...at('Kestrel Port', 1), type: retype } });
	assert.equal(mentionAt(a, at('Kestrel Port', 1))?.e.type, retype);
	const fixed = withEdits({ op: 'mark', span: { ...at('Kestrel', 1), type: 'GPE' }, replaces: { ...at('Kestrel Port', 1), type: port.e.type } });
	assert.equal(mentionAt(fixed, at('Kestrel Port', 1)), undefined);
	assert.equal(mentionAt(fixed, at('Kestrel', 1))?.m.origin, 'human');
});

test('a confirmed suggestion stays where it was and becomes the human’s', () => {
	const machine = analyze(text);
	const lopez = mentionAt(machine, at('Maria Lopez'))!;
	const a = withEdits({ op: 'mark', span: { ...at('Maria Lopez'), type: lopez.e.type }, verified: true });
	const hit = mentionAt(a, at('Maria Lopez'));
	assert.equal(hit?.e.id, lopez.e.id);
	assert.equal(hit?.m.origin, 'human');
});

test('a human date takes the value of its normalisation line; a rejected date is gone', () => {
	const a = withEdits({ op: 'date-value', span: at('Thursday'), value: '2021-11-04' }, { op: 'reject', span: { ...at('Friday'), type: 'DATE' } });
	const thursday = a.dates.find((d) => d.start === at('Thursday').start);
	assert.deepEqual([thursday?.value, thursday?.granularity, thursday?.origin], ['2021-11-04', 'day', 'human']);
	assert.equal(
		a.dates.find((d) => d.start === at('Friday').start),
		undefined,
	);
});

test('a human claim replaces the machine’s on the same cue, with its source entity', () => {
	const cue = at('said', 1);
	const a = withEdits(
		{ op: 'mark', span: { ...at('Maria Lopez'), type: 'PERSON' } },
		{ op: 'claim', cue, source: at('Maria Lopez'), content: at('the strike would last a week') },
	);
	const claims = a.claims.filter((c) => c.cue && c.cue.start === cue.start);
	assert.equal(claims.length, 1);
	const c = claims[0];
	assert.equal(c.origin, 'human');
	assert.equal(c.kind, 'attributed');
	assert.equal(c.text, text.slice(c.start, c.end));
	assert.equal(c.source?.text, 'Maria Lopez');
	assert.equal(c.source?.entity, mentionAt(a, at('Maria Lopez'))?.e.id);
});

test('rejecting a machine claim by its cue removes it', () => {
	const machine = analyze(text);
	const officials = machine.claims.find((c) => c.cue?.text === 'said' && c.cue.start === at('said', 2).start);
	assert.ok(officials, 'the machine reports the officials’ claim');
	const a = withEdits({ op: 'reject', span: { ...officials.cue!, type: 'Cue' } });
	assert.equal(
		a.claims.find((c) => c.cue?.start === officials.cue!.start),
		undefined,
	);
	assert.equal(a.claims.length, machine.claims.length - 1);
});

test('an unreadable .ann changes nothing and the analysis still runs', () => {
	const a = analyze(text, { human: '\u0000\u0001 binary junk\nT1\tORG 9999 10000\tNowhere\n' });
	assert.equal(a.entities.length, analyze(text).entities.length);
});
