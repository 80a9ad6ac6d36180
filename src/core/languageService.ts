// The VendorLens language service: what every host (VS Code, any LSP editor, the CLI) drives.
// Host services come in through params and settings; answers are LSP types.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CodeAction, type CodeActionContext, type CodeLens, type Hover, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import { analyzeDocument, createMatchers, problemOnlyAnalysis, type AnalysisOptions, type Matchers, type PreparedDocument } from './analyze';
import { applyPolicy, parsePolicy, policyAdditions, type Policy, type SidecarAcceptance } from './knowledge/policy';
import type { KnowledgeProblem } from './knowledge/load';
import type { DocumentAnalysis, KnowledgeBase, Profile } from './model';
import { pathRelativeToPolicy } from './review/paths';
import { DEFAULT_PROFILE } from './review/profiles';
import { acceptanceWorkspaceEdit, codeActionsFor, type AcceptanceScope, type NoteInput } from './services/codeActions';
import { DIAGNOSTIC_SOURCE, toDiagnostics, type TextDiagnostic } from './services/diagnostics';
import { bannerCodeLenses, placeDocumentFindings, reviewStateCodeLens } from './services/banner';
import { hoverAt, renderVendorDetails } from './services/hover';
import { documentSummary, summaryCodeLenses, type VendorTotal } from './services/summary';
import { isoDate } from './text';
import { t } from './l10n';

/** The organisation policy file: where it is (or would go) and its text; text undefined when it does not exist. */
export interface PolicySource {
  uri: string;
  text?: string;
}

export interface LanguageSettings {
  /** Profile ids (e.g. 'cz', 'us-federal'); empty: the policy file's, else 'global'. */
  profile?: string | string[];
  /** Written into new review notes as `by:`. */
  reviewer?: string;
  /** Days until a new review note expires. */
  noteExpiryDays?: number;
  maxFindingsPerFile?: number;
  /** Longer documents (UTF-16 code units) are skipped with a diagnostic saying why. */
  maxDocumentSize?: number;
  /** How long one document's analysis may take before it stops with a diagnostic saying where. */
  timeBudgetMs?: number;
  /** The organisation policy file (.vendorlens.yaml) at the workspace root. */
  policy?: PolicySource;
  /** False in Restricted Mode: the workspace's policy and notes are shown but cannot lower severities. */
  trusted?: boolean;
}

export interface LanguageServiceParams {
  knowledge: KnowledgeBase;
  /** The host's clock; notes expire and deadlines count down against it. */
  now?: () => Date;
  /** The client shows diagnostics' related information (other evidence of the same row or device). */
  relatedInformation?: boolean;
  /** The client asks the reviewer for a note's reason, ticket and expiry (command vendorlens.acceptFinding). */
  interactiveAcceptance?: boolean;
  /** The client runs the extension's own command links in hovers (details, accept): the VS Code client. */
  commandLinks?: boolean;
  /** Monotonic milliseconds for the analysis time budget; Date.now by default. */
  clock?: () => number;
  /** Told when a document could not be analysed (a bug): the host logs it; the document gets a diagnostic. */
  onError?: (uri: string, error: unknown) => void;
}

export interface LanguageService {
  configure(settings: LanguageSettings): void;
  /** The active profiles (the default one when none is configured or known). */
  readonly profiles: readonly Profile[];
  /** The knowledge base in effect: bundled data plus the policy file's additions. */
  readonly knowledge: KnowledgeBase;
  readonly policy: { source?: PolicySource; value?: Policy; problems: KnowledgeProblem[] };
  analyze(document: TextDocument): DocumentAnalysis;
  /** A document the host parsed itself (a spreadsheet read from its bytes); not cached. */
  analyzePrepared(document: TextDocument, prepared: PreparedDocument): DocumentAnalysis;
  doValidation(document: TextDocument): Promise<TextDiagnostic[]>;
  doHover(document: TextDocument, position: Position): Promise<Hover | null>;
  doCodeActions(document: TextDocument, range: Range, context: CodeActionContext): Promise<CodeAction[]>;
  /** The edit accepting a finding with the reviewer's note (for the client's interactive command). */
  acceptanceEdit(document: TextDocument, findingId: string, scope: AcceptanceScope, note: NoteInput): WorkspaceEdit | undefined;
  /** Markdown describing a vendor: names, status, identifiers and every advisory naming it. */
  vendorDetails(vendorId: string, finding?: { document: TextDocument; findingId: string }): string | undefined;
  /** Lenses on the first line: the device a configuration is (banner), open and accepted findings, a BOM's totals. */
  doCodeLens(document: TextDocument): Promise<CodeLens[]>;
  /** Flagged items and summed quantities per vendor. */
  summarize(document: TextDocument): VendorTotal[];
  /** Forget a closed document's cached analysis. */
  forget(uri: string): void;
}

