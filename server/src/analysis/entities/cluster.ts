/**
 * One entity per referent: groups typed mentions so that "Khalifa Haftar", "Haftar" and the
 * "Haftar" of "pro-Haftar" are one person, "Libyan National Army (LNA)" and "LNA" one
 * organisation, and "US", "U.S." and "United States" one country.
 */
import { lowerCase, type SeedDocument, type Token } from '../document';
import type { Entity, EntityType } from '../types';
import { ARTICLED } from './chunks';
import { joinReadings } from './evidence';
import type { TaggerReading } from '../types';
import type { Candidate } from './rules';
import { CORP_SUFFIXES, FIRST_NAMES, LAST_NAMES, NAME_CONNECTORS } from './words';

class UnionFind {
	private readonly parent: number[];
	/** Per root: the person/organisation/place types its sure members have (bits of HARD_TYPES). */
	readonly types: Uint8Array;
	constructor(n: number) {
		this.parent = Array.from({ length: n }, (_, i) => i);
		this.types = new Uint8Array(n);
	}
	find(i: number): number {
		while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
		return i;
	}
	/** Joins b's group into a's; a's root stays the root. */
	union(a: number, b: number): void {
		const ra = this.find(a),
			rb = this.find(b);
		if (ra !== rb) {
			this.parent[rb] = ra;
			this.types[ra] |= this.types[rb];
		}
	}
}

const words = (tokens: Token[], c: Candidate) =>
	c.end === undefined ? tokens.slice(c.first, c.last).map((t) => t.text) : [tokens[c.first].text.slice(0, c.end - tokens[c.first].start)];

// "Chrysler LLC" and "Chrysler", "U.S." and "US" share a key.
function nameKey(ws: string[], c: Candidate): string {
	if (c.entry) return `g:${c.entry.id}`;
	const w = ws.map(lowerCase);
	while (w.length > 1 && CORP_SUFFIXES.has(w[w.length - 1])) w.pop();
	return `${c.type === 'PERSON' ? 'p' : 'n'}:${w.join(' ').replace(/\./g, '')}`;
}

const CAPITAL = /^\p{Lu}/u;
const ACRONYM = /^\p{Lu}[\p{Lu}&.]+$/u;

function initials(ws: string[]): string {
	return ws
		.filter((w) => CAPITAL.test(w) && !NAME_CONNECTORS.has(lowerCase(w)) && !CORP_SUFFIXES.has(lowerCase(w)))
		.map((w) => w[0])
		.join('');
}

/** Groups candidates (sorted, non-overlapping) into entities with ids e1, e2… in order of first mention. */
export function clusterEntities(doc: SeedDocument, cands: Candidate[]): Entity[] {
	const { tokens } = doc;
	const uf = new UnionFind(cands.length);
	cands.forEach((c, i) => (uf.types[i] = c.strength >= SURE ? (HARD_TYPES[c.type] ?? 0) : 0));
	const byKey = new Map<string, number>();
	// Each candidate's words, computed once: every linking step reads them.
	const ws = cands.map((c) => words(tokens, c));
	cands.forEach((c, i) => {
		const k = nameKey(ws[i], c);
		const j = byKey.get(k);
		if (j === undefined) byKey.set(k, i);
		else join(uf, cands, j, i);
	});
	linkAcronyms(tokens, cands, ws, uf);
	linkShortNames(cands, ws, uf);
	return buildEntities(doc, cands, uf);
}

// "Libyan National Army (LNA)": the bracketed acronym is the name before it; a bare acronym
// elsewhere joins the name whose initials it spells.
function linkAcronyms(tokens: Token[], cands: Candidate[], ws: string[][], uf: UnionFind): void {
	// The first long name with each initials, computed once: searching the names for every acronym was quadratic.
	const byInitials = new Map<string, number>();
	cands.forEach((c, i) => {
		if (c.last - c.first < 2 || c.type === 'PERSON') return;
		const key = initials(ws[i]);
		if (!byInitials.has(key)) byInitials.set(key, i);
	});
	cands.forEach((c, i) => {
		const w = ws[i];
		if (w.length !== 1 || !ACRONYM.test(w[0])) return;
		const prev = cands[i - 1];
		const acr = w[0].replace(/\./g, '');
		// "Libyan National Army (LNA)", "Singapore Airlines (SIA)": the letters must fit the name; a
		// byline after a dateline, "Kenya (AP)", is not the place's acronym.
		if (prev && tokens[c.first - 1]?.text === '(' && prev.last === c.first - 1) return void (spells(acr, ws[i - 1]) && join(uf, cands, i - 1, i));
		const target = byInitials.get(acr);
		if (target !== undefined) join(uf, cands, target, i);
	});
}

