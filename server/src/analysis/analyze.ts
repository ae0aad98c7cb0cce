/**
 * The analysis core's entry point: seed text in, annotations out.
 * Pure: no editor, no Node built-ins, no I/O.
 */
import { documentChecks, mergeAliasVariants } from './checks';
import { findClaims } from './claims';
import { findDates } from './dates';
import { CombineMemo, combineSections, type SectionPart } from './combine';
import { parseDocument, parseHeader, splitParagraphs, type Paragraph, type SeedDocument } from './document';
import { findEntities } from './entities';
import { defaultOptions, type AnalysisOptions } from './options';
import { findProblems, paragraphKey, paragraphProblems, repeatedParagraphs } from './problems';
import { SECTION_THRESHOLD, SectionCache, sectionsOf } from './sections';
import { applyHuman, layerDiagnostics, machineOrigin, unreadableDiagnostic } from './human/apply';
import { humanLayer } from './human/layer';
import { applyLearned } from './human/learned';
import type { DateAnnotation, Diagnostic, DocumentAnnotations, Entity } from './types';

export interface CoreAnalysis {
	annotations: DocumentAnnotations;
	/** The body's paragraphs. */
	paragraphs: Paragraph[];
}

/** What is kept of a section: its annotations and its paragraphs' keys for the repeated-paragraph check. */
interface SectionResult {
	annotations: DocumentAnnotations;
	keys: string[];
}

/**
 * What a caller keeps between analyses of a long document: the sections' analyses (see
 * sections.ts) and what combining them reuses (see combine.ts). Passed to each analysis explicitly.
 */
export class SectionAnalyses {
	readonly sections: SectionCache<SectionResult>;
	readonly combined = new CombineMemo();

	constructor(maxChars?: number) {
		this.sections = new SectionCache(maxChars);
	}

	/** How many section analyses it holds. */
	get size(): number {
		return this.sections.size;
	}
}

/** A cache of section analyses, for `analyzeDocument`. */
export function sectionAnalyses(maxChars?: number): SectionAnalyses {
	return new SectionAnalyses(maxChars);
}

/**
 * Analyses one seed file's text. Never throws on any string input. A document longer than
 * `SECTION_THRESHOLD` is read in sections; with a `cache`, sections analysed before (in this
 * or an earlier version of the text) are reused, and the result is the same as without.
 */
export function analyzeDocument(text: string, options: Partial<AnalysisOptions> = {}, cache?: SectionAnalyses): CoreAnalysis {
	const { annotations, paragraphs } = analyzeWithModel(text, options, cache);
	return { annotations, paragraphs };
}

/**
 * `analyzeDocument`, with the document model the analysis read when it read the text whole (not in
 * sections), for a caller that reads the text again (the facts compared across documents).
 */
export function analyzeWithModel(text: string, options: Partial<AnalysisOptions> = {}, cache?: SectionAnalyses): CoreAnalysis & { document?: SeedDocument } {
	const opts = { ...defaultOptions, ...options };
	if (text.length > opts.maxFileSize) return tooLarge(text, opts.maxFileSize);
	const unparsed = !!opts.syntax && text.length > opts.maxParsedSize;
	if (unparsed) opts.syntax = undefined;
	const machine: CoreAnalysis & { document?: SeedDocument } = text.length > SECTION_THRESHOLD ? inSections(text, opts, cache) : wholeAnalysis(text, opts);
	if (unparsed) machine.annotations.diagnostics = [notParsed(text, opts.maxParsedSize), ...machine.annotations.diagnostics];
	if (opts.learned) machine.annotations = applyLearned(machine.annotations, text, opts.learned);
	// The person's annotations are laid over the machine's; without them, everything is a suggestion.
	const document = machine.document;
	if (opts.human === undefined) {
		const annotations = machineOrigin(machine.annotations);
		if (opts.humanError) annotations.diagnostics = [...annotations.diagnostics, unreadableDiagnostic(opts.humanError, annotations.header)];
		return { annotations, paragraphs: machine.paragraphs, document };
	}
	const layer = humanLayer(text, opts.human);
	const annotations = applyHuman(machine.annotations, text, layer);
	annotations.diagnostics = [...annotations.diagnostics, ...layerDiagnostics(layer, annotations.header)];
	return { annotations, paragraphs: machine.paragraphs, document };
}

function wholeAnalysis(text: string, opts: AnalysisOptions): CoreAnalysis & { document: SeedDocument } {
	const { annotations, document } = analyzeWhole(text, opts);
	return { annotations, paragraphs: document.paragraphs, document };
}

/** What a stage of the analysis reads: the document model, the options and the earlier stages' results. */
export interface StageInputs {
	document: SeedDocument;
	options: AnalysisOptions;
	entities: Entity[];
	dates: DateAnnotation[];
}

/**
 * The stages after the document model (`parseDocument`), in the order a whole-text analysis runs
 * them, each called as it calls them. The bench imports this table to time the stages one by one.
 */
