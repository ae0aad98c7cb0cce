/**
 * Keeps the cross-document findings of open documents current: when any file of
 * the index changes, the open documents whose conflicts changed are published
 * again (and only those). Checks are gathered over a short quiet time, so that
 * indexing a whole workspace costs one check per open document, not one per file.
 */
import type { Diagnostic } from 'vscode-languageserver';

export interface ConflictHost<D extends { uri: string }> {
	/** The cross-document diagnostics of a document now. */
	diagnostics(uri: string): Diagnostic[];
	/** The open documents. */
	open(): D[];
	/** Publishes a document's diagnostics again. */
	republish(doc: D): void;
}

/** How long changes to the index are gathered before the open documents are checked. */
export const CONFLICT_CHECK_DELAY_MS = 50;

export class ConflictRefresh<D extends { uri: string }> {
	private readonly sent = new Map<string, string>();
	private timer: NodeJS.Timeout | undefined;

	constructor(
		private readonly host: ConflictHost<D>,
		private readonly delay = CONFLICT_CHECK_DELAY_MS,
	) {}

	/** The findings to publish with a document's own, remembered to tell later whether they changed. */
	diagnostics(uri: string): Diagnostic[] {
		const list = this.host.diagnostics(uri);
		this.sent.set(uri, JSON.stringify(list));
		return list;
	}

	/** A file of the index changed. */
	changed(): void {
		if (this.timer) return;
		this.timer = setTimeout(() => {
			this.timer = undefined;
			for (const doc of this.host.open()) {
				const before = this.sent.get(doc.uri);
				if (before !== undefined && before !== JSON.stringify(this.host.diagnostics(doc.uri))) this.host.republish(doc);
			}
		}, this.delay);
	}

	/** A document was closed. */
	forget(uri: string): void {
		this.sent.delete(uri);
	}

	dispose(): void {
		if (this.timer) clearTimeout(this.timer);
	}
}
