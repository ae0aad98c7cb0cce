/**
 * The life cycle of one open document's diagnostics, as one explicit state machine, and the
 * scheduler that keeps one per open document. Everything that decides *when* a document is analysed
 * and published lives here: the typing delay, the work prepared ahead while the user types, the
 * analysis in flight, the version last published, and what an edit, a close, a failed analysis or
 * a settings change does to them. The analysis itself is behind `SessionBackend` (in the server: the
 * analysis threads; in the tests: a fake), and time behind `Clock`.
 *
 *   idle ──edit──▶ waiting ──delay──▶ analysing ──result──▶ idle (published)
 *                    ▲  │edit               │edit: result dropped, the newer version waits
 *                    └──┘                   │failure: idle, nothing published
 *   any ──close──▶ closed (diagnostics cleared; late results dropped)
 *   any ──configure──▶ waiting, no delay (the same version worded again)
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { OutgoingList } from './rawJson';

/** The quiet time after the last keystroke before a document is analysed for diagnostics. */
export const DEBOUNCE_MS = 100;
/** The shorter quiet time after which the work is prepared ahead (see `SessionBackend.prepare`). */
export const PREPARE_MS = 30;
/** While typing goes on, the caches are also brought up to date at most this often. */
export const PREPARE_EVERY_MS = 500;

/** The diagnostics of one version, and what to do once they are sent or dropped. */
export interface Computed {
	diagnostics: OutgoingList<Diagnostic>;
	done?: () => void;
}

/** What a session asks of the analysis and of the connection. */
export interface SessionBackend {
	/** Analyses the document at `version` (the current one when called) and words its diagnostics; null when the work was dropped. */
	compute(uri: string, version: number): Promise<Computed | null>;
	/** Sends a version's diagnostics to the editor, or clears them (`null`); settles once written. */
	send(uri: string, version: number, diagnostics: OutgoingList<Diagnostic>): Promise<void> | void;
	send(uri: string, version: undefined, diagnostics: null): Promise<void> | void;
	/**
	 * Told of versions before the typing delay, so that work can start ahead: `all` after a short
	 * pause (the version likely to stay: analyse it and word its diagnostics), `sections` now and
	 * then while typing goes on (only keep the caches current). Diagnostics worded this way come
	 * back through `AnalysisScheduler.preparedDiagnostics`.
	 */
	prepare?(uri: string, version: number, what: 'all' | 'sections'): void;
}

/** Timers, so that the tests can drive time. */
export interface Clock {
	now(): number;
	set(fn: () => void, ms: number): unknown;
	clear(handle: unknown): void;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	set: (fn, ms) => setTimeout(fn, ms),
	clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Where a document's diagnostics are in their life cycle. */
export type SessionState = { name: 'idle' } | { name: 'waiting'; version: number } | { name: 'analysing'; version: number } | { name: 'closed' };

/** The diagnostics life cycle of one open document. */
export class DocumentSession {
	private state: SessionState = { name: 'idle' };
	/** The newest version the editor has told of. */
	private version = -Infinity;
	/** The version whose diagnostics the editor shows (sent, or being written). */
	private published: number | undefined;
	/** Published at least once: later edits wait for the typing delay. */
	private seen = false;
	/** Diagnostics sent ahead and still being written. */
	private sending: Promise<unknown> | undefined;
	private timer: unknown;
	private prepareTimer: unknown;
	private preparedAt = -Infinity;

	constructor(
		readonly uri: string,
		private readonly backend: SessionBackend,
		private readonly clock: Clock = systemClock,
		private readonly delay = DEBOUNCE_MS,
	) {}

	/** The state, for the tests and the log. */
	get current(): Readonly<SessionState> {
		return this.state;
	}

	/** The version last published, if any. */
	get publishedVersion(): number | undefined {
		return this.published;
	}

	/** The document was opened or edited: its diagnostics follow after the typing delay (at once the first time). Older versions are ignored. */
	edit(version: number): void {
		if (this.state.name === 'closed' || version < this.version) return;
		this.version = version;
		const delay = this.seen ? this.delay : 0;
		this.wait(version, delay);
		if (delay > 0) this.prepareAhead(version);
	}

	/** The settings or the ignore list changed: the document's version is worded and sent again, without the delay. */
	configure(version: number): void {
		if (this.state.name === 'closed' || version < this.version) return;
		this.version = version;
		this.published = undefined;
		this.wait(version, 0);
	}

