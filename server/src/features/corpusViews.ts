/**
 * The data of the cross-document views, as custom requests: an entity's page
 * (`seedLens/entityPage`), the corpus timeline (`seedLens/timeline`), the
 * entities to pick from (`seedLens/corpusEntities`) and the entity under the
 * cursor (`seedLens/entityAt`). Every line carries the location of its sentence.
 */
import { RequestType, type CancellationToken, type Position, type Range } from 'vscode-languageserver';
import { nameKey, type Statement } from '../analysis/crossdoc';
import type { DocumentAnalysis } from '../documentAnalysis';
import type { Corpus } from '../workspace/corpus';
import { canonicalUri } from '../workspace/indexer';
import { factRange, type FileSummary } from '../workspace/summary';
import { shortName } from './crossDocuments';
import { entityAt } from './lookup';

/** A sentence somewhere in the workspace. */
export interface SentenceLink {
	uri: string;
	file: string;
	range: Range;
	date: string | null;
	text: string;
	/** The claim of the sentence (`attributed`, `quote`, `unattributed`) and its source, if any. */
	claim: string | null;
	source: string | null;
}

export interface EntityPageView {
	name: string;
	type: string;
	aliases: string[];
	documents: (SentenceLink & { title: string | null; mentions: number })[];
	said: SentenceLink[];
	about: SentenceLink[];
	cooccurring: { name: string; type: string; documents: number }[];
}

export interface TimelineParams {
	entity?: string;
	from?: string;
	to?: string;
	/** A folder URI: only documents under it. */
	under?: string;
	limit?: number;
}

export interface TimelineView {
	points: (SentenceLink & { value: string; granularity: string; dateText: string; entities: string[] })[];
	/** Points that matched, of which the first `limit` are listed. */
	total: number;
	documents: number;
}

export interface CorpusEntityItem {
	name: string;
	type: string;
	documents: number;
}

export const EntityPageRequest = new RequestType<{ name: string }, EntityPageView | null, void>('seedLens/entityPage');
export const TimelineRequest = new RequestType<TimelineParams, TimelineView, void>('seedLens/timeline');
export const CorpusEntitiesRequest = new RequestType<{ limit?: number }, CorpusEntityItem[], void>('seedLens/corpusEntities');
export const EntityAtRequest = new RequestType<{ uri: string; position: Position }, string | null, void>('seedLens/entityAt');

/** Most timeline points sent to the view at once: the filters narrow it down. */
export const TIMELINE_LIMIT = 2000;

function link(f: FileSummary, s: Statement | { start: number; end: number }, date: string | null): SentenceLink {
	const st = 'text' in s ? s : null;
	return {
		uri: f.uri,
		file: shortName(f.uri),
		range: factRange(f, s),
		date,
		text: st?.text ?? '',
		claim: st?.kind ?? null,
		source: st?.source ?? null,
	};
}

/** The page of an entity named `name` (any spelling) across the workspace, or null when no document names it. */
export function entityPage(corpus: Corpus, name: string, token?: CancellationToken): EntityPageView | null {
	const page = corpus.crossDoc.entityPage(nameKey(name));
	if (!page || token?.isCancellationRequested) return null;
	const file = (doc: string) => corpus.get(doc)!;
	return {
		name: page.name,
		type: page.type,
		aliases: page.aliases,
		documents: page.documents.map((d) => ({ ...link(file(d.doc), d.first, d.date), text: d.title ?? '', title: d.title, mentions: d.mentions })),
		said: page.said.map((r) => link(file(r.doc), r.statement, r.date)),
		about: page.about.map((r) => link(file(r.doc), r.statement, r.date)),
		cooccurring: page.cooccurring.map(({ name: n, type, documents }) => ({ name: n, type, documents })),
	};
}

/** Every resolved date of the workspace (or a folder), filtered, in time order. */
export function timeline(corpus: Corpus, params: TimelineParams, token?: CancellationToken): TimelineView {
	const under = params.under ? canonicalUri(params.under).replace(/\/?$/, '/') : undefined;
	const all = corpus.crossDoc.timeline({
		entity: params.entity ? nameKey(params.entity) : undefined,
		from: params.from || undefined,
		to: params.to || undefined,
		under,
	});
	if (token?.isCancellationRequested) return { points: [], total: 0, documents: 0 };
	const limit = Math.max(1, Math.min(params.limit ?? TIMELINE_LIMIT, TIMELINE_LIMIT));
	const points = all.slice(0, limit).map((p) => {
		const f = corpus.get(p.doc)!;
		return { ...link(f, p.statement, f.date), value: p.value, granularity: p.granularity, dateText: p.text, entities: p.entities };
	});
	return { points, total: all.length, documents: new Set(all.map((p) => p.doc)).size };
}

/** The entities named in the most documents, to pick one from. */
export function corpusEntities(corpus: Corpus, limit = 500): CorpusEntityItem[] {
	return corpus.crossDoc
		.entities()
		.slice(0, limit)
		.map(({ name, type, documents }) => ({ name, type, documents }));
}

/** The name of the entity under the cursor, or null. */
export function entityNameAt(a: DocumentAnalysis, position: Position): string | null {
	return entityAt(a, a.lines.offset(position))?.entity.name ?? null;
}
