// LSP wiring around the core language service, shared by the Node (stdio/IPC) and browser (worker) mains.
// Standard LSP for everything an editor needs; a few `vendorlens/*` requests serve the VS Code client's
// interactive features, and every other editor works without them.
import {
  DidChangeWatchedFilesNotification,
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
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageService, type LanguageSettings, type PolicySource } from '../core/languageService';
import { OPEN_ADVISORY_COMMAND, type AcceptanceScope, type NoteInput } from '../core/services/codeActions';
import { POLICY_FILE_NAME } from '../core/knowledge/policy';
import { KnowledgeBaseError } from '../core/knowledge/load';
import type { KnowledgeBase } from '../core/model';

/** The `vendorlens.*` settings the server reads, per resource. */
export interface ServerSettings {
  enable?: boolean;
  profile?: string | string[];
  reviewer?: string;
  noteExpiryDays?: number;
  maxFindingsPerFile?: number;
  /** Larger files get a diagnostic saying they were skipped. */
  maxFileSizeMB?: number;
}

const DEFAULT_MAX_FILE_SIZE_MB = 50;

/** What the VS Code client tells the server at start-up (other editors send nothing). */
export interface InitializationOptions {
  interactiveAcceptance?: boolean;
  trusted?: boolean;
}

export interface AcceptanceEditParams {
  uri: string;
  findingId: string;
  scope: AcceptanceScope;
  note: NoteInput;
}

export const Requests = {
  acceptanceEdit: 'vendorlens/acceptanceEdit',
  vendorDetails: 'vendorlens/vendorDetails',
  /** Server → client: read a workspace file (the web worker has no file system). */
  readFile: 'vendorlens/readFile',
  /** Client → server notification: the workspace was trusted. */
  trustChanged: 'vendorlens/trustChanged',
} as const;

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

export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const documents = new TextDocuments(TextDocument);
  let knowledge: KnowledgeBase | undefined;
  let canPullConfiguration = false;
  let relatedInformation = false;
  let options: InitializationOptions = {};
  let trusted = true;
  let folders: WorkspaceFolder[] = [];
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

  /** The policy file of the workspace folder holding `uri`: live text when open, else read once. */
  async function policyFor(uri: string): Promise<PolicySource | undefined> {
    const folder = folders
      .filter((f) => uri.startsWith(f.uri.endsWith('/') ? f.uri : `${f.uri}/`))
      .sort((a, b) => b.uri.length - a.uri.length)[0];
    if (!folder) return undefined;
    const policyUri = `${folder.uri.replace(/\/$/, '')}/${POLICY_FILE_NAME}`;
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
      reviewer: settings.reviewer || undefined,
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
        onError: (uri, e) => connection.console.error(`VendorLens could not analyse ${uri}: ${(e as Error)?.stack ?? e}`),
      });
      service.configure(languageSettings);
      services.set(key, service);
    }
    return { service, enabled: settings.enable !== false };
  }

  async function validate(document: TextDocument): Promise<void> {
    const { service, enabled } = await serviceFor(document.uri);
    // The document may have changed or closed while settings were fetched.
    const current = documents.get(document.uri);
    if (!current || current.version !== document.version) return;
    if (!service || !enabled) {
      await connection.sendDiagnostics({ uri: current.uri, diagnostics: [] });
      return;
    }
    try {
      const diagnostics = await service.doValidation(current);
      await connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
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

  /** Settings, policy or trust changed: every open document is analysed again. */
  function revalidateAll(): void {
    services.clear();
    for (const document of documents.all()) scheduleValidation(document, 0);
  }

  const isPolicy = (uri: string) => uri.endsWith(`/${POLICY_FILE_NAME}`);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    relatedInformation = params.capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
    options = (params.initializationOptions ?? {}) as InitializationOptions;
    trusted = options.trusted !== false;
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    try {
      knowledge = runtime.loadKnowledge();
    } catch (e) {
      const detail = e instanceof KnowledgeBaseError ? e.message : String(e);
      connection.console.error(`VendorLens knowledge base is invalid; no findings will be reported.\n${detail}`);
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
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
    connection.workspace.onDidChangeWorkspaceFolders?.((event) => {
      folders = [...folders.filter((f) => !event.removed.some((r) => r.uri === f.uri)), ...event.added];
      revalidateAll();
    });
  });

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

  connection.onNotification(Requests.trustChanged, (params: { trusted: boolean }) => {
    trusted = params.trusted;
    revalidateAll();
  });

  documents.onDidOpen((e) => scheduleValidation(e.document, 0));
  documents.onDidChangeContent((e) => {
    if (isPolicy(e.document.uri)) {
      revalidateAll();
      return;
    }
    scheduleValidation(e.document);
  });
  documents.onDidClose((e) => {
    const previous = pending.get(e.document.uri);
    if (previous !== undefined) runtime.timer.clearTimeout(previous);
    pending.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    for (const service of services.values()) service.forget(e.document.uri);
    if (isPolicy(e.document.uri)) {
      policyReads.clear();
      revalidateAll();
    }
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover(async (params: HoverParams) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const { service, enabled } = await serviceFor(document.uri);
    return enabled ? ((await service?.doHover(document, params.position)) ?? null) : null;
  });

  connection.onCodeAction(async (params: CodeActionParams) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { service, enabled } = await serviceFor(document.uri);
    return enabled ? ((await service?.doCodeActions(document, params.range, params.context)) ?? []) : [];
  });

  connection.onRequest(Requests.acceptanceEdit, async (params: AcceptanceEditParams): Promise<WorkspaceEdit | null> => {
    const document = documents.get(params.uri);
    if (!document) return null;
    const { service } = await serviceFor(document.uri);
    return service?.acceptanceEdit(document, params.findingId, params.scope, params.note) ?? null;
  });

  connection.onRequest(Requests.vendorDetails, async (params: { vendorId: string; uri?: string }): Promise<string | null> => {
    const { service } = await serviceFor(params.uri ?? folders[0]?.uri ?? '');
    return service?.vendorDetails(params.vendorId) ?? null;
  });

  connection.onCodeLens(async (params: CodeLensParams) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { service, enabled } = await serviceFor(document.uri);
    return enabled ? ((await service?.doCodeLens(document)) ?? []) : [];
  });

  connection.onExecuteCommand(async (params) => {
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
