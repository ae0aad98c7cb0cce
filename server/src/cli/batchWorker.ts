/**
 * A worker thread of `seed-lens analyze`: it loads the analysis core and its models once, then
 * reads, analyses and serialises the files it is sent, in batches, and answers with the finished
 * text of each result (or writes it to its result file with `--out`), so that the main thread
 * only orders and writes strings.
 */
import { existsSync as fsExists } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { analyze } from '../analysis';
import { annPathOf, readAnnSync } from '../workspace/annFiles';
import { readSeed } from './files';
import { resultPath, upToDate, writeResult } from './resultFiles';
import { countWords, errorText, failed, type Batch, type BatchAnswer, type Task, type TaskResult, type WorkerSetup } from './tasks';
import { textReport } from './textReport';
import { syntaxModelOrNone } from '../syntaxModel';

/** Reads, analyses and formats one file. */
export function runTask(task: Task, setup: WorkerSetup): TaskResult {
	const { file } = task;
	const target = setup.out === undefined ? undefined : resultPath(setup.out, task.rel);
	const ann = setup.human === false ? undefined : annPathOf(file);
	if (target && !setup.force && upToDate(file, target) && (!ann || upToDate(ann, target) || !fsExists(ann))) return { i: task.i, words: 0, skipped: true };
	let text: string;
	let human: string | undefined;
	try {
		text = readSeed(file);
		human = ann && readAnnSync(ann);
	} catch (e) {
		return failed(task, errorText(e), setup, !target);
	}
	// A test hook: stops the thread as a crash in the core would, to test that the run survives it.
	if (process.env.SEED_LENS_TEST_CRASH && file.includes(process.env.SEED_LENS_TEST_CRASH)) process.exit(70);
	let element;
	try {
		element = { file, ...analyze(text, { ...setup.options, syntax: syntaxModelOrNone(), ...(human === undefined ? {} : { human }) }) };
	} catch (e) {
		return failed(task, `the analysis failed: ${errorText(e)}`, setup, !target);
	}
	const words = countWords(text);
	if (target) {
		writeResult(target, JSON.stringify(element) + '\n');
		return { i: task.i, words };
	}
	return { i: task.i, words, text: setup.format === 'text' ? textReport(element) : JSON.stringify(element) };
}

if (parentPort) {
	const port = parentPort;
	const setup = workerData as WorkerSetup;
	// The syntax model's tables are a fixed cost of every thread, not growth: the heap budget counts from here.
	syntaxModelOrNone();
	const baseMB = heapMB();
	port.on('message', (m: Batch) => {
		const results = m.tasks.map((t) => {
			try {
				return runTask(t, setup);
			} catch (e) {
				// Writing a result failed (disk full, no permission): that file is not done.
				return failed(t, errorText(e), setup, setup.out === undefined);
			}
		});
		port.postMessage({ batch: m.batch, results, grownMB: heapMB() - baseMB } satisfies BatchAnswer);
	});
}

/** The thread's V8 heap and the memory its typed arrays hold, in MB. */
function heapMB(): number {
	const h = getHeapStatistics();
	return (h.total_heap_size + h.external_memory) / 2 ** 20;
}
