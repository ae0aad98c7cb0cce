/**
 * The trained tagger's evidence for an entity is data (`Entity.tagger`, `TaggerReading`): joined here
 * (an entity's mentions, a long document's sections) and worded here, once, for people (the hover's
 * first line and its "Why").
 */
import type { TaggerReading } from '../types';

export type { TaggerReading } from '../types';

/** A reading in words: "tagger PER 0.91 (3 readings)". */
export function readingLine(r: TaggerReading): string {
	return `tagger ${r.type} ${r.best.toFixed(2)}${r.readings > 1 ? ` (${r.readings} readings)` : ''}`;
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

/** Everything an entity's "Why" says: the other evidence, each once, then one line per tagger type. */
export function evidenceLines(e: { evidence?: readonly string[]; tagger?: readonly TaggerReading[] }): string[] {
	return [...new Set(e.evidence ?? []), ...(e.tagger ?? []).map(readingLine)];
}
