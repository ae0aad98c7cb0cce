/**
 * The custom request `seedLens/bratFile`: one seed's annotations as a brat `.ann` for a gold set
 * exported from the editor (the client writes the files), in the three forms of
 * `seed-lens export --format brat`: everything (lossless, with the unreviewed suggestions), the
 * person's annotations cleaned for brat, or for INCEpTION. See docs/ANNOTATIONS.md.
 */
import { RequestType } from 'vscode-languageserver';
import { toBrat } from '../analysis/human/bratExport';
import { annotationConf, portableAnn } from '../analysis/human/portable';
import type { HumanSource } from '../analysis';
import type { DocumentAnalysis } from '../documentAnalysis';

/** `all`: the `.ann` as it is and the suggestions; `clean` and `inception`: the person's annotations for those tools. */
export type GoldSetForm = 'all' | 'clean' | 'inception';

export interface BratFileParams {
	uri: string;
	form: GoldSetForm;
}

/** The `.ann` text, what was left out of it (counted), and brat's `annotation.conf` for the folder. */
export interface BratFileResult {
	ann: string;
	left: string[];
	conf: string;
	/** Why the seed's `.ann` cannot be read: nothing is to be written for it. */
	error?: string;
}

/** `seedLens/bratFile`: `{ uri, form }` → the seed's brat file, or null when it is not a seed file. */
export const BratFileRequest = new RequestType<BratFileParams, BratFileResult | null, void>('seedLens/bratFile');

/** The brat file of one analysed seed, with its `.ann` as the analysis took it. */
export function bratFile(a: DocumentAnalysis, { human, humanError }: HumanSource, form: GoldSetForm): BratFileResult {
	if (humanError !== undefined) return { ann: '', left: [], conf: annotationConf(), error: humanError };
	if (form === 'all') return { ann: toBrat(a.annotations, a.text, human, 'all'), left: [], conf: annotationConf() };
	const { text, left } = portableAnn(toBrat(a.annotations, a.text, human, 'human'), form);
	return { ann: text, left, conf: annotationConf() };
}
