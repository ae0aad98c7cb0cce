#!/usr/bin/env node
/** seed-lens: the analysis core behind a command line. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { ANALYZE_USAGE, parseAnalyzeArgs } from './cli/analyzeArgs';
import { runAnalyze } from './cli/batch';

const USAGE = ANALYZE_USAGE;

function fail(message: string): never {
	process.stderr.write(`seed-lens: ${message}\n\n${USAGE}\n`);
	process.exit(2);
}

function main(): void {
	const [command, ...rest] = process.argv.slice(2);
	if (!command || command === '-h' || command === '--help') {
		process.stdout.write(USAGE + '\n');
		process.exit(0);
	}
	if (command !== 'analyze') fail(`unknown command “${command}”`);
	const args = parseAnalyzeArgs(rest, os.availableParallelism?.() ?? os.cpus().length);
	if ('help' in args) {
		process.stdout.write(USAGE + '\n');
		process.exit(0);
	}
	if ('error' in args) fail(args.error);
	if (args.filesFrom !== undefined && args.filesFrom !== '-' && !fs.existsSync(args.filesFrom)) fail(`--files-from: no such file “${args.filesFrom}”`);
	// A closed pipe (`| head`) ends the run quietly.
	process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
	runAnalyze(args).then(
		(status) => (process.exitCode = status),
		(e: unknown) => {
			process.stderr.write(`seed-lens: ${e instanceof Error ? e.message : String(e)}\n`);
			process.exitCode = 1;
		},
	);
}

main();
