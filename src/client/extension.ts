// The VS Code side: starts the VendorLens language server for the documents it handles, and adds what
// only an editor can do: ask the reviewer for a note, show a vendor, follow workspace trust, review the
// whole workspace, export it as a report, and show the findings in a view and the status bar.
// Shared by the desktop (Node) and web (browser) entry points, which only differ in how the client is made.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions, WorkspaceEdit as ProtocolWorkspaceEdit } from 'vscode-languageclient';
import { Requests, type DocumentDialectParams, type DocumentStateResult, type KnowledgeSummary } from '../shared/protocol';
import { LanguageFromContent } from './languageFromContent';
import { ReviewAuthor, type GitUserName } from './review/author';
import { announceCreatedFiles } from './review/createdFiles';
import { ReportExporter, type ExportReportArgs, type ExportReportResult } from './report/exportReport';
import type { ReviewFileSystem } from './review/reviewFiles';
import { notShownMessage, WorkspaceReview, type ReviewOptions, type ReviewResult } from './review/workspaceReview';
import type { Names } from './views/findingsModel';
import { registerFindingsView, VIEW_ID, type FindingsTreeProvider } from './views/findingsTree';
import { FindingsStatusBar } from './views/statusBar';
import { askJurisdictionOnce, registerWalkthroughCommands } from './walkthrough';
import { WorkbookEditorProvider, type WorkbookViewState } from './workbook/workbookEditor';

export const CLIENT_ID = 'vendorlens';
export const CLIENT_NAME = 'VendorLens';
const POLICY_GLOB = '**/.vendorlens.yaml';
const VENDOR_SCHEME = 'vendorlens-vendor';

/** What VendorLens analyses: its own config languages, plain text (captures, backups), BOMs (delimited, CycloneDX, SPDX, inventories) and its policy file. */
export const DOCUMENT_SELECTOR = [
  { language: 'network-config' },
  { language: 'huawei-vrp' },
  { language: 'h3c-comware' },
  { language: 'zte-zxros' },
  { language: 'plaintext' },
  { language: 'csv' },
  { language: 'tsv' },
  { language: 'log' },
  { language: 'properties', pattern: '**/*.{cfg,conf}' },
  { language: 'json' },
  { language: 'jsonc', pattern: '**/*.{cdx,bom,spdx}.json' },
  { language: 'yaml' },
  { language: 'xml' },
  { pattern: '**/*.spdx' },
  { pattern: POLICY_GLOB },
];

export interface NoteInput {
  reason: string;
  ticket?: string;
  expires?: string;
  by?: string;
  on?: string;
}

interface AcceptArgs {
  uri: string;
  findingId: string;
  scope: 'line' | 'file';
}

export type ClientFactory = (options: LanguageClientOptions) => BaseLanguageClient;

/** What only one of the hosts can do: the desktop reads git's user.name, and local files directly. */
export interface ClientHost {
  gitUserName?: GitUserName;
  files?: ReviewFileSystem;
}

/** The extension's own commands that hover links may run; no other command link is trusted. */
export const HOVER_COMMANDS = ['vendorlens.showVendor', 'vendorlens.acceptFinding'];

/** What activate() returns: for other extensions and for the integration tests. */
export interface VendorLensApi {
  /** Runs the workspace review (as the command does, with a cancellable notification). */
  reviewWorkspace(options?: ReviewOptions): Promise<ReviewResult>;
  /** Exports a report of the review's files (as the command does); `token` cancels it. */
  exportReport(args?: ExportReportArgs, token?: vscode.CancellationToken): Promise<ExportReportResult | undefined>;
  /** The data behind the VendorLens view. */
  readonly findings: FindingsTreeProvider;
  /** The status-bar item's text; undefined while it is hidden. */
  statusBarText(): string | undefined;
  /** What a screen reader announces for the status-bar item; undefined while it is hidden. */
  statusBarAccessibility(): vscode.AccessibilityInformation | undefined;
  /** What the language server holds for a document (its settings, the version it has): tests wait on it. */
  documentState(uri: vscode.Uri): Promise<DocumentStateResult | null>;
  /** What the workbook view of `uri` shows (undefined when it is not open). */
  workbookViewState(uri: vscode.Uri): Promise<WorkbookViewState | undefined>;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function addDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function isDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

/** Asks for reason, ticket and expiry; undefined when the reviewer cancels. */
export async function askForNote(resource: vscode.Uri): Promise<NoteInput | undefined> {
  const reason = await vscode.window.showInputBox({
    title: vscode.l10n.t('Accept finding (1/3): reason'),
    prompt: vscode.l10n.t('Why is this finding acceptable?'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('A reason is required.') : undefined),
  });
  if (reason === undefined) return undefined;
  const ticket = await vscode.window.showInputBox({
    title: vscode.l10n.t('Accept finding (2/3): ticket'),
    prompt: vscode.l10n.t('Change or risk ticket (optional)'),
    ignoreFocusOut: true,
  });
  if (ticket === undefined) return undefined;
  const config = vscode.workspace.getConfiguration('vendorlens', resource);
  const defaultDays = config.get<number>('noteExpiryDays', 90);
  const choices = [defaultDays, 30, 180, 365]
    .filter((d, i, all) => all.indexOf(d) === i)
    .map((days) => ({ label: addDays(days), description: vscode.l10n.t('in {0} days', days) }));
  const custom = { label: vscode.l10n.t('Another date…'), description: '' };
  const picked = await vscode.window.showQuickPick([...choices, custom], { title: vscode.l10n.t('Accept finding (3/3): expires'), ignoreFocusOut: true });
  if (!picked) return undefined;
  let expires = picked.label;
  if (picked === custom) {
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Accept finding (3/3): expires'),
      prompt: 'YYYY-MM-DD',
      ignoreFocusOut: true,
      validateInput: (v) => (isDate(v.trim()) ? undefined : vscode.l10n.t('Write the date as YYYY-MM-DD.')),
    });
    if (typed === undefined) return undefined;
    expires = typed.trim();
  }
  return { reason: reason.trim(), ticket: ticket.trim() || undefined, expires, on: today() };
}

