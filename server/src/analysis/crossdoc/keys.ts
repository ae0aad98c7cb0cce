/** How names are matched across documents: one key per spelling, blind to case, accents and apostrophe style. */

/** The match key of a name. */
export function nameKey(name: string): string {
	// Plain ASCII has no accents or curly apostrophes to fold: most names, at a fraction of the cost.
	if (/^[\x20-\x7e]*$/.test(name)) return name.replace(/[`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
	return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}
