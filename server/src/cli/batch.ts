/**
 * `seed-lens analyze` over any number of files: the inputs listed as a stream (and shared out by
 * `--shard`), analysed on worker threads, written in order as they are ready (or to one result
 * file each with `--out`), with progress and a summary on stderr.
 */
import * as fs from 'node:fs';
import { readLearned, type LearnedNames } from '../analysis/human/learned';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { AnalyzeArgs } from './analyzeArgs';
import type { TaskResult, WorkerSetup } from './tasks';
import { listInputs } from './files';
import { Output } from './output';
import { FILES_FOR_MORE_THREADS, WorkerPool } from './pool';
import { Progress, summaryLine, type Counts } from './progress';
import { inShard } from './shard';

/**
 * How far V8 lets a heap grow past what the last full collection kept (30 %, for V8's default of up
 * to 100 % and more). The threads keep their caches (word forms, the tagger's per-word scores) from
 * file to file, and V8 let each heap settle well above what it holds: two threads over 10,000 files
 * peaked at 400 MB without this, 370 MB with it (no run was slower for it).
 */
const HEAP_GROWING_PERCENT = 30;

/** Where the worker bundle lies, beside the command line's own bundle. */
export const WORKER_FILE = path.join(__dirname, 'batchWorker.js');

/** Analyses the inputs of `args`; resolves to the exit status (0 every file analysed, 1 a file failed). */
export async function runAnalyze(args: AnalyzeArgs, workerFile = WORKER_FILE): Promise<number> {
	if (!fs.existsSync(workerFile)) throw new Error(`the analysis worker ${workerFile} is missing from the installation`);
	// Read by V8 at each collection, for every thread of the process: set before the threads start.
	v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
	const learned = args.model === undefined ? undefined : readModel(args.model);
	const setup: WorkerSetup = {
		options: {
			...(args.maxFileSize ? { maxFileSize: args.maxFileSize } : {}),
			...(args.maxParsedSize !== undefined ? { maxParsedSize: args.maxParsedSize } : {}),
			...(args.entities ? { entityRecogniser: args.entities } : {}),
			...(learned ? { learned } : {}),
		},
		format: args.format,
		out: args.out,
		force: args.force,
		human: !args.noAnnotations,
	};
	// SARIF numbers the files in input order; results written to files need no order.
	const ordered = args.out === undefined && (!args.unordered || args.format === 'sarif');
	const output = new Output(args.out === undefined ? args.format : undefined, ordered, (chunk) => process.stdout.write(chunk));
	const progress = new Progress(!args.quiet && process.stderr.isTTY === true);
	const counts: Counts = { files: 0, words: 0, errors: 0, skipped: 0 };
	const seconds = () => performance.now() / 1000; // since the process started
	let total: number | undefined;

	const received = (results: TaskResult[]) => {
		for (const r of results) {
			counts.files++;
			counts.words += r.words;
			if (r.skipped) counts.skipped++;
			if (r.error !== undefined) {
				counts.errors++;
				// Results in files leave nothing on stdout to say what failed.
				if (args.out !== undefined) {
					progress.clear();
					process.stderr.write(`seed-lens: ${r.file}: ${r.error}\n`);
				}
			}
		}
		output.accept(results);
		pool.moved();
		progress.update(counts, total, seconds());
	};
	const window = Math.max(256, args.jobs * 64);
	const pool = new WorkerPool(workerFile, args.jobs, setup, received, () => output.position + window, args.jobsGiven ? 0 : FILES_FOR_MORE_THREADS);

	let n = 0;
	try {
		for await (const input of listInputs(args.inputs, args.filesFrom)) {
			if (!inShard(input.rel, args.shard)) continue;
			await pool.push({ i: n++, ...input });
		}
	} finally {
		total = n;
		pool.end();
	}
	await pool.done;
	output.finish();
	progress.clear();
	if (!args.quiet) process.stderr.write(summaryLine(counts, seconds()) + '\n');
	return counts.errors ? 1 : 0;
}

/** Reads a learned-names model (`seed-lens train`); throws with the reason when it is not one. */
function readModel(file: string): LearnedNames {
	const model = readLearned(JSON.parse(fs.readFileSync(file, 'utf8')));
	if (!model) throw new Error(`${file} is not a Seed Lens model written by seed-lens train`);
	return model;
}
