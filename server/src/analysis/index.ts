/** The public surface of the analysis core. */
export { analysisCache, analyze, analyzeDocument, readSections, type Analysis, type AnalysisCache } from './analyze';
export { defaultOptions, type AnalysisOptions } from './options';
export type * from './types';
export type { SeedDocument, Sentence, Token, Paragraph } from './document';
