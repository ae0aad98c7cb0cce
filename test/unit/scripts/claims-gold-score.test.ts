// The claims-gold scorer (scripts/claims-gold-score.mjs) on a document written for the test: matching by cue,
// noise and repeats, the zone, and a pronoun source that must be resolved to the mention it stands for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClaimsGoldDoc, ClaimsGoldScore, GoldClaim, PredClaim } from '../../../scripts/claims-gold-score.mjs' with { 'resolution-mode': 'import' };

// The scorer is a plain ES module (the eval script runs it with node alone): loaded, not required.
const scorer = import('../../../scripts/claims-gold-score.mjs');
const scoreClaimsGold = async (docs: ClaimsGoldDoc[]): Promise<ClaimsGoldScore> => (await scorer).scoreClaimsGold(docs);

const text = [
	'date 2026-11-20 Mayor says the bridge will reopen',
	'',
	'Mayor Ana Ruiz said the bridge would reopen in May. She added that repairs cost 4 million euros.',
	'',
	'The bridge is the oldest in the region.',
	'',
].join('\n');

const at = (s: string, from = 0) => {
	const start = text.indexOf(s, from);
	assert.ok(start >= 0, s);
	return { start, end: start + s.length, text: s };
};
const sentence1 = at('Mayor Ana Ruiz said the bridge would reopen in May.');
const sentence2 = at('She added that repairs cost 4 million euros.');
const sentence3 = at('The bridge is the oldest in the region.');
const gold: GoldClaim[] = [
	{ ...sentence1, kind: 'attributed', cue: at('said'), source: at('Mayor Ana Ruiz'), content: at('the bridge would reopen in May') },
	{
		...sentence2,
		kind: 'attributed',
		cue: at('added'),
		source: { ...at('She'), refers: at('Ana Ruiz') },
		content: at('repairs cost 4 million euros'),
	},
	{ ...sentence3, kind: 'unattributed', cue: null, source: null, content: at('The bridge is the oldest in the region') },
];
const zone: [number, number] = [text.indexOf('\n') + 1, text.length];
const ruiz = { id: 'e1', name: 'Ana Ruiz', mentions: [at('Ana Ruiz')] };
const doc = (claims: PredClaim[], entities = [ruiz]): ClaimsGoldDoc => ({ gold: { zone, gold: { claims: gold } }, text, pred: { claims, entities } });

const said: PredClaim = {
	...sentence1,
	kind: 'attributed',
	cue: at('said'),
	source: { ...at('Ana Ruiz'), entity: 'e1' },
	content: at('the bridge would reopen in May'),
};
const oldest: PredClaim = { ...sentence3, kind: 'unattributed', content: at('The bridge is the oldest in the region') };

test('a pronoun source resolved to the mention it stands for is right as written and resolved', async () => {
	const added = { ...sentence2, kind: 'attributed', cue: at('added'), source: { ...at('She'), entity: 'e1' }, content: at('repairs cost 4 million euros') };
	const s = await scoreClaimsGold([doc([said, added, oldest])]);
	assert.equal(s.n.attributed, 2);
	assert.equal(s.n.found, 2);
	assert.equal(s.n.sourceOk, 2);
	assert.equal(s.n.resolvedOk, 2);
	assert.equal(s.u.found, 1);
	assert.equal(s.noise, 0);
	assert.deepEqual(s.errors, []);
});

test('a pronoun source left unresolved is right as written but not resolved, and is listed', async () => {
	const added = { ...sentence2, kind: 'attributed', cue: at('added'), source: at('She'), content: at('repairs cost 4 million euros') };
	const s = await scoreClaimsGold([doc([said, added])]);
	assert.equal(s.n.sourceOk, 2);
	assert.equal(s.n.resolvedOk, 1);
	assert.deepEqual(
		s.errors.map((e) => [e.type, e.source, e.gold]),
		[['unresolved source', 'She', 'She → Ana Ruiz']],
	);
});

test('a source that is the mention the pronoun stands for is right and resolved', async () => {
	const added = { ...sentence2, kind: 'attributed', cue: at('added'), source: at('Mayor Ana Ruiz'), content: at('repairs cost 4 million euros') };
	const s = await scoreClaimsGold([doc([said, added])]);
	assert.equal(s.n.sourceOk, 2);
	assert.equal(s.n.resolvedOk, 2);
	assert.deepEqual(s.errors, []);
});

test('a claim found with the words of another statement is listed as a content error', async () => {
	const added = { ...sentence2, kind: 'attributed', cue: at('added'), source: at('She'), content: at('the bridge would reopen in May') };
	const s = await scoreClaimsGold([doc([said, added])]);
	assert.equal(s.n.contentOk, 1);
	assert.deepEqual(
		s.errors.map((e) => [e.type, e.source, e.gold]),
		[
			['unresolved source', 'She', 'She → Ana Ruiz'],
			['content', 'the bridge would reopen in May', 'repairs cost 4 million euros'],
		],
	);
});

test('a source naming another entity is wrong both ways', async () => {
	const other = { id: 'e2', name: 'Regional Council', mentions: [] };
	const added = { ...sentence2, kind: 'attributed', cue: at('added'), source: { ...at('May'), entity: 'e2' }, content: at('repairs cost 4 million euros') };
	const s = await scoreClaimsGold([doc([said, added], [ruiz, other])]);
	assert.equal(s.n.sourceOk, 1);
	assert.equal(s.n.resolvedOk, 1);
	assert.equal(s.errors[0].type, 'wrong source');
	assert.equal(s.errors[0].source, 'May → Regional Council');
});

test('a claim matching no gold claim is noise, a second claim of one statement a repeat, a claim outside the zone neither', async () => {
	const again: PredClaim = { ...sentence1, kind: 'attributed', cue: null, source: null, content: at('the bridge would reopen in May') };
	const header: PredClaim = {
		...at('Mayor says the bridge will reopen'),
		kind: 'attributed',
		cue: at('says'),
		source: at('Mayor'),
		content: at('the bridge will reopen'),
	};
	const reopen: PredClaim = { ...sentence2, kind: 'unattributed', content: sentence2 };
	const s = await scoreClaimsGold([doc([header, said, again, reopen])]);
	assert.equal(s.pred, 3);
	assert.equal(s.duplicate, 1);
	assert.equal(s.noise, 1);
	assert.deepEqual(s.errors.map((e) => e.type).sort(), ['missed', 'noise']);
	assert.equal(s.u.found, 0);
});
