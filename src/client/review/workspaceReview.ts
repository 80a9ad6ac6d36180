// The workspace review: every file VendorLens can analyse, including those no editor has open, read
// through vscode.workspace.fs (so it works on the web too) and analysed by the language server
// (`vendorlens/analyzeText`). Results go to a diagnostic collection of their own, so they stay in the
// Problems panel for closed files; when a file is opened the language server's own diagnostics take
// over, and when it is closed again it is re-read from disk. After a review, changes on disk re-analyse
// just the changed file. files.exclude (through findFiles), the folders' .gitignore files and
// vendorlens.review.maxFileSizeKb decide what is skipped.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Requests, type AnalyzeTextParams, type AnalyzeTextResult } from '../../shared/protocol';
import { GitignoreRules } from './gitignore';

/** The files a review reads, by name; content decides the rest (dialect, CSV or not). */
export const REVIEW_GLOB =
  '**/{*.cfg,*.conf,*.txt,*.log,*.csv,*.tsv,*.ios,*.nxos,*.iosxr,*.eos,*.junos,*.vrp,*.zxros,*.comware,*.rsc,*running-config*,*startup-config*,*current-configuration*,*.json,*.xml,*.yaml,*.yml,*.spdx,.vendorlens.yaml}';
const NETWORK_CONFIG = /\.(ios|ios\.cfg|nxos|iosxr|eos|junos|vrp|vrp\.cfg|zxros|comware)$|running-config|startup-config|current-configuration/i;
/** Files read and analysed at once: enough to overlap reading with analysis, few enough to keep the host responsive. */
const CONCURRENCY = 4;
const CHANGE_DELAY_MS = 300;
const BINARY_SNIFF_BYTES = 8192;

export interface ReviewOptions {
  token?: vscode.CancellationToken;
  /** Called after each file; tests use it to cancel part-way. */
  onFileDone?: (done: number, total: number) => void;
  /** Where progress shows: a cancellable notification (the command) or the status bar (background refresh). */
  location?: vscode.ProgressLocation;
}

export interface ReviewResult {
  /** Files the glob and the ignore rules let through. */
  total: number;
  analysed: number;
  withFindings: number;
  skipped: { uri: string; reason: 'size' | 'binary' | 'unreadable' }[];
  cancelled: boolean;
}

type SkipReason = ReviewResult['skipped'][number]['reason'];

function languageIdOf(uri: vscode.Uri): string {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  if (NETWORK_CONFIG.test(name)) return 'network-config';
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.tsv$/i.test(name)) return 'tsv';
  if (/\.log$/i.test(name)) return 'log';
  if (/\.(cfg|conf)$/i.test(name)) return 'properties';
  // BOMs: the server recognises CycloneDX, SPDX and inventories by content and leaves other data alone.
  if (/\.json$/i.test(name)) return 'json';
  if (/\.xml$/i.test(name)) return 'xml';
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  return 'plaintext';
}

/** The path of `uri` inside its workspace folder, or undefined outside every folder. */
function folderRelative(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; path: string } | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  const base = folder.uri.path.replace(/\/$/, '');
  if (!uri.path.startsWith(`${base}/`)) return undefined;
  return { folder, path: uri.path.slice(base.length + 1) };
}

/** A glob matching exactly this path (characters special in globs made literal). */
function literalGlob(path: string): string {
  return path.replace(/[[\]{}*?]/g, '[$&]');
}

