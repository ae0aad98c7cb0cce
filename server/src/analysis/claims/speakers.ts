/**
 * Links a source phrase to the entity it names, and resolves the sources that name nobody:
 * pronouns ("he", "she", "it", "they", "we", and the possessives "his", "its"…) and definite
 * descriptions ("the spokeswoman", "the ministry", "the statement") to the nearest compatible
 * earlier speaker or mention.
 *
 * Compatibility: a person for "he"/"she" (and a gender that does not contradict the text's own
 * evidence: honorifics, gendered role nouns, pronouns that can only point back to one person,
 * and, failing those, a list of given names), an organisation or place for "it" (never a person),
 * an organisation, a group or a plural phrase for "they". Within a sentence a speaker (the source
 * of a claim) comes before a mere mention, so after "Tom Jones, a spokesman for Minister John
 * Smith, said …" a later "he said" is the spokesman's; among earlier sentences the nearest wins,
 * across paragraphs. A description resolves through the roles written around a person's mentions
 * ("spokeswoman Anna Berg", "Anna Berg, a spokeswoman") or, for an organisation noun, to the
 * nearest organisation whose name has that noun ("the ministry" → "Ministry of Finance").
 */
import givenNames from '../entities/data/givenNames.json';
import type { Claim, Entity, EntityType, Mention } from '../types';
import { PERSON_ROLES } from './lexicon';

interface Placed {
	start: number;
	end: number;
	entity: Entity;
	mention: Mention;
}

/** A sentence as the linker needs it: its span and paragraph. */
export interface SpeakerUnit {
	start: number;
	end: number;
	paragraph: number;
}

// A speaker is more often a person or an organisation than the place in their title.
const RANK: Record<EntityType, number> = { PERSON: 0, ORG: 1, NORP: 2, GPE: 3, FAC: 4, LOC: 5, EVENT: 6, OTHER: 7 };

type Gender = 'm' | 'f';
/** What a source phrase is: a person, an organisation or place, a group, or a thing (a report, a statement). */
type Sort = 'person' | 'org' | 'plural' | 'thing';

/** The speaker of one claim, once resolved: kept per sentence for later pronouns. */
interface Spoken {
	at: number;
	entity: Entity | undefined;
	sort: Sort;
	/** The source phrase's lower-case text, for "the statement" → the one who issued a statement. */
	phrase: string;
}

const PRONOUNS: Record<string, { sort: Sort | 'we' | 'i'; gender?: Gender }> = {
	he: { sort: 'person', gender: 'm' },
	him: { sort: 'person', gender: 'm' },
	his: { sort: 'person', gender: 'm' },
	she: { sort: 'person', gender: 'f' },
	her: { sort: 'person', gender: 'f' },
	hers: { sort: 'person', gender: 'f' },
	it: { sort: 'org' },
	its: { sort: 'org' },
	they: { sort: 'plural' },
	their: { sort: 'plural' },
	them: { sort: 'plural' },
	we: { sort: 'we' },
	our: { sort: 'we' },
	us: { sort: 'we' },
	i: { sort: 'i' },
	my: { sort: 'i' },
};

const words = (s: string) => new Set(s.split(' '));

const MALE_NOUNS = words('spokesman chairman congressman businessman actor king prince father son husband brother widower boy man sir lord');
const FEMALE_NOUNS = words('spokeswoman chairwoman congresswoman businesswoman actress queen princess mother daughter wife sister widow girl woman lady dame');

