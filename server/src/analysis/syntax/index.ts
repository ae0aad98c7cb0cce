/**
 * The syntax layer: part-of-speech tags and labelled dependency trees (Universal Dependencies) over the
 * core's own sentences, for the stages that need grammar (who is the subject of "said", where a
 * reported clause starts, where a name's phrase ends).
 *
 * `SentenceSyntax` is the typed result for one sentence; `DocumentSyntax` parses a document's sentences
 * lazily, the first time a stage asks for one, and keeps them for the life of that document's analysis.
 * Nothing is stored on shared per-spelling tables; the model is read-only and shared.
 */
import type { SeedDocument, Token } from '../document';
import { SyntaxModel } from './model';
import { UPOS, type Upos } from './tagger';

export { readConllu, writeConllu, type ConlluSentence, type ConlluWord } from './conllu';
export { SyntaxModel } from './model';
export { UPOS, type Upos } from './tagger';

/** One word of a parsed sentence. Offsets are into the document text. */
export interface SyntaxWord {
	start: number;
	end: number;
	text: string;
	upos: Upos;
	/** Index of the head word in the sentence's `words`, or -1 for the sentence's root. */
	head: number;
	/** Universal Dependencies relation, with its subtype where the treebank has one (`nsubj:pass`). */
	deprel: string;
	/** True when no space follows the word in the text. */
	noSpaceAfter: boolean;
}

