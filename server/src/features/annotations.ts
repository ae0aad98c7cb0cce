/** The custom request `seedLens/annotations`: a document's annotations as the JSON contract, for export. */
import { RequestType } from 'vscode-languageserver';
import type { DocumentAnnotations } from '../analysis';
import type { DocumentAnalysis } from '../documentAnalysis';
import { toPath } from '../workspace/indexer';

export interface AnnotationsParams {
	uri: string;
}

/** `seedLens/annotations`: `{ uri }` → the document's annotations with `file` set, or null for an unknown document. */
export const AnnotationsRequest = new RequestType<AnnotationsParams, DocumentAnnotations | null, void>('seedLens/annotations');

/** The annotations of one analysis with `file` set to the file-system path (or the URI where there is none). */
export function annotations(a: DocumentAnalysis): DocumentAnnotations {
	return { file: toPath(a.uri) ?? a.uri, ...a.annotations };
}