export async function activateClient(context: vscode.ExtensionContext, createClient: ClientFactory, host: ClientHost = {}): Promise<{ client: BaseLanguageClient; api: VendorLensApi }> {
  // A log channel: its lines carry a time and a level, and the user picks the level shown.
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const policyWatcher = vscode.workspace.createFileSystemWatcher(POLICY_GLOB);
  context.subscriptions.push(output, policyWatcher);
  const client = createClient({
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'vendorlens', fileEvents: policyWatcher },
    outputChannel: output,
    diagnosticCollectionName: 'vendorlens',
    // The server builds hovers and messages itself: it gets this extension's translations (none for English).
    initializationOptions: { interactiveAcceptance: true, commandLinks: true, dialectNotifications: true, trusted: vscode.workspace.isTrusted, l10nBundle: vscode.l10n.bundle },
    // Hovers link to the vendor details and to accepting the finding: exactly those commands run from them.
    markdown: { isTrusted: { enabledCommands: HOVER_COMMANDS } },
  });
  const author = new ReviewAuthor(host.gitUserName);
  const languages = new LanguageFromContent(output);

  const vendorPages = new Map<string, string>();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(VENDOR_SCHEME, { provideTextDocumentContent: (uri) => vendorPages.get(uri.path) ?? '' }),
    vscode.commands.registerCommand('vendorlens.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('vendorlens.restartServer', async () => {
      await client.stop();
      await client.start();
    }),
    // `note` lets tests and keybindings skip the prompts.
    vscode.commands.registerCommand('vendorlens.acceptFinding', async (args: AcceptArgs, note?: NoteInput) => {
      const resource = vscode.Uri.parse(args.uri);
      const input = note ?? (await askForNote(resource));
      if (!input) return false;
      const by = input.by ?? (await author.resolve(resource, note === undefined));
      const edit = await client.sendRequest<ProtocolWorkspaceEdit | null>(Requests.acceptanceEdit, { ...args, note: { ...input, by } });
      if (!edit) {
        void vscode.window.showWarningMessage(vscode.l10n.t('This finding can no longer be accepted here: the file changed, or it is outside the workspace.'));
        return false;
      }
      // Applied as an edit and left unsaved: the reviewer sees the note, can undo it, and saves when ready.
      // The web's auto save (afterDelay by default there) would save it a second later: package.json's
      // configurationDefaults turn auto save off for the config languages (a user setting can turn it on).
      const applied = await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
      if (applied) announceCreatedFiles(edit);
      return applied;
    }),
    vscode.commands.registerCommand('vendorlens.showVendor', async (vendorId: string, about?: { uri?: string; findingId?: string }) => {
      const markdown = await client.sendRequest<string | null>(Requests.vendorDetails, {
        vendorId,
        uri: about?.uri ?? vscode.window.activeTextEditor?.document.uri.toString(),
        findingId: about?.findingId,
      });
      if (!markdown) return;
      const path = `/${vendorId}.md`;
      vendorPages.set(path, markdown);
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.from({ scheme: VENDOR_SCHEME, path }));
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client.sendNotification(Requests.trustChanged, { trusted: true });
    }),
  );
  // The web worker has no file system: it reads the policy file through the editor.
  // Registered before start, so the first validation can already read it.
  client.onNotification(Requests.documentDialect, (params: DocumentDialectParams) => void languages.onDialect(params));
  client.onRequest(Requests.readFile, async ({ uri }: { uri: string }) => {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
    } catch {
      return null;
    }
  });
  await client.start();
  // Workbooks (XLSX, ODS) are no text documents: a view of their own, analysed from their bytes.
  const workbooks = new WorkbookEditorProvider(context.extensionUri, client, async (resource) => {
    const input = await askForNote(resource);
    return input && { ...input, by: await author.resolve(resource, true) };
  });
  context.subscriptions.push(workbooks, workbooks.register());
  const api = activateViews(context, client, output, workbooks, host.files);
  return { client, api: { ...api, workbookViewState: (uri) => workbooks.state(uri) } };
}

