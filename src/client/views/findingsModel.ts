// The findings the VendorLens view shows, grouped by vendor or by advisory, then by file. Built from
// plain records (the client makes them from VS Code's diagnostics), so the grouping and the filters are
// unit-tested without VS Code.

export type FindingSeverity = 'error' | 'warning' | 'information' | 'hint';
export type Grouping = 'vendor' | 'advisory';
/** The least severe finding still shown. */
export type SeverityFilter = 'error' | 'warning' | 'all';

export interface FindingRecord {
  uri: string;
  /** Path shown to people: relative to the workspace folder. */
  path: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  message: string;
  severity: FindingSeverity;
  vendorId: string;
  advisoryIds: readonly string[];
  advisoriesInForce: readonly string[];
  accepted: boolean;
}

export interface Names {
  vendor(id: string): string;
  advisory(id: string): string;
}

export interface FileGroup {
  uri: string;
  path: string;
  findings: FindingRecord[];
}

export interface FindingGroup {
  /** vendor id, advisory id, or NO_ADVISORY. */
  id: string;
  label: string;
  inForce: boolean;
  files: FileGroup[];
  count: number;
  openCount: number;
}

export interface FilterState {
  severity: SeverityFilter;
  showAccepted: boolean;
}

/** The group of findings whose vendor no advisory names (borderline vendors). */
export const NO_ADVISORY = '';

const RANK: Record<FindingSeverity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function passesFilter(finding: FindingRecord, filter: FilterState): boolean {
  if (finding.accepted) return filter.showAccepted;
  if (filter.severity === 'error') return finding.severity === 'error';
  if (filter.severity === 'warning') return RANK[finding.severity] <= RANK.warning;
  return true;
}

function byPosition(a: FindingRecord, b: FindingRecord): number {
  return a.line - b.line || a.character - b.character;
}

/** A group of the view (a vendor, an advisory, or NO_ADVISORY) with its counts; its files are asked for apart. */
export interface GroupSummary {
  /** vendor id, advisory id, or NO_ADVISORY. */
  id: string;
  label: string;
  inForce: boolean;
  count: number;
  openCount: number;
  fileCount: number;
}

/** One file under a group: how many of its findings the group shows. */
export interface FileSummary {
  uri: string;
  path: string;
  count: number;
}

interface Tally {
  count: number;
  open: number;
  /** Findings under which the group's advisory (or one of the vendor's) is in force. */
  inForce: number;
}

interface GroupState {
  total: Tally;
  files: Map<string, Tally>;
  /** The files in path order, made when first asked for and dropped when the group changes. */
  sorted?: FileSummary[];
}

interface FileState {
  path: string;
  findings: number;
  /** Errors and warnings not accepted: what the view's badge counts. */
  openSevere: number;
  groups: Map<string, Tally>;
}

function addTally(into: Tally, from: Tally, sign: 1 | -1): void {
  into.count += sign * from.count;
  into.open += sign * from.open;
  into.inForce += sign * from.inForce;
}

/** The groups a finding counts under, with whether each is in force for it. */
function groupsOf(finding: FindingRecord, grouping: Grouping): [string, boolean][] {
  if (grouping === 'vendor') return [[finding.vendorId, finding.advisoriesInForce.length > 0]];
  if (finding.advisoryIds.length === 0) return [[NO_ADVISORY, false]];
  // A finding counts under every advisory naming its vendor: each is a separate obligation.
  return finding.advisoryIds.map((id) => [id, finding.advisoriesInForce.includes(id)]);
}

/**
 * What the view shows, kept up to date file by file: a change to one file costs that file's findings, not
 * the workspace's, so a review of thousands of files does not rebuild the tree for each. Only counts are
 * kept per file and group; a file's findings are read again (`read`) when the view opens that file, so
 * the index holds no copy of the diagnostics. A change of grouping or filter counts every file again.
 */
export class FindingsIndex {
  private readonly files = new Map<string, FileState>();
  private readonly groupStates = new Map<string, GroupState>();
  private findingCount = 0;
  private openSevereCount = 0;

  constructor(
    private grouping: Grouping,
    private filter: FilterState,
    private readonly read: (uri: string) => readonly FindingRecord[],
  ) {}

  /** Every finding, whatever the filter. */
  get total(): number {
    return this.findingCount;
  }

  /** Errors and warnings not accepted, whatever the filter. */
  get openSevere(): number {
    return this.openSevereCount;
  }

  /** The findings of `uri` are now `findings` (none: the file is forgotten). */
  setFile(uri: string, findings: readonly FindingRecord[]): void {
    const previous = this.files.get(uri);
    if (previous) {
      this.findingCount -= previous.findings;
      this.openSevereCount -= previous.openSevere;
      for (const [id, tally] of previous.groups) this.changeGroup(id, uri, tally, -1);
      this.files.delete(uri);
    }
    if (findings.length === 0) return;
    const state: FileState = { path: findings[0]!.path, findings: findings.length, openSevere: 0, groups: new Map() };
    for (const finding of findings) {
      if (!finding.accepted && (finding.severity === 'error' || finding.severity === 'warning')) state.openSevere++;
      if (!passesFilter(finding, this.filter)) continue;
      for (const [id, inForce] of groupsOf(finding, this.grouping)) {
        let tally = state.groups.get(id);
        if (!tally) state.groups.set(id, (tally = { count: 0, open: 0, inForce: 0 }));
        tally.count++;
        if (!finding.accepted) tally.open++;
        if (inForce) tally.inForce++;
      }
    }
    this.files.set(uri, state);
    this.findingCount += state.findings;
    this.openSevereCount += state.openSevere;
    for (const [id, tally] of state.groups) this.changeGroup(id, uri, tally, 1);
  }

