/** How names are matched across documents: one key per spelling, blind to case, accents and apostrophe style. */

/** The match key of a name. */
export function nameKey(name: string): string {
	return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}
