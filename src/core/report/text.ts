// Human-readable scan output: grouped by file, one line per finding, a summary line.
import type { FindingSeverity, Profile } from '../model';
import { dataDescription } from '../knowledge/dataAge';
import { DEFAULT_PROFILE } from '../review/profiles';
import { showControlsDeep } from './controls';
import { devicesAndProducts, findingPlace, omittedSentences, plural } from './scanReport';
import { fileOf, type WriterFactory } from './writer';

export interface TextStyle {
  bold(s: string): string;
  dim(s: string): string;
  severity(s: string, severity: FindingSeverity | string): string;
}

export const PLAIN_STYLE: TextStyle = { bold: (s) => s, dim: (s) => s, severity: (s) => s };

const ORDER: FindingSeverity[] = ['error', 'warning', 'information', 'hint'];


export function profileSentence(profiles: readonly Profile[]): string {
  const ids = profiles.map((p) => p.id).join(',');
  const base = `Profile '${ids}' (${profiles.map((p) => p.title).join(' + ')})`;
  return profiles.length === 1 && profiles[0]!.id === DEFAULT_PROFILE
    ? `${base}: every jurisdiction's bans count as errors - choose yours with --profile (vendorlens advisories lists them)`
    : base;
}

type Place = { line: number; column: number; location?: string };

/** The text report, streamed: each file's block as it finishes (places aligned within the file), the totals last. */
export const textWriter: WriterFactory = (info, sink) => {
  const style = info.style ?? PLAIN_STYLE;
  sink.write(0, style.dim(`${profileSentence(info.profiles)}; ${dataDescription(info.kb, info.generatedOn)}.`) + '\n\n');
  const counts: Record<FindingSeverity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let listed = 0;
  let accepted = 0;
  let notListed = 0;
  let withFindings = 0;
  let documents = 0;
  return {
    file(record) {
      if (record.document) documents++;
      const shown = info.includeAccepted ? record.findings : record.findings.filter((f) => !f.accepted);
      notListed += record.findings.length - shown.length;
      if (shown.length === 0 && record.problems.length === 0) return;
      // For a terminal: an escape from a scanned file or its name would clear the screen or rewrite earlier lines.
      const report = showControlsDeep({ ...record, findings: shown });
      const places = [...report.problems, ...report.findings] as Place[];
      const width = Math.max(0, ...places.map((x) => findingPlace(x).length));
      const at = (x: Place) => style.dim(findingPlace(x).padEnd(width));
      const lines: string[] = [style.bold(fileOf(report) ?? '')];
      for (const p of report.problems) lines.push(`  ${at(p)}  ${style.severity(p.severity.padEnd(11), p.severity)}  ${p.message}  ${style.dim(p.code)}`);
      for (const f of report.findings) {
        const severity = f.accepted ? 'accepted' : f.severity;
        lines.push(`  ${at(f)}  ${style.severity(severity.padEnd(11), f.accepted ? 'information' : f.severity)}  ${f.message}  ${style.dim(f.vendor)}`);
        if (f.accepted) accepted++;
        else counts[f.severity]++;
      }
      listed += report.findings.length;
      if (report.findings.length > 0) withFindings++;
      sink.write(0, lines.join('\n') + '\n\n');
    },
    end(totals) {
      const parts = ORDER.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
      if (accepted) parts.push(`${accepted} accepted`);
      const summary =
        listed === 0
          ? `No flagged-vendor findings in ${plural(documents, 'file')}.`
          : `${devicesAndProducts(listed)} flagged (${parts.join(', ')}) in ${withFindings} of ${plural(documents, 'file')}.`;
      const out = [style.bold(summary)];
      for (const sentence of omittedSentences({ accepted: notListed, inBaseline: totals.inBaseline })) out.push(style.dim(sentence));
      sink.write(0, out.join('\n') + '\n');
    },
  };
};
