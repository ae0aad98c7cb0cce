/**
 * Reviewing the analysis: the code actions on a selection or a suggestion (Mark as …, Confirm,
 * Reject, Change type…, Fix span to selection, Set date value…, Mark as claim…, Confirm all
 * suggestions in paragraph), what each does to the document's `.ann` (as edits, see
 * analysis/human/edits.ts), and the list of suggestions still to review.
 */
import { CodeActionKind, RequestType, type CancellationToken, type CodeAction, type CodeActionParams, type Range } from 'vscode-languageserver';
import type { Claim, EntityType, Span } from '../analysis';
import type { TaggerReading } from '../analysis/types';
import type { AnnotationEdit, TypedSpan } from '../analysis/human/edits';
import type { ReviewState } from '../analysis/human/layer';
import type { DocumentAnalysis } from '../documentAnalysis';
import { claimAt, dateAt, entityAt } from './lookup';
import { clip, TYPE_WORDS } from './words';

/** The server command that changes a document's annotations. */
export const REVIEW_COMMAND = 'seedLens.review';

export type ReviewAction = 'mark' | 'confirm' | 'reject' | 'retype' | 'fix-span' | 'date-value' | 'claim' | 'confirm-paragraph' | 'state';

/** Arguments of the review command (ranges in the document as the editor has it). */
export interface ReviewArgs {
	uri: string;
	action: ReviewAction;
	range: Range;
	/** The type to mark with (`mark`, `retype`): an entity type or `DATE`. */
	type?: string;
	/** A date's TIMEX3 value (`date-value`). */
	value?: string;
	/** A claim's source and cue (`claim`; the range is its content). */
	source?: Range;
	cue?: Range;
	state?: ReviewState;
}

/** The entity types in the order the editor offers them, with the words of the commands. */
export const MARK_TYPES: readonly { type: string; label: string }[] = [
	{ type: 'PERSON', label: 'Person' },
	{ type: 'ORG', label: 'Organisation' },
	{ type: 'GPE', label: 'Place' },
	{ type: 'LOC', label: 'Location' },
	{ type: 'NORP', label: 'Group' },
	{ type: 'FAC', label: 'Facility' },
	{ type: 'EVENT', label: 'Event' },
	{ type: 'OTHER', label: 'Other name' },
	{ type: 'DATE', label: 'Date' },
];
const TYPES = new Set(MARK_TYPES.map((t) => t.type));

/** What sits under a selection: an entity mention, a date or a claim, with its span and type as a `.ann` writes them. */
export interface Target {
	layer: 'entity' | 'date' | 'claim';
	span: TypedSpan;
	origin: 'human' | 'machine';
	text: string;
	value?: string;
	claim?: Claim;
}

/** A claim's anchor in the `.ann`: its cue, else its content (an unattributed claim's own span). */
export function claimAnchor(c: Claim): TypedSpan {
	const s = c.cue ?? c.content ?? c;
	return { start: s.start, end: s.end, type: c.cue ? 'Cue' : 'Content' };
}

/** The annotation at an offset: a name first, then a date, then a claim's cue or text. */
export function targetAt(a: DocumentAnalysis, at: number): Target | null {
	const e = entityAt(a, at);
	if (e)
		return {
			layer: 'entity',
			span: { start: e.mention.start, end: e.mention.end, type: e.entity.type },
			origin: e.mention.origin ?? 'machine',
			text: e.mention.text,
		};
	const d = dateAt(a, at);
	if (d) return { layer: 'date', span: { start: d.start, end: d.end, type: 'DATE' }, origin: d.origin ?? 'machine', text: d.text, value: d.value };
	const c = claimAt(a, at);
	if (c) return { layer: 'claim', span: claimAnchor(c.claim), origin: c.claim.origin ?? 'machine', text: c.claim.text, claim: c.claim };
	return null;
}

