// The share of a corpus each `--shard I/N` takes: stable, even, and parsed strictly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathHash, inShard, parseShard, shardOf } from '../../server/src/cli/shard';

test('the hash is the first 4 bytes of SHA-1 of the UTF-8 path, the same on every machine', () => {
	// printf '%s' abc | sha1sum → a9993e36…; printf '%s' 00/00001.txt | sha1sum → 76e4fb77…
	assert.equal(pathHash('abc'), 0xa9993e36);
	assert.equal(pathHash('00/00001.txt'), 0x76e4fb77);
	// Non-ASCII paths hash their UTF-8 bytes: é precomposed and decomposed are different paths.
	assert.notEqual(pathHash('caf\u00e9.txt'), pathHash('cafe\u0301.txt'));
});

test('shards split 10,000 paths evenly (within four standard deviations), and every path is in exactly one', () => {
	const paths = Array.from({ length: 10_000 }, (_, i) => `corpus/${String(i % 97).padStart(2, '0')}/${i}.txt`);
	for (const n of [2, 3, 8]) {
		const sizes = new Array(n).fill(0);
		for (const p of paths) {
			const owners = Array.from({ length: n }, (_, i) => i).filter((i) => inShard(p, { index: i, count: n }));
			assert.equal(owners.length, 1);
			assert.equal(owners[0], shardOf(p, n));
			sizes[owners[0]]++;
		}
		for (const s of sizes) assert.ok(Math.abs(s - 10_000 / n) < 0.1 * (10_000 / n), `uneven shards of ${n}: ${sizes}`);
	}
	assert.ok(inShard('anything', undefined));
});

test('--shard takes I/N with 0 <= I < N', () => {
	assert.deepEqual(parseShard('0/1'), { index: 0, count: 1 });
	assert.deepEqual(parseShard('3/4'), { index: 3, count: 4 });
	for (const bad of ['4/4', '1/0', '-1/4', '1', '1/2/3', 'a/b', '', '1.5/4']) assert.equal(parseShard(bad), undefined, bad);
});
