/**
 * The outline: the header as root; entities grouped as People, Organisations,
 * Places, Groups & nationalities and Other; a Timeline of dates in
 * chronological order; Claims grouped by source, unattributed last.
 */
import { SymbolKind, type CancellationToken, type DocumentSymbol, type Range } from 'vscode-languageserver';
import type { Claim, DateAnnotation, Entity, EntityType, Span } from '../analysis';
import type { DocumentAnalysis } from '../analyses';
import { chronologicalKey, dateInWords } from './dateWords';
import { claimStatement, clip, ENTITY_GROUPS, entityMap, plural, sourceName } from './words';

/** Symbol kinds chosen for how their icons read in an outline. */
export const ENTITY_KINDS: Record<EntityType, SymbolKind> = {
	PERSON: SymbolKind.Object,
	ORG: SymbolKind.Struct,
	GPE: SymbolKind.Module,
	LOC: SymbolKind.Module,
	FAC: SymbolKind.Property,
	NORP: SymbolKind.EnumMember,
	EVENT: SymbolKind.Event,
	OTHER: SymbolKind.Constant,
};

type Sym = DocumentSymbol & { children: DocumentSymbol[] };

/** The hierarchical document symbols of one analysis. */
export function documentSymbols(a: DocumentAnalysis, token?: CancellationToken): DocumentSymbol[] {
	if (token?.isCancellationRequested) return [];
	const ann = a.annotations;
	const header = a.lines.range(ann.header);
	const root: Sym = {
		name: ann.header.title ?? 'Untitled seed document',
		detail: ann.header.date ?? 'no date',
		kind: SymbolKind.File,
		range: a.lines.range({ start: 0, end: a.text.length }),
		selectionRange: header,
		children: [],
	};
	for (const g of ENTITY_GROUPS) {
		const es = ann.entities.filter((e) => g.types.includes(e.type) && e.mentions.length);
		if (es.length)
			root.children.push(
				group(
					g.name,
					SymbolKind.Namespace,
					es.sort(byFirstMention).map((e) => entitySymbol(a, e)),
				),
			);
	}
	if (token?.isCancellationRequested) return [];
	const timeline = timelineSymbols(a, ann.dates);
	if (timeline.length) root.children.push(group('Timeline', SymbolKind.Array, timeline));
	const claims = claimGroups(a, ann.claims);
	if (claims.length) root.children.push(group('Claims', SymbolKind.Namespace, claims));
	return [root];
}

const byFirstMention = (x: Entity, y: Entity) => x.mentions[0].start - y.mentions[0].start;

function sym(a: DocumentAnalysis, name: string, kind: SymbolKind, span: Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
	const range = a.lines.range(span);
	return { name: clip(name, 100) || '—', kind, range, selectionRange: range, detail, children };
}

// A group spans its children, so breadcrumbs follow the cursor into it; selecting it jumps to its first child.
function group(name: string, kind: SymbolKind, children: DocumentSymbol[]): DocumentSymbol {
	return { name, kind, detail: String(children.length), range: cover(children.map((c) => c.range)), selectionRange: children[0].selectionRange, children };
}

function cover(ranges: Range[]): Range {
	const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
	let { start, end } = ranges[0];
	for (const r of ranges) {
		if (before(r.start, start)) start = r.start;
		if (before(end, r.end)) end = r.end;
	}
	return { start, end };
}

function entitySymbol(a: DocumentAnalysis, e: Entity): DocumentSymbol {
	const [first, ...rest] = e.mentions;
	const s = sym(a, e.name, ENTITY_KINDS[e.type] ?? SymbolKind.Constant, first, plural(e.mentions.length, 'mention'));
	if (!rest.length) return s;
	// The entity spans its mentions; each later mention is a child, named by its spelling and line.
	s.range = a.lines.range({ start: first.start, end: e.mentions[e.mentions.length - 1].end });
	s.children = rest.map((m) => sym(a, m.text, SymbolKind.Field, m, `line ${a.lines.line(m.start) + 1}`));
	return s;
}

function timelineSymbols(a: DocumentAnalysis, dates: DateAnnotation[]): DocumentSymbol[] {
	const byValue = groupBy(dates, (d) => d.value);
	const keys = new Map([...byValue.keys()].map((v) => [v, chronologicalKey(v)]));
	const values = [...byValue.keys()].sort((x, y) => (keys.get(x)! < keys.get(y)! ? -1 : keys.get(x)! > keys.get(y)! ? 1 : 0));
	return values.map((v) => {
		const ds = byValue.get(v)!;
		const texts = [...new Set(ds.map((d) => `“${d.text}”`))].join(', ');
		const s = sym(a, dateInWords(v), SymbolKind.Event, ds[0], `${v} · ${texts}`);
		if (ds.length > 1) {
			s.range = a.lines.range({ start: ds[0].start, end: ds[ds.length - 1].end });
			s.children = ds.slice(1).map((d) => sym(a, d.text, SymbolKind.Event, d, `line ${a.lines.line(d.start) + 1}`));
		}
		return s;
	});
}

function claimGroups(a: DocumentAnalysis, claims: Claim[]): DocumentSymbol[] {
	const entities = entityMap(a.annotations);
	const bySource = groupBy(claims, (c) => (c.kind === 'unattributed' ? '' : (sourceName(c, entities) ?? 'Unnamed source')));
	const keys = [...bySource.keys()].filter((k) => k).sort((x, y) => bySource.get(x)![0].start - bySource.get(y)![0].start);
	const out = keys.map((k) =>
		group(
			k,
			SymbolKind.Interface,
			bySource.get(k)!.map((c) => claimSymbol(a, c)),
		),
	);
	const unattributed = bySource.get('');
	if (unattributed)
		out.push(
			group(
				'Unattributed',
				SymbolKind.Interface,
				unattributed.map((c) => claimSymbol(a, c)),
			),
		);
	return out;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const t of items) {
		const k = key(t);
		const list = out.get(k);
		if (list) list.push(t);
		else out.set(k, [t]);
	}
	return out;
}

function claimSymbol(a: DocumentAnalysis, c: Claim): DocumentSymbol {
	const detail = c.kind === 'quote' ? 'quotation' : c.kind === 'unattributed' ? (c.reasons?.join(', ') ?? 'unattributed') : (c.cue?.text ?? 'attributed');
	return sym(a, clip(claimStatement(c, a.text), 70), SymbolKind.String, c, detail);
}
