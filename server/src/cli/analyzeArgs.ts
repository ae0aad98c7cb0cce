/** The arguments of `seed-lens analyze`, read into plain options (no I/O: the caller reports errors). */
import { parseShard, type Shard } from './shard';

export type Format = 'json' | 'jsonl' | 'text' | 'sarif';
export type Recogniser = 'rules' | 'model' | 'both';

export interface AnalyzeArgs {
	format: Format;
	/** Files and directories named on the command line. */
	inputs: string[];
	/** A file listing inputs one per line, or `-` for standard input. */
	filesFrom?: string;
	maxFileSize?: number;
	maxParsedSize?: number;
	entities?: Recogniser;
	/** Worker threads. */
	jobs: number;
	/** `--jobs` was given: every thread starts at once (by default, threads past the first wait for a large enough corpus). */
	jobsGiven: boolean;
	/** Results in the order they are ready instead of the order of the inputs. */
	unordered: boolean;
	/** A folder for one result file per input (resumable). */
	out?: string;
	/** Redo inputs whose result in `out` is up to date. */
	force: boolean;
	shard?: Shard;
	/** No progress bar and no summary. */
	quiet: boolean;
	/** `--no-annotations`: the `.ann` files beside the seeds are not read (machine suggestions only). */
	noAnnotations?: boolean;
	/** `--model FILE`: names learned from reviewed annotations (`seed-lens train`). */
	model?: string;
}

export const ANALYZE_USAGE = `Usage: seed-lens analyze [options] FILE|DIR...

Analyses seed files (a first line "date YYYY-MM-DD Title", then paragraphs) and
reports their entities, dates, claims and problems.

  --format json   one JSON array on stdout, one element per file (ANNOTATIONS.md)
  --format jsonl  one JSON object per line, per file, written as soon as it is
                  ready (the same element as in the array); memory stays flat
  --format text   a readable report (default)
  --format sarif  a SARIF 2.1.0 log of the claims and problems, for code-scanning tools
  --max-file-size N  skip analysis of files over N characters (default 5000000)
  --max-parsed-size N
                     read claims without parsing in files over N characters (default 200000)
  --entities rules|model|both  entity recognisers: gazetteers and rules, the
                  trained tagger, or both (default)

Corpora:
  -j, --jobs N    analyse on N worker threads (default: the number of cores,
                  the second and later ones only once 200 files are waiting:
                  each thread first spends a second or two warming up)
  --unordered     write results as they are ready, not in the order of the
                  inputs (faster when file sizes vary a lot)
  --files-from F  also read inputs from file F, one path per line; "-" reads
                  standard input (for lists too long for a command line)
  --out DIR       write one result per input to DIR/<path>.json, mirroring the
                  tree below each input directory (files named directly: below
                  the current directory); inputs whose result is newer than the
                  input are skipped, so an interrupted run resumes where it stopped
  --force         with --out, analyse every input again
  --shard I/N     only the I-th of N shares of the inputs (0 <= I < N), chosen by
                  a stable hash of each path relative to its input directory:
                  N machines or job-array tasks split a corpus with no coordination
  -q, --quiet     no progress bar (shown on stderr in a terminal) and no summary
  --model FILE    apply the names learned from reviewed annotations
                  (seed-lens train; default: none)
  --no-annotations  leave out the human annotations of the NAME.ann files beside
                  the seeds (by default they win over the machine's)
  -h, --help      this help

Directories are walked for *.txt and *.seed files. Exit status: 0 when every
file was analysed, 1 when a file could not be read, 2 on bad arguments.`;

const FORMATS: readonly Format[] = ['json', 'jsonl', 'text', 'sarif'];
const WITH_VALUE = new Set(['--model', '--format', '--max-file-size', '--max-parsed-size', '--entities', '--jobs', '-j', '--files-from', '--out', '--shard']);

/** Reads the arguments after `analyze`: the options, `help`, or the error to report. */
export function parseAnalyzeArgs(args: string[], cores: number): AnalyzeArgs | { help: true } | { error: string } {
	const a: AnalyzeArgs = { format: 'text', inputs: [], jobs: cores, jobsGiven: false, unordered: false, force: false, quiet: false };
	let formatGiven = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
		const name = eq > 0 ? arg.slice(0, eq) : arg;
		let value = '';
		if (WITH_VALUE.has(name)) {
			if (eq > 0) value = arg.slice(eq + 1);
			else if (i + 1 < args.length) value = args[++i];
			else return { error: `${name} needs a value` };
		} else if (eq > 0) return { error: `${name} takes no value` };
		switch (name) {
			case '-h':
			case '--help':
				return { help: true };
			case '--format':
				if (!FORMATS.includes(value as Format)) return { error: `unknown format “${value}”: use json, jsonl, text or sarif` };
				a.format = value as Format;
				formatGiven = true;
				break;
			case '--max-file-size':
				a.maxFileSize = Number(value);
				if (!Number.isFinite(a.maxFileSize) || a.maxFileSize <= 0) return { error: '--max-file-size takes a positive number' };
				break;
			case '--max-parsed-size':
				a.maxParsedSize = Number(value);
				if (!Number.isInteger(a.maxParsedSize) || a.maxParsedSize < 0) return { error: '--max-parsed-size takes a whole number, 0 or more' };
				break;
			case '--entities':
				if (value !== 'rules' && value !== 'model' && value !== 'both') return { error: `unknown entity recogniser “${value}”: use rules, model or both` };
				a.entities = value;
				break;
			case '-j':
			case '--jobs':
				a.jobs = Number(value);
				if (!/^\d+$/.test(value) || a.jobs < 1 || a.jobs > 256) return { error: '--jobs takes a whole number from 1 to 256' };
				a.jobsGiven = true;
				break;
			case '--unordered':
				a.unordered = true;
				break;
			case '--files-from':
				if (!value) return { error: '--files-from takes a file, or - for standard input' };
				a.filesFrom = value;
				break;
			case '--out':
				if (!value) return { error: '--out takes a directory' };
				a.out = value;
				break;
			case '--force':
				a.force = true;
				break;
			case '--shard': {
				const shard = parseShard(value);
				if (!shard) return { error: `--shard takes I/N with 0 <= I < N, e.g. 0/4 (got “${value}”)` };
				a.shard = shard;
				break;
			}
			case '-q':
			case '--quiet':
				a.quiet = true;
				break;
			case '--model':
				if (!value) return { error: '--model takes a file' };
				a.model = value;
				break;
			case '--no-annotations':
				a.noAnnotations = true;
				break;
			default:
				if (arg.startsWith('-') && arg !== '-') return { error: `unknown option “${arg}”` };
				a.inputs.push(arg);
		}
	}
	if (!a.inputs.length && a.filesFrom === undefined) return { error: 'no FILE or DIR given' };
	if (a.out !== undefined && formatGiven && a.format !== 'json' && a.format !== 'jsonl')
		return { error: `--out writes one JSON result per input; --format ${a.format} cannot be combined with it` };
	if (a.force && a.out === undefined) return { error: '--force only applies with --out' };
	return a;
}
