// Which files a scan covers, yielded one at a time so a tree of any size is never listed in memory:
// named files (always scanned, even if ignored), directories walked depth-first in name order with
// .gitignore and .vendorlensignore respected (from the repository root down; a named directory is walked
// even if ignored) and --exclude patterns left out, and globs. Symbolic links inside directories are not followed; a named one is.
// Synchronous: the thread walking is the one analysing between directories, and an asynchronous readdir
// per directory cost a scan of a thousand files more waiting than reading.
import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { GitignoreRules, IGNORE_FILE_NAMES } from '../shared/gitignore';

const VENDORLENS_IGNORE: (typeof IGNORE_FILE_NAMES)[number] = '.vendorlensignore';
import { readRegularFileSync } from '../shared/readRegularFile';
import { trackedPaths, type TrackedPaths } from './gitIndex';
import { compileGlob, hasGlobSyntax } from './glob';
import { describeIoError } from './io';

/** Never worth scanning, whatever .gitignore says. */
const SKIPPED_DIRECTORIES = new Set(['.git', '.hg', '.svn', 'node_modules', '.vscode-test']);

/** A file's path: a string, or its bytes when its name is not valid UTF-8 (a string would lose it). */
export type FilePath = string | Uint8Array;

export type WalkItem =
  | { kind: 'file'; path: FilePath; display: string }
  | { kind: 'error'; path: string; display: string; message: string };

/** A path as text (for extensions and URIs): invalid UTF-8 decoded as U+FFFD. */
export function pathText(path: FilePath): string {
  return typeof path === 'string' ? path : Buffer.from(path).toString('utf8');
}

