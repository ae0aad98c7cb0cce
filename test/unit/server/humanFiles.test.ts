import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { HumanFiles } from '../../../server/src/workspace/humanFiles';

test('an export rereads a seed’s .ann from disk; the analysis keeps what it read until the file is reported changed', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-lens-human-'));
	try {
		const seed = path.join(dir, 'talks.txt');
		fs.writeFileSync(seed, 'date 2021-11-12 Talks\n\nThe ferry company met the union.\n');
		const uri = pathToFileURL(seed).href;
		const humans = new HumanFiles({ publish: () => {}, log: () => {} });
		assert.deepEqual(await humans.source(uri), {});
		const ann = 'T1\tORG 27 32\tferry\n';
		fs.writeFileSync(path.join(dir, 'talks.ann'), ann);
		assert.deepEqual(await humans.source(uri), {}, 'read once, until the watcher reports the change');
		assert.deepEqual(await humans.reread(uri), { human: ann });
		assert.deepEqual(await humans.source(uri), { human: ann });
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
