import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { coreMemory } from '../../../server/src/analysis/memory';

// The core remembers per-word and per-sentence work across calls (tagger word features, gazetteer
// first words, ordinary-word tests, figures and boilerplate per sentence), all of it owned by one
// object (memory.ts). These tests pin that the memory only saves time: an article reads the same
// whatever was analysed before it, and nothing else is remembered behind its back.

const seed = (body: string, date = '2022-05-04') => `date ${date} Test article\n\n${body}`;

const articles = [
	seed(
		'Total said on Monday it would cut 1,200 jobs in France. The company’s chief executive, Patrick Pouyanné, told reporters that “the total cost” would reach $4.2 billion.\n\nUnions in Paris called a strike. Reporting by Anne Martin; editing by Tom Hale.',
	),
	seed(
		'Officials in Nairobi said 35 people were killed when floods hit the region. The Kenya Red Cross reportedly sent 12 trucks of supplies.\n\nThe total number of victims is unconfirmed. “We need help,” said Amina Yusuf, a local chief.',
	),
	seed(
		'The European Central Bank raised its key rate by 0.5 percent, the largest increase since 2011. Christine Lagarde said inflation was too high.\n\nMarkets in Frankfurt and London fell. The Daily Courier is a newspaper published in Leeds.',
	),
	seed(
		'Boeing delivered 30 aircraft in March, according to a statement. Airbus, its European rival, delivered 52 jets.\n\nAnalysts said Boeing’s output was the lowest in two years. Supercalifragilisticexpialidociousnessunbelievablylongwordthatgoesonandonforever appears once.',
	),
];

test('an article reads the same whether analysed first or after other articles', () => {
	const first = articles.map((a) => JSON.stringify(analyze(a)));
	// Other articles, and the same ones in reverse order, fill every memo in between.
	for (const a of [...articles].reverse()) analyze(a);
	analyze(seed('Total sales rose. TOTAL and total and Total. 5 percent of 5 percent.'));
	const again = articles.map((a) => JSON.stringify(analyze(a)));
	assert.deepEqual(again, first);
});

test('an article reads the same in every recogniser mode after the others ran', () => {
	for (const mode of ['rules', 'model', 'both'] as const) {
		const before = JSON.stringify(analyze(articles[0], { entityRecogniser: mode }));
		for (const a of articles.slice(1)) analyze(a, { entityRecogniser: mode });
		assert.equal(JSON.stringify(analyze(articles[0], { entityRecogniser: mode })), before);
	}
});

test('the figures of a claim are its own list, not one shared with later analyses', () => {
	const text = seed('The ministry said 400 workers lost their jobs in May.');
	const claim = analyze(text).claims.find((c) => c.figures);
	assert.deepEqual(claim?.figures, ['400 workers']);
	claim!.figures!.push('changed by the caller');
	assert.deepEqual(analyze(text).claims.find((c) => c.figures)?.figures, ['400 workers']);
});

test('an article reads the same after floods of new words have made the memos start afresh', () => {
	const first = articles.map((a) => JSON.stringify(analyze(a)));
	// Tens of thousands of capitalised words met twice each: the tagger's pooled word scores and the
	// shared word forms pass their bounds and start again, while old forms still point at old entries.
	const words = Array.from({ length: 45_000 }, (_, i) => `Zq${i.toString(36)}`);
	for (let k = 0; k < words.length; k += 3_000) {
		const chunk = words.slice(k, k + 3_000);
		analyze(seed(`${chunk.join(' ')}.\n\n${chunk.join(' ')}.`));
	}
	assert.deepEqual(
		articles.map((a) => JSON.stringify(analyze(a))),
		first,
	);
});

test('every memory the core keeps across documents is owned by one object, each with its bound', () => {
	analyze(articles[0]);
	const listed = coreMemory.list();
	assert.deepEqual(listed.map((m) => m.name).sort(), [
		'boilerplate sentences',
		'check-worthy phrases of a claim',
		'common words',
		'figures of a text',
		'shared word forms (with the tagger, gazetteer and claim-trigger answers per spelling)',
		'spelling keys of names',
		"the tagger's word entries and pooled scores",
	]);
	for (const m of listed) assert.ok(m.limit > 0 && m.size <= m.limit, `${m.name}: ${m.size} of ${m.limit}`);
	assert.ok(
		// The claims' phrases are remembered when diagnostics and hovers are worded, not by the analysis.
		listed.every((m) => m.name === 'spelling keys of names' || m.name === 'check-worthy phrases of a claim' || m.size > 0),
		JSON.stringify(listed),
	);
});

test('an article reads the same after every memory is emptied at once', () => {
	const first = articles.map((a) => JSON.stringify(analyze(a)));
	coreMemory.reset();
	assert.ok(coreMemory.list().every((m) => m.size === 0));
	assert.deepEqual(
		articles.map((a) => JSON.stringify(analyze(a))),
		first,
	);
});

// Module-level maps the core fills after start-up, other than its memories: each is a table derived
// once from read-only data (a model, the gazetteer, a word list), keyed by that data.
const DERIVED_TABLES: Record<string, string> = {
	'ner/features.ts lexiconChars': "the tagger lexicon's character classes, per lexicon",
	'syntax/moveScores.ts modelRows': "the parser's weight rows, per model",
	'syntax/arcScores.ts modelRows': "the arc labeller's weight rows, per model",
	'syntax/tagScores.ts modelRows': "the part-of-speech tagger's weight rows, per model",
	'entities/gazetteer.ts caseModes': "a gazetteer entry's spellings' cases, per entry",
	'crossdoc/predicates.ts CLASS_OF': 'event verbs by class, filled when the module loads',
	'crossdoc/events.ts FORMS': 'event verb forms, filled when the module loads',
	'dates/lexicon.ts MONTHS': 'month names, filled when the module loads',
	'dates/lexicon.ts WEEKDAYS': 'weekday names, filled when the module loads',
	'ner/index.ts memos': "the tagger's word memo per model, owned by coreMemory",
};

test('the core keeps no other module-level map it fills while analysing', () => {
	const core = join(__dirname, '..', '..', '..', 'server', 'src', 'analysis');
	const files = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
	const found: string[] = [];
	for (const f of files(core).filter((x) => x.endsWith('.ts'))) {
		const src = readFileSync(f, 'utf8');
		for (const m of src.matchAll(/^(?:export )?(?:const|let) (\w+)(?::[^=]+)? = new (?:Map|WeakMap)\b/gm)) {
			if (new RegExp(`^\\s+.*\\b${m[1]}\\.set\\(`, 'm').test(src)) found.push(`${relative(core, f)} ${m[1]}`);
		}
	}
	assert.deepEqual(
		found.filter((x) => !DERIVED_TABLES[x]),
		[],
	);
});
