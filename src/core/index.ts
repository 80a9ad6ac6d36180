// Public entry point of the core for hosts.
export { getLanguageService, resolveProfiles } from './languageService';
export type { LanguageService, LanguageServiceParams, LanguageSettings } from './languageService';
export { loadKnowledgeBase, KnowledgeBaseError, formatKnowledgeProblem } from './knowledge/load';
export type { KnowledgeSource, KnowledgeSources, KnowledgeProblem } from './knowledge/load';
export { detectFormat } from './formats/detect';
export * from './model';
export { documentSummary, parseQuantity, summaryText } from './services/summary';
export type { VendorTotal } from './services/summary';
