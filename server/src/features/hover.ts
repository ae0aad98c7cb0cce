/** Hovers: an entity's card, a date's resolution, a claim's source, hedges and figures. */
import type { CancellationToken, Hover, Position } from 'vscode-languageserver';
import type { Claim, DateAnnotation, Entity, Mention } from '../analysis';
import { oncePerVersion, type DocumentAnalysis } from '../documentAnalysis';
import type { EditShift } from '../positions';
import { explainReasons } from '../analysis/claims/checkworthy';
import { syntaxModel } from '../syntaxModel';
import { claimGrammar } from './claimGrammar';
import { evidenceLines } from '../analysis/entities/evidence';
import { originLine } from './review';
import { dateInWords, distanceFromPublication, weekday } from './dateWords';
import { claimAt, claimsOf, dateAt, entitiesById, entityAt, sourceEntity } from './lookup';
import { aliasesOf, claimStatement, clip, FACT_WORDS, plural, sourcePhrase, summaryLine, TYPE_WORDS } from './words';

const CLAIM_KINDS: Record<Claim['kind'], string> = {
	attributed: 'Attributed claim',
	quote: 'Direct quotation',
	unattributed: 'Unattributed claim',
};

// Markdown special characters in document text must not turn into formatting.
const md = (s: string) => s.replace(/[\\`*_[\]<>|]/g, '\\$&');

/**
 * The hover at a position, or null where nothing is annotated. With `shift`,
 * the analysis is of an earlier version: the position is taken back through
 * the edits made since, and the card's range brought forward.
 */
export function hover(a: DocumentAnalysis, position: Position, token?: CancellationToken, shift?: EditShift | null): Hover | null {
	if (token?.isCancellationRequested) return null;
	const then = shift ? shift.back(position) : position;
	const h = then && hoverAt(a, then);
	return h && shift && h.range ? { ...h, range: shift.forwardRange(h.range) } : h;
}

function hoverAt(a: DocumentAnalysis, position: Position): Hover | null {
	const at = a.lines.offset(position);
	const e = entityAt(a, at);
	if (e) return card(a, [originLine(e.mention.origin, e.entity), '', ...entityCard(a, e.entity)], e.mention);
	const d = dateAt(a, at);
	if (d) return card(a, [originLine(d.origin, { evidence: ['date rules'] }), '', ...dateCard(a, d)], d);
	const c = claimAt(a, at);
	if (c) return card(a, [originLine(c.claim.origin, { evidence: ['claim rules'] }), '', ...claimCard(a, c.claim, grammarLine(a, c.claim))], c.span);
	const h = a.annotations.header;
	if (h.end > h.start && h.start <= at && at <= h.end) return card(a, headerCard(a), h);
	return null;
}

/** The header card: the publication date in words, and what the analysis found. */
export function headerCard(a: DocumentAnalysis): string[] {
	const { header } = a.annotations;
	const out = [header.date ? `**Published ${dateInWords(header.date)}** — \`${header.date}\`` : '**No publication date**', ''];
	out.push(
		header.date
			? 'Relative dates in the article (“Thursday”, “last year”) are resolved against this date.'
			: 'Without a date in the header, relative dates cannot be resolved.',
	);
	out.push('', summaryLine(a.annotations) + '.');
	return out;
}

function card(a: DocumentAnalysis, lines: string[], span: { start: number; end: number }): Hover {
	return { contents: { kind: 'markdown', value: lines.join('\n') }, range: a.lines.range(span) };
}

const lineOf = (a: DocumentAnalysis, m: Mention) => a.lines.line(m.start) + 1;

/** The entity card: type, name, spellings, mentions, claims it is the source of, evidence, facts. */
export function entityCard(a: DocumentAnalysis, e: Entity): string[] {
	const out = [`**${md(e.name)}** — ${TYPE_WORDS[e.type] ?? 'Name'}`, ''];
	const aliases = aliasesOf(e);
	if (aliases.length) out.push(`Also written: ${aliases.map((x) => `“${md(x)}”`).join(', ')}`, '');
	if (e.roles?.length) out.push(`Role: ${e.roles.map(md).join('; ')}`, '');
	const first = e.mentions[0];
	out.push(`${plural(e.mentions.length, 'mention')}${first ? `, first on line ${lineOf(a, first)}` : ''}.`);
	const claims = claimsOf(a, e);
	if (claims.length) {
		out.push('', `**Source of ${plural(claims.length, 'claim')}:**`);
		for (const c of claims.slice(0, 5)) out.push(`- line ${a.lines.line(c.start) + 1}: “${md(clip(claimStatement(c, a.text), 90))}”`);
		if (claims.length > 5) out.push(`- … and ${claims.length - 5} more`);
	}
	// The gazetteer's other names, less those the text already used (shown above as spellings).
	const known = new Set([e.name, ...aliases]);
	const facts = Object.entries(e.facts ?? {})
		.map(([k, v]): [string, string] =>
			k === 'aka'
				? [
						k,
						v
							.split(', ')
							.filter((x) => !known.has(x))
							.join(', '),
					]
				: [k, v],
		)
		.filter(([, v]) => v);
	if (facts.length) out.push('', ...facts.map(([k, v]) => `${FACT_WORDS[k] ?? k}: **${md(v)}**  `));
	const why = evidenceLines(e);
	if (why.length) out.push('', `*Why:* ${why.map(md).join('; ')}`);
	return out;
}