// Clitics the treebank writes as words of their own: "do|n't", "we|'re", "ca|n't".
const CLITIC = /^(.+?)(n['’]t|['’](?:re|ve|ll|d|m|s))$/i;
const SPECIAL: Record<string, [string, string]> = { "can't": ['ca', "n't"], 'can’t': ['ca', 'n’t'], "won't": ['wo', "n't"], 'won’t': ['wo', 'n’t'] };
const LETTER_HYPHEN = /(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu;

/** Splits a core token into the words the treebank would have: clitics and hyphens apart. */
export function wordPieces(text: string): [number, number][] {
	const lower = text.toLowerCase();
	const special = SPECIAL[lower];
	if (special)
		return [
			[0, special[0].length],
			[special[0].length, text.length],
		];
	const m = CLITIC.exec(text);
	if (m && /\p{L}/u.test(m[1])) return [...wordPieces(m[1]), [m[1].length, text.length]];
	if (!text.includes('-') || text.length > 40) return [[0, text.length]];
	const out: [number, number][] = [];
	let at = 0;
	for (const h of text.matchAll(LETTER_HYPHEN)) {
		out.push([at, h.index], [h.index, h.index + 1]);
		at = h.index + 1;
	}
	out.push([at, text.length]);
	return out;
}

/** The words of a text span as the parser reads them, from the core's tokens. */
export function wordsOf(text: string, tokens: readonly Token[]): { start: number; end: number; text: string }[] {
	const out: { start: number; end: number; text: string }[] = [];
	for (const t of tokens)
		for (const [a, b] of wordPieces(t.text)) out.push({ start: t.start + a, end: t.start + b, text: text.slice(t.start + a, t.start + b) });
	return out;
}

/** Relative pronouns, which stand for the noun their clause modifies. */
const RELATIVE = /^(who|whom|which|that)$/i;
const CLOSING_QUOTE = /^([”"’']|'')$/;

/** The longest sentence parsed, in words; longer ones are parsed in pieces of this size. */
export const MAX_WORDS = 250;

/** Tags and parses a span of text (one sentence) with the model. */
export function parseSpan(model: SyntaxModel, text: string, tokens: readonly Token[]): SentenceSyntax {
	const raw = wordsOf(text, tokens);
	const words: SyntaxWord[] = [];
	let firstRoot = -1;
	for (let from = 0; from < raw.length; from += MAX_WORDS) {
		const piece = raw.slice(from, from + MAX_WORDS);
		const infos = model.infos(piece.map((w) => w.text));
		// Seed files are edited text: a word in lower case is not a proper noun.
		const tags = model.tag(infos, 'capitalised');
		const parse = model.parse(infos, tags);
		piece.forEach((w, i) =>
			words.push({
				...w,
				upos: UPOS[tags[i]],
				head: parse.heads[i] === 0 ? firstRoot : from + parse.heads[i] - 1,
				deprel: model.parser.labelNames[parse.labels[i]],
				noSpaceAfter: w.end === (raw[from + i + 1]?.start ?? -1),
			}),
		);
		if (firstRoot < 0) firstRoot = words.findIndex((w) => w.head < 0);
	}
	return new SentenceSyntax(words);
}

/** A parsed sentence with the questions the other stages ask of it. */
export class SentenceSyntax {
	private kids: number[][] | undefined;
	constructor(readonly words: readonly SyntaxWord[]) {}

	/** Dependents of word `i`, in order. */
	children(i: number): number[] {
		if (!this.kids) {
			this.kids = this.words.map(() => []);
			this.words.forEach((w, j) => w.head >= 0 && this.kids![w.head].push(j));
		}
		return this.kids[i];
	}

	/** The root word (the main predicate). */
	get root(): number {
		return this.words.findIndex((w) => w.head < 0);
	}

	/** The word covering a text offset, or -1. */
	wordAt(offset: number): number {
		return this.words.findIndex((w) => w.start <= offset && offset < w.end);
	}

	/** Dependents of `i` with a relation in `rels` (universal part compared). */
	dependents(i: number, ...rels: string[]): number[] {
		return this.children(i).filter((c) => rels.includes(this.words[c].deprel.split(':')[0]));
	}

	/**
	 * The grammatical subject of a predicate (`nsubj`, `nsubj:pass`, `csubj`), or -1. A verb in a conjunct
	 * ("He arrived and said …") shares its first conjunct's subject; a speaker placed just before a
	 * postposed verb ("…, analysts said") counts when the parse attached it elsewhere.
	 */
	subjectOf(i: number): number {
		const s = this.dependents(i, 'nsubj', 'csubj');
		// "detractors who accused …": the relative pronoun stands for the noun the clause modifies.
		if (s.length && RELATIVE.test(this.words[s[0]].text)) {
			if (this.words[i].deprel.startsWith('acl') && this.words[i].head >= 0) return this.words[i].head;
			let k = s[0] - 1;
			if (k >= 0 && this.words[k].text === ',') k--;
			if (k >= 0 && /^(NOUN|PROPN)$/.test(this.words[k].upos)) return k;
		}
		if (s.length) return s[0];
		const w = this.words[i];
		if (w.deprel === 'conj' && w.head >= 0 && !this.isPostposed(i)) return this.subjectOf(w.head);
		const before = this.speakerBefore(i);
		return before;
	}

	/** The nominal right before a verb (past adverbs and auxiliaries) when it is not that verb's object. */
	private speakerBefore(i: number): number {
		let j = i - 1;
		while (j >= 0 && /^(ADV|AUX|PART)$/.test(this.words[j].upos)) j--;
		if (j < 0 || !/^(NOUN|PROPN|PRON)$/.test(this.words[j].upos) || RELATIVE.test(this.words[j].text)) return -1;
		let top = j;
		while (
			this.words[top].head >= 0 &&
			this.words[top].head < i &&
			this.words[top].head > j - 8 &&
			/^(compound|flat|amod|det|nmod:poss)/.test(this.words[top].deprel)
		)
			top = this.words[top].head;
		// The object of an earlier verb ("groups that brought the case welcomed …") is not this one's speaker,
		// unless this verb hangs on that one ("encouraged Pagliano to testify").
		const t = this.words[top];
		if (/^(obj|iobj)/.test(t.deprel) && t.head >= 0 && t.head < top && t.head !== i && !(this.words[i].head === t.head && this.isNonFinite(i))) {
			// …but the noun that clause describes is ("people who have battled other threats say …").
			const v = this.words[t.head];
			return v.deprel.startsWith('acl') && v.head >= 0 && v.head < t.head && /^(NOUN|PROPN)$/.test(this.words[v.head].upos) ? v.head : -1;
		}
		// Nor is a place or time before an infinitive ("returned to the stage to reveal …").
		if (t.deprel.startsWith('obl') && t.head >= 0 && t.head < top && this.isNonFinite(i)) return -1;
		return top;
	}

	/**
	 * A postposed attribution: "Prices rose, analysts said on Monday" — a speaker right after a comma that
	 * closes a clause, and nothing the verb reports right after it ("said that …", "said the …").
	 */
	isPostposed(i: number): boolean {
		const sp = this.speakerBefore(i);
		if (sp < 0) return false;
		const [lo] = this.nounPhrase(sp);
		// "…, analysts said" or a quotation closed before the speaker: "“…,” Menendez said", "“…?” she asked".
		let comma = lo - 1;
		// Typewriter quotes ('') may come as two words.
		while (comma >= 1 && comma >= lo - 2 && CLOSING_QUOTE.test(this.words[comma].text)) comma--;
		const quoted = comma < lo - 1;
		if (comma < 1 || !(quoted ? /^[,—–?!]$/ : /^[,—–]$/).test(this.words[comma].text)) return false;
		if (!this.words.slice(0, comma).some((w) => w.upos === 'VERB' || w.upos === 'AUX')) return false;
		const next = this.words[i + 1];
		if (next && /^(that|the|a|an)$/i.test(next.text)) return false;
		return !this.dependents(i, 'ccomp', 'obj', 'xcomp').some((c) => this.extent(c)[0] === i + 1);
	}

	/** The words a verb of saying reports, as a span: the clause before a postposed attribution, else its complement clause. */
	reportedSpan(i: number): [number, number] | undefined {
		if (this.isPostposed(i)) {
			const sp = this.speakerBefore(i);
			let hi = this.nounPhrase(sp)[0] - 1;
			let lo = 0;
			while (lo < hi && /^([“"‘'([]|'')$/.test(this.words[lo].text)) lo++;
			while (hi > lo && /^([”"’',]|'')$/.test(this.words[hi].text)) hi--;
			return hi >= lo ? [lo, hi] : undefined;
		}
		const comp = this.complementOf(i);
		if (comp < 0) return undefined;
		const [lo, hi] = this.clause(comp);
		// A clause that contains the verb's own clause ends before it.
		const subj = this.subjectPhrase(i);
		const vlo = Math.min(this.extent(i)[0], subj ? subj[0] : i);
		const end = lo < vlo && vlo <= hi ? vlo - 1 : hi;
		let e = end;
		while (e > lo && /^[,;:—–-]$/.test(this.words[e].text)) e--;
		return e >= lo ? [lo, e] : undefined;
	}

	/** The agent of a passive verb ("accused by detractors"): its `obl:agent`, or an oblique marked "by"; -1 if none. */
	agentOf(i: number): number {
		const rel = this.children(i).find((c) => this.words[c].deprel === 'obl:agent');
		if (rel !== undefined) return rel;
		const by = this.dependents(i, 'obl').find((c) =>
			this.children(c).some((k) => this.words[k].deprel === 'case' && this.words[k].text.toLowerCase() === 'by'),
		);
		return by ?? -1;
	}

	/** True when the verb is an infinitive with "to" or an "-ing" form: one whose subject may be another verb's object ("urged them to testify"). */
	isNonFinite(i: number): boolean {
		return /ing$/i.test(this.words[i].text) || this.isInfinitive(i);
	}

	/** True when the verb is an infinitive with "to" ("to reveal", "to testify"). */
	isInfinitive(i: number): boolean {
		return this.dependents(i, 'mark').some((c) => this.words[c].text.toLowerCase() === 'to');
	}

	/** True when the verb's subject is a passive one (`nsubj:pass`, or a "be/get" auxiliary `aux:pass`). */
	isPassive(i: number): boolean {
		return this.children(i).some((c) => this.words[c].deprel === 'nsubj:pass' || this.words[c].deprel === 'aux:pass');
	}

	/**
	 * The subjects of a predicate as one phrase: all its subject dependents and what they head.
	 * `isPerson` tells a common noun that names people ("candidates", "attorney"), which a relative "who"
	 * can stand for.
	 */
	subjectPhrase(i: number, isPerson?: (lowerCaseWord: string) => boolean): [number, number] | undefined {
		const subs = this.dependents(i, 'nsubj', 'csubj');
		const first = this.subjectOf(i);
		if (first < 0) return undefined;
		let [lo, hi] = this.nounPhrase(first);
		for (const x of subs) {
			const [a, b] = this.nounPhrase(x);
			if (b + 1 >= lo && a - 1 <= hi) [lo, hi] = [Math.min(lo, a), Math.max(hi, b)];
		}
		// A phrase that starts with its preposition ("of the troops") lost its head noun to the left
		// ("Representatives of the troops"): take that noun's phrase in too. For "who", only when that noun
		// names people ("candidates in competitive races, who said"), not a thing ("further attacks by
		// Mr. Trump, who said").
		const who = subs.length > 0 && /^(who|whom)$/i.test(this.words[subs[0]].text);
		const left = lo > 0 ? this.words[lo - 1] : undefined;
		const people = !!left && (left.upos === 'PROPN' || /^\p{Lu}/u.test(left.text) || !!isPerson?.(left.text.toLowerCase()));
		if (this.words[lo].upos === 'ADP' && left && /^(NOUN|PROPN)$/.test(left.upos) && (!who || people)) {
			let k = lo - 1;
			while (k > 0 && /^(NOUN|PROPN|ADJ|DET|NUM)$/.test(this.words[k - 1].upos)) k--;
			lo = k;
		}
		// Otherwise a leading preposition ("with the airframer", "by the spokesman") is not the speaker's.
		while (lo < hi && this.words[lo].upos === 'ADP') lo++;
		// The speaker's phrase ends before the verb itself ("the board, stating …") and before the
		// relative pronoun of a clause it heads ("people who want …").
		if (lo < i && i <= hi) hi = i - 1;
		while (hi > lo && (RELATIVE.test(this.words[hi].text) || this.words[hi].upos === 'PUNCT')) hi--;
		return [lo, hi];
	}

	/**
	 * The clause a verb of saying reports: its `ccomp`, else the clause it is `parataxis` to (or a
	 * postposed conjunct of), or -1.
	 */
	complementOf(i: number): number {
		const c = this.dependents(i, 'ccomp', 'xcomp');
		if (c.length) return c[0];
		const w = this.words[i];
		if ((w.deprel === 'parataxis' || (w.deprel === 'conj' && this.isPostposed(i))) && w.head >= 0 && w.head < i) return w.head;
		const p = this.dependents(i, 'parataxis');
		return p.length ? p[0] : -1;
	}

	/**
	 * The source of "according to X": X's noun phrase, and the clause X is attached to (without X's
	 * phrase), from the word "according" (or "to" after it). Undefined when the parse does not have it.
	 */
	accordingTo(i: number): { source: [number, number]; clause?: [number, number] } | undefined {
		const at = this.words[i]?.text.toLowerCase() === 'according' ? i : this.words[i - 1]?.text.toLowerCase() === 'according' ? i - 1 : -1;
		if (at < 0) return undefined;
		// The noun "according" (and "to") mark; else the first noun after "to".
		let x = this.words[at].head;
		if (x < 0 || x <= at || !/^(NOUN|PROPN|PRON|NUM)$/.test(this.words[x].upos)) {
			x = this.words.findIndex((w, k) => k > at + 1 && /^(NOUN|PROPN|PRON)$/.test(w.upos));
			if (x < 0) return undefined;
		}
		const [lo, hi] = this.nounPhrase(x);
		const source: [number, number] = [Math.max(lo, at + 2), hi];
		const host = this.words[x].head;
		if (host < 0) return { source };
		let [clo, chi] = this.clause(host);
		if (clo >= at && clo <= hi + 1) clo = hi + 1;
		if (chi >= at && chi <= hi) chi = at - 1;
		while (clo < chi && /^[,;:]$/.test(this.words[clo].text)) clo++;
		while (chi > clo && /^[,;:]$/.test(this.words[chi].text)) chi--;
		return chi >= clo ? { source, clause: [clo, chi] } : { source };
	}

	/** The span of a word's subtree (the phrase it heads): [first word, last word]. */
	extent(i: number, skip: (rel: string) => boolean = () => false): [number, number] {
		let lo = i;
		let hi = i;
		const walk = (j: number) => {
			for (const c of this.children(j)) {
				if (skip(this.words[c].deprel)) continue;
				if (c < lo) lo = c;
				if (c > hi) hi = c;
				walk(c);
			}
		};
		walk(i);
		return [lo, hi];
	}

	/** The noun phrase headed by a word, without a trailing relative clause or punctuation. */
	nounPhrase(i: number): [number, number] {
		return this.extent(i, (rel) => rel === 'punct' || rel === 'acl:relcl' || rel === 'parataxis');
	}

	/** A clause's span: the subtree of its head, without the punctuation at its edges. */
	clause(i: number): [number, number] {
		let [lo, hi] = this.extent(i);
		while (lo < hi && this.words[lo].upos === 'PUNCT') lo++;
		while (hi > lo && this.words[hi].upos === 'PUNCT') hi--;
		return [lo, hi];
	}

	/** The apposition and title chain of a noun: the person a phrase like "spokeswoman Anna Berg" names. */
	namedHead(i: number): number {
		const w = this.words[i];
		if (w.upos === 'PROPN') return i;
		const named = this.children(i).filter((c) => this.words[c].upos === 'PROPN' && /^(appos|flat|compound)/.test(this.words[c].deprel));
		return named.length ? named[named.length - 1] : i;
	}

	/** Text of words `lo..hi` as written. */
	text(source: string, lo: number, hi: number): string {
		return source.slice(this.words[lo].start, this.words[hi].end);
	}
}

/** The syntax of one document, parsed sentence by sentence when first asked for. */
export class DocumentSyntax {
	private readonly parsed = new Map<number, SentenceSyntax>();
	constructor(
		readonly model: SyntaxModel,
		readonly doc: SeedDocument,
	) {}

	/** The parse of sentence `i` of the document. */
	sentence(i: number): SentenceSyntax {
		let s = this.parsed.get(i);
		if (!s) {
			const sent = this.doc.sentences[i];
			s = parseSpan(this.model, this.doc.text, this.doc.tokens.slice(sent.first, sent.last));
			this.parsed.set(i, s);
		}
		return s;
	}

	/** Index of the sentence containing a text offset, or -1. */
	sentenceAt(offset: number): number {
		const ss = this.doc.sentences;
		let lo = 0;
		let hi = ss.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (ss[mid].end <= offset) lo = mid + 1;
			else if (ss[mid].start > offset) hi = mid - 1;
			else return mid;
		}
		return -1;
	}

	/** How many sentences have been parsed so far. */
	get parsedCount(): number {
		return this.parsed.size;
	}
}