  private changeGroup(id: string, uri: string, tally: Tally, sign: 1 | -1): void {
    let group = this.groupStates.get(id);
    if (!group) this.groupStates.set(id, (group = { total: { count: 0, open: 0, inForce: 0 }, files: new Map() }));
    addTally(group.total, tally, sign);
    if (sign > 0) group.files.set(uri, tally);
    else group.files.delete(uri);
    group.sorted = undefined;
    if (group.files.size === 0) this.groupStates.delete(id);
  }

  /** Another grouping or filter: every file is counted again. */
  configure(grouping: Grouping, filter: FilterState): void {
    this.grouping = grouping;
    this.filter = filter;
    const uris = [...this.files.keys()];
    this.files.clear();
    this.groupStates.clear();
    this.findingCount = 0;
    this.openSevereCount = 0;
    for (const uri of uris) this.setFile(uri, this.read(uri));
  }

  /** The groups in view order: in force first, NO_ADVISORY last, then by size and name. */
  groups(names: Names): GroupSummary[] {
    const label = (id: string) => (id === NO_ADVISORY ? '' : this.grouping === 'vendor' ? names.vendor(id) : names.advisory(id));
    return [...this.groupStates.entries()]
      .map(([id, g]) => ({ id, label: label(id), inForce: g.total.inForce > 0, count: g.total.count, openCount: g.total.open, fileCount: g.files.size }))
      .sort((a, b) => Number(b.inForce) - Number(a.inForce) || Number(a.id === NO_ADVISORY) - Number(b.id === NO_ADVISORY) || b.count - a.count || a.label.localeCompare(b.label));
  }

  /** A group's files in path order. */
  filesOf(groupId: string): FileSummary[] {
    const group = this.groupStates.get(groupId);
    if (!group) return [];
    group.sorted ??= [...group.files.entries()].map(([uri, tally]) => ({ uri, path: this.files.get(uri)!.path, count: tally.count })).sort((a, b) => a.path.localeCompare(b.path));
    return group.sorted;
  }

  /** The findings of one file that one group shows, in line order. */
  findingsOf(groupId: string, uri: string): FindingRecord[] {
    if (!this.groupStates.get(groupId)?.files.has(uri)) return [];
    return this.read(uri)
      .filter((f) => passesFilter(f, this.filter) && groupsOf(f, this.grouping).some(([id]) => id === groupId))
      .sort(byPosition);
  }
}

/** The whole view built at once from a list of findings (groups, their files, each file's findings). */
export function groupFindings(findings: readonly FindingRecord[], grouping: Grouping, filter: FilterState, names: Names): FindingGroup[] {
  const byFile = new Map<string, FindingRecord[]>();
  for (const finding of findings) {
    let list = byFile.get(finding.uri);
    if (!list) byFile.set(finding.uri, (list = []));
    list.push(finding);
  }
  const index = new FindingsIndex(grouping, filter, (uri) => byFile.get(uri) ?? []);
  for (const [uri, list] of byFile) index.setFile(uri, list);
  return index.groups(names).map((g) => ({
    id: g.id,
    label: g.label,
    inForce: g.inForce,
    count: g.count,
    openCount: g.openCount,
    files: index.filesOf(g.id).map((f) => ({ uri: f.uri, path: f.path, findings: index.findingsOf(g.id, f.uri) })),
  }));
}

export interface FileCounts {
  error: number;
  warning: number;
  information: number;
  accepted: number;
}

export function countFindings(findings: readonly FindingRecord[]): FileCounts {
  const counts: FileCounts = { error: 0, warning: 0, information: 0, accepted: 0 };
  for (const f of findings) {
    if (f.accepted) counts.accepted++;
    else if (f.severity === 'error') counts.error++;
    else if (f.severity === 'warning') counts.warning++;
    else counts.information++;
  }
  return counts;
}

/** Past this many characters a tree label is cut by the view: the label holds the short plain part only. */
export const LABEL_MAX = 48;

/**
 * A finding's message split for a tree row: its first sentence (what was found, where), short enough not
 * to be cut, as the label; everything after it (the instrument, details) for the description and tooltip.
 */
export function splitMessage(message: string): { label: string; rest: string } {
  const text = message.replace(/\s+/g, ' ').trim();
  const sentence = /^(.*?[^.\s][.;])\s+(?=\S)/.exec(text);
  let label = sentence ? sentence[1]!.replace(/[.;]$/, '') : text;
  let rest = sentence ? text.slice(sentence[0].length) : '';
  if (label.length > LABEL_MAX) {
    const space = label.lastIndexOf(' ', LABEL_MAX - 1);
    const cut = space > LABEL_MAX / 2 ? space : LABEL_MAX - 1;
    rest = `…${label.slice(cut).trimStart()}${rest ? ` ${rest}` : ''}`;
    label = `${label.slice(0, cut).trimEnd()}…`;
  }
  return { label, rest };
}