	/** Diagnostics prepared ahead of the typing delay: sent when their version is still the document's and not yet published. */
	preparedDiagnostics(version: number, diagnostics: OutgoingList<Diagnostic>): void {
		if (this.state.name === 'closed' || version !== this.version || this.published === version) return;
		this.published = version;
		this.seen = true;
		const sent = Promise.resolve(this.backend.send(this.uri, version, diagnostics)).catch(() => {});
		this.sending = sent;
		void sent.then(() => this.sending === sent && (this.sending = undefined));
	}

	/** The document was closed: nothing more is published for it, and its diagnostics are cleared. */
	close(): void {
		if (this.state.name === 'closed') return;
		this.stopTimers();
		this.state = { name: 'closed' };
		this.published = undefined;
		void Promise.resolve(this.backend.send(this.uri, undefined, null)).catch(() => {});
	}

	/** Stops the timers (shutdown). */
	dispose(): void {
		this.stopTimers();
	}

	private wait(version: number, delay: number): void {
		this.stopTimers();
		this.state = { name: 'waiting', version };
		this.timer = this.clock.set(() => void this.analyse(version), delay);
	}

	private stopTimers(): void {
		if (this.timer !== undefined) this.clock.clear(this.timer);
		if (this.prepareTimer !== undefined) this.clock.clear(this.prepareTimer);
		this.timer = this.prepareTimer = undefined;
	}

	// Ahead of the typing delay: everything after a short pause; the caches now when not done for a while.
	private prepareAhead(version: number): void {
		const prepare = this.backend.prepare;
		if (!prepare) return;
		if (this.clock.now() - this.preparedAt >= PREPARE_EVERY_MS) {
			this.preparedAt = this.clock.now();
			prepare.call(this.backend, this.uri, version, 'sections');
		}
		this.prepareTimer = this.clock.set(() => {
			this.prepareTimer = undefined;
			if (this.version !== version || this.state.name === 'closed') return;
			this.preparedAt = this.clock.now();
			prepare.call(this.backend, this.uri, version, 'all');
		}, PREPARE_MS);
	}

	private async analyse(version: number): Promise<void> {
		this.timer = undefined;
		if (this.state.name !== 'waiting' || this.state.version !== version) return;
		this.state = { name: 'analysing', version };
		// A failed analysis (a crashed thread) publishes nothing: the next edit or settings change tries again.
		const computed = await this.backend.compute(this.uri, version).catch(() => null);
		// Edited meanwhile (the newer version is waiting or analysing) or closed: this result is nobody's.
		const mine = this.state.name === 'analysing' && this.state.version === version;
		if (mine) this.state = { name: 'idle' };
		if (!computed) return;
		try {
			if (!mine || this.version !== version) return;
			// Sent ahead: what follows (`done`) waits until they are written.
			if (this.published === version) return void (await this.sending);
			this.published = version;
			this.seen = true;
			await this.backend.send(this.uri, version, computed.diagnostics);
		} catch {
			// The connection is gone: nothing to tell the editor.
		} finally {
			computed.done?.();
		}
	}
}

/** One `DocumentSession` per open document. */
export class AnalysisScheduler {
	private readonly sessions = new Map<string, DocumentSession>();

	constructor(
		private readonly backend: SessionBackend,
		private readonly clock: Clock = systemClock,
		private readonly delay = DEBOUNCE_MS,
	) {}

	/** The session of a document, made on its first event. */
	session(uri: string): DocumentSession {
		let s = this.sessions.get(uri);
		if (!s) this.sessions.set(uri, (s = new DocumentSession(uri, this.backend, this.clock, this.delay)));
		return s;
	}

	/** A document was opened or edited. */
	edit(uri: string, version: number): void {
		this.session(uri).edit(version);
	}

	/** Settings or ignore entries changed: every open document is worded again. */
	configure(documents: Iterable<{ uri: string; version: number }>): void {
		for (const d of documents) this.session(d.uri).configure(d.version);
	}

	/** Diagnostics prepared ahead for a version (see `SessionBackend.prepare`). */
	preparedDiagnostics(uri: string, version: number, diagnostics: OutgoingList<Diagnostic>): void {
		this.sessions.get(uri)?.preparedDiagnostics(version, diagnostics);
	}

	/** A document was closed. */
	close(uri: string): void {
		this.sessions.get(uri)?.close();
		this.sessions.delete(uri);
	}

	dispose(): void {
		for (const s of this.sessions.values()) s.dispose();
		this.sessions.clear();
	}
}
