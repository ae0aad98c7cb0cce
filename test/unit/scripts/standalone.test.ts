// The repository stands on its own: the scripts, the bench, CI, the tests and the docs read nothing
// outside the clone. A path that climbs out of the repository to a sibling folder works on one
// machine and fails on every fresh clone.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..', '..');

/** Files in the repository (tracked or new), without the data and the generated model. */
function repositoryFiles(): string[] {
	const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
	return out
		.split('\n')
		.filter((f) => f && existsSync(join(root, f)))
		.filter((f) => !f.startsWith('data/') && !/\.(gz|bin|png|jpg|json)$/.test(f) && f !== 'CHANGELOG.md' && f !== 'package-lock.json')
		.concat('package.json');
}

// `../shared/…` or `'..', 'shared'`: the folders beside the repository that scripts once read.
const OUTSIDE = [/\.\.\/shared\b/, /['"]\.\.['"],\s*['"]shared['"]/];

test('no script, bench, test, CI step or document reads a folder beside the repository', () => {
	const found: string[] = [];
	for (const f of repositoryFiles()) {
		if (f === 'test/unit/scripts/standalone.test.ts') continue;
		readFileSync(join(root, f), 'utf8')
			.split('\n')
			.forEach((line, i) => OUTSIDE.some((re) => re.test(line)) && found.push(`${f}:${i + 1}: ${line.trim()}`));
	}
	assert.deepEqual(found, []);
});

test('the corpora that eval, train, train:syntax and the bench read are in data/, each with its licence', () => {
	for (const dir of ['meantime', 'ner-train', 'ud', 'gum']) {
		assert.ok(existsSync(join(root, 'data', dir, 'README.md')), `data/${dir}/README.md`);
		assert.ok(
			readdirSync(join(root, 'data', dir)).some((f) => f.startsWith('LICENSE')),
			`a licence file in data/${dir}`,
		);
	}
	const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
	for (const name of ['eval', 'train', 'train:smoke', 'train:syntax', 'train:syntax:smoke', 'bench']) assert.ok(scripts[name], `npm run ${name}`);
});
