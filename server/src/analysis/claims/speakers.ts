/**
 * Links a source phrase to a known entity: the entity whose mention lies in
 * the phrase, or for "he"/"she" the person mentioned last before it.
 */
import type { Entity, EntityType } from '../types';
import { PERSONAL_PRONOUNS } from './lexicon';

interface Placed {
	start: number;
	end: number;
	entity: Entity;
}

// A speaker is more often a person or an organisation than the place in their title.
const RANK: Record<EntityType, number> = { PERSON: 0, ORG: 1, NORP: 2, GPE: 3, FAC: 4, LOC: 5, EVENT: 6, OTHER: 7 };

/** Finds entities by offset; built once per document. */
export class SpeakerLinker {
	private readonly mentions: Placed[];
	private readonly people: Placed[];

	constructor(
		private readonly text: string,
		entities: Entity[],
	) {
		this.mentions = [];
		for (const entity of entities) for (const m of entity.mentions) this.mentions.push({ start: m.start, end: m.end, entity });
		this.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
		this.people = this.mentions.filter((m) => m.entity.type === 'PERSON');
	}

	/** The id of the entity a source span names, if any. */
	link(start: number, end: number): string | undefined {
		const word = this.text.slice(start, end).toLowerCase();
		if (PERSONAL_PRONOUNS.has(word)) return this.lastPersonBefore(start)?.id;
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
		const candidates = [heads.filter(actor), inside.filter(actor), heads, inside];
		const pool = candidates.find((c) => c.length) ?? inside;
		pool.sort((a, b) => RANK[a.entity.type] - RANK[b.entity.type] || a.start - b.start);
		return pool[0].entity.id;
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

	private lastPersonBefore(pos: number): Entity | undefined {
		let lo = 0;
		let hi = this.people.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.people[mid].end <= pos) lo = mid + 1;
			else hi = mid;
		}
		return lo > 0 ? this.people[lo - 1].entity : undefined;
	}
}
