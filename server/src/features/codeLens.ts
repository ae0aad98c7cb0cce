/** A code lens on the header summarising the document: "14 entities · 9 dates · 7 claims, 2 unattributed". */
import type { CancellationToken, CodeLens } from 'vscode-languageserver';
import { oncePerVersion, type DocumentAnalysis } from '../documentAnalysis';
import type { Settings } from '../settings';
import { summaryLine } from './words';

/** The command a click on the lens runs: the editor's own outline view. */
export const LENS_COMMAND = 'workbench.action.gotoSymbol';

/** The header lens, or none when lenses are off. */
export function codeLenses(a: DocumentAnalysis, settings: Settings, token?: CancellationToken): CodeLens[] {
	if (token?.isCancellationRequested || !settings.codeLens.enabled) return [];
	const { header } = a.annotations;
	const at = a.lines.range({ start: header.start, end: header.start });
	return [{ range: at, command: { title: oncePerVersion(a, 'summary', () => summaryLine(a.annotations)), command: LENS_COMMAND } }];
}
