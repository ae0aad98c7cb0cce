/** Settings (`seedLens.*`) → plain option objects for the core and the features. */
import type { AnalysisOptions } from './analysis';

export type SeverityLevel = 'off' | 'hint' | 'information' | 'warning' | 'error';

export interface Settings {
	analysis: AnalysisOptions;
	/** Severity of the diagnostics of each kind of finding, by diagnostic code or kind. */
	severity: {
		entities: SeverityLevel;
		dates: SeverityLevel;
		claims: SeverityLevel;
		unattributedClaims: SeverityLevel;
		/** Per-code overrides for structural problems (`truncated-sentence`…). */
		problems: Record<string, SeverityLevel>;
	};
	inlayHints: { relativeDates: boolean };
	codeLens: boolean;
	/** Finding codes silenced across the workspace. */
	ignore: string[];
}

export const defaultSettings: Settings = {
	analysis: { maxFileSize: 5_000_000, unattributedClaims: true },
	severity: { entities: 'hint', dates: 'hint', claims: 'information', unattributedClaims: 'warning', problems: {} },
	inlayHints: { relativeDates: true },
	codeLens: true,
	ignore: [],
};

const LEVELS = new Set(['off', 'hint', 'information', 'warning', 'error']);
const level = (v: unknown, d: SeverityLevel): SeverityLevel => (typeof v === 'string' && LEVELS.has(v) ? (v as SeverityLevel) : d);

/** Reads the raw `seedLens` configuration section, falling back to defaults for anything missing or wrong. */
export function toSettings(raw: unknown): Settings {
	const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
	const d = defaultSettings;
	const sev = (r.severity ?? {}) as Record<string, unknown>;
	const problems: Record<string, SeverityLevel> = {};
	for (const [k, v] of Object.entries((sev.problems ?? {}) as Record<string, unknown>)) if (LEVELS.has(v as string)) problems[k] = v as SeverityLevel;
	return {
		analysis: {
			maxFileSize: typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : d.analysis.maxFileSize,
			unattributedClaims: d.analysis.unattributedClaims,
		},
		severity: {
			entities: level(sev.entities, d.severity.entities),
			dates: level(sev.dates, d.severity.dates),
			claims: level(sev.claims, d.severity.claims),
			unattributedClaims: level(sev.unattributedClaims, d.severity.unattributedClaims),
			problems,
		},
		inlayHints: { relativeDates: r.inlayHints?.relativeDates !== false },
		codeLens: r.codeLens !== false,
		ignore: Array.isArray(r.ignore) ? r.ignore.filter((x: unknown) => typeof x === 'string') : [],
	};
}
