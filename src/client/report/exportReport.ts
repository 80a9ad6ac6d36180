// *VendorLens: Export Report*: the files of the workspace review (same listing, ignore rules and size
// limit), each turned into a compact report record by the language server (vendorlens/fileReport), then
// rendered by the server with the report modules and profiles the CLI uses (vendorlens/renderReport), so
// a report from the editor and one from CI are the same. Saved through the workspace file system (so it
// works on the web too); HTML also opens in a webview.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { encodeBase64 } from '../../shared/base64';
import { Requests, type FileReport, type FileReportParams, type RenderReportParams, type ReportFormat, type WorkbookFileReportParams } from '../../shared/protocol';
import { forEachBounded, isWorkbookFile, languageIdOf, listReviewFiles, openDocument, READ_CONCURRENCY, readReviewBytes, readReviewFile, WORKSPACE_FILE_SYSTEM, type ReviewFileSystem } from '../review/reviewFiles';
import { countExport, defaultReportName, FORMAT_CHOICES, formatChoice, skippedFileProblem, withPanelCsp, type ExportCounts, type FormatChoice } from './exportModel';

export const REPORT_VIEW_TYPE = 'vendorlens.report';

/** What the command accepts to skip its prompts (tests, keybindings, other extensions). */
export interface ExportReportArgs {
  format?: ReportFormat;
  /** Where to save: a URI or its string form. */
  target?: vscode.Uri | string;
}

export interface ExportReportResult extends ExportCounts {
  format: ReportFormat;
  uri: string;
}

class ExportCancelled extends Error {}

