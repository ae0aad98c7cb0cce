/** Find all references: every mention of the entity under the cursor, here and in the other seed files of the workspace. */
import type { CancellationToken, Location, Position } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../documentAnalysis';
import type { Corpus } from '../workspace/corpus';
import { canonicalUri } from '../workspace/indexer';
import { entityAt, entityKeys, nameKey } from './lookup';

/**
 * The mentions in this document (the first one only when `includeDeclaration`),
 * then those in other indexed files whose entity has the same name or spelling.
 */
export function references(a: DocumentAnalysis, position: Position, includeDeclaration: boolean, corpus: Corpus | null, token?: CancellationToken): Location[] {
	if (token?.isCancellationRequested) return [];
	const hit = entityAt(a, a.lines.offset(position));
	if (!hit) return [];
	const here = hit.entity.mentions.slice(includeDeclaration ? 0 : 1).map((m) => ({ uri: a.uri, range: a.lines.range(m) }));
	if (!corpus) return here;
	const elsewhere = corpus.references(nameKey(hit.entity.name), entityKeys(hit.entity), canonicalUri(a.uri), () => !!token?.isCancellationRequested);
	return token?.isCancellationRequested ? [] : [...here, ...elsewhere];
}
