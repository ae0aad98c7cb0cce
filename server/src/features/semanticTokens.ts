/**
 * Semantic tokens: entity mentions typed by kind (custom types, each with a
 * standard super type and TextMate scopes in package.json so every theme
 * colours them), dates, and claim cues and sources.
 */
import { SemanticTokensBuilder, type CancellationToken, type Range, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { EntityType, Span } from '../analysis';
import { oncePerVersion, type DocumentAnalysis } from '../documentAnalysis';

/** The token types, in legend order. Declared with their super types in package.json. */
export const TOKEN_TYPES = ['person', 'organization', 'place', 'group', 'facility', 'event', 'entity', 'date', 'claimCue', 'claimSource'] as const;
/** The modifiers: the first mention of an entity, a relative date, a hedged claim, an annotation a person made or confirmed. */
export const TOKEN_MODIFIERS = ['declaration', 'relative', 'hedged', 'human'] as const;

/** The legend announced in the server capabilities. */
export const legend: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
const TYPE_OF: Record<EntityType, TokenType> = {
	PERSON: 'person',
	ORG: 'organization',
	GPE: 'place',
	LOC: 'place',
	FAC: 'facility',
	NORP: 'group',
	EVENT: 'event',
	OTHER: 'entity',
};
const bit = (m: (typeof TOKEN_MODIFIERS)[number]) => 1 << TOKEN_MODIFIERS.indexOf(m);

interface Token extends Span {
	type: TokenType;
	modifiers: number;
	/** Lower wins where tokens overlap. */
	rank: number;
}

/** The semantic tokens of a document, or of a range of it. The whole document's are built once per analysed version. */
export function semanticTokens(a: DocumentAnalysis, range?: Range, token?: CancellationToken): SemanticTokens {
	if (token?.isCancellationRequested) return { data: [] };
	if (!range) return oncePerVersion(a, 'tokens:full', () => encode(a, tokens(a)));
	const from = a.lines.offset(range.start);
	const to = a.lines.offset(range.end);
	const all = tokens(a);
	// Tokens do not overlap, so their ends are sorted too: binary search for the first one the range reaches.
	let lo = 0,
		hi = all.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (all[mid].end > from) hi = mid;
		else lo = mid + 1;
	}
	let end = lo;
	while (end < all.length && all[end].start < to) end++;
	return encode(a, all.slice(lo, end));
}

function encode(a: DocumentAnalysis, list: Token[]): SemanticTokens {
	const builder = new SemanticTokensBuilder();
	for (const t of list) for (const p of a.lines.pieces(t)) builder.push(p.line, p.character, p.length, TOKEN_TYPES.indexOf(t.type), t.modifiers);
	return builder.build();
}

// Tokens may not overlap: where a date is also a name, the better-ranked one was sorted first and wins.
function tokens(a: DocumentAnalysis): Token[] {
	return oncePerVersion(a, 'tokens', () => {
		const out: Token[] = [];
		let end = -1;
		for (const t of collect(a)) {
			if (t.start < end) continue;
			end = t.end;
			out.push(t);
		}
		return out;
	});
}

function collect(a: DocumentAnalysis): Token[] {
	const out: Token[] = [];
	const ann = a.annotations;
	const human = (o: string | undefined) => (o === 'human' ? bit('human') : 0);
	for (const c of ann.claims) {
		const hedged = (c.hedges?.length ? bit('hedged') : 0) | human(c.origin);
		if (c.cue) out.push({ start: c.cue.start, end: c.cue.end, type: 'claimCue', modifiers: hedged, rank: 0 });
		// A source that is a known entity is coloured as that entity.
		if (c.source && !c.source.entity) out.push({ start: c.source.start, end: c.source.end, type: 'claimSource', modifiers: hedged, rank: 3 });
	}
	for (const d of ann.dates) out.push({ start: d.start, end: d.end, type: 'date', modifiers: (d.relative ? bit('relative') : 0) | human(d.origin), rank: 1 });
	for (const e of ann.entities)
		e.mentions.forEach((m, i) =>
			out.push({ start: m.start, end: m.end, type: TYPE_OF[e.type] ?? 'entity', modifiers: (i === 0 ? bit('declaration') : 0) | human(m.origin), rank: 2 }),
		);
	return out.filter((t) => t.end > t.start).sort((x, y) => x.start - y.start || x.rank - y.rank);
}