/** The date card: the value in words and ISO, weekday, distance from publication, how it was resolved. */
export function dateCard(a: DocumentAnalysis, d: DateAnnotation): string[] {
	const words = dateInWords(d.value);
	const out = [`**${md(words)}**${words !== d.value ? ` — \`${d.value}\`` : ''}`, ''];
	const day = weekday(d.value);
	const distance = distanceFromPublication(d.value, a.annotations.header.date);
	const facts: string[] = [];
	if (day && !words.startsWith(day)) facts.push(`a ${day}`);
	if (distance) facts.push(distance);
	if (facts.length) out.push(`${facts.join(', ').replace(/^./, (c) => c.toUpperCase())}.`, '');
	out.push(`Precision: ${d.granularity}.`);
	if (d.relative)
		out.push('', `“${md(d.text)}” is relative: resolved against the publication date${a.annotations.header.date ? ` (${a.annotations.header.date})` : ''}.`);
	if (d.resolution) out.push('', `*How:* ${md(d.resolution)}`);
	return out;
}

/** The parse's subject and reported clause of a claim's cue; none when the syntax model cannot be read. */
function grammarLine(a: DocumentAnalysis, c: Claim): string | undefined {
	try {
		// Parsed once per analysed version and cue, however often the card is asked for.
		return oncePerVersion(a, `grammar:${c.cue?.start ?? c.start}`, () => claimGrammar(a, c, syntaxModel()));
	} catch {
		return undefined;
	}
}

// Sources that refer back rather than name: pronouns and descriptions ("the spokeswoman", "the ministry").
const REFERRING = /^(?:he|she|it|they|we|i|his|her|its|their|our|my|(?:the|this|that)\s.*)$/i;

/**
 * How a claim's source reaches its entity: named in the phrase, with the role written around the name
 * ("Labour party spokeswoman Anna Berg" → role "Labour party spokeswoman"), or referring back to it
 * ("he" → Anna Berg), when the phrase has no mention of the entity.
 */
export function sourceReading(c: Claim, src: Entity | undefined): { referredBy?: string; role?: string } {
	if (!src || !c.source) return {};
	const s = c.source;
	const m = src.mentions.find((x) => x.start < s.end && s.start < x.end);
	if (!m) return { referredBy: s.text, role: src.roles?.[0] };
	const rest = (s.text.slice(0, m.start - s.start) + ' ' + s.text.slice(m.end - s.start))
		.replace(/\s+/g, ' ')
		.replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, '')
		.replace(/^(?:the|a|an)(?:\s+|$)/i, '')
		.trim();
	const role = m.role ?? (rest && !/^['’]s?$/.test(rest) ? rest : undefined);
	return { role: role && role !== src.name ? role : undefined };
}

/** The claim card: kind, source, hedges, figures, reasons, and the grammar the parse sees. */
export function claimCard(a: DocumentAnalysis, c: Claim, grammar?: string): string[] {
	const entities = entitiesById(a);
	const out = [`**${CLAIM_KINDS[c.kind]}**`, ''];
	if (c.kind === 'unattributed') out.push('No source is named for this statement.');
	else {
		const src = sourceEntity(a, c);
		const cue = c.cue ? ` — “${md(c.cue.text)}”` : '';
		const { referredBy, role } = sourceReading(c, src);
		const type = src ? ` (${TYPE_WORDS[src.type] ?? 'Name'})` : '';
		const who = referredBy ? `“${md(referredBy)}” → **${md(src!.name)}**` : `**${md(sourcePhrase(c, entities))}**`;
		const unresolved = !src && c.source && REFERRING.test(c.source.text) ? ' — not resolved to a named person or organisation' : '';
		out.push(`Source: ${who}${role ? ` — ${md(role)}` : ''}${type}${unresolved}${cue}`);
	}
	out.push('', `> ${md(clip(claimStatement(c, a.text), 240))}`);
	if (c.hedges?.length) out.push('', `Hedged: ${c.hedges.map((h) => `“${md(h)}”`).join(', ')}`);
	if (c.figures?.length) out.push('', `Figures: ${c.figures.map((f) => `**${md(f)}**`).join(', ')}`);
	if (c.reasons?.length) out.push('', `Check-worthy — ${explainReasons(c.text, c.reasons).map(md).join('; ')}`);
	if (grammar) out.push('', `*${md(grammar)}*`);
	return out;
}
