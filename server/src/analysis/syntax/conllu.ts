/**
 * CoNLL-U (https://universaldependencies.org/format.html): reading the basic trees of a treebank and
 * writing parses back. Pure text in, text out.
 *
 * Multiword-token lines (`4-5 won't`) and empty nodes (`8.1`) are not words of the basic tree: the
 * reader keeps them as verbatim lines so that a re-parse can be written back with them in place (the
 * CoNLL 2018 evaluation script reads them), and the words between them are what is tagged and parsed.
 */

/** One word of a sentence (a basic-tree node). Heads are 1-based, 0 for the root, -1 when unknown. */
export interface ConlluWord {
	form: string;
	lemma: string;
	upos: string;
	xpos: string;
	feats: string;
	head: number;
	deprel: string;
	deps: string;
	misc: string;
}

export interface ConlluSentence {
	/** Comment lines (`# text = …`), without their line ends. */
	comments: string[];
	words: ConlluWord[];
	/** Multiword-token and empty-node lines, each with the number of basic words that precede it. */
	extra: { before: number; line: string }[];
}

/** Reads every sentence of a CoNLL-U text; malformed word lines throw with their line number. */
export function readConllu(text: string): ConlluSentence[] {
	const out: ConlluSentence[] = [];
	let cur: ConlluSentence = { comments: [], words: [], extra: [] };
	const lines = text.split(/\r?\n/);
	const flush = () => {
		if (cur.words.length || cur.comments.length) out.push(cur);
		cur = { comments: [], words: [], extra: [] };
	};
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n];
		if (line.trim() === '') {
			flush();
			continue;
		}
		if (line.startsWith('#')) {
			cur.comments.push(line);
			continue;
		}
		const cols = line.split('\t');
		if (cols.length !== 10) throw new Error(`line ${n + 1}: expected 10 tab-separated columns, found ${cols.length}`);
		const id = cols[0];
		if (id.includes('-') || id.includes('.')) {
			cur.extra.push({ before: cur.words.length, line });
			continue;
		}
		if (Number(id) !== cur.words.length + 1) throw new Error(`line ${n + 1}: word id ${id} out of sequence`);
		const head = cols[6] === '_' ? -1 : Number(cols[6]);
		if (!Number.isInteger(head)) throw new Error(`line ${n + 1}: head “${cols[6]}” is not a number`);
		cur.words.push({
			form: cols[1],
			lemma: cols[2],
			upos: cols[3],
			xpos: cols[4],
			feats: cols[5],
			head,
			deprel: cols[7],
			deps: cols[8],
			misc: cols[9],
		});
	}
	flush();
	return out;
}

/** Writes sentences as CoNLL-U, each followed by a blank line. */
export function writeConllu(sentences: readonly ConlluSentence[]): string {
	const parts: string[] = [];
	for (const s of sentences) {
		for (const c of s.comments) parts.push(c);
		let e = 0;
		s.words.forEach((w, i) => {
			while (e < s.extra.length && s.extra[e].before <= i) parts.push(s.extra[e++].line);
			parts.push([i + 1, w.form, w.lemma, w.upos, w.xpos, w.feats, w.head < 0 ? '_' : w.head, w.deprel, w.deps, w.misc].join('\t'));
		});
		while (e < s.extra.length) parts.push(s.extra[e++].line);
		parts.push('');
	}
	return parts.join('\n') + (parts.length ? '\n' : '');
}
