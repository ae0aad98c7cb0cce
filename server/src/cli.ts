#!/usr/bin/env node
/** seed-lens: the analysis core behind a command line. */
import { analyze, type DocumentAnnotations } from './analysis';
import { expandInputs, readSeed } from './cli/files';
import { runParse } from './cli/parse';
import { sarif } from './cli/sarif';
import { textReport } from './cli/textReport';
import { syntaxModel } from './syntaxModel';

const USAGE = `Usage: seed-lens analyze [--format json|text|sarif] [--max-file-size N] [--entities rules|model|both] FILE|DIR...
       seed-lens parse [--conllu] FILE...   (CoNLL-U tags and trees; seed-lens parse --help)

Analyses seed files (a first line "date YYYY-MM-DD Title", then paragraphs) and
reports their entities, dates, claims and problems.

  --format json   one JSON array on stdout, one element per file (ANNOTATIONS.md)
  --format text   a readable report (default)
  --format sarif  a SARIF 2.1.0 log of the claims and problems, for code-scanning tools
  --max-file-size N  skip analysis of files over N characters (default 5000000)
  --entities rules|model|both  entity recognisers: gazetteers and rules, the
                  trained tagger, or both (default)
  -h, --help      this help

Directories are walked for *.txt and *.seed files. Exit status: 0 when every
file was analysed, 1 when a file could not be read, 2 on bad arguments.`;

type Result = (DocumentAnnotations & { file: string }) | { file: string; error: string };

function fail(message: string): never {
	process.stderr.write(`seed-lens: ${message}\n\n${USAGE}\n`);
	process.exit(2);
}

function parseArgs(argv: string[]): { format: string; files: string[]; maxFileSize?: number; entities?: 'rules' | 'model' | 'both' } {
	const [command, ...rest] = argv;
	if (!command || command === '-h' || command === '--help') {
		process.stdout.write(USAGE + '\n');
		process.exit(0);
	}
	if (command !== 'analyze') fail(`unknown command “${command}”: use analyze or parse`);
	let format = 'text';
	let maxFileSize: number | undefined;
	let entities: 'rules' | 'model' | 'both' | undefined;
	const files: string[] = [];
	for (let i = 0; i < rest.length; i++) {
		const a = rest[i];
		if (a === '-h' || a === '--help') {
			process.stdout.write(USAGE + '\n');
			process.exit(0);
		} else if (a === '--format' || a.startsWith('--format=')) {
			format = a.includes('=') ? a.split('=')[1] : (rest[++i] ?? '');
			if (!['json', 'text', 'sarif'].includes(format)) fail(`unknown format “${format}”: use json, text or sarif`);
		} else if (a === '--max-file-size') {
			maxFileSize = Number(rest[++i]);
			if (!Number.isFinite(maxFileSize) || maxFileSize <= 0) fail('--max-file-size takes a positive number');
		} else if (a === '--entities' || a.startsWith('--entities=')) {
			const v = a.includes('=') ? a.split('=')[1] : (rest[++i] ?? '');
			if (v !== 'rules' && v !== 'model' && v !== 'both') fail(`unknown entity recogniser “${v}”: use rules, model or both`);
			entities = v;
		} else if (a.startsWith('-') && a !== '-') fail(`unknown option “${a}”`);
		else files.push(a);
	}
	if (!files.length) fail('no FILE or DIR given');
	return { format, files, maxFileSize, entities };
}

function progress(done: number, total: number): void {
	if (!process.stderr.isTTY || total < 20) return;
	const width = 30;
	const filled = Math.round((done / total) * width);
	process.stderr.write(`\r[${'█'.repeat(filled)}${'·'.repeat(width - filled)}] ${done}/${total}`);
	if (done === total) process.stderr.write('\n');
}

function main(): void {
	// A reader that stops early (`| head`) is not an error.
	process.stdout.on('error', (e: NodeJS.ErrnoException) => {
		if (e.code === 'EPIPE') process.exit(0);
		throw e;
	});
	if (process.argv[2] === 'parse') {
		const io = {
			model: syntaxModel,
			expand: expandInputs,
			read: readSeed,
			out: (s: string) => process.stdout.write(s),
			err: (s: string) => process.stderr.write(s),
		};
		process.exitCode = runParse(process.argv.slice(3), io);
		return;
	}
	const { format, files, maxFileSize, entities } = parseArgs(process.argv.slice(2));
	const inputs = expandInputs(files);
	const results: Result[] = [];
	let failed = false;
	inputs.forEach((file, i) => {
		let text: string;
		try {
			text = readSeed(file);
		} catch (e) {
			failed = true;
			results.push({ file, error: (e as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a directory' : (e as Error).message });
			return;
		}
		results.push({ file, ...analyze(text, { ...(maxFileSize ? { maxFileSize } : {}), ...(entities ? { entityRecogniser: entities } : {}) }) });
		progress(i + 1, inputs.length);
	});
	if (format === 'json') process.stdout.write(JSON.stringify(results) + '\n');
	else if (format === 'sarif') process.stdout.write(sarif(results, readSeed) + '\n');
	else process.stdout.write(results.map((r) => textReport(r as DocumentAnnotations & { file: string; error?: string })).join('\n'));
	process.exitCode = failed ? 1 : 0;
}

main();
