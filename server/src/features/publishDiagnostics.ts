/**
 * When diagnostics are pushed: debounced per document while typing, tagged
 * with the document version, and dropped when a newer version has arrived, so
 * the editor never shows findings for text that is no longer there.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The quiet time after the last keystroke before a document is analysed for diagnostics. */
export const DEBOUNCE_MS = 100;
/** The shorter quiet time after which the work is prepared ahead (see `PublishTarget.prepare`). */
const PREPARE_MS = 30;
/** While typing goes on, the caches are also brought up to date at most this often. */
const PREPARE_EVERY_MS = 500;

/** The diagnostics of one version, and what to do once they are sent or dropped. */
export interface Computed {
	diagnostics: Diagnostic[];
	done?: () => void;
}

export interface PublishTarget {
	/** The current version of a document, or undefined once it is closed. */
	current(uri: string): TextDocument | undefined;
	/** Builds the diagnostics of a document version (analysing it if needed). */
	compute(doc: TextDocument): Promise<Computed | null>;
	/** Sends them to the editor; settles once they are written. */
	send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): Promise<void> | void;
	/**
	 * Told of versions before the typing delay, so that work can start ahead: `all` after a short
	 * pause (the version likely to stay: analyse it and word its diagnostics), `sections` now and
	 * then while typing goes on (only keep the caches current: the work of a version about to be
	 * replaced would be wasted, and it would compete with the editor's requests for the cores).
	 * Diagnostics worded this way may be handed to `ahead`.
	 */
	prepare?(doc: TextDocument, what: 'all' | 'sections'): void;
}

/** Schedules diagnostics per document. */
export class DiagnosticsPublisher {
	private readonly timers = new Map<string, NodeJS.Timeout>();
	private readonly prepareTimers = new Map<string, NodeJS.Timeout>();
	private readonly preparedAt = new Map<string, number>();
	/** Documents published at least once: a document's first diagnostics do not wait for the typing delay. */
	private readonly seen = new Set<string>();
	/** The version each document's diagnostics were last sent for: the same ones are not sent twice. */
	private readonly published = new Map<string, number>();
	/** Diagnostics sent ahead and still being written, per document. */
	private readonly sending = new Map<string, Promise<unknown>>();

	constructor(
		private readonly target: PublishTarget,
		private readonly delay = DEBOUNCE_MS,
	) {}

	/** Publishes after the quiet time; a newer call for the same document replaces this one. */
	schedule(doc: TextDocument, delay = this.seen.has(doc.uri) ? this.delay : 0): void {
		this.cancel(doc.uri);
		if (delay > 0) this.prepareSoon(doc);
		const version = doc.version;
		this.timers.set(
			doc.uri,
			setTimeout(() => void this.run(doc.uri, version), delay),
		);
	}

	/** Publishes soon, without the typing delay (a document was opened, settings changed). */
	soon(doc: TextDocument): void {
		// Settings or ignore entries changed: the same version is worded again, and sent again.
		this.published.delete(doc.uri);
		this.schedule(doc, 0);
	}

	/**
	 * Sends diagnostics prepared ahead of the typing delay (see `PublishTarget.prepare`) when their
	 * version is still the document's: on a long document they are ready before the delay's own
	 * job could have them.
	 */
	ahead(uri: string, version: number, diagnostics: Diagnostic[]): void {
		if (this.target.current(uri)?.version !== version || this.published.get(uri) === version) return;
		this.published.set(uri, version);
		this.seen.add(uri);
		const sent = Promise.resolve(this.target.send(uri, version, diagnostics)).catch(() => {});
		this.sending.set(uri, sent);
		void sent.then(() => this.sending.get(uri) === sent && this.sending.delete(uri));
	}

	/** Cancels any pending publication and clears the document's diagnostics. */
	clear(uri: string): void {
		this.cancel(uri);
		this.seen.delete(uri);
		this.published.delete(uri);
		this.preparedAt.delete(uri);
		void Promise.resolve(this.target.send(uri, undefined, [])).catch(() => {});
	}

	/** Stops all timers (shutdown). */
	dispose(): void {
		for (const t of [...this.timers.values(), ...this.prepareTimers.values()]) clearTimeout(t);
		this.timers.clear();
		this.prepareTimers.clear();
	}

	private cancel(uri: string): void {
		for (const timers of [this.timers, this.prepareTimers]) {
			const t = timers.get(uri);
			if (t) clearTimeout(t);
			timers.delete(uri);
		}
	}

	// Ahead of the typing delay: everything after a short pause; the caches now when not done for a while.
	private prepareSoon(doc: TextDocument): void {
		const prepare = this.target.prepare;
		if (!prepare) return;
		const now = Date.now();
		if (now - (this.preparedAt.get(doc.uri) ?? 0) >= PREPARE_EVERY_MS) {
			this.preparedAt.set(doc.uri, now);
			prepare(doc, 'sections');
		}
		const version = doc.version;
		this.prepareTimers.set(
			doc.uri,
			setTimeout(() => {
				this.prepareTimers.delete(doc.uri);
				const current = this.target.current(doc.uri);
				if (current?.version !== version) return;
				this.preparedAt.set(doc.uri, Date.now());
				prepare(current, 'all');
			}, PREPARE_MS),
		);
	}

	private async run(uri: string, version: number): Promise<void> {
		this.timers.delete(uri);
		const doc = this.target.current(uri);
		if (!doc || doc.version !== version) return;
		const computed = await this.target.compute(doc).catch(() => null);
		if (computed === null) return;
		try {
			// A change may have arrived while computing: its own timer will publish it.
			if (this.target.current(uri)?.version !== version) return;
			// Sent ahead: what follows (`done`) waits until they are written.
			if (this.published.get(uri) === version) return void (await this.sending.get(uri));
			this.seen.add(uri);
			this.published.set(uri, version);
			await this.target.send(uri, version, computed.diagnostics);
		} catch {
			// The connection is gone: nothing to tell the editor.
		} finally {
			computed.done?.();
		}
	}
}
