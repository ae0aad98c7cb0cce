/** The human-readable report of `seed-lens analyze --format text`. */
import type { DocumentAnnotations, EntityType } from '../analysis';

const TYPE_NAMES: Record<EntityType, string> = {
	PERSON: 'People',
	ORG: 'Organisations',
	GPE: 'Countries, cities, states',
	LOC: 'Places',
	NORP: 'Nationalities and groups',
	FAC: 'Facilities',
	EVENT: 'Events',
	OTHER: 'Other names',
};

const clip = (s: string, n = 100) => (s.length > n ? s.slice(0, n - 1) + '…' : s).replace(/\s+/g, ' ');

/** Formats one document's annotations as a plain-text report. */
export function textReport(a: DocumentAnnotations & { file?: string; error?: string }): string {
	const lines: string[] = [];
	lines.push(`━━ ${a.file ?? '(document)'}`);
	if (a.error) return [...lines, `  error: ${a.error}`, ''].join('\n');
	lines.push(`  ${a.header.date ?? 'no date'} · ${a.header.title ?? 'no title'}`);
	lines.push(
		`  ${a.entities.length} entities · ${a.dates.length} dates · ${a.claims.length} claims, ${a.claims.filter((c) => c.kind === 'unattributed').length} unattributed`,
	);
	lines.push('', 'ENTITIES');
	for (const type of Object.keys(TYPE_NAMES) as EntityType[]) {
		const es = a.entities.filter((e) => e.type === type).sort((x, y) => y.mentions.length - x.mentions.length);
		if (!es.length) continue;
		lines.push(`  ${TYPE_NAMES[type]}`);
		for (const e of es) {
			const aliases = [...new Set(e.mentions.map((m) => m.text))].filter((t) => t !== e.name);
			lines.push(`    ${e.name} ×${e.mentions.length}${aliases.length ? `  (also: ${aliases.join(', ')})` : ''}`);
		}
	}
	lines.push('', 'TIMELINE');
	for (const d of [...a.dates].sort((x, y) => x.value.localeCompare(y.value))) {
		lines.push(`  ${d.value.padEnd(12)} ${clip(d.text, 40)}${d.relative ? '  (relative)' : ''}`);
	}
	lines.push('', 'CLAIMS');
	for (const c of a.claims) {
		const who = c.kind === 'unattributed' ? 'UNATTRIBUTED' : (c.source?.text ?? 'unknown source');
		lines.push(`  [${c.kind}] ${who}: ${clip(c.text)}`);
	}
	if (a.diagnostics.length) {
		lines.push('', 'PROBLEMS');
		for (const d of a.diagnostics) lines.push(`  ${d.severity} ${d.code}: ${clip(d.message)}`);
	}
	lines.push('');
	return lines.join('\n');
}
