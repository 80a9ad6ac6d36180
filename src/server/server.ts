// LSP wiring around the core language service, shared by the Node (stdio/IPC) and browser (worker) mains.
// Standard LSP for everything an editor needs; a few `vendorlens/*` requests serve the VS Code client's
// interactive features, and every other editor works without them.
import {
  CancellationToken,
  CodeLensRefreshRequest,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeActionParams,
  type CodeLensParams,
  type Connection,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type WorkspaceEdit } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageService, type LanguageSettings, type PolicySource } from '../core/languageService';
import { OPEN_ADVISORY_COMMAND } from '../core/services/codeActions';
import { POLICY_FILE_NAME } from '../core/knowledge/policy';
import { KnowledgeBaseError } from '../core/knowledge/load';
import type { KnowledgeBase } from '../core/model';
import { configureLocalization, t } from '../core/l10n';
import { DIAGNOSTIC_SOURCE } from '../core/services/diagnostics';
import { isReportFormat, renderReport } from '../core/report/render';
import { summarizeAnalysis, type FileReport } from '../core/report/scanReport';
import { isoDate } from '../core/text';
import { isDataOld } from '../core/knowledge/dataAge';
import { analyzeWorkbook, workbookAcceptanceEdit, workbookFileReport, type WorkbookView } from '../core/services/workbook';
import { decodeBase64 } from '../shared/base64';
import {
  Requests,
  type AcceptanceEditParams,
  type AnalyzeTextParams,
  type AnalyzeTextResult,
  type DocumentDialectParams,
  type DocumentStateResult,
  type FileReportParams,
  type KnowledgeSummary,
  type RenderReportParams,
  type AnalyzeWorkbookParams,
  type WorkbookAcceptanceEditParams,
  type WorkbookFileReportParams,
} from '../shared/protocol';

declare const VENDORLENS_VERSION: string;

/** The `vendorlens.*` settings the server reads, per resource. */
export interface ServerSettings {
  enable?: boolean;
  profile?: string | string[];
  reviewer?: string;
  review?: { author?: string };
  noteExpiryDays?: number;
  maxFindingsPerFile?: number;
  /** 'onSave': open documents are analysed when opened and saved, not while typing. */
  run?: 'onType' | 'onSave';
  timeBudget?: { warnMs?: number };
  /** Larger files get a diagnostic saying they were skipped. */
  maxFileSizeMB?: number;
}

const DEFAULT_MAX_FILE_SIZE_MB = 50;

/** What the VS Code client tells the server at start-up (other editors send nothing). */
export interface InitializationOptions {
  interactiveAcceptance?: boolean;
  /** The client runs the extension's own command links in hovers (it trusts exactly those commands). */
  commandLinks?: boolean;
  /** The client wants `vendorlens/documentDialect` after each analysis of an open document. */
  dialectNotifications?: boolean;
  trusted?: boolean;
  /** The translations of the user's language (VS Code's `l10n.bundle`); absent for English. */
  l10nBundle?: Record<string, string>;
}

export { Requests, type AcceptanceEditParams, type AnalyzeTextParams, type AnalyzeTextResult, type KnowledgeSummary } from '../shared/protocol';

export interface ServerRuntime {
  loadKnowledge(): KnowledgeBase;
  /** Reads a file by URI; undefined when it does not exist. The browser runtime asks the client. */
  readFile?(uri: string): Promise<string | undefined>;
  timer: {
    setTimeout(callback: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
  };
}

const VALIDATION_DELAY_MS = 300;
const DEFAULT_WARN_MS = 1000;
export const SLOW_ANALYSIS_CODE = 'slow-analysis';

export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const documents = new TextDocuments(TextDocument);
  let knowledge: KnowledgeBase | undefined;
  let canPullConfiguration = false;
  let relatedInformation = false;
  /** The client re-asks for code lenses when told to (LSP 3.16): after settings change, lenses say other things. */
  let codeLensRefresh = false;
  /** Documents analysed again after a settings, policy or trust change, whose lenses are still the old ones. */
  const staleLenses = new Set<string>();
  let options: InitializationOptions = {};
  let trusted = true;
  let folders: WorkspaceFolder[] = [];
  let folderChangeEvents = false;
  let shutDown = false;
  // One language service per distinct settings (profile, policy…), so each folder can differ.
  const services = new Map<string, LanguageService>();
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  const policyReads = new Map<string, Promise<string | undefined>>();
  const pending = new Map<string, unknown>();

