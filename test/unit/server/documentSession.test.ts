import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import {
	AnalysisScheduler,
	DEBOUNCE_MS,
	DocumentSession,
	PREPARE_MS,
	type Clock,
	type Computed,
	type SessionBackend,
	type SessionState,
} from '../../../server/src/documentSession';
import { outgoingList, sentAs, type OutgoingList } from '../../../server/src/rawJson';

// The diagnostics life cycle of one document, driven event by event over a fake analysis and a
// fake clock: every transition of the state machine, with what it sends to the editor.

/** A clock whose time moves only when the test says so. */
class FakeClock implements Clock {
	time = 0;
	private timers = new Map<number, { at: number; fn: () => void }>();
	private next = 1;
	now = () => this.time;
	set = (fn: () => void, ms: number) => {
		const id = this.next++;
		this.timers.set(id, { at: this.time + ms, fn });
		return id;
	};
	clear = (id: unknown) => void this.timers.delete(id as number);
	/** Moves time on, firing the timers due in order. */
	async advance(ms: number): Promise<void> {
		const until = this.time + ms;
		for (;;) {
			const due = [...this.timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
			if (!due) break;
			this.timers.delete(due[0]);
			this.time = due[1].at;
			due[1].fn();
			await settle();
		}
		this.time = until;
		await settle();
	}
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An analysis the test finishes by hand: each `compute` waits until `finish` or `crash`. */
class FakeWorker implements SessionBackend {
	jobs: { version: number; resolve: (c: Computed | null) => void; reject: (e: Error) => void }[] = [];
	sent: { version: number | undefined; diagnostics: Diagnostic[] }[] = [];
	prepared: { version: number; what: 'all' | 'sections' }[] = [];
	done: number[] = [];
	compute(_uri: string, version: number): Promise<Computed | null> {
		return new Promise((resolve, reject) => this.jobs.push({ version, resolve, reject }));
	}
	send(_uri: string, version: number | undefined, diagnostics: OutgoingList<Diagnostic> | null): void {
		this.sent.push({ version, diagnostics: diagnostics ? sentAs(diagnostics) : [] });
	}
	prepare(_uri: string, version: number, what: 'all' | 'sections'): void {
		this.prepared.push({ version, what });
	}
	async finish(version: number): Promise<void> {
		const at = this.jobs.findIndex((j) => j.version === version);
		assert.ok(at >= 0, `no analysis of version ${version} is running (running: ${this.jobs.map((j) => j.version)})`);
		const [job] = this.jobs.splice(at, 1);
		job.resolve({ diagnostics: outgoingList([finding(version)]), done: () => this.done.push(version) });
		await settle();
	}
	async crash(version: number): Promise<void> {
		const at = this.jobs.findIndex((j) => j.version === version);
		const [job] = this.jobs.splice(at, 1);
		job.reject(new Error('the analysis worker exited with status 1'));
		await settle();
	}
}

const finding = (version: number): Diagnostic => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: `v${version}` });
// A function, not the property: assertions would narrow the property's type from one step to the next.
const state = (s: DocumentSession): SessionState => s.current;
const versionsSent = (w: FakeWorker) => w.sent.map((s) => s.version);

function setUp() {
	const clock = new FakeClock();
	const worker = new FakeWorker();
	const session = new DocumentSession('file:///a.seed', worker, clock);
	return { clock, worker, session };
}

test('a document opened is analysed at once and its diagnostics published for its version', async () => {
	const { clock, worker, session } = setUp();
	session.edit(1);
	assert.deepEqual(state(session), { name: 'waiting', version: 1 });
	await clock.advance(0);
	assert.deepEqual(state(session), { name: 'analysing', version: 1 });
	await worker.finish(1);
	assert.deepEqual(state(session), { name: 'idle' });
	assert.deepEqual(versionsSent(worker), [1]);
	assert.equal(worker.sent[0].diagnostics[0].message, 'v1');
	assert.equal(session.publishedVersion, 1);
	assert.deepEqual(worker.done, [1]);
});

test('edits wait for the typing delay, and only the last version of a burst is analysed', async () => {
	const { clock, worker, session } = setUp();
	session.edit(1);
	await clock.advance(0);
	await worker.finish(1);
	for (let v = 2; v <= 5; v++) {
		session.edit(v);
		await clock.advance(DEBOUNCE_MS / 2);
	}
	assert.equal(worker.jobs.length, 0, 'nothing is analysed while the user types');
	await clock.advance(DEBOUNCE_MS);
	assert.deepEqual(
		worker.jobs.map((j) => j.version),
		[5],
	);
	await worker.finish(5);
	assert.deepEqual(versionsSent(worker), [1, 5]);
});

