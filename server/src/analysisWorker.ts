/**
 * The analysis worker: runs the core on a worker thread so that a long
 * analysis (a megabyte of text takes seconds) never holds the server's event
 * loop — requests, cancellations and other documents are served meanwhile.
 * When asked, it also words the diagnostics of the result and sends them
 * first, so the editor gets them without waiting for the whole analysis to be
 * copied to the server's thread.
 */
import { parentPort } from 'node:worker_threads';
import { sectionAnalyses, analyzeDocument, analyzeWithModel, readSections } from './analysis';
import { SECTION_THRESHOLD } from './analysis/sections';
import { diagnosticsInSlices, ignoredBy } from './features/diagnostics';
import { LineIndex } from './positions';
import { syntaxModelOrNone } from './syntaxModel';
import { summarize } from './workspace/summary';
import type { EarlyDiagnostics, Forget, Release, WorkerAnswer, WorkerJob } from './workerProtocol';

/** How long the answer waits for its release at most, should the server never send it. */
const RELEASE_WAIT_MS = 1000;
const releases = new Map<number, () => void>();

// Waits for the server to say the diagnostics are written: copying the answer to the server's thread
// holds that thread for tens of milliseconds on a long document, which must not delay them.
function released(id: number): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(() => releases.get(id)?.(), RELEASE_WAIT_MS);
		releases.set(id, () => {
			clearTimeout(timer);
			releases.delete(id);
			resolve();
		});
	});
}

// The sections of long documents analysed on this thread: typing in one re-reads only the section typed in.
const sections = sectionAnalyses();

/** The latest result of each open document (a few at most): the job after a `prepare` one usually finds its work done. */
interface DocumentResult {
	text: string;
	options: string;
	annotations: ReturnType<typeof analyzeDocument>['annotations'];
	paragraphs: { start: number; end: number }[];
	/** The wording's settings and silenced findings, and the diagnostics worded under them, as sent (JSON). */
	wording?: string;
	diagnosticsJson?: string;
}
const latest = new Map<string, DocumentResult>();
const KEPT_DOCUMENTS = 4;

// The last whole text of each long open document: later jobs send only what changed since (see `TextDelta`).
const bases = new Map<string, string>();

/** A job's text: sent whole, or put together from the document's base and the delta. */
function jobText(job: WorkerJob): string {
	if (job.delta) {
		const base = job.key === undefined ? undefined : bases.get(job.key);
		if (base === undefined) throw new Error('the analysis thread has no base text for this document');
		return base.slice(0, job.delta.start) + job.delta.middle + base.slice(job.delta.end);
	}
	const text = job.text ?? '';
	if (job.keep && job.key !== undefined) bases.set(job.key, text);
	return text;
}

async function upToDate(job: WorkerJob & { text: string }): Promise<DocumentResult> {
	const options = JSON.stringify(job.options);
	const wording = job.publish && JSON.stringify([job.publish.settings, job.publish.silenced]);
	let p = job.key ? latest.get(job.key) : undefined;
	if (!p || p.text !== job.text || p.options !== options) {
		const a = analyzeDocument(job.text, { ...job.options, syntax: syntaxModelOrNone() }, sections);
		p = { text: job.text, options, annotations: a.annotations, paragraphs: a.paragraphs.map((x) => ({ start: x.start, end: x.end })) };
	}
	if (job.publish && (p.wording !== wording || p.diagnosticsJson === undefined)) {
		const { uri, version, settings, silenced } = job.publish;
		const analysis = { annotations: p.annotations, paragraphs: p.paragraphs, uri, version, text: job.text, lines: new LineIndex(job.text) };
		const diagnostics = await diagnosticsInSlices(analysis, settings, ignoredBy(silenced), () => false);
		p.diagnosticsJson = diagnostics ? JSON.stringify(diagnostics) : undefined;
		p.wording = wording;
	}
	if (job.key) {
		latest.delete(job.key);
		latest.set(job.key, p);
		for (const k of latest.keys()) if (latest.size > KEPT_DOCUMENTS) latest.delete(k);
	}
	return p;
}

/**
 * The thread's first long document is worded cold: the code that words ~5,000 diagnostics is not yet
 * compiled for them, and the first edit's diagnostics then took about twice as long as later ones
 * (combining the sections is warm by the second time, which that edit is). So right after answering
 * that first job, the thread words the same analysis again, twice, and stops when a job comes in.
 */
