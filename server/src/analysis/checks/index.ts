/**
 * Document checks that read across the whole article once entities and dates are
 * known: a past event dated after publication, dates whose reading is a guess,
 * one quantity given two figures, one name spelt two ways.
 */
import type { SeedDocument } from '../document';
import type { DateAnnotation, Diagnostic } from '../types';
import { dateChecks } from './dateChecks';
import { numberChecks } from './numbers';

export { mergeAliasVariants } from './aliases';

/** The date and number findings of a document. Never throws. */
export function documentChecks(doc: SeedDocument, dates: readonly DateAnnotation[]): Diagnostic[] {
	try {
		return [...dateChecks(doc, dates), ...numberChecks(doc)];
	} catch {
		// A check's bug must not take the rest of the analysis down.
		return [];
	}
}
