/**
 * The server's view of the `.ann` files beside the open seeds: their text for the analysis (read
 * once, then again when the file changes on disk or the server writes it), the review edits
 * written to them, and the problems of each shown as diagnostics on the `.ann` itself.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { parseBrat } from '../analysis/human/brat';
import type { AnnotationEdit } from '../analysis/human/edits';
import { humanLayer, STATE_NOTE, type ReviewState } from '../analysis/human/layer';
import { annPathOf, readAnn, updateAnn } from './annFiles';
import { toPath } from './indexer';
import type { HumanSource } from '../analysis';

/** A seed's `.ann` file as the server knows it. */
export interface HumanFilesHost {
	/** Sends diagnostics for a `.ann` file's URI. */
	publish(uri: string, diagnostics: Diagnostic[]): void;
	log(message: string): void;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information } as const;

export class HumanFiles {
	/** The `.ann` of each seed URI that asked: its text, or why it cannot be read ({}: no file). */
	private readonly sources = new Map<string, Promise<HumanSource>>();

	constructor(private readonly host: HumanFilesHost) {}

	/** A seed's `.ann` for the analysis: its text, or why it cannot be read, or neither (no file, or not a file on disk). */
	source(seedUri: string): Promise<HumanSource> {
		let t = this.sources.get(seedUri);
		if (!t) {
			const file = toPath(seedUri);
			t = file
				? readAnn(annPathOf(file)).then(
						(human): HumanSource => (human === undefined ? {} : { human }),
						(e: Error): HumanSource => {
							this.host.log(`Seed Lens cannot read ${annPathOf(file)}: ${e.message}`);
							return { humanError: e.message };
						},
					)
				: Promise.resolve({});
			this.sources.set(seedUri, t);
		}
		return t;
	}

	/** A seed's `.ann` as it is on disk now (an export must not wait for the file watcher's news of a change). */
	reread(seedUri: string): Promise<HumanSource> {
		this.sources.delete(seedUri);
		return this.source(seedUri);
	}

	/** The `.ann` text of a seed, or undefined when it has none or it cannot be read. */
	async text(seedUri: string): Promise<string | undefined> {
		return (await this.source(seedUri)).human;
	}

	/** True for a `.ann` file's URI. */
	isAnnFile(uri: string): boolean {
		return uri.toLowerCase().endsWith('.ann');
	}

	/** Forgets what was read for the seeds of a changed `.ann`; returns those seed URIs. */
	changed(annUri: string): string[] {
		const ann = toPath(annUri);
		const seeds = [...this.sources.keys()].filter((u) => {
			const p = toPath(u);
			return p !== null && ann !== null && path.resolve(annPathOf(p)) === path.resolve(ann);
		});
		for (const u of seeds) this.sources.delete(u);
		return seeds;
	}

	/** Forgets a closed seed. */
	forget(seedUri: string): void {
		this.sources.delete(seedUri);
	}

	/** Applies review edits to a seed's `.ann` (as the file is on disk now), with the seed's text as the editor has it. */
	async write(seedUri: string, seedText: string, edits: readonly AnnotationEdit[]): Promise<void> {
		const file = toPath(seedUri);
		if (!file) throw new Error('only files on disk can have annotations');
		const next = await updateAnn(annPathOf(file), seedText, edits);
		this.sources.set(seedUri, Promise.resolve({ human: next }));
	}

	/** The review state of a seed, from its `.ann`. */
	async state(seedUri: string): Promise<ReviewState> {
		const text = await this.text(seedUri);
		if (text === undefined) return 'not-started';
		const note = parseBrat(text).records.find((r) => r.kind === '#' && r.type === STATE_NOTE);
		const s = note?.kind === '#' ? note.text.trim() : '';
		return s === 'done' || s === 'in-review' ? s : text.trim() ? 'in-review' : 'not-started';
	}

	/** Shows the problems of a seed's `.ann` (read against the seed's text) on the `.ann` file. */
	async showProblems(seedUri: string, seedText: string): Promise<void> {
		const file = toPath(seedUri);
		const { human: text, humanError } = await this.source(seedUri);
		if (!file) return;
		const uri = pathToFileURL(annPathOf(file)).toString();
		if (humanError !== undefined) return this.host.publish(uri, [unreadable(humanError)]);
		if (text === undefined) return this.host.publish(uri, []);
		const layer = humanLayer(seedText, text);
		const lines = text.split(/\r?\n/);
		this.host.publish(
			uri,
			layer.problems.map((p) => ({
				range: { start: { line: p.line - 1, character: 0 }, end: { line: p.line - 1, character: lines[p.line - 1]?.length ?? 0 } },
				severity: SEVERITY[p.severity],
				source: 'Seed Lens',
				code: 'annotation-file',
				message: p.message,
			})),
		);
	}
}

// The whole file cannot be read: one error on its first line, which is where an editor shows it.
const unreadable = (message: string): Diagnostic => ({
	range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
	severity: DiagnosticSeverity.Error,
	source: 'Seed Lens',
	code: 'annotation-file',
	message,
});
