#!/usr/bin/env node
// compromise over a corpus the way a user would run it: one process, every seed file of the folders
// given (walked as `seed-lens analyze` walks them) or listed in `--files-from LIST`, each read and
// tagged (people, places, organisations, as the core bench runs it), one JSON line per file on stdout.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const nlp = createRequire(import.meta.url)('compromise');
const SEED_FILE = /\.(txt|seed)$/i;

function* walk(dir) {
	for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
		if (e.name.startsWith('.') || e.name === 'node_modules') continue;
		const p = join(dir, e.name);
		if (e.isDirectory()) yield* walk(p);
		else if (e.isFile() && SEED_FILE.test(e.name)) yield p;
	}
}

function* inputs(args) {
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--files-from') yield* readFileSync(args[++i], 'utf8').split('\n').filter(Boolean);
		else yield* walk(args[i]);
	}
}

let out = '';
for (const file of inputs(process.argv.slice(2))) {
	const d = nlp(readFileSync(file, 'utf8'));
	out += JSON.stringify({ file, people: d.people().out('array'), places: d.places().out('array'), organizations: d.organizations().out('array') }) + '\n';
	if (out.length > 1 << 16) {
		process.stdout.write(out);
		out = '';
	}
}
process.stdout.write(out);
