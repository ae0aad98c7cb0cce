import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeDocument } from '../../../server/src/analysis';
import { CODES, FINDING_CODE_LIST, isFindingCode } from '../../../server/src/analysis/codes';
import { parseHeader } from '../../../server/src/analysis/document';
import { HEADER_START, hasSeedHeader } from '../../../server/src/analysis/header';
import { FINDING_CODES } from '../../../server/src/features/findings';
import { withCodeDocs } from '../../../scripts/settings-doc';

// The contracts between the stages and with the manifest: defined once, and checked here where a copy must exist.
const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const properties = pkg.contributes.configuration.properties;

test('the settings documentation in package.json is the one generated from the code table', () => {
	assert.deepEqual(properties, withCodeDocs(properties), 'run `npx tsx scripts/settings-doc.ts` after changing server/src/analysis/codes.ts');
});

test('every code the editor words and every code a setting can name is in the table', () => {
	for (const code of Object.values(FINDING_CODES)) assert.ok(isFindingCode(code), code);
	for (const code of properties['seedLens.ignore'].items.enum) assert.ok(isFindingCode(code), code);
	assert.ok(!isFindingCode('toString') && !isFindingCode('no-such-code'));
	for (const code of FINDING_CODE_LIST) assert.ok(CODES[code].description.endsWith('.'), `${code}: a description is a sentence`);
});

test('the codes the analysis reports on damaged input are in the table, at their default severity', () => {
	const inputs = ['', 'no header here\n\nA paragraph.', 'date 2021-13-40 Title\n\nText', 'date 2021-01-05\n\nHe said “never.', '\uFFFD\u0001 Ã© text'];
	for (const text of inputs)
		for (const d of analyzeDocument(text).annotations.diagnostics) {
			assert.ok(isFindingCode(d.code), d.code);
			assert.equal(d.severity, CODES[d.code].severity, `${d.code} in ${JSON.stringify(text)}`);
		}
});

const LINES = [
	'date 2021-01-05 Title',
	'date 2021-01-05',
	'  date 2021-01-05 Indented',
	'\tdate\t2021-01-05\tTabs',
	'date 2021-13-45 Impossible date',
	'date 21-1-5 Short date',
	'date tomorrow Title',
	'dated 2021-01-05 Title',
	'Date 2021-01-05 Title',
	'date2021-01-05 Title',
	'the date 2021-01-05',
	'# date 2021-01-05',
	'',
];

test('the manifest recognises a seed file by its first line exactly as the server, the index and the client do', () => {
	const firstLine = new RegExp(pkg.contributes.languages.find((l: { id: string }) => l.id === 'seed').firstLine);
	assert.equal(firstLine.source, HEADER_START.source);
	for (const line of LINES) {
		const text = `${line}\n\nThe body, said a spokesman.\n`;
		assert.equal(firstLine.test(line), hasSeedHeader(text), line);
		// Blank lines and a byte-order mark before the header do not change the answer.
		assert.equal(hasSeedHeader(`\uFEFF\n  \n${text}`), hasSeedHeader(text), line);
	}
});

test('a recognised header is parsed as a header by the core, and a well-formed one is recognised', () => {
	for (const line of LINES) {
		const text = `${line}\n\nThe body, said a spokesman.\n`;
		const parsed = parseHeader(text);
		const codes = parsed.diagnostics.map((d) => d.code);
		if (hasSeedHeader(text)) assert.ok(!codes.includes('missing-header'), `${line}: ${codes}`);
		if (parsed.header.date) assert.ok(hasSeedHeader(text), line);
	}
});
