// The desktop (and remote) extension host reads local files with Node's fs: vscode.workspace.fs would
// send each read through the workbench and back, which in a remote window (code-server, SSH) cost the
// workspace review a quarter of a second per file. Other schemes still go through vscode.workspace.fs.
import { constants, promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { ReviewFileSystem } from '../review/reviewFiles';

/** Node's errors as vscode.workspace.fs reports them: a missing file is FileNotFound. */
function asFileSystemError(e: unknown, uri: vscode.Uri): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return vscode.FileSystemError.FileNotFound(uri);
  if (code === 'EISDIR') return vscode.FileSystemError.FileIsADirectory(uri);
  if (code === 'EACCES' || code === 'EPERM') return vscode.FileSystemError.NoPermissions(uri);
  return e;
}

export const localFiles: ReviewFileSystem = {
  async stat(uri) {
    if (uri.scheme !== 'file') return vscode.workspace.fs.stat(uri);
    try {
      const stat = await fs.stat(uri.fsPath);
      const type = stat.isDirectory() ? vscode.FileType.Directory : stat.isFile() ? vscode.FileType.File : vscode.FileType.Unknown;
      return { type, size: stat.size, ctime: stat.ctimeMs, mtime: stat.mtimeMs };
    } catch (e) {
      throw asFileSystemError(e, uri);
    }
  },
  async readFile(uri) {
    if (uri.scheme !== 'file') return vscode.workspace.fs.readFile(uri);
    let handle: fs.FileHandle | undefined;
    try {
      // Non-blocking: a FIFO put where the listing saw a file must not hang the review; it is refused below.
      handle = await fs.open(uri.fsPath, constants.O_RDONLY | constants.O_NONBLOCK);
      if (!(await handle.stat()).isFile()) throw vscode.FileSystemError.Unavailable(uri);
      return await handle.readFile();
    } catch (e) {
      throw asFileSystemError(e, uri);
    } finally {
      await handle?.close();
    }
  },
};
