// Which files a scan covers, yielded one at a time so a tree of any size is never listed in memory:
// named files (always scanned, even if ignored), directories walked depth-first in name order with
// .gitignore respected (from the repository root down), and globs. Symbolic links inside directories
// are not followed; a named one is.
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { compileGlob, hasGlobSyntax } from './glob';
import { isIgnored, parseGitignore, type IgnoreFile } from './gitignore';
import { describeIoError } from './io';

/** Never worth scanning, whatever .gitignore says. */
const SKIPPED_DIRECTORIES = new Set(['.git', '.hg', '.svn', 'node_modules', '.vscode-test']);

export type WalkItem =
  | { kind: 'file'; path: string; display: string }
  | { kind: 'error'; path: string; display: string; message: string };

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** How reports name a path: relative to the working directory when under it, else absolute. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return toPosix(rel === '' || rel.startsWith('..') ? resolve(path) : rel);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function readIgnoreFile(directory: string, file: string): Promise<IgnoreFile | undefined> {
  try {
    const rules = parseGitignore(await readFile(join(directory, file), 'utf8'));
    return rules.length > 0 ? { directory: toPosix(directory), rules } : undefined;
  } catch {
    return undefined; // none, or unreadable: git skips it too
  }
}

/**
 * The ignore files that apply above `directory` (its own .gitignore is read by the walk): the repository's
 * .git/info/exclude and every .gitignore from the repository root (the nearest ancestor holding .git) down.
 */
async function ancestorIgnoreFiles(directory: string): Promise<IgnoreFile[]> {
  const upward: string[] = [];
  let root: string;
  for (let dir = directory; ; dir = dirname(dir)) {
    upward.push(dir);
    if (await exists(join(dir, '.git'))) {
      root = dir;
      break;
    }
    if (dirname(dir) === dir) return []; // not in a repository
  }
  const files: IgnoreFile[] = [];
  const exclude = await readIgnoreFile(root, join('.git', 'info', 'exclude'));
  if (exclude) files.push(exclude);
  for (const dir of upward.slice(1).reverse()) {
    const file = await readIgnoreFile(dir, '.gitignore');
    if (file) files.push(file);
  }
  return files;
}

async function* walkDirectory(directory: string, stack: IgnoreFile[], keep: (path: string) => boolean): AsyncGenerator<WalkItem> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (e) {
    yield { kind: 'error', path: directory, display: displayPath(directory), message: describeIoError(e) };
    return;
  }
  const own = entries.some((e) => e.name === '.gitignore' && e.isFile()) ? await readIgnoreFile(directory, '.gitignore') : undefined;
  const here = own ? [...stack, own] : stack;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || isIgnored(here, toPosix(path), true)) continue;
      yield* walkDirectory(path, here, keep);
    } else if (entry.isFile()) {
      if (isIgnored(here, toPosix(path), false) || !keep(path)) continue;
      yield { kind: 'file', path, display: displayPath(path) };
    }
  }
}

/** Everything the named paths cover, in order; '-' is passed through for standard input. */
export async function* walkPaths(paths: readonly string[]): AsyncGenerator<WalkItem | { kind: 'stdin' }> {
  for (const named of paths) {
    if (named === '-') {
      yield { kind: 'stdin' };
      continue;
    }
    let info;
    try {
      info = await stat(named);
    } catch (e) {
      if (hasGlobSyntax(named)) {
        yield* walkGlob(named);
        continue;
      }
      yield { kind: 'error', path: named, display: displayPath(named), message: describeIoError(e) };
      continue;
    }
    if (info.isFile()) {
      yield { kind: 'file', path: named, display: displayPath(named) };
    } else if (info.isDirectory()) {
      const absolute = resolve(named);
      yield* walkDirectory(absolute, await ancestorIgnoreFiles(absolute), () => true);
    } else {
      yield { kind: 'error', path: named, display: displayPath(named), message: 'not a regular file or directory' };
    }
  }
}

async function* walkGlob(glob: string): AsyncGenerator<WalkItem> {
  const compiled = compileGlob(toPosix(glob));
  const base = resolve(compiled.base);
  let matched = 0;
  const keep = (path: string) => compiled.matches(toPosix(relative(base, path)));
  for await (const item of walkDirectory(base, await ancestorIgnoreFiles(base), keep)) {
    if (item.kind === 'file') matched++;
    yield item;
  }
  if (matched === 0) yield { kind: 'error', path: glob, display: glob, message: 'no file matches this pattern' };
}
