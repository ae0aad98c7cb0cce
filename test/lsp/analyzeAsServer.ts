/**
 * The analysis as the server runs it: with the shipped syntax model, so that claims read from the
 * parse compare equal. Tests of the protocol import `analyze` from here, not from the core.
 */
import { analyze as core, type AnalysisOptions, type DocumentAnnotations } from '../../server/src/analysis';
import { syntaxModel } from '../../server/src/syntaxModel';

export type { DocumentAnnotations } from '../../server/src/analysis';

/** `analyze` with the options the language server adds. */
export function analyze(text: string, options: Partial<AnalysisOptions> = {}): DocumentAnnotations {
	return core(text, { syntax: syntaxModel(), ...options });
}
