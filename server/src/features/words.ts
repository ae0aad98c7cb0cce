/**
 * The words users read about entities and claims, shared by the features and
 * the command line so a finding is named the same everywhere. No editor imports.
 */
import type { Claim, DocumentAnnotations, Entity, EntityType } from '../analysis';

/** The type of an entity as a reader would say it. */
export const TYPE_WORDS: Record<EntityType, string> = {
	PERSON: 'Person',
	ORG: 'Organisation',
	GPE: 'Country, city or state',
	LOC: 'Place',
	NORP: 'Nationality or group',
	FAC: 'Building or facility',
	EVENT: 'Event',
	OTHER: 'Name',
};

/** The outline groups, in the order they are shown, with the entity types each holds. */
export const ENTITY_GROUPS: { name: string; types: EntityType[] }[] = [
	{ name: 'People', types: ['PERSON'] },
	{ name: 'Organisations', types: ['ORG'] },
	{ name: 'Places', types: ['GPE', 'LOC', 'FAC'] },
	{ name: 'Groups & nationalities', types: ['NORP'] },
	{ name: 'Other', types: ['EVENT', 'OTHER'] },
];

/** Names of gazetteer facts, for hovers; unknown keys are shown as they are. */
export const FACT_WORDS: Record<string, string> = {
	aka: 'Also known as',
	country: 'Country',
	countryCode: 'Country code',
	iso: 'Country code',
	iso2: 'Country code',
	iso3: 'ISO 3166 alpha-3',
	capital: 'Capital',
	continent: 'Continent',
	region: 'Region',
	demonym: 'Demonym',
	population: 'Population',
	state: 'State',
};

// White space other than a single space: without it, there is nothing to tidy.
const ODD_SPACE = /[^\S ]| {2}/;

/** One line of text, cut to `n` characters with an ellipsis. */
export function clip(s: string, n = 80): string {
	// Only the head can show: tidy no more than that (claims can be long, and there are thousands).
	const head = s.length > 2 * n + 20 ? s.slice(0, 2 * n + 20) : s;
	const t = (ODD_SPACE.test(head) ? head.replace(/\s+/g, ' ') : head).trim();
	return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

/** "1 mention", "3 mentions". */
export function plural(n: number, word: string, many = word + 's'): string {
	return `${n} ${n === 1 ? word : many}`;
}

/** The spellings of an entity other than its canonical name: declared aliases and mention texts. */
export function aliasesOf(e: Entity): string[] {
	const all = [...(e.aliases ?? []), ...e.mentions.map((m) => m.text)];
	return [...new Set(all)].filter((t) => t !== e.name);
}

/** Who a claim is attributed to: the source entity's name, the source text, or null. */
export function sourceName(c: Claim, entities: Map<string, Entity>): string | null {
	if (!c.source) return null;
	return (c.source.entity && entities.get(c.source.entity)?.name) || c.source.text;
}

/** "the UN" reads better than "UN" after "attributed to" when the text had the article. */
export function sourcePhrase(c: Claim, entities: Map<string, Entity>): string {
	const name = sourceName(c, entities);
	if (!name) return c.kind === 'quote' ? 'an unnamed speaker' : 'an unnamed source';
	const t = c.source?.text ?? '';
	return /^the\s/i.test(t) && !/^the\s/i.test(name) ? `the ${name}` : name;
}

/** The claim's statement: its content span where known, else the whole claim. */
export function claimStatement(c: Claim, text?: string): string {
	return c.content && text ? text.slice(c.content.start, c.content.end) : c.text;
}

/** Counts for the header lens and reports: "14 entities · 9 dates · 7 claims, 2 unattributed". */
export function summaryLine(a: DocumentAnnotations): string {
	const unattributed = a.claims.filter((c) => c.kind === 'unattributed').length;
	const parts = [plural(a.entities.length, 'entity', 'entities'), plural(a.dates.length, 'date'), plural(a.claims.length, 'claim')];
	return parts.join(' · ') + (unattributed ? `, ${unattributed} unattributed` : '');
}

/** A map from entity id to entity. */
export function entityMap(a: DocumentAnnotations): Map<string, Entity> {
	return new Map(a.entities.map((e) => [e.id, e]));
}
