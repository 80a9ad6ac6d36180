// The summary tables at the top of the Markdown and HTML reports: open and accepted findings, findings
// per vendor and per advisory, and the nearest deadlines of the advisories in force. Plain data here;
// markdown.ts and html.ts lay it out the same way.
import type { Advisory, KnowledgeBase, Profile } from '../model';
import { isInForce } from '../review/profiles';
import type { ReportFinding } from './scanReport';

/** Open findings by severity (hints count as information, as in the other counts). */
export interface OpenCounts {
  error: number;
  warning: number;
  information: number;
}

export interface StatusSummary {
  open: OpenCounts;
  openTotal: number;
  accepted: number;
  /** Files with at least one open finding, and with at least one accepted finding. */
  filesWithOpen: number;
  filesWithAccepted: number;
}

export interface VendorSummary {
  vendor: string;
  displayName: string;
  files: number;
  open: OpenCounts;
  accepted: number;
}

export interface AdvisorySummary {
  advisory: Advisory;
  inForce: boolean;
  /** Findings citing the advisory: a finding cites every advisory naming its vendor. */
  open: number;
  accepted: number;
}

export interface DeadlineSummary {
  date: string;
  what: string;
  advisory: Advisory;
  /** Negative once the deadline has passed. */
  daysLeft: number;
  /** Open findings citing the advisory: what the deadline applies to. */
  openFindings: number;
}

export interface ReportSummary {
  status: StatusSummary;
  byVendor: VendorSummary[];
  byAdvisory: AdvisorySummary[];
  deadlines: DeadlineSummary[];
}

/** A report is a hand-out, not a database: the rest of the deadlines are in the advisories cited. */
export const MAX_DEADLINES = 8;

const DAY_MS = 86_400_000;

function daysBetween(fromIsoDay: string, toIsoDay: string): number {
  return Math.round((Date.parse(`${toIsoDay}T00:00:00Z`) - Date.parse(`${fromIsoDay}T00:00:00Z`)) / DAY_MS);
}

function emptyCounts(): OpenCounts {
  return { error: 0, warning: 0, information: 0 };
}

function countOpen(counts: OpenCounts, finding: ReportFinding): void {
  if (finding.severity === 'error' || finding.severity === 'warning') counts[finding.severity]++;
  else counts.information++;
}

/** Worst open severity first, then more open findings, then more accepted ones. */
function compareVendors(a: VendorSummary, b: VendorSummary): number {
  return (
    b.open.error - a.open.error ||
    b.open.warning - a.open.warning ||
    b.open.information - a.open.information ||
    b.accepted - a.accepted ||
    a.displayName.localeCompare(b.displayName)
  );
}

/** "in 12 days", "today", "3 days ago": reports are English, like the rest of their text. */
export function describeDaysLeft(daysLeft: number): string {
  if (daysLeft === 0) return 'today';
  const span = `${Math.abs(daysLeft)} day${Math.abs(daysLeft) === 1 ? '' : 's'}`;
  return daysLeft > 0 ? `in ${span}` : `${span} ago`;
}

/** What the per-advisory table leaves out: advisories naming the vendors found that the profile does not put in force. */
export function notInForceSentence(summary: ReportSummary): string | undefined {
  const others = summary.byAdvisory.filter((a) => !a.inForce).length;
  if (others === 0) return undefined;
  const inForce = summary.byAdvisory.length - others;
  const lead = inForce === 0 ? 'None of the advisories naming these vendors is in force under the profile' : `${others} more advisor${others === 1 ? 'y names' : 'ies name'} these vendors but ${others === 1 ? 'is' : 'are'} not in force under the profile`;
  return `${lead} (see Advisories cited).`;
}

/**
 * Counts findings one at a time for the summary tables: counts and sets of file names, never the findings
 * themselves, so a streamed report can print its summary after the last file.
 */
export class SummaryCounter {
  private readonly status: StatusSummary = { open: emptyCounts(), openTotal: 0, accepted: 0, filesWithOpen: 0, filesWithAccepted: 0 };
  private readonly openFiles = new Set<string>();
  private readonly acceptedFiles = new Set<string>();
  private readonly vendors = new Map<string, VendorSummary & { fileSet: Set<string> }>();
  private readonly advisories = new Map<string, AdvisorySummary>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly profiles: readonly Profile[],
  ) {}

  add(f: ReportFinding): void {
    const { status, vendors, advisories, kb, profiles } = this;
    let vendor = vendors.get(f.vendor);
    if (!vendor) {
      const displayName = kb.vendorById.get(f.vendor)?.displayName ?? f.vendor;
      vendor = { vendor: f.vendor, displayName, files: 0, open: emptyCounts(), accepted: 0, fileSet: new Set() };
      vendors.set(f.vendor, vendor);
    }
    vendor.fileSet.add(f.file);
    if (f.accepted) {
      status.accepted++;
      vendor.accepted++;
      this.acceptedFiles.add(f.file);
    } else {
      status.openTotal++;
      countOpen(status.open, f);
      countOpen(vendor.open, f);
      this.openFiles.add(f.file);
    }
    for (const id of f.advisories) {
      let summary = advisories.get(id);
      if (!summary) {
        const advisory = kb.advisoryById.get(id);
        if (!advisory) continue;
        summary = { advisory, inForce: isInForce(advisory, profiles), open: 0, accepted: 0 };
        advisories.set(id, summary);
      }
      if (f.accepted) summary.accepted++;
      else summary.open++;
    }
  }

  /**
   * `today` (YYYY-MM-DD) places the deadlines: those still ahead come first, soonest first, then those
   * passed, most recent first — an advisory whose deadline passed with findings still open is as urgent
   * as one about to pass.
   */
  summary(today: string): ReportSummary {
    const status = { ...this.status, filesWithOpen: this.openFiles.size, filesWithAccepted: this.acceptedFiles.size };
    const byVendor = [...this.vendors.values()].map(({ fileSet, ...v }) => ({ ...v, open: { ...v.open }, files: fileSet.size })).sort(compareVendors);
    const byAdvisory = [...this.advisories.values()]
      .map((a) => ({ ...a }))
      .sort((a, b) => Number(b.inForce) - Number(a.inForce) || b.open - a.open || b.accepted - a.accepted || b.advisory.date.localeCompare(a.advisory.date));

    const deadlines: DeadlineSummary[] = byAdvisory
      .filter((a) => a.inForce)
      .flatMap((a) => (a.advisory.deadlines ?? []).map((d) => ({ date: d.date, what: d.what, advisory: a.advisory, daysLeft: daysBetween(today, d.date), openFindings: a.open })));
    const ahead = deadlines.filter((d) => d.daysLeft >= 0).sort((a, b) => a.daysLeft - b.daysLeft);
    const passed = deadlines.filter((d) => d.daysLeft < 0).sort((a, b) => b.daysLeft - a.daysLeft);

    return { status, byVendor, byAdvisory, deadlines: [...ahead, ...passed].slice(0, MAX_DEADLINES) };
  }
}
