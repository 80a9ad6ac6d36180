// The VendorLens view: findings grouped by vendor (or by advisory) → file → finding, with counts, filters
// by severity and acceptance (remembered per workspace, mirrored in context keys for the title-bar
// buttons), and a click that reveals the finding's range. The counts follow the diagnostics file by file
// (FindingsIndex); the tree is redrawn at most once per REDRAW_INTERVAL_MS while they change, so a review
// of thousands of files redraws it a few times a second instead of once per file.
import * as vscode from 'vscode';
import {
  FindingsIndex,
  NO_ADVISORY,
  splitMessage,
  type FileSummary,
  type FilterState,
  type FindingRecord,
  type GroupSummary,
  type Grouping,
  type Names,
  type SeverityFilter,
} from './findingsModel';
import { findingsIn, findingsOfDiagnostics } from './findingsSource';

export const VIEW_ID = 'vendorlens.findings';
const STATE_KEY = 'vendorlens.findings.view';
/** Above this many findings, files start collapsed so the view stays usable. */
const EXPAND_FILES_UP_TO = 200;
/** A group of more files than this starts collapsed: listing them all on every redraw would slow the view. */
const EXPAND_GROUP_FILES_UP_TO = 500;
/** While diagnostics keep changing (a workspace review), the tree is redrawn at most this often. */
const REDRAW_INTERVAL_MS = 500;

export type FindingsNode =
  | { kind: 'group'; grouping: Grouping; group: GroupSummary }
  | { kind: 'file'; parentId: string; groupId: string; file: FileSummary }
  | { kind: 'finding'; parentId: string; finding: FindingRecord };

interface ViewState extends FilterState {
  grouping: Grouping;
}

const SEVERITY_ICON: Record<FindingRecord['severity'], [string, string]> = {
  error: ['error', 'problemsErrorIcon.foreground'],
  warning: ['warning', 'problemsWarningIcon.foreground'],
  information: ['info', 'problemsInfoIcon.foreground'],
  hint: ['lightbulb', 'problemsInfoIcon.foreground'],
};

/** English needs its plurals; languages with more forms translate these with a count-neutral wording. */
function countLabel(findings: number, files: number): string {
  if (findings === 1) return vscode.l10n.t('1 finding in 1 file');
  if (files === 1) return vscode.l10n.t('{0} findings in 1 file', findings);
  return vscode.l10n.t('{0} findings in {1} files', findings, files);
}

