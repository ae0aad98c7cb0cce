/**
 * The annotation contract (JSON, version 2: version 1 and `origin`), as in ANNOTATIONS.md.
 * Offsets are UTF-16 code-unit indices into the exact file text, `end` exclusive.
 * Fields may be added; the ones named in the contract are never renamed or dropped.
 */

export interface Span {
	start: number;
	end: number;
}

export interface TextSpan extends Span {
	text: string;
}

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'FAC' | 'EVENT' | 'OTHER';

import type { FindingCode, Severity } from './codes';

export type { FindingCode, FindingKind, Severity } from './codes';

export interface Header {
	date: string | null;
	title: string | null;
	start: number;
	end: number;
}

/** Who made an annotation: the person, in the document's `.ann` file, or the analysis (a suggestion). */
export type Origin = 'human' | 'machine';

/** The contract's version: 2 added `origin`. */
export const CONTRACT_VERSION = 2;

export interface Mention extends TextSpan {
	origin?: Origin;
	/** A person's role as written around this mention, without the name: "Managing Director, IMF". */
	role?: string;
}

/** What the trained tagger said of an entity, for one type: its best confidence, and how many readings gave it. */
export interface TaggerReading {
	type: string;
	best: number;
	readings: number;
}

export interface Entity {
	id: string;
	type: EntityType;
	name: string;
	mentions: Mention[];
	/** Other spellings seen for this referent (besides `name`). */
	aliases?: string[];
	/** Why the analysis believes this is an entity of this type, for hovers (the rules' and gazetteers' reasons, in words). */
	evidence?: string[];
	/** What the trained tagger said of the entity, as data: per type, its best confidence and how many readings gave it. */
	tagger?: TaggerReading[];
	/** Facts from the gazetteers, where known (ISO code, capital, country of a demonym…). */
	facts?: Record<string, string>;
	/** `human` when a person marked, confirmed or retyped one of its mentions. */
	origin?: Origin;
	/** A person's roles, each once, in order of mention ("Managing Director, IMF"); see `Mention.role`. */
	roles?: string[];
}

export type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'season' | 'year' | 'decade' | 'century' | 'ref' | 'time' | 'duration';

export interface DateAnnotation extends TextSpan {
	/** TIMEX3 value: 2021, 2021-11, 2021-11-11, 2021-W45, 2021-Q4, 2021-SU, 202, PRESENT_REF…; a length of time (granularity `duration`): P6Y, P9D, PT12H. */
	value: string;
	granularity: Granularity;
	relative: boolean;
	/** How the value was reached, in words, for hovers ("weekday before a past-tense verb"). */
	resolution?: string;
	origin?: Origin;
}

export type ClaimKind = 'attributed' | 'quote' | 'unattributed';

export interface ClaimSource extends TextSpan {
	entity?: string;
}

export interface Claim extends TextSpan {
	kind: ClaimKind;
	cue: TextSpan | null;
	source: ClaimSource | null;
	content: Span | null;
	/** Hedging words on the claim: reportedly, allegedly, so-called… */
	hedges?: string[];
	/** Why an unattributed claim is check-worthy: figure, accusation, superlative, comparison, first, causal, negative. */
	reasons?: string[];
	/** Numbers and quantities asserted in the claim. */
	figures?: string[];
	origin?: Origin;
}

export interface Diagnostic extends Span {
	code: FindingCode;
	severity: Severity;
	message: string;
}

export interface DocumentAnnotations {
	file?: string;
	/** 2 in what the analysis returns; 1 still types what older code builds before it is finished. */
	version: 1 | 2;
	header: Header;
	entities: Entity[];
	dates: DateAnnotation[];
	claims: Claim[];
	diagnostics: Diagnostic[];
}
