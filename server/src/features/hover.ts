/** Hovers: an entity's card, a date's resolution, a claim's source. */
import type { CancellationToken, Hover, Position } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../analyses';

const TYPE_WORDS: Record<string, string> = { PERSON: 'Person', ORG: 'Organisation', GPE: 'Country, city or state', LOC: 'Place', NORP: 'Nationality or group', FAC: 'Facility', EVENT: 'Event', OTHER: 'Name' };

/** The hover at a position, or null where nothing is annotated. */
export function hover(a: DocumentAnalysis, position: Position, token?: CancellationToken): Hover | null {
	if (token?.isCancellationRequested) return null;
	const at = a.lines.offset(position);
	const inside = (s: { start: number; end: number }) => s.start <= at && at < s.end;
	const ann = a.annotations;
	for (const e of ann.entities) {
		const m = e.mentions.find(inside);
		if (!m) continue;
		const aliases = [...new Set(e.mentions.map((x) => x.text))].filter((t) => t !== e.name);
		const lines = [`**${e.name}** — ${TYPE_WORDS[e.type]}`, '', `${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'}, first on line ${a.lines.position(e.mentions[0].start).line + 1}`];
		if (aliases.length) lines.push('', `Also written: ${aliases.join(', ')}`);
		return { contents: { kind: 'markdown', value: lines.join('\n') }, range: a.lines.range(m) };
	}
	const d = ann.dates.find(inside);
	if (d) return { contents: { kind: 'markdown', value: `**${d.value}** — date (${d.granularity})${d.relative ? ', resolved against the publication date' : ''}` }, range: a.lines.range(d) };
	return null;
}