/** Every suggestion nobody has reviewed (origin `machine`), in document order: what *Next suggestion* walks. */
export function suggestions(a: DocumentAnalysis): Target[] {
	const out: Target[] = [];
	const ann = a.annotations;
	for (const e of ann.entities)
		for (const m of e.mentions)
			if (m.origin !== 'human') out.push({ layer: 'entity', span: { start: m.start, end: m.end, type: e.type }, origin: 'machine', text: m.text });
	for (const d of ann.dates)
		if (d.origin !== 'human') out.push({ layer: 'date', span: { start: d.start, end: d.end, type: 'DATE' }, origin: 'machine', text: d.text, value: d.value });
	for (const c of ann.claims) if (c.origin !== 'human') out.push({ layer: 'claim', span: claimAnchor(c), origin: 'machine', text: c.text, claim: c });
	return out.sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
}

/** The edits that confirm a target as it is. */
function confirm(t: Target): AnnotationEdit {
	if (t.layer === 'claim' && t.claim) {
		const c = t.claim;
		return { op: 'claim', cue: c.cue ?? undefined, source: c.source ?? undefined, content: c.content ?? c, kind: c.kind, verified: true };
	}
	return { op: 'mark', span: t.span, verified: true, value: t.layer === 'date' ? t.value : undefined };
}

// A selection without the blanks at its ends (a double-click in some editors takes the space after a word).
function trimmed(text: string, s: Span): Span {
	let { start, end } = s;
	while (start < end && /\s/.test(text[start])) start++;
	while (end > start && /\s/.test(text[end - 1])) end--;
	return { start, end };
}

/** The edits a review command makes, or the message to show when it cannot apply here. */
export function reviewEdits(a: DocumentAnalysis, args: ReviewArgs): AnnotationEdit[] | string {
	const sel = trimmed(a.text, { start: a.lines.offset(args.range.start), end: a.lines.offset(args.range.end) });
	const target = targetAt(a, sel.start) ?? (sel.end > sel.start ? targetAt(a, sel.end - 1) : null);
	switch (args.action) {
		case 'mark':
			if (!args.type || !TYPES.has(args.type)) return `Unknown annotation type “${args.type}”.`;
			if (sel.end <= sel.start) return 'Select the words to mark first.';
			return [{ op: 'mark', span: { ...sel, type: args.type }, replaces: target && sameLayer(target, args.type) ? target.span : undefined }];
		case 'confirm':
			return target ? [confirm(target)] : 'There is no annotation here to confirm.';
		case 'reject':
			return target ? [{ op: 'reject', span: target.span }] : 'There is no annotation here to reject.';
		case 'retype':
			if (!target || target.layer !== 'entity') return 'Put the cursor on a name to change its type.';
			if (!args.type || !TYPES.has(args.type)) return `Unknown annotation type “${args.type}”.`;
			return [{ op: 'mark', span: { ...target.span, type: args.type }, replaces: target.span }];
		case 'fix-span':
			if (!target || target.layer === 'claim') return 'Select the right extent of a name or a date that overlaps it.';
			if (sel.end <= sel.start) return 'Select the words the annotation should cover.';
			return [{ op: 'mark', span: { ...sel, type: target.span.type }, replaces: target.span, value: target.value }];
		case 'date-value': {
			if (!args.value || !/^[\w-:.]+$/.test(args.value)) return 'A date value is a TIMEX3 value such as 2021-11-11, 2021-W45 or PAST_REF.';
			const span = target?.layer === 'date' ? target.span : sel;
			return span.end > span.start ? [{ op: 'date-value', span, value: args.value }] : 'Select a date first.';
		}
		case 'claim': {
			if (sel.end <= sel.start) return 'Select what the claim says first.';
			const source = args.source && trimmed(a.text, { start: a.lines.offset(args.source.start), end: a.lines.offset(args.source.end) });
			const cue = args.cue && trimmed(a.text, { start: a.lines.offset(args.cue.start), end: a.lines.offset(args.cue.end) });
			return [{ op: 'claim', content: sel, source, cue, kind: source ? (cue ? 'attributed' : 'quote') : 'unattributed', verified: true }];
		}
		case 'confirm-paragraph': {
			const p = a.paragraphs.find((x) => x.start <= sel.start && sel.start <= x.end);
			if (!p) return 'Put the cursor in a paragraph of the article.';
			const list = suggestions(a).filter((t) => t.span.start >= p.start && t.span.end <= p.end);
			return list.length ? list.map(confirm) : 'This paragraph has no suggestions left to review.';
		}
		case 'state':
			return args.state ? [{ op: 'state', state: args.state }] : 'No review state given.';
	}
}