// "Haftar" after "Khalifa Haftar" is the same person; "Lockheed" after "Lockheed Martin" the same company.
function linkShortNames(cands: Candidate[], ws: string[][], uf: UnionFind): void {
	const persons = new Map<string, number>();
	const firsts = new Map<string, number>();
	const orgs = new Map<string, number>();
	const clubEnds = new Map<string, number>();
	cands.forEach((c, i) => {
		const w = ws[i];
		if (w.length >= 2 && c.type === 'PERSON') {
			const surname = lowerCase(w[w.length - 1]);
			persons.set(surname, i);
			// "Sisi" is the al-Sisi of "Abdel Fattah al-Sisi".
			if (ARTICLED.test(w[w.length - 1])) persons.set(surname.slice(surname.indexOf('-') + 1), i);
			// "Tedros" of "Tedros Adhanom Ghebreyesus", "Xi" of "Xi Jinping": a name's first word that is no
			// common given name, used alone; two people sharing it make it no one's (-1).
			const head = lowerCase(w[0]);
			if (!FIRST_NAMES.has(head)) onlyName(firsts, head, i, ws);
		}
		if (w.length >= 2 && c.type === 'ORG' && !orgs.has(lowerCase(w[0]))) orgs.set(lowerCase(w[0]), i);
		// "Rovers" of "Blackwood Rovers", "City" of "Castleford City": a club's last word, when one club has it.
		const end = lowerCase(w[w.length - 1]);
		if (w.length >= 2 && c.type === 'ORG' && CLUB_ENDS.has(end)) onlyName(clubEnds, end, i, ws);
	});
	cands.forEach((c, i) => {
		const w = ws[i];
		if (w.length !== 1) return;
		const key = lowerCase(w[0]);
		// Countries and demonyms keep their own entity even when a person shares the word.
		const sure = c.strength >= 0.9 && c.type !== 'PERSON' && c.type !== 'ORG';
		const p = persons.get(key);
		if (p !== undefined && !sure && c.type !== 'NORP') return void join(uf, cands, p, i);
		const f = firsts.get(key);
		if (f !== undefined && f >= 0 && c.type !== 'NORP' && (c.strength < 0.5 || c.type === 'PERSON')) return void join(uf, cands, f, i);
		const o = orgs.get(key);
		// "Nuvera was founded …" after "Nuvera Semiconductor": a word no list knows as a name of people, read
		// as a person only by a guess, is the company's short name.
		const unsurePerson = c.type === 'PERSON' && c.strength < SURE && !FIRST_NAMES.has(key) && !LAST_NAMES.has(key);
		if (o !== undefined && (c.type === 'ORG' || c.strength < 0.5 || unsurePerson)) return void join(uf, cands, o, i);
		const club = clubEnds.get(key);
		if (club !== undefined && club >= 0 && c.type !== 'PERSON') join(uf, cands, club, i);
	});
}

// Notes that candidate `i` has the word `key`: the one name with it, or -1 once two different names share it.
function onlyName(names: Map<string, number>, key: string, i: number, ws: string[][]): void {
	const known = names.get(key);
	const same = known !== undefined && known >= 0 && lowerCase(ws[known].join(' ')) === lowerCase(ws[i].join(' '));
	names.set(key, known === undefined || same ? i : -1);
}

// Last words of club names that news uses alone for the club.
const CLUB_ENDS = new Set(['rovers', 'wanderers', 'rangers', 'athletic', 'albion', 'hotspur', 'united', 'city', 'town', 'county', 'villa', 'fc']);

// The group keeps the type of its strongest member (see entityOf): a weakly guessed "Haftar" becomes PERSON.
// Two groups whose sure members say different things among person, organisation and place never join:
// "Washington" the city is not Denzel Washington, and "Instagram" is not its parent.
function join(uf: UnionFind, _cands: Candidate[], anchor: number, other: number): void {
	const a = uf.types[uf.find(anchor)],
		b = uf.types[uf.find(other)];
	if (a && b && a !== b) return;
	uf.union(anchor, other);
}

