/** The outline: header, entities by kind, a timeline of dates, claims by source. */
import { SymbolKind, type CancellationToken, type DocumentSymbol } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../analyses';

/** The hierarchical document symbols of one analysis. */
export function documentSymbols(a: DocumentAnalysis, token?: CancellationToken): DocumentSymbol[] {
	if (token?.isCancellationRequested) return [];
	const { annotations: ann, lines } = a;
	const whole = lines.range({ start: 0, end: a.text.length });
	const sym = (name: string, kind: SymbolKind, span: { start: number; end: number }, detail?: string, children?: DocumentSymbol[]): DocumentSymbol => ({ name: name || '—', kind, range: lines.range(span), selectionRange: lines.range(span), detail, children });
	const entities = ann.entities.map((e) => sym(e.name, SymbolKind.Class, e.mentions[0], `${e.type} · ${e.mentions.length}×`));
	const dates = [...ann.dates].sort((x, y) => x.value.localeCompare(y.value)).map((d) => sym(d.value, SymbolKind.Event, d, d.text));
	const claims = ann.claims.map((c) => sym(c.source?.text ?? c.kind, SymbolKind.String, c, c.text.slice(0, 60)));
	const group = (name: string, kind: SymbolKind, children: DocumentSymbol[]): DocumentSymbol => ({ name, kind, range: whole, selectionRange: lines.range({ start: ann.header.start, end: ann.header.end }), children });
	const root: DocumentSymbol = {
		name: ann.header.title ?? 'Seed document',
		detail: ann.header.date ?? undefined,
		kind: SymbolKind.File,
		range: whole,
		selectionRange: lines.range({ start: ann.header.start, end: ann.header.end }),
		children: [group('Entities', SymbolKind.Namespace, entities), group('Timeline', SymbolKind.Namespace, dates), group('Claims', SymbolKind.Namespace, claims)],
	};
	return [root];
}
