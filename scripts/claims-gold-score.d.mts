// Types of scripts/claims-gold-score.mjs (a plain module, so that `node scripts/eval-claims.mjs` runs without tsx).
export interface Span {
	start: number;
	end: number;
	text?: string;
}
export interface GoldSource extends Span {
	refers?: Span;
}
export interface GoldClaim extends Span {
	kind: 'attributed' | 'quote' | 'unattributed';
	cue: Span | null;
	source: GoldSource | null;
	content: Span | null;
}
export interface PredClaim extends Span {
	kind: string;
	cue?: Span | null;
	source?: (Span & { entity?: string }) | null;
	content?: Span | null;
}
export interface ClaimsGoldDoc {
	gold: { zone?: [number, number]; gold: { claims: GoldClaim[] } };
	text: string;
	pred: { claims?: PredClaim[]; entities?: { id: string; name?: string; mentions?: Span[] }[] };
}
export interface ClaimsGoldError {
	type: 'noise' | 'missed' | 'wrong source' | 'unresolved source' | 'content';
	doc: number;
	at: number;
	kind: string;
	cue: string | null;
	source: string | null;
	gold?: string;
	sentence: string;
}
export interface ClaimsGoldScore {
	n: {
		gold: number;
		attributed: number;
		found: number;
		sourceN: number;
		sourceOk: number;
		resolvedOk: number;
		contentN: number;
		contentOk: number;
		contentDice: number;
	};
	u: { gold: number; found: number; pred: number; right: number };
	pred: number;
	noise: number;
	duplicate: number;
	errors: ClaimsGoldError[];
}
export function overlaps(a: Span | null | undefined, b: Span | null | undefined): boolean;
export function dice(a: Span | null | undefined, b: Span | null | undefined): number;
export function scoreClaimsGold(docs: ClaimsGoldDoc[]): ClaimsGoldScore;
