/**
 * `seed-lens analyze --format sarif`: the findings as a SARIF 2.1.0 log (one
 * run), so code-scanning tools show the same claims and problems as the editor.
 * Entity mentions and dates are annotations, not findings, and are left out.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODES } from '../analysis/codes';
import type { DocumentAnnotations, Severity } from '../analysis/types';
import { findingHash, findings, type Finding } from '../features/findings';
import { LineIndex } from '../positions';

type Result = (DocumentAnnotations & { file: string }) | { file: string; error: string };

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

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
				rules.push({ id: f.code, shortDescription: { text: CODES[f.code].description }, defaultConfiguration: { level: LEVEL[f.severity] } });
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
