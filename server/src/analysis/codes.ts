/**
 * Every finding code, in one typed table: which severity setting governs it, the severity it is
 * reported at by default, and what it means. The core's diagnostics, the editor's findings, the SARIF
 * rules and the settings' documentation in package.json (tested to agree) all read it.
 */
/** How severe a finding is. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Which severity setting governs a finding (`seedLens.severity.<kind>`; `problems` by code). */
export type FindingKind = 'entities' | 'dates' | 'claims' | 'unattributedClaims' | 'problems';

/** One row of the table. */
export interface CodeInfo {
	kind: FindingKind;
	/** The severity the finding has when no setting says otherwise. */
	severity: Severity;
	/** One sentence for people: the SARIF rule text and the settings' documentation. */
	description: string;
}

/** The finding codes. A code used anywhere that is not in this table does not type-check. */
export const CODES = {
	entity: { kind: 'entities', severity: 'hint', description: 'A mention of a person, organisation, place or other named entity.' },
	date: { kind: 'dates', severity: 'hint', description: 'A date or time expression, with the value it resolves to.' },
	'attributed-claim': { kind: 'claims', severity: 'information', description: 'A claim attributed to a source.' },
	quote: { kind: 'claims', severity: 'information', description: 'A direct quotation with its speaker.' },
	'unattributed-claim': {
		kind: 'unattributedClaims',
		severity: 'warning',
		description: 'A check-worthy statement (a figure, an accusation, a superlative) with no source.',
	},
	'empty-document': { kind: 'problems', severity: 'warning', description: 'The file is empty.' },
	'missing-header': { kind: 'problems', severity: 'warning', description: 'The first line is not a seed header “date YYYY-MM-DD Title”.' },
	'malformed-date': {
		kind: 'problems',
		severity: 'warning',
		description: 'The header date is not of the form YYYY-MM-DD, or does not exist in the calendar.',
	},
	'missing-title': { kind: 'problems', severity: 'information', description: 'The header has a date but no title.' },
	'file-too-large': { kind: 'problems', severity: 'warning', description: 'The file is larger than the analysis limit and was not analysed.' },
	'claims-not-parsed': {
		kind: 'problems',
		severity: 'information',
		description: 'The file is larger than the parsing limit: its claims are read from word lists alone, less exactly.',
	},
	'truncated-sentence': { kind: 'problems', severity: 'warning', description: 'A sentence that ends mid-phrase.' },
	'very-long-sentence': { kind: 'problems', severity: 'information', description: 'A sentence long enough to hide several claims.' },
	boilerplate: { kind: 'problems', severity: 'information', description: 'Publisher boilerplate that is not part of the article.' },
	'duplicate-paragraph': { kind: 'problems', severity: 'warning', description: 'A paragraph that repeats an earlier one word for word.' },
	'unbalanced-quote': {
		kind: 'problems',
		severity: 'warning',
		description: 'A quotation mark that is never closed, or closed without being opened.',
	},
	'replacement-character': {
		kind: 'problems',
		severity: 'warning',
		description: 'Replacement characters “�”: the file was not valid UTF-8 and the original characters are lost.',
	},
	'control-characters': {
		kind: 'problems',
		severity: 'warning',
		description: 'Control characters in the text: binary data, a broken export or a wrong encoding.',
	},
	mojibake: { kind: 'problems', severity: 'warning', description: 'UTF-8 text decoded as Windows-1252 or Latin-1 (“Ã©” for “é”).' },
	'date-after-publication': { kind: 'problems', severity: 'warning', description: 'A past event dated after the article was published.' },
	'ambiguous-date': {
		kind: 'problems',
		severity: 'information',
		description: 'A date whose reading is uncertain (day and month swappable, a nearest weekday or month taken, a two-digit year).',
	},
	'inconsistent-number': { kind: 'problems', severity: 'warning', description: 'The same quantity given different figures in one document.' },
	'alias-variant': { kind: 'problems', severity: 'information', description: 'One name spelt two ways in one document.' },
	'annotation-file': {
		kind: 'problems',
		severity: 'warning',
		description: 'A line of the document’s .ann annotation file that could not be used, with the reason.',
	},
	'conflicting-figure': {
		kind: 'problems',
		severity: 'warning',
		description: 'Another document in the workspace gives a different figure for the same quantity.',
	},
	'conflicting-date': {
		kind: 'problems',
		severity: 'warning',
		description: 'Another document in the workspace gives a different date for the same event.',
	},
	'findings-capped': {
		kind: 'problems',
		severity: 'information',
		description: 'A note on the header: more hint- and information-level findings than `seedLens.maxQuietDiagnostics` were left out.',
	},
	'analysis-failed': { kind: 'problems', severity: 'error', description: 'The analysis failed on this file (please report it with the file).' },
} as const satisfies Record<string, CodeInfo>;

/** A finding code. */
export type FindingCode = keyof typeof CODES;

/** The codes in table order. */
export const FINDING_CODE_LIST = Object.keys(CODES) as FindingCode[];

/** Whether a string (from a setting, an ignore file) is a finding code. */
export const isFindingCode = (code: string): code is FindingCode => Object.hasOwn(CODES, code);
