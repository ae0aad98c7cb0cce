/** Diagnostics: every entity, date, claim and problem as a finding in the Problems panel. */
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { DocumentAnnotations, FindingCode, Severity } from '../analysis/types';
import { oncePerVersion, type DocumentAnalysis } from '../documentAnalysis';
import type { SeverityLevel, Settings } from '../settings';
import { findingHash, findings, type Finding, type FindingKind } from './findings';

// The protocol's numbers, written out: this module also runs on the analysis threads, which load no LSP library.
const SEVERITY: Record<Exclude<SeverityLevel, 'off'>, DiagnosticSeverity> = { hint: 4, information: 3, warning: 2, error: 1 };

/** The source shown beside every diagnostic. */
export const DIAGNOSTIC_SOURCE = 'Seed Lens';

/** What a diagnostic carries for the quick fixes: enough to ignore it without recomputing. */
export interface FindingData {
	hash: string;
	/** The whole finding's offsets (the underline may be a part of it): its text goes in the ignore file, for people to read. */
	start: number;
	end: number;
}

/** Tells whether one finding (by code and fingerprint) was silenced in the ignore file. */
export type IgnoredFinding = (code: string, hash: string) => boolean;

/** The key of a silenced finding, as `ignoredBy` reads it. */
export const silencedKey = (code: string, hash: string) => `${code}\u0000${hash}`;

/** The test for silenced findings, from their keys (`silencedKey`). */
export function ignoredBy(keys: readonly string[]): IgnoredFinding {
	if (!keys.length) return () => false;
	const set = new Set(keys);
	return (code, hash) => set.has(silencedKey(code, hash));
}

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
	everyFinding = false,
): Promise<Diagnostic[] | null> {
	const out: Diagnostic[] = [];
	const silenced = new Set(settings.ignore);
	const cap = settings.maxQuietDiagnostics;
	const { list: all, left } = sortedFindings(a, settings, cap + CAP_MARGIN, everyFinding);
	let since = Date.now();
	let quiet = 0,
		skipped = left;
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
	// Silenced findings left room under the cap for some that were never built: build them all.
	if (left && quiet < cap && !everyFinding) return diagnosticsInSlices(a, { ...settings, maxQuietDiagnostics: cap }, ignored, stale, true);
	if (skipped) out.push(cappedNote(a, quiet, skipped));
	return out;
}

/** Quiet findings built beyond the cap, so that a few silenced ones do not leave the list short. */
const CAP_MARGIN = 200;

// The findings in document order, built once per analysed version and settings: every warning and
// error, but of the hint and information findings only the first `quietLimit` (a long document has
// tens of thousands, and only the first few thousand are listed). `left` counts those not built.
function sortedFindings(a: DocumentAnalysis, settings: Settings, quietLimit: number, all = false): { list: Finding[]; left: number } {
	const quiet = (l: SeverityLevel) => l === 'hint' || l === 'information';
	const kinds = new Set<FindingKind>((['entities', 'dates', 'claims', 'unattributedClaims'] as const).filter((k) => quiet(settings.severity[k])));
	const key = `findings:${[...kinds].join()}:${all ? 'all' : quietLimit}`;
	return oncePerVersion(a, key, () => {
		const last = all ? Infinity : lastQuietStart(a.annotations, kinds, quietLimit);
		let left = 0;
		const list = findings(a.annotations, (kind, start) => {
			if (!kinds.has(kind) || start <= last) return true;
			left++;
			return false;
		});
		return { list: byStart(list), left };
	});
}

// The start offset of the `limit`-th hint or information finding in document order (Infinity when there are fewer).
function lastQuietStart(ann: DocumentAnnotations, kinds: Set<FindingKind>, limit: number): number {
	const starts: number[] = [];
	if (kinds.has('entities')) for (const e of ann.entities) for (const m of e.mentions) starts.push(m.start);
	if (kinds.has('dates')) for (const d of ann.dates) starts.push(d.start);
	for (const c of ann.claims) if (kinds.has(c.kind === 'unattributed' ? 'unattributedClaims' : 'claims')) starts.push(c.start);
	return starts.length <= limit ? Infinity : nthSmallest(starts, limit);
}

// The `k`-th smallest of non-negative offsets (Infinity when there are fewer): counted into buckets by
// offset, and only the bucket that holds it sorted (sorting tens of thousands took milliseconds).
function nthSmallest(xs: number[], k: number): number {
	if (xs.length < k) return Infinity;
	let max = 0;
	for (const x of xs) if (x > max) max = x;
	const buckets = 1024;
	const width = Math.max(1, Math.ceil((max + 1) / buckets));
	const counts = new Int32Array(buckets);
	for (const x of xs) counts[Math.floor(x / width)]++;
	let b = 0;
	let before = 0;
	while (before + counts[b] < k) before += counts[b++];
	const inside = Float64Array.from(xs.filter((x) => Math.floor(x / width) === b)).sort();
	return inside[k - before - 1];
}

// A stable sort by start offset through one numeric key per finding (offset × count + index), sorted
// natively: a comparator over tens of thousands of findings of several shapes took most of the time.
function byStart(list: Finding[]): Finding[] {
	const n = list.length;
	const keys = new Float64Array(n);
	for (let i = 0; i < n; i++) keys[i] = list[i].start * n + i;
	keys.sort();
	const out = new Array<Finding>(n);
	for (let i = 0; i < n; i++) out[i] = list[keys[i] % n];
	return out;
}

/** The code of the note that says hint- and information-level findings were left out. */
export const CAPPED_CODE = 'findings-capped' satisfies FindingCode;

function cappedNote(a: DocumentAnalysis, shown: number, skipped: number): Diagnostic {
	return {
		range: a.lines.range(a.annotations.header),
		severity: SEVERITY.information,
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
		data: { hash, start: f.start, end: f.end } satisfies FindingData,
	};
	if (f.related) d.relatedInformation = [{ location: { uri: a.uri, range: a.lines.range(f.related) }, message: f.related.message }];
	out.push(d);
	return true;
}
