import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findClaims } from '../../../server/src/analysis/claims';
import { parseDocument } from '../../../server/src/analysis/document';
import { findProblems } from '../../../server/src/analysis/problems';
import type { Entity, Span } from '../../../server/src/analysis/types';

// Pieces that exercise every path of the claim finder: cues, names, pronouns, quotation marks,
// punctuation, figures, hedges and odd characters.
const PIECES = [
	'said',
	'says',
	'told',
	'according to',
	'announced in a statement',
	'quoted',
	'as saying',
	'expected',
	'plans to',
	'added',
	'he',
	'She',
	'who',
	'which',
	'The',
	'the ministry',
	'Ana Costa',
	'UN',
	'’s',
	"'s",
	'of',
	'by',
	'that',
	'and',
	',',
	'.',
	':',
	';',
	'…',
	'“',
	'”',
	'"',
	'(',
	')',
	'—',
	'\n\n',
	'\n',
	'40%',
	'$3 billion',
	'1,200 people',
	'war crimes',
	'largest',
	'reportedly',
	'so-called',
	'\u0000',
	'\uFFFD',
	'Ã©',
	' ',
	'  ',
	'on Monday',
	'last week',
];

const body = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join(' '));

function entitiesFor(text: string): Entity[] {
	const mentions = [];
	for (let i = text.indexOf('Ana Costa'); i >= 0; i = text.indexOf('Ana Costa', i + 1)) mentions.push({ start: i, end: i + 9, text: 'Ana Costa' });
	return [{ id: 'e1', type: 'PERSON', name: 'Ana Costa', mentions }];
}

const inside = (text: string, s: Span | null) => !s || (0 <= s.start && s.start <= s.end && s.end <= text.length);

test('claims and problems never throw and keep every span inside the text, on any input', () => {
	fc.assert(
		fc.property(fc.boolean(), body, (header, b) => {
			const text = (header ? 'date 2024-02-29 Fuzz\n\n' : '') + b;
			const doc = parseDocument(text);
			for (const c of findClaims(doc, entitiesFor(text))) {
				assert.equal(c.text, text.slice(c.start, c.end));
				assert.ok(inside(text, c) && inside(text, c.cue) && inside(text, c.source) && inside(text, c.content));
				if (c.cue) assert.equal(c.cue.text, text.slice(c.cue.start, c.cue.end));
				if (c.source) assert.equal(c.source.text, text.slice(c.source.start, c.source.end));
				assert.ok(c.kind !== 'unattributed' || (c.reasons?.length ?? 0) > 0);
			}
			for (const p of findProblems(doc)) assert.ok(inside(text, p) && /^[a-z]+(?:-[a-z]+)*$/.test(p.code) && p.message.length > 0);
		}),
		{ numRuns: 400, seed: 20240229 },
	);
});