const CACHE_SIZE = 64;

export function getLanguageService(params: LanguageServiceParams): LanguageService {
  const bundled = params.knowledge;
  let settings: LanguageSettings = {};
  let kb = bundled;
  let matchers: Matchers = createMatchers(kb);
  let profiles: readonly Profile[] = resolveProfiles(kb, []);
  let policy: LanguageService['policy'] = { problems: [] };
  let generation = 0;
  const cache = new Map<string, { version: number; generation: number; today: string; analysis: DocumentAnalysis }>();

  // The policy's acceptances by file, built once per policy: a workspace review asks for each of thousands of files.
  let acceptancesByFile: { of: readonly SidecarAcceptance[]; byFile: Map<string, SidecarAcceptance[]> } | undefined;
  function acceptancesFor(file: string): readonly SidecarAcceptance[] {
    const all = policy.value?.acceptances ?? [];
    if (all.length === 0) return all;
    if (acceptancesByFile?.of !== all) {
      const byFile = new Map<string, SidecarAcceptance[]>();
      for (const a of all) {
        const list = byFile.get(a.file);
        if (list) list.push(a);
        else byFile.set(a.file, [a]);
      }
      acceptancesByFile = { of: all, byFile };
    }
    return acceptancesByFile.byFile.get(file) ?? [];
  }

  function analysisOptions(document: TextDocument, day: string): AnalysisOptions {
    const relative = policy.source ? pathRelativeToPolicy(policy.source.uri, document.uri) : undefined;
    return {
      profiles,
      overrides: policy.value?.severity ?? {},
      policyAcceptances: relative === undefined ? [] : acceptancesFor(relative),
      trusted: settings.trusted !== false,
      today: day,
      maxFindings: settings.maxFindingsPerFile ?? 1000,
      maxDocumentSize: settings.maxDocumentSize,
      timeBudgetMs: settings.timeBudgetMs,
      clock: params.clock,
    };
  }

  /** Today's date (UTC), formatted once a day: every analysis asks, and toISOString costs more than the question. */
  let dayFormatted: { day: number; iso: string } | undefined;
  function today(): string {
    const time = params.now ? params.now().getTime() : Date.now();
    const day = Math.floor(time / 86_400_000);
    if (dayFormatted?.day !== day) dayFormatted = { day, iso: isoDate(new Date(time)) };
    return dayFormatted.iso;
  }

  function analyze(document: TextDocument): DocumentAnalysis {
    const day = today();
    const hit = cache.get(document.uri);
    if (hit && hit.version === document.version && hit.generation === generation && hit.today === day) return hit.analysis;
    const analysis = placeDocumentFindings(document, analyzeSafely(document, analysisOptions(document, day)));
    cache.delete(document.uri);
    cache.set(document.uri, { version: document.version, generation, today: day, analysis });
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return analysis;
  }

  /** One document that breaks the analysis must not break the host: it gets a diagnostic instead of findings. */
  function analyzeSafely(document: TextDocument, options: AnalysisOptions, prepared?: PreparedDocument): DocumentAnalysis {
    try {
      return analyzeDocument(document, kb, matchers, options, prepared);
    } catch (error) {
      params.onError?.(document.uri, error);
      const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return problemOnlyAnalysis(document, 'text', {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'error',
        code: 'analysis-failed',
        message: `VendorLens could not analyse this file (${what.slice(0, 200)}); no findings are shown for it. Other files are not affected.`,
      });
    }
  }

  /** A policy file that breaks the parser must not break the host: it is reported and ignored. */
  function parsePolicySafely(uri: string, text: string): ReturnType<typeof parsePolicy> {
    try {
      return parsePolicy({ file: uri, text }, bundled);
    } catch (error) {
      params.onError?.(uri, error);
      return { problems: [{ file: uri, line: 0, start: 0, end: 0, message: `The policy file could not be read (${String(error).slice(0, 200)}); it is ignored.` }] };
    }
  }

  function policyDiagnostics(document: TextDocument): TextDiagnostic[] {
    return policy.problems.map((p) => {
      const start = p.start ?? 0;
      return {
        range: { start: document.positionAt(start), end: document.positionAt(Math.max(start, p.end ?? start)) },
        severity: DiagnosticSeverity.Error,
        source: DIAGNOSTIC_SOURCE,
        code: 'invalid-policy',
        message: [p.entry && t("entry '{0}'", p.entry), p.field && t("field '{0}'", p.field), p.message].filter(Boolean).join(': '),
      };
    });
  }

  return {
    configure(next: LanguageSettings) {
      const policyChanged = next.policy?.uri !== settings.policy?.uri || next.policy?.text !== settings.policy?.text;
      const trustChanged = (next.trusted !== false) !== (settings.trusted !== false);
      settings = { ...next };
      if (policyChanged) {
        const result = next.policy?.text !== undefined ? parsePolicySafely(next.policy.uri, next.policy.text) : { problems: [] };
        policy = { source: next.policy, value: result.policy, problems: result.problems };
      }
      if (policyChanged || (trustChanged && policy.value)) {
        const trusted = next.trusted !== false;
        kb = policy.value ? applyPolicy(bundled, policy.value, !trusted) : bundled;
        // In Restricted Mode the policy's additions are matched apart from the bundled knowledge: they can add
        // findings, never exclude, shadow or re-attribute one (a longer alias around a flagged vendor's name).
        matchers = !policy.value ? createMatchers(bundled) : trusted ? createMatchers(kb) : createMatchers(bundled, policyAdditions(bundled, policy.value));
      }
      const requested = typeof next.profile === 'string' ? [next.profile] : (next.profile ?? []);
      const chosen = requested.filter((p) => p !== '');
      // The workspace's policy may not pick a milder profile in Restricted Mode.
      const fromPolicy = next.trusted !== false ? (policy.value?.profiles ?? []) : [];
      profiles = resolveProfiles(kb, chosen.length > 0 ? chosen : fromPolicy);
      generation++;
    },
    get profiles() {
      return profiles;
    },
    get knowledge() {
      return kb;
    },
    get policy() {
      return policy;
    },
    analyze,
    analyzePrepared: (document, prepared) => analyzeSafely(document, analysisOptions(document, today()), prepared),
    async doValidation(document) {
      if (policy.source && document.uri === policy.source.uri) return policyDiagnostics(document);
      return toDiagnostics(kb, analyze(document), params.relatedInformation === true);
    },
    async doHover(document, position) {
      if (policy.source && document.uri === policy.source.uri) return null;
      return hoverAt(kb, profiles, analyze(document).findings, position, today(), { uri: document.uri, commands: params.commandLinks === true });
    },
    async doCodeActions(document, _range, context) {
      if (policy.source && document.uri === policy.source.uri) return [];
      return codeActionsFor(kb, document, analyze(document), context, {
        today: today(),
        reviewer: settings.reviewer || undefined,
        expiryDays: settings.noteExpiryDays ?? 90,
        interactive: params.interactiveAcceptance === true,
      }, settings.policy);
    },
    acceptanceEdit(document, findingId, scope, note) {
      const analysis = analyze(document);
      const finding = analysis.findings.find((f) => f.id === findingId);
      return finding && acceptanceWorkspaceEdit(document, analysis, finding, scope, note, settings.policy);
    },
    vendorDetails(vendorId, about) {
      const finding = about && analyze(about.document).findings.find((f) => f.id === about.findingId);
      return renderVendorDetails(kb, profiles, vendorId, today(), finding);
    },
    async doCodeLens(document) {
      const analysis = analyze(document);
      return [...bannerCodeLenses(kb, analysis, params.commandLinks === true), ...reviewStateCodeLens(analysis), ...summaryCodeLenses(kb, analysis)];
    },
    summarize(document) {
      return documentSummary(kb, analyze(document));
    },
    forget(uri) {
      cache.delete(uri);
    },
  };
}

/** The profiles with these ids that exist; the default profile when none does. */
export function resolveProfiles(kb: KnowledgeBase, ids: readonly string[]): Profile[] {
  const found = ids.map((id) => kb.profileById.get(id)).filter((p): p is Profile => p !== undefined);
  if (found.length > 0) return found;
  return [kb.profileById.get(DEFAULT_PROFILE) ?? { id: DEFAULT_PROFILE, title: 'All jurisdictions', jurisdictions: ['*'] }];
}
