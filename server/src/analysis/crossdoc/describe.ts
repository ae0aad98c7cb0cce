/**
 * The words of a cross-document finding, shared by the editor and the command
 * line so that both say the same: "200 mercenaries here; 300 foreign mercenaries
 * in libya-wire.txt (2021-11-11, Khalifa Haftar)".
 */
import type { Conflict, ConflictSide } from './conflicts';
import type { DocumentFacts } from './facts';

/** What the wording needs: a document's facts and a short name for it. */
export interface Named {
	facts: DocumentFacts;
	name: string;
}

/** "300 foreign mercenaries", "at least eight (killed)", "52% vote". */
export function figureWords(facts: DocumentFacts, index: number): string {
	const q = facts.figures[index].quantity;
	// A casualty counted by a noun that does not say it ("people") names it after: "15 people injured".
	const casualty = /^(?:.* )?(killed|injured|arrested|missing|displaced|evacuated|rescued)$/.exec(q.thing)?.[1];
	const tail = casualty && !q.label.includes(casualty) ? ` ${casualty}` : '';
	if (!q.label) return `${q.text}${tail}`;
	return q.unit === 'percent' ? `${q.text} of the ${q.label}` : `${q.text} ${q.label}${tail}`;
}

/** The source and day of a statement: "2021-11-11, according to Khalifa Haftar". */
export function provenance(facts: DocumentFacts, statement: number, day: string | null): string {
	const s = facts.statements[statement];
	const source = s.sourceEntity !== null ? facts.entities[s.sourceEntity].name : s.source;
	return [day ?? facts.date ?? 'undated', source ? `according to ${source}` : 'no source'].join(', ');
}

function side(d: Named, c: Conflict, x: ConflictSide): { what: string; when: string } {
	if (c.kind === 'figure') {
		const f = d.facts.figures[x.index];
		return { what: figureWords(d.facts, x.index), when: provenance(d.facts, x.statement, f.date) };
	}
	const e = d.facts.events[x.index];
	return { what: `“${e.dateText}” (${e.date})`, when: provenance(d.facts, x.statement, null) };
}

/** The message of a conflict as seen from side `a`. */
export function conflictMessage(c: Conflict, a: Named, b: Named): string {
	const mine = side(a, c, c.a);
	const theirs = side(b, c, c.b);
	if (c.kind === 'date') {
		const verb = a.facts.events[c.a.index].verb;
		return `Dates disagree for the same event (${verb}): ${mine.what} here; ${theirs.what} in ${b.name} (${theirs.when}).`;
	}
	return `Figures disagree: ${mine.what} here; ${theirs.what} in ${b.name} (${theirs.when}).`;
}

/** The same conflict turned round: `b`'s side first. */
export function reversed(c: Conflict): Conflict {
	return { kind: c.kind, a: c.b, b: c.a };
}
