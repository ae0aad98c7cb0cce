// One claim per statement: a cue with no source in a sentence that already names its source is not listed again as
// a claim of an "unnamed source"; agentless attributions ("it was reported that", "it is alleged") still are.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/analysis';

function claims(body: string) {
	const text = `date 2026-11-20 One claim per statement\n\n${body}\n`;
	return analyze(text).claims.map((c) => ({
		kind: c.kind,
		cue: c.cue?.text ?? null,
		source: c.source?.text ?? null,
		content: c.content ? text.slice(c.content.start, c.content.end) : null,
	}));
}

const unnamed = (cs: ReturnType<typeof claims>) => cs.filter((c) => c.kind !== 'unattributed' && !c.source);

test('a question put to a named speaker is not a claim of an unnamed source', () => {
	const cs = claims('When asked whether the deal would survive, the minister replied that talks would continue.');
	assert.deepEqual(unnamed(cs), []);
	assert.ok(cs.some((c) => c.cue === 'replied' && c.source === 'the minister' && c.content === 'talks would continue'));
});

test('the object of a verb of saying is its subject’s: announced plans, voiced fears', () => {
	const cs = claims('The carmaker announced plans on Friday to close 12 plants in Ohio.');
	assert.deepEqual(unnamed(cs), []);
	assert.ok(
		cs.every((c) => c.source === 'The carmaker'),
		JSON.stringify(cs),
	);
});

test('the speaker’s own noun for the same words is the same statement', () => {
	const cs = claims('The chairwoman said in her opening remarks that the budget would be balanced by 2030.');
	assert.deepEqual(unnamed(cs), []);
	assert.deepEqual(
		cs.map((c) => c.cue),
		['said'],
	);
	// A reporting noun with its own statement and no holder stays: the fears are nobody's named.
	const fears = claims('Analysts blamed the losses on fears that the bank would collapse.');
	assert.ok(fears.some((c) => c.cue === 'blamed' && c.source === 'Analysts'));
});

test('a passive inside what a named source says is part of that statement', () => {
	const cs = claims('The union said that wages would be cut when the plant is expected to close.');
	assert.deepEqual(unnamed(cs), []);
	assert.equal(cs.length, 1);
	assert.equal(cs[0].source, 'The union');
});

test('a participle after a named claim takes its speaker', () => {
	for (const [body, source, said] of [
		['The mayor said the bridge would reopen in May, adding that repairs had cost less than expected.', 'The mayor', 'repairs had cost less than expected'],
		['“We have a lot of work ahead,” the mayor said, adding that “the new plan is far more ambitious.”', 'the mayor', 'the new plan is far more ambitious'],
	]) {
		const cs = claims(body);
		assert.deepEqual(unnamed(cs), [], body);
		const adding = cs.find((c) => c.cue === 'adding');
		assert.equal(adding?.source, source, body);
		assert.ok(adding?.content?.startsWith(said), body);
	}
});

test('a quotation’s verb takes the speaker that follows it', () => {
	const cs = claims('“The market is recovering,” said analyst Maria Gomez commenting on the figures.');
	const quote = cs.find((c) => c.kind === 'quote');
	assert.equal(quote?.source, 'analyst Maria Gomez');
	assert.deepEqual(unnamed(cs), []);
});

test('agentless attributions keep their unnamed source, beside a named one too', () => {
	for (const [body, cue] of [
		['It was reported that the president had resigned, while his spokesman said he was on holiday.', 'reported'],
		['It is alleged that the firm paid bribes to officials.', 'alleged'],
		['The new stadium is said to have cost twice its budget.', 'said'],
	]) {
		const cs = unnamed(claims(body));
		assert.equal(cs.length, 1, body);
		assert.equal(cs[0].cue, cue, body);
	}
});

test('reports denied by a named speaker are still somebody else’s', () => {
	const cs = claims('The spokesman denied reports that the president had resigned.');
	assert.ok(cs.some((c) => c.cue === 'denied' && c.source === 'The spokesman'));
	const reports = cs.find((c) => c.cue === 'reports');
	assert.equal(reports?.source, null);
	assert.equal(reports?.content, 'the president had resigned');
});

test('a sentence with a named claim gets no unattributed duplicate', () => {
	const cs = claims('The ministry said 300 soldiers had been killed, the deadliest attack in a decade.');
	assert.equal(cs.filter((c) => c.kind === 'unattributed').length, 0);
	assert.ok(cs.some((c) => c.source === 'The ministry'));
});
