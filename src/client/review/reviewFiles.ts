// The files the workspace review and the report export cover, and how they are read: by name (REVIEW_GLOB),
// minus what files.exclude (through findFiles), the folders' .gitignore and .vendorlensignore files and the
// root .vendorlens.yaml's exclude: list leave out (as the CLI walk does), skipping files
// over vendorlens.review.maxFileSizeKb and binary files. Files are read through vscode.workspace.fs, so it
// works on the web too, unless the host gives a faster way for local files (ReviewFileSystem).
import * as vscode from 'vscode';
import { policyExcludes, POLICY_FILE_NAME } from '../../core/knowledge/policy';
import { decodeTextBytes } from '../../core/textBytes';
import { GitignoreRules, IGNORE_FILE_NAMES } from '../../shared/gitignore';

/** The files a review reads, by name; content decides the rest (dialect, CSV or not). */
export const REVIEW_GLOB =
  '**/{*.cfg,*.conf,*.txt,*.log,*.csv,*.tsv,*.ios,*.nxos,*.iosxr,*.eos,*.junos,*.vrp,*.zxros,*.comware,*.rsc,*running-config*,*startup-config*,*current-configuration*,*.json,*.xml,*.yaml,*.yml,*.spdx,*.xlsx,*.xlsm,*.ods,.vendorlens.yaml}';
const NETWORK_CONFIG = /\.(ios|ios\.cfg|nxos|iosxr|eos|junos|vrp|vrp\.cfg|zxros|comware)$|running-config|startup-config|current-configuration/i;
/** Files read and analysed at once: enough to overlap reading with analysis, few enough to keep the host responsive. */
export const READ_CONCURRENCY = 4;
const DEFAULT_MAX_FILE_SIZE_KB = 2048;

/** The language a file would open in: the server picks the format parser by it and by content. */
export function languageIdOf(uri: vscode.Uri): string {
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
export function folderRelative(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; path: string } | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  const base = folder.uri.path.replace(/\/$/, '');
  if (!uri.path.startsWith(`${base}/`)) return undefined;
  return { folder, path: uri.path.slice(base.length + 1) };
}

/**
 * The ignore rules of every workspace folder: its .gitignore and .vendorlensignore files and its
 * .vendorlens.yaml's exclude: patterns (the global excludes file and .git/info/exclude are not read).
 */
export class WorkspaceIgnores {
  private constructor(private readonly rulesByFolder: ReadonlyMap<string, GitignoreRules>) {}

  static readonly none = new WorkspaceIgnores(new Map());

  static async load(token: vscode.CancellationToken, output: vscode.LogOutputChannel): Promise<WorkspaceIgnores> {
    const found = await vscode.workspace.findFiles(`**/{${[...IGNORE_FILE_NAMES, POLICY_FILE_NAME].join(',')}}`, undefined, undefined, token);
    const read: { folder: string; directory: string; name: string; text: string }[] = [];
    await forEachBounded(found, READ_CONCURRENCY, token, async (uri) => {
      const where = folderRelative(uri);
      if (!where) return;
      const slash = where.path.lastIndexOf('/');
      const directory = where.path.slice(0, Math.max(0, slash));
      const name = where.path.slice(slash + 1);
      // Only the folder's own policy file counts, as for the rest of the policy.
      if (name === POLICY_FILE_NAME && directory !== '') return;
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        read.push({ folder: where.folder.uri.toString(), directory, name, text: name === POLICY_FILE_NAME ? policyExcludes(text).join('\n') : text });
      } catch (e) {
        output.warn(vscode.l10n.t('Could not read {0}: {1}', uri.toString(true), String(e)));
      }
    });
    // Files were read in any order; within a directory the later rules win: .gitignore, .vendorlensignore, then the policy.
    const rank = (name: string) => [...IGNORE_FILE_NAMES, POLICY_FILE_NAME].indexOf(name);
    read.sort((a, b) => rank(a.name) - rank(b.name));
    const rules = new Map<string, GitignoreRules>();
    for (const file of read) {
      let folderRules = rules.get(file.folder);
      if (!folderRules) rules.set(file.folder, (folderRules = new GitignoreRules()));
      folderRules.add(file.directory, file.text);
    }
    return new WorkspaceIgnores(rules);
  }

  /** True for files a .gitignore excludes, and for files outside every workspace folder (not the workspace's). */
  isIgnored(uri: vscode.Uri): boolean {
    const where = folderRelative(uri);
    if (!where) return true;
    return this.rulesByFolder.get(where.folder.uri.toString())?.isIgnored(where.path) ?? false;
  }
}

