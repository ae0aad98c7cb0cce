/** Diagnostics: every entity, date, claim and problem as a finding in the Problems panel. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Severity } from '../analysis';
import type { DocumentAnalysis } from '../analyses';
import type { SeverityLevel, Settings } from '../settings';
import { findingHash, findings, type Finding } from './findings';

const SEVERITY: Record<Exclude<SeverityLevel, 'off'>, DiagnosticSeverity> = {
	hint: DiagnosticSeverity.Hint,
	information: DiagnosticSeverity.Information,
	warning: DiagnosticSeverity.Warning,
	error: DiagnosticSeverity.Error,
};

/** The source shown beside every diagnostic. */
export const DIAGNOSTIC_SOURCE = 'Seed Lens';

/** What a diagnostic carries for the quick fixes: enough to ignore it without recomputing. */
export interface FindingData {
	hash: string;
	/** The finding's text, for the ignore file (readable by people). */
	excerpt: string;
}

/** Tells whether one finding (by code and fingerprint) was silenced in the ignore file. */
export type IgnoredFinding = (code: string, hash: string) => boolean;

/** The level a finding is shown at under the settings. */
export function levelOf(f: Finding, settings: Settings): SeverityLevel {
	if (f.kind === 'problems') return settings.severity.problems[f.code] ?? (f.severity as Severity);
	return settings.severity[f.kind];
}

/** Builds the LSP diagnostics of one analysis under the given settings and ignore list. */
export function diagnostics(a: DocumentAnalysis, settings: Settings, ignored: IgnoredFinding = () => false): Diagnostic[] {
	const out: Diagnostic[] = [];
	const silenced = new Set(settings.ignore);
	for (const f of findings(a.annotations)) {
		const level = levelOf(f, settings);
		if (level === 'off' || silenced.has(f.code)) continue;
		const excerpt = a.text.slice(f.start, f.end);
		const hash = findingHash(f.code, excerpt);
		if (ignored(f.code, hash)) continue;
		const d: Diagnostic = { range: a.lines.range(f), severity: SEVERITY[level], code: f.code, source: DIAGNOSTIC_SOURCE, message: f.message, data: { hash, excerpt: excerpt.slice(0, 200) } satisfies FindingData };
		if (f.related) d.relatedInformation = [{ location: { uri: a.uri, range: a.lines.range(f.related) }, message: f.related.message }];
		out.push(d);
	}
	return out;
}
