/** Workspace symbols: entities across the seed files of the workspace ("Khalifa Haftar — 37 documents"). */
import { RequestType0, type CancellationToken, type WorkspaceSymbol } from 'vscode-languageserver';
import type { Corpus } from '../workspace/corpus';
import type { Indexer } from '../workspace/indexer';
import { ENTITY_KINDS } from './documentSymbols';
import { plural, TYPE_WORDS } from './words';

/** Most results returned for one query; editors refine by typing more. */
export const WORKSPACE_SYMBOL_LIMIT = 250;

/** The entities whose names match the query, the most widely mentioned first. */
export function workspaceSymbols(corpus: Corpus, query: string, token?: CancellationToken): WorkspaceSymbol[] {
	if (token?.isCancellationRequested) return [];
	return corpus
		.search(query, WORKSPACE_SYMBOL_LIMIT, () => !!token?.isCancellationRequested)
		.map((e) => ({
			name: e.name,
			kind: ENTITY_KINDS[e.type],
			containerName: `${plural(e.documents, 'document')} · ${plural(e.mentions, 'mention')} · ${TYPE_WORDS[e.type] ?? 'Name'}`,
			location: e.location,
		}));
}

/** The state of the corpus index, answered to `seedLens/indexStatus` (for tests and status bars). */
export interface IndexStatus {
	state: Indexer['state'];
	files: number;
	names: number;
}

export const IndexStatusRequest = new RequestType0<IndexStatus, void>('seedLens/indexStatus');

/** The index status now. */
export function indexStatus(indexer: Pick<Indexer, 'state'>, corpus: Corpus): IndexStatus {
	return { state: indexer.state, files: corpus.size, names: corpus.names };
}
