// git's user.name for a folder, read with `git config` (the desktop client only; the web has no processes).
import { execFile } from 'node:child_process';
import type * as vscode from 'vscode';

const TIMEOUT_MS = 3000;

export function gitUserName(folder: vscode.Uri): Promise<string | undefined> {
  if (folder.scheme !== 'file') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd: folder.fsPath, timeout: TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim() || undefined);
    });
  });
}
