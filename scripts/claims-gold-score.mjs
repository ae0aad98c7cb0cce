// Scores the claims of whole articles against a claims gold (data/claims-gold, data/claims-gold-fresh): every gold
// claim with its kind, cue, source and content, and the check-worthy statements with no source. Pure: the caller
// reads the files and runs the analysis; scripts/eval-claims.mjs prints the result.
//
// A predicted claim matches a gold claim when their cues overlap (or, when either has no cue, their contents do);
// an unattributed claim matches an unattributed gold statement its content overlaps. Only claims inside the gold's
// zone (the body) count. A gold source may name, in `refers`, the mention a pronoun or description stands for
// ("He" → "Russell Zimmerman"): the source is right when the predicted one is either, and *resolved* right only
// when the predicted source's entity has that mention (or the predicted source is that mention).

export const overlaps = (a, b) => !!a && !!b && a.start < b.end && b.start < a.end;
export const dice = (a, b) => (a && b ? (2 * Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))) / (a.end - a.start + (b.end - b.start)) : 0);

const oneLine = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * @param {{gold: {zone?: [number, number], gold: {claims: any[]}}, text: string, pred: {claims?: any[], entities?: any[]}}[]} docs
 * @returns the counts and, in `errors`, one record per noise claim, missed claim and wrong source, in document order.
 */
export function scoreClaimsGold(docs) {
	const n = { gold: 0, attributed: 0, found: 0, sourceN: 0, sourceOk: 0, resolvedOk: 0, contentN: 0, contentOk: 0, contentDice: 0 };
	const u = { gold: 0, found: 0, pred: 0, right: 0 };
	let pred = 0;
	let noise = 0;
	let duplicate = 0;
	const errors = [];
	docs.forEach((d, doc) => {
		const { text } = d;
		const zone = d.gold.zone ?? [0, text.length];
		const inZone = (c) => c.start >= zone[0] && c.start < zone[1];
		const P = (d.pred.claims ?? []).filter(inZone);
		const G = d.gold.gold.claims;
		const sentence = (c) => oneLine(text.slice(c.start, c.end));
		const mentions = (id) => (id ? ((d.pred.entities ?? []).find((e) => e.id === id)?.mentions ?? []) : []);
		const matchOf = (p) =>
			G.findIndex((g) => {
				if (g.kind === 'unattributed') return p.kind === 'unattributed' && overlaps(p.content ?? p, g.content);
				if (p.kind === 'unattributed') return false;
				// A quotation found without its verb still is that claim.
				return g.cue && p.cue ? overlaps(p.cue, g.cue) : overlaps(p.content, g.content);
			});
		const hits = G.map(() => []);
		for (const p of P) {
			pred++;
			const k = matchOf(p);
			if (k < 0) {
				noise++;
				errors.push({ type: 'noise', doc, at: p.start, kind: p.kind, cue: p.cue?.text ?? null, source: p.source?.text ?? null, sentence: sentence(p) });
			} else {
				if (hits[k].length) duplicate++;
				hits[k].push(p);
			}
			if (p.kind === 'unattributed') {
				u.pred++;
				if (k >= 0 && G[k].kind === 'unattributed') u.right++;
			}
		}
		G.forEach((g, k) => {
			n.gold++;
			if (g.kind === 'unattributed') {
				u.gold++;
				if (hits[k].length) u.found++;
				return;
			}
			n.attributed++;
			const h = hits[k];
			if (!h.length) {
				errors.push({ type: 'missed', doc, at: g.start, kind: g.kind, cue: g.cue?.text ?? null, source: g.source?.text ?? null, sentence: sentence(g) });
				return;
			}
			n.found++;
			if (g.source) {
				n.sourceN++;
				const asWritten = (p) => p.source && (overlaps(p.source, g.source) || mentions(p.source.entity).some((m) => overlaps(m, g.source)));
				const referent = g.source.refers;
				const resolved = (p) =>
					referent ? !!p.source && (overlaps(p.source, referent) || mentions(p.source.entity).some((m) => overlaps(m, referent))) : asWritten(p);
				// Naming the mention the pronoun stands for is as right as repeating the pronoun.
				const ok = h.some((p) => asWritten(p) || (!!referent && resolved(p)));
				const resolvedOk = h.some(resolved);
				if (ok) n.sourceOk++;
				if (resolvedOk) n.resolvedOk++;
				if (!ok || !resolvedOk) {
					const got = h.map((p) => {
						const e = p.source?.entity && (d.pred.entities ?? []).find((x) => x.id === p.source.entity);
						return p.source ? `${p.source.text}${e && e.name !== p.source.text ? ` → ${e.name}` : ''}` : 'none';
					});
					errors.push({
						type: ok ? 'unresolved source' : 'wrong source',
						doc,
						at: g.start,
						kind: g.kind,
						cue: g.cue?.text ?? null,
						source: got.join(', '),
						gold: `${g.source.text}${referent ? ` → ${referent.text}` : ''}`,
						sentence: sentence(g),
					});
				}
			}
			if (g.content) {
				n.contentN++;
				const best = Math.max(...h.map((p) => dice(p.content, g.content)));
				n.contentDice += best;
				if (best >= 0.5) n.contentOk++;
				else {
					const p = h.find((x) => dice(x.content, g.content) === best) ?? h[0];
					errors.push({
						type: 'content',
						doc,
						at: g.start,
						kind: g.kind,
						cue: g.cue?.text ?? null,
						source: p.content ? oneLine(text.slice(p.content.start, p.content.end)) : 'none',
						gold: oneLine(text.slice(g.content.start, g.content.end)),
						sentence: sentence(g),
					});
				}
			}
		});
	});
	errors.sort((a, b) => a.doc - b.doc || a.at - b.at);
	return { n, u, pred, noise, duplicate, errors };
}
