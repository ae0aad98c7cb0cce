/**
 * What one document contributes to the cross-document view: its entities with
 * their match keys, the sentences that carry claims, figures or dates, the
 * figures as quantities, and the dated events. Built from the text and its
 * annotations; compact and plain, so the workspace index keeps one per file.
 */
import { parseDocument, type SeedDocument, type Sentence, type Token } from '../document';
import type { ClaimKind, DocumentAnnotations, EntityType, Granularity, Span } from '../types';
import { eventVerb } from './events';
import { nameKey } from './keys';
import { quantities, type Quantity } from './quantities';

/** An entity of the document. */
export interface FactEntity {
	name: string;
	type: EntityType;
	/** `nameKey` of the canonical name. */
	key: string;
	/** Keys of the name, aliases and spellings. */
	keys: string[];
	/** The key of a person's surname, by which other reports also name them ("Haftar"), or null. */
	surname: string | null;
	/** Other spellings, as written. */
	aliases: string[];
	mentions: number;
	first: Span;
}

/** A sentence that carries a claim, a figure or a date. */
export interface Statement extends Span {
	text: string;
	/** The claim of the sentence, if any. */
	kind: ClaimKind | null;
	/** Who the claim is attributed to, as written. */
	source: string | null;
	/** The entity index of the source, when the source is a known entity. */
	sourceEntity: number | null;
	/** Indices of the entities mentioned in the sentence. */
	entities: number[];
}

export interface FigureFact {
	statement: number;
	quantity: Quantity;
	/** A day the sentence names (the figure's own time), or null: then the document's date. */
	date: string | null;
}

export interface EventFact {
	statement: number;
	/** The event verb's lemma ("vote", "sign"). */
	verb: string;
	/** The day it is dated to, and where. */
	date: string;
	dateText: string;
	dateSpan: Span;
	/** Content words of the sentence (stems; not the date's, the entities' or event verbs), to tell events apart. */
	words: string[];
}

export interface TimePoint extends Span {
	value: string;
	granularity: Granularity;
	text: string;
	statement: number;
}

/** One document's share of the cross-document analysis. */
export interface DocumentFacts {
	date: string | null;
	title: string | null;
	entities: FactEntity[];
	statements: Statement[];
	figures: FigureFact[];
	events: EventFact[];
	times: TimePoint[];
}

const MAX_STATEMENT = 400;
/** Other spellings kept per entity: the entity page lists them. */
const MAX_ALIASES = 12;
const STOP = new Set(
	'the a an of in on at to for from by with as and or but that this these those was were is are be been has have had will would it its their his her they he she we said says say according after before than also not'.split(
		' ',
	),
);

/** The facts of one analysed document; `model` is the document model of the text, when the analysis kept it. */
export function documentFacts(text: string, a: DocumentAnnotations, model?: SeedDocument): DocumentFacts {
	const doc = model ?? parseDocument(text);
	const entities: FactEntity[] = a.entities
		.filter((e) => e.mentions.length)
		.map((e) => {
			const spellings = [...new Set([e.name, ...(e.aliases ?? []), ...e.mentions.map((m) => m.text)])];
			// A person is also named by the surname alone in other reports ("Haftar").
			const surname = e.type === 'PERSON' && /\s/.test(e.name.trim()) ? nameKey(e.name.trim().split(/\s+/).at(-1)!) : '';
			const keys = [...new Set(spellings.map(nameKey).filter((k) => k.length > 1))];
			return {
				name: e.name,
				type: e.type,
				key: nameKey(e.name),
				keys,
				surname: surname.length > 1 && !keys.includes(surname) ? surname : null,
				aliases: spellings.filter((s) => s !== e.name).slice(0, MAX_ALIASES),
				mentions: e.mentions.length,
				first: { start: e.mentions[0].start, end: e.mentions[0].end },
			};
		});
	const builder = new StatementBuilder(doc.text, doc.sentences, a);
	for (const c of a.claims) builder.claim(c.start, c.kind, c.source?.text ?? null, c.source?.entity ?? null);
	const figures: FigureFact[] = [];
	const days = a.dates.filter((d) => d.granularity === 'day');
	const dayIn = (s: Sentence) => {
		for (let k = firstAtOrAfter(days, s.start); k < days.length && days[k].start < s.end; k++) if (days[k].end <= s.end) return days[k].value;
		return null;
	};
	for (const s of doc.sentences) {
		if (s.start < doc.bodyStart) continue;
		for (const q of quantities(doc.tokens, s.first, s.last)) figures.push({ statement: builder.at(s), quantity: q, date: dayIn(s) });
	}
	const events: EventFact[] = [];
	const times: TimePoint[] = [];
	for (const d of a.dates) {
		const s = builder.sentenceOf(d.start);
		// References and lengths of time are no points on a timeline.
		if (!s || /_REF$/.test(d.value) || d.granularity === 'duration') continue;
		const statement = builder.at(s);
		times.push({ start: d.start, end: d.end, text: d.text, value: d.value, granularity: d.granularity, statement });
		if (d.granularity !== 'day') continue;
		const verb = eventNear(doc.tokens, s, d);
		if (verb)
			events.push({
				statement,
				verb,
				date: d.value,
				dateText: d.text,
				dateSpan: { start: d.start, end: d.end },
				words: contentWords(doc.tokens, s, d, builder.mentionSpans(s)),
			});
	}
	return { date: a.header.date, title: a.header.title, entities, statements: builder.statements, figures, events, times };
}

