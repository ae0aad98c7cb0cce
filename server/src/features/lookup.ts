/**
 * What is annotated at a cursor: the entity mention, date or claim part under
 * it. The cursor may sit just after a word (as after a double-click or typing),
 * so a span's end counts as inside when nothing starts there.
 */
import type { Claim, DateAnnotation, Entity, Mention, Span, TextSpan } from '../analysis';
import { oncePerVersion, type DocumentAnalysis } from '../documentAnalysis';
import { nameKey as coreNameKey } from '../analysis/crossdoc/keys';

/** A mention under the cursor and the entity it belongs to. */
export interface EntityHit {
	entity: Entity;
	mention: Mention;
}

/** A claim whose cue or source is under the cursor (or, when unattributed, any of it). */
export interface ClaimHit {
	claim: Claim;
	part: 'cue' | 'source' | 'claim';
	span: Span;
}

const strictly = (s: Span, at: number) => s.start <= at && at < s.end;
const touching = (s: Span, at: number) => s.start <= at && at <= s.end;

/**
 * Spans sorted by start, with the furthest end reached so far, so the spans
 * around an offset are found by binary search: a hover on a 1 MB document
 * must not walk tens of thousands of mentions.
 */
class SpanIndex<T> {
	private readonly items: { span: Span; value: T }[];
	private readonly reach: number[] = [];

	constructor(items: { span: Span; value: T }[]) {
		// A stable sort keeps the analysis order among equal starts: the first listed wins, as before.
		this.items = items.filter((x) => x.span.end > x.span.start).sort((x, y) => x.span.start - y.span.start);
		let far = -1;
		for (const x of this.items) this.reach.push((far = Math.max(far, x.span.end)));
	}

	/** The item whose span holds the offset, else the one that ends there; the earliest in document order. */
	at(at: number): T | undefined {
		let lo = 0,
			hi = this.items.length - 1,
			last = -1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (this.items[mid].span.start > at) hi = mid - 1;
			else {
				last = mid;
				lo = mid + 1;
			}
		}
		let strict: { span: Span; value: T } | undefined, touch: { span: Span; value: T } | undefined;
		for (let i = last; i >= 0 && this.reach[i] >= at; i--) {
			const x = this.items[i];
			if (strictly(x.span, at)) strict = x;
			else if (touching(x.span, at)) touch = x;
		}
		return (strict ?? touch)?.value;
	}
}

interface Indexes {
	mentions: SpanIndex<EntityHit>;
	dates: SpanIndex<DateAnnotation>;
	parts: SpanIndex<ClaimHit>;
	unattributed: SpanIndex<ClaimHit>;
	claimsBySource: Map<string, Claim[]>;
}

// Built once per analysed version and kept with it.
function indexes(a: DocumentAnalysis): Indexes {
	return oncePerVersion(a, 'lookup', () => {
		const { entities, dates, claims } = a.annotations;
		const parts: { span: Span; value: ClaimHit }[] = [];
		for (const claim of claims) {
			if (claim.cue) parts.push({ span: claim.cue, value: { claim, part: 'cue', span: claim.cue } });
			if (claim.source) parts.push({ span: claim.source, value: { claim, part: 'source', span: claim.source } });
		}
		return {
			mentions: new SpanIndex(entities.flatMap((entity) => entity.mentions.map((mention) => ({ span: mention, value: { entity, mention } })))),
			dates: new SpanIndex(dates.map((d) => ({ span: d, value: d }))),
			parts: new SpanIndex(parts),
			unattributed: new SpanIndex(
				claims.filter((c) => c.kind === 'unattributed').map((c) => ({ span: c, value: { claim: c, part: 'claim' as const, span: c } })),
			),
			claimsBySource: bySource(claims),
		};
	});
}

function bySource(claims: Claim[]): Map<string, Claim[]> {
	const out = new Map<string, Claim[]>();
	for (const c of claims) {
		const id = c.source?.entity;
		if (!id) continue;
		const list = out.get(id);
		if (list) list.push(c);
		else out.set(id, [c]);
	}
	return out;
}

/** The entities of an analysis by id. */
export function entitiesById(a: DocumentAnalysis): Map<string, Entity> {
	return oncePerVersion(a, 'entities', () => new Map(a.annotations.entities.map((e) => [e.id, e])));
}

/** The claims an entity is the source of, in document order. */
export function claimsOf(a: DocumentAnalysis, e: Entity): Claim[] {
	return indexes(a).claimsBySource.get(e.id) ?? [];
}

/** The entity mention at an offset. */
export function entityAt(a: DocumentAnalysis, at: number): EntityHit | null {
	return indexes(a).mentions.at(at) ?? null;
}

/** The date at an offset. */
export function dateAt(a: DocumentAnalysis, at: number): DateAnnotation | null {
	return indexes(a).dates.at(at) ?? null;
}

/** The claim cue, source or unattributed claim at an offset. */
export function claimAt(a: DocumentAnalysis, at: number): ClaimHit | null {
	const x = indexes(a);
	const hit = x.parts.at(at);
	if (hit) return hit;
	// An unattributed claim is found anywhere inside it, not at its end.
	const loose = x.unattributed.at(at);
	return loose && strictly(loose.span, at) ? loose : null;
}

/** The entity a claim's source names, if any. */
export function sourceEntity(a: DocumentAnalysis, claim: Claim): Entity | undefined {
	const id = claim.source?.entity;
	return id ? entitiesById(a).get(id) : undefined;
}

/** Normalised key for matching names across documents: case, accents, apostrophes and spacing folded. */
export function nameKey(name: string): string {
	return coreNameKey(name);
}

/** Every key an entity can be matched by in other documents: its name, aliases and mention spellings. */
export function entityKeys(e: Entity): string[] {
	const all = new Set([e.name, ...(e.aliases ?? []), ...e.mentions.map((m: TextSpan) => m.text)]);
	return [...new Set([...all].map(nameKey).filter((k) => k.length > 1))];
}
