// The workspace review: every file VendorLens can analyse, including those no editor has open, read
// through vscode.workspace.fs (so it works on the web too) and analysed by the language server
// (`vendorlens/analyzeText`). Results go to a diagnostic collection of their own, so they stay in the
// Problems panel for closed files; when a file is opened the language server's own diagnostics take
// over, and when it is closed again it is re-read from disk. After a review, changes on disk re-analyse
// just the changed file. files.exclude (through findFiles), the folders' .gitignore files and
// vendorlens.review.maxFileSizeKb decide what is skipped (reviewFiles.ts, shared with the report export).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Requests, type AnalyzeTextParams, type AnalyzeTextResult } from '../../shared/protocol';
import { PublishBatches } from './publishBatches';
import { SharedValues, shareFindingLists } from './sharedValues';
import { folderRelative, forEachBounded, isWorkbookFile, languageIdOf, listReviewFiles, openDocument, READ_CONCURRENCY, readReviewBytes, readReviewFile, REVIEW_GLOB, WORKSPACE_FILE_SYSTEM, WorkspaceIgnores, type ReviewFileSystem } from './reviewFiles';

const CHANGE_DELAY_MS = 300;
/**
 * Diagnostics a review puts in the Problems panel, over all files (setting vendorlens.review.maxProblems).
 * The workbench keeps every entry in the page: hundreds of thousands took it minutes and gigabytes to take
 * in after a review of a dense tree had finished, while the view and status bar froze.
 */
const DEFAULT_MAX_PROBLEMS = 20_000;

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
  /** Every file analysed, in path order, with its number of findings and of other problems. */
  files: { uri: string; findings: number; problems: number }[];
  /** Files analysed whose diagnostics are not in the Problems panel, how many they hold, and the limit (vendorlens.review.maxProblems). */
  notShown: { files: number; findings: number; problems: number; limit: number };
  cancelled: boolean;
}

/** What one file's analysis gave: counted the same whether or not an editor has the file open. */
interface FileOutcome {
  kind: 'analysed' | 'cancelled' | 'gone' | SkipReason;
  findings?: number;
  problems?: number;
  /** Its diagnostics were left out of the Problems panel (vendorlens.review.maxProblems). */
  notShown?: boolean;
}

/** What a review that filled the Problems panel says: how much is not shown, and where it all is. */
export function notShownMessage(result: ReviewResult): string {
  return vscode.l10n.t(
    'The Problems panel shows the first {0} diagnostics of this review (vendorlens.review.maxProblems): the {1} findings and {2} other problems of {3} more files are counted in the VendorLens output, not shown. Export Report lists every finding.',
    result.notShown.limit,
    result.notShown.findings,
    result.notShown.problems,
    result.notShown.files,
  );
}

type SkipReason = ReviewResult['skipped'][number]['reason'];

/** One file's diagnostics for the review's collection; none: the file has no entry there. */
type Published = [vscode.Uri, vscode.Diagnostic[] | undefined];

/** A glob matching exactly this path (characters special in globs made literal). */
function literalGlob(path: string): string {
  return path.replace(/[[\]{}*?]/g, '[$&]');
}

