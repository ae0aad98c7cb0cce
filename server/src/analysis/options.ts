import type { LearnedNames } from './human/learned';
import type { SyntaxModel } from './syntax';

/** Options of the analysis core: plain data, filled from settings by the server or flags by the CLI. */
export interface AnalysisOptions {
	/** Past this many UTF-16 code units, the file is not analysed and one diagnostic says so. */
	maxFileSize: number;
	/** Report check-worthy statements that have no source. */
	unattributedClaims: boolean;
	/** Which entity recognisers run: gazetteers and rules, the trained tagger, or both. */
	entityRecogniser: 'rules' | 'model' | 'both';
	/** `entities` stops after the entities (dates, claims and problems stay empty): what a workspace index needs. */
	scope: 'all' | 'entities';
	/**
	 * The text of the document's `.ann` file (brat standoff, see docs/ANNOTATIONS.md): the person's
	 * annotations, which win over the machine's. Undefined where the document has none.
	 */
	human?: string;
	/**
	 * Why the document's `.ann` could not be read (not UTF-8, no permission): the analysis runs
	 * without the person's annotations, and a finding `annotation-file` says so.
	 */
	humanError?: string;
	/** Names learned from the workspace's reviewed annotations (`.seedlens/model.json`), applied as suggestions. */
	learned?: LearnedNames;
	/**
	 * The syntax model: with it, the sentences that have a reporting cue are parsed and claims are read
	 * from the parse (cue vetting, subjects, reported clauses); without it, from word lists alone.
	 */
	syntax?: SyntaxModel;
	/**
	 * Past this many UTF-16 code units, claims are read from the word lists alone, without parsing
	 * (parsing a megabyte takes seconds), and one diagnostic says so.
	 */
	maxParsedSize: number;
}

/** A document's `.ann` as the analysis takes it: its text, or why it could not be read, or neither (no file). */
export type HumanSource = Pick<AnalysisOptions, 'human' | 'humanError'>;

export const defaultOptions: AnalysisOptions = {
	maxFileSize: 5_000_000,
	maxParsedSize: 200_000,
	unattributedClaims: true,
	entityRecogniser: 'both',
	scope: 'all',
};
