// Who a review note is `by:`: the vendorlens.review.author setting (or the older vendorlens.reviewer), else
// git's user.name for the workspace folder (desktop only: `git config`, no network), else the reviewer is
// asked once per session.
import * as vscode from 'vscode';

/** Reads git's user.name for a folder; undefined when git or the setting is missing. Desktop only. */
export type GitUserName = (folder: vscode.Uri) => Promise<string | undefined>;

export class ReviewAuthor {
  /** What the reviewer typed when asked (or chose to leave empty), for the rest of the session. */
  private asked: { name: string | undefined } | undefined;

  constructor(private readonly gitUserName?: GitUserName) {}

  async resolve(resource: vscode.Uri, interactive: boolean): Promise<string | undefined> {
    const config = vscode.workspace.getConfiguration('vendorlens', resource);
    const configured = (config.get<string>('review.author', '') || config.get<string>('reviewer', '')).trim();
    if (configured) return configured;
    const folder = vscode.workspace.getWorkspaceFolder(resource);
    if (folder && this.gitUserName) {
      const fromGit = (await this.gitUserName(folder.uri).catch(() => undefined))?.trim();
      if (fromGit) return fromGit;
    }
    if (this.asked) return this.asked.name;
    if (!interactive) return undefined;
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Review notes: your name'),
      prompt: vscode.l10n.t('Written as "by:" in review notes this session (set vendorlens.review.author to keep it).'),
      ignoreFocusOut: true,
    });
    this.asked = { name: typed?.trim() || undefined };
    return this.asked.name;
  }
}
