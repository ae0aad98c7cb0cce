/** File events from the editor (`workspace/didChangeWatchedFiles`) applied to the index and the ignore list. */
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { IGNORE_FILE, type IgnoreList } from './ignoreList';
import type { Indexer } from './indexer';

/** What the server asks the editor to watch. */
export const WATCHED_GLOBS = ['**/*.txt', '**/*.seed', `**/${IGNORE_FILE}`, '**/*.ann', '**/.seedlens/model.json'];

/** Applies file events; true when an ignore file changed (so diagnostics must be refreshed). */
export async function applyFileEvents(changes: FileEvent[], indexer: Indexer, ignores: IgnoreList, roots: string[]): Promise<boolean> {
	let ignoreChanged = false;
	for (const c of changes) {
		if (ignores.isIgnoreFile(c.uri)) ignoreChanged = true;
		else if (c.type === FileChangeType.Deleted) indexer.remove(c.uri);
		else await indexer.refresh(c.uri);
	}
	if (ignoreChanged) await ignores.load(roots);
	return ignoreChanged;
}