/** True when an entity is named by `key`: its name, one of its spellings, or a person's surname. */
export function namedBy(e: FactEntity, key: string): boolean {
	return e.key === key || e.surname === key || e.keys.includes(key);
}

class StatementBuilder {
	readonly statements: Statement[] = [];
	private readonly bySentence = new Map<number, number>();
	private readonly ids: Map<string, number>;
	/** Every mention with its entity's index, in text order. */
	private readonly mentions: { start: number; end: number; entity: number }[] = [];

	constructor(
		private readonly text: string,
		private readonly sentences: Sentence[],
		a: DocumentAnnotations,
	) {
		this.ids = new Map(a.entities.filter((e) => e.mentions.length).map((e, i) => [e.id, i]));
		for (const e of a.entities) {
			const entity = this.ids.get(e.id);
			if (entity !== undefined) for (const m of e.mentions) this.mentions.push({ start: m.start, end: m.end, entity });
		}
		this.mentions.sort((x, y) => x.start - y.start);
	}

	private mentionsIn(s: Span): { start: number; end: number; entity: number }[] {
		const out = [];
		for (let k = firstAtOrAfter(this.mentions, s.start); k < this.mentions.length && this.mentions[k].start < s.end; k++)
			if (this.mentions[k].end <= s.end) out.push(this.mentions[k]);
		return out;
	}

	sentenceOf(offset: number): Sentence | null {
		let lo = 0;
		let hi = this.sentences.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			const s = this.sentences[mid];
			if (offset < s.start) hi = mid - 1;
			else if (offset >= s.end) lo = mid + 1;
			else return s;
		}
		return null;
	}

	/** The statement of a sentence, made on first use. */
	at(s: Sentence): number {
		let i = this.bySentence.get(s.start);
		if (i === undefined) {
			const entities = new Set(this.mentionsIn(s).map((m) => m.entity));
			const text = this.text
				.slice(s.start, Math.min(s.end, s.start + MAX_STATEMENT))
				.replace(/\s+/g, ' ')
				.trim();
			i = this.statements.push({ start: s.start, end: s.end, text, kind: null, source: null, sourceEntity: null, entities: [...entities] }) - 1;
			this.bySentence.set(s.start, i);
		}
		return i;
	}

	claim(offset: number, kind: ClaimKind, source: string | null, entity: string | null): void {
		const s = this.sentenceOf(offset);
		if (!s) return;
		const st = this.statements[this.at(s)];
		if (st.kind && st.kind !== 'unattributed') return;
		st.kind = kind;
		st.source = source;
		st.sourceEntity = entity ? (this.ids.get(entity) ?? null) : null;
	}

	mentionSpans(s: Sentence): Span[] {
		return this.mentionsIn(s);
	}
}

// The event a date is attached to: an event verb just before it ("voted on Thursday", "signed Friday")
// or, for a date that opens its sentence ("On Thursday, the union voted"), the first one after it.
function eventNear(tokens: Token[], s: Sentence, d: Span): string | null {
	let k = s.first;
	while (k < s.last && tokens[k].end <= d.start) k++;
	for (let j = k - 1, n = 0; j >= s.first && n < 3; j--, n++) {
		const v = eventVerb(tokens[j].form.lower);
		if (v) return v;
		if (tokens[j].kind === 'punct') break;
	}
	let after = k;
	while (after < s.last && tokens[after].start < d.end) after++;
	const opensSentence = k <= s.first + 1;
	for (let j = after, n = 0; j < s.last && n < (opensSentence ? 10 : 2); j++, n++) {
		const v = eventVerb(tokens[j].form.lower);
		if (v) return v;
	}
	return null;
}

function contentWords(tokens: Token[], s: Sentence, d: Span, names: Span[]): string[] {
	const out = new Set<string>();
	for (let j = s.first; j < s.last; j++) {
		const t = tokens[j];
		if (t.kind !== 'word' || STOP.has(t.form.lower) || t.form.lower.length < 3 || eventVerb(t.form.lower)) continue;
		if ((t.start >= d.start && t.end <= d.end) || names.some((m) => t.start >= m.start && t.end <= m.end)) continue;
		out.add(t.form.lower.replace(/(?:ies|es|s|ed|ing)$/, ''));
	}
	return [...out];
}

// The index of the first span starting at or after `offset` in spans sorted by start.
function firstAtOrAfter(spans: readonly Span[], offset: number): number {
	let lo = 0;
	let hi = spans.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (spans[mid].start < offset) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