export const STAGES = {
	entities: (s: Pick<StageInputs, 'document' | 'options'>) => findEntities(s.document, s.options),
	dates: (s: Pick<StageInputs, 'document'>) => findDates(s.document),
	claims: (s: Pick<StageInputs, 'document' | 'options' | 'entities'>) => findClaims(s.document, s.entities, s.options.syntax),
	problems: (s: Pick<StageInputs, 'document'>) => findProblems(s.document),
};

function analyzeWhole(text: string, opts: AnalysisOptions): { annotations: DocumentAnnotations; document: SeedDocument } {
	const document = parseDocument(text);
	const found = STAGES.entities({ document, options: opts });
	if (opts.scope === 'entities')
		return { document, annotations: { version: 1, header: document.header, entities: found, dates: [], claims: [], diagnostics: document.diagnostics } };
	// Variant spellings are merged before claims, so that a claim's source names the merged entity.
	const { entities, diagnostics: variants } = mergeAliasVariants(found);
	const dates = STAGES.dates({ document });
	let claims = STAGES.claims({ document, options: opts, entities });
	if (!opts.unattributedClaims) claims = claims.filter((c) => c.kind !== 'unattributed');
	const diagnostics = [...document.diagnostics, ...STAGES.problems({ document }), ...variants, ...documentChecks(document, dates)];
	return { document, annotations: { version: 1, header: document.header, entities, dates, claims, diagnostics } };
}

/** Shorthand for the annotations alone. */
export function analyze(text: string, options: Partial<AnalysisOptions> = {}): DocumentAnnotations {
	return analyzeDocument(text, options).annotations;
}

/**
 * Brings a cache up to date with a long document's sections without combining them: while the
 * user types, this keeps the next full analysis to the one section typed in, at a fraction of
 * its cost. Shorter documents have no sections: nothing to do.
 */
export function readSections(text: string, options: Partial<AnalysisOptions>, cache: SectionAnalyses): void {
	const opts = { ...defaultOptions, ...options };
	if (text.length > SECTION_THRESHOLD && text.length <= opts.maxFileSize) sectionResults(text, opts, cache);
}

function inSections(text: string, opts: AnalysisOptions, cache?: SectionAnalyses): CoreAnalysis {
	const { paragraphs, parts, keys } = sectionResults(text, opts, cache);
	// The sections' paragraphs are the document's, in order (a mismatch would be a bug: then read them again).
	const repeated =
		opts.scope !== 'all' ? [] : keys.length === paragraphs.length ? repeatedParagraphs(paragraphs, keys) : paragraphProblems({ text, paragraphs });
	return { annotations: combineSections(parts, repeated, cache?.combined), paragraphs };
}

// Each section is read as a document of its own: the header line, a blank line, the section's paragraphs.
function sectionResults(text: string, opts: AnalysisOptions, cache?: SectionAnalyses): { paragraphs: Paragraph[]; parts: SectionPart[]; keys: string[] } {
	const { bodyStart } = parseHeader(text);
	const paragraphs = splitParagraphs(text, bodyStart);
	const prefix = text.slice(0, bodyStart) + '\n';
	const key = JSON.stringify([opts.entityRecogniser, opts.unattributedClaims, opts.scope, !!opts.syntax, prefix]);
	const keys: string[] = [];
	const parts: SectionPart[] = sectionsOf(text, paragraphs).map((s, k) => {
		const own = k === 0 ? text.slice(0, s.end) : prefix + text.slice(s.start, s.end);
		const read = (): SectionResult => {
			const { annotations, document } = analyzeWhole(own, opts);
			return { annotations, keys: document.paragraphs.map((p) => paragraphKey(own, p)) };
		};
		const result = cache ? cache.sections.get(`${key}\u0000${k === 0 ? '' : '+'}${own}`, read) : read();
		keys.push(...result.keys);
		const { annotations } = result;
		return k === 0 ? { annotations, from: 0, delta: 0 } : { annotations, from: prefix.length, delta: s.start - prefix.length };
	});
	return { paragraphs, parts, keys };
}

function notParsed(text: string, max: number): Diagnostic {
	const size = (text.length / 1e6).toFixed(1);
	return {
		code: 'claims-not-parsed',
		severity: 'information',
		message: `Claims are read from word lists alone, without parsing sentences: the file has ${size} million characters, more than seedLens.maxParsedSize (${max}). Sources and reported clauses are less exact.`,
		start: 0,
		end: Math.min(text.length, 1),
	};
}

function tooLarge(text: string, max: number): CoreAnalysis {
	const size = (text.length / 1e6).toFixed(1);
	const diagnostics: Diagnostic[] = [
		{
			code: 'file-too-large',
			severity: 'warning',
			message: `Not analysed: the file has ${size} million characters, more than seedLens.maxFileSize (${max}).`,
			start: 0,
			end: Math.min(text.length, 1),
		},
	];
	return {
		paragraphs: [],
		annotations: { version: 2, header: { date: null, title: null, start: 0, end: 0 }, entities: [], dates: [], claims: [], diagnostics },
	};
}
