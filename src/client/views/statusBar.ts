// The status-bar item: the active file's VendorLens findings (open and accepted) and the profile they
// follow; a click opens the VendorLens view. Hidden for editors VendorLens does not analyse.
import * as vscode from 'vscode';
import type { KnowledgeSummary } from '../../shared/protocol';
import { countFindings } from './findingsModel';
import { findingsIn, onDidChangeFindings } from './findingsSource';

/** The workbook shown in VendorLens's workbook view, when that is the active editor (no text editor then). */
function activeWorkbook(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom && input.viewType === 'vendorlens.workbook' ? input.uri : undefined;
}

export class FindingsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('vendorlens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly isAnalysed: (document: vscode.TextDocument) => boolean,
    private readonly knowledge: () => KnowledgeSummary | undefined = () => undefined,
  ) {
    this.item.name = 'VendorLens';
    this.item.command = 'vendorlens.findings.focus';
    this.subscriptions = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.tabGroups.onDidChangeTabs(() => this.update()),
      onDidChangeFindings((uris) => {
        const active = (vscode.window.activeTextEditor?.document.uri ?? activeWorkbook())?.toString();
        if (active && uris.some((u) => u.toString() === active)) this.update();
      }, 50),
    ];
    this.update();
  }

  /** What the item shows now; undefined when it is hidden. */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  /** What a screen reader announces for the item; undefined when it is hidden. */
  get accessibility(): vscode.AccessibilityInformation | undefined {
    return this.visible ? this.item.accessibilityInformation : undefined;
  }

  private visible = false;

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const uri = document ? (this.isAnalysed(document) ? document.uri : undefined) : activeWorkbook();
    if (!uri) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const counts = countFindings(findingsIn(uri));
    const summary = this.knowledge();
    const active = summary?.activeProfiles ?? [];
    const profile = active.map((p) => p.id).join(',');
    const open = counts.error + counts.warning + counts.information;
    if (open + counts.accepted === 0) {
      this.item.text = `$(pass) ${vscode.l10n.t('VendorLens: no findings')}`;
    } else {
      const parts = [`$(error) ${counts.error}`, `$(warning) ${counts.warning}`, `$(info) ${counts.information}`];
      if (counts.accepted > 0) parts.push(`$(pass) ${counts.accepted}`);
      this.item.text = `VendorLens ${parts.join(' ')}`;
    }
    if (profile) this.item.text += ` · ${profile}`;
    this.item.backgroundColor =
      counts.error > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : counts.warning > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const details = [
      vscode.l10n.t('VendorLens findings in this file'),
      vscode.l10n.t('Errors: {0}', counts.error),
      vscode.l10n.t('Warnings: {0}', counts.warning),
      vscode.l10n.t('Information: {0}', counts.information),
      vscode.l10n.t('Accepted with a review note: {0}', counts.accepted),
      ...(active.length ? [vscode.l10n.t('Profile: {0}', active.map((p) => `${p.title} (${p.id})`).join(' + '))] : []),
      ...(summary?.reviewedOn ? [vscode.l10n.t('Knowledge base {0}, reviewed on {1}', summary.dataVersion ?? '', summary.reviewedOn)] : []),
      ...(summary?.dataOld ? [vscode.l10n.t('The knowledge base is over 180 days old: advisories may have changed since.')] : []),
    ];
    this.item.tooltip = [...details, vscode.l10n.t('Click to open the VendorLens view.')].join('\n');
    // The visible text is codicons and bare numbers; a screen reader gets the counts in words.
    this.item.accessibilityInformation = { label: details.join('; '), role: 'button' };
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
