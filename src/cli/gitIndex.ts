// The paths git tracks, read from the repository's index file (.git/index, versions 2 to 4) without
// running git. Git applies ignore rules only to untracked files: a tracked file that a .gitignore
// matches is still in the repository, and in a pull request, so the walk scans it.
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export interface TrackedPaths {
  /** Repository-relative paths with '/' separators. */
  files: Set<string>;
  /** Every directory holding a tracked file, at any depth. */
  directories: Set<string>;
}

/** The git directory of a work tree: `.git` itself, or where a `.git` file (worktrees, submodules) points. */
function gitDirectory(root: string): string | undefined {
  const dotGit = join(root, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return dotGit;
    const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
    if (pointer) return isAbsolute(pointer) ? pointer : resolve(root, pointer);
  } catch {
    // no readable .git
  }
  return undefined;
}

/** Parses an index file's entries; undefined when it is not one this reader knows. */
export function parseGitIndex(data: Uint8Array): string[] | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length < 12 || view.getUint32(0) !== 0x44495243 /* DIRC */) return undefined;
  const version = view.getUint32(4);
  if (version < 2 || version > 4) return undefined;
  const count = view.getUint32(8);
  const decoder = new TextDecoder();
  const paths: string[] = [];
  let offset = 12;
  let previous: Uint8Array = new Uint8Array(0);
  for (let n = 0; n < count; n++) {
    const start = offset;
    if (offset + 62 > data.length) return undefined;
    const flags = view.getUint16(offset + 60);
    offset += 62;
    if (version >= 3 && flags & 0x4000) offset += 2; // extended flags
    let path: Uint8Array;
    if (version === 4) {
      // The path is the previous one less N trailing bytes, plus what follows (prefix compression).
      if (offset >= data.length) return undefined;
      let byte = data[offset++]!;
      let strip = byte & 0x7f;
      while (byte & 0x80) {
        if (offset >= data.length || strip > 0xffffff) return undefined;
        byte = data[offset++]!;
        strip = ((strip + 1) << 7) | (byte & 0x7f);
      }
      const end = data.indexOf(0, offset);
      if (end < 0 || strip > previous.length) return undefined;
      path = new Uint8Array(previous.length - strip + (end - offset));
      path.set(previous.subarray(0, previous.length - strip));
      path.set(data.subarray(offset, end), previous.length - strip);
      offset = end + 1;
    } else {
      const end = data.indexOf(0, offset);
      if (end < 0) return undefined;
      path = data.subarray(offset, end);
      // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
      offset = start + ((end - start + 8) & ~7);
    }
    previous = path;
    paths.push(decoder.decode(path));
  }
  return paths;
}

/** What git tracks in the repository whose work tree is `root`; undefined when there is no index to read. */
export function trackedPaths(root: string): TrackedPaths | undefined {
  const gitDir = gitDirectory(root);
  if (!gitDir) return undefined;
  let paths: string[] | undefined;
  try {
    paths = parseGitIndex(readFileSync(join(gitDir, 'index')));
  } catch {
    return undefined;
  }
  if (!paths) return undefined;
  const files = new Set<string>();
  const directories = new Set<string>();
  for (const raw of paths) {
    // A sparse index lists whole directories as 'dir/'.
    const path = raw.endsWith('/') ? raw.slice(0, -1) : raw;
    if (raw.endsWith('/')) directories.add(path);
    else files.add(path);
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      const directory = path.slice(0, slash);
      if (directories.has(directory)) break;
      directories.add(directory);
    }
  }
  return { files, directories };
}
