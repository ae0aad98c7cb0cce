#!/usr/bin/env node
// The libraries a user would otherwise reach for, behind the same CLI contract as seed-lens:
// compromise for entities (people, places, organisations), chrono-node for dates (against the
// header date) and a "said / according to" cue finder for claims. Used by `npm run eval:baseline`
// so the shared scorer measures Seed Lens and the alternative the same way.
// Usage: node scripts/baseline.mjs FILE...  → one JSON array on stdout (ANNOTATIONS.md shape).
import fs from 'node:fs';
import nlp from 'compromise';
import * as chrono from 'chrono-node';

const HEADER = /^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+(.*))?$/m;
const pad = (n) => String(n).padStart(2, '0');

/** The mentions compromise finds, as entities of one mention each. */
function entities(text, from) {
	const out = [];
	const body = text.slice(from);
	const kinds = [
		['people', 'PERSON'],
		['places', 'GPE'],
		['organizations', 'ORG'],
	];
	for (const [method, type] of kinds) {
		for (const m of nlp(body)[method]().json({ offset: true })) {
			const { start, length } = m.offset;
			let s = from + start,
				e = s + length;
			while (e > s && /[\s.,;:!?'’)"”]/.test(text[e - 1])) e--;
			if (e > s) out.push({ id: `e${out.length + 1}`, type, name: text.slice(s, e), mentions: [{ start: s, end: e, text: text.slice(s, e) }] });
		}
	}
	return out;
}

/** The dates chrono-node finds, resolved against the header date. */
function dates(text, from, ref) {
	return chrono.parse(text.slice(from), ref ?? new Date()).map((r) => {
		const c = r.start;
		const y = c.get('year'),
			m = c.get('month'),
			d = c.get('day');
		const day = c.isCertain('day') || c.isCertain('weekday');
		const value = day ? `${y}-${pad(m)}-${pad(d)}` : c.isCertain('month') ? `${y}-${pad(m)}` : `${y}`;
		const start = from + r.index;
		return {
			start,
			end: start + r.text.length,
			text: r.text,
			value,
			granularity: day ? 'day' : c.isCertain('month') ? 'month' : 'year',
			relative: !c.isCertain('year'),
		};
	});
}

/** Claims: a sentence with "said", "says" or "according to" and the capitalised phrase before "said". */
function claims(text, from) {
	const out = [];
	const re = /[^.!?\n]+[.!?]?/g;
	re.lastIndex = from;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		const cue = /\b(said|says|say|saying|told|tells|announced|announces|stated|added|claimed|according to)\b/i.exec(m[0]);
		if (!cue) continue;
		const cs = m.index + cue.index;
		out.push({
			start: m.index,
			end: m.index + m[0].length,
			text: m[0],
			kind: 'attributed',
			cue: { start: cs, end: cs + cue[0].length, text: cue[0] },
			source: null,
			content: null,
		});
	}
	return out;
}

const results = process.argv.slice(2).map((file) => {
	try {
		const text = fs.readFileSync(file, 'utf8');
		const h = HEADER.exec(text);
		const from = h ? h.index + h[0].length : 0;
		const ref = h ? new Date(`${h[1]}T12:00:00`) : undefined;
		const header = { date: h?.[1] ?? null, title: h?.[2] ?? null, start: h?.index ?? 0, end: from };
		return { file, version: 1, header, entities: entities(text, from), dates: dates(text, from, ref), claims: claims(text, from), diagnostics: [] };
	} catch (e) {
		process.exitCode = 1;
		return { file, error: e.message };
	}
});
process.stdout.write(JSON.stringify(results) + '\n');
