#!/usr/bin/env node
/** seed-lens: the analysis core behind a command line. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { ANALYZE_USAGE, parseAnalyzeArgs } from './cli/analyzeArgs';
import { runAnalyze } from './cli/batch';
import { CORPUS_USAGE, parseCorpusArgs, runCorpus } from './cli/corpus';
import { listInputs, readSeed } from './cli/files';
import { runParse } from './cli/parse';
import { ANNOTATIONS_USAGE, runAgree, runExport, runImport, runTrain } from './cli/annotations';
import { syntaxModel } from './syntaxModel';

const USAGE = `${ANALYZE_USAGE}

       seed-lens parse [--conllu] FILE...   (CoNLL-U tags and trees; seed-lens parse --help)
       seed-lens corpus [--format text|json] DIR...   (entities, timeline and conflicts across documents; seed-lens corpus --help)
${ANNOTATIONS_USAGE}`;

function fail(message: string): never {
	process.stderr.write(`seed-lens: ${message}\n\n${USAGE}\n`);
	process.exit(2);
}

/** `seed-lens parse`: the seed files of the arguments (directories walked), tagged and parsed. */
async function parse(args: string[]): Promise<number> {
	const files: string[] = [];
	if (!args.includes('--conllu')) for await (const input of listInputs(args.filter((a) => !a.startsWith('-')))) files.push(input.file);
	const io = {
		model: syntaxModel,
		expand: () => files,
		read: readSeed,
		out: (s: string) => process.stdout.write(s),
		err: (s: string) => process.stderr.write(s),
	};
	return runParse(args, io);
}

/** `seed-lens corpus`: the cross-document report. */
function corpus(args: string[]): void {
	const parsed = parseCorpusArgs(args);
	if ('help' in parsed) return void process.stdout.write(CORPUS_USAGE + '\n');
	if ('error' in parsed) {
		process.stderr.write(`seed-lens: ${parsed.error}\n\n${CORPUS_USAGE}\n`);
		process.exit(2);
	}
	runCorpus(
		parsed,
		(s) => process.stdout.write(s),
		(s) => process.stderr.write(s),
	).then(
		(status) => (process.exitCode = status),
		(e: unknown) => {
			process.stderr.write(`seed-lens: ${e instanceof Error ? e.message : String(e)}\n`);
			process.exitCode = 1;
		},
	);
}

function main(): void {
	const [command, ...rest] = process.argv.slice(2);
	if (!command || command === '-h' || command === '--help') {
		process.stdout.write(USAGE + '\n');
		process.exit(0);
	}
	// A closed pipe (`| head`) ends the run quietly.
	process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
	if (command === 'parse') {
		parse(rest).then(
			(status) => (process.exitCode = status),
			(e: unknown) => {
				process.stderr.write(`seed-lens: ${e instanceof Error ? e.message : String(e)}\n`);
				process.exitCode = 1;
			},
		);
		return;
	}
	if (command === 'corpus') return corpus(rest);
	const annotations = new Map([
		['export', runExport],
		['import', runImport],
		['agree', runAgree],
		['train', runTrain],
	]).get(command);
	if (annotations) {
		const io = { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s) };
		annotations(rest, io).then(
			(status) => (process.exitCode = status),
			(e: unknown) => {
				process.stderr.write(`seed-lens: ${e instanceof Error ? e.message : String(e)}\n`);
				process.exitCode = 1;
			},
		);
		return;
	}
	if (command !== 'analyze') fail(`unknown command “${command}”: use analyze, parse, corpus, export, import, agree or train`);
	const args = parseAnalyzeArgs(rest, os.availableParallelism?.() ?? os.cpus().length);
	if ('help' in args) {
		process.stdout.write(USAGE + '\n');
		process.exit(0);
	}
	if ('error' in args) fail(args.error);
	if (args.filesFrom !== undefined && args.filesFrom !== '-' && !fs.existsSync(args.filesFrom)) fail(`--files-from: no such file “${args.filesFrom}”`);
	runAnalyze(args).then(
		(status) => (process.exitCode = status),
		(e: unknown) => {
			process.stderr.write(`seed-lens: ${e instanceof Error ? e.message : String(e)}\n`);
			process.exitCode = 1;
		},
	);
}

main();
