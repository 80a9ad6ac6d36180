// Collects the files a scan covers: named files, and directories walked recursively.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const SKIPPED_DIRECTORIES = new Set(['.git', '.hg', '.svn', 'node_modules', '.vscode-test']);

export interface CollectedFiles {
  files: string[];
  errors: { path: string; message: string }[];
}

export async function collectFiles(paths: string[]): Promise<CollectedFiles> {
  const result: CollectedFiles = { files: [], errors: [] };
  async function visit(path: string, named: boolean): Promise<void> {
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      result.errors.push({ path, message: describeIoError(e) });
      return;
    }
    if (info.isFile()) {
      result.files.push(path);
    } else if (info.isDirectory()) {
      let entries;
      try {
        entries = await readdir(path, { withFileTypes: true });
      } catch (e) {
        result.errors.push({ path, message: describeIoError(e) });
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (entry.isDirectory() && SKIPPED_DIRECTORIES.has(entry.name)) continue;
        if (entry.isDirectory() || entry.isFile()) await visit(join(path, entry.name), false);
      }
    } else if (named) {
      result.errors.push({ path, message: 'not a regular file or directory' });
    }
  }
  for (const path of paths) await visit(path, true);
  return result;
}

export function describeIoError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return err.message ?? String(e);
  }
}
