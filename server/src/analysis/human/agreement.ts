/**
 * Agreement between two annotators of the same documents (or an annotator and the machine): per
 * type span F1, exact and overlapping; Cohen's kappa over tokens; agreement on claims' sources;
 * and every disagreement with its place. Pure: the caller reads the files.
 */
import type { Span } from '../types';

/** One side's annotation of a span: its type, and where it is written (1-based `.ann` line, if any). */
export interface Labelled extends Span {
	type: string;
	annLine?: number;
}

/** One side's claim: its anchor (cue, or content) and its source span, if any. */
export interface ClaimMark {
	anchor: Span;
	source: Span | null;
	annLine?: number;
}

/** The two sides' annotations of one document. */
export interface DocumentPair {
	file: string;
	text: string;
	a: { spans: Labelled[]; claims: ClaimMark[] };
	b: { spans: Labelled[]; claims: ClaimMark[] };
}

export interface TypeScores {
	type: string;
	/** Spans each side has of this type. */
	a: number;
	b: number;
	exact: { matched: number; f1: number };
	overlap: { matched: number; f1: number };
}

export interface Disagreement {
	file: string;
	/** 1-based line of the seed where the span starts. */
	line: number;
	text: string;
	a: string;
	b: string;
	aAnnLine?: number;
	bAnnLine?: number;
}

export interface Agreement {
	documents: number;
	types: TypeScores[];
	/** All types together. */
	overall: { exactF1: number; overlapF1: number };
	/** Cohen's kappa on token labels (a token takes the type of the span over it, or O). */
	kappa: { tokens: number; value: number | null; observed: number; expected: number };
	/** Claims both sides have (anchors overlapping), and those whose sources agree (both none, or overlapping). */
	claims: { a: number; b: number; matched: number; sourceAgreed: number };
	disagreements: Disagreement[];
}

const overlaps = (x: Span, y: Span) => x.start < y.end && y.start < x.end;
const same = (x: Span, y: Span) => x.start === y.start && x.end === y.end;
const f1 = (matched: number, a: number, b: number) => (a + b === 0 ? 1 : (2 * matched) / (a + b));

/** Compares two annotators over a set of documents. */
export function agreement(docs: readonly DocumentPair[]): Agreement {
	const types = new Map<string, TypeScores>();
	const score = (type: string) => {
		let t = types.get(type);
		if (!t) types.set(type, (t = { type, a: 0, b: 0, exact: { matched: 0, f1: 0 }, overlap: { matched: 0, f1: 0 } }));
		return t;
	};
	const disagreements: Disagreement[] = [];
	const confusion = new Map<string, number>();
	let tokens = 0;
	const claims = { a: 0, b: 0, matched: 0, sourceAgreed: 0 };
	for (const d of docs) {
		for (const s of d.a.spans) score(s.type).a++;
		for (const s of d.b.spans) score(s.type).b++;
		for (const s of d.a.spans) if (d.b.spans.some((o) => o.type === s.type && same(o, s))) score(s.type).exact.matched++;
		// Overlap matches are one to one: each span of B is used once.
		const used = new Set<Labelled>();
		for (const s of d.a.spans) {
			const o = d.b.spans.find((x) => !used.has(x) && x.type === s.type && overlaps(x, s));
			if (o) {
				used.add(o);
				score(s.type).overlap.matched++;
			}
		}
		disagreements.push(...differences(d));
		tokens += tokenConfusion(d, confusion);
		compareClaims(d, claims, disagreements);
	}
	const list = [...types.values()].sort((x, y) => x.type.localeCompare(y.type));
	for (const t of list) {
		t.exact.f1 = f1(t.exact.matched, t.a, t.b);
		t.overlap.f1 = f1(t.overlap.matched, t.a, t.b);
	}
	const sum = (f: (t: TypeScores) => number) => list.reduce((n, t) => n + f(t), 0);
	const overall = {
		exactF1: f1(
			sum((t) => t.exact.matched),
			sum((t) => t.a),
			sum((t) => t.b),
		),
		overlapF1: f1(
			sum((t) => t.overlap.matched),
			sum((t) => t.a),
			sum((t) => t.b),
		),
	};
	disagreements.sort((x, y) => x.file.localeCompare(y.file) || x.line - y.line);
	return { documents: docs.length, types: list, overall, kappa: kappa(confusion, tokens), claims, disagreements };
}

