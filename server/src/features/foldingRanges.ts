/** Folding: the article body under its header, and every paragraph that spans several lines. */
import { FoldingRangeKind, type CancellationToken, type FoldingRange } from 'vscode-languageserver';
import { oncePerVersion, type DocumentAnalysis } from '../documentAnalysis';

/** The folding ranges of one analysis, built once per analysed version. */
export function foldingRanges(a: DocumentAnalysis, token?: CancellationToken): FoldingRange[] {
	return token?.isCancellationRequested ? [] : oncePerVersion(a, 'folding', () => build(a));
}

function build(a: DocumentAnalysis): FoldingRange[] {
	const out: FoldingRange[] = [];
	const { header } = a.annotations;
	const paragraphs = a.paragraphs;
	const last = paragraphs.length ? a.lines.line(paragraphs[paragraphs.length - 1].end) : -1;
	const headerLine = a.lines.line(header.start);
	// Folding the body leaves the header line visible: the article collapses to its title.
	if (header.end > header.start && last > headerLine)
		out.push({ startLine: headerLine, endLine: last, kind: FoldingRangeKind.Region, collapsedText: header.title ?? undefined });
	for (const p of paragraphs) {
		const startLine = a.lines.line(p.start),
			endLine = a.lines.line(p.end);
		if (endLine > startLine) out.push({ startLine, endLine });
	}
	return out;
}
