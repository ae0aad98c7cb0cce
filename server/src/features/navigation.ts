/** Go to definition (a mention → the entity's first mention) and document highlight (every mention). */
import { DocumentHighlightKind, type CancellationToken, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../documentAnalysis';
import { entityAt } from './lookup';

/** The first mention of the entity under the cursor. */
export function definition(a: DocumentAnalysis, position: Position, token?: CancellationToken): Location | null {
	if (token?.isCancellationRequested) return null;
	const hit = entityAt(a, a.lines.offset(position));
	const first = hit?.entity.mentions[0];
	return first ? { uri: a.uri, range: a.lines.range(first) } : null;
}

/** Every mention of the entity under the cursor; the first one is marked as the one that introduces it. */
export function documentHighlight(a: DocumentAnalysis, position: Position, token?: CancellationToken): DocumentHighlight[] {
	if (token?.isCancellationRequested) return [];
	const hit = entityAt(a, a.lines.offset(position));
	if (!hit) return [];
	return hit.entity.mentions.map((m, i) => ({ range: a.lines.range(m), kind: i === 0 ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}