export class WorkspaceReview implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('vendorlens-review');
  private readonly subscriptions: vscode.Disposable[] = [this.collection];
  private ignores = WorkspaceIgnores.none;
  /** Set once a review has run: from then on, changes on disk are followed. */
  private watching: vscode.Disposable | undefined;
  private readonly pendingFiles = new Map<string, ReturnType<typeof setTimeout>>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<ReviewResult> | undefined;
  /** One copy of the values many findings repeat (advisory lists, advisory links). */
  private readonly sharedLists = new SharedValues<string[]>();
  private readonly sharedLinks = new SharedValues<vscode.Uri>();

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly output: vscode.LogOutputChannel,
    /** True when the language server analyses this open document itself. */
    private readonly isHandledByServer: (document: vscode.TextDocument) => boolean,
    /** Analyses a workbook's bytes into the workbook view's diagnostics; the number of findings. */
    private readonly analyseWorkbook?: (uri: vscode.Uri, bytes: Uint8Array) => Promise<number>,
    private readonly files: ReviewFileSystem = WORKSPACE_FILE_SYSTEM,
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
    const result: ReviewResult = { total: 0, analysed: 0, withFindings: 0, skipped: [], files: [], notShown: { files: 0, findings: 0, problems: 0, limit: DEFAULT_MAX_PROBLEMS }, cancelled: false };
    progress.report({ message: vscode.l10n.t('finding files…') });
    const { files, ignores } = await listReviewFiles(token, this.output);
    this.ignores = ignores;
    result.total = files.length;
    let done = 0;
    let lastDone = 0;
    let lastReport = 0;
    const batches = new PublishBatches<Published>((entries) => this.publish(entries));
    // Files are shown while the panel has room; once one would overflow it, no later file is (a file's
    // findings are never shown in part). Counts are kept for all.
    const maxProblems = vscode.workspace.getConfiguration('vendorlens').get<number>('review.maxProblems', DEFAULT_MAX_PROBLEMS);
    result.notShown.limit = maxProblems;
    let shown = 0;
    let full = false;
    const admit = (count: number): boolean => {
      if (!full && shown + count <= maxProblems) {
        shown += count;
        return true;
      }
      full = true;
      return false;
    };
    try {
      await forEachBounded(files, READ_CONCURRENCY, token, async (uri) => {
        const outcome = await this.analyseFile(uri, token, (entry) => batches.add(entry), admit);
        if (outcome.kind === 'analysed') {
          result.analysed++;
          if ((outcome.findings ?? 0) > 0) result.withFindings++;
          result.files.push({ uri: uri.toString(), findings: outcome.findings ?? 0, problems: outcome.problems ?? 0 });
          if (outcome.notShown) {
            result.notShown.files++;
            result.notShown.findings += outcome.findings ?? 0;
            result.notShown.problems += outcome.problems ?? 0;
          }
        }
        if (outcome.kind === 'size' || outcome.kind === 'binary' || outcome.kind === 'unreadable') result.skipped.push({ uri: uri.toString(), reason: outcome.kind });
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
    } finally {
      // Cancelled or not, what was analysed is shown.
      batches.flush();
    }
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
    if (result.notShown.files > 0) this.output.warn(notShownMessage(result));
    this.output.info(
      result.cancelled
        ? vscode.l10n.t('Workspace review cancelled after {0} of {1} files ({2} s).', done, result.total, seconds)
        : vscode.l10n.t('Workspace review: {0} files analysed, {1} with findings, {2} skipped ({3} s).', result.analysed, result.withFindings, result.skipped.length, seconds),
    );
    // Files finish in any order: the lists are in path order, so two runs read the same.
    const byPath = (a: { uri: string }, b: { uri: string }) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
    result.files.sort(byPath);
    result.skipped.sort(byPath);
    const relative = (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
    for (const file of result.files) this.output.info(`  ${relative(file.uri)}: ${this.describeFile(file)}`);
    for (const skip of result.skipped) this.output.info(`  ${relative(skip.uri)}: ${this.describeSkip(skip.reason)}`);
    return result;
  }

  private describeFile(file: ReviewResult['files'][number]): string {
    const findings = file.findings === 0 ? vscode.l10n.t('no findings') : file.findings === 1 ? vscode.l10n.t('1 finding') : vscode.l10n.t('{0} findings', file.findings);
    return file.problems > 0 ? vscode.l10n.t('{0}, {1} other problems', findings, file.problems) : findings;
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

  /**
   * Reads and analyses one file into the review collection. One rule whatever is open: the review counts
   * the file as saved on disk, with the language its name gives. An open file keeps the language server's
   * live diagnostics in the Problems panel (unsaved edits included); it is counted like any other.
   */
  private async analyseFile(
    uri: vscode.Uri,
    token: vscode.CancellationToken,
    publish: (entry: Published) => void = (entry) => this.publish([entry]),
    /** Whether the Problems panel takes this many more diagnostics (a review's limit); always, by default. */
    admit: (count: number) => boolean = () => true,
  ): Promise<FileOutcome> {
    if (isWorkbookFile(uri) && this.analyseWorkbook) return this.analyseWorkbookFile(uri, token);
    const read = await readReviewFile(uri, this.files);
    if (read.kind === 'unreadable') {
      this.output.warn(vscode.l10n.t('Could not read {0}: {1}', uri.toString(true), read.error));
      return { kind: 'unreadable' };
    }
    if (read.kind !== 'text') {
      this.collection.delete(uri);
      return { kind: read.kind };
    }
    if (token.isCancellationRequested) return { kind: 'cancelled' };
    const params: AnalyzeTextParams = { uri: uri.toString(), text: read.text, languageId: languageIdOf(uri) };
    let result: AnalyzeTextResult | null;
    try {
      result = await this.client.sendRequest<AnalyzeTextResult | null>(Requests.analyzeText, params, token);
    } catch (e) {
      if (token.isCancellationRequested) return { kind: 'cancelled' };
      this.output.warn(vscode.l10n.t('Could not analyse {0}: {1}', uri.toString(true), String(e)));
      return { kind: 'unreadable' };
    }
    const diagnostics = result?.diagnostics ?? [];
    const findings = diagnostics.filter((d) => (d.data as { findingId?: unknown } | undefined)?.findingId !== undefined).length;
    const outcome: FileOutcome = { kind: 'analysed', findings, problems: diagnostics.length - findings };
    if (diagnostics.length > 0 && !admit(diagnostics.length)) {
      outcome.notShown = true;
      publish([uri, undefined]);
      return outcome;
    }
    publish([uri, diagnostics.length === 0 ? undefined : await this.convert(diagnostics)]);
    return outcome;
  }

  /** VS Code's diagnostics for the server's, sharing what findings repeat (see sharedValues.ts). */
  private async convert(diagnostics: AnalyzeTextResult['diagnostics']): Promise<vscode.Diagnostic[]> {
    shareFindingLists(diagnostics, this.sharedLists);
    const converted = await this.client.protocol2CodeConverter.asDiagnostics(diagnostics);
    converted.forEach((diagnostic, i) => {
      const href = diagnostics[i]?.codeDescription?.href;
      if (href && typeof diagnostic.code === 'object') diagnostic.code = { value: diagnostic.code.value, target: this.sharedLinks.share(href, () => vscode.Uri.parse(href)) };
    });
    return converted;
  }

  /** Puts files' diagnostics into the review's collection, in one update of the Problems panel. */
  private publish(entries: readonly Published[]): void {
    this.collection.set(
      entries.map(([uri, diagnostics]) => {
        // Open in an editor by now: the language server's diagnostics are the ones to show.
        const open = openDocument(uri);
        return [uri, open && this.isHandledByServer(open) ? undefined : diagnostics];
      }),
    );
  }

  /** A workbook: its findings go where the workbook view puts them (its own diagnostic collection). */
  private async analyseWorkbookFile(uri: vscode.Uri, token: vscode.CancellationToken): Promise<FileOutcome> {
    const read = await readReviewBytes(uri, this.files);
    if (read.kind === 'unreadable') {
      this.output.warn(vscode.l10n.t('Could not read {0}: {1}', uri.toString(true), read.error));
      return { kind: 'unreadable' };
    }
    if (read.kind !== 'bytes') return { kind: read.kind };
    if (token.isCancellationRequested) return { kind: 'cancelled' };
    try {
      return { kind: 'analysed', findings: await this.analyseWorkbook!(uri, read.bytes), problems: 0 };
    } catch (e) {
      this.output.warn(vscode.l10n.t('Could not analyse {0}: {1}', uri.toString(true), String(e)));
      return { kind: 'unreadable' };
    }
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
      void this.review({ location: vscode.ProgressLocation.Window }).catch((e) => this.output.error(String(e)));
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
        void this.reviewOneFile(uri).catch((e) => this.output.error(String(e)));
      }, CHANGE_DELAY_MS),
    );
  }

  private async reviewOneFile(uri: vscode.Uri): Promise<void> {
    const where = folderRelative(uri);
    if (!where || this.ignores.isIgnored(uri)) {
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
