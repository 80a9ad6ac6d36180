// The read-only workbook view: a custom editor for .xlsx, .xlsm and .ods. The client reads the bytes
// (workspace.fs, so vscode.dev works too), the language server reads and analyses them
// (`vendorlens/analyzeWorkbook`) and the webview (media/workbook/) shows the sheets with the flagged cells
// highlighted and the findings beside them. Findings also go to the Problems panel, located by cell;
// accepting one writes the policy file's acceptances, and the view follows the policy file.
import * as vscode from 'vscode';
import { announceCreatedFiles } from '../review/createdFiles';
import type { BaseLanguageClient, WorkspaceEdit as ProtocolWorkspaceEdit } from 'vscode-languageclient';
import { encodeBase64 } from '../../shared/base64';
import { Requests, type AnalyzeWorkbookParams, type WorkbookAcceptanceEditParams, type WorkbookFindingView, type WorkbookView } from '../../shared/protocol';

export const WORKBOOK_VIEW_TYPE = 'vendorlens.workbook';
export const REVEAL_CELL_COMMAND = 'vendorlens.revealWorkbookCell';
export const ACCEPT_WORKBOOK_FINDING_COMMAND = 'vendorlens.acceptWorkbookFinding';
const WORKBOOK_NAME = /\.(xlsx|xlsm|ods)$/i;
const POLICY_NAME = /(^|\/)\.vendorlens\.yaml$/;
const REFRESH_DELAY_MS = 200;
const DEFAULT_MAX_FILE_SIZE_MB = 50;

export function isWorkbook(uri: vscode.Uri): boolean {
  return WORKBOOK_NAME.test(uri.path);
}

/** Asks for a review note (the prompts of vendorlens.acceptFinding); undefined when cancelled. */
export type AskForNote = (resource: vscode.Uri) => Promise<WorkbookAcceptanceEditParams['note'] | undefined>;

/** What a loaded workbook is: the server's view of it, or why there is none. */
export type WorkbookLoad = { kind: 'view'; view: WorkbookView; bytes: Uint8Array } | { kind: 'message'; message: string };

/** A cell to show: by sheet name, or (from a diagnostic's range) by row and column alone. */
export interface CellTarget {
  sheet?: string;
  /** 1-based */
  row: number;
  column: number;
}

/** What the webview reports it shows: the integration tests check the view through it. */
export interface WorkbookViewState {
  sheet?: string;
  message?: string;
  /** The rendered flagged cells of the sheet shown, with the class that highlights them. */
  flagged: { place: string; severity: string; accepted: boolean }[];
  /** Rendered merged cells (their top-left place) and the headers of rendered hidden rows and columns. */
  merged: string[];
  hidden: string[];
  findings: number;
  revealed?: { place: string; text: string };
}

const SEVERITY: Record<WorkbookFindingView['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A diagnostic per finding, at the cell's row and column (a workbook has no text lines), its place in the message. */
export function workbookDiagnostics(view: WorkbookView): vscode.Diagnostic[] {
  const problems = view.problems.map((p) => {
    const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), p.place ? `${p.place}: ${p.message}` : p.message, SEVERITY[p.severity]);
    d.source = 'VendorLens';
    d.code = p.code;
    return d;
  });
  const findings = view.findings.map((f) => {
    const range = f.row !== undefined && f.column !== undefined ? new vscode.Range(f.row - 1, f.column - 1, f.row - 1, f.column) : new vscode.Range(0, 0, 0, 0);
    const d = new vscode.Diagnostic(range, f.place ? `${f.place}: ${f.message}` : f.message, SEVERITY[f.severity]);
    d.source = 'VendorLens';
    d.code = f.href ? { value: f.code, target: vscode.Uri.parse(f.href) } : f.code;
    // The findings view reads vendor, advisories and acceptance from here, as the language client leaves them.
    (d as { data?: unknown }).data = f.data;
    return d;
  });
  return [...problems, ...findings];
}

function nonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let text = '';
  for (let i = 0; i < 32; i++) text += alphabet.charAt(Math.floor(Math.random() * alphabet.length));
  return text;
}

