/**
 * The outline: the header as root; entities grouped as People, Organisations,
 * Places, Groups & nationalities and Other; a Timeline of dates in
 * chronological order; Claims grouped by source, unattributed last.
 */
import { SymbolKind, type CancellationToken, type DocumentSymbol, type Range } from 'vscode-languageserver';
import type { Claim, DateAnnotation, Entity, EntityType, Span } from '../analysis';
import { oncePerVersion, type DocumentAnalysis } from '../documentAnalysis';
import { isBefore, type EditShift } from '../positions';
import { entitiesById } from './lookup';
import { chronologicalKey, dateInWords } from './dateWords';
import { claimStatement, clip, ENTITY_GROUPS, plural, sourceName } from './words';

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

/** The most symbols one outline holds: beyond a few thousand, editors slow down and nobody reads them. */
export const MAX_SYMBOLS = 400;
/** The most later mentions listed under an entity, and occurrences under a date. */
export const MAX_CHILDREN = 20;

/**
 * The hierarchical document symbols of one analysis, built once per analysed
 * version. With `shift`, the analysis is of an earlier version: its outline
 * is moved through the edits made since.
 */
export function documentSymbols(a: DocumentAnalysis, token?: CancellationToken, maxClaimsPerSource = 200, shift?: EditShift | null): DocumentSymbol[] {
	if (token?.isCancellationRequested) return [];
	const tree = oncePerVersion(a, `symbols:${maxClaimsPerSource}`, () => build(a, maxClaimsPerSource));
	return shift ? tree.map((s) => moved(s, shift)) : tree;
}

// A symbol wholly before the edit is itself, children and all: only what follows the edit is copied.
function moved(s: DocumentSymbol, shift: EditShift): DocumentSymbol {
	if (shift.before(s.range.end)) return s;
	const range = shift.forwardRange(s.range);
	const selectionRange = shift.forwardRange(s.selectionRange);
	return { ...s, range, selectionRange, children: s.children?.map((c) => moved(c, shift)) };
}

// A section of the outline before it is cut to size: its top nodes, each with the children it could list.
interface Item {
	make: (children: DocumentSymbol[]) => DocumentSymbol;
	/** The children it may list, already cut to the per-node limit. */
	children: { make: () => DocumentSymbol }[];
	/** How many children it has in all. */
	total: number;
	/** Whether it lists a "… N more" entry even when no child fits (a source must show its claims somehow). */
	always: boolean;
	more: string;
}

function build(a: DocumentAnalysis, maxClaimsPerSource: number): DocumentSymbol[] {
	const ann = a.annotations;
	const root: Sym = {
		name: ann.header.title ?? 'Untitled seed document',
		detail: ann.header.date ?? 'no date',
		kind: SymbolKind.File,
		range: a.lines.range({ start: 0, end: a.text.length }),
		selectionRange: a.lines.range(ann.header),
		children: [],
	};
	const groups: { name: string; kind: SymbolKind; items: Item[]; count: number }[] = [];
	for (const g of ENTITY_GROUPS) {
		const es = ann.entities.filter((e) => g.types.includes(e.type) && e.mentions.length).sort(byFirstMention);
		groups.push({ name: g.name, kind: SymbolKind.Namespace, items: es.map((e) => entityItem(a, e)), count: es.length });
	}
	const timeline = timelineItems(a, ann.dates);
	groups.push({ name: 'Timeline', kind: SymbolKind.Array, items: timeline, count: timeline.length });
	groups.push({ name: 'Claims', kind: SymbolKind.Namespace, items: claimItems(a, ann.claims, maxClaimsPerSource), count: ann.claims.length });
	const claims = groups[groups.length - 1];
	const others = groups.slice(0, -1).flatMap((g) => g.items);
	const budget = MAX_SYMBOLS - groups.length - 1;
	const items = Math.max(1, Math.min(budget, others.length + claims.items.length));
	// Every entity, date and source keeps its own node before any gets a child; claims, what the outline is read for, take their children first.
	let room = Math.max(0, budget - items);
	const claimLimit = largestLimit(claims.items, Math.max(Math.floor(room * CLAIM_SHARE), cost(claims.items, 0)));
	room -= cost(claims.items, claimLimit);
	const otherLimit = largestLimit(others, room);
	let k = 0;
	for (const g of groups) {
		const shown = g.items.slice(0, Math.max(0, items - k));
		k += g.items.length;
		if (!shown.length) continue;
		const children = shown.map((i) => i.make(withMore(i, g === claims ? claimLimit : otherLimit)));
		if (shown.length < g.items.length) children.push(moreSymbol(children[children.length - 1], g.items.length - shown.length, 'more entries'));
		root.children.push(group(a, g.name, g.kind, children, g.count, root.children.length));
	}
	return [root];
}

/** The share of the outline's room for children that claims may take before names and dates get theirs. */
const CLAIM_SHARE = 0.7;

// The nodes a list of items adds under a per-node limit: the children shown and each "… N more" entry.
function cost(items: Item[], limit: number): number {
	let n = 0;
	for (const i of items) {
		const shown = Math.min(i.children.length, limit);
		n += shown + (i.total > shown && (shown > 0 || i.always) ? 1 : 0);
	}
	return n;
}