export interface ReviewFiles {
  /** In path order. */
  files: vscode.Uri[];
  /** The rules used, for deciding about single files later (changes on disk). */
  ignores: WorkspaceIgnores;
}

/** Every file the review covers: the glob, files.exclude and .gitignore applied. */
export async function listReviewFiles(token: vscode.CancellationToken, output: vscode.LogOutputChannel): Promise<ReviewFiles> {
  const ignores = await WorkspaceIgnores.load(token, output);
  // Leaving `exclude` undefined applies files.exclude.
  const found = await vscode.workspace.findFiles(REVIEW_GLOB, undefined, undefined, token);
  const files = found.filter((uri) => !ignores.isIgnored(uri)).sort((a, b) => a.path.localeCompare(b.path));
  return { files, ignores };
}

/**
 * What the review reads files with: vscode.workspace.fs, or the desktop host's direct reads of local files.
 * In a remote window (code-server, SSH) vscode.workspace.fs goes through the workbench and back: a
 * dense tree of 12,000 files took a quarter of a second per file to read that way.
 */
export interface ReviewFileSystem {
  stat(uri: vscode.Uri): Thenable<vscode.FileStat>;
  readFile(uri: vscode.Uri): Thenable<Uint8Array>;
}

export const WORKSPACE_FILE_SYSTEM: ReviewFileSystem = {
  stat: (uri) => vscode.workspace.fs.stat(uri),
  readFile: (uri) => vscode.workspace.fs.readFile(uri),
};

export type ReadResult =
  | { kind: 'text'; text: string }
  /** Deleted since it was listed, or a directory. */
  | { kind: 'gone' }
  | { kind: 'size'; size: number; maxKb: number }
  | { kind: 'binary' }
  | { kind: 'unreadable'; error: string };

/** Reads a file the review covers, unless it is over vendorlens.review.maxFileSizeKb or binary. */
export async function readReviewFile(uri: vscode.Uri, files: ReviewFileSystem = WORKSPACE_FILE_SYSTEM): Promise<ReadResult> {
  const maxKb = vscode.workspace.getConfiguration('vendorlens', uri).get<number>('review.maxFileSizeKb', DEFAULT_MAX_FILE_SIZE_KB);
  let bytes: Uint8Array;
  try {
    const stat = await files.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { kind: 'gone' };
    if (stat.size > maxKb * 1024) return { kind: 'size', size: stat.size, maxKb };
    bytes = await files.readFile(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { kind: 'gone' };
    return { kind: 'unreadable', error: String(e) };
  }
  // UTF-16 with a byte order mark is text, as the editor shows it.
  const decoded = decodeTextBytes(bytes);
  return decoded.kind === 'binary' ? { kind: 'binary' } : { kind: 'text', text: decoded.text };
}

/** XLSX and ODS workbooks: read as bytes and analysed as workbooks, never as text. */
export function isWorkbookFile(uri: vscode.Uri): boolean {
  return /\.(xlsx|xlsm|ods)$/i.test(uri.path);
}

export type BytesReadResult = { kind: 'bytes'; bytes: Uint8Array } | Exclude<ReadResult, { kind: 'text' } | { kind: 'binary' }>;

/** Reads a workbook the review covers, unless it is over vendorlens.review.maxFileSizeKb. */
export async function readReviewBytes(uri: vscode.Uri, files: ReviewFileSystem = WORKSPACE_FILE_SYSTEM): Promise<BytesReadResult> {
  const maxKb = vscode.workspace.getConfiguration('vendorlens', uri).get<number>('review.maxFileSizeKb', DEFAULT_MAX_FILE_SIZE_KB);
  try {
    const stat = await files.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { kind: 'gone' };
    if (stat.size > maxKb * 1024) return { kind: 'size', size: stat.size, maxKb };
    return { kind: 'bytes', bytes: await files.readFile(uri) };
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { kind: 'gone' };
    return { kind: 'unreadable', error: String(e) };
  }
}

/** The document open in an editor for `uri`, if any: its text may differ from what is on disk. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** Runs `task` over `items`, at most `limit` at a time, stopping early on cancellation. */
export async function forEachBounded<T>(items: readonly T[], limit: number, token: vscode.CancellationToken, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !token.isCancellationRequested) {
      const index = next++;
      await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
