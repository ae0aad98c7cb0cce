/** Settings (`seedLens.*`) → plain option objects for the core and the features. */
import { defaultOptions, type AnalysisOptions } from './analysis/options';

export type SeverityLevel = 'off' | 'hint' | 'information' | 'warning' | 'error';

export interface Settings {
	analysis: AnalysisOptions;
	/** Severity of the diagnostics of each kind of finding. */
	severity: {
		entities: SeverityLevel;
		dates: SeverityLevel;
		claims: SeverityLevel;
		unattributedClaims: SeverityLevel;
		/** Per-code overrides for structural problems (`truncated-sentence`…). */
		problems: Record<string, SeverityLevel>;
	};
	/** The most hint- and information-level findings pushed as diagnostics per document (warnings and errors are all pushed). */
	maxQuietDiagnostics: number;
	/** The most claims listed under one source in the outline. */
	outline: { maxClaimsPerSource: number };
	inlayHints: { relativeDates: boolean };
	codeLens: { enabled: boolean };
	/** Finding codes silenced across the workspace. */
	ignore: string[];
	index: { enabled: boolean; exclude: string[] };
	/** Apply the workspace model learned from the reviewed annotations (`.seedlens/model.json`). */
	learnedModel: { enabled: boolean };
}

export const defaultSettings: Settings = {
	analysis: { ...defaultOptions },
	severity: { entities: 'hint', dates: 'hint', claims: 'information', unattributedClaims: 'warning', problems: {} },
	maxQuietDiagnostics: 2000,
	outline: { maxClaimsPerSource: 200 },
	inlayHints: { relativeDates: true },
	codeLens: { enabled: true },
	ignore: [],
	index: { enabled: true, exclude: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**'] },
	learnedModel: { enabled: true },
};

const LEVELS = new Set(['off', 'hint', 'information', 'warning', 'error']);
const level = (v: unknown, d: SeverityLevel): SeverityLevel => (typeof v === 'string' && LEVELS.has(v) ? (v as SeverityLevel) : d);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const bool = (v: unknown, d: boolean): boolean => (typeof v === 'boolean' ? v : d);
const count = (v: unknown, d: number): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : d);
const strings = (v: unknown, d: string[]): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : d);

/**
 * Reads the raw `seedLens` configuration section, falling back to defaults for
 * anything missing or wrong. Accepts both nested objects and dotted keys
 * (`"severity.entities": "off"`), since editors other than VS Code send either.
 */
export function toSettings(raw: unknown): Settings {
	const r = expandDotted(obj(raw));
	const d = defaultSettings;
	const sev = obj(r.severity);
	const problems: Record<string, SeverityLevel> = {};
	for (const [k, v] of Object.entries(obj(sev.problems))) if (LEVELS.has(v as string)) problems[k] = v as SeverityLevel;
	const codeLens = typeof r.codeLens === 'boolean' ? r.codeLens : obj(r.codeLens).enabled;
	return {
		analysis: {
			...d.analysis,
			maxFileSize: typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : d.analysis.maxFileSize,
			maxParsedSize: count(r.maxParsedSize, d.analysis.maxParsedSize),
			unattributedClaims: d.analysis.unattributedClaims,
		},
		severity: {
			entities: level(sev.entities, d.severity.entities),
			dates: level(sev.dates, d.severity.dates),
			claims: level(sev.claims, d.severity.claims),
			unattributedClaims: level(sev.unattributedClaims, d.severity.unattributedClaims),
			problems,
		},
		maxQuietDiagnostics: count(r.maxQuietDiagnostics, d.maxQuietDiagnostics),
		outline: { maxClaimsPerSource: Math.max(1, count(obj(r.outline).maxClaimsPerSource, d.outline.maxClaimsPerSource)) },
		inlayHints: { relativeDates: bool(obj(r.inlayHints).relativeDates, d.inlayHints.relativeDates) },
		codeLens: { enabled: bool(codeLens, d.codeLens.enabled) },
		ignore: strings(r.ignore, d.ignore),
		index: { enabled: bool(obj(r.index).enabled, d.index.enabled), exclude: strings(obj(r.index).exclude, d.index.exclude) },
		learnedModel: { enabled: bool(obj(r.learnedModel).enabled, d.learnedModel.enabled) },
	};
}

// "severity.entities": "off" → { severity: { entities: "off" } }, without overwriting nested objects.
function expandDotted(r: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(r)) {
		const parts = key.split('.');
		let at = out;
		for (const p of parts.slice(0, -1)) {
			if (!at[p] || typeof at[p] !== 'object') at[p] = {};
			at = at[p] as Record<string, unknown>;
		}
		const last = parts[parts.length - 1];
		at[last] = value && typeof value === 'object' && !Array.isArray(value) ? { ...obj(at[last]), ...expandDotted(obj(value)) } : value;
	}
	return out;
}

/** True when two settings analyse documents differently (so cached analyses are stale). */
export function analysisChanged(a: Settings, b: Settings): boolean {
	return JSON.stringify(a.analysis) !== JSON.stringify(b.analysis) || a.learnedModel.enabled !== b.learnedModel.enabled;
}
