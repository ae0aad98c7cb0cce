/**
 * Human annotations win: the machine's annotations of a document with the human layer of its
 * `.ann` laid over them. A human span replaces every suggestion of its layer it overlaps (a type
 * change, a fixed span); a rejected suggestion disappears; an added name joins the entity of the
 * same name and type, and its other occurrences the machine missed join it as suggestions. Every
 * entity, mention, date and claim says where it came from (`origin`). Pure.
 */
import type { Claim, ClaimKind, DateAnnotation, Diagnostic, DocumentAnnotations, Entity, EntityType, Granularity, Mention, Span } from '../types';
import type { HumanClaim, HumanLayer, HumanSpan } from './layer';

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

/** The annotations with the human layer applied (a new object; the input is not changed). */
export function applyHuman(machine: DocumentAnnotations, text: string, layer: HumanLayer): DocumentAnnotations {
	const entities = applyEntities(machine.entities, text, layer);
	const dates = applyDates(machine.dates, layer);
	const claims = applyClaims(machine.claims, layer, entities, text);
	return { ...machine, version: 2, entities, dates, claims };
}

/**
 * Marks every annotation as the machine's (a document without a `.ann`). In place: the objects are
 * the analysis' own, and long documents' sections share theirs between versions, where a second
 * pass writes the same value again.
 */
export function machineOrigin(a: DocumentAnnotations): DocumentAnnotations {
	for (const e of a.entities) {
		e.origin = 'machine';
		for (const m of e.mentions) m.origin = 'machine';
	}
	for (const d of a.dates) d.origin = 'machine';
	for (const c of a.claims) c.origin = 'machine';
	a.version = 2;
	return a;
}

/** The code of a finding about the document's `.ann` file (a line that cannot be read or used). */
export const ANNOTATION_FILE_CODE = 'annotation-file';

/**
 * The problems of the `.ann` file as findings on the seed's header, each naming its line: what
 * could not be used is reported, never dropped silently. (The editor also shows them on the file.)
 */
export function layerDiagnostics(layer: HumanLayer, header: Span): Diagnostic[] {
	const end = Math.max(header.end, header.start + 1);
	return layer.problems.map((p) => ({
		code: ANNOTATION_FILE_CODE,
		severity: p.severity === 'error' ? 'warning' : p.severity,
		message: `Annotation file, line ${p.line}: ${p.message}`,
		start: header.start,
		end,
	}));
}

/** The finding for a `.ann` that could not be read at all: the document is shown without it, and it is left as it is. */
export function unreadableDiagnostic(reason: string, header: Span): Diagnostic {
	return {
		code: ANNOTATION_FILE_CODE,
		severity: 'warning',
		message: `Annotation file cannot be read: ${reason} The annotations in it are not shown.`,
		start: header.start,
		end: Math.max(header.end, header.start + 1),
	};
}

interface Draft {
	type: EntityType;
	name: string;
	id?: string;
	mentions: Mention[];
	source?: Entity;
	human: boolean;
}

function applyEntities(machine: Entity[], text: string, layer: HumanLayer): Entity[] {
	const kept = layer.entities.filter((h) => !h.rejected);
	const rejected = layer.entities.filter((h) => h.rejected);
	const drafts: Draft[] = machine.map((e) => ({ type: e.type, name: e.name, id: e.id, mentions: [], source: e, human: false }));
	// Which machine entity a human span took a mention from, and with which text: a type change carries the entity's same-text mentions.
	const taken: { human: HumanSpan; from: number }[] = [];
	machine.forEach((e, i) => {
		for (const m of e.mentions) {
			const over = kept.filter((h) => overlaps(h, m));
			if (over.length) {
				for (const h of over) if (same(h, m) || h.text === m.text) taken.push({ human: h, from: i });
				continue;
			}
			if (rejected.some((r) => same(r, m) && r.type === e.type)) continue;
			drafts[i].mentions.push({ ...m, origin: 'machine' });
		}
	});
	for (const h of kept) {
		const from = taken.find((t) => t.human === h)?.from;
		const d = draftFor(drafts, h, from);
		d.mentions.push({ start: h.start, end: h.end, text: h.text, origin: 'human' });
		d.human = true;
		if (from !== undefined && drafts[from] !== d) {
			// Retyped: the rest of the old entity's mentions written the same way follow the human's type.
			const old = drafts[from];
			const moving = old.mentions.filter((m) => m.text === h.text && m.origin === 'machine');
			old.mentions = old.mentions.filter((m) => !moving.includes(m));
			d.mentions.push(...moving);
		}
	}
	propagate(drafts, text, layer);
	return finish(drafts);
}

// The entity a human span belongs to: the one it confirmed (same type), else one of its type that has its name, else a new one.
function draftFor(drafts: Draft[], h: HumanSpan, from: number | undefined): Draft {
	const type = h.type as EntityType;
	if (from !== undefined && drafts[from].type === type) return drafts[from];
	const key = h.text.toLowerCase();
	const named = drafts.find(
		(d) => d.type === type && (d.name.toLowerCase() === key || d.mentions.some((m) => m.text.toLowerCase() === key) || aliasOf(d, key)),
	);
	if (named) return named;
	const d: Draft = { type, name: h.text, mentions: [], human: true };
	drafts.push(d);
	return d;
}

const aliasOf = (d: Draft, key: string) => d.source?.aliases?.some((a) => a.toLowerCase() === key) ?? false;

