/**
 * `seed-lens analyze --format sarif`: the findings as a SARIF 2.1.0 log (one
 * run), so code-scanning tools show the same claims and problems as the editor.
 * Entity mentions and dates are annotations, not findings, and are left out.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentAnnotations, Severity } from '../analysis';
import { findingHash, findings, type Finding } from '../features/findings';
import { LineIndex } from '../positions';

type Result = (DocumentAnnotations & { file: string }) | { file: string; error: string };

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** What each rule is about, for the rule list of the log; codes not listed are described by their name. */
const RULES: Record<string, string> = {
	'attributed-claim': 'A claim attributed to a source.',
	quote: 'A direct quotation with its speaker.',
	'unattributed-claim': 'A check-worthy statement (a figure, an accusation, a superlative) with no source.',
	'truncated-sentence': 'A sentence that ends mid-phrase.',
	boilerplate: 'Publisher boilerplate that is not part of the article.',
	'duplicate-paragraph': 'A paragraph that repeats an earlier one word for word.',
	'missing-header': 'The first line is not a seed header “date YYYY-MM-DD Title”.',
	'file-too-large': 'The file is larger than the analysis limit and was not analysed.',
	'empty-document': 'The file is empty.',
	'malformed-date': 'The header date is not of the form YYYY-MM-DD, or does not exist in the calendar.',
	'date-after-publication': 'A past event dated after the article was published.',
	'ambiguous-date': 'A date whose reading is uncertain (day and month swappable, a nearest weekday or month taken, a two-digit year).',
	'inconsistent-number': 'The same quantity given different figures in one document.',
	'alias-variant': 'One name spelt two ways in one document.',
	'missing-title': 'The header has a date but no title.',
	'unbalanced-quote': 'A quotation mark that is never closed, or closed without being opened.',
	'very-long-sentence': 'A sentence long enough to hide several claims.',
};

/** An artifact URI for a path as given: relative paths stay relative (with `/`), absolute ones become `file:` URIs. */
function artifactUri(file: string): string {
	return path.isAbsolute(file) ? pathToFileURL(file).toString() : encodeURI(file.split(path.sep).join('/'));
}

/** Formats the CLI's results as a SARIF log; `readText` gives each file's text to turn offsets into lines and columns. */
export function sarif(results: Result[], readText: (file: string) => string, version = '0.1.0'): string {
	const rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] = [];
	const ruleIndex = new Map<string, number>();
	const out: object[] = [];
	const notifications: object[] = [];
	results.forEach((r, index) => {
		if ('error' in r) return void notifications.push({ level: 'error', message: { text: `${r.file}: ${r.error}` } });
		const text = readText(r.file);
		const lines = new LineIndex(text);
		for (const f of findings(r).filter((x) => x.kind !== 'entities' && x.kind !== 'dates')) {
			if (!ruleIndex.has(f.code)) {
				ruleIndex.set(f.code, rules.length);
				rules.push({ id: f.code, shortDescription: { text: RULES[f.code] ?? f.code.replace(/-/g, ' ') }, defaultConfiguration: { level: LEVEL[f.severity] } });
			}
			out.push(result(f, r.file, index, ruleIndex.get(f.code)!, lines, text));
		}
	});
	const run = {
		tool: { driver: { name: 'Seed Lens', version, informationUri: 'https://example.invalid/seed-lens', rules } },
		columnKind: 'utf16CodeUnits',
		artifacts: results.map((r) => ({ location: { uri: artifactUri(r.file) } })),
		results: out,
		invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
	};
	return JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] }, null, 2);
}

function result(f: Finding, file: string, index: number, rule: number, lines: LineIndex, text: string): object {
	const region = (span: { start: number; end: number }) => {
		const a = lines.position(span.start),
			b = lines.position(span.end);
		return {
			startLine: a.line + 1,
			startColumn: a.character + 1,
			endLine: b.line + 1,
			endColumn: b.character + 1,
			charOffset: span.start,
			charLength: span.end - span.start,
		};
	};
	const artifactLocation = { uri: artifactUri(file), index };
	return {
		ruleId: f.code,
		ruleIndex: rule,
		level: LEVEL[f.severity],
		message: { text: f.message },
		locations: [{ physicalLocation: { artifactLocation, region: region(f) } }],
		...(f.related
			? { relatedLocations: [{ id: 1, message: { text: f.related.message }, physicalLocation: { artifactLocation, region: region(f.related) } }] }
			: {}),
		partialFingerprints: { 'seedLensFinding/v1': findingHash(f.code, text.slice(f.start, f.end)) },
	};
}