const sameLayer = (t: Target, type: string) => (type === 'DATE' ? t.layer === 'date' : t.layer === 'entity');

/** The review code actions at a range: on a suggestion or annotation, and on a selection. */
export function reviewActions(a: DocumentAnalysis, params: CodeActionParams, token?: CancellationToken): CodeAction[] {
	if (token?.isCancellationRequested) return [];
	const only = params.context.only;
	if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix))) return [];
	const { uri } = a;
	const range = params.range;
	const from = a.lines.offset(range.start);
	const to = a.lines.offset(range.end);
	const target = targetAt(a, from) ?? (to > from ? targetAt(a, to - 1) : null);
	const out: CodeAction[] = [];
	const act = (title: string, action: ReviewAction, extra: Partial<ReviewArgs> = {}, preferred = false): CodeAction => ({
		title,
		kind: CodeActionKind.QuickFix,
		isPreferred: preferred || undefined,
		command: { title, command: REVIEW_COMMAND, arguments: [{ uri, action, range, ...extra } satisfies ReviewArgs] },
	});
	if (target) {
		const what = describe(target);
		if (target.origin === 'machine') out.push(act(`Confirm ${what}`, 'confirm', {}, true));
		out.push(act(`Reject ${what}`, 'reject'));
		if (target.layer === 'entity')
			out.push({
				title: 'Change type…',
				kind: CodeActionKind.QuickFix,
				command: { title: 'Change type…', command: 'seedLens.changeType', arguments: [uri, range] },
			});
		if (target.layer === 'date')
			out.push({
				title: 'Set date value…',
				kind: CodeActionKind.QuickFix,
				command: { title: 'Set date value…', command: 'seedLens.setDateValue', arguments: [uri, range] },
			});
		if (to > from && target.layer !== 'claim' && (from !== target.span.start || to !== target.span.end)) out.push(act('Fix span to selection', 'fix-span'));
	}
	if (to > from) {
		for (const t of MARK_TYPES.slice(0, 3)) out.push(act(`Mark as ${t.label}`, 'mark', { type: t.type }));
		out.push({ title: 'Mark as…', kind: CodeActionKind.QuickFix, command: { title: 'Mark as…', command: 'seedLens.markAs', arguments: [uri, range] } });
		out.push({
			title: 'Mark as claim…',
			kind: CodeActionKind.QuickFix,
			command: { title: 'Mark as claim…', command: 'seedLens.markAsClaim', arguments: [uri, range] },
		});
	}
	const p = a.paragraphs.find((x) => x.start <= from && from <= x.end);
	if (p && suggestions(a).some((t) => t.span.start >= p.start && t.span.end <= p.end))
		out.push(act('Confirm all suggestions in paragraph', 'confirm-paragraph'));
	return out;
}

function describe(t: Target): string {
	const what = t.layer === 'entity' ? (TYPE_WORDS[t.span.type as EntityType] ?? 'name').toLowerCase() : t.layer === 'date' ? 'date' : 'claim';
	return `${what} “${clip(t.layer === 'claim' ? (t.claim?.cue?.text ?? t.text) : t.text, 40)}”`;
}

/** The first line of a hover: who made the annotation, and for a suggestion, what suggested it. */
export function originLine(origin: 'human' | 'machine' | undefined, why: { evidence?: readonly string[]; tagger?: readonly TaggerReading[] }): string {
	if (origin === 'human') return '*Confirmed by you*';
	const tagger = why.tagger?.[0];
	const by = tagger ? `tagger ${tagger.best.toFixed(2)}` : why.evidence?.length ? clip(why.evidence[0], 60) : 'analysis';
	return `*Suggestion — ${by}*`;
}

