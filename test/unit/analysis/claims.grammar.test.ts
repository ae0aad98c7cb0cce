/**
 * Claims read with the syntax model, as the server and the command line read them: the cases the
 * word lists got wrong, each in a sentence written for this test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { findClaims } from '../../../server/src/analysis/claims';
import { parseDocument } from '../../../server/src/analysis/document';
import type { Claim } from '../../../server/src/analysis/types';
import { syntaxModel } from '../../../server/src/syntaxModel';

const HEADER = 'date 2024-03-05 Test article\n\n';

function claimsOf(body: string, syntax = true): { text: string; claims: Claim[] } {
	const text = HEADER + body;
	return { text, claims: findClaims(parseDocument(text), [], syntax ? syntaxModel() : undefined) };
}
const cues = (claims: Claim[]) => claims.map((c) => c.cue?.text ?? null);
const span = (text: string, s: { start: number; end: number } | null | undefined) => (s ? text.slice(s.start, s.end) : null);

test('a postposed speaker: the content is the clause before it, not the time after it', () => {
	const { text, claims } = claimsOf('Prices rose sharply, analysts said on Monday, as the central bank cut rates again.');
	const c = claims.find((x) => x.cue?.text === 'said');
	assert.ok(c);
	assert.equal(span(text, c.source), 'analysts');
	assert.equal(span(text, c.content), 'Prices rose sharply');
});

test('the subject is the speaker, not the object of a preposition inside it', () => {
	const { text, claims } = claimsOf('Maria Lopez in a post on Facebook said the bridge would stay closed until June.');
	assert.match(span(text, claims[0].source) ?? '', /^Maria Lopez/);
	const b = claimsOf('Farmers in the northern provinces say the drought has halved their harvest.');
	assert.match(span(b.text, b.claims[0].source) ?? '', /^Farmers/);
});

test('a modifier in front of the name belongs to the speaker’s phrase', () => {
	const { text, claims } = claimsOf('(Reuters) — The appeals court said the ban was lawful.');
	assert.equal(span(text, claims.find((c) => c.cue?.text === 'said')?.source), 'The appeals court');
});

test('a long apposition, with "and" in a title, still ends at the speaker’s name', () => {
	const { text, claims } = claimsOf(
		'Ines Kovac, chairwoman and chief executive of the Northern Water and Power Cooperative in the river valley, said prices would rise.',
	);
	assert.match(span(text, claims[0].source) ?? '', /^Ines Kovac, chairwoman and chief executive/);
	assert.equal(span(text, claims[0].content), 'prices would rise');
});

test('"said he was sure" is not an inverted speaker', () => {
	const { text, claims } = claimsOf('Tomas Berg, a harbour pilot who has worked the channel for thirty years and more, said he was sure of it.');
	assert.match(span(text, claims[0].source) ?? '', /^Tomas Berg/);
});

test('a hypothetical and a state of mind inside a quotation are no claims', () => {
	assert.deepEqual(cues(claimsOf('Some may say the plan was rushed.').claims), []);
	const q = claimsOf('“I think the repairs will hold until spring,” the engineer said.');
	assert.deepEqual(cues(q.claims), ['said']);
	assert.equal(span(q.text, q.claims[0].source), 'the engineer');
});

test('a reporting noun with neither an author nor a content is no cue', () => {
	assert.deepEqual(cues(claimsOf('Students marched for freedom of speech in the capital.').claims), []);
});

test('verbs only the parse can vouch for: "found that" is a cue, "found two hikers" is not', () => {
	const { text, claims } = claimsOf('A study by the university found that the vaccine cut infections by half.');
	const c = claims.find((x) => x.cue?.text === 'found');
	assert.ok(c);
	assert.equal(span(text, c.content), 'the vaccine cut infections by half');
	assert.deepEqual(cues(claimsOf('Rescuers found two hikers near the summit.').claims), []);
	// Without a syntax model these verbs are never cues.
	assert.deepEqual(cues(claimsOf('A study by the university found that the vaccine cut infections by half.', false).claims), []);
});

test('quotation marks typed as two apostrophes open and close a quotation', () => {
	const { text, claims } = claimsOf("''We will not close the plant,'' said Mr. Osei, the factory's manager.");
	assert.equal(claims[0].kind, 'quote');
	assert.match(span(text, claims[0].source) ?? '', /^Mr\. Osei/);
	assert.equal(span(text, claims[0].content), 'We will not close the plant');
});

test('a speaker after a closed quotation reports it, with straight, curly or typewriter quotes', () => {
	for (const [open, close] of [
		['"', '"'],
		['“', '”'],
		["''", "''"],
	]) {
		const { text, claims } = claimsOf(`${open}The levee will not hold another week,${close} Hendrik Aalders said. The water kept rising.`);
		const c = claims.find((x) => x.cue?.text === 'said');
		assert.ok(c, `no claim with ${open}…${close}`);
		assert.equal(span(text, c.source), 'Hendrik Aalders');
		assert.equal(span(text, c.content), 'The levee will not hold another week');
	}
});

test('a verb placed before its speaker after a quotation: “…,” wrote the columnist', () => {
	const { text, claims } = claimsOf('“The harvest is the worst in a decade,” wrote Selma Okafor, a farm columnist, on her blog.');
	const c = claims.find((x) => x.cue?.text === 'wrote');
	assert.ok(c);
	assert.match(span(text, c.source) ?? '', /^Selma Okafor/);
});

test('"continued" reports the quotation it introduces or follows', () => {
	const { text, claims } = claimsOf('“We were never told,” Marta Ilves said. “Nobody called us,” she continued, “not once.”');
	const c = claims.find((x) => x.cue?.text === 'continued');
	assert.ok(c);
	assert.equal(span(text, c.source), 'she');
	assert.equal(claimsOf('Exports continued to fall in March.').claims.length, 0);
});

test('a reported clause the parser misread as an object still reports', () => {
	const { text, claims } = claimsOf(
		'Pieter Vos, an economist at the University of Leiden, said a modest tax on imported steel in the European Union could work.',
	);
	const c = claims.find((x) => x.cue?.text === 'said');
	assert.ok(c);
	assert.match(span(text, c.source) ?? '', /^Pieter Vos/);
	// A thing said is still no statement.
	assert.equal(claimsOf('The two lawyers said the same thing on Monday.').claims.filter((x) => x.cue?.text === 'said').length, 0);
});

test('a transcript’s speaker labels are the sources of their turns; a heading in capitals is not', () => {
	const { text, claims } = claimsOf('NORA BLAKE: The council voted against the plan on Monday.\n\nUPDATE: The vote was postponed.');
	assert.equal(claims.length, 1);
	assert.equal(span(text, claims[0].source), 'NORA BLAKE');
	assert.equal(span(text, claims[0].content), 'The council voted against the plan on Monday');
});

test('a sentence opened by "In a … poll," is the poll’s finding', () => {
	const { text, claims } = claimsOf('In a Harbour Times poll last week, the mayor had a six-point lead over her rival.');
	assert.equal(claims.length, 1);
	assert.match(span(text, claims[0].source) ?? '', /Harbour Times poll/);
	assert.match(span(text, claims[0].content) ?? '', /^the mayor had a six-point lead/);
});

test('an adverb or a stray participle is never the source; the parse’s subject is', () => {
	const a = claimsOf('The port authority has long complained that the dredging ruined the bay.');
	assert.equal(span(a.text, a.claims[0]?.source), 'The port authority');
	const b = claimsOf('Asked on Monday whether she would resign, the harbour master said she would not.');
	const c = b.claims.find((x) => x.cue?.text === 'said');
	assert.equal(span(b.text, c?.source), 'the harbour master');
});

test('a speech verb in an infinitive speaks for the subject of the verb above it', () => {
	const { text, claims } = claimsOf('The union is expected to argue that the layoffs broke the contract.');
	const c = claims.find((x) => x.cue?.text === 'argue');
	assert.equal(span(text, c?.source), 'The union');
});

test('new reporting verbs of stance and criticism are cues with their speaker', () => {
	const { text, claims } = claimsOf('Senator Ruth Ambler blasted the ruling as reckless. The mayor defended the budget on Tuesday.');
	assert.deepEqual(cues(claims), ['blasted', 'defended']);
	assert.equal(span(text, claims[0].source), 'Senator Ruth Ambler');
});

test('what a poll or a study shows is a finding; what a person shows is not', () => {
	const { text, claims } = claimsOf('A Harbour Times poll last month showed the mayor leading her rival by six points.');
	const c = claims.find((x) => x.cue?.text === 'showed');
	assert.ok(c);
	assert.match(span(text, c.source) ?? '', /poll/);
	assert.equal(claimsOf('The guide showed the visitors the old harbour.').claims.filter((x) => x.cue?.text === 'showed').length, 0);
});

test('"called" with a quoted predicate right after its object is a cue', () => {
	const { text, claims } = claimsOf('Councillor Ida Brenner called the new bypass “a road to nowhere” on Friday.');
	const c = claims.find((x) => x.cue?.text === 'called');
	assert.ok(c);
	assert.equal(span(text, c.source), 'Councillor Ida Brenner');
	assert.equal(claimsOf('The manager called the plumber on Friday.').claims.length, 0);
});

test('a passive accusation: the agent is the source and the content starts after it', () => {
	const { text, claims } = claimsOf('The governor has been accused by opponents of hiding the audit from voters.');
	const c = claims.find((x) => x.cue?.text === 'accused');
	assert.equal(span(text, c?.source), 'opponents');
	assert.equal(span(text, c?.content), 'hiding the audit from voters');
});

test('a statement named before and issued again is no new claim; an announcement with its content is', () => {
	const a = claimsOf('Delegates to the regional council issued the statement, which a news agency obtained.');
	assert.equal(a.claims.filter((x) => x.cue?.text === 'statement').length, 0);
	const b = claimsOf('The mayor welcomed the announcement by the harbour board that the ferry would return in May.');
	assert.ok(b.claims.some((x) => x.cue?.text === 'announcement'));
});

test('a sentence too long for any news text is read from the word lists, not parsed', () => {
	// The same "found that" sentence, once ordinary and once run on past the parser's length limit with a list.
	const list = Array.from({ length: 80 }, (_, i) => `site ${i + 1}`).join(', ');
	assert.deepEqual(cues(claimsOf(`A study by the university found that the vaccine cut infections at ${list.slice(0, 60)}.`).claims), ['found']);
	assert.deepEqual(cues(claimsOf(`A study by the university found that the vaccine cut infections at ${list}.`).claims), []);
});

test('past seedLens.maxParsedSize, claims are read without the parse and one diagnostic says so', () => {
	const body = 'A study by the university found that the vaccine cut infections by half.\n\n';
	const text = HEADER + body.repeat(40);
	const parsed = analyze(text, { syntax: syntaxModel(), maxParsedSize: text.length });
	assert.equal(parsed.claims.filter((c) => c.cue?.text === 'found').length, 40);
	assert.ok(!parsed.diagnostics.some((d) => d.code === 'claims-not-parsed'));
	const unparsed = analyze(text, { syntax: syntaxModel(), maxParsedSize: text.length - 1 });
	assert.equal(unparsed.claims.filter((c) => c.cue?.text === 'found').length, 0);
	const notes = unparsed.diagnostics.filter((d) => d.code === 'claims-not-parsed');
	assert.equal(notes.length, 1);
	assert.match(notes[0].message, /without parsing.*seedLens\.maxParsedSize \(\d+\)/);
	assert.deepEqual(unparsed.claims, analyze(text).claims);
});

test('a "that" after the verb starts the content, even when the parse hangs the clause before the speaker', () => {
	const { text, claims } = claimsOf('Talking about the merger on Tuesday, Ms. Ortiz told reporters that the price was fair.');
	const c = claims.find((x) => x.cue?.text === 'told');
	assert.ok(c);
	assert.match(span(text, c.source) ?? '', /Ortiz$/);
	assert.equal(span(text, c.content), 'the price was fair');
});

test('a participle between an amount and its noun is an adjective, not a cue', () => {
	const { claims } = claimsOf('The senator has won 412 pledged delegates so far, while her rival has 380.');
	assert.deepEqual(cues(claims), []);
});

test('a name given in the passive or by a participle after its noun is no claim', () => {
	assert.deepEqual(cues(claimsOf('In the north, these birds are called "sea crows" on old maps.').claims), []);
	assert.deepEqual(cues(claimsOf('Locals are called "islanders" on their identity cards.').claims), []);
	assert.deepEqual(cues(claimsOf('The firm sold a cheap phone called "Pebble" in Brazil.').claims), []);
	// An object and a quoted predicate still name a speaker's words, even when the object is parsed as a predicate.
	const { text, claims } = claimsOf('Mayor Tim Hale called Brandt "[a] fine engineer, a loyal friend, and a tireless volunteer."');
	assert.equal(span(text, claims.find((c) => c.cue?.text === 'called')?.source), 'Mayor Tim Hale');
});

test('an admission to a body or a hospital is no confession', () => {
	const { claims } = claimsOf('The chemist was elected to the council in 2004 and admitted to the National Academy in 2010.');
	assert.deepEqual(cues(claims), []);
	assert.deepEqual(cues(claimsOf('The driver was admitted to hospital with minor injuries.').claims), []);
});

test('a clause opened by "after" or "because" is no reported clause', () => {
	const { claims } = claimsOf('The Greens are to find a new leader after Jo Lind was defeated in Bristol West by a Labour candidate with a 212 vote margin.');
	assert.deepEqual(cues(claims), []);
});

test('what a speaker did not say, with a plain object, is no statement', () => {
	const { claims } = claimsOf('The ministry said the convoy had left the border, but did not confirm the number of trucks.');
	assert.deepEqual(cues(claims), ['said']);
});

test('a speaker after a closing quotation speaks it, even when the quoted fragment has no verb', () => {
	for (const [body, who] of [
		['“Nor would President Lincoln,” Harper wrote.', 'Harper'],
		['“Not once, not ever,” the mayor wrote in her letter.', 'the mayor'],
	]) {
		const { text, claims } = claimsOf(body);
		const c = claims.find((x) => x.cue?.text.startsWith('wrote'));
		assert.ok(c, body);
		assert.equal(span(text, c.source), who);
	}
});

test('a speech referred to with nothing said is no claim; as a subject or an "In his speech," frame it speaks', () => {
	for (const body of [
		'The governor has not yet answered Moreno’s remarks, although aides met on Friday.',
		'Both leaders ended their remarks early because of the rain.',
	]) {
		assert.deepEqual(cues(claimsOf(body).claims), [], body);
	}
	assert.deepEqual(cues(claimsOf('The ministry’s statement called the strike illegal.').claims), ['statement']);
	assert.ok(cues(claimsOf('In her speech, the chancellor praised the nurses who had worked through the winter.').claims).includes('speech'));
});

test('"who" stands for the people before it, not for a thing whose phrase they end', () => {
	const cases: [string, string][] = [
		['The plan could draw fresh attacks by Ms. Varga, who has said the deal is a disaster.', 'Ms. Varga'],
		['The ruling caused alarm among civil rights lawyers, who fear that the court will go further.', 'civil rights lawyers'],
		['The poll found a wide lead among younger voters, who said the economy mattered most.', 'younger voters'],
		// People before the preposition keep their phrase.
		['The party is counting on Senate candidates in close races, who said they would campaign with her.', 'Senate candidates in close races'],
	];
	for (const [body, who] of cases) {
		const { text, claims } = claimsOf(body);
		const c = claims.find((x) => x.cue && /^(said|fear)/.test(x.cue.text));
		assert.ok(c, body);
		assert.equal(span(text, c.source), who, body);
	}
});

test('what a sentence says was not said is no claim, and a quotation after the verb is what it reports', () => {
	const { text, claims } = claimsOf('Instead of calling the plan a failure, the senator said, “It needs more time.”');
	assert.deepEqual(cues(claims), ['said']);
	assert.equal(span(text, claims[0].content), 'It needs more time.');
	assert.deepEqual(cues(claimsOf('The airline cut 200 routes without saying why.').claims), []);
	assert.deepEqual(cues(claimsOf('Rather than announcing a date, the minister said talks would go on.').claims), ['said']);
});

test('an opening participle ("Asked …, the minister said") is not the speaker', () => {
	const { text, claims } = claimsOf('Asked on Tuesday whether the plant would close, the mayor shrugged and said, “Not this year.”');
	const c = claims.find((x) => x.cue?.text === 'said');
	assert.ok(c);
	assert.match(span(text, c.source) ?? '', /^the mayor/);
});

test('"according to" a bare reporting noun names that noun as the source', () => {
	for (const body of ['According to reports, the ferry left port two hours late.', 'The talks have stalled, according to reports.']) {
		const { text, claims } = claimsOf(body);
		assert.equal(span(text, claims.find((c) => c.cue?.text.toLowerCase() === 'according to')?.source), 'reports', body);
	}
});

test('a verb that reports only a clause reports one with no “that” when the parse finds it', () => {
	const { text, claims } = claimsOf('The treasurer added the new levy would raise less than forecast.');
	const c = claims.find((x) => x.cue?.text === 'added');
	assert.ok(c, JSON.stringify(cues(claims)));
	assert.equal(span(text, c.source), 'The treasurer');
	assert.match(span(text, c.content) ?? '', /^the new levy would raise less/);
	// With an object and no clause, or as a noun, it reports nothing.
	assert.deepEqual(cues(claimsOf('She noted the address in her diary.').claims), []);
	assert.deepEqual(cues(claimsOf('His replies to the committee were brief.').claims), []);
});

test('verbs of telling and knowing report with a clause, and only then', () => {
	const a = claimsOf('The mayor pointed out that the tunnel had been closed twice this year.');
	const c = a.claims.find((x) => x.cue?.text === 'pointed out');
	assert.ok(c, cues(a.claims).join());
	assert.equal(span(a.text, c.source), 'The mayor');
	assert.match(span(a.text, c.content) ?? '', /tunnel had been closed/);
	// A plain object, an infinitive, a clause of time: no statement.
	for (const s of [
		'The coach pointed to the scoreboard and smiled.',
		'The rules require lenders to recognise that borrowers cannot pay.',
		'Prices will fall when the growers realise the harvest is large.',
	])
		assert.deepEqual(
			cues(claimsOf(s).claims).filter((x) => /point|recogni|realis/.test(x ?? '')),
			[],
			s,
		);
});

test('a refusal to comment is one statement of the one who refused', () => {
	const { text, claims } = claimsOf('A spokeswoman for the airline declined to comment on the report.');
	assert.deepEqual(cues(claims), ['declined to comment']);
	assert.match(span(text, claims[0].source) ?? '', /spokeswoman for the airline$/);
	assert.deepEqual(cues(claimsOf('Shares in the airline declined to $4.20 in early trading.').claims).filter(Boolean), []);
});

test('the name of a markup tag left in the text is no cue', () => {
	const { claims } = claimsOf('The senator replied on social media. <tweet id="1">The vote is rigged</tweet> Her staff said nothing more.');
	assert.ok(!cues(claims).includes('tweet'), cues(claims).join());
});

test('a participle that goes on from a clause with no cue takes the subject of that clause, not a phrase of time', () => {
	const { text, claims } = claimsOf('The day before, at a rally in Austin, the governor was just as blunt, claiming that the count had been rigged.');
	assert.equal(span(text, claims.find((c) => c.cue?.text === 'claiming')?.source), 'the governor');
});

test('a speaker placed after the verb goes on to the participle after it', () => {
	const { text, claims } = claimsOf('“Oh, give them more time,” said Senate Majority Leader Tom Hale, urging those calling for a vote to wait.');
	assert.equal(span(text, claims.find((c) => c.cue?.text === 'urging')?.source), 'Senate Majority Leader Tom Hale');
});

test('what a document reads is one claim, with the document as its source', () => {
	const { text, claims } = claimsOf('The council published a letter on Monday. Their letter also read “the new road will cut the town in two.”');
	const read = claims.filter((c) => c.cue && c.cue.start > text.indexOf('Their letter'));
	assert.deepEqual(cues(read), ['read']);
	assert.equal(span(text, read[0].source), 'Their letter');
	assert.deepEqual(cues(claimsOf('Students read the letter aloud at the meeting.').claims).filter(Boolean), []);
});

test('a verb of finding in a clause of time is no finding', () => {
	const { claims } = claimsOf('The chief executive said “We are continuing our research effort until we find the right design.”');
	assert.deepEqual(cues(claims), ['said']);
});

test('"reportedly" and "allegedly" make the sentence a report of an unnamed source, unless a named source says it', () => {
	const a = claimsOf('The minister was reportedly on the flight to Geneva with two aides.');
	assert.deepEqual(cues(a.claims), ['reportedly']);
	assert.equal(a.claims[0].source, null);
	assert.match(span(a.text, a.claims[0].content) ?? '', /^The minister was reportedly on the flight/);
	const b = claimsOf('The union said the manager had allegedly hidden the accounts.');
	assert.deepEqual(cues(b.claims), ['said']);
	assert.deepEqual(cues(claimsOf('“He was reportedly there,” the mayor said.').claims), ['said']);
});

test('a stance put into words ("expressed concern that", "raised doubts about") is one cue, its holder the subject', () => {
	const a = claimsOf('The harbour master expressed concern that the new berth would flood.');
	assert.deepEqual(cues(a.claims), ['expressed concern']);
	assert.equal(span(a.text, a.claims[0].source), 'The harbour master');
	assert.deepEqual(cues(claimsOf('Two analysts raised serious doubts about the merger.').claims), ['raised serious doubts']);
	assert.deepEqual(cues(claimsOf('The central bank is raising interest rates again.').claims).filter(Boolean), []);
	assert.deepEqual(cues(claimsOf('Her voice carried across the square.').claims).filter(Boolean), []);
});

test('"In X’s view, …" is X’s claim of what follows the comma; a view of a place is none', () => {
	const { text, claims } = claimsOf('In Professor Lindqvist’s view, the levy will not cut emissions at all.');
	assert.deepEqual(cues(claims), ['view']);
	assert.equal(span(text, claims[0].source), 'Professor Lindqvist');
	assert.equal(span(text, claims[0].content), 'the levy will not cut emissions at all');
	assert.deepEqual(cues(claimsOf('The view from the harbour wall is the best in the county, locals say.').claims), ['say']);
});

test('a participle after its noun with an agent: the agent is the source, the noun what it says', () => {
	const { text, claims } = claimsOf('The party fought the reforms proposed by the interior ministry in March.');
	const c = claims.find((x) => x.cue?.text === 'proposed');
	assert.ok(c, cues(claims).join());
	assert.equal(span(text, c.source), 'the interior ministry');
	assert.equal(span(text, c.content), 'the reforms');
});

test('after a long aside between commas the name before it is the speaker, though the parser hangs the verb on it', () => {
	for (const [body, name] of [['Okafor, meanwhile, who sits at zero such endorsements, said that fact speaks volumes about the process.', 'Okafor']]) {
		const { text, claims } = claimsOf(body);
		assert.equal(span(text, claims.find((x) => x.cue?.text === 'said')?.source), name, body);
	}
});

test('who spoke is no claim: "an official who spoke on condition of anonymity said …" has one cue', () => {
	const { text, claims } = claimsOf('A senior official who spoke on condition of anonymity said the talks had stalled.');
	assert.deepEqual(cues(claims), ['said']);
	assert.match(span(text, claims[0].source) ?? '', /official/);
});

test('the object of a relative clause before the verb is not its speaker', () => {
	const { text, claims } = claimsOf('Tenant groups that filed the lawsuit welcomed the decision.');
	const c = claims.find((x) => x.cue?.text === 'welcomed');
	assert.ok(c, JSON.stringify(cues(claims)));
	assert.match(span(text, c.source) ?? '', /^Tenant groups/);
	// …but the object of the verb a cue hangs on is its speaker: "urged the minister to testify".
	const b = claimsOf('Lawmakers urged the minister to testify before the committee.');
	const t = b.claims.find((x) => x.cue?.text === 'testify');
	assert.ok(t, JSON.stringify(cues(b.claims)));
	assert.equal(span(b.text, t.source), 'the minister');
});

test('what money was spent on is not a statement, and an amount is no speaker', () => {
	const attributed = (claims: Claim[]) => cues(claims.filter((c) => c.kind !== 'unattributed'));
	const { claims } = claimsOf('The city has spent nearly $2 million defending the zoning plan in court since 2021.');
	assert.deepEqual(attributed(claims), []);
	const b = claimsOf('The union spent 300,000 euros opposing the merger.');
	assert.deepEqual(attributed(b.claims), []);
});

test('an infinitive of purpose has its clause’s speaker; a lone article is none, but “both” is', () => {
	const { text, claims } = claimsOf('The prime minister returned to the podium to announce a new inquiry.');
	const c = claims.find((x) => x.cue?.text === 'announce');
	assert.ok(c, JSON.stringify(cues(claims)));
	assert.equal(span(text, c.source), 'The prime minister');
	const b = claimsOf('And both promised to cut taxes for small businesses.');
	const p = b.claims.find((x) => x.cue?.text === 'promised');
	assert.ok(p, JSON.stringify(cues(b.claims)));
	assert.equal(span(b.text, p.source), 'both');
});

test('a time phrase before a clause of time is not part of its speaker', () => {
	for (const syntax of [false, true]) {
		const { text, claims } = claimsOf(
			'Negotiations over the port collapsed on Friday after both companies accused each other of breaking the deal, officials said.',
			syntax,
		);
		const c = claims.find((x) => x.cue?.text === 'accused');
		assert.ok(c, JSON.stringify(cues(claims)));
		assert.equal(span(text, c.source), 'both companies');
	}
	const b = claimsOf('The new figures came a week after a survey by the central bank showed that prices were falling.');
	const s = b.claims.find((x) => x.cue?.text === 'showed');
	assert.ok(s, JSON.stringify(cues(b.claims)));
	assert.match(span(b.text, s.source) ?? '', /survey/);
});

test('a verb the parse vouches for also reports the quotation before a postposed speaker', () => {
	const a = claimsOf('“We had the river on our doorstep for a week,” the ferryman recalled.');
	const c = a.claims.find((x) => x.cue?.text === 'recalled');
	assert.ok(c, cues(a.claims).join());
	assert.equal(span(a.text, c.source), 'the ferryman');
	const b = claimsOf('“The second bridge will have to wait,” the planning officer wrote.');
	assert.equal(span(b.text, b.claims.find((x) => x.cue?.text === 'wrote')?.source), 'the planning officer');
	// Not postposed: a plain object after the verb is still no statement.
	assert.deepEqual(cues(claimsOf('The ferryman recalled the boat to the harbour.').claims), []);
});

test('a side taken: "backed", "supports" with an object and a subject of their own', () => {
	const a = claimsOf('The fishermen’s union backed the harbour plan last spring.');
	const c = a.claims.find((x) => x.cue?.text === 'backed');
	assert.ok(c, cues(a.claims).join());
	assert.equal(span(a.text, c.source), 'The fishermen’s union');
	// Under a verb of saying the saying is the claim; with no object, or as a noun, no side is taken.
	assert.deepEqual(cues(claimsOf('The mayor said she supports the new ferry timetable.').claims), ['said']);
	for (const s of ['The truck backed into the loading bay.', 'The plan has broad support among growers.'])
		assert.deepEqual(
			cues(claimsOf(s).claims).filter((x) => /back|support/.test(x ?? '')),
			[],
			s,
		);
});

test('how things seem to the writer is a judgement with no source; an appearance is none', () => {
	const a = claimsOf('The council appeared to soften its stance on the ferry fares.');
	const c = a.claims.find((x) => x.cue?.text === 'appeared');
	assert.ok(c, cues(a.claims).join());
	assert.equal(c.source, null);
	assert.deepEqual(
		cues(claimsOf('It seems that the harbour will stay shut until May.').claims).filter((x) => x === 'seems'),
		['seems'],
	);
	for (const s of ['The mayor appeared on local radio on Monday.', 'The mayor appeared to the crowd at noon.', 'Our neighbour appeared in court yesterday.'])
		assert.deepEqual(
			cues(claimsOf(s).claims).filter((x) => /appear/.test(x ?? '')),
			[],
			s,
		);
});

test('a verb and its particle make one cue: "pointed out", "made it clear", "railed against"', () => {
	const a = claimsOf('As the harbour master pointed out, the channel is too shallow for the new ferries.');
	const c = a.claims.find((x) => x.cue?.text === 'pointed out');
	assert.ok(c, cues(a.claims).join());
	assert.equal(span(a.text, c.source), 'the harbour master');
	const b = claimsOf('The growers made it clear that they would not sell below cost.');
	assert.equal(span(b.text, b.claims.find((x) => x.cue?.text === 'made it clear')?.source), 'The growers');
	assert.ok(cues(claimsOf('The senator railed against the toll increase all week.').claims).includes('railed against'));
	// Without the particle, or with "clear" as an adjective at the end, no cue.
	for (const s of ['The guide pointed to the old lighthouse.', 'The water was made clear.', 'The ferry pushed off the quay at noon.'])
		assert.deepEqual(cues(claimsOf(s).claims), [], s);
});

test('a modal inside the quotation before a postposed speaker does not make the speech hypothetical', () => {
	const { text, claims } = claimsOf('“The harbour is ours,” Molnar said.\n\n“That would be Lena Andersson,” Okafor said.');
	const c = claims.find((x) => span(text, x.content) === 'That would be Lena Andersson');
	assert.ok(c);
	assert.equal(c.cue?.text, 'said');
	assert.equal(span(text, c.source), 'Okafor');
});

test('a message posted or emailed is a statement; a result posted is not', () => {
	const a = claimsOf('“The ferry will run again on Monday,” the operator posted.');
	assert.equal(span(a.text, a.claims.find((x) => x.cue?.text === 'posted')?.source), 'the operator');
	const b = claimsOf('A spokeswoman for the port emailed reporters with the new timetable.');
	assert.equal(span(b.text, b.claims.find((x) => x.cue?.text === 'emailed')?.source), 'A spokeswoman for the port');
	assert.deepEqual(cues(claimsOf('The ferry company posted a record profit for the year.').claims).filter(Boolean), []);
});

test('speaking of a topic: "discussed", "talked about", told in the article and not in the passive', () => {
	const a = claimsOf('The harbour master discussed the dredging plan with the council on Monday.');
	assert.equal(span(a.text, a.claims.find((x) => x.cue?.text === 'discussed')?.source), 'The harbour master');
	const b = claimsOf('The fishermen talked about the quotas for an hour.');
	assert.equal(span(b.text, b.claims.find((x) => x.cue?.text === 'talked about')?.source), 'The fishermen');
	for (const s of ['“They know what they are talking about,” the mayor said.', 'The toll was discussed at length.', 'The talks about the toll broke down.'])
		assert.deepEqual(
			cues(claimsOf(s).claims).filter((x) => /discuss|talk/.test(x ?? '')),
			[],
			s,
		);
});

test('a time the parser took for the subject is no speaker: the noun before it speaks', () => {
	const a = claimsOf('A Harbour Times poll released Saturday found that most voters backed the toll.');
	assert.equal(span(a.text, a.claims.find((x) => x.cue?.text === 'found')?.source), 'A Harbour Times poll');
	const b = claimsOf('President Lind spent Friday discussing the fishing quotas.');
	assert.equal(span(b.text, b.claims.find((x) => x.cue?.text === 'discussing')?.source), 'President Lind');
});

test('a statement made or a view offered is one cue from the verb to its noun', () => {
	const a = claimsOf('The harbour master made the case that the channel needs dredging.');
	const c = a.claims.find((x) => x.cue?.text === 'made the case');
	assert.ok(c, cues(a.claims).join());
	assert.equal(span(a.text, c.source), 'The harbour master');
	const b = claimsOf('The councillor offered a spirited defense of the toll.');
	assert.equal(span(b.text, b.claims.find((x) => x.cue?.text === 'offered a spirited defense')?.source), 'The councillor');
	for (const s of ['The crew made sure promises were kept.', 'The ferry made three trips on Sunday.', 'The bakery offered free bread.'])
		assert.deepEqual(cues(claimsOf(s).claims).filter(Boolean), [], s);
});

test('a name given as a second object or a quoted oblique: "calling it the mark of …", "called it their “lifeline”"', () => {
	const a = claimsOf('The union pushed back, calling it the mark of a failing management.');
	assert.equal(span(a.text, a.claims.find((x) => x.cue?.text === 'calling')?.source), 'The union');
	const b = claimsOf('He called it their “lifeline” and went home.');
	assert.ok(cues(b.claims).includes('called'), cues(b.claims).join());
	assert.deepEqual(cues(claimsOf('She called the office twice on Monday.').claims).filter(Boolean), []);
});

test('verbs of criticism put into words are cues: "denounced", "assailed", "bemoaned"', () => {
	const a = claimsOf('The fishermen’s union denounced the new quota rules on Friday.');
	assert.equal(span(a.text, a.claims.find((x) => x.cue?.text === 'denounced')?.source), 'The fishermen’s union');
	const b = claimsOf('The mayor bemoaned the state of the harbour road.');
	assert.equal(span(b.text, b.claims.find((x) => x.cue?.text === 'bemoaned')?.source), 'The mayor');
});
