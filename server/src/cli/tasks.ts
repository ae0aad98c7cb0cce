/** The messages between `seed-lens analyze` and its worker threads, and what both sides make of a task. */
import type { AnalysisOptions } from '../analysis';
import type { Format } from './analyzeArgs';
import { textReport } from './textReport';

/** What every task of a run shares, given when the worker starts. */
export interface WorkerSetup {
	options: Partial<AnalysisOptions>;
	format: Format;
	out?: string;
	force: boolean;
	/** Read each seed's `.ann` (human annotations) unless false. */
	human?: boolean;
}

/** One file to analyse; `i` is its place among the inputs. */
export interface Task {
	i: number;
	file: string;
	rel: string;
}

export interface Batch {
	batch: number;
	tasks: Task[];
}

/** The outcome of one task: the result's text for the output (none with `--out`), its words, and whether it failed or was skipped. */
export interface TaskResult {
	i: number;
	text?: string;
	words: number;
	/** Why the file has no analysis (unreadable, or the analysis threw), and the file. */
	error?: string;
	file?: string;
	/** With `--out`: the result was already up to date. */
	skipped?: boolean;
}

export interface BatchAnswer {
	batch: number;
	results: TaskResult[];
	/** How far the thread's heap has grown since it loaded the syntax model, in MB (V8's total heap and typed arrays). */
	grownMB: number;
}

// What `\s` matches beyond ASCII.
const isUnicodeSpace = (c: number) =>
	c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** Whitespace-separated words (as `/\S+/g` counts them), the unit of the progress figures. */
export function countWords(text: string): number {
	let n = 0;
	let inWord = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const space = c === 32 || (c >= 9 && c <= 13) || (c >= 160 && isUnicodeSpace(c));
		if (!space && !inWord) n++;
		inWord = !space;
	}
	return n;
}

/** The message of a failure to read or analyse a file. */
export function errorText(e: unknown): string {
	return (e as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a directory' : e instanceof Error ? e.message : String(e);
}

/** The error element of a file with no analysis, in the run's format (for the output when `print`). */
export function failed(task: Task, error: string, setup: Pick<WorkerSetup, 'format'>, print = true): TaskResult {
	const element = { file: task.file, error };
	const text = print ? (setup.format === 'text' ? textReport(element as never) : JSON.stringify(element)) : undefined;
	return { i: task.i, words: 0, error, file: task.file, text };
}
