// The VendorLens language service: what every host (VS Code, any LSP editor, the CLI) drives.
// Host services come in through params; answers are LSP types.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionContext, CodeLens, Diagnostic, Hover, Position, Range } from 'vscode-languageserver-types';
import { analyzeDocument, createMatchers } from './analyze';
import type { DocumentAnalysis, KnowledgeBase, Profile } from './model';
import { DEFAULT_PROFILE } from './review/profiles';
import { codeActionsFor } from './services/codeActions';
import { toDiagnostics } from './services/diagnostics';
import { hoverAt } from './services/hover';
import { documentSummary, summaryCodeLenses, type VendorTotal } from './services/summary';
import { isoDate } from './text';

export interface LanguageSettings {
  /** Profile id from the knowledge base (e.g. 'global', 'cz', 'us-federal'). */
  profile?: string;
  /** Written into new review notes as `by:`. */
  reviewer?: string;
  /** Days until a new review note expires. */
  noteExpiryDays?: number;
  maxFindingsPerFile?: number;
}

export interface LanguageServiceParams {
  knowledge: KnowledgeBase;
  /** The host's clock; notes expire and deadlines count down against it. */
  now?: () => Date;
  /** The client shows diagnostics' related information (other evidence of the same row or device). */
  relatedInformation?: boolean;
}

export interface LanguageService {
  configure(settings: LanguageSettings): void;
  /** The active profile (the default one when the configured id is unknown). */
  readonly profile: Profile;
  analyze(document: TextDocument): DocumentAnalysis;
  doValidation(document: TextDocument): Promise<Diagnostic[]>;
  doHover(document: TextDocument, position: Position): Promise<Hover | null>;
  doCodeActions(document: TextDocument, range: Range, context: CodeActionContext): Promise<CodeAction[]>;
  /** The per-document summary of flagged items and quantities, as a lens on the first line. */
  doCodeLens(document: TextDocument): Promise<CodeLens[]>;
  /** Flagged items and summed quantities per vendor. */
  summarize(document: TextDocument): VendorTotal[];
  /** Forget a closed document's cached analysis. */
  forget(uri: string): void;
}

const CACHE_SIZE = 64;

export function getLanguageService(params: LanguageServiceParams): LanguageService {
  const kb = params.knowledge;
  const now = params.now ?? (() => new Date());
  const matchers = createMatchers(kb);
  let settings: Required<Omit<LanguageSettings, 'reviewer'>> & Pick<LanguageSettings, 'reviewer'> = {
    profile: DEFAULT_PROFILE,
    noteExpiryDays: 90,
    maxFindingsPerFile: 1000,
  };
  let profile = resolveProfile(kb, settings.profile);
  let generation = 0;
  const cache = new Map<string, { version: number; generation: number; today: string; analysis: DocumentAnalysis }>();

  function analyze(document: TextDocument): DocumentAnalysis {
    const today = isoDate(now());
    const hit = cache.get(document.uri);
    if (hit && hit.version === document.version && hit.generation === generation && hit.today === today) return hit.analysis;
    const analysis = analyzeDocument(document, kb, matchers, { profile, today, maxFindings: settings.maxFindingsPerFile });
    cache.delete(document.uri);
    cache.set(document.uri, { version: document.version, generation, today, analysis });
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return analysis;
  }

  return {
    configure(next: LanguageSettings) {
      settings = {
        profile: next.profile ?? DEFAULT_PROFILE,
        reviewer: next.reviewer,
        noteExpiryDays: next.noteExpiryDays ?? 90,
        maxFindingsPerFile: next.maxFindingsPerFile ?? 1000,
      };
      profile = resolveProfile(kb, settings.profile);
      generation++;
    },
    get profile() {
      return profile;
    },
    analyze,
    async doValidation(document) {
      return toDiagnostics(kb, analyze(document), params.relatedInformation === true);
    },
    async doHover(document, position) {
      return hoverAt(kb, profile, analyze(document).findings, position, isoDate(now()));
    },
    async doCodeActions(document, _range, context) {
      return codeActionsFor(kb, document, analyze(document), context, {
        today: isoDate(now()),
        reviewer: settings.reviewer,
        expiryDays: settings.noteExpiryDays,
      });
    },
    async doCodeLens(document) {
      return summaryCodeLenses(kb, analyze(document));
    },
    summarize(document) {
      return documentSummary(kb, analyze(document));
    },
    forget(uri) {
      cache.delete(uri);
    },
  };
}

export function resolveProfile(kb: KnowledgeBase, id: string): Profile {
  return kb.profileById.get(id) ?? kb.profileById.get(DEFAULT_PROFILE) ?? { id: DEFAULT_PROFILE, title: 'All jurisdictions', jurisdictions: ['*'] };
}