/** Whether the language server analyses this open document itself (else the workspace review covers it). */
function isHandledByServer(document: vscode.TextDocument): boolean {
  return vscode.languages.match(DOCUMENT_SELECTOR, document) > 0;
}

function activateViews(
  context: vscode.ExtensionContext,
  client: BaseLanguageClient,
  output: vscode.LogOutputChannel,
  workbooks: WorkbookEditorProvider,
  files?: ReviewFileSystem,
): Omit<VendorLensApi, 'workbookViewState'> {
  // Vendor and advisory names for the view, from the knowledge base in effect (the policy file can add some).
  let summary: KnowledgeSummary | undefined;
  let summaryRequest: Promise<KnowledgeSummary | undefined> | undefined;
  const loadSummary = () => {
    summaryRequest ??= client.sendRequest<KnowledgeSummary | null>(Requests.knowledgeSummary, { uri: vscode.workspace.workspaceFolders?.[0]?.uri.toString() }).then(
      (loaded) => {
        summary = loaded ?? undefined;
        findings.refresh();
        statusBar.update();
        return summary;
      },
      (e) => {
        output.warn(vscode.l10n.t('Could not load vendor names: {0}', String(e)));
        return undefined;
      },
    );
    return summaryRequest;
  };
  const names: Names = {
    vendor: (id) => summary?.vendors.find((v) => v.id === id)?.displayName ?? id,
    advisory: (id) => {
      const advisory = summary?.advisories.find((a) => a.id === id);
      return advisory ? `${advisory.title} (${advisory.jurisdiction.toUpperCase()}, ${advisory.date})` : id;
    },
  };
  const findings = registerFindingsView(context, () => names);
  const review = new WorkspaceReview(client, output, isHandledByServer, (uri, bytes) => workbooks.analyseBytes(uri, bytes), files);
  const exporter = new ReportExporter(client, output, files);
  const statusBar = new FindingsStatusBar((document) => isHandledByServer(document) || review.collection.has(document.uri), () => summary);
  void loadSummary().then((loaded) => askJurisdictionOnce(context, loaded));
  registerWalkthroughCommands(context, loadSummary);

  const runReview = async (options: ReviewOptions = {}): Promise<ReviewResult> => {
    const result = await review.review(options);
    findings.refresh();
    return result;
  };
  context.subscriptions.push(
    review,
    statusBar,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('vendorlens')) {
        summaryRequest = undefined;
        void loadSummary();
      }
    }),
    vscode.commands.registerCommand('vendorlens.reviewWorkspace', async () => {
      let result: ReviewResult;
      try {
        result = await runReview();
      } catch (e) {
        output.error(String((e as Error).stack ?? e));
        void vscode.window.showErrorMessage(vscode.l10n.t('VendorLens could not review the workspace: {0}', String((e as Error).message ?? e)));
        return undefined;
      }
      const summaryLine = result.cancelled
        ? vscode.l10n.t('VendorLens review cancelled: {0} of {1} files analysed.', result.analysed, result.total)
        : vscode.l10n.t('VendorLens reviewed {0} files: {1} with findings, {2} skipped.', result.analysed, result.withFindings, result.skipped.length);
      const show = vscode.l10n.t('Show Findings');
      if (result.notShown.files > 0) {
        const exportReport = vscode.l10n.t('Export Report…');
        void vscode.window.showWarningMessage(`${summaryLine} ${notShownMessage(result)}`, show, exportReport).then((choice) => {
          if (choice === show) void vscode.commands.executeCommand(`${VIEW_ID}.focus`);
          if (choice === exportReport) void vscode.commands.executeCommand('vendorlens.exportReport');
        });
        return result;
      }
      void vscode.window.showInformationMessage(summaryLine, show).then((choice) => {
        if (choice === show) void vscode.commands.executeCommand(`${VIEW_ID}.focus`);
      });
      return result;
    }),
    vscode.commands.registerCommand('vendorlens.clearReview', () => review.clear()),
    exporter,
    // `args` ({ format, target }) lets tests and keybindings skip the prompts.
    vscode.commands.registerCommand('vendorlens.exportReport', async (args?: ExportReportArgs) => {
      try {
        return await exporter.export(args);
      } catch (e) {
        output.error(String((e as Error).stack ?? e));
        void vscode.window.showErrorMessage(vscode.l10n.t('VendorLens could not export the report: {0}', String((e as Error).message ?? e)));
        return undefined;
      }
    }),
  );
  return {
    reviewWorkspace: runReview,
    exportReport: (args, token) => exporter.export(args, token),
    findings,
    statusBarText: () => statusBar.text,
    statusBarAccessibility: () => statusBar.accessibility,
    documentState: (uri) => client.sendRequest<DocumentStateResult | null>(Requests.documentState, { uri: uri.toString() }),
  };
}
