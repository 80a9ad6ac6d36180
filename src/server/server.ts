// LSP wiring around the core language service, shared by the Node (stdio/IPC) and browser (worker) mains.
// Standard LSP only, so any editor can use it; VS Code-specific behaviour lives in the client.
import {
  TextDocuments,
  TextDocumentSyncKind,
  type CodeActionParams,
  type CodeLensParams,
  type Connection,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type LanguageService, type LanguageSettings } from '../core/languageService';
import { OPEN_ADVISORY_COMMAND } from '../core/services/codeActions';
import { KnowledgeBaseError } from '../core/knowledge/load';
import type { KnowledgeBase } from '../core/model';

/** The `vendorlens.*` settings the server reads, per resource. */
export interface ServerSettings {
  enable?: boolean;
  profile?: string;
  reviewer?: string;
  noteExpiryDays?: number;
  maxFindingsPerFile?: number;
}

export interface ServerRuntime {
  loadKnowledge(): KnowledgeBase;
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
  // One language service per distinct settings object, so each folder can have its own profile.
  const services = new Map<string, LanguageService>();
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  const pending = new Map<string, unknown>();

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

  function serviceFor(settings: ServerSettings): LanguageService | undefined {
    if (!knowledge) return undefined;
    const languageSettings: LanguageSettings = {
      profile: settings.profile,
      reviewer: settings.reviewer || undefined,
      noteExpiryDays: settings.noteExpiryDays,
      maxFindingsPerFile: settings.maxFindingsPerFile,
    };
    const key = JSON.stringify(languageSettings);
    let service = services.get(key);
    if (!service) {
      service = getLanguageService({ knowledge, relatedInformation });
      service.configure(languageSettings);
      services.set(key, service);
    }
    return service;
  }

  async function validate(document: TextDocument): Promise<void> {
    const settings = await settingsFor(document.uri);
    const service = serviceFor(settings);
    if (!service || settings.enable === false) {
      await connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      return;
    }
    // The document may have changed or closed while settings were fetched.
    const current = documents.get(document.uri);
    if (!current || current.version !== document.version) return;
    try {
      const diagnostics = await service.doValidation(current);
      await connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
    } catch (e) {
      connection.console.error(`VendorLens could not analyse ${current.uri}: ${(e as Error).stack ?? e}`);
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

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    relatedInformation = params.capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
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
      },
      serverInfo: { name: 'VendorLens' },
    };
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    services.clear();
    for (const document of documents.all()) scheduleValidation(document, 0);
  });

  documents.onDidOpen((e) => scheduleValidation(e.document, 0));
  documents.onDidChangeContent((e) => scheduleValidation(e.document));
  documents.onDidClose((e) => {
    const previous = pending.get(e.document.uri);
    if (previous !== undefined) runtime.timer.clearTimeout(previous);
    pending.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    for (const service of services.values()) service.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover(async (params: HoverParams) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const settings = await settingsFor(document.uri);
    if (settings.enable === false) return null;
    return (await serviceFor(settings)?.doHover(document, params.position)) ?? null;
  });

  connection.onCodeAction(async (params: CodeActionParams) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const settings = await settingsFor(document.uri);
    if (settings.enable === false) return [];
    return (await serviceFor(settings)?.doCodeActions(document, params.range, params.context)) ?? [];
  });

  connection.onCodeLens(async (params: CodeLensParams) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const settings = await settingsFor(document.uri);
    if (settings.enable === false) return [];
    return (await serviceFor(settings)?.doCodeLens(document)) ?? [];
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== OPEN_ADVISORY_COMMAND) return;
    const url = params.arguments?.[0];
    // Only advisory links from the knowledge base are opened, never an arbitrary scheme.
    if (typeof url !== 'string' || !knowledge?.advisories.some((a) => a.url === url)) return;
    await connection.window.showDocument({ uri: url, external: true });
  });

  documents.listen(connection);
  connection.listen();
}