export class ReportExporter implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly output: vscode.LogOutputChannel,
    private readonly files: ReviewFileSystem = WORKSPACE_FILE_SYSTEM,
  ) {}

  /** Asks for what `args` leaves open, exports, saves; undefined when the user cancels at any step. */
  async export(args: ExportReportArgs = {}, token?: vscode.CancellationToken): Promise<ExportReportResult | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder to export a VendorLens report.'));
      return undefined;
    }
    const choice = args.format !== undefined ? formatChoice(args.format) : await pickFormat();
    if (args.format !== undefined && !choice) throw new Error(`unknown report format '${String(args.format)}'`);
    if (!choice) return undefined;
    const target = args.target !== undefined ? toUri(args.target) : await askForTarget(folder, choice);
    if (!target) return undefined;

    let files: FileReport[];
    try {
      files = await this.collectWithProgress(token);
    } catch (e) {
      if (!(e instanceof ExportCancelled)) throw e;
      void vscode.window.showInformationMessage(vscode.l10n.t('VendorLens report export cancelled; nothing was saved.'));
      return undefined;
    }
    const params: RenderReportParams = { format: choice.format, files, uri: folder.uri.toString() };
    const text = await this.client.sendRequest<string | null>(Requests.renderReport, params);
    if (text === null) throw new Error(vscode.l10n.t('the language server could not write the report'));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));

    const counts = countExport(files);
    this.output.info(vscode.l10n.t('Report saved to {0}: {1} findings in {2} files.', target.toString(true), counts.findings, counts.files));
    if (choice.format === 'html') this.showHtml(text, target);
    else void this.offerToOpen(target, counts);
    return { format: choice.format, uri: target.toString(), ...counts };
  }

  private collectWithProgress(token: vscode.CancellationToken | undefined): Promise<FileReport[]> {
    return Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('VendorLens: exporting a report'), cancellable: true },
        async (progress, progressToken) => {
          const source = new vscode.CancellationTokenSource();
          const links = [progressToken.onCancellationRequested(() => source.cancel())];
          if (token) links.push(token.onCancellationRequested(() => source.cancel()));
          if (token?.isCancellationRequested) source.cancel();
          try {
            const files = await this.collect(source.token, progress);
            if (source.token.isCancellationRequested) throw new ExportCancelled();
            return files;
          } finally {
            links.forEach((l) => l.dispose());
            source.dispose();
          }
        },
      ),
    );
  }

  /** The report record of every file the review covers, in path order. */
  private async collect(token: vscode.CancellationToken, progress: vscode.Progress<{ message?: string; increment?: number }>): Promise<FileReport[]> {
    progress.report({ message: vscode.l10n.t('finding files…') });
    const { files } = await listReviewFiles(token, this.output);
    const reports: (FileReport | undefined)[] = new Array(files.length);
    let done = 0;
    let reported = 0;
    let lastReport = 0;
    await forEachBounded(files, READ_CONCURRENCY, token, async (uri, index) => {
      reports[index] = await this.fileReport(uri, token);
      done++;
      // A message per file would flood the notification in big workspaces.
      const now = Date.now();
      if (now - lastReport > 100 || done === files.length) {
        progress.report({ message: vscode.l10n.t('{0} of {1}: {2}', done, files.length, vscode.workspace.asRelativePath(uri)), increment: ((done - reported) * 100) / files.length });
        reported = done;
        lastReport = now;
      }
    });
    return reports.filter((r): r is FileReport => r !== undefined);
  }

  /** One file's record; an open file as the editor has it (unsaved edits included), as its diagnostics show it. */
  private async fileReport(uri: vscode.Uri, token: vscode.CancellationToken): Promise<FileReport | undefined> {
    const display = vscode.workspace.asRelativePath(uri);
    if (isWorkbookFile(uri)) return this.workbookReport(uri, display, token);
    const open = openDocument(uri);
    let text: string;
    if (open) text = open.getText();
    else {
      const read = await readReviewFile(uri, this.files);
      if (read.kind === 'gone') return undefined;
      if (read.kind !== 'text') return skippedFileProblem(display, read);
      text = read.text;
    }
    const params: FileReportParams = { uri: uri.toString(), text, languageId: open?.languageId ?? languageIdOf(uri), display };
    try {
      // null: VendorLens is disabled for this file (vendorlens.enable).
      return (await this.client.sendRequest<FileReport | null>(Requests.fileReport, params, token)) ?? undefined;
    } catch (e) {
      if (token.isCancellationRequested) return undefined;
      this.output.warn(vscode.l10n.t('Could not analyse {0}: {1}', uri.toString(true), String(e)));
      return skippedFileProblem(display, { kind: 'unreadable', error: String(e) });
    }
  }

  /** A workbook's record: its bytes, read as a workbook by the language server (as the CLI reads it). */
  private async workbookReport(uri: vscode.Uri, display: string, token: vscode.CancellationToken): Promise<FileReport | undefined> {
    const read = await readReviewBytes(uri, this.files);
    if (read.kind === 'gone') return undefined;
    if (read.kind !== 'bytes') return skippedFileProblem(display, read);
    const params: WorkbookFileReportParams = { uri: uri.toString(), base64: encodeBase64(read.bytes), display };
    try {
      return (await this.client.sendRequest<FileReport | null>(Requests.workbookFileReport, params, token)) ?? undefined;
    } catch (e) {
      if (token.isCancellationRequested) return undefined;
      this.output.warn(vscode.l10n.t('Could not analyse {0}: {1}', uri.toString(true), String(e)));
      return skippedFileProblem(display, { kind: 'unreadable', error: String(e) });
    }
  }

  private showHtml(html: string, source: vscode.Uri): void {
    const name = source.path.slice(source.path.lastIndexOf('/') + 1);
    const title = vscode.l10n.t('VendorLens Report: {0}', name);
    if (!this.panel) {
      // The report is static: no script, no form, nothing loaded from disk.
      this.panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, title, vscode.ViewColumn.Active, {
        enableScripts: false,
        enableForms: false,
        localResourceRoots: [],
        enableFindWidget: true,
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.panel.title = title;
    this.panel.webview.html = withPanelCsp(html);
    this.panel.reveal();
  }

  private async offerToOpen(target: vscode.Uri, counts: ExportCounts): Promise<void> {
    const open = vscode.l10n.t('Open');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('VendorLens report saved: {0} findings in {1} files.', counts.findings, counts.files),
      open,
    );
    if (choice === open) await vscode.commands.executeCommand('vscode.open', target);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

async function pickFormat(): Promise<FormatChoice | undefined> {
  const descriptions: Record<ReportFormat, string> = {
    html: vscode.l10n.t('one self-contained page with summary tables; also shown in the editor'),
    markdown: vscode.l10n.t('summary tables and findings for pull requests, tickets and wikis'),
    csv: vscode.l10n.t('one row per finding, for spreadsheets and trackers'),
    json: vscode.l10n.t('the command line\'s JSON contract'),
    sarif: vscode.l10n.t('SARIF 2.1.0 for code scanning and SARIF viewers'),
    'register-csv': vscode.l10n.t('the flagged-asset register: one row per device or product, for Excel'),
    'register-json': vscode.l10n.t('the flagged-asset register as JSON'),
  };
  const picked = await vscode.window.showQuickPick(
    FORMAT_CHOICES.map((choice) => ({ label: choice.label, description: descriptions[choice.format], choice })),
    { title: vscode.l10n.t('Export VendorLens Report'), placeHolder: vscode.l10n.t('Report format') },
  );
  return picked?.choice;
}

function askForTarget(folder: vscode.WorkspaceFolder, choice: FormatChoice): Thenable<vscode.Uri | undefined> {
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export VendorLens Report'),
    defaultUri: vscode.Uri.joinPath(folder.uri, defaultReportName(choice)),
    filters: { [choice.label]: [choice.extension] },
    saveLabel: vscode.l10n.t('Export'),
  });
}

function toUri(target: vscode.Uri | string): vscode.Uri {
  return typeof target === 'string' ? vscode.Uri.parse(target) : target;
}