// Organisation nouns a generic "the company" may stand for: the nearest organisation that spoke.
const GENERIC_ORGS = words(
	'company firm group agency organisation organization network newspaper paper carrier airline automaker carmaker manufacturer ' +
		'retailer insurer lender broadcaster regulator watchdog charity corporation conglomerate operator developer producer publisher ' +
		'supplier giant startup start-up outlet chain maker',
);
// Organisation nouns that name the organisation's kind: "the ministry" is one with "Ministry" in its name.
const NAMED_ORGS = words(
	'ministry department court police party union bank council commission committee administration army military university ' +
		'board authority office institute foundation team club league tribunal parliament senate congress assembly coalition ' +
		'alliance fund hospital school embassy bureau panel cabinet government agency service force forces association federation ' +
		'centre center church college council navy commission society trust',
);
// Things that "say": their author is the one who issued them.
const DOCUMENTS = words(
	'statement report letter memo release document filing study survey poll ruling post tweet message email complaint lawsuit ' +
		'indictment judgment judgement verdict decision order motion announcement notice analysis review audit paper proposal plan ' +
		'bill draft brief affidavit transcript',
);

// A definite or demonstrative opening ("the", "this"…): a pattern over text, not the word list of words.ts.
const DEFINITE_OPENING = /^(?:the|this|that|these|those)\s+/i;
const MALE_HONORIFIC = /\b(?:Mr|Sir|Lord|Monsieur|Herr|Señor|Senor)\.?\s*$/;
const FEMALE_HONORIFIC = /\b(?:Mrs|Ms|Miss|Dame|Lady|Madam|Madame|Mme|Frau|Señora|Senora)\.?\s*$/;
const HONORIFIC_WORD = /^(?:mr|mrs|ms|miss|sir|dame|lady|lord|dr|prof)\.?$/i;

const MALE_NAMES = new Set(givenNames.male.split(' '));
const FEMALE_NAMES = new Set(givenNames.female.split(' '));

// How many sentences back a pronoun looks for its referent; a description looks at the whole text before it.
const WINDOW = 12;

/** Finds entities by offset and resolves pronouns and descriptions; built once per document. */
export class SpeakerLinker {
	private readonly mentions: Placed[];
	private readonly genders = new Map<Entity, Gender>();
	/** Resolved speakers per sentence, in order of their source. */
	private readonly spoken = new Map<number, Spoken[]>();

	constructor(
		private readonly text: string,
		private readonly entities: Entity[],
		private readonly units: SpeakerUnit[] = [],
	) {
		this.mentions = [];
		for (const entity of entities) for (const m of entity.mentions) this.mentions.push({ start: m.start, end: m.end, entity, mention: m });
		this.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
		this.learnGenders();
	}

	/**
	 * Sets `source.entity` of every claim whose source names or refers back to a known entity, in
	 * document order (a pronoun's referent is often an earlier claim's speaker).
	 */
	resolve(claims: Claim[]): void {
		const order = claims.filter((c) => c.source).sort((a, b) => a.source!.start - b.source!.start);
		const late: Claim[] = [];
		for (const c of order) {
			const word = c.source!.text.toLowerCase();
			// "Their statement also read …": a document of theirs speaks for whoever the possessive stands for.
			const owned = /^(his|her|its|their)\s+([\p{L}-]+)$/u.exec(word);
			const p = PRONOUNS[word] ?? (owned && DOCUMENTS.has(owned[2]) ? PRONOUNS[owned[1]] : undefined);
			if (p && (p.sort === 'we' || p.sort === 'i')) {
				late.push(c);
				continue;
			}
			const { entity, sort } = p ? this.pronoun(c.source!.start, p.sort as Sort, p.gender) : this.phrase(c.source!.start, c.source!.end);
			if (entity) c.source!.entity = entity.id;
			else delete c.source!.entity;
			this.record(c.source!.start, entity, sort, word);
		}
		// "We"/"I" inside a quotation: its speaker (for "we", the speaker's organisation).
		for (const c of late) {
			const s = c.source!;
			const outer = claims.find((o) => o !== c && o.source && o.source.start !== s.start && o.start <= s.start && s.end <= o.end && o.source.entity);
			const speaker = outer && this.entities.find((e) => e.id === outer.source!.entity);
			let entity: Entity | undefined;
			if (speaker && this.insideQuotes(outer!, s.start)) {
				if (PRONOUNS[s.text.toLowerCase()].sort === 'i') entity = speaker.type === 'PERSON' ? speaker : undefined;
				else entity = speaker.type === 'PERSON' ? this.affiliation(outer!.source!.start, outer!.source!.end) : speaker;
			}
			if (entity) s.entity = entity.id;
			else delete s.entity;
		}
	}

