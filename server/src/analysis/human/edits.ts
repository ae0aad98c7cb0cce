/**
 * What a review does to a `.ann` file, as operations on its records: mark a span, confirm or
 * reject a suggestion, fix a span, set a date's value, add a claim, set the document's state.
 * An operation is applied to the file as it is when it is written (read again just before), so
 * two writers never lose each other's lines. Existing lines keep their place and their ids; new
 * lines go at the end, numbered after the highest id in use. Pure.
 */
import type { ClaimKind, Span } from '../types';
import { joinedSpan, nextId, parseBrat, spanFragments, type Attribute, type BratFile, type BratRecord, type TextBound } from './brat';
import { DATE_TYPE, ENTITY_TYPES, KIND, REJECTED, STATE_NOTE, VERIFIED, type ReviewState } from './layer';
import { CodePoints } from './offsets';

/** A span with the type it has (or had, for the suggestion an edit replaces). UTF-16 offsets. */
export interface TypedSpan extends Span {
	type: string;
}

export type AnnotationEdit =
	/** Marks a span with a type (adds it, or changes the human annotation already there); `replaces` is the suggestion it corrects. */
	| { op: 'mark'; span: TypedSpan; verified?: boolean; value?: string; replaces?: TypedSpan }
	/** Marks a suggestion rejected (its span and type are kept for the record). */
	| { op: 'reject'; span: TypedSpan }
	/** A claim: its cue and source where it has them, its content. */
	| { op: 'claim'; cue?: Span; source?: Span; content: Span; kind?: ClaimKind; verified?: boolean }
	/** Sets a date's TIMEX3 value (marking the date as human if it was a suggestion). */
	| { op: 'date-value'; span: Span; value: string }
	/** The document's review state. */
	| { op: 'state'; state: ReviewState };

// Entity types are one layer (a retyped name replaces the name); dates and each claim part are layers of their own.
const layerOf = (type: string) => ((ENTITY_TYPES as readonly string[]).includes(type) ? 'entity' : type);

/** Applies edits, in order, to a `.ann` text (or parsed file) annotating `text`; returns the new file. */
export function applyEdits(text: string, ann: string | BratFile, edits: readonly AnnotationEdit[]): BratFile {
	const file = typeof ann === 'string' ? parseBrat(ann) : ann;
	const w = new Writer(text, [...file.records]);
	for (const e of edits) w.apply(e);
	return { ...file, records: w.records, lines: [], problems: [] };
}

class Writer {
	private readonly cp: CodePoints;
	constructor(
		private readonly text: string,
		readonly records: BratRecord[],
	) {
		this.cp = new CodePoints(text);
	}

	apply(e: AnnotationEdit): void {
		switch (e.op) {
			case 'mark': {
				const t = this.markSpan(e.span, e.replaces);
				this.setFlag(t.id, e.verified ? VERIFIED : null);
				this.unset(t.id, REJECTED);
				if (e.value !== undefined) this.setValue(t.id, e.value);
				return;
			}
			case 'reject': {
				const t = this.textBound(e.span) ?? this.add(e.span);
				this.unset(t.id, VERIFIED);
				this.setFlag(t.id, REJECTED);
				return;
			}
			case 'date-value': {
				const t = this.textBound({ ...e.span, type: DATE_TYPE }) ?? this.add({ ...e.span, type: DATE_TYPE });
				this.unset(t.id, REJECTED);
				this.setValue(t.id, e.value);
				return;
			}
			case 'claim':
				return this.claim(e);
			case 'state':
				return this.state(e.state);
		}
	}

	private claim(e: Extract<AnnotationEdit, { op: 'claim' }>): void {
		const content = this.textBound({ ...e.content, type: 'Content' }) ?? this.add({ ...e.content, type: 'Content' });
		const cue = e.cue && (this.textBound({ ...e.cue, type: 'Cue' }) ?? this.add({ ...e.cue, type: 'Cue' }));
		const anchor = cue ?? content;
		if (cue) this.relate('Content', cue.id, content.id);
		if (e.source) {
			// A quotation with no reporting words ties its speaker to its content.
			const source = this.textBound({ ...e.source, type: 'Source' }) ?? this.add({ ...e.source, type: 'Source' });
			this.relate('Source', anchor.id, source.id);
		}
		if (e.kind) this.setValued(anchor.id, KIND, e.kind);
		this.unset(anchor.id, REJECTED);
		if (e.verified) this.setFlag(anchor.id, VERIFIED);
	}