// Other occurrences of a name the human added, which no annotation covers, become its suggested mentions.
function propagate(drafts: Draft[], text: string, layer: HumanLayer): void {
	const covered: Span[] = [...drafts.flatMap((d) => d.mentions), ...layer.entities];
	for (const d of drafts) {
		const names = new Set(d.mentions.filter((m) => m.origin === 'human' && m.text.trim().length > 1).map((m) => m.text));
		for (const name of names) {
			for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
				const span = { start: i, end: i + name.length };
				if (!wordBounded(text, span) || covered.some((c) => overlaps(c, span))) continue;
				d.mentions.push({ ...span, text: name, origin: 'machine' });
				covered.push(span);
			}
		}
	}
}

const WORD = /[\p{L}\p{N}_]/u;
const wordBounded = (text: string, s: Span) => !WORD.test(text[s.start - 1] ?? ' ') && !WORD.test(text[s.end] ?? ' ');

// Entities with mentions left, in order of first mention; the machine's keep their ids, new ones are numbered after them.
function finish(drafts: Draft[]): Entity[] {
	let n = drafts.reduce((max, d) => Math.max(max, Number(d.id?.slice(1)) || 0), 0);
	const out: Entity[] = [];
	for (const d of drafts) {
		if (!d.mentions.length) continue;
		d.mentions.sort((a, b) => a.start - b.start);
		const base: Entity = d.source && d.source.type === d.type ? { ...d.source } : { id: '', type: d.type, name: d.name, mentions: [] };
		base.id = d.id && d.source?.type === d.type ? d.id : `e${++n}`;
		base.mentions = d.mentions;
		base.origin = d.human ? 'human' : 'machine';
		if (d.human && !d.source) base.evidence = ['marked by you'];
		out.push(base);
	}
	return out.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}

function applyDates(machine: DateAnnotation[], layer: HumanLayer): DateAnnotation[] {
	const kept = layer.dates.filter((h) => !h.rejected);
	const rejected = layer.dates.filter((h) => h.rejected);
	const out: DateAnnotation[] = machine
		.filter((d) => !kept.some((h) => overlaps(h, d)) && !rejected.some((r) => same(r, d)))
		.map((d) => ({ ...d, origin: 'machine' as const }));
	for (const h of kept) {
		const was = machine.find((d) => same(d, h));
		const value = h.value ?? was?.value ?? '';
		const date: DateAnnotation = {
			start: h.start,
			end: h.end,
			text: h.text,
			value,
			granularity: granularityOf(value),
			relative: was?.relative ?? false,
			origin: 'human',
		};
		if (was?.resolution && value === was.value) date.resolution = was.resolution;
		out.push(date);
	}
	return out.sort((a, b) => a.start - b.start);
}

/** The unit of a TIMEX3 value, from its shape. */
export function granularityOf(value: string): Granularity {
	if (/_REF$/.test(value)) return 'ref';
	if (/^P/.test(value)) return 'duration';
	if (/T/.test(value)) return 'time';
	if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day';
	if (/^\d{4}-W\d{2}$/.test(value)) return 'week';
	if (/^\d{4}-\d{2}$/.test(value)) return 'month';
	if (/^\d{4}-Q\d$/.test(value)) return 'quarter';
	if (/^\d{4}-H\d$/.test(value)) return 'half';
	if (/^\d{4}-(SP|SU|FA|WI)$/.test(value)) return 'season';
	if (/^\d{3}$/.test(value)) return 'decade';
	if (/^\d{2}$/.test(value)) return 'century';
	return 'year';
}

// A claim's anchor: its cue, else its content (for an unattributed claim, the claim's own span).
const anchorOf = (c: Claim): Span => c.cue ?? c.content ?? c;

function applyClaims(machine: Claim[], layer: HumanLayer, entities: Entity[], text: string): Claim[] {
	const kept = layer.claims.filter((h) => !h.anchor.rejected);
	const rejected = layer.claims.filter((h) => h.anchor.rejected);
	const out: Claim[] = machine
		.filter((c) => !kept.some((h) => overlaps(h.anchor, anchorOf(c)) || (h.content && overlaps(h.content, c.content ?? c))))
		.filter((c) => !rejected.some((r) => same(r.anchor, anchorOf(c))))
		.map((c) => ({ ...c, origin: 'machine' as const, source: c.source && { ...c.source, entity: entityAt(entities, c.source) ?? c.source.entity } }));
	for (const h of kept) out.push(humanClaim(h, entities, text));
	return out.sort((a, b) => a.start - b.start);
}

function humanClaim(h: HumanClaim, entities: Entity[], text: string): Claim {
	const parts = [h.cue, h.source, h.content].filter((p): p is HumanSpan => !!p);
	const start = Math.min(...parts.map((p) => p.start));
	const end = Math.max(...parts.map((p) => p.end));
	const kind: ClaimKind =
		h.anchor.kind === 'quote' || h.anchor.kind === 'attributed' || h.anchor.kind === 'unattributed' ? h.anchor.kind : h.cue ? 'attributed' : 'unattributed';
	const claim: Claim = {
		start,
		end,
		text: text.slice(start, end),
		kind,
		cue: h.cue ? { start: h.cue.start, end: h.cue.end, text: h.cue.text } : null,
		source: h.source ? { start: h.source.start, end: h.source.end, text: h.source.text } : null,
		content: h.content ? { start: h.content.start, end: h.content.end } : null,
		origin: 'human',
	};
	const entity = claim.source && entityAt(entities, claim.source);
	if (claim.source && entity) claim.source.entity = entity;
	return claim;
}

// The entity with a mention inside a claim source's span.
function entityAt(entities: Entity[], s: Span): string | undefined {
	return entities.find((e) => e.mentions.some((m) => m.start >= s.start && m.end <= s.end))?.id;
}