	// ---- phrases that are not pronouns ----

	private phrase(start: number, end: number): { entity: Entity | undefined; sort: Sort } {
		let entity = this.named(start, end);
		const text = this.text.slice(start, end);
		// "the White House spokesman", "Japan’s prime minister": a person, known by that role earlier, speaks for the place or body.
		const role = entity && entity.type !== 'PERSON' && !plural(text) ? headNoun(text.replace(/^.*['’]s?\s+/, 'the ')) : undefined;
		if (role && PERSON_ROLES.has(role)) entity = this.byRole(start, text.replace(/^.*['’]s?\s+/, 'the '), role) ?? entity;
		if (entity) return { entity, sort: entity.type === 'PERSON' ? 'person' : plural(text) && entity.type === 'NORP' ? 'plural' : 'org' };
		const head = headNoun(text);
		if (DEFINITE_OPENING.test(text) && head) {
			if (PERSON_ROLES.has(head)) return { entity: this.byRole(start, text, head), sort: 'person' };
			if (NAMED_ORGS.has(head) || GENERIC_ORGS.has(head)) return { entity: this.byOrgNoun(start, head), sort: 'org' };
			if (DOCUMENTS.has(head)) return { entity: this.byDocument(start, head), sort: 'thing' };
		}
		if (head && PERSON_ROLES.has(head) && !plural(text)) return { entity: undefined, sort: 'person' };
		return { entity: undefined, sort: plural(text) ? 'plural' : 'thing' };
	}

	// The entity whose mention lies in the span: a person or organisation heading it before a place or a possessor.
	private named(start: number, end: number): Entity | undefined {
		const inside: Placed[] = [];
		// Mentions are sorted by start and short, so scanning back a little from the first candidate is enough.
		for (let k = Math.max(0, this.firstStartingAt(start) - 8); k < this.mentions.length && this.mentions[k].start < end; k++) {
			const m = this.mentions[k];
			if (m.end > start && m.start < end) inside.push(m);
		}
		if (!inside.length) return undefined;
		// "Japan’s prime minister, Taro Aso": a possessor is the speaker only when no person or organisation
		// heads the phrase; but "Libyan strongman Khalifa Haftar’s forces" speak for Haftar, not for a demonym.
		const heads = inside.filter((m) => !/^['’]s?\b/.test(this.text.slice(m.end, m.end + 2)));
		const actor = (m: Placed) => RANK[m.entity.type] <= RANK.ORG;
		// The title chain before any comma, preposition or clause: its head is its last name ("Rubio spokesman Alex Conant").
		const cut = /,|\(|\s(?:of|for|at|from|with|who|which|in|on|to|and)\s/.exec(this.text.slice(start, end));
		const chainEnd = cut ? start + cut.index : end;
		const chain = heads.filter((m) => actor(m) && m.start < chainEnd);
		if (chain.length) {
			chain.sort((a, b) => RANK[a.entity.type] - RANK[b.entity.type] || b.start - a.start);
			return chain[0].entity;
		}
		const candidates = [heads.filter(actor), inside.filter(actor), heads, inside];
		const pool = candidates.find((c) => c.length) ?? inside;
		pool.sort((a, b) => RANK[a.entity.type] - RANK[b.entity.type] || a.start - b.start);
		return pool[0].entity;
	}

	// "the spokeswoman", "the prime minister": the person whose role, as written around a mention or in an
	// earlier source phrase, has that noun (and most of the description's other words); the latest such.
	private byRole(start: number, text: string, head: string): Entity | undefined {
		const want = text
			.replace(DEFINITE_OPENING, '')
			.toLowerCase()
			.split(/[\s,]+/)
			.filter((w) => w && !/^(?:former|then|current|new|acting|interim|top|senior)$/.test(w));
		let best: { entity: Entity; score: number; at: number } | undefined;
		const consider = (entity: Entity, role: string, at: number) => {
			const r = roleHead(role);
			if (!r.has(head)) return;
			const score = want.filter((w) => r.has(w)).length;
			if (!best || score > best.score || (score === best.score && at > best.at)) best = { entity, score, at };
		};
		for (const m of this.mentions) {
			if (m.start >= start) break;
			if (m.entity.type !== 'PERSON') continue;
			if (m.mention.role) consider(m.entity, m.mention.role, m.start);
			else consider(m.entity, this.around(m), m.start);
		}
		for (const [, list] of this.spoken) for (const s of list) if (s.at < start && s.entity?.type === 'PERSON') consider(s.entity, s.phrase, s.at);
		if (!best) return undefined;
		const g = FEMALE_NOUNS.has(head) ? 'f' : MALE_NOUNS.has(head) ? 'm' : undefined;
		return g && this.genders.get(best.entity) && this.genders.get(best.entity) !== g ? undefined : best.entity;
	}

	// The words before a mention up to the sentence's punctuation, and an apposition after it: "spokeswoman Anna Berg", "Berg, a spokeswoman,".
	private around(m: Placed): string {
		const before = /[\p{L}\p{N} .'’-]{0,60}$/u.exec(this.text.slice(Math.max(0, m.start - 60), m.start))?.[0] ?? '';
		const after = /^,\s+(?:the|a|an|its|his|her|their)\s+([^,.;:()]{1,60})/i.exec(this.text.slice(m.end, m.end + 80))?.[1] ?? '';
		// Only the words right before the name: a title, not the end of the previous clause.
		const title = before.trim().split(/\s+/).slice(-4).join(' ');
		return `${title} , ${after}`;
	}

	// "the ministry" → the latest organisation with "Ministry" in its name; "the company" → the latest organisation that spoke, else the latest one mentioned.
	private byOrgNoun(start: number, head: string): Entity | undefined {
		const noun = head === 'organisation' ? 'organization' : head;
		const nameHas = (e: Entity) => {
			const n = e.name.toLowerCase().replace(/organisation/g, 'organization');
			return new RegExp(`\\b${noun}\\b`).test(n) || (e.aliases ?? []).some((a) => new RegExp(`\\b${noun}\\b`, 'i').test(a));
		};
		const named = this.lastBefore(start, (m) => (m.entity.type === 'ORG' || m.entity.type === 'FAC') && nameHas(m.entity));
		if (named) return named.entity;
		if (!GENERIC_ORGS.has(head)) return undefined;
		const si = this.unitAt(start);
		for (let k = si; k >= 0 && si - k <= WINDOW; k--) {
			const s = this.spoken.get(k)?.filter((x) => x.at < start && x.entity?.type === 'ORG');
			if (s?.length) return s[s.length - 1].entity;
		}
		const recent = this.lastBefore(start, (m) => m.entity.type === 'ORG');
		return recent && si - this.unitAt(recent.start) <= 3 ? recent.entity : undefined;
	}

	// "the statement said": the speaker who issued a statement nearby ("X said in a statement", "X's statement").
	private byDocument(start: number, noun: string): Entity | undefined {
		const si = this.unitAt(start);
		const re = new RegExp(`\\b${noun}s?\\b`, 'i');
		for (let k = si; k >= 0 && si - k <= WINDOW; k--) {
			const u = this.units[k];
			if (!u || !re.test(this.text.slice(u.start, k === si ? start : u.end))) continue;
			const s = this.spoken.get(k)?.filter((x) => x.at < start && x.entity);
			if (s?.length) return s[0].entity;
		}
		return undefined;
	}

	// ---- pronouns ----

	private pronoun(at: number, sort: Sort, gender?: Gender): { entity: Entity | undefined; sort: Sort } {
		const fits = (e: Entity | undefined, s: Sort): boolean => {
			if (sort === 'person') return s === 'person' && (!e || !gender || !this.genders.has(e) || this.genders.get(e) === gender);
			if (sort === 'org') return s === 'org' || s === 'thing';
			return s === 'plural' || s === 'org';
		};
		const mentionFits = (m: Placed): boolean => {
			const t = m.entity.type;
			if (sort === 'person') return t === 'PERSON' && (!gender || !this.genders.has(m.entity) || this.genders.get(m.entity) === gender);
			if (sort === 'org') return t === 'ORG' || t === 'GPE';
			return t === 'ORG' || t === 'NORP';
		};
		const si = this.unitAt(at);
		// A person is looked for across paragraphs; "it" and "they" stay near.
		const window = sort === 'person' ? WINDOW : sort === 'org' ? 6 : 4;
		for (let k = si; k >= 0 && si - k <= window; k--) {
			const spoken = (this.spoken.get(k) ?? []).filter((s) => s.at < at);
			// In this sentence, the latest speaker before the pronoun; in an earlier one, its main (first) speaker.
			const speaker = k === si ? [...spoken].reverse().find((s) => fits(s.entity, s.sort)) : spoken.find((s) => fits(s.entity, s.sort));
			if (speaker) return { entity: speaker.entity, sort };
			// A thing that spoke ("the report said") is what a later "it" is, and it is no known entity.
			const u = this.units[k];
			if (!u) continue;
			const ms = this.mentionsIn(u.start, k === si ? at : u.end).filter(mentionFits);
			if (sort !== 'person' && si - k > 2) continue;
			if (k === si) {
				// "Asked about Smith, he said": a name after a preposition in the pronoun's own sentence is not its referent.
				const free = ms.filter(
					(m) => !/\b(?:about|to|with|by|for|of|on|at|from|against|into)\s+$/i.test(this.text.slice(Math.max(u.start, m.start - 12), m.start)),
				);
				if (free.length) return { entity: free[free.length - 1].entity, sort };
				continue;
			}
			if (ms.length) {
				const subject = ms.find((m) => !/^['’]s?\b/.test(this.text.slice(m.end, m.end + 2))) ?? ms[0];
				return { entity: subject.entity, sort };
			}
		}
		return { entity: undefined, sort };
	}

	// The organisation a person speaks for, from their source phrase: "Labour party spokeswoman Anna Berg" → Labour.
	private affiliation(start: number, end: number): Entity | undefined {
		return this.mentionsIn(start, end).find((m) => m.entity.type === 'ORG')?.entity;
	}

	private insideQuotes(outer: Claim, at: number): boolean {
		const before = this.text.slice(outer.start, at);
		return outer.kind === 'quote' || (before.match(/["“”]/g)?.length ?? 0) % 2 === 1;
	}

	private record(at: number, entity: Entity | undefined, sort: Sort, phrase: string): void {
		const si = this.unitAt(at);
		const list = this.spoken.get(si);
		const s: Spoken = { at, entity, sort: entity ? (entity.type === 'PERSON' ? 'person' : sort === 'plural' ? 'plural' : 'org') : sort, phrase };
		if (list) list.push(s);
		else this.spoken.set(si, [s]);
	}

	// ---- gender: the text's own evidence first, a given-name list last ----

	private learnGenders(): void {
		const votes = new Map<Entity, number>();
		const vote = (e: Entity, g: Gender, w: number) => votes.set(e, (votes.get(e) ?? 0) + (g === 'm' ? w : -w));
		for (const m of this.mentions) {
			if (m.entity.type !== 'PERSON') continue;
			const before = this.text.slice(Math.max(0, m.start - 12), m.start);
			if (MALE_HONORIFIC.test(before)) vote(m.entity, 'm', 5);
			else if (FEMALE_HONORIFIC.test(before)) vote(m.entity, 'f', 5);
			const role = (m.mention.role ?? this.around(m)).toLowerCase().split(/[^a-z]+/);
			if (role.some((w) => MALE_NOUNS.has(w))) vote(m.entity, 'm', 4);
			if (role.some((w) => FEMALE_NOUNS.has(w))) vote(m.entity, 'f', 4);
		}
		// A pronoun whose sentence and the one before mention exactly one person can only mean that person.
		const re = /\b(he|him|his|himself|she|her|hers|herself)\b/gi;
		for (let k = 0; k < this.units.length; k++) {
			const u = this.units[k];
			for (const hit of this.text.slice(u.start, u.end).matchAll(re)) {
				const at = u.start + hit.index;
				const from = k > 0 ? this.units[k - 1].start : u.start;
				const people = new Set(
					this.mentionsIn(from, at)
						.filter((m) => m.entity.type === 'PERSON')
						.map((m) => m.entity),
				);
				if (people.size === 1) vote([...people][0], /^(?:he|him|his|himself)$/i.test(hit[1]) ? 'm' : 'f', 1);
			}
		}
		for (const e of this.entities) {
			if (e.type !== 'PERSON') continue;
			const v = votes.get(e) ?? 0;
			if (v > 0) this.genders.set(e, 'm');
			else if (v < 0) this.genders.set(e, 'f');
			else {
				const first =
					e.name
						.split(/\s+/)
						.find((w) => !HONORIFIC_WORD.test(w))
						?.toLowerCase() ?? '';
				// A single word is more often a surname ("Berg") than a given name.
				if (e.name.includes(' ') && MALE_NAMES.has(first)) this.genders.set(e, 'm');
				else if (e.name.includes(' ') && FEMALE_NAMES.has(first)) this.genders.set(e, 'f');
			}
		}
	}

	/** The gender the text (or the given-name list) gives a person, if any. */
	genderOf(entity: Entity): Gender | undefined {
		return this.genders.get(entity);
	}

	// ---- lookups ----

	private unitAt(pos: number): number {
		let lo = 0;
		let hi = this.units.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.units[mid].start <= pos) lo = mid + 1;
			else hi = mid;
		}
		return Math.max(0, lo - 1);
	}

	private mentionsIn(start: number, end: number): Placed[] {
		const out: Placed[] = [];
		for (let k = this.firstStartingAt(start); k < this.mentions.length && this.mentions[k].start < end; k++) out.push(this.mentions[k]);
		return out;
	}

	private firstStartingAt(pos: number): number {
		let lo = 0;
		let hi = this.mentions.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.mentions[mid].start < pos) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	private lastBefore(pos: number, ok: (m: Placed) => boolean): Placed | undefined {
		for (let k = this.firstStartingAt(pos) - 1; k >= 0; k--) if (this.mentions[k].end <= pos && ok(this.mentions[k])) return this.mentions[k];
		return undefined;
	}
}

// The head noun of a short description: its last word before a comma or a prepositional phrase ("the senator from Vermont" → senator).
function headNoun(text: string): string | undefined {
	const core = text
		.replace(DEFINITE_OPENING, '')
		.split(/\s*,|\s+(?:of|for|from|at|in|on|with|who|which|that|whose)\s+/i)[0]
		.trim();
	if (!core || /['’]/.test(core) || core.split(/\s+/).length > 4) return undefined;
	const last = core.split(/\s+/).pop()!.toLowerCase();
	return /^[a-z-]+$/.test(last) ? last : undefined;
}

function plural(text: string): boolean {
	const head =
		text
			.split(/\s*,|\s+(?:of|for|from|at|in|on|with|who|which|that)\s+/i)[0]
			.trim()
			.split(/\s+/)
			.pop() ?? '';
	return /[^s's]s$/i.test(head) || /^(?:people|police|staff|officials|experts|they)$/i.test(head);
}

// The words of a role's title part ("spokesman for Minister John Smith" → spokesman; "Prime Minister of Canada" → prime, minister).
function roleHead(role: string): Set<string> {
	const parts = role.toLowerCase().split(/\s*,\s*/);
	const out = new Set<string>();
	for (const p of parts) {
		const head = p.split(/\s+(?:of|for|at|to|in|on|with|from)\s+/)[0];
		for (const w of head.split(/[^a-z-]+/)) if (w) out.add(w);
	}
	return out;
}
