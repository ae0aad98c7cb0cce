/** Diagnostics: every entity, date, claim and problem as a finding in the Problems panel. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../analyses';
import type { SeverityLevel, Settings } from '../settings';

const SEVERITY: Record<Exclude<SeverityLevel, 'off'>, DiagnosticSeverity> = {
	hint: DiagnosticSeverity.Hint,
	information: DiagnosticSeverity.Information,
	warning: DiagnosticSeverity.Warning,
	error: DiagnosticSeverity.Error,
};

const TYPE_WORDS: Record<string, string> = { PERSON: 'Person', ORG: 'Organisation', GPE: 'Place (country, city, state)', LOC: 'Place', NORP: 'Nationality or group', FAC: 'Facility', EVENT: 'Event', OTHER: 'Name' };

const clip = (s: string, n = 80) => {
	const t = s.replace(/\s+/g, ' ');
	return t.length > n ? t.slice(0, n - 1) + '…' : t;
};

/** Builds the LSP diagnostics of one analysis under the given settings. */
export function diagnostics(a: DocumentAnalysis, settings: Settings): Diagnostic[] {
	const out: Diagnostic[] = [];
	const { annotations: ann, lines } = a;
	const push = (level: SeverityLevel, code: string, span: { start: number; end: number }, message: string, extra: Partial<Diagnostic> = {}) => {
		if (level === 'off' || settings.ignore.includes(code)) return;
		out.push({ range: lines.range(span), severity: SEVERITY[level], code, source: 'Seed Lens', message, ...extra });
	};
	const entityById = new Map(ann.entities.map((e) => [e.id, e]));
	for (const e of ann.entities) {
		for (const m of e.mentions) push(settings.severity.entities, 'entity', m, `${TYPE_WORDS[e.type]}: ${e.name}`);
	}
	for (const d of ann.dates) push(settings.severity.dates, 'date', d, `Date: ${d.value}${d.relative ? ` (“${d.text}”, resolved against the publication date)` : ''}`);
	for (const c of ann.claims) {
		if (c.kind === 'unattributed') {
			push(settings.severity.unattributedClaims, 'unattributed-claim', c, `Unattributed claim: “${clip(c.text)}” (no source in the sentence)`);
			continue;
		}
		const src = c.source ? (c.source.entity ? (entityById.get(c.source.entity)?.name ?? c.source.text) : c.source.text) : 'an unnamed source';
		const entity = c.source?.entity ? entityById.get(c.source.entity) : undefined;
		const related = entity ? [{ location: { uri: a.uri, range: lines.range(entity.mentions[0]) }, message: `${entity.name}, first mention` }] : undefined;
		const what = c.kind === 'quote' ? 'Quotation' : 'Claim';
		push(settings.severity.claims, c.kind === 'quote' ? 'quote' : 'attributed-claim', c, `${what} attributed to ${src}: “${clip(c.text)}”`, related ? { relatedInformation: related } : {});
	}
	for (const d of ann.diagnostics) push(settings.severity.problems[d.code] ?? d.severity, d.code, d, d.message);
	return out;
}
