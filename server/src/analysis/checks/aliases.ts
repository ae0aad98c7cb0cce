/**
 * `alias-variant`: one person, organisation or place spelt two ways in one document
 * (Gaddafi/Kadhafi/Qaddafi, Zelensky/Zelenskyy, Al-Qaeda/al Qaida). The entities
 * the clustering step kept apart are merged into the earlier spelling's entity,
 * which records the other spelling among its aliases, and the first mention of the
 * variant gets an Information finding.
 */
import type { Diagnostic, Entity, Mention } from '../types';
import { coreMemory } from '../memory';

const CHECKED = new Set(['PERSON', 'ORG', 'GPE']);
const KIND: Record<string, string> = { PERSON: 'person', ORG: 'organisation', GPE: 'place' };

const MARKS = /\p{M}+/gu;

/** Lower case without diacritics, hyphens as spaces: the spelling as a reader sees it. */
export function plain(s: string): string {
	return s
		.normalize('NFD')
		.replace(MARKS, '')
		.toLowerCase()
		.replace(/[-‐‑'’`.]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

// The Arabic article and "the" do not make a spelling: "al Qaida" and "Qaida" differ only there.
function withoutArticle(p: string): string {
	return p.replace(/^(?:al|el|the) /, '').replace(/ (?:al|el) /g, ' ');
}

/**
 * Transliteration-aware key: "Gaddafi", "Kadhafi" and "Qaddafi" all give "kadafi";
 * "Zelensky" and "Zelenskyy" give "zelenski"; "Al-Qaeda" and "al Qaida" give "kaida".
 */
export function spellingKey(s: string): string {
	return keyMemo.get(s) ?? keyMemo.set(s, transliterationKey(s));
}

// Names recur across documents (countries, leaders, companies): eleven replacements per name add up.
const keyMemo = coreMemory.memo<string, string>('spelling keys of names', 20_000);

function transliterationKey(s: string): string {
	return withoutArticle(plain(s))
		.replace(/ /g, '')
		.replace(/ph/g, 'f')
		.replace(/([dtkgs])h/g, '$1')
		.replace(/ck/g, 'k')
		.replace(/[qkgc](?=[ao])|q/g, 'k')
		.replace(/(.)\1+/g, '$1')
		.replace(/ou/g, 'u')
		.replace(/a[ei]|ey|ay/g, 'ai')
		.replace(/ei/g, 'ai')
		.replace(/[yij]+$/, 'i');
}

interface Named {
	entity: Entity;
	/** The part compared: a person's surname, an organisation's or place's whole name. */
	key: string;
	/** A person's normalised first name, when the name has one. */
	given: string | null;
	spelling: string;
}

function describe(e: Entity): Named | null {
	if (!CHECKED.has(e.type)) return null;
	const words = e.name.split(/\s+/).filter(Boolean);
	if (!words.length) return null;
	const person = e.type === 'PERSON';
	const spelling = person ? words[words.length - 1] : e.name;
	const key = spellingKey(spelling);
	if (key.length < 4) return null;
	return { entity: e, key, given: person && words.length > 1 ? spellingKey(words[0]) : null, spelling };
}

// Two spellings worth a finding: they differ beyond case, an article or a hyphen.
function differs(a: string, b: string): boolean {
	return withoutArticle(plain(a)).replace(/ /g, '') !== withoutArticle(plain(b)).replace(/ /g, '');
}

/** Merges entities that are one referent spelt two ways; returns the entities left and one finding per variant. */
export function mergeAliasVariants(entities: readonly Entity[]): { entities: Entity[]; diagnostics: Diagnostic[] } {
	const firstAt = (e: Entity) => (e.mentions.length ? e.mentions[0].start : Infinity);
	const order = [...entities].sort((a, b) => firstAt(a) - firstAt(b));
	const byKey = new Map<string, Named[]>();
	const gone = new Set<Entity>();
	const merged = new Map<Entity, Entity>();
	const diagnostics: Diagnostic[] = [];
	for (const e of order) {
		const n = describe(e);
		if (!n) continue;
		const earlier = byKey.get(n.key) ?? [];
		const target = pickTarget(earlier, n);
		if (target && differs(target.spelling, n.spelling)) {
			const into = merged.get(target.entity) ?? copy(target.entity, merged);
			absorb(into, e);
			gone.add(e);
			const at = variantMention(e.mentions, n.spelling);
			if (at)
				diagnostics.push({
					code: 'alias-variant',
					severity: 'information',
					message: `“${target.spelling}” and “${n.spelling}” name the same ${KIND[target.entity.type]} here; pick one spelling.`,
					start: at.start,
					end: at.end,
				});
			continue;
		}
		earlier.push(n);
		byKey.set(n.key, earlier);
	}
	if (!gone.size) return { entities: [...entities], diagnostics };
	return { entities: entities.filter((e) => !gone.has(e)).map((e) => merged.get(e) ?? e), diagnostics };
}

// The earlier entity a variant belongs to; none when its first name says another person, or when two people share the surname.
function pickTarget(earlier: readonly Named[], n: Named): Named | null {
	const fits = earlier.filter((x) => sameKind(x, n) && (!n.given || !x.given || x.given === n.given));
	const givens = new Set(fits.map((x) => x.given).filter((g) => g !== null));
	if (!fits.length || givens.size > 1) return null;
	return fits[0];
}

// A lone surname the tagger typed as an organisation or place ("Zelenskyy") still belongs to the person.
function sameKind(earlier: Named, n: Named): boolean {
	return earlier.entity.type === n.entity.type || (earlier.entity.type === 'PERSON' && !/\s/.test(n.entity.name.trim()));
}

function copy(e: Entity, merged: Map<Entity, Entity>): Entity {
	const c: Entity = { ...e, mentions: [...e.mentions], aliases: e.aliases ? [...e.aliases] : undefined };
	merged.set(e, c);
	return c;
}

function absorb(into: Entity, e: Entity): void {
	into.mentions = [...into.mentions, ...e.mentions].sort((a, b) => a.start - b.start);
	const aliases = new Set(into.aliases ?? []);
	for (const s of [e.name, ...(e.aliases ?? []), ...e.mentions.map((m) => m.text)]) if (s !== into.name) aliases.add(s);
	into.aliases = [...aliases];
}

function variantMention(mentions: readonly Mention[], spelling: string): Mention | null {
	return mentions.find((m) => m.text.endsWith(spelling)) ?? mentions[0] ?? null;
}