	// The human annotation at this span in the same layer, else the one at the span it replaces, retyped and moved; else a new one.
	private markSpan(span: TypedSpan, replaces?: TypedSpan): TextBound {
		const same = this.find((t) => sameSpan(this.utf16(t), span) && layerOf(t.type) === layerOf(span.type));
		const old = replaces && this.find((t) => sameSpan(this.utf16(t), replaces) && layerOf(t.type) === layerOf(replaces.type));
		const t = same ?? old;
		if (!t) {
			// A corrected suggestion that the new span does not overlap would still show: it is rejected for the record.
			if (replaces && (replaces.end <= span.start || replaces.start >= span.end) && !this.textBound(replaces)) this.apply({ op: 'reject', span: replaces });
			return this.add(span);
		}
		const i = this.records.indexOf(t);
		const next: TextBound = { ...t, type: span.type, ...spanFragments(this.text, this.cp, span.start, span.end) };
		this.records[i] = next;
		return next;
	}

	private state(state: ReviewState): void {
		const i = this.records.findIndex((r) => r.kind === '#' && r.type === STATE_NOTE);
		if (i >= 0) this.records[i] = { ...(this.records[i] as Extract<BratRecord, { kind: '#' }>), text: state };
		else this.records.push({ kind: '#', id: nextId(this.records, '#'), type: STATE_NOTE, target: '*', text: state });
	}

	private find(pred: (t: TextBound) => boolean): TextBound | undefined {
		return this.records.find((r): r is TextBound => r.kind === 'T' && (r.fragments.length === 1 || !!joinedSpan(this.text, this.cp, r)) && pred(r));
	}

	private textBound(span: TypedSpan): TextBound | undefined {
		return this.find((t) => t.type === span.type && sameSpan(this.utf16(t), span));
	}

	private utf16(t: TextBound): Span {
		return { start: this.cp.toUtf16(t.fragments[0].start), end: this.cp.toUtf16(t.fragments[t.fragments.length - 1].end) };
	}

	private add(span: TypedSpan): TextBound {
		const t: TextBound = {
			kind: 'T',
			id: nextId(this.records, 'T'),
			type: span.type,
			...spanFragments(this.text, this.cp, span.start, span.end),
		};
		this.records.push(t);
		return t;
	}

	private relate(type: string, arg1: string, arg2: string): void {
		if (this.records.some((r) => r.kind === 'R' && r.type === type && r.arg1 === arg1 && r.arg2 === arg2)) return;
		// A cue has one content and one source: a new one replaces the old relation.
		const i = this.records.findIndex((r) => r.kind === 'R' && r.type === type && r.arg1 === arg1);
		if (i >= 0) this.records[i] = { ...(this.records[i] as Extract<BratRecord, { kind: 'R' }>), arg2 };
		else this.records.push({ kind: 'R', id: nextId(this.records, 'R'), type, arg1, arg2 });
	}

	private setFlag(target: string, type: string | null): void {
		if (type && !this.records.some((r) => r.kind === 'A' && r.target === target && r.type === type))
			this.records.push({ kind: 'A', id: nextId(this.records, 'A'), type, target });
	}

	private setValued(target: string, type: string, value: string): void {
		const i = this.records.findIndex((r) => r.kind === 'A' && r.target === target && r.type === type);
		const a: Attribute = { kind: 'A', id: i >= 0 ? this.records[i].id! : nextId(this.records, 'A'), type, target, value };
		if (i >= 0) this.records[i] = a;
		else this.records.push(a);
	}

	private unset(target: string, type: string): void {
		for (let i = this.records.length - 1; i >= 0; i--) {
			const r = this.records[i];
			if (r.kind === 'A' && r.target === target && r.type === type) this.records.splice(i, 1);
		}
	}

	private setValue(target: string, value: string): void {
		const i = this.records.findIndex((r) => r.kind === 'N' && r.target === target && r.resource === 'TIMEX3');
		if (i >= 0) this.records[i] = { ...(this.records[i] as Extract<BratRecord, { kind: 'N' }>), entry: value };
		else this.records.push({ kind: 'N', id: nextId(this.records, 'N'), type: 'Reference', target, resource: 'TIMEX3', entry: value });
	}
}

const sameSpan = (a: Span, b: Span) => a.start === b.start && a.end === b.end;
