/** The public surface of the analysis core. */
export { analysisCache, analyze, analyzeDocument, type Analysis, type AnalysisCache } from './analyze';
export { defaultOptions, type AnalysisOptions } from './options';
export type * from './types';
export type { SeedDocument, Sentence, Token, Paragraph } from './document';
