/** Inlay hints: the resolved value after each relative date ("Thursday" → 2021-11-11). */
import { InlayHintKind, type CancellationToken, type InlayHint, type Range } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../documentAnalysis';
import type { Settings } from '../settings';
import { dateInWords } from './dateWords';

/** The hints inside a range, or none when they are turned off. */
export function inlayHints(a: DocumentAnalysis, range: Range, settings: Settings, token?: CancellationToken): InlayHint[] {
	if (token?.isCancellationRequested || !settings.inlayHints.relativeDates) return [];
	const from = a.lines.offset(range.start),
		to = a.lines.offset(range.end);
	return a.annotations.dates
		.filter((d) => d.relative && d.end >= from && d.end <= to)
		.map((d) => ({
			position: a.lines.position(d.end),
			label: `→ ${d.value}`,
			kind: InlayHintKind.Type,
			paddingLeft: true,
			tooltip: { kind: 'markdown', value: `“${d.text}” = **${dateInWords(d.value)}**${d.resolution ? `\n\n${d.resolution}` : ''}` },
		}));
}