const REHEARSALS = 2;
let rehearsed = false;
let jobsSeen = 0;

async function rehearse(job: WorkerJob & { text: string }, p: DocumentResult): Promise<void> {
	if (rehearsed || !job.publish || job.text.length <= SECTION_THRESHOLD) return;
	rehearsed = true;
	const seen = jobsSeen;
	const { uri, version, settings, silenced } = job.publish;
	for (let i = 0; i < REHEARSALS; i++) {
		await new Promise<void>((resolve) => setTimeout(resolve, 0));
		if (jobsSeen !== seen) return;
		// A fresh analysis object: the wording of the answered one is cached on it.
		const analysis = { annotations: p.annotations, paragraphs: p.paragraphs, uri, version, text: job.text, lines: new LineIndex(job.text) };
		JSON.stringify(await diagnosticsInSlices(analysis, settings, ignoredBy(silenced), () => jobsSeen !== seen));
	}
}

// Where each long document has been changed since its base text, as of its last `sections` job.
const changed = new Map<string, { start: number; end: number }>();
/** How far typing may stray from where it was and still count as the same place. */
const SAME_PLACE = 2_000;

/**
 * True when the document changed only where it had changed already (± `SAME_PLACE`), or for the
 * first time: the user types in one place, and the analysis after the next pause re-reads that
 * section anyway. Re-reading it every half second as well only took a core from the editor. Once
 * the changes reach further (the user moved on), the sections are brought up to date, so the
 * section left behind is not read again after the pause.
 */
function typedInPlace(job: WorkerJob): boolean {
	if (job.key === undefined) return false;
	const d = job.delta;
	if (!d) {
		// A new base text: the changes start again from nothing.
		changed.delete(job.key);
		return false;
	}
	const was = changed.get(job.key) ?? d;
	changed.set(job.key, { start: d.start, end: d.end });
	return d.start >= was.start - SAME_PLACE && d.end <= was.end + SAME_PLACE;
}

/** Analyses one job; `early` receives its diagnostics when the job asks for them, before the answer. */
export async function runJob(message: WorkerJob, early?: (e: EarlyDiagnostics) => void): Promise<WorkerAnswer> {
	jobsSeen++;
	try {
		const job = { ...message, text: jobText(message), delta: undefined };
		if (job.summary) return { id: job.id, summary: indexSummary(job.text, job.options) };
		if (job.prepare === 'sections') {
			if (!typedInPlace(message)) readSections(job.text, { ...job.options, syntax: syntaxModelOrNone() }, sections);
			return { id: job.id, prepared: true };
		}
		const p = await upToDate(job);
		const { annotations, paragraphs, diagnosticsJson } = p;
		const words = job.publish && early && diagnosticsJson !== undefined;
		if (job.prepare) {
			// DocumentResult after a pause in typing: the diagnostics go out now (the server drops them if the version is stale).
			if (words) early({ id: job.id, diagnosticsJson });
			return { id: job.id, prepared: true };
		}
		if (words) {
			const wait = released(job.id);
			early({ id: job.id, diagnosticsJson });
			await wait;
		}
		if (!job.prepare) void rehearse(job, p);
		return { id: job.id, annotations, paragraphs };
	} catch (e) {
		return { id: message.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
	}
}

// A file of the index is analysed without the caches of open documents, and only its summary crosses to the server's thread.
// Its claims are read from word lists, not from the parse: parsing every file of a 10,000-file workspace
// tripled the index's time and memory. An open document is read with the parse.
function indexSummary(text: string, options: WorkerJob['options']) {
	const { annotations, paragraphs, document } = analyzeWithModel(text, options);
	return summarize({ annotations, paragraphs, uri: '', version: 0, text, lines: new LineIndex(text) }, document);
}

parentPort?.on('message', (message: WorkerJob | Release | Forget) => {
	if ('release' in message) return void releases.get(message.release)?.();
	if ('forget' in message) {
		bases.delete(message.forget);
		changed.delete(message.forget);
		return void latest.delete(message.forget);
	}
	void runJob(message, (e) => parentPort!.postMessage(e)).then((answer) => parentPort!.postMessage(answer));
});