  // Local files are read directly where the runtime can; anything else (web, virtual file systems) is
  // asked of the client, which only the VS Code client answers.
  const readFile = (uri: string): Promise<string | undefined> =>
    runtime.readFile && uri.startsWith('file:')
      ? runtime.readFile(uri).catch(() => undefined)
      : connection.sendRequest<string | null>(Requests.readFile, { uri }).then((t) => t ?? undefined, () => undefined);

  function settingsFor(uri: string): Promise<ServerSettings> {
    if (!canPullConfiguration) return Promise.resolve({});
    let cached = settingsCache.get(uri);
    if (!cached) {
      cached = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'vendorlens' })
        .then((s: ServerSettings | null) => s ?? {}, () => ({}));
      settingsCache.set(uri, cached);
    }
    return cached;
  }

  /** Where the policy file of the workspace folder holding `uri` is, or would be. */
  function policyUriFor(uri: string): string | undefined {
    const folder = folders
      .filter((f) => uri.startsWith(f.uri.endsWith('/') ? f.uri : `${f.uri}/`))
      .sort((a, b) => b.uri.length - a.uri.length)[0];
    return folder && `${folder.uri.replace(/\/$/, '')}/${POLICY_FILE_NAME}`;
  }

  /**
   * Reads the policy file again before an edit is built against it: clients that send no file events
   * (Neovim, Helix) would otherwise get an edit computed on stale text, which corrupts the file (probe M5).
   * When it changed, every open document is analysed again with it.
   */
  async function refreshPolicy(uri: string): Promise<void> {
    const policyUri = policyUriFor(uri);
    if (!policyUri || documents.get(policyUri)) return;
    const cached = await policyReads.get(policyUri);
    const current = await readFile(policyUri);
    policyReads.set(policyUri, Promise.resolve(current));
    if (current !== cached) revalidateAll();
  }

  /** The policy file of the workspace folder holding `uri`: live text when open, else read once. */
  async function policyFor(uri: string): Promise<PolicySource | undefined> {
    const policyUri = policyUriFor(uri);
    if (!policyUri) return undefined;
    const open = documents.get(policyUri);
    if (open) return { uri: policyUri, text: open.getText() };
    let read = policyReads.get(policyUri);
    if (!read) {
      read = readFile(policyUri);
      policyReads.set(policyUri, read);
    }
    return { uri: policyUri, text: await read };
  }

  async function serviceFor(uri: string): Promise<{ service?: LanguageService; enabled: boolean }> {
    const settings = await settingsFor(uri);
    if (!knowledge) return { enabled: false };
    const policy = await policyFor(uri);
    const languageSettings: LanguageSettings = {
      profile: settings.profile,
      reviewer: settings.review?.author || settings.reviewer || undefined,
      noteExpiryDays: settings.noteExpiryDays,
      maxFindingsPerFile: settings.maxFindingsPerFile,
      maxDocumentSize: (settings.maxFileSizeMB ?? DEFAULT_MAX_FILE_SIZE_MB) * 1024 * 1024,
      policy,
      trusted,
    };
    const key = JSON.stringify(languageSettings);
    let service = services.get(key);
    if (!service) {
      service = getLanguageService({
        knowledge,
        relatedInformation,
        interactiveAcceptance: options.interactiveAcceptance === true,
        commandLinks: options.commandLinks === true,
        onError: (uri, e) => connection.console.error(`VendorLens could not analyse ${uri}: ${(e as Error)?.stack ?? e}`),
      });
      service.configure(languageSettings);
      services.set(key, service);
    }
    return { service, enabled: settings.enable !== false };
  }

  /** Analyses one document, and says so (a diagnostic and a log line) when it took longer than the budget. */
  async function diagnose(service: LanguageService, document: TextDocument, settings: ServerSettings): Promise<AnalyzeTextResult> {
    const started = performance.now();
    const diagnostics = await service.doValidation(document);
    const elapsedMs = Math.round(performance.now() - started);
    const warnMs = settings.timeBudget?.warnMs ?? DEFAULT_WARN_MS;
    if (elapsedMs > warnMs) {
      const message = t(
        'VendorLens took {0} ms to analyse this file, more than vendorlens.timeBudget.warnMs ({1} ms). Large captures analyse faster when split, or with a lower vendorlens.maxFindingsPerFile.',
        elapsedMs,
        warnMs,
      );
      diagnostics.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: DIAGNOSTIC_SOURCE,
        code: SLOW_ANALYSIS_CODE,
        message,
      });
      connection.console.warn(t('Slow analysis: {0} took {1} ms (budget {2} ms).', document.uri, elapsedMs, warnMs));
    }
    return { diagnostics, elapsedMs };
  }

  async function validate(document: TextDocument): Promise<void> {
    const { service, enabled } = await serviceFor(document.uri);
    const settings = await settingsFor(document.uri);
    // The document may have changed or closed while settings were fetched.
    const current = documents.get(document.uri);
    if (!current || current.version !== document.version) return;
    if (!service || !enabled) {
      await connection.sendDiagnostics({ uri: current.uri, diagnostics: [] });
      return;
    }
    try {
      const { diagnostics } = await diagnose(service, current, settings);
      await connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
      if (staleLenses.delete(current.uri) && codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      if (options.dialectNotifications === true) {
        const { dialect } = service.analyze(current);
        const params: DocumentDialectParams = { uri: current.uri, version: current.version, dialect: dialect.id, confidence: dialect.confidence };
        await connection.sendNotification(Requests.documentDialect, params);
      }
    } catch (e) {
      // One bad document must not take the server down or leave it silent: log it and say so in the file.
      connection.console.error(`VendorLens could not analyse ${current.uri}: ${(e as Error).stack ?? e}`);
      const message = `VendorLens could not analyse this file (${String(e).slice(0, 200)}); no findings are shown for it.`;
      const start = { line: 0, character: 0 };
      await connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: [{ range: { start, end: start }, severity: 1, source: 'VendorLens', code: 'analysis-failed', message }] });
    }
  }

  function scheduleValidation(document: TextDocument, delay = VALIDATION_DELAY_MS): void {
    const previous = pending.get(document.uri);
    if (previous !== undefined) runtime.timer.clearTimeout(previous);
    pending.set(
      document.uri,
      runtime.timer.setTimeout(() => {
        pending.delete(document.uri);
        void validate(document);
      }, delay),
    );
  }

  /** The version of each open document as last opened or saved: what 'onSave' mode may show results for. */
  const savedVersions = new Map<string, number>();

  /**
   * Settings, policy or trust changed: every open document is analysed again — except, in 'onSave' mode,
   * one with unsaved edits, whose results wait for its save as they would have anyway.
   */
  function revalidateAll(): void {
    services.clear();
    for (const document of documents.all()) {
      staleLenses.add(document.uri);
      void settingsFor(document.uri).then((settings) => {
        if (settings.run === 'onSave' && savedVersions.get(document.uri) !== document.version) return;
        scheduleValidation(document, 0);
      });
    }
  }

  const isPolicy = (uri: string) => uri.endsWith(`/${POLICY_FILE_NAME}`);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    relatedInformation = params.capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
    codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    options = (params.initializationOptions ?? {}) as InitializationOptions;
    trusted = options.trusted !== false;
    // Before anything is analysed: the core translates its messages as it builds them.
    if (options.l10nBundle && typeof options.l10nBundle === 'object') configureLocalization({ contents: options.l10nBundle });
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    // Only a client that announces workspace folders sends their changes; asking any other fails (probe L9).
    folderChangeEvents = params.capabilities.workspace?.workspaceFolders === true;
    try {
      knowledge = runtime.loadKnowledge();
    } catch (e) {
      const detail = e instanceof KnowledgeBaseError ? e.message : String(e);
      connection.console.error(`VendorLens knowledge base is invalid; no findings will be reported.\n${detail}`);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [OPEN_ADVISORY_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'VendorLens' },
    };
  });

  connection.onInitialized(() => {
    if (!folderChangeEvents) return;
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      folders = [...folders.filter((f) => !event.removed.some((r) => r.uri === f.uri)), ...event.added];
      revalidateAll();
    });
  });

  // After shutdown only exit is valid: any other request is an error, as the protocol says (probe L13).
  connection.onShutdown(() => {
    shutDown = true;
  });
  const running = () => {
    if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is shut down');
  };

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    revalidateAll();
  });

  connection.onNotification(DidChangeWatchedFilesNotification.type, (params) => {
    if (params.changes.some((c) => isPolicy(c.uri))) {
      policyReads.clear();
      revalidateAll();
    }
  });

  connection.onRequest(Requests.documentState, async (params: { uri?: unknown }): Promise<DocumentStateResult | null> => {
    if (typeof params?.uri !== 'string') return null;
    const settings = await settingsFor(params.uri);
    return { run: settings.run === 'onSave' ? 'onSave' : 'onType', version: documents.get(params.uri)?.version, analysisScheduled: pending.has(params.uri) };
  });

  connection.onNotification(Requests.trustChanged, (params: { trusted: boolean }) => {
    trusted = params.trusted;
    revalidateAll();
  });

  // Opening a document fires onDidOpen and then onDidChangeContent; the open is what counts.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    savedVersions.set(e.document.uri, e.document.version);
    if (isPolicy(e.document.uri)) revalidateAll();
    else scheduleValidation(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document.uri)) return;
    if (isPolicy(e.document.uri)) {
      revalidateAll();
      return;
    }
    void settingsFor(e.document.uri).then((settings) => {
      if (settings.run !== 'onSave') scheduleValidation(e.document);
    });
  });
  documents.onDidSave((e) => {
    savedVersions.set(e.document.uri, e.document.version);
    void settingsFor(e.document.uri).then((settings) => {
      if (settings.run === 'onSave') scheduleValidation(e.document, 0);
    });
  });
  documents.onDidClose((e) => {
    const previous = pending.get(e.document.uri);
    if (previous !== undefined) runtime.timer.clearTimeout(previous);
    pending.delete(e.document.uri);
    staleLenses.delete(e.document.uri);
    savedVersions.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    for (const service of services.values()) service.forget(e.document.uri);
    if (isPolicy(e.document.uri)) {
      policyReads.clear();
      revalidateAll();
    }
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover(async (params: HoverParams) => {
    running();
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const { service, enabled } = await serviceFor(document.uri);
    return enabled ? ((await service?.doHover(document, params.position)) ?? null) : null;
  });

  connection.onCodeAction(async (params: CodeActionParams) => {
    running();
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    // Quick fixes may edit the policy file: built against what is on disk now.
    await refreshPolicy(document.uri);
    const { service, enabled } = await serviceFor(document.uri);
    return enabled ? ((await service?.doCodeActions(document, params.range, params.context)) ?? []) : [];
  });

  connection.onRequest(Requests.acceptanceEdit, async (params: AcceptanceEditParams): Promise<WorkspaceEdit | null> => {
    running();
    const document = documents.get(params.uri);
    if (!document) return null;
    await refreshPolicy(document.uri);
    const { service } = await serviceFor(document.uri);
    return service?.acceptanceEdit(document, params.findingId, params.scope, params.note) ?? null;
  });

  connection.onRequest(Requests.vendorDetails, async (params: { vendorId: string; uri?: string; findingId?: string }): Promise<string | null> => {
    running();
    const { service } = await serviceFor(params.uri ?? folders[0]?.uri ?? '');
    const document = params.uri ? documents.get(params.uri) : undefined;
    const about = document && typeof params.findingId === 'string' ? { document, findingId: params.findingId } : undefined;
    return service?.vendorDetails(params.vendorId, about) ?? null;
  });

  connection.onCodeLens(async (params: CodeLensParams) => {
    running();
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { service, enabled } = await serviceFor(document.uri);
    return enabled ? ((await service?.doCodeLens(document)) ?? []) : [];
  });

  connection.onRequest(Requests.analyzeText, async (params: AnalyzeTextParams, token: CancellationToken): Promise<AnalyzeTextResult | null> => {
    running();
    const { service, enabled } = await serviceFor(params.uri);
    if (!service || !enabled || token.isCancellationRequested) return null;
    const settings = await settingsFor(params.uri);
    const document = TextDocument.create(params.uri, params.languageId ?? 'plaintext', 0, params.text);
    try {
      return await diagnose(service, document, settings);
    } catch (e) {
      connection.console.error(`VendorLens could not analyse ${params.uri}: ${(e as Error).stack ?? e}`);
      return null;
    } finally {
      // A reviewed file is analysed once; keeping it would crowd open documents out of the cache.
      service.forget(params.uri);
      settingsCache.delete(params.uri);
    }
  });

  connection.onRequest(Requests.fileReport, async (params: FileReportParams, token: CancellationToken): Promise<FileReport | null> => {
    running();
    const { service, enabled } = await serviceFor(params.uri);
    if (!service || !enabled || token.isCancellationRequested) return null;
    const document = TextDocument.create(params.uri, params.languageId ?? 'plaintext', 0, params.text);
    try {
      const report = summarizeAnalysis(service.knowledge, params.display, document, service.analyze(document));
      // The policy file holds no findings, but its errors belong in the report as they do in the Problems panel.
      if (service.policy.source?.uri === params.uri) {
        for (const d of await service.doValidation(document)) {
          report.problems.push({
            file: params.display,
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
            severity: 'error',
            code: String(d.code),
            message: d.message,
          });
        }
      }
      return report;
    } catch (e) {
      connection.console.error(`VendorLens could not analyse ${params.uri}: ${(e as Error).stack ?? e}`);
      return { findings: [], problems: [{ file: params.display, line: 0, column: 0, severity: 'error', code: 'analysis-failed', message: `analysis failed: ${String(e)}` }] };
    } finally {
      service.forget(params.uri);
      settingsCache.delete(params.uri);
    }
  });

  connection.onRequest(Requests.renderReport, async (params: RenderReportParams): Promise<string | null> => {
    running();
    if (!isReportFormat(params.format) || !Array.isArray(params.files)) return null;
    const { service } = await serviceFor(params.uri ?? folders[0]?.uri ?? '');
    if (!service) return null;
    // The editor's export lists accepted findings with their notes (renderReport's default): it is the record of the review.
    return renderReport(params.format, params.files, {
      kb: service.knowledge,
      profiles: service.profiles,
      toolVersion: VENDORLENS_VERSION,
      generatedOn: isoDate(new Date()),
    });
  });

  // Workbooks are no text documents: the client sends their bytes (the web worker cannot read files itself).
  connection.onRequest(Requests.analyzeWorkbook, async (params: AnalyzeWorkbookParams): Promise<WorkbookView | null> => {
    const bytes = typeof params?.base64 === 'string' ? decodeBase64(params.base64) : undefined;
    if (!bytes || typeof params.uri !== 'string') return null;
    const { service, enabled } = await serviceFor(params.uri);
    if (!service || !enabled) return null;
    try {
      return analyzeWorkbook(service, params.uri, bytes, isoDate(new Date()));
    } catch (e) {
      connection.console.error(`VendorLens could not analyse ${params.uri}: ${(e as Error).stack ?? e}`);
      return { format: 'xlsx', sheets: [], findings: [], cellsOmitted: 0, problems: [{ severity: 'error', code: 'analysis-failed', message: `VendorLens could not analyse this workbook (${String(e).slice(0, 200)}).` }] };
    }
  });

  connection.onRequest(Requests.workbookAcceptanceEdit, async (params: WorkbookAcceptanceEditParams): Promise<WorkspaceEdit | null> => {
    const bytes = typeof params?.base64 === 'string' ? decodeBase64(params.base64) : undefined;
    if (!bytes || typeof params.uri !== 'string') return null;
    const { service } = await serviceFor(params.uri);
    return (service && workbookAcceptanceEdit(service, params.uri, bytes, params.findingId, params.note)) ?? null;
  });

  connection.onRequest(Requests.workbookFileReport, async (params: WorkbookFileReportParams): Promise<FileReport | null> => {
    const bytes = typeof params?.base64 === 'string' ? decodeBase64(params.base64) : undefined;
    if (!bytes || typeof params.uri !== 'string') return null;
    const { service, enabled } = await serviceFor(params.uri);
    if (!service || !enabled) return null;
    try {
      return workbookFileReport(service, params.uri, bytes, params.display);
    } catch (e) {
      connection.console.error(`VendorLens could not analyse ${params.uri}: ${(e as Error).stack ?? e}`);
      return { findings: [], problems: [{ file: params.display, line: 0, column: 0, severity: 'error', code: 'analysis-failed', message: `analysis failed: ${String(e)}` }] };
    }
  });

  connection.onRequest(Requests.knowledgeSummary, async (params: { uri?: string }): Promise<KnowledgeSummary | null> => {
    running();
    const { service } = await serviceFor(params.uri ?? folders[0]?.uri ?? '');
    if (!service) return null;
    const kb = service.knowledge;
    return {
      vendors: kb.vendors.map((v) => ({ id: v.id, displayName: v.displayName, status: v.status })),
      advisories: kb.advisories.map((a) => ({ id: a.id, title: a.shortTitle ?? a.instrument, issuer: a.issuer, jurisdiction: a.jurisdiction, date: a.date, url: a.url })),
      profiles: kb.profiles.map((p) => ({ id: p.id, title: p.title })),
      activeProfiles: service.profiles.map((p) => ({ id: p.id, title: p.title })),
      dataVersion: kb.dataVersion,
      reviewedOn: kb.reviewedOn,
      dataOld: isDataOld(kb, isoDate(new Date())),
    };
  });

  connection.onExecuteCommand(async (params) => {
    running();
    if (params.command !== OPEN_ADVISORY_COMMAND) return;
    const url = params.arguments?.[0];
    // Only advisory links from the knowledge base are opened, never an arbitrary scheme.
    const known = [...services.values()].some((s) => s.knowledge.advisories.some((a) => a.url === url)) || knowledge?.advisories.some((a) => a.url === url);
    if (typeof url !== 'string' || !known) return;
    await connection.window.showDocument({ uri: url, external: true });
  });

  documents.listen(connection);
  connection.listen();
}
