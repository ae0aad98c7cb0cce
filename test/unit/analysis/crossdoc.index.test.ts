import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { conflictsBetween, CrossDocIndex, documentFacts, type DocumentFacts } from '../../../server/src/analysis/crossdoc';

const dir = join(__dirname, '../../fixtures/crossdoc');
const facts = (text: string): DocumentFacts => documentFacts(text, analyze(text));
const reports = new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

function indexOf(docs: Map<string, string>): CrossDocIndex {
	const index = new CrossDocIndex();
	for (const [id, text] of docs) index.set(id, facts(text));
	return index;
}

const points = (index: CrossDocIndex) => index.timeline().map((p) => `${p.value} ${p.doc} ${p.start} ${p.text}`);

test('the timeline kept up to date change by change is the one built afresh', () => {
	const docs = new Map(reports);
	const index = indexOf(docs);
	assert.deepEqual(points(index), points(indexOf(docs)));
	// A report re-dated, one removed and one added, each followed by a look at the timeline.
	const redated = docs.get('kabul-times.txt')!.replace('date 2022-04-23', 'date 2022-05-23');
	docs.set('kabul-times.txt', redated);
	index.set('kabul-times.txt', facts(redated));
	assert.deepEqual(points(index), points(indexOf(docs)));
	docs.delete('election-b.txt');
	index.remove('election-b.txt');
	assert.deepEqual(points(index), points(indexOf(docs)));
	const added = 'date 2022-04-22 Kabul\n\nOn Thursday, police in Kabul said the mosque would reopen on Monday.\n';
	docs.set('aa-new.txt', added);
	index.set('aa-new.txt', facts(added));
	assert.deepEqual(points(index), points(indexOf(docs)));
	assert.ok(points(index).some((p) => p.includes('aa-new.txt')));
});

test('a document is compared with exactly the documents it could disagree with', () => {
	const index = indexOf(reports);
	for (const id of index.ids()) {
		const all = index
			.ids()
			.filter((o) => o !== id)
			.flatMap((o) => conflictsBetween({ id, facts: index.get(id)! }, { id: o, facts: index.get(o)! }));
		assert.deepEqual(index.conflictsOf(id), all, id);
	}
});

test('a person is found across documents by the surname alone', () => {
	const index = indexOf(
		new Map([
			['a', 'date 2021-11-11 A\n\nKhalifa Haftar said that 300 mercenaries would leave Libya.\n'],
			['b', 'date 2021-11-12 B\n\nHaftar said that 200 mercenaries would leave Libya.\n'],
		]),
	);
	assert.equal(index.get('a')!.entities.find((e) => e.key === 'khalifa haftar')!.surname, 'haftar');
	assert.deepEqual(
		index.entityPage('haftar')!.documents.map((d) => d.doc),
		['a', 'b'],
	);
	assert.deepEqual(
		index.conflictsOf('b').map((c) => c.kind),
		['figure'],
	);
});