/** The strings the webview shows, translated here (the webview has no l10n of its own). */
function viewStrings(): Record<string, string> {
  return {
    findings: vscode.l10n.t('Findings'),
    noFindings: vscode.l10n.t('No findings in this workbook.'),
    accept: vscode.l10n.t('Accept with review note…'),
    accepted: vscode.l10n.t('accepted'),
    sheets: vscode.l10n.t('Sheets'),
    omitted: vscode.l10n.t('{0} cells are not shown (the view keeps at most a million); all of them were analysed.'),
    loading: vscode.l10n.t('Reading the workbook…'),
    empty: vscode.l10n.t('This sheet has no cells with text.'),
    hidden: vscode.l10n.t('Hidden in the workbook'),
  };
}

class WorkbookPanel {
  private readonly pending = new Map<number, (state: WorkbookViewState | undefined) => void>();
  private nextRequest = 1;
  ready = false;
  private readonly whenReady: Promise<void>;
  private markReady!: () => void;
  private isDisposed = false;
  private readonly disposed: Promise<void>;
  private markDisposed!: () => void;

  constructor(
    readonly uri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
  ) {
    this.whenReady = new Promise((resolve) => (this.markReady = resolve));
    this.disposed = new Promise((resolve) => (this.markDisposed = resolve));
  }

  setReady(): void {
    this.ready = true;
    this.markReady();
  }

  post(message: unknown): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  /** Sends a request the webview answers with its state (after rendering what was asked). */
  async ask(message: Record<string, unknown>): Promise<WorkbookViewState | undefined> {
    await Promise.race([this.whenReady, this.disposed]);
    if (this.isDisposed) return undefined;
    const requestId = this.nextRequest++;
    const answer = new Promise<WorkbookViewState | undefined>((resolve) => this.pending.set(requestId, resolve));
    await this.post({ ...message, requestId });
    return answer;
  }

  /** Closed: questions still open get no answer (undefined). */
  dispose(): void {
    this.isDisposed = true;
    this.markDisposed();
    for (const resolve of this.pending.values()) resolve(undefined);
    this.pending.clear();
  }

  answered(requestId: number, state: WorkbookViewState): void {
    this.pending.get(requestId)?.(state);
    this.pending.delete(requestId);
  }
}

