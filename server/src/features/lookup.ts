/**
 * What is annotated at a cursor: the entity mention, date or claim part under
 * it. The cursor may sit just after a word (as after a double-click or typing),
 * so a span's end counts as inside when nothing starts there.
 */
import type { Claim, DateAnnotation, Entity, Mention, Span, TextSpan } from '../analysis';
import type { DocumentAnalysis } from '../analyses';

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

function pick<T extends Span>(spans: T[], at: number): T | undefined {
	return spans.find((s) => strictly(s, at)) ?? spans.find((s) => touching(s, at));
}

/** The entity mention at an offset. */
export function entityAt(a: DocumentAnalysis, at: number): EntityHit | null {
	let touch: EntityHit | null = null;
	for (const entity of a.annotations.entities) {
		for (const mention of entity.mentions) {
			if (strictly(mention, at)) return { entity, mention };
			if (!touch && touching(mention, at)) touch = { entity, mention };
		}
	}
	return touch;
}

/** The date at an offset. */
export function dateAt(a: DocumentAnalysis, at: number): DateAnnotation | null {
	return pick(a.annotations.dates, at) ?? null;
}

/** The claim cue, source or unattributed claim at an offset. */
export function claimAt(a: DocumentAnalysis, at: number): ClaimHit | null {
	const parts: ClaimHit[] = [];
	for (const claim of a.annotations.claims) {
		if (claim.cue) parts.push({ claim, part: 'cue', span: claim.cue });
		if (claim.source) parts.push({ claim, part: 'source', span: claim.source });
	}
	const hit = parts.find((p) => strictly(p.span, at)) ?? parts.find((p) => touching(p.span, at));
	if (hit) return hit;
	const loose = a.annotations.claims.find((c) => c.kind === 'unattributed' && strictly(c, at));
	return loose ? { claim: loose, part: 'claim', span: loose } : null;
}

/** The entity a claim's source names, if any. */
export function sourceEntity(a: DocumentAnalysis, claim: Claim): Entity | undefined {
	const id = claim.source?.entity;
	return id ? a.annotations.entities.find((e) => e.id === id) : undefined;
}

/** Normalised key for matching names across documents: case, accents, apostrophes and spacing folded. */
export function nameKey(name: string): string {
	return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Every key an entity can be matched by in other documents: its name, aliases and mention spellings. */
export function entityKeys(e: Entity): string[] {
	const all = [e.name, ...(e.aliases ?? []), ...e.mentions.map((m: TextSpan) => m.text)];
	return [...new Set(all.map(nameKey).filter((k) => k.length > 1))];
}
