/** Diagnostics: every entity, date, claim and problem as a finding in the Problems panel. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Severity } from '../analysis';
import { cached, type DocumentAnalysis } from '../analyses';
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

/** How much of a finding's text travels with its diagnostic: the ignore file shows no more (see codeActions). */
const EXCERPT_CHARS = 120;

/** Tells whether one finding (by code and fingerprint) was silenced in the ignore file. */
export type IgnoredFinding = (code: string, hash: string) => boolean;

/** The level a finding is shown at under the settings. */
export function levelOf(f: Finding, settings: Settings): SeverityLevel {
	if (f.kind === 'problems') return settings.severity.problems[f.code] ?? (f.severity as Severity);
	return settings.severity[f.kind];
}

/** Time the diagnostics of a long document may hold the event loop before letting requests through. */
const SLICE_MS = 10;

/**
 * The LSP diagnostics of one analysis under the settings and the ignore list,
 * built in slices that yield to the event loop, so a document with
 * tens of thousands of findings does not hold up hovers; null when `stale`
 * says a newer version has made the work pointless.
 */
export async function diagnosticsInSlices(
	a: DocumentAnalysis,
	settings: Settings,
	ignored: IgnoredFinding,
	stale: () => boolean,
): Promise<Diagnostic[] | null> {
	const out: Diagnostic[] = [];
	const silenced = new Set(settings.ignore);
	const all = sortedFindings(a);
	let since = Date.now();
	let quiet = 0,
		skipped = 0;
	for (let i = 0; i < all.length; i++) {
		if ((i & 255) === 0 && Date.now() - since > SLICE_MS) {
			await new Promise<void>((resolve) => setImmediate(resolve));
			if (stale()) return null;
			since = Date.now();
		}
		const f = all[i];
		const level = levelOf(f, settings);
		const isQuiet = level === 'hint' || level === 'information';
		if (isQuiet && quiet >= settings.maxQuietDiagnostics) skipped++;
		else if (toDiagnostic(a, f, level, silenced, ignored, out) && isQuiet) quiet++;
	}
	if (skipped) out.push(cappedNote(a, quiet, skipped));
	return out;
}

// Findings are the same under any settings: built once per analysed version, in document order,
// so a capped list keeps the names and dates where reading starts.
function sortedFindings(a: DocumentAnalysis): Finding[] {
	return cached(a, 'findings', () => findings(a.annotations).sort((x, y) => x.start - y.start));
}

/** The code of the note that says hint- and information-level findings were left out. */
export const CAPPED_CODE = 'findings-capped';

function cappedNote(a: DocumentAnalysis, shown: number, skipped: number): Diagnostic {
	return {
		range: a.lines.range(a.annotations.header),
		severity: DiagnosticSeverity.Information,
		code: CAPPED_CODE,
		source: DIAGNOSTIC_SOURCE,
		message: `Seed Lens lists the first ${shown} hint and information findings of this document and leaves out ${skipped} more (setting seedLens.maxQuietDiagnostics); warnings are all listed. Hovers, colouring and the outline still cover every name, date and claim.`,
	};
}

// True when the finding became a diagnostic.
function toDiagnostic(a: DocumentAnalysis, f: Finding, level: SeverityLevel, silenced: Set<string>, ignored: IgnoredFinding, out: Diagnostic[]): boolean {
	if (level === 'off' || silenced.has(f.code)) return false;
	// The fingerprint is of the whole finding, whatever part is underlined, so ignore entries stay valid.
	const excerpt = a.text.slice(f.start, f.end);
	const hash = findingHash(f.code, excerpt);
	if (ignored(f.code, hash)) return false;
	const d: Diagnostic = {
		range: a.lines.range(f.mark ?? f),
		severity: SEVERITY[level],
		code: f.code,
		source: DIAGNOSTIC_SOURCE,
		message: f.message,
		data: { hash, excerpt: excerpt.slice(0, EXCERPT_CHARS) } satisfies FindingData,
	};
	if (f.related) d.relatedInformation = [{ location: { uri: a.uri, range: a.lines.range(f.related) }, message: f.related.message }];
	out.push(d);
	return true;
}