/** Reads the review command's arguments, or null when they are not what the actions send. */
export function reviewArgs(args: unknown[] | undefined): ReviewArgs | null {
	const x = args?.[0] as Partial<ReviewArgs> | undefined;
	return x && typeof x.uri === 'string' && typeof x.action === 'string' && x.range && typeof x.range === 'object' ? (x as ReviewArgs) : null;
}

/** What the review command needs from the server. */
export interface ReviewHost {
	/** The open document's analysis and text, or undefined. */
	analysis(uri: string): Promise<DocumentAnalysis | undefined>;
	/** Applies edits to the document's `.ann`. */
	write(uri: string, text: string, edits: AnnotationEdit[]): Promise<void>;
	/** The `.ann` changed: analyse the document again and refresh what the editor shows. */
	changed(uri: string): void;
	/** The document's review state, from its `.ann`. */
	state(uri: string): Promise<ReviewState>;
	warn(message: string): void;
}

/** The answer of the review command: whether the `.ann` was changed, and why not. */
export interface ReviewResult {
	changed: boolean;
	message?: string;
}

/** Runs the review command: works out the edits from the analysis and writes them to the `.ann`. */
export async function executeReview(raw: unknown[] | undefined, host: ReviewHost): Promise<ReviewResult> {
	const args = reviewArgs(raw);
	if (!args) return { changed: false, message: 'The review command was sent without a document and a range.' };
	const a = await host.analysis(args.uri);
	if (!a) return { changed: false, message: 'Open the seed file to annotate it.' };
	const edits = reviewEdits(a, args);
	if (typeof edits === 'string') {
		host.warn(edits);
		return { changed: false, message: edits };
	}
	// The first change to a document puts it in review (a document marked done stays done).
	if (args.action !== 'state' && (await host.state(args.uri)) === 'not-started') edits.push({ op: 'state', state: 'in-review' });
	try {
		await host.write(args.uri, a.text, edits);
	} catch (e) {
		const message = `The annotations were not saved: ${(e as Error).message}`;
		host.warn(message);
		return { changed: false, message };
	}
	host.changed(args.uri);
	return { changed: true };
}

export interface SuggestionsParams {
	uri: string;
}

/** The suggestions of a document still to review, and its review state. */
export interface SuggestionsResult {
	state: ReviewState;
	suggestions: { range: Range; layer: Target['layer']; type: string; text: string }[];
}

/** `seedLens/suggestions`: `{ uri }` → the document's unreviewed suggestions in order, and its state. */
export const SuggestionsRequest = new RequestType<SuggestionsParams, SuggestionsResult | null, void>('seedLens/suggestions');

/** The answer of `seedLens/suggestions` for one analysis. */
export function suggestionList(a: DocumentAnalysis, state: ReviewState): SuggestionsResult {
	return { state, suggestions: suggestions(a).map((t) => ({ range: a.lines.range(t.span), layer: t.layer, type: t.span.type, text: clip(t.text, 80) })) };
}

export interface ReviewStatusParams {
	uris: string[];
}

/** A seed file's review state and how many suggestions it has left (null where it could not be analysed). */
export interface ReviewStatus {
	uri: string;
	state: ReviewState;
	suggestions: number | null;
}

/** `seedLens/reviewStatus`: the seed files among `uris` (others are left out), each with its state and unreviewed count. */
export const ReviewStatusRequest = new RequestType<ReviewStatusParams, ReviewStatus[], void>('seedLens/reviewStatus');

/** What the review status needs from the server: a seed file's analysis (open or read from disk), and its state. */
export interface StatusHost {
	analysis(uri: string): Promise<DocumentAnalysis | null>;
	state(uri: string): Promise<ReviewState>;
}

/** The review status of each seed file among `uris`, in order. */
export async function reviewStatus(uris: readonly string[], host: StatusHost, token?: CancellationToken): Promise<ReviewStatus[]> {
	const out: ReviewStatus[] = [];
	for (const uri of uris) {
		if (token?.isCancellationRequested) break;
		const a = await host.analysis(uri).catch(() => null);
		if (a) out.push({ uri, state: await host.state(uri), suggestions: suggestions(a).length });
	}
	return out;
}
