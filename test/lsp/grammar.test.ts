/** Protocol tests: a claim's hover shows the subject and the reported clause the parse finds for its cue. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { positionOf, Session } from './harness';

const TEXT = `date 2024-03-01 Fuel prices climb again

Labour party spokeswoman Anna Berg said that prices would rise sharply next month.

Prices rose sharply in February, analysts said on Monday, as fuel costs climbed.

The agency told reporters in Brussels that the new rules would take effect in June.

According to the ministry, 300 soldiers were killed in the attack.

The mayor was accused by opposition councillors of misusing public funds.
`;

const value = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value ?? '';

describe('claim hovers show the grammar of the attribution', () => {
	let s: Session;
	const uri = 'file:///tmp/grammar-hover.seed';
	const hoverOn = (needle: string) => s.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(TEXT, needle, 0, 1) });

	before(async () => {
		s = await Session.start();
		await s.open(uri, TEXT);
	});
	after(() => s.kill());

	test('the speaker is the subject, and the reported clause is the that-clause', async () => {
		const v = value(await hoverOn('said that'));
		assert.match(v, /Grammar: subject “(Labour party spokeswoman )?Anna Berg”/, v);
		assert.match(v, /reported clause “that prices would rise sharply next month/, v);
	});

	test('a postposed "analysts said on Monday" reports the clause before it, not the time adverbial', async () => {
		const v = value(await hoverOn('said on Monday'));
		assert.match(v, /subject “analysts”/, v);
		assert.match(v, /reported clause “Prices rose sharply in February”/, v);
		assert.doesNotMatch(v, /reported clause “on Monday/, v);
	});

	test('"according to X" names X and the clause it is attached to', async () => {
		const v = value(await hoverOn('According to'));
		assert.match(v, /object of “according to” “the ministry”/, v);
		assert.match(v, /reported clause “300 soldiers were killed in the attack”/, v);
	});

	test('a passive accusation shows who is accused and, as the agent, who accuses', async () => {
		const v = value(await hoverOn('accused by'));
		assert.match(v, /passive subject “The mayor”/, v);
		assert.match(v, /agent “opposition councillors”/, v);
	});

	test('the addressee of "told" is not the reported clause', async () => {
		const v = value(await hoverOn('told reporters'));
		assert.match(v, /subject “The agency”/, v);
		assert.match(v, /reported clause “that the new rules would take effect in June/, v);
	});
});
