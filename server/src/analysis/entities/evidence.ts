/**
 * The trained tagger's evidence for an entity as data (`TaggerReading`), and the one line it is
 * written as in `Entity.evidence` ("tagger PER 0.91 (3 readings)"), which the annotations keep as
 * text. Whatever joins readings (an entity's mentions, a long document's sections) or words them (the
 * hover's first line) reads and writes that line here, and nowhere else.
 */

/** What the tagger said of an entity, for one type: its best confidence, and how many readings gave it. */
export interface TaggerReading {
	type: string;
	best: number;
	readings: number;
}

/** The evidence line of a reading. */
export function readingLine(r: TaggerReading): string {
	return `tagger ${r.type} ${r.best.toFixed(2)}${r.readings > 1 ? ` (${r.readings} readings)` : ''}`;
}

const LINE = /^tagger (\w+) ([\d.]+)(?: \((\d+) readings\))?$/;

/** The reading an evidence line writes, or null for evidence of another kind. */
export function readingOf(line: string): TaggerReading | null {
	const m = line.startsWith('tagger ') ? LINE.exec(line) : null;
	return m && { type: m[1], best: Number(m[2]), readings: m[3] === undefined ? 1 : Number(m[3]) };
}

/** Readings joined per type, in order of first appearance: the best confidence, the readings added up. */
export function joinReadings(readings: Iterable<TaggerReading>): TaggerReading[] {
	const byType = new Map<string, TaggerReading>();
	for (const r of readings) {
		const seen = byType.get(r.type);
		if (seen) byType.set(r.type, { type: r.type, best: Math.max(seen.best, r.best), readings: seen.readings + r.readings });
		else byType.set(r.type, r);
	}
	return [...byType.values()];
}

/** Evidence lines with the tagger's joined into one per type, after the others (which keep their order, each once). */
export function joinEvidence(lines: Iterable<string>): string[] {
	const plain = new Set<string>();
	const readings: TaggerReading[] = [];
	for (const line of lines) {
		const r = readingOf(line);
		if (r) readings.push(r);
		else plain.add(line);
	}
	return [...plain, ...joinReadings(readings).map(readingLine)];
}
