/**
 * Source coreference: pronouns and descriptions resolved to the entity they refer back to. First with
 * entities given by hand (the linker alone), then through the whole analysis, each on sentences
 * written for this test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { SpeakerLinker, type SpeakerUnit } from '../../../server/src/analysis/claims/speakers';
import type { Claim, Entity, EntityType } from '../../../server/src/analysis/types';
import { syntaxModel } from '../../../server/src/syntaxModel';

const HEADER = 'date 2024-03-05 Test article\n\n';

/** Sentences (ending in . ! or ? before a space or the end) and paragraphs (blank lines) of a text. */
function unitsOf(text: string): SpeakerUnit[] {
	const out: SpeakerUnit[] = [];
	let paragraph = 0;
	for (const p of text.matchAll(/[^\n]+(?:\n(?!\n)[^\n]+)*/g)) {
		for (const s of p[0].matchAll(/[^.!?]+(?:[.!?]+["”’]?|$)\s*/g)) out.push({ start: p.index + s.index, end: p.index + s.index + s[0].length, paragraph });
		paragraph++;
	}
	return out;
}

/** Entities by name, type and the texts of their mentions (every occurrence of each). */
function entitiesOf(text: string, spec: [string, EntityType, string[], string?][]): Entity[] {
	return spec.map(([name, type, texts, role], i) => ({
		id: `e${i + 1}`,
		type,
		name,
		mentions: texts.flatMap((t) =>
			[...text.matchAll(new RegExp(`\\b${t}\\b`, 'g'))].map((m) => ({ start: m.index, end: m.index + t.length, text: t, ...(role ? { role } : {}) })),
		),
	}));
}

/** Claims whose sources are the given texts, the n-th occurrence of each ([text, n]). */
function claimsWith(text: string, sources: [string, number][]): Claim[] {
	return sources.map(([t, n]) => {
		let at = -1;
		for (let k = 0; k <= n; k++) at = text.indexOf(t, at + 1);
		assert.ok(at >= 0, `“${t}” #${n} is in the text`);
		return { start: at, end: at + t.length, text: t, kind: 'attributed', cue: null, source: { start: at, end: at + t.length, text: t }, content: null };
	});
}

function resolve(body: string, spec: [string, EntityType, string[], string?][], sources: [string, number][]): (string | undefined)[] {
	const text = HEADER + body;
	const entities = entitiesOf(text, spec);
	const claims = claimsWith(text, sources);
	new SpeakerLinker(text, entities, unitsOf(text)).resolve(claims);
	return claims.map((c) => entities.find((e) => e.id === c.source?.entity)?.name);
}

test('"she" after a named speaker is that speaker; "he" skips a woman for the man before her', () => {
	const body = 'Mr. Lee met Angela Merkel in Berlin. Merkel said the talks were useful. She added that trade came first. "We agreed on little," he said.';
	const got = resolve(
		body,
		[
			['Lee', 'PERSON', ['Lee']],
			['Angela Merkel', 'PERSON', ['Angela Merkel', 'Merkel']],
		],
		[
			['Merkel', 1],
			['She', 0],
			['he', 0],
		],
	);
	assert.deepEqual(got, ['Angela Merkel', 'Angela Merkel', 'Lee']);
});

test('a spokesman who speaks for a minister keeps a later "he said", across paragraphs', () => {
	const body = 'Tom Jones, a spokesman for Minister John Smith, said the budget would pass.\n\nThe vote is due in May.\n\n"We have the numbers," he said.';
	const got = resolve(
		body,
		[
			['Tom Jones', 'PERSON', ['Tom Jones']],
			['John Smith', 'PERSON', ['John Smith']],
		],
		[
			['Tom Jones, a spokesman for Minister John Smith', 0],
			['he', 0],
		],
	);
	assert.deepEqual(got, ['Tom Jones', 'Tom Jones']);
});

test('"he" does not reach a woman named by the given-name list, nor "she" a man called Mr', () => {
	const body = 'Sarah Collins spoke first. Then Mr. Okafor took the floor. She said the plan was costly.';
	const got = resolve(
		body,
		[
			['Sarah Collins', 'PERSON', ['Sarah Collins']],
			['Okafor', 'PERSON', ['Okafor']],
		],
		[['She', 0]],
	);
	assert.deepEqual(got, ['Sarah Collins']);
	const again = resolve(
		'Sarah Collins spoke first. Then Mr. Okafor took the floor. He said the plan was cheap.',
		[
			['Sarah Collins', 'PERSON', ['Sarah Collins']],
			['Okafor', 'PERSON', ['Okafor']],
		],
		[['He', 0]],
	);
	assert.deepEqual(again, ['Okafor']);
});

test('"it" is an organisation or a thing that spoke, never a person; a report that spoke keeps "it" unresolved', () => {
	const spec: [string, EntityType, string[], string?][] = [
		['Ministry of Finance', 'ORG', ['Ministry of Finance']],
		['Paula Reyes', 'PERSON', ['Paula Reyes']],
	];
	const got = resolve('The Ministry of Finance said taxes would fall. Paula Reyes welcomed the news. It also said spending would rise.', spec, [
		['The Ministry of Finance', 0],
		['It', 0],
	]);
	assert.deepEqual(got, ['Ministry of Finance', 'Ministry of Finance']);
	const report = resolve(
		'The Ministry of Finance published figures on Monday. An audit report said the figures were wrong. It also said the errors were old.',
		spec,
		[
			['An audit report', 0],
			['It', 0],
		],
	);
	assert.deepEqual(report, [undefined, undefined]);
});

test('"they" is an organisation or a group that spoke, not a person', () => {
	const got = resolve(
		'The Teachers Union said pay talks had failed. Ian Moss, a parent, was disappointed. They said a strike was likely.',
		[
			['Teachers Union', 'ORG', ['Teachers Union']],
			['Ian Moss', 'PERSON', ['Ian Moss']],
		],
		[
			['The Teachers Union', 0],
			['They', 0],
		],
	);
	assert.deepEqual(got, ['Teachers Union', 'Teachers Union']);
	// Plural speakers that are no entity ("analysts") are what "they" is: nothing to link.
	const plural = resolve(
		'The Teachers Union met on Monday. Analysts said the talks would fail. They said pay was the issue.',
		[['Teachers Union', 'ORG', ['Teachers Union']]],
		[
			['Analysts', 0],
			['They', 0],
		],
	);
	assert.deepEqual(plural, [undefined, undefined]);
});

test('descriptions: "the ministry" to the organisation with Ministry in its name, "the spokeswoman" to the person with that role', () => {
	const got = resolve(
		'Anna Berg, a spokeswoman for the Ministry of Health, said clinics would open. Acme Corp said it would supply them. The ministry said the plan was fixed. The spokeswoman said more would follow.',
		[
			['Anna Berg', 'PERSON', ['Anna Berg'], 'spokeswoman for the Ministry of Health'],
			['Ministry of Health', 'ORG', ['Ministry of Health']],
			['Acme Corp', 'ORG', ['Acme Corp']],
		],
		[
			['Anna Berg, a spokeswoman for the Ministry of Health', 0],
			['Acme Corp', 0],
			['The ministry', 0],
			['The spokeswoman', 0],
		],
	);
	assert.deepEqual(got, ['Anna Berg', 'Acme Corp', 'Ministry of Health', 'Anna Berg']);
});

test('a generic organisation noun goes to the organisation that spoke last; a description with no matching role stays unresolved', () => {
	const got = resolve(
		'Norvik Foods said sales rose. The company said prices would stay. The senator said nothing.',
		[
			['Norvik Foods', 'ORG', ['Norvik Foods']],
			['Dan Ruiz', 'PERSON', ['Dan Ruiz']],
		],
		[
			['Norvik Foods', 0],
			['The company', 0],
			['The senator', 0],
		],
	);
	assert.deepEqual(got, ['Norvik Foods', 'Norvik Foods', undefined]);
});

test('"the statement" is the one who issued a statement nearby', () => {
	const got = resolve(
		'The Port Authority issued a statement on Friday. The statement said the berths were safe.',
		[['Port Authority', 'ORG', ['Port Authority']]],
		[
			['The Port Authority', 0],
			['The statement', 0],
		],
	);
	assert.deepEqual(got, ['Port Authority', 'Port Authority']);
});

test('"we" inside a quotation is the organisation its speaker speaks for; "I" is the speaker', () => {
	const text = HEADER + '"We will not sign, and I will say so," said Labour spokeswoman Ruth Hale.';
	const entities = entitiesOf(text, [
		['Ruth Hale', 'PERSON', ['Ruth Hale']],
		['Labour', 'ORG', ['Labour']],
	]);
	const claims = claimsWith(text, [
		['We', 0],
		['I', 0],
		['Labour spokeswoman Ruth Hale', 0],
	]);
	const outer = claims[2];
	outer.kind = 'quote';
	outer.start = text.indexOf('"');
	outer.end = text.length;
	new SpeakerLinker(text, entities, unitsOf(text)).resolve(claims);
	assert.deepEqual(
		claims.map((c) => entities.find((e) => e.id === c.source?.entity)?.name),
		['Labour', 'Ruth Hale', 'Ruth Hale'],
	);
});

test('through the whole analysis: the role stays in the source phrase and pronouns reach the named speaker', () => {
	const text =
		HEADER +
		'Labour party spokeswoman Anna Berg said the bill would be withdrawn. She added that a new draft was ready.\n\n' +
		'The Ministry of Finance said on Monday that it would cut fuel duty. It also said the cut would cost little.';
	const ann = analyze(text, { syntax: syntaxModel() });
	const name = (id?: string) => ann.entities.find((e) => e.id === id)?.name;
	const by = (src: string) => ann.claims.find((c) => c.source?.text === src);
	assert.equal(by('Labour party spokeswoman Anna Berg') && name(by('Labour party spokeswoman Anna Berg')!.source!.entity), 'Anna Berg');
	assert.equal(name(by('She')?.source?.entity), 'Anna Berg');
	assert.equal(name(by('It')?.source?.entity), 'Ministry of Finance');
});

// ---- the source phrase itself ----

test('"their statement", "his letter": a document of theirs is whoever the possessive stands for', () => {
	const got = resolve(
		'The Harbour Council said on Monday that the ferry would stop. Their statement also said fares would rise. Mayor Tom Reed said he was sorry. His letter added that the pier would close.',
		[
			['Harbour Council', 'ORG', ['Harbour Council']],
			['Tom Reed', 'PERSON', ['Tom Reed']],
		],
		[
			['The Harbour Council', 0],
			['Their statement', 0],
			['Mayor Tom Reed', 0],
			['His letter', 0],
		],
	);
	assert.deepEqual(got, ['Harbour Council', 'Harbour Council', 'Tom Reed', 'Tom Reed']);
});

function sourcesOf(body: string): Map<string, string | null> {
	const text = HEADER + body;
	const ann = analyze(text, { syntax: syntaxModel() });
	return new Map(ann.claims.filter((c) => c.cue).map((c) => [c.cue!.text, c.source?.text ?? null]));
}

test('a participle after "“…,” X said" is X’s', () => {
	const s = sourcesOf('"The roads are closed," the mayor said, adding that schools would open late.');
	assert.equal(s.get('adding'), 'the mayor');
	const t = sourcesOf('"We expect a long winter," Okafor said, citing the drop in gas stocks.');
	assert.equal(t.get('citing'), 'Okafor');
});

test('adverbials between the subject and its verb are not the speaker', () => {
	assert.equal(sourcesOf('Regional officials have, in fact, praised the new hospital.').get('praised'), 'Regional officials');
	assert.equal(sourcesOf('Local farmers have in the past said that the canal leaks.').get('said'), 'Local farmers');
	assert.equal(sourcesOf('The rector has nevertheless called for calm.').get('called'), 'The rector');
	assert.equal(sourcesOf('Jana Novak, the club secretary, this past week announced a new stadium.').get('announced'), 'Jana Novak, the club secretary');
});

test('"X issued a statement saying" is X’s, not the statement’s', () => {
	assert.equal(sourcesOf('The harbour authority issued a statement saying the pier was safe.').get('saying'), 'The harbour authority');
	assert.equal(sourcesOf('Councillor Ben Ito fired back a response saying the audit was flawed.').get('saying'), 'Councillor Ben Ito');
});