const lineOf = (text: string, at: number) => {
	let n = 1;
	for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) n++;
	return n;
};

// Spans one side has and the other does not have with the same type and extent.
function differences(d: DocumentPair): Disagreement[] {
	const out: Disagreement[] = [];
	const describe = (s: Labelled | undefined) => (s ? `${s.type} “${d.text.slice(s.start, s.end)}”` : 'nothing');
	const seen = new Set<Labelled>();
	for (const s of d.a.spans) {
		if (d.b.spans.some((o) => o.type === s.type && same(o, s))) continue;
		const o = d.b.spans.find((x) => overlaps(x, s));
		if (o) seen.add(o);
		out.push({
			file: d.file,
			line: lineOf(d.text, s.start),
			text: d.text.slice(s.start, s.end),
			a: describe(s),
			b: describe(o),
			aAnnLine: s.annLine,
			bAnnLine: o?.annLine,
		});
	}
	for (const o of d.b.spans) {
		if (seen.has(o) || d.a.spans.some((s) => s.type === o.type && same(o, s))) continue;
		out.push({ file: d.file, line: lineOf(d.text, o.start), text: d.text.slice(o.start, o.end), a: 'nothing', b: describe(o), bAnnLine: o.annLine });
	}
	return out;
}

const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

// Counts (label of A, label of B) over the document's tokens; returns the number of tokens.
function tokenConfusion(d: DocumentPair, confusion: Map<string, number>): number {
	const labelAt = (spans: Labelled[], s: Span) => spans.find((x) => overlaps(x, s))?.type ?? 'O';
	let n = 0;
	for (const m of d.text.matchAll(TOKEN)) {
		const s = { start: m.index, end: m.index + m[0].length };
		const key = `${labelAt(d.a.spans, s)}\u0000${labelAt(d.b.spans, s)}`;
		confusion.set(key, (confusion.get(key) ?? 0) + 1);
		n++;
	}
	return n;
}

function kappa(confusion: Map<string, number>, n: number): Agreement['kappa'] {
	if (!n) return { tokens: 0, value: null, observed: 0, expected: 0 };
	const rowA = new Map<string, number>();
	const rowB = new Map<string, number>();
	let agree = 0;
	for (const [key, c] of confusion) {
		const [a, b] = key.split('\u0000');
		rowA.set(a, (rowA.get(a) ?? 0) + c);
		rowB.set(b, (rowB.get(b) ?? 0) + c);
		if (a === b) agree += c;
	}
	const observed = agree / n;
	let expected = 0;
	for (const [label, c] of rowA) expected += (c / n) * ((rowB.get(label) ?? 0) / n);
	return { tokens: n, value: expected === 1 ? null : (observed - expected) / (1 - expected), observed, expected };
}

function compareClaims(d: DocumentPair, claims: Agreement['claims'], out: Disagreement[]): void {
	claims.a += d.a.claims.length;
	claims.b += d.b.claims.length;
	const used = new Set<ClaimMark>();
	const src = (c: ClaimMark) => (c.source ? `source “${d.text.slice(c.source.start, c.source.end)}”` : 'no source');
	for (const c of d.a.claims) {
		const o = d.b.claims.find((x) => !used.has(x) && overlaps(x.anchor, c.anchor));
		if (!o) continue;
		used.add(o);
		claims.matched++;
		const agreed = (!c.source && !o.source) || (!!c.source && !!o.source && overlaps(c.source, o.source));
		if (agreed) claims.sourceAgreed++;
		else
			out.push({
				file: d.file,
				line: lineOf(d.text, c.anchor.start),
				text: d.text.slice(c.anchor.start, c.anchor.end),
				a: `claim, ${src(c)}`,
				b: `claim, ${src(o)}`,
				aAnnLine: c.annLine,
				bAnnLine: o.annLine,
			});
	}
}
