// A Markdown report for pull requests, tickets and wikis: counts, findings per file with a redacted
// excerpt, the advisories cited and the problems met. Text from scanned files is escaped so it renders
// literally (no links, images, HTML or tables broken by a `|`).
import { escapeMarkdown } from '../text';
import { webUrl } from './links';
import {
  citedAdvisories,
  countFindings,
  describeAcceptance,
  findingPlace,
  findingsByFile,
  omittedSentences,
  plural,
  problemPlace,
  type ReportContext,
  type ScanReport,
} from './scanReport';

/** Table cells: escaped, and never empty (an empty cell can collapse a row in some renderers). */
function cell(text: string): string {
  return text === '' ? ' ' : escapeMarkdown(text);
}

export function toMarkdown(report: ScanReport, context: ReportContext): string {
  const { kb, profiles } = context;
  const profileIds = profiles.map((p) => p.id).join(', ');
  const profileTitles = profiles.map((p) => p.title).join(' + ');
  const counts = countFindings(report.findings);
  const out: string[] = [
    '# VendorLens report',
    '',
    `Profile **${escapeMarkdown(profileIds)}** (${escapeMarkdown(profileTitles)}) · ${plural(report.documents.length, 'file')} scanned · ` +
      `${context.generatedOn} · VendorLens ${escapeMarkdown(context.toolVersion)}`,
    '',
    '| Severity | Findings |',
    '|---|---:|',
    `| Error | ${counts.error} |`,
    `| Warning | ${counts.warning} |`,
    `| Information | ${counts.information} |`,
    `| Accepted | ${counts.accepted} |`,
    '',
  ];
  for (const sentence of omittedSentences(context.omitted)) out.push(`> ${escapeMarkdown(sentence)}`, '');

  out.push('## Findings', '');
  if (report.findings.length === 0) out.push('No flagged-vendor findings.', '');
  for (const [file, findings] of findingsByFile(report.findings)) {
    out.push(`### ${escapeMarkdown(file)}`, '', '| Where | Severity | Vendor | Evidence | Finding | Excerpt |', '|---:|---|---|---|---|---|');
    for (const f of findings) {
      const vendor = kb.vendorById.get(f.vendor)?.displayName ?? f.vendor;
      const severity = f.accepted ? `accepted (${describeAcceptance(f.accepted)})` : f.severity;
      out.push(
        `| ${f.location !== undefined ? cell(f.location) : findingPlace(f)} | ${cell(severity)} | ${cell(vendor)} | ${cell(`${f.kind}, ${f.confidence}`)} | ${cell(f.message)} | ${cell(f.excerpt)} |`,
      );
    }
    out.push('');
  }

  const advisories = citedAdvisories(kb, report.findings);
  if (advisories.length > 0) {
    out.push('## Advisories cited', '');
    for (const a of advisories) {
      const url = webUrl(a.url);
      out.push(
        `- **${escapeMarkdown(a.shortTitle ?? a.instrument)}** (\`${a.id}\`): ${escapeMarkdown(a.issuer)}, ${a.date}, ` +
          `${a.jurisdiction.toUpperCase()}, ${a.measure}.${url ? ` [Official text](${url})` : ''}`,
      );
    }
    out.push('');
  }

  if (report.problems.length > 0) {
    out.push('## Problems', '', '| File | Where | Severity | Code | Message |', '|---|---:|---|---|---|');
    for (const p of report.problems) {
      out.push(`| ${cell(p.file)} | ${cell(problemPlace(p))} | ${p.severity} | ${cell(p.code)} | ${cell(p.message)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
