/**
 * Runs the entity tagger alone over seed files and prints ANNOTATIONS-shaped JSON (one entity per
 * mention), so the scorer can measure the model without the rest of the pipeline:
 *
 *   node scripts/score.mjs --cmd "npx tsx scripts/eval-ner.ts"
 *   npx tsx scripts/eval-ner.ts --bench FILE...   # load time and tokens/s on stderr
 *   npx tsx scripts/eval-ner.ts --raw FILE...     # without document-level consistency
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from '../server/src/analysis/document';
import { modelCallerFeatures, nerModel, tagEntities, tagSentences, type NerType } from '../server/src/analysis/ner';
import { gazetteerFeatures } from '../server/src/analysis/entities/gazetteer';
import type { SeedDocument } from '../server/src/analysis/document';

// The caller features the model was trained with, computed as the analysis computes them.
function callerFeatures(doc: SeedDocument): ((token: unknown, i: number) => string[]) | undefined {
	if (modelCallerFeatures() !== 'gazetteer') return undefined;
	const byToken: string[][] = [];
	for (const s of doc.sentences) gazetteerFeatures(doc.tokens, s.first, s.last).forEach((f, k) => (byToken[s.first + k] = f));
	return (_token, i) => byToken[i] ?? [];
}

const MAP: Record<NerType, string> = { PER: 'PERSON', ORG: 'ORG', LOC: 'GPE', NORP: 'NORP', MISC: 'OTHER' };
const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));

if (args.includes('--bench')) {
	// CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
	const cpu = () => {
		const u = process.cpuUsage();
		return (u.user + u.system) / 1000;
	};
	let t = performance.now();
	let c = cpu();
	nerModel();
	console.error(`model load ${(performance.now() - t).toFixed(1)} ms wall, ${(cpu() - c).toFixed(1)} ms cpu`);
	const docs = files.map((f) => parseDocument(readFileSync(f, 'utf8')));
	const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
	for (let round = 0; round < 3; round++) {
		let n = 0;
		t = performance.now();
		c = cpu();
		while (cpu() - c < 2000) {
			for (const d of docs) tagEntities(d, callerFeatures(d));
			n += tokens;
		}
		console.error(
			`round ${round + 1}: ${Math.round(n / ((cpu() - c) / 1000))} tokens per cpu-second, ${Math.round(n / ((performance.now() - t) / 1000))} per wall-second`,
		);
	}
} else {
	const out = files.map((file) => {
		const doc = parseDocument(readFileSync(file, 'utf8'));
		const spans = args.includes('--raw') ? tagSentences(doc, nerModel(), callerFeatures(doc)) : tagEntities(doc, callerFeatures(doc));
		const entities = spans.map((s, i) => {
			const text = doc.text.slice(s.start, s.end);
			return { id: `e${i + 1}`, type: MAP[s.type], name: text, mentions: [{ start: s.start, end: s.end, text }] };
		});
		return { file, version: 1, header: doc.header, entities, dates: [], claims: [], diagnostics: [] };
	});
	process.stdout.write(JSON.stringify(out));
}