/** A file name that is not valid UTF-8, as reports show it: its other bytes decoded, those as \xNN. */
function displayBytes(name: Buffer): string {
  let out = '';
  for (let i = 0; i < name.length; ) {
    const lead = name[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    const sequence = length > 0 ? name.subarray(i, i + length) : undefined;
    const text = sequence && sequence.length === length ? sequence.toString('utf8') : undefined;
    if (text !== undefined && !text.includes('\uFFFD')) {
      out += text;
      i += length;
    } else {
      out += `\\x${lead.toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

/**
 * The entries of a directory whose names are not valid UTF-8, read as bytes: readdir's strings replace
 * the bad bytes with U+FFFD, and a file named so cannot be opened (probe L1). Files only: a directory
 * named so is reported, not walked.
 */
function* undecodableEntries(directory: string, display: (path: string, name: string) => string): Generator<WalkItem> {
  let entries: Dirent<Buffer>[];
  try {
    entries = readdirSync(directory, { withFileTypes: true, encoding: 'buffer' });
  } catch {
    return;
  }
  for (const entry of entries) {
    const name = entry.name;
    if (Buffer.from(name.toString('utf8'), 'utf8').equals(name)) continue; // valid UTF-8: walked as text
    const shown = display(join(directory, displayBytes(name)), displayBytes(name));
    const path = Buffer.concat([Buffer.from(directory.endsWith(sep) ? directory : directory + sep, 'utf8'), name]);
    if (entry.isFile()) yield { kind: 'file', path, display: shown };
    else if (entry.isDirectory()) yield { kind: 'error', path: shown, display: shown, message: 'not walked: the directory name is not valid UTF-8' };
  }
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** How reports name a path: relative to the working directory when under it, else absolute. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return toPosix(rel === '' || rel.startsWith('..') ? resolve(path) : rel);
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Whether a directory entry of this name exists (a link too, even a broken one). */
function named(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A walk's ignore-file rules and the directory their paths are relative to; the excludes are relative to the walked directory. */
interface WalkIgnores {
  root: string;
  rules: GitignoreRules;
  /** The .vendorlensignore rules alone: unlike .gitignore they apply to files git tracks too. */
  ownRules: GitignoreRules;
  /** What git tracks (.gitignore rules do not apply to it), and the path from the repository root to `root`. */
  tracked?: TrackedPaths;
  trackedPrefix?: string;
  excludes?: { root: string; rules: GitignoreRules };
}

function addIgnoreFile(ignores: WalkIgnores, directory: string, file: string): void {
  let text;
  try {
    text = readRegularFileSync(join(directory, file));
  } catch {
    return; // none, or unreadable: git skips it too
  }
  const base = toPosix(relative(ignores.root, directory));
  ignores.rules.add(base, text);
  if (file === VENDORLENS_IGNORE) ignores.ownRules.add(base, text);
}

/**
 * The rules that apply above `directory` (its own .gitignore is read by the walk): the repository's
 * .git/info/exclude and every .gitignore from the repository root (the nearest ancestor holding .git) down.
 * A directory those rules hide was named on purpose, so it is walked with its own .gitignore files only,
 * as a named file is scanned even if ignored.
 */
function ignoresFor(directory: string): WalkIgnores {
  const own: WalkIgnores = { root: directory, rules: new GitignoreRules(), ownRules: new GitignoreRules() };
  const upward: string[] = [];
  for (let dir = directory; ; dir = dirname(dir)) {
    upward.push(dir);
    if (exists(join(dir, '.git'))) break;
    if (dirname(dir) === dir) return own; // not in a repository
  }
  const repository: WalkIgnores = { root: upward.at(-1)!, rules: new GitignoreRules(), ownRules: new GitignoreRules(), tracked: trackedPaths(upward.at(-1)!), trackedPrefix: '' };
  // Read first, so that the root .gitignore overrides it.
  addIgnoreFile(repository, repository.root, join('.git', 'info', 'exclude'));
  for (const dir of upward.slice(1).reverse()) for (const file of IGNORE_FILE_NAMES) addIgnoreFile(repository, dir, file);
  const fromRoot = toPosix(relative(repository.root, directory));
  if (!repository.rules.isIgnored(fromRoot, true)) return repository;
  return { ...own, tracked: repository.tracked, trackedPrefix: `${fromRoot}/` };
}

/** How reports name the entries of a directory: its own display path, worked out once, and their names. */
function childDisplay(directory: string): (path: string, name: string) => string {
  const rel = toPosix(relative(process.cwd(), directory));
  if (rel.startsWith('..')) return (path) => toPosix(resolve(path));
  return (_, name) => (rel === '' ? name : `${rel}/${name}`);
}

function* walkDirectory(directory: string, ignores: WalkIgnores, keep: (path: string) => boolean): Generator<WalkItem> {
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (e) {
    yield { kind: 'error', path: directory, display: displayPath(directory), message: describeIoError(e) };
    return;
  }
  // .vendorlensignore after .gitignore: its patterns win where the two disagree.
  for (const file of IGNORE_FILE_NAMES) if (entries.some((e) => e.name === file && e.isFile())) addIgnoreFile(ignores, directory, file);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const directoryFromRoot = toPosix(relative(ignores.root, directory));
  const display = childDisplay(directory);
  // A name readdir could not decode (U+FFFD) is read again as bytes.
  const undecodable = entries.some((e) => e.name.includes('\uFFFD'));
  if (undecodable) yield* undecodableEntries(directory, display);
  for (const entry of entries) {
    if (undecodable && entry.name.includes('\uFFFD') && !named(join(directory, entry.name))) continue; // yielded above, by its bytes
    const path = join(directory, entry.name);
    const fromRoot = directoryFromRoot === '' ? entry.name : `${directoryFromRoot}/${entry.name}`;
    const tracked = ignores.tracked;
    const excluded = (isDirectory: boolean) => ignores.excludes !== undefined && ignores.excludes.rules.isIgnored(toPosix(relative(ignores.excludes.root, path)), isDirectory);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || excluded(true)) continue;
      if (ignores.rules.isIgnored(fromRoot, true)) {
        // Git tracks files in it all the same: only those are walked.
        if (tracked?.directories.has(ignores.trackedPrefix + fromRoot) && !ignores.ownRules.isIgnored(fromRoot, true)) yield* walkDirectory(path, ignores, (p) => keep(p) && isTracked(ignores, p));
        continue;
      }
      yield* walkDirectory(path, ignores, keep);
    } else if (entry.isFile()) {
      if (!keep(path) || excluded(false)) continue;
      if (ignores.rules.isIgnored(fromRoot, false) && (!tracked?.files.has(ignores.trackedPrefix + fromRoot) || ignores.ownRules.isIgnored(fromRoot, false))) continue;
      yield { kind: 'file', path, display: display(path, entry.name) };
    }
  }
}

function isTracked(ignores: WalkIgnores, path: string): boolean {
  return ignores.tracked?.files.has(ignores.trackedPrefix + toPosix(relative(ignores.root, path))) === true;
}

/** --exclude and the policy's exclude: gitignore patterns, relative to each directory walked (or a glob's base). */
function withExcludes(ignores: WalkIgnores, root: string, exclude: readonly string[]): WalkIgnores {
  if (exclude.length === 0) return ignores;
  const rules = new GitignoreRules();
  rules.add('', exclude.join('\n'));
  return { ...ignores, excludes: { root, rules } };
}

/**
 * Everything the named paths cover, in order; '-' is passed through for standard input. A file named
 * on the command line is always scanned; `exclude` applies to what directories and globs cover.
 */
export function* walkPaths(paths: readonly string[], exclude: readonly string[] = []): Generator<WalkItem | { kind: 'stdin' }> {
  for (const named of paths) {
    if (named === '-') {
      yield { kind: 'stdin' };
      continue;
    }
    let info;
    try {
      info = statSync(named);
    } catch (e) {
      if (hasGlobSyntax(named)) {
        yield* walkGlob(named, exclude);
        continue;
      }
      yield { kind: 'error', path: named, display: displayPath(named), message: describeIoError(e) };
      continue;
    }
    if (info.isFile()) {
      yield { kind: 'file', path: named, display: displayPath(named) };
    } else if (info.isDirectory()) {
      const absolute = resolve(named);
      yield* walkDirectory(absolute, withExcludes(ignoresFor(absolute), absolute, exclude), () => true);
    } else {
      yield { kind: 'error', path: named, display: displayPath(named), message: 'not a regular file or directory' };
    }
  }
}

function* walkGlob(glob: string, exclude: readonly string[]): Generator<WalkItem> {
  const compiled = compileGlob(toPosix(glob));
  const base = resolve(compiled.base);
  let matched = 0;
  const keep = (path: string) => compiled.matches(toPosix(relative(base, path)));
  for (const item of walkDirectory(base, withExcludes(ignoresFor(base), base, exclude), keep)) {
    if (item.kind === 'file') matched++;
    yield item;
  }
  if (matched === 0) yield { kind: 'error', path: glob, display: glob, message: 'no file matches this pattern' };
}
