/**
 * The settings' documentation of finding codes in package.json, generated from the code table
 * (`server/src/analysis/codes.ts`): the list of problem codes under `seedLens.severity.problems`, and
 * the codes `seedLens.ignore` accepts. `npx tsx scripts/settings-doc.ts` rewrites package.json;
 * test/unit/server/contracts.test.ts fails when the two disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES, FINDING_CODE_LIST } from '../server/src/analysis/codes';

type Properties = Record<string, Record<string, unknown>>;

const PROBLEMS_INTRO =
	'Severity of structural problems by code, overriding the analysis\' own, e.g. `{ "truncated-sentence": "error", "boilerplate": "off" }`. The codes, with their default severity:';

/** The markdown list of problem codes, as `seedLens.severity.problems` documents it. */
export function problemsDoc(): string {
	const rows = FINDING_CODE_LIST.filter((c) => CODES[c].kind === 'problems').map((c) => `- \`${c}\` (${CODES[c].severity}): ${CODES[c].description}`);
	return `${PROBLEMS_INTRO}\n\n${rows.join('\n')}`;
}

/** The configuration properties with the documentation the table gives them (a copy; the rest unchanged). */
export function withCodeDocs(properties: Properties): Properties {
	const out = structuredClone(properties);
	out['seedLens.severity.problems'].markdownDescription = problemsDoc();
	out['seedLens.ignore'].items = {
		type: 'string',
		enum: [...FINDING_CODE_LIST],
		markdownEnumDescriptions: FINDING_CODE_LIST.map((c) => CODES[c].description),
	};
	return out;
}

if (process.argv[1]?.endsWith('settings-doc.ts')) {
	const file = join(__dirname, '..', 'package.json');
	const pkg = JSON.parse(readFileSync(file, 'utf8'));
	pkg.contributes.configuration.properties = withCodeDocs(pkg.contributes.configuration.properties);
	writeFileSync(file, JSON.stringify(pkg, null, '\t') + '\n');
	console.log('package.json: the finding codes documented from server/src/analysis/codes.ts');
}
