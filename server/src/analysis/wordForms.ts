/**
 * The spellings of tokens: one `WordForm` per spelling, shared by every token spelt alike (short
 * words in Latin script; others get their own), so that what later stages derive from a spelling
 * alone is worked out once and found without looking the text up again. The table of shared forms
 * is one of the core's memories (memory.ts: its bound and its reset rule); the answers later stages
 * keep on a form (`tagger`, `gazetteer`, `triggers`) are worked out from its spelling alone.
 */
import { coreMemory, type Memory } from './memory';

export type TokenKind = 'word' | 'number' | 'punct';

/**
 * One spelling of a token. Tokens spelt alike share it across documents (short words in Latin script;
 * others get their own), so what later stages derive from the text alone is worked out once per
 * spelling and found without looking the text up again.
 */
export interface WordForm {
	readonly text: string;
	/** The text in lower case. */
	readonly lower: string;
	/** The entity tagger's memo of this spelling (its own type; undefined until the tagger meets it). */
	tagger: unknown;
	/** The gazetteer's trie node for names starting with this word (null: none; undefined until looked up). */
	gazetteer: unknown;
	/** What a token of this spelling is. */
	readonly kind: TokenKind;
	/** The claim finder's trigger bits for this spelling (-1 until looked up). */
	triggers: number;
}

const LETTER_OR_MARK = /^[\p{L}\p{M}]/u;
const DIGIT = /^\p{N}/u;

function kindOf(t: string): TokenKind {
	const c = t.charCodeAt(0);
	if (c < 128) {
		if (c >= 48 && c <= 57) return 'number';
		if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 'word';
		if (c === 39 && t.length === 2) return 'word'; // 's
		return 'punct';
	}
	if (DIGIT.test(t)) return 'number';
	if (LETTER_OR_MARK.test(t) || t === '’s') return 'word';
	return 'punct';
}

// The same words recur through a document and across documents: each spelling is met once.
// Longer texts get a form of their own rather than a shared one (a megabyte-long "word" stays out of the table).
const SHARED_LENGTH = 64;
const FORMS_LIMIT = 100_000;

// `word` equals `text` from `start` on, for word.length characters.
function sameChars(word: string, text: string, start: number): boolean {
	for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
	return true;
}

/**
 * The shared forms, by spelling: an open-addressing table hashed over the document's characters, so a
 * token's form is found without first copying its text out of the document (the copy, and a Map's own
 * hashing of it, were a tenth of reading a document).
 */
class FormTable implements Memory {
	readonly name = 'shared word forms (with the tagger, gazetteer and claim-trigger answers per spelling)';
	readonly limit = FORMS_LIMIT;
	private slots: (WordForm | undefined)[] = new Array<WordForm | undefined>(1 << 15);
	private hashes = new Int32Array(1 << 15);
	private count = 0;

	get size(): number {
		return this.count;
	}

	/** Starts afresh: forms handed out before keep their answers, but are no longer found by spelling. */
	clear(): void {
		this.slots = new Array<WordForm | undefined>(1 << 15);
		this.hashes = new Int32Array(1 << 15);
		this.count = 0;
	}

	get(text: string, start: number, end: number): WordForm {
		let h = 0x811c9dc5 | 0;
		for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
		// Stored hashes are never 0, which marks an empty slot: a probe reads the hash array alone
		// until a hash matches.
		h = h | 1;
		const hashes = this.hashes;
		const mask = hashes.length - 1;
		const len = end - start;
		for (let s = h & mask; ; s = (s + 1) & mask) {
			const k = hashes[s];
			if (k === 0) return this.add(s, h, text.slice(start, end));
			if (k !== h) continue;
			const f = this.slots[s]!;
			if (f.text.length === len && sameChars(f.text, text, start)) return f;
		}
	}

	private add(s: number, h: number, text: string): WordForm {
		const form = newForm(text);
		if (this.count >= FORMS_LIMIT) {
			this.clear();
			return this.put(form, h);
		}
		this.slots[s] = form;
		this.hashes[s] = h;
		if (++this.count * 2 > this.slots.length) this.grow();
		return form;
	}

	private put(form: WordForm, h: number): WordForm {
		const mask = this.slots.length - 1;
		let s = h & mask;
		while (this.slots[s] !== undefined) s = (s + 1) & mask;
		this.slots[s] = form;
		this.hashes[s] = h;
		this.count++;
		return form;
	}

	private grow(): void {
		const { slots, hashes } = this;
		this.slots = new Array<WordForm | undefined>(slots.length * 2);
		this.hashes = new Int32Array(slots.length * 2);
		this.count = 0;
		for (let s = 0; s < slots.length; s++) {
			const f = slots[s];
			if (f !== undefined) this.put(f, hashes[s]);
		}
	}
}

const forms = coreMemory.own(new FormTable());

function newForm(text: string): WordForm {
	return { text, lower: text.toLowerCase(), tagger: undefined, gazetteer: undefined, kind: kindOf(text), triggers: -1 };
}

/** The form of `text[start, end)`: shared for short words in Latin script, a fresh one otherwise. */
export function formAt(text: string, start: number, end: number): WordForm {
	// Words in other scripts are not shared: they are rare in news, and a megabyte of random
	// letters would fill the table with words never seen again.
	if (end - start > SHARED_LENGTH || text.charCodeAt(start) >= 128) return newForm(text.slice(start, end));
	return forms.get(text, start, end);
}

/** The form of a spelling: shared for short words in Latin script, a fresh one otherwise. */
export function formOf(text: string): WordForm {
	return formAt(text, 0, text.length);
}

/** `text.toLowerCase()`, remembered per spelling. */
export function lowerCase(text: string): string {
	return formOf(text).lower;
}
