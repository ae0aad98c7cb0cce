// Grammar snapshot tests: each test/fixtures/grammar/*.seed is tokenized with VS Code's own
// TextMate engine (vscode-textmate + vscode-oniguruma) and compared with its .snap file.
// UPDATE_SNAPSHOTS=1 rewrites the snapshots; review the diff before committing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const root = path.resolve(__dirname, '../../..');
const fixtures = path.join(root, 'test/fixtures/grammar');
let grammar: vsctm.IGrammar;

before(async () => {
	const wasm = fs.readFileSync(path.join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
	await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
	const registry = new vsctm.Registry({
		onigLib: Promise.resolve({
			createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
			createOnigString: (s: string) => new oniguruma.OnigString(s),
		}),
		loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(path.join(root, 'syntaxes/seed.tmLanguage.json'), 'utf8'), 'seed.tmLanguage.json'),
	});
	const g = await registry.loadGrammar('text.seed');
	if (!g) throw new Error('grammar text.seed did not load');
	grammar = g;
});

/** Tokens of a text as `"text" scope scope…` lines, one per token with a scope beyond the root. */
function tokenize(text: string): string[] {
	const out: string[] = [];
	let stack = vsctm.INITIAL;
	text.split(/\r?\n/).forEach((line, n) => {
		const r = grammar.tokenizeLine(line, stack);
		stack = r.ruleStack;
		for (const t of r.tokens) {
			const scopes = t.scopes.slice(1);
			if (scopes.length) out.push(`${n + 1}: ${JSON.stringify(line.slice(t.startIndex, t.endIndex))} ${scopes.join(' ')}`);
		}
	});
	return out;
}

const scopeOf = (text: string, piece: string) => {
	const key = ` ${JSON.stringify(piece)} `;
	const line = tokenize(text).find((l) => l.includes(key));
	return line?.slice(line.indexOf(key) + key.length);
};

test('the header line gives keyword, date and title scopes', () => {
	const text = 'date 2021-11-11 Libya’s 300 pro-Haftar mercenaries';
	assert.equal(scopeOf(text, 'date'), 'keyword.other.date.seed');
	assert.equal(scopeOf(text, '2021-11-11'), 'constant.numeric.date.seed');
	assert.match(scopeOf(text, 'Libya’s 300 pro-Haftar mercenaries') ?? '', /markup\.heading\.title\.seed/);
});

test('a curly quotation is a string and its numbers stay numbers', () => {
	const lines = tokenize('He said “a first group of 300 soldiers” would go.');
	assert.ok(
		lines.some((l) => l.includes('"300" string.quoted.double.curly.seed constant.numeric.quantity.seed')),
		lines.join('\n'),
	);
	assert.ok(
		lines.some((l) => l.includes('"said" keyword.other.reporting.seed')),
		lines.join('\n'),
	);
});

test('money, percentages and counts get quantity scopes', () => {
	const text = 'It cost $3.5 million, 12% more than the 20,000 planned.';
	assert.equal(scopeOf(text, '$3.5 million'), 'constant.numeric.money.seed');
	assert.equal(scopeOf(text, '12%'), 'constant.numeric.percentage.seed');
	assert.equal(scopeOf(text, '20,000'), 'constant.numeric.quantity.seed');
});

test('a quotation left open does not run past its line', () => {
	const lines = tokenize('“An open quote\nThe next paragraph said nothing.');
	assert.ok(
		lines.some((l) => l.startsWith('2: "said" keyword.other.reporting.seed')),
		lines.join('\n'),
	);
	assert.ok(!lines.some((l) => l.startsWith('2:') && l.includes('string.quoted')), lines.join('\n'));
});

for (const file of fs.readdirSync(fixtures).filter((f) => f.endsWith('.seed'))) {
	test(`grammar snapshot of ${file}`, () => {
		const actual = tokenize(fs.readFileSync(path.join(fixtures, file), 'utf8')).join('\n') + '\n';
		const snap = path.join(fixtures, file.replace(/\.seed$/, '.snap'));
		if (process.env.UPDATE_SNAPSHOTS || !fs.existsSync(snap)) fs.writeFileSync(snap, actual);
		assert.equal(actual, fs.readFileSync(snap, 'utf8'));
	});
}