const HARD_TYPES: Partial<Record<EntityType, number>> = { PERSON: 1, ORG: 2, GPE: 4 };
/** From this strength a candidate's type is sure: a country, a titled person, a name with an organisation word (a town named like a surname is not). */
const SURE = 0.8;

/**
 * True when an acronym's letters are the initials of the name, or follow its letters in order from its
 * first, the name read whole or without its first words (two at least remaining).
 */
export function spells(acr: string, ws: string[]): boolean {
	const a = acr.toLowerCase();
	if (!a) return false;
	// "Apple Worldwide Developers Conference (WWDC)": the owner's name before the name may stand outside the letters.
	for (let from = 0; from === 0 || ws.length - from >= 2; from++) {
		const rest = ws.slice(from);
		if (initials(rest).toLowerCase() === a) return true;
		const name = rest.join(' ').toLowerCase();
		if (name[0] !== a[0]) continue;
		let k = 0;
		for (const ch of name) if (ch === a[k]) k++;
		if (k === a.length) return true;
	}
	return false;
}

function buildEntities(doc: SeedDocument, cands: Candidate[], uf: UnionFind): Entity[] {
	const groups = new Map<number, number[]>();
	cands.forEach((_, i) => {
		const r = uf.find(i);
		const g = groups.get(r) ?? [];
		g.push(i);
		groups.set(r, g);
	});
	const out: Entity[] = [];
	for (const members of [...groups.values()].sort((a, b) => cands[a[0]].first - cands[b[0]].first)) {
		out.push(entityOf(doc, cands, members, `e${out.length + 1}`));
	}
	return out;
}

// A known name as the article writes it when that is an acronym the list spells in lower case ("NHS",
// not "Nhs"); "GENEVA" in a dateline stays "Geneva".
function displayName(known: string, texts: Set<string>): string {
	for (const t of texts) if (t.length <= 5 && t.toLowerCase() === known.toLowerCase() && ALL_CAPITALS.test(t) && t !== known) return t;
	return known;
}
const ALL_CAPITALS = /^\p{Lu}{2,}$/u;

function entityOf(doc: SeedDocument, cands: Candidate[], members: number[], id: string): Entity {
	let strongest = cands[members[0]];
	let person = false;
	let sureOrg = false;
	let entry: Candidate['entry'];
	const mentions: Entity['mentions'] = [];
	const evidence = new Set<string>();
	const readings: TaggerReading[] = [];
	const texts = new Set<string>();
	const roles: string[] = [];
	let longest = '';
	for (const i of members) {
		const m = cands[i];
		if (m.strength > strongest.strength || (m.strength === strongest.strength && m.last - m.first > strongest.last - strongest.first)) strongest = m;
		if (m.type === 'PERSON' && m.strength >= 0.5) person = true;
		if (m.type === 'ORG' && m.strength >= SURE) sureOrg = true;
		entry ??= m.entry;
		const start = doc.tokens[m.first].start,
			end = m.end ?? doc.tokens[m.last - 1].end;
		const text = doc.text.slice(start, end);
		if (m.role) {
			mentions.push({ start, end, text, role: m.role });
			if (!roles.includes(m.role)) roles.push(m.role);
		} else mentions.push({ start, end, text });
		texts.add(text);
		if (text.length > longest.length) longest = text;
		for (const x of m.evidence) evidence.add(x);
		if (m.readings) readings.push(...m.readings);
	}
	// A person's reading wins over a guess, not over a name with an organisation word ("Nuvera Semiconductor").
	const type: EntityType = person && strongest.type !== 'GPE' && !(sureOrg && strongest.type === 'ORG') ? 'PERSON' : strongest.type;
	const name = entry && entry.type === type ? displayName(entry.name, texts) : longest;
	texts.delete(name);
	const tagger = joinReadings(readings);
	const e: Entity = { id, type, name, mentions, evidence: summarise(evidence, tagger.length > 0) };
	if (tagger.length) e.tagger = tagger;
	if (texts.size) e.aliases = [...texts];
	if (roles.length && type === 'PERSON') e.roles = roles;
	if (entry && entry.type === type && Object.keys(entry.facts).length) e.facts = { ...entry.facts };
	return e;
}

// Each reason once; "capitalised name" is the rules' shrug, worth showing only when nothing else is known.
function summarise(evidence: Set<string>, tagged: boolean): string[] {
	const out = [...evidence];
	return out.length > 1 || tagged ? out.filter((x) => x !== 'capitalised name') : out;
}
