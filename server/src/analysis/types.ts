/**
 * The annotation contract (JSON, version 1), as in ANNOTATIONS.md.
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

export interface Mention extends TextSpan {}

export interface Entity {
	id: string;
	type: EntityType;
	name: string;
	mentions: Mention[];
	/** Other spellings seen for this referent (besides `name`). */
	aliases?: string[];
	/** Why the analysis believes this is an entity of this type, for hovers. */
	evidence?: string[];
	/** Facts from the gazetteers, where known (ISO code, capital, country of a demonym…). */
	facts?: Record<string, string>;
}

export type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'season' | 'year' | 'decade' | 'century' | 'ref' | 'time';

export interface DateAnnotation extends TextSpan {
	/** TIMEX3 value: 2021, 2021-11, 2021-11-11, 2021-W45, 2021-Q4, 2021-SU, 202, PRESENT_REF… */
	value: string;
	granularity: Granularity;
	relative: boolean;
	/** How the value was reached, in words, for hovers ("weekday before a past-tense verb"). */
	resolution?: string;
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
	/** Why an unattributed claim is check-worthy: figure, accusation, superlative. */
	reasons?: string[];
	/** Numbers and quantities asserted in the claim. */
	figures?: string[];
}

export interface Diagnostic extends Span {
	code: FindingCode;
	severity: Severity;
	message: string;
}

export interface DocumentAnnotations {
	file?: string;
	version: 1;
	header: Header;
	entities: Entity[];
	dates: DateAnnotation[];
	claims: Claim[];
	diagnostics: Diagnostic[];
}