export class WorkbookEditorProvider implements vscode.CustomReadonlyEditorProvider, vscode.Disposable {
  /** Findings of workbooks, for the Problems panel and the findings view. */
  readonly collection = vscode.languages.createDiagnosticCollection('vendorlens-workbooks');
  private readonly panels = new Set<WorkbookPanel>();
  private readonly loads = new Map<string, WorkbookLoad>();
  private readonly subscriptions: vscode.Disposable[] = [this.collection];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: BaseLanguageClient,
    private readonly askForNote: AskForNote,
  ) {
    const workbooks = vscode.workspace.createFileSystemWatcher('**/*.{xlsx,xlsm,ods}');
    const policies = vscode.workspace.createFileSystemWatcher('**/.vendorlens.yaml');
    this.subscriptions.push(
      workbooks,
      policies,
      workbooks.onDidChange((uri) => this.refreshOpen(uri)),
      workbooks.onDidDelete((uri) => {
        this.loads.delete(uri.toString());
        this.collection.delete(uri);
      }),
      policies.onDidChange(() => this.scheduleRefresh()),
      policies.onDidCreate(() => this.scheduleRefresh()),
      policies.onDidDelete(() => this.scheduleRefresh()),
      // Accepting writes the policy file through an edit: the view follows it before it is saved.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (POLICY_NAME.test(e.document.uri.path) && e.contentChanges.length > 0) this.scheduleRefresh();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (POLICY_NAME.test(document.uri.path)) this.scheduleRefresh();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('vendorlens')) this.scheduleRefresh();
      }),
      vscode.commands.registerCommand(REVEAL_CELL_COMMAND, (uri: vscode.Uri | string, target: CellTarget | vscode.Position) => this.reveal(toUri(uri), toTarget(target))),
      vscode.commands.registerCommand(ACCEPT_WORKBOOK_FINDING_COMMAND, (args: { uri: string; findingId: string }, note?: WorkbookAcceptanceEditParams['note']) =>
        this.accept(vscode.Uri.parse(args.uri), args.findingId, note),
      ),
    );
  }

  register(): vscode.Disposable {
    return vscode.window.registerCustomEditorProvider(WORKBOOK_VIEW_TYPE, this, { supportsMultipleEditorsPerDocument: false, webviewOptions: { enableFindWidget: true } });
  }

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, webviewPanel: vscode.WebviewPanel): Promise<void> {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media', 'workbook');
    const webview = webviewPanel.webview;
    // Scripts from the extension's media folder only, nothing remote, no forms.
    webview.options = { enableScripts: true, enableForms: false, localResourceRoots: [media] };
    const panel = new WorkbookPanel(document.uri, webviewPanel);
    this.panels.add(panel);
    const key = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'view.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'view.css'));
    const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${key}'; img-src ${webview.cspSource}; font-src ${webview.cspSource}`;
    const strings = JSON.stringify(viewStrings()).replace(/</g, '\\u003c');
    const title = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    webview.html =
      `<!DOCTYPE html><html lang="${vscode.env.language.replace(/[^\w-]/g, '')}"><head><meta charset="utf-8">` +
      `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="${style}"><title>${title}</title></head>` +
      `<body><div id="app" data-strings="${strings.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></div>` +
      `<script nonce="${key}" src="${script}"></script></body></html>`;
    webviewPanel.onDidDispose(() => {
      this.panels.delete(panel);
      panel.dispose();
    });
    webview.onDidReceiveMessage(async (message: { type?: string; findingId?: string; requestId?: number; state?: WorkbookViewState }) => {
      switch (message?.type) {
        case 'ready':
          panel.setReady();
          {
            // A view made visible again reloads its webview: what was read stays valid (the watchers refresh it).
            const cached = this.loads.get(document.uri.toString());
            if (cached) await this.show(panel, cached);
            else await this.load(document.uri);
          }
          break;
        case 'accept':
          if (typeof message.findingId === 'string') await this.accept(document.uri, message.findingId);
          break;
        case 'state':
          if (typeof message.requestId === 'number' && message.state) panel.answered(message.requestId, message.state);
          break;
      }
    });
  }

  /** Reads and analyses a workbook, and puts its findings in the Problems panel. */
  async load(uri: vscode.Uri): Promise<WorkbookLoad> {
    const load = await this.read(uri);
    this.remember(uri, load);
    return load;
  }

  private remember(uri: vscode.Uri, load: WorkbookLoad): void {
    this.loads.set(uri.toString(), load);
    if (load.kind === 'view') this.collection.set(uri, workbookDiagnostics(load.view));
    else this.collection.set(uri, [Object.assign(new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), load.message, vscode.DiagnosticSeverity.Error), { source: 'VendorLens', code: 'spreadsheet-unreadable' })]);
    // A view that shows it follows.
    for (const panel of this.panelsOf(uri)) if (panel.ready) void this.show(panel, load);
  }

  private async read(uri: vscode.Uri): Promise<WorkbookLoad> {
    const maxMb = vscode.workspace.getConfiguration('vendorlens', uri).get<number>('maxFileSizeMB', DEFAULT_MAX_FILE_SIZE_MB);
    let bytes: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > maxMb * 1024 * 1024) {
        return { kind: 'message', message: vscode.l10n.t('This workbook is larger than vendorlens.maxFileSizeMB ({0} MB) and was not read.', maxMb) };
      }
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      return { kind: 'message', message: vscode.l10n.t('The workbook could not be read: {0}', String((e as Error).message ?? e)) };
    }
    return this.analyse(uri, bytes);
  }

  /** Analyses bytes already read (the workspace review reads them); true when the workbook has findings. */
  /** Analyses a workbook's bytes into the view's diagnostics; the number of findings. */
  async analyseBytes(uri: vscode.Uri, bytes: Uint8Array): Promise<number> {
    const load = await this.analyse(uri, bytes);
    this.remember(uri, load);
    return load.kind === 'view' ? load.view.findings.length : 0;
  }

  private async analyse(uri: vscode.Uri, bytes: Uint8Array): Promise<WorkbookLoad> {
    const params: AnalyzeWorkbookParams = { uri: uri.toString(), base64: encodeBase64(bytes) };
    try {
      const view = await this.client.sendRequest<WorkbookView | null>(Requests.analyzeWorkbook, params);
      if (!view) return { kind: 'message', message: vscode.l10n.t('VendorLens is disabled for this file (vendorlens.enable), or its knowledge base could not be loaded.') };
      return { kind: 'view', view, bytes };
    } catch (e) {
      return { kind: 'message', message: vscode.l10n.t('VendorLens could not analyse this workbook: {0}', String((e as Error).message ?? e)) };
    }
  }

  private async show(panel: WorkbookPanel, load: WorkbookLoad): Promise<void> {
    await panel.post(load.kind === 'view' ? { type: 'model', view: load.view } : { type: 'model', message: load.message });
  }

  private panelsOf(uri: vscode.Uri): WorkbookPanel[] {
    return [...this.panels].filter((p) => p.uri.toString() === uri.toString());
  }

  private async refreshOpen(uri: vscode.Uri): Promise<void> {
    const panels = this.panelsOf(uri).filter((p) => p.ready);
    if (panels.length === 0 && !this.loads.has(uri.toString())) return;
    if (panels.length === 0 && !(await exists(uri))) {
      // Gone while no view showed it: its findings go with it.
      this.loads.delete(uri.toString());
      this.collection.delete(uri);
      return;
    }
    await this.load(uri);
  }

  /** The policy or the settings changed: every workbook shown or in the Problems panel is analysed again. */
  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      const uris = new Map<string, vscode.Uri>();
      for (const panel of this.panels) uris.set(panel.uri.toString(), panel.uri);
      for (const key of this.loads.keys()) uris.set(key, vscode.Uri.parse(key));
      for (const uri of uris.values()) void this.refreshOpen(uri);
    }, REFRESH_DELAY_MS);
  }

  /** Opens the workbook in the view and shows the cell; resolves with what the view then shows. */
  async reveal(uri: vscode.Uri, target: CellTarget): Promise<WorkbookViewState | undefined> {
    let panel = this.panelsOf(uri)[0];
    if (!panel) {
      await vscode.commands.executeCommand('vscode.openWith', uri, WORKBOOK_VIEW_TYPE);
      panel = this.panelsOf(uri)[0];
    } else {
      panel.panel.reveal();
    }
    if (!panel) return undefined;
    const load = this.loads.get(uri.toString());
    // From a diagnostic (row and column only): the sheet of the finding at that cell.
    const sheet =
      target.sheet ?? (load?.kind === 'view' ? load.view.findings.find((f) => f.row === target.row && f.column === target.column)?.sheet : undefined);
    return panel.ask({ type: 'reveal', sheet, row: target.row, column: target.column });
  }

  /** What the view of `uri` shows now (undefined when it is not open). */
  async state(uri: vscode.Uri): Promise<WorkbookViewState | undefined> {
    const panel = this.panelsOf(uri)[0];
    return panel ? panel.ask({ type: 'state' }) : undefined;
  }

  /** Accepts a finding with a review note in the policy file; `note` skips the prompts (tests, keybindings). */
  async accept(uri: vscode.Uri, findingId: string, note?: WorkbookAcceptanceEditParams['note']): Promise<boolean> {
    let load = this.loads.get(uri.toString());
    if (load?.kind !== 'view') load = await this.load(uri);
    if (load.kind !== 'view') return false;
    const input = note ?? (await this.askForNote(uri));
    if (!input) return false;
    const params: WorkbookAcceptanceEditParams = { uri: uri.toString(), base64: encodeBase64(load.bytes), findingId, note: input };
    const edit = await this.client.sendRequest<ProtocolWorkspaceEdit | null>(Requests.workbookAcceptanceEdit, params);
    if (!edit) {
      void vscode.window.showWarningMessage(vscode.l10n.t('This finding can no longer be accepted here: the file changed, or it is outside the workspace.'));
      return false;
    }
    const applied = await vscode.workspace.applyEdit(await this.client.protocol2CodeConverter.asWorkspaceEdit(edit));
    if (applied) {
      announceCreatedFiles(edit);
      this.scheduleRefresh();
    }
    return applied;
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const s of this.subscriptions) s.dispose();
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function toUri(uri: vscode.Uri | string): vscode.Uri {
  return typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
}

function toTarget(target: CellTarget | vscode.Position): CellTarget {
  return target instanceof vscode.Position ? { row: target.line + 1, column: target.character + 1 } : target;
}