export class FindingsTreeProvider implements vscode.TreeDataProvider<FindingsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FindingsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private state: ViewState;
  private readonly index: FindingsIndex;
  private groups: GroupSummary[] | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** When the tree was last redrawn, and the redraw waiting for REDRAW_INTERVAL_MS to pass. */
  private lastRedraw = 0;
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set by the view once created: the provider keeps its badge and message current. */
  view: vscode.TreeView<FindingsNode> | undefined;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly names: () => Names,
  ) {
    this.state = { grouping: 'vendor', severity: 'all', showAccepted: true, ...memento.get<Partial<ViewState>>(STATE_KEY) };
    this.index = new FindingsIndex(this.state.grouping, this.filter, (uri) => findingsIn(vscode.Uri.parse(uri)));
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) this.index.setFile(uri.toString(), findingsOfDiagnostics(uri, diagnostics));
    this.subscriptions.push(
      this.changed,
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) this.index.setFile(uri.toString(), findingsIn(uri));
        this.scheduleRedraw();
      }),
    );
    void this.publishContext();
  }

  get grouping(): Grouping {
    return this.state.grouping;
  }

  get filter(): FilterState {
    return { severity: this.state.severity, showAccepted: this.state.showAccepted };
  }

  async setGrouping(grouping: Grouping): Promise<void> {
    await this.update({ grouping });
  }

  async setSeverityFilter(severity: SeverityFilter): Promise<void> {
    await this.update({ severity });
  }

  async setShowAccepted(showAccepted: boolean): Promise<void> {
    await this.update({ showAccepted });
  }

  /** Redraws the tree now (names loaded, a review done, the view shown). */
  refresh(): void {
    if (this.redrawTimer) clearTimeout(this.redrawTimer);
    this.redrawTimer = undefined;
    this.lastRedraw = Date.now();
    this.groups = undefined;
    this.changed.fire(undefined);
    this.updateBadge();
  }

  /** Redraws at once after a quiet spell, else once REDRAW_INTERVAL_MS has passed since the last redraw. */
  private scheduleRedraw(): void {
    if (this.redrawTimer) return;
    const wait = this.lastRedraw + REDRAW_INTERVAL_MS - Date.now();
    if (wait <= 0) this.refresh();
    else this.redrawTimer = setTimeout(() => this.refresh(), wait);
  }

  private async update(change: Partial<ViewState>): Promise<void> {
    this.state = { ...this.state, ...change };
    this.index.configure(this.state.grouping, this.filter);
    await this.memento.update(STATE_KEY, this.state);
    await this.publishContext();
    this.refresh();
  }

  private async publishContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'vendorlens.findings.grouping', this.state.grouping);
    await vscode.commands.executeCommand('setContext', 'vendorlens.findings.severity', this.state.severity);
    await vscode.commands.executeCommand('setContext', 'vendorlens.findings.showAccepted', this.state.showAccepted);
  }

  private currentGroups(): GroupSummary[] {
    this.groups ??= this.index.groups(this.names());
    return this.groups;
  }

  private updateBadge(): void {
    if (!this.view) return;
    const open = this.index.openSevere;
    this.view.badge = open > 0 ? { value: open, tooltip: vscode.l10n.t('{0} open VendorLens findings (errors and warnings)', open) } : undefined;
    const all = this.index.total;
    this.view.message = all > 0 && this.currentGroups().length === 0 ? vscode.l10n.t('All {0} findings are hidden by the filter.', all) : undefined;
  }

  getChildren(node?: FindingsNode): FindingsNode[] {
    if (!node) return this.currentGroups().map((group) => ({ kind: 'group', grouping: this.state.grouping, group }));
    if (node.kind === 'group') return this.index.filesOf(node.group.id).map((file) => ({ kind: 'file', parentId: this.idOf(node), groupId: node.group.id, file }));
    if (node.kind === 'file') return this.index.findingsOf(node.groupId, node.file.uri).map((finding) => ({ kind: 'finding', parentId: this.idOf(node), finding }));
    return [];
  }

  private idOf(node: FindingsNode): string {
    switch (node.kind) {
      case 'group':
        return `${node.grouping}:${node.group.id}`;
      case 'file':
        return `${node.parentId}|${node.file.uri}`;
      case 'finding':
        return `${node.parentId}|${node.finding.line}:${node.finding.character}-${node.finding.endLine}:${node.finding.endCharacter}`;
    }
  }

  getTreeItem(node: FindingsNode): vscode.TreeItem {
    const total = this.currentGroups().reduce((n, g) => n + g.count, 0);
    const id = this.idOf(node);
    if (node.kind === 'group') {
      const { group } = node;
      const label = group.id === NO_ADVISORY ? vscode.l10n.t('Named by no advisory') : group.label;
      const expanded = group.fileCount <= EXPAND_GROUP_FILES_UP_TO;
      const item = new vscode.TreeItem(label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = id;
      const counts = countLabel(group.count, group.fileCount);
      const notInForce = node.grouping === 'advisory' && group.id !== NO_ADVISORY && !group.inForce ? ` · ${vscode.l10n.t('not in force')}` : '';
      item.description = counts + notInForce;
      item.tooltip = `${label}\n${counts}${group.openCount < group.count ? `\n${vscode.l10n.t('{0} accepted', group.count - group.openCount)}` : ''}`;
      item.iconPath = new vscode.ThemeIcon(node.grouping === 'vendor' ? 'organization' : 'law');
      item.contextValue = `vendorlens.${node.grouping}`;
      return item;
    }
    if (node.kind === 'file') {
      const uri = vscode.Uri.parse(node.file.uri);
      const state = total <= EXPAND_FILES_UP_TO ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
      const item = new vscode.TreeItem(uri, state);
      item.id = id;
      const folder = node.file.path.includes('/') ? node.file.path.slice(0, node.file.path.lastIndexOf('/')) : '';
      item.description = `${folder ? `${folder} · ` : ''}${node.file.count}`;
      item.tooltip = node.file.path;
      item.contextValue = 'vendorlens.file';
      return item;
    }
    const { finding } = node;
    // The view cuts long labels: the label is the short plain part, the rest follows in the description.
    const { label, rest } = splitMessage(finding.message);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = id;
    // A workbook finding's message starts with its cell (`Quote!D3: …`): no line to show.
    const workbook = /\.(xlsx|xlsm|ods)$/i.test(finding.path);
    item.description = [workbook ? '' : vscode.l10n.t('line {0}', finding.line + 1), finding.accepted ? vscode.l10n.t('accepted') : '', rest].filter(Boolean).join(' · ');
    item.tooltip = finding.message;
    const [icon, color] = finding.accepted ? ['pass', 'testing.iconPassed'] : SEVERITY_ICON[finding.severity];
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    item.contextValue = finding.accepted ? 'vendorlens.finding.accepted' : 'vendorlens.finding';
    const selection = new vscode.Range(finding.line, finding.character, finding.endLine, finding.endCharacter);
    item.command = workbook
      ? // A workbook opens in its view, at the cell (the diagnostic's line and character are its row and column).
        { command: 'vendorlens.revealWorkbookCell', title: vscode.l10n.t('Reveal finding'), arguments: [finding.uri, selection.start] }
      : { command: 'vscode.open', title: vscode.l10n.t('Reveal finding'), arguments: [vscode.Uri.parse(finding.uri), { selection }] };
    return item;
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    if (this.redrawTimer) clearTimeout(this.redrawTimer);
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Creates the view and the commands of its title bar. */
export function registerFindingsView(context: vscode.ExtensionContext, names: () => Names): FindingsTreeProvider {
  const provider = new FindingsTreeProvider(context.workspaceState, names);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  provider.view = view;
  context.subscriptions.push(
    provider,
    view,
    view.onDidChangeVisibility((e) => {
      if (e.visible) provider.refresh();
    }),
    vscode.commands.registerCommand('vendorlens.findings.groupByAdvisory', () => provider.setGrouping('advisory')),
    vscode.commands.registerCommand('vendorlens.findings.groupByVendor', () => provider.setGrouping('vendor')),
    vscode.commands.registerCommand('vendorlens.findings.showAccepted', () => provider.setShowAccepted(true)),
    vscode.commands.registerCommand('vendorlens.findings.hideAccepted', () => provider.setShowAccepted(false)),
    vscode.commands.registerCommand('vendorlens.findings.filterSeverity', async (severity?: SeverityFilter) => {
      if (!severity) {
        const choices: (vscode.QuickPickItem & { value: SeverityFilter })[] = [
          { value: 'all', label: vscode.l10n.t('All findings') },
          { value: 'warning', label: vscode.l10n.t('Errors and warnings') },
          { value: 'error', label: vscode.l10n.t('Errors only') },
        ];
        for (const c of choices) if (c.value === provider.filter.severity) c.description = vscode.l10n.t('(current)');
        severity = (await vscode.window.showQuickPick(choices, { title: vscode.l10n.t('Show VendorLens findings of severity') }))?.value;
      }
      if (severity) await provider.setSeverityFilter(severity);
    }),
  );
  return provider;
}
