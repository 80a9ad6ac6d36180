// Human-readable scan output: grouped by file, one line per finding, a summary line.
import type { FindingSeverity, KnowledgeBase, Profile } from '../model';
import { dataDescription } from '../knowledge/dataAge';
import { DEFAULT_PROFILE } from '../review/profiles';
import { withVisibleControls } from './controls';
import { devicesAndProducts, findingPlace, NOTHING_OMITTED, omittedSentences, plural, type OmittedFindings, type ScanReport } from './scanReport';

export interface TextStyle {
  bold(s: string): string;
  dim(s: string): string;
  severity(s: string, severity: FindingSeverity | string): string;
}

export const PLAIN_STYLE: TextStyle = { bold: (s) => s, dim: (s) => s, severity: (s) => s };

const ORDER: FindingSeverity[] = ['error', 'warning', 'information', 'hint'];


/** The profile the severities follow and the data's date, printed first. */
export interface TextHeader {
  kb: KnowledgeBase;
  profiles: readonly Profile[];
  /** YYYY-MM-DD. */
  generatedOn: string;
}

export function profileSentence(profiles: readonly Profile[]): string {
  const ids = profiles.map((p) => p.id).join(',');
  const base = `Profile '${ids}' (${profiles.map((p) => p.title).join(' + ')})`;
  return profiles.length === 1 && profiles[0]!.id === DEFAULT_PROFILE
    ? `${base}: every jurisdiction's bans count as errors - choose yours with --profile (vendorlens advisories lists them)`
    : base;
}

export function toText(scanned: ScanReport, style: TextStyle = PLAIN_STYLE, omitted: OmittedFindings = NOTHING_OMITTED, header?: TextHeader): string {
  // For a terminal: an escape from a scanned file or its name would clear the screen or rewrite earlier lines.
  const report = withVisibleControls(scanned);
  const out: string[] = [];
  if (header) out.push(style.dim(`${profileSentence(header.profiles)}; ${dataDescription(header.kb, header.generatedOn)}.`), '');
  const where = findingPlace;
  const width = Math.max(0, ...[...report.problems, ...report.findings].map((x) => where(x).length));
  const at = (x: { line: number; column: number; location?: string }) => style.dim(where(x).padEnd(width));
  const files = new Map<string, string[]>();
  const add = (file: string, line: string) => {
    if (!files.has(file)) files.set(file, []);
    files.get(file)!.push(line);
  };
  for (const p of report.problems) {
    add(p.file, `  ${at(p)}  ${style.severity(p.severity.padEnd(11), p.severity)}  ${p.message}  ${style.dim(p.code)}`);
  }
  for (const f of report.findings) {
    const severity = f.accepted ? 'accepted' : f.severity;
    add(
      f.file,
      `  ${at(f)}  ${style.severity(severity.padEnd(11), f.accepted ? 'information' : f.severity)}  ${f.message}  ${style.dim(f.vendor)}`,
    );
  }
  for (const [file, lines] of files) {
    out.push(style.bold(file), ...lines, '');
  }
  const counts = ORDER.map((s) => [s, report.findings.filter((f) => f.severity === s && !f.accepted).length] as const).filter(([, n]) => n > 0);
  const accepted = report.findings.filter((f) => f.accepted).length;
  const withFindings = new Set(report.findings.map((f) => f.file)).size;
  const parts = counts.map(([s, n]) => `${n} ${s}`);
  if (accepted) parts.push(`${accepted} accepted`);
  const summary =
    report.findings.length === 0
      ? `No flagged-vendor findings in ${plural(report.documents.length, 'file')}.`
      : `${devicesAndProducts(report.findings.length)} flagged (${parts.join(', ')}) in ${withFindings} of ${plural(report.documents.length, 'file')}.`;
  out.push(style.bold(summary));
  for (const sentence of omittedSentences(omitted)) out.push(style.dim(sentence));
  return out.join('\n') + '\n';
}
