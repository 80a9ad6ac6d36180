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

export function groupFindings(findings: readonly FindingRecord[], grouping: Grouping, filter: FilterState, names: Names): FindingGroup[] {
  const groups = new Map<string, { label: string; inForce: boolean; files: Map<string, FileGroup> }>();
  const add = (id: string, label: string, inForce: boolean, finding: FindingRecord) => {
    let group = groups.get(id);
    if (!group) {
      group = { label, inForce, files: new Map() };
      groups.set(id, group);
    }
    group.inForce ||= inForce;
    let file = group.files.get(finding.uri);
    if (!file) {
      file = { uri: finding.uri, path: finding.path, findings: [] };
      group.files.set(finding.uri, file);
    }
    file.findings.push(finding);
  };
  for (const finding of findings) {
    if (!passesFilter(finding, filter)) continue;
    if (grouping === 'vendor') {
      add(finding.vendorId, names.vendor(finding.vendorId), finding.advisoriesInForce.length > 0, finding);
    } else if (finding.advisoryIds.length === 0) {
      add(NO_ADVISORY, '', false, finding);
    } else {
      // A finding counts under every advisory naming its vendor: each is a separate obligation.
      for (const id of finding.advisoryIds) add(id, names.advisory(id), finding.advisoriesInForce.includes(id), finding);
    }
  }
  return [...groups.entries()]
    .map(([id, g]) => {
      const files = [...g.files.values()].sort((a, b) => a.path.localeCompare(b.path));
      for (const file of files) file.findings.sort(byPosition);
      const all = files.flatMap((f) => f.findings);
      return { id, label: g.label, inForce: g.inForce, files, count: all.length, openCount: all.filter((f) => !f.accepted).length };
    })
    .sort((a, b) => Number(b.inForce) - Number(a.inForce) || Number(a.id === NO_ADVISORY) - Number(b.id === NO_ADVISORY) || b.count - a.count || a.label.localeCompare(b.label));
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
