// Learning from reviewed annotations: names people marked are found in other documents, rejected suggestions stop.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { formatBrat } from '../../../server/src/analysis/human/brat';
import { applyEdits, type AnnotationEdit } from '../../../server/src/analysis/human/edits';
import { humanLayer } from '../../../server/src/analysis/human/layer';
import { learnNames } from '../../../server/src/analysis/human/learned';

const at = (text: string, needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
const layerOf = (text: string, ...edits: AnnotationEdit[]) => humanLayer(text, formatBrat(applyEdits(text, '', edits)));
const mentionsOf = (a: ReturnType<typeof analyze>, text: string) =>
	a.entities.flatMap((e) => e.mentions.filter((m) => m.text === text).map((m) => ({ ...m, type: e.type })));

const reviewed = 'date 2024-03-01 Quarry dispute\n\nThe start-up mOcean said on Friday that talks had failed.';
const other = 'date 2024-03-05 Quarry talks\n\nWorkers met mOcean again. mOcean-backed plans were discussed, said the mOcean Board.';

test('a name marked in one document is suggested in another, as the machine’s, with the type people gave it', () => {
	const model = learnNames([layerOf(reviewed, { op: 'mark', span: { ...at(reviewed, 'mOcean'), type: 'ORG' } })]);
	assert.deepEqual(model.names, { mOcean: { ORG: 1 } });
	assert.equal(mentionsOf(analyze(other), 'mOcean').length, 0, 'the tagger alone misses it');
	const found = mentionsOf(analyze(other, { learned: model }), 'mOcean');
	// Found where it stands alone; not inside “mOcean-backed” nor as part of the longer “mOcean Board”.
	assert.equal(found.length, 1);
	assert.deepEqual([found[0].start, found[0].type, found[0].origin], [other.indexOf('mOcean'), 'ORG', 'machine']);
});

test('a suggestion people rejected is no longer made, and a name they retyped takes their type elsewhere', () => {
	const text = 'date 2024-03-01 Notes\n\nAccording to Kestrel, the ferry left Dunmore at noon.';
	const machine = analyze(text);
	const kestrel = machine.entities.find((e) => e.mentions.some((m) => m.text === 'Kestrel'));
	const dunmore = machine.entities.find((e) => e.mentions.some((m) => m.text === 'Dunmore'));
	assert.ok(kestrel && dunmore, 'the analysis suggests both names');
	const retype = dunmore.type === 'FAC' ? 'GPE' : 'FAC';
	const model = learnNames([
		layerOf(text, { op: 'reject', span: { ...at(text, 'Kestrel'), type: kestrel.type } }, { op: 'mark', span: { ...at(text, 'Dunmore'), type: retype } }),
	]);
	const after = analyze(text, { learned: model });
	assert.equal(mentionsOf(after, 'Kestrel').length, 0);
	assert.deepEqual(
		mentionsOf(after, 'Dunmore').map((m) => m.type),
		[retype],
	);
});

test('nothing learned, nothing changed', () => {
	const model = learnNames([]);
	assert.equal(model.documents, 0);
	assert.deepEqual(analyze(other, { learned: model }).entities, analyze(other).entities);
});
