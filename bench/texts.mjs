// The bench's text: the real news articles (the MEANTIME articles of data/meantime and samples/) and
// generated load built from their paragraphs, written to bench/data/ (git-ignored).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
export const dataDir = join(root, 'bench/data');

/** Whitespace-separated words: the unit of every words/s figure in the bench. */
export function countWords(text) {
	let n = 0;
	for (const _ of text.matchAll(/\S+/g)) n++;
	return n;
}

/** A small deterministic PRNG (mulberry32), so generated load is the same from run to run. */
export function rng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function readTxt(dir) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.txt'))
		.sort()
		.map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

/** The MEANTIME news articles, kept in the repository with their gold (data/meantime). */
export const meantimeDir = join(root, 'data/meantime');

/** The real news text: the evaluation articles of data/meantime and samples/. */
export function newsArticles() {
	const meantime = readTxt(meantimeDir);
	const samples = readTxt(join(root, 'samples'));
	return { meantime, samples, all: [...meantime, ...samples] };
}

/** Body paragraphs (header line dropped) of the given articles. */
export function paragraphsOf(articles) {
	const out = [];
	for (const { text } of articles) {
		const body = text.replace(/^\s*date [^\n]*\n/, '');
		for (const p of body.split(/\n\s*\n/)) if (p.trim().length > 40) out.push(p.trim());
	}
	return out;
}

const FIRST = ['Maria', 'John', 'Ahmed', 'Li', 'Olga', 'Carlos', 'Fatima', 'Pierre', 'Anna', 'Kwame'];
const LAST = ['Okafor', 'Schmidt', 'Haddad', 'Tanaka', 'Moreau', 'Silva', 'Novak', 'Reyes', 'Kowalski', 'Mensah'];

// Vary a paragraph so repeated text is not identical: new figures, now and then a new name.
function vary(p, r) {
	let s = p.replace(/\d/g, () => String(Math.floor(r() * 10)));
	if (r() < 0.3) s = `${FIRST[Math.floor(r() * 10)]} ${LAST[Math.floor(r() * 10)]} said on Tuesday that ${s[0].toLowerCase()}${s.slice(1)}`;
	return s;
}

function header(r, i) {
	const y = 2005 + Math.floor(r() * 20),
		m = 1 + Math.floor(r() * 12),
		d = 1 + Math.floor(r() * 28);
	const pad = (n) => String(n).padStart(2, '0');
	return `date ${y}-${pad(m)}-${pad(d)} Generated seed ${i}: officials report on talks and figures`;
}

/** One seed document of about `bytes` UTF-8 bytes made of varied real paragraphs. */
export function seedOfSize(paragraphs, bytes, seed = 1) {
	const r = rng(seed);
	const parts = [header(r, seed)];
	let size = parts[0].length;
	while (size < bytes) {
		const p = vary(paragraphs[Math.floor(r() * paragraphs.length)], r);
		parts.push(p);
		size += Buffer.byteLength(p) + 2;
	}
	return parts.join('\n\n') + '\n';
}

/** Writes (once) `count` seed files of 8–24 paragraphs (2–4 kB, a news article's size) into bench/data/corpus-N/ and returns the folder. */
export function corpusFolder(paragraphs, count) {
	const dir = join(dataDir, `corpus-v2-${count}`);
	const stamp = join(dir, '.complete');
	if (existsSync(stamp)) return dir;
	rmSync(dir, { recursive: true, force: true });
	const r = rng(count);
	for (let i = 0; i < count; i++) {
		const sub = join(dir, String(Math.floor(i / 1000)).padStart(2, '0'));
		if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
		const n = 8 + Math.floor(r() * 17);
		const body = Array.from({ length: n }, () => vary(paragraphs[Math.floor(r() * paragraphs.length)], r));
		writeFileSync(join(sub, `${String(i).padStart(5, '0')}.txt`), [header(r, i), ...body].join('\n\n') + '\n');
	}
	writeFileSync(stamp, '');
	return dir;
}

/** Total size in bytes and number of files of a folder tree. */
export function folderSize(dir) {
	let bytes = 0,
		files = 0;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		if (e.isDirectory()) {
			const s = folderSize(p);
			bytes += s.bytes;
			files += s.files;
		} else if (e.name.endsWith('.txt')) {
			bytes += statSync(p).size;
			files++;
		}
	}
	return { bytes, files };
}