test('an edit during the analysis drops its result, and the newer version is published instead', async () => {
	const { clock, worker, session } = setUp();
	session.edit(1);
	await clock.advance(0);
	session.edit(2);
	assert.deepEqual(state(session), { name: 'waiting', version: 2 });
	await worker.finish(1);
	assert.deepEqual(versionsSent(worker), [], 'the first version is stale: never shown');
	assert.deepEqual(worker.done, [1], 'its resources are still released');
	await clock.advance(0);
	await worker.finish(2);
	assert.deepEqual(versionsSent(worker), [2]);
});

test('a close during the analysis clears the diagnostics, and the late result is never sent', async () => {
	const { clock, worker, session } = setUp();
	session.edit(1);
	await clock.advance(0);
	await worker.finish(1);
	session.edit(2);
	await clock.advance(DEBOUNCE_MS);
	assert.deepEqual(state(session), { name: 'analysing', version: 2 });
	session.close();
	assert.deepEqual(state(session), { name: 'closed' });
	assert.deepEqual(worker.sent.at(-1), { version: undefined, diagnostics: [] });
	await worker.finish(2);
	assert.deepEqual(versionsSent(worker), [1, undefined]);
	// Events after the close change nothing.
	session.edit(3);
	session.configure(3);
	session.preparedDiagnostics(3, outgoingList([finding(3)]));
	await clock.advance(DEBOUNCE_MS * 2);
	assert.equal(worker.jobs.length, 0);
	assert.deepEqual(versionsSent(worker), [1, undefined]);
});

test('a close while waiting for the typing delay cancels the analysis', async () => {
	const { clock, worker, session } = setUp();
	session.edit(1);
	await clock.advance(0);
	await worker.finish(1);
	session.edit(2);
	session.close();
	await clock.advance(DEBOUNCE_MS * 2);
	assert.equal(worker.jobs.length, 0);
	assert.deepEqual(
		worker.prepared.filter((p) => p.what === 'all'),
		[],
		'nothing is prepared for a closed document',
	);
});

test('a crashed analysis publishes nothing, and the next edit is analysed and published normally', async () => {
	const { clock, worker, session } = setUp();
	session.edit(1);
	await clock.advance(0);
	await worker.finish(1);
	session.edit(2);
	await clock.advance(DEBOUNCE_MS);
	await worker.crash(2);
	assert.deepEqual(state(session), { name: 'idle' });
	assert.deepEqual(versionsSent(worker), [1]);
	session.edit(3);
	await clock.advance(DEBOUNCE_MS);
	await worker.finish(3);
	assert.deepEqual(versionsSent(worker), [1, 3]);
});

test('versions that arrive out of order are ignored: an older one never replaces a newer one', async () => {
	const { clock, worker, session } = setUp();
	session.edit(1);
	await clock.advance(0);
	await worker.finish(1);
	session.edit(4);
	session.edit(3);
	assert.deepEqual(state(session), { name: 'waiting', version: 4 });
	await clock.advance(DEBOUNCE_MS);
	assert.deepEqual(
		worker.jobs.map((j) => j.version),
		[4],
	);
	await worker.finish(4);
	session.edit(2);
	await clock.advance(DEBOUNCE_MS);
	assert.equal(worker.jobs.length, 0);
	assert.deepEqual(versionsSent(worker), [1, 4]);
});

test('a configuration change words the same version again, without the typing delay', async () => {
	const { clock, worker, session } = setUp();
	session.edit(1);
	await clock.advance(0);
	await worker.finish(1);
	session.configure(1);
	assert.deepEqual(state(session), { name: 'waiting', version: 1 });
	await clock.advance(0);
	await worker.finish(1);
	assert.deepEqual(versionsSent(worker), [1, 1], 'sent again under the new settings');
});

test('a configuration change during an analysis starts a new one, and the old result is dropped', async () => {
	const { clock, worker, session } = setUp();
	session.edit(1);
	await clock.advance(0);
	session.configure(1);
	await worker.finish(1);
	assert.deepEqual(versionsSent(worker), []);
	await clock.advance(0);
	await worker.finish(1);
	assert.deepEqual(versionsSent(worker), [1]);
});

