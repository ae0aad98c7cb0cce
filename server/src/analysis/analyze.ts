/**
 * The analysis core's entry point: seed text in, annotations out.
 * Pure: no editor, no Node built-ins, no I/O.
 */
import { documentChecks, mergeAliasVariants } from './checks';
import { findClaims } from './claims';
import { findDates } from './dates';
import { parseDocument, type SeedDocument } from './document';
import { findEntities } from './entities';
import { defaultOptions, type AnalysisOptions } from './options';
import { findProblems } from './problems';
import type { DocumentAnnotations } from './types';

export interface Analysis {
	annotations: DocumentAnnotations;
	document: SeedDocument;
}

/** Analyses one seed file's text. Never throws on any string input. */
export function analyzeDocument(text: string, options: Partial<AnalysisOptions> = {}): Analysis {
	const opts = { ...defaultOptions, ...options };
	if (text.length > opts.maxFileSize) return tooLarge(text, opts.maxFileSize);
	const document = parseDocument(text);
	const found = findEntities(document, opts);
	if (opts.scope === 'entities')
		return { document, annotations: { version: 1, header: document.header, entities: found, dates: [], claims: [], diagnostics: document.diagnostics } };
	// Variant spellings are merged before claims, so that a claim's source names the merged entity.
	const { entities, diagnostics: variants } = mergeAliasVariants(found);
	const dates = findDates(document);
	let claims = findClaims(document, entities);
	if (!opts.unattributedClaims) claims = claims.filter((c) => c.kind !== 'unattributed');
	const diagnostics = [...document.diagnostics, ...findProblems(document), ...variants, ...documentChecks(document, dates)];
	return { document, annotations: { version: 1, header: document.header, entities, dates, claims, diagnostics } };
}

/** Shorthand for the annotations alone. */
export function analyze(text: string, options: Partial<AnalysisOptions> = {}): DocumentAnnotations {
	return analyzeDocument(text, options).annotations;
}

function tooLarge(text: string, max: number): Analysis {
	const document = parseDocument('');
	const size = (text.length / 1e6).toFixed(1);
	const diagnostics = [
		{
			code: 'file-too-large',
			severity: 'warning' as const,
			message: `Not analysed: the file has ${size} million characters, more than seedLens.maxFileSize (${max}).`,
			start: 0,
			end: Math.min(text.length, 1),
		},
	];
	return {
		document: { ...document, text },
		annotations: { version: 1, header: { date: null, title: null, start: 0, end: 0 }, entities: [], dates: [], claims: [], diagnostics },
	};
}