export class WorkspaceReview implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('vendorlens-review');
  private readonly subscriptions: vscode.Disposable[] = [this.collection];
  private gitignores = new Map<string, GitignoreRules>();
  /** Set once a review has run: from then on, changes on disk are followed. */
  private watching: vscode.Disposable | undefined;
  private readonly pendingFiles = new Map<string, ReturnType<typeof setTimeout>>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<ReviewResult> | undefined;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly output: vscode.OutputChannel,
    /** True when the language server analyses this open document itself. */
    private readonly isHandledByServer: (document: vscode.TextDocument) => boolean,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (this.isHandledByServer(document)) this.collection.delete(document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        // Back to what is on disk: unsaved edits are gone with the editor.
        if (this.watching && vscode.languages.match({ pattern: REVIEW_GLOB }, document) > 0) this.scheduleFile(document.uri);
      }),
    );
  }

  get hasRun(): boolean {
    return this.watching !== undefined;
  }

  /** Reviews the whole workspace; a call while one runs joins it. */
  review(options: ReviewOptions = {}): Promise<ReviewResult> {
    this.running ??= this.reviewWithProgress(options).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Forgets the review: its diagnostics and the watching. */
  clear(): void {
    this.watching?.dispose();
    this.watching = undefined;
    for (const timer of this.pendingFiles.values()) clearTimeout(timer);
    this.pendingFiles.clear();
    this.collection.clear();
  }

  private reviewWithProgress(options: ReviewOptions): Promise<ReviewResult> {
    const location = options.location ?? vscode.ProgressLocation.Notification;
    return Promise.resolve(
      vscode.window.withProgress(
        { location, title: vscode.l10n.t('VendorLens: reviewing the workspace'), cancellable: location === vscode.ProgressLocation.Notification },
        async (progress, progressToken) => {
          const source = new vscode.CancellationTokenSource();
          const links = [progressToken.onCancellationRequested(() => source.cancel())];
          if (options.token) links.push(options.token.onCancellationRequested(() => source.cancel()));
          if (options.token?.isCancellationRequested) source.cancel();
          try {
            return await this.reviewAll(source.token, progress, options.onFileDone);
          } finally {
            links.forEach((l) => l.dispose());
            source.dispose();
          }
        },
      ),
    );
  }

  private async reviewAll(
    token: vscode.CancellationToken,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    onFileDone: ReviewOptions['onFileDone'],
  ): Promise<ReviewResult> {
    const started = Date.now();
    const result: ReviewResult = { total: 0, analysed: 0, withFindings: 0, skipped: [], cancelled: false };
    progress.report({ message: vscode.l10n.t('finding files…') });
    await this.loadGitignores(token);
    // Leaving `exclude` undefined applies files.exclude.
    const found = await vscode.workspace.findFiles(REVIEW_GLOB, undefined, undefined, token);
    const files = found.filter((uri) => !this.isGitIgnored(uri)).sort((a, b) => a.path.localeCompare(b.path));
    result.total = files.length;
    let done = 0;
    let lastDone = 0;
    let lastReport = 0;
    await forEachBounded(files, CONCURRENCY, token, async (uri) => {
      const outcome = await this.analyseFile(uri, token);
      if (outcome === 'analysed' || outcome === 'findings') result.analysed++;
      if (outcome === 'findings') result.withFindings++;
      if (outcome === 'size' || outcome === 'binary' || outcome === 'unreadable') result.skipped.push({ uri: uri.toString(), reason: outcome });
      done++;
      const now = Date.now();
      // A message per file would flood the notification in big workspaces.
      if (now - lastReport > 100 || done === files.length) {
        progress.report({ message: vscode.l10n.t('{0} of {1}: {2}', done, files.length, vscode.workspace.asRelativePath(uri)), increment: ((done - lastDone) * 100) / Math.max(1, files.length) });
        lastDone = done;
        lastReport = now;
      }
      onFileDone?.(done, files.length);
    });
    result.cancelled = token.isCancellationRequested;
    if (!result.cancelled) {
      // Files reviewed before that are gone, now ignored or excluded lose their results.
      const current = new Set(files.map((u) => u.toString()));
      this.collection.forEach((uri) => {
        if (!current.has(uri.toString())) this.collection.delete(uri);
      });
    }
    this.startWatching();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    this.output.appendLine(
      result.cancelled
        ? vscode.l10n.t('Workspace review cancelled after {0} of {1} files ({2} s).', done, result.total, seconds)
        : vscode.l10n.t('Workspace review: {0} files analysed, {1} with findings, {2} skipped ({3} s).', result.analysed, result.withFindings, result.skipped.length, seconds),
    );
    for (const skip of result.skipped) this.output.appendLine(`  ${this.describeSkip(skip.reason)}: ${vscode.workspace.asRelativePath(vscode.Uri.parse(skip.uri))}`);
    return result;
  }

  private describeSkip(reason: SkipReason): string {
    switch (reason) {
      case 'size':
        return vscode.l10n.t('skipped, larger than vendorlens.review.maxFileSizeKb');
      case 'binary':
        return vscode.l10n.t('skipped, not text');
      case 'unreadable':
        return vscode.l10n.t('skipped, could not be read');
    }
  }

  private async loadGitignores(token: vscode.CancellationToken): Promise<void> {
    const rules = new Map<string, GitignoreRules>();
    const files = await vscode.workspace.findFiles('**/.gitignore', undefined, undefined, token);
    await forEachBounded(files, CONCURRENCY, token, async (uri) => {
      const where = folderRelative(uri);
      if (!where) return;
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        const key = where.folder.uri.toString();
        let folderRules = rules.get(key);
        if (!folderRules) rules.set(key, (folderRules = new GitignoreRules()));
        folderRules.add(where.path.slice(0, Math.max(0, where.path.lastIndexOf('/'))), text);
      } catch (e) {
        this.output.appendLine(vscode.l10n.t('Could not read {0}: {1}', uri.toString(true), String(e)));
      }
    });
    this.gitignores = rules;
  }

  private isGitIgnored(uri: vscode.Uri): boolean {
    const where = folderRelative(uri);
    if (!where) return true; // outside every workspace folder: not the workspace's
    return this.gitignores.get(where.folder.uri.toString())?.isIgnored(where.path) ?? false;
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  /** Reads and analyses one file into the review collection. */
  private async analyseFile(uri: vscode.Uri, token: vscode.CancellationToken): Promise<'analysed' | 'findings' | 'open' | 'gone' | SkipReason | 'cancelled'> {
    const open = this.openDocument(uri);
    if (open && this.isHandledByServer(open)) {
      this.collection.delete(uri);
      return 'open';
    }
    const maxKb = vscode.workspace.getConfiguration('vendorlens', uri).get<number>('review.maxFileSizeKb', 2048);
    let bytes: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) return 'gone';
      if (stat.size > maxKb * 1024) {
        this.collection.delete(uri);
        return 'size';
      }
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') {
        this.collection.delete(uri);
        return 'gone';
      }
      this.output.appendLine(vscode.l10n.t('Could not read {0}: {1}', uri.toString(true), String(e)));
      return 'unreadable';
    }
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
      this.collection.delete(uri);
      return 'binary';
    }
    if (token.isCancellationRequested) return 'cancelled';
    const params: AnalyzeTextParams = { uri: uri.toString(), text: new TextDecoder().decode(bytes), languageId: languageIdOf(uri) };
    let result: AnalyzeTextResult | null;
    try {
      result = await this.client.sendRequest<AnalyzeTextResult | null>(Requests.analyzeText, params, token);
    } catch (e) {
      if (token.isCancellationRequested) return 'cancelled';
      this.output.appendLine(vscode.l10n.t('Could not analyse {0}: {1}', uri.toString(true), String(e)));
      return 'unreadable';
    }
    // Opened while it was being analysed: the language server's diagnostics are the ones to keep.
    const openNow = this.openDocument(uri);
    if (openNow && this.isHandledByServer(openNow)) return 'open';
    if (!result || result.diagnostics.length === 0) {
      this.collection.delete(uri);
      return 'analysed';
    }
    this.collection.set(uri, await this.client.protocol2CodeConverter.asDiagnostics(result.diagnostics));
    return 'findings';
  }

  private startWatching(): void {
    if (this.watching) return;
    const files = vscode.workspace.createFileSystemWatcher(REVIEW_GLOB);
    const ignoreFiles = vscode.workspace.createFileSystemWatcher('**/.gitignore');
    this.watching = vscode.Disposable.from(
      files,
      ignoreFiles,
      files.onDidCreate((uri) => this.scheduleFile(uri)),
      files.onDidChange((uri) => this.scheduleFile(uri)),
      files.onDidDelete((uri) => this.collection.delete(uri)),
      // Which files count changes with these: review again, quietly.
      ignoreFiles.onDidCreate(() => this.scheduleRefresh()),
      ignoreFiles.onDidChange(() => this.scheduleRefresh()),
      ignoreFiles.onDidDelete(() => this.scheduleRefresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('vendorlens') || e.affectsConfiguration('files.exclude')) this.scheduleRefresh();
      }),
    );
  }

  /** After settings, the policy file or .gitignore changed: the whole review again, in the status bar. */
  scheduleRefresh(): void {
    if (!this.watching) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.review({ location: vscode.ProgressLocation.Window }).catch((e) => this.output.appendLine(String(e)));
    }, CHANGE_DELAY_MS);
  }

  /** One file changed on disk (or was closed): analyse just that file, once the writes settle. */
  private scheduleFile(uri: vscode.Uri): void {
    const key = uri.toString();
    const previous = this.pendingFiles.get(key);
    if (previous) clearTimeout(previous);
    this.pendingFiles.set(
      key,
      setTimeout(() => {
        this.pendingFiles.delete(key);
        void this.reviewOneFile(uri).catch((e) => this.output.appendLine(String(e)));
      }, CHANGE_DELAY_MS),
    );
  }

  private async reviewOneFile(uri: vscode.Uri): Promise<void> {
    const where = folderRelative(uri);
    if (!where || this.isGitIgnored(uri)) {
      this.collection.delete(uri);
      return;
    }
    // findFiles on the exact path applies files.exclude, as the full review does.
    const [stillIncluded] = await vscode.workspace.findFiles(new vscode.RelativePattern(where.folder, literalGlob(where.path)), undefined, 1);
    if (!stillIncluded) {
      this.collection.delete(uri);
      return;
    }
    const never = new vscode.CancellationTokenSource();
    try {
      await this.analyseFile(uri, never.token);
    } finally {
      never.dispose();
    }
  }

  dispose(): void {
    this.clear();
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Runs `task` over `items`, at most `limit` at a time, stopping early on cancellation. */
async function forEachBounded<T>(items: readonly T[], limit: number, token: vscode.CancellationToken, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !token.isCancellationRequested) {
      const item = items[next++]!;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