test('work is prepared ahead while the user types: the caches at once, everything after a short pause', async () => {
	const { clock, worker, session } = setUp();
	session.edit(1);
	await clock.advance(0);
	await worker.finish(1);
	session.edit(2);
	assert.deepEqual(worker.prepared, [{ version: 2, what: 'sections' }]);
	await clock.advance(PREPARE_MS / 2);
	session.edit(3);
	assert.deepEqual(worker.prepared, [{ version: 2, what: 'sections' }], 'the caches are not brought up to date on every keystroke');
	await clock.advance(PREPARE_MS);
	assert.deepEqual(worker.prepared.at(-1), { version: 3, what: 'all' });
});

test('diagnostics prepared ahead are published at once, and not again when the delayed analysis ends', async () => {
	const { clock, worker, session } = setUp();
	session.edit(1);
	await clock.advance(0);
	await worker.finish(1);
	session.edit(2);
	await clock.advance(PREPARE_MS);
	session.preparedDiagnostics(2, outgoingList([finding(2)]));
	assert.deepEqual(versionsSent(worker), [1, 2]);
	session.preparedDiagnostics(2, outgoingList([finding(2)]));
	session.preparedDiagnostics(1, outgoingList([finding(1)]));
	assert.deepEqual(versionsSent(worker), [1, 2], 'neither twice nor for another version');
	await clock.advance(DEBOUNCE_MS);
	await worker.finish(2);
	assert.deepEqual(versionsSent(worker), [1, 2]);
	assert.deepEqual(worker.done, [1, 2]);
});

test('the scheduler keeps one session per document and forgets a closed one', async () => {
	const clock = new FakeClock();
	const worker = new FakeWorker();
	const scheduler = new AnalysisScheduler(worker, clock);
	scheduler.edit('file:///a.seed', 1);
	scheduler.edit('file:///b.seed', 7);
	await clock.advance(0);
	assert.deepEqual(worker.jobs.map((j) => j.version).sort(), [1, 7]);
	await worker.finish(1);
	await worker.finish(7);
	scheduler.close('file:///a.seed');
	scheduler.configure([{ uri: 'file:///b.seed', version: 7 }]);
	await clock.advance(0);
	assert.deepEqual(
		worker.jobs.map((j) => j.version),
		[7],
	);
	assert.equal(state(scheduler.session('file:///a.seed')).name, 'idle', 'a reopened document starts afresh');
	scheduler.dispose();
});

test('a closed session ignores edits, settings changes and diagnostics prepared ahead', async () => {
	const { clock, worker, session } = setUp();
	session.edit(1);
	await clock.advance(0);
	await worker.finish(1);
	session.close();
	assert.deepEqual(versionsSent(worker), [1, undefined]);
	session.edit(2);
	session.configure(2);
	session.preparedDiagnostics(2, outgoingList([finding(2)]));
	session.close();
	await clock.advance(DEBOUNCE_MS * 2);
	assert.deepEqual(state(session), { name: 'closed' });
	assert.deepEqual(worker.jobs, []);
	assert.deepEqual(versionsSent(worker), [1, undefined], 'nothing more is sent, not even a second clearing');
});

test('diagnostics prepared ahead for a version edited since are dropped; the newer version is published after its delay', async () => {
	const { clock, worker, session } = setUp();
	session.edit(1);
	await clock.advance(0);
	await worker.finish(1);
	session.edit(2);
	session.edit(3);
	session.preparedDiagnostics(2, outgoingList([finding(2)]));
	assert.deepEqual(versionsSent(worker), [1]);
	await clock.advance(DEBOUNCE_MS);
	await worker.finish(3);
	assert.deepEqual(versionsSent(worker), [1, 3]);
});

test('an analysis whose work was dropped publishes nothing and leaves the session idle for the next edit', async () => {
	const { clock, worker, session } = setUp();
	session.edit(1);
	await clock.advance(0);
	worker.jobs.shift()!.resolve(null);
	await settle();
	assert.deepEqual(state(session), { name: 'idle' });
	assert.deepEqual(versionsSent(worker), []);
	session.edit(2);
	await clock.advance(0);
	await worker.finish(2);
	assert.deepEqual(versionsSent(worker), [2], 'a document never published is analysed at once, without the delay');
});

test('a crash while a newer version waits does not stop the newer version being published', async () => {
	const { clock, worker, session } = setUp();
	session.edit(1);
	await clock.advance(0);
	await worker.finish(1);
	session.edit(2);
	await clock.advance(DEBOUNCE_MS);
	session.edit(3);
	await worker.crash(2);
	assert.deepEqual(state(session), { name: 'waiting', version: 3 });
	await clock.advance(DEBOUNCE_MS);
	await worker.finish(3);
	assert.deepEqual(versionsSent(worker), [1, 3]);
});
