/** `seed-lens parse`: CoNLL-U for seed files, or a re-tag and re-parse of a CoNLL-U file's gold tokens. */
import { parseDocument } from '../analysis/document';
import { parseSpan, readConllu, writeConllu, type ConlluSentence, type SyntaxModel } from '../analysis/syntax';
import { UPOS } from '../analysis/syntax/tagger';

/** CoNLL-U of every sentence of a seed file: tokens, UPOS, HEAD, DEPREL and `SpaceAfter=No`. */
export function parseSeed(model: SyntaxModel, name: string, text: string): string {
	const doc = parseDocument(text);
	const sentences: ConlluSentence[] = doc.sentences.map((s, n) => {
		const parsed = parseSpan(model, text, doc.tokens.slice(s.first, s.last));
		return {
			comments: [`# sent_id = ${name}#${n + 1}`, `# text = ${text.slice(s.start, s.end).replace(/\s+/g, ' ')}`],
			words: parsed.words.map((w) => ({
				form: w.text.replace(/\s/g, '_'),
				lemma: '_',
				upos: w.upos,
				xpos: '_',
				feats: '_',
				head: w.head + 1,
				deprel: w.deprel,
				deps: '_',
				misc: w.noSpaceAfter ? 'SpaceAfter=No' : '_',
			})),
			extra: [],
		};
	});
	return writeConllu(sentences);
}

/**
 * Re-tags and re-parses the basic words of a CoNLL-U file, keeping its tokens, comments, multiword-token
 * lines and empty nodes as they are; LEMMA, XPOS, FEATS and DEPS become `_` (not predicted).
 */
export function reparseConllu(model: SyntaxModel, text: string): string {
	const sentences = readConllu(text);
	for (const s of sentences) {
		if (!s.words.length) continue;
		const infos = model.infos(s.words.map((w) => w.form));
		const tags = model.tag(infos);
		const parse = model.parse(infos, tags);
		s.words.forEach((w, i) => {
			w.upos = UPOS[tags[i]];
			w.head = parse.heads[i];
			w.deprel = model.parser.labelNames[parse.labels[i]];
			w.lemma = w.xpos = w.feats = w.deps = '_';
		});
	}
	return writeConllu(sentences);
}

export const PARSE_USAGE = `Usage: seed-lens parse FILE|DIR...
       seed-lens parse --conllu FILE.conllu...

Prints CoNLL-U: part-of-speech tags (UPOS) and Universal Dependencies trees.

  FILE|DIR        seed files: every sentence, with its tokens, UPOS, HEAD, DEPREL
                  and SpaceAfter=No (directories are walked for *.txt and *.seed)
  --conllu        re-tag and re-parse the gold tokens of CoNLL-U files, keeping
                  their comments, multiword-token lines and empty nodes, so the
                  output can be scored with the CoNLL 2018 evaluation script
  -h, --help      this help

Exit status: 0 when every file was parsed, 1 when a file could not be read or
parsed, 2 on bad arguments.`;

/** Runs `seed-lens parse` with its arguments; returns the exit status. */
export function runParse(
	args: string[],
	io: { model: () => SyntaxModel; expand: (f: string[]) => string[]; read: (f: string) => string; out: (s: string) => void; err: (s: string) => void },
): number {
	if (args.includes('-h') || args.includes('--help')) {
		io.out(PARSE_USAGE + '\n');
		return 0;
	}
	const conllu = args.includes('--conllu');
	const bad = args.find((a) => a.startsWith('-') && a !== '--conllu' && a !== '-');
	const files = args.filter((a) => a !== '--conllu');
	if (bad || !files.length) {
		io.err(`seed-lens: ${bad ? `unknown option “${bad}”` : 'no FILE given'}\n\n${PARSE_USAGE}\n`);
		return 2;
	}
	let model: SyntaxModel;
	try {
		model = io.model();
	} catch (e) {
		io.err(`seed-lens: ${(e as Error).message}\n`);
		return 1;
	}
	let status = 0;
	for (const file of conllu ? files : io.expand(files)) {
		try {
			const text = io.read(file);
			io.out(conllu ? reparseConllu(model, text) : parseSeed(model, file, text));
		} catch (e) {
			io.err(`seed-lens: ${file}: ${(e as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a directory' : (e as Error).message}\n`);
			status = 1;
		}
	}
	return status;
}
