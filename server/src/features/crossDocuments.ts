/**
 * Findings across documents, as LSP data: `conflicting-figure` and
 * `conflicting-date` diagnostics with the other report's sentence as related
 * information, and the hover that lists every document's figure for a count.
 */
import type { FindingCode } from '../analysis/codes';
import type { Diagnostic, DiagnosticSeverity, Hover, Position } from 'vscode-languageserver';
import { conflictMessage, figureWords, provenance, type Conflict } from '../analysis/crossdoc';
import type { SeverityLevel } from '../settings';
import type { Corpus } from '../workspace/corpus';
import { factRange, type FileSummary } from '../workspace/summary';
import { canonicalUri, toPath } from '../workspace/indexer';
import { isInRange } from '../positions';

export const CONFLICT_CODES = { figure: 'conflicting-figure', date: 'conflicting-date' } as const satisfies Record<string, FindingCode>;
const SEVERITY: Record<Exclude<SeverityLevel, 'off'>, DiagnosticSeverity> = { hint: 4, information: 3, warning: 2, error: 1 };
const MAX_RELATED = 20;

/** The settings the findings read. */
export interface CrossDocSettings {
	ignore: string[];
	severity: { problems: Record<string, SeverityLevel> };
	index: { enabled: boolean };
}

/** A short name for a document in messages: its file name. */
export function shortName(uri: string): string {
	const p = toPath(uri) ?? uri;
	return p.slice(p.replace(/\\/g, '/').lastIndexOf('/') + 1);
}

const range = factRange;

/** The span a conflict side underlines: the figure, or the date of the event. */
function sideSpan(f: FileSummary, c: Conflict, index: number): { start: number; end: number } {
	return c.kind === 'figure' ? f.facts!.figures[index].quantity : f.facts!.events[index].dateSpan;
}

/** The cross-document diagnostics of one document, under the settings. */
export function conflictDiagnostics(corpus: Corpus, uri: string, settings: CrossDocSettings): Diagnostic[] {
	if (!settings.index.enabled) return [];
	const key = canonicalUri(uri);
	const me = corpus.get(key);
	if (!me?.facts) return [];
	const byPlace = new Map<string, Diagnostic>();
	for (const c of corpus.crossDoc.conflictsOf(key)) {
		const code = CONFLICT_CODES[c.kind];
		const level = settings.severity.problems[code] ?? 'warning';
		if (level === 'off' || settings.ignore.includes(code)) continue;
		const other = corpus.get(c.b.doc);
		if (!other?.facts) continue;
		const span = sideSpan(me, c, c.a.index);
		const where = `${code}@${span.start}`;
		const related = { location: { uri: other.uri, range: range(other, sideSpan(other, c, c.b.index)) }, message: other.facts.statements[c.b.statement].text };
		// One diagnostic per figure, listing every report that disagrees with it.
		const d = byPlace.get(where);
		if (d) {
			if (d.relatedInformation!.length < MAX_RELATED) d.relatedInformation!.push(related);
			continue;
		}
		const message = conflictMessage(c, { facts: me.facts, name: shortName(me.uri) }, { facts: other.facts, name: shortName(other.uri) });
		byPlace.set(where, { range: range(me, span), severity: SEVERITY[level], code, source: 'Seed Lens', message, relatedInformation: [related] });
	}
	return [...byPlace.values()].map((d) =>
		d.relatedInformation!.length > 1 ? { ...d, message: `${d.message} (${d.relatedInformation!.length} reports disagree)` } : d,
	);
}

/** The hover of a figure that other documents also give: every document's figure with its source and date. */
export function figureHover(corpus: Corpus, uri: string, position: Position): Hover | null {
	const key = canonicalUri(uri);
	const me = corpus.get(key);
	if (!me?.facts) return null;
	const index = me.facts.figures.findIndex((f) => isInRange(position, range(me, f.quantity)));
	if (index < 0) return null;
	const all = corpus.crossDoc.figuresLike(key, index);
	if (all.length < 2) return null;
	const lines = [`**${figureWords(me.facts, index)}** — the same count in ${all.length} documents:`, ''];
	for (const r of all.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.doc.localeCompare(b.doc))) {
		const f = corpus.get(r.doc)!;
		const i = f.facts!.figures.indexOf(r.figure);
		const mark = r.doc === key && i === index ? ' (here)' : '';
		const place = `${shortName(r.doc)}:${range(f, r.figure.quantity).start.line + 1}`;
		lines.push(`- **${r.figure.quantity.text}** — ${escape(provenance(f.facts!, r.figure.statement, r.figure.date))} — ${escape(place)}${mark}`);
	}
	return { contents: { kind: 'markdown', value: lines.join('\n') }, range: range(me, me.facts.figures[index].quantity) };
}

const escape = (s: string) => s.replace(/[\\`*_{}[\]<>#|]/g, (c) => '\\' + c);

/** A hover with the figures of other documents after it. */
export function withFigures(base: Hover | null, figures: Hover | null): Hover | null {
	if (!figures) return base;
	if (!base) return figures;
	const text = (h: Hover) => (typeof h.contents === 'object' && 'kind' in h.contents ? h.contents.value : '');
	return { ...base, contents: { kind: 'markdown', value: `${text(base)}\n\n---\n\n${text(figures)}` } };
}
