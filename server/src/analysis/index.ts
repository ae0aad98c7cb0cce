/** The public surface of the analysis core. */
export { analyze, analyzeDocument, type Analysis } from './analyze';
export { defaultOptions, type AnalysisOptions } from './options';
export type * from './types';
export type { SeedDocument, Sentence, Token, Paragraph } from './document';
