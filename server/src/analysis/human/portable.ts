/**
 * A `.ann` as other tools should get it, and the brat project configuration that declares its
 * types. Seed Lens's own files keep everything (rejected suggestions for the record, the review
 * state as a note on the document `*`, lines it does not read); brat reports a note on `*` as
 * "ID * not defined", converters that ignore attributes count a rejected span as an annotation,
 * and INCEpTION's brat import stops at normalisation (`N`) lines, equivalences and notes on
 * anything but a `T`, `E` or `R`. Pure.
 */
import { formatBrat, parseBrat, type BratRecord } from './brat';
import { CLAIM_TYPES, DATE_TYPE, ENTITY_TYPES, KIND, REJECTED, STATE_NOTE, VERIFIED } from './layer';

/** `clean`: for brat and converters; `inception`: also what INCEpTION's brat import cannot read. */
export type Audience = 'clean' | 'inception';

/** What was left out of one file, as counted phrases (“2 rejected suggestions”). */
export interface Portable {
	text: string;
	left: string[];
}

/** The `.ann` text for other tools: the person's annotations without what those tools misread; what was left out is listed. */
export function portableAnn(ann: string, audience: Audience): Portable {
	const file = parseBrat(ann);
	const rejected = new Set(file.records.flatMap((r) => (r.kind === 'A' && r.type === REJECTED ? [r.target] : [])));
	// A rejected claim is rejected on its cue (or lone content): its other parts go with it.
	for (const r of file.records) if (r.kind === 'R' && rejected.has(r.arg1)) rejected.add(r.arg2);
	const counts = new Map<string, number>();
	const drop = (why: string) => (counts.set(why, (counts.get(why) ?? 0) + 1), false);
	const keep = (r: BratRecord): boolean => {
		if (r.kind === 'T' && rejected.has(r.id)) return drop('rejected suggestion');
		if (r.kind === '#' && r.type === STATE_NOTE) return drop('review-state note');
		if (r.kind !== 'verbatim' && r.kind !== 'T' && pointsAt(r).some((id) => rejected.has(id)))
			return r.kind === 'A' && r.type === REJECTED ? false : drop('line on a rejected suggestion');
		if (audience === 'clean') return true;
		if (r.kind === 'N') return drop('date value (N line)');
		if (r.kind === '#' && !/^[TER]\d+$/.test(r.target)) return drop('note on something other than a T, E or R');
		if (r.kind === 'verbatim' && !/^[TAMRE#]/.test(r.raw) && r.raw.trim() !== '') return drop('line INCEpTION does not read');
		return true;
	};
	const records = file.records.filter(keep);
	const left = REASONS.flatMap(([one, many]) => {
		const n = counts.get(one);
		return n ? [`${n} ${n === 1 ? one : many}`] : [];
	});
	return { text: formatBrat({ ...file, records }), left };
}

// The order in which what was left out is listed.
const REASONS: [string, string][] = [
	['rejected suggestion', 'rejected suggestions'],
	['line on a rejected suggestion', 'lines on rejected suggestions'],
	['review-state note', 'review-state notes'],
	['date value (N line)', 'date values (N lines)'],
	['note on something other than a T, E or R', 'notes on something other than a T, E or R'],
	['line INCEpTION does not read', 'lines INCEpTION does not read'],
];

// The ids a line refers to (its target, or a relation's arguments).
function pointsAt(r: BratRecord): string[] {
	if (r.kind === 'R') return [r.arg1, r.arg2];
	if (r.kind === 'A' || r.kind === 'N' || r.kind === '#') return [r.target];
	return [];
}

/**
 * brat's `annotation.conf` for Seed Lens's files: the entity, date and claim-part types, the claim
 * relations, the attributes, and overlapping spans allowed (a source inside a claim's content).
 */
export function annotationConf(): string {
	const tab = '\t';
	return [
		'# brat annotation configuration for Seed Lens annotation files (docs/ANNOTATIONS.md).',
		'[entities]',
		...ENTITY_TYPES,
		DATE_TYPE,
		...CLAIM_TYPES,
		'',
		'[relations]',
		`Source${tab}Arg1:Cue|Content, Arg2:Source`,
		`Content${tab}Arg1:Cue, Arg2:Content`,
		`<OVERLAP>${tab}Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>`,
		'',
		'[events]',
		'',
		'[attributes]',
		`${VERIFIED}${tab}Arg:<ENTITY>`,
		`${REJECTED}${tab}Arg:<ENTITY>`,
		`${KIND}${tab}Arg:Cue|Content, Value:attributed|quote|unattributed`,
		'',
	].join('\n');
}