// The largest number of children per node such that the items add no more than `room` nodes.
function largestLimit(items: Item[], room: number): number {
	let lo = 0,
		hi = items.reduce((m, i) => Math.max(m, i.children.length), 0);
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (cost(items, mid) <= room) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

function withMore(item: Item, limit: number): DocumentSymbol[] {
	const out = item.children.slice(0, limit).map((c) => c.make());
	const left = item.total - out.length;
	if (left > 0 && (out.length || item.always)) out.push(moreSymbol(out.length ? out[out.length - 1] : item.children[0].make(), left, item.more));
	return out;
}

// "… 1,234 more claims": placed on the last entry shown, so it sorts after it and selecting it goes there.
function moreSymbol(last: DocumentSymbol, n: number, what: string): DocumentSymbol {
	return { name: `… ${thousands(n)} ${what}`, kind: SymbolKind.Null, range: last.range, selectionRange: last.selectionRange };
}

// 12345 → "12,345" (toLocaleString is slow, and there may be hundreds of these).
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

const byFirstMention = (x: Entity, y: Entity) => x.mentions[0].start - y.mentions[0].start;

function sym(a: DocumentAnalysis, name: string, kind: SymbolKind, span: Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
	const range = a.lines.range(span);
	return { name: clip(name, 100) || '—', kind, range, selectionRange: range, detail, children };
}

/**
 * A group spans its children, so breadcrumbs follow the cursor into it;
 * selecting it jumps to its first child. It starts on the header, one
 * character further than the group before it: VS Code's outline sorted by
 * position then keeps the groups in their reading order (People first,
 * Claims last) instead of the order in which each first appears.
 */
function group(a: DocumentAnalysis, name: string, kind: SymbolKind, children: DocumentSymbol[], count: number, index?: number): DocumentSymbol {
	const range = cover(children.map((c) => c.range));
	const header = index === undefined ? null : a.lines.position(a.annotations.header.start + index);
	if (header && isBefore(header, range.start)) range.start = header;
	return { name, kind, detail: String(count), range, selectionRange: children[0].selectionRange, children };
}

function cover(ranges: Range[]): Range {
	let { start, end } = ranges[0];
	for (const r of ranges) {
		if (isBefore(r.start, start)) start = r.start;
		if (isBefore(end, r.end)) end = r.end;
	}
	return { start, end };
}

// An entity spans its mentions; each later mention is a child, named by its spelling and line.
function entityItem(a: DocumentAnalysis, e: Entity): Item {
	const [first, ...rest] = e.mentions;
	return {
		make: (children) => {
			const s = sym(a, e.name, ENTITY_KINDS[e.type] ?? SymbolKind.Constant, first, plural(e.mentions.length, 'mention'));
			if (!children.length) return s;
			s.range = a.lines.range({ start: first.start, end: e.mentions[e.mentions.length - 1].end });
			s.children = children;
			return s;
		},
		children: rest.slice(0, MAX_CHILDREN).map((m) => ({ make: () => sym(a, m.text, SymbolKind.Field, m, `line ${a.lines.line(m.start) + 1}`) })),
		total: rest.length,
		more: 'more mentions',
		always: false,
	};
}

// One node per date value, in chronological order; its later occurrences are its children.
function timelineItems(a: DocumentAnalysis, dates: DateAnnotation[]): Item[] {
	const byValue = groupBy(dates, (d) => d.value);
	const keys = new Map([...byValue.keys()].map((v) => [v, chronologicalKey(v)]));
	const values = [...byValue.keys()].sort((x, y) => (keys.get(x)! < keys.get(y)! ? -1 : keys.get(x)! > keys.get(y)! ? 1 : 0));
	return values.map((v) => {
		const ds = byValue.get(v)!;
		const texts = [...new Set(ds.slice(0, 50).map((d) => `“${d.text}”`))].slice(0, 5).join(', ');
		return {
			make: (children) => {
				const s = sym(a, dateInWords(v), SymbolKind.Event, ds[0], `${v} · ${texts}`);
				if (!children.length) return s;
				s.range = a.lines.range({ start: ds[0].start, end: ds[ds.length - 1].end });
				s.children = children;
				return s;
			},
			children: ds.slice(1, MAX_CHILDREN + 1).map((d) => ({ make: () => sym(a, d.text, SymbolKind.Event, d, `line ${a.lines.line(d.start) + 1}`) })),
			total: ds.length - 1,
			more: 'more mentions of this date',
			always: false,
		};
	});
}

// Claims grouped by source in order of first claim, unattributed last; each source lists its first claims.
function claimItems(a: DocumentAnalysis, claims: Claim[], perSource: number): Item[] {
	const entities = entitiesById(a);
	// A source that refers back ("he", "it") without being resolved to an entity names nobody: it is no group of its own.
	const key = (c: Claim) => (c.source && !c.source.entity && PRONOUN.test(c.source.text) ? null : sourceName(c, entities));
	const bySource = groupBy(claims, (c) => (c.kind === 'unattributed' ? '' : (key(c) ?? 'Unnamed source')));
	const keys = [...bySource.keys()].filter((k) => k).sort((x, y) => bySource.get(x)![0].start - bySource.get(y)![0].start);
	if (bySource.has('')) keys.push('');
	return keys.map((k) => {
		const cs = bySource.get(k)!;
		return {
			make: (children) => group(a, k || 'Unattributed', SymbolKind.Interface, children, cs.length),
			children: cs.slice(0, perSource).map((c) => ({ make: () => claimSymbol(a, c) })),
			total: cs.length,
			more: 'more claims',
			always: true,
		};
	});
}

const PRONOUN = /^(?:he|she|it|they|we|i|you|his|her|its|their|our|my|him|them|us)$/i;

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
