/** The public surface of the analysis core. */
export { sectionAnalyses, analyze, analyzeDocument, analyzeWithModel, readSections, type CoreAnalysis, type SectionAnalyses } from './analyze';
export { defaultOptions, type AnalysisOptions, type HumanSource } from './options';
export type * from './types';
export { CODES, FINDING_CODE_LIST, isFindingCode, type CodeInfo } from './codes';
export type { SeedDocument, Sentence, Token, Paragraph } from './document';
