// A Markdown report for pull requests, tickets and wikis: counts, findings per file with a redacted
// excerpt, the advisories cited and the problems met. Text from scanned files is escaped so it renders
// literally (no links, images, HTML or tables broken by a `|`).
import type { Advisory, KnowledgeBase } from '../model';
import { escapeMarkdown } from '../text';
import { documentWriter, type DocumentHead } from './documentReport';
import { dataDescription } from '../knowledge/dataAge';
import { webUrl } from './links';
import { describeAcceptance, findingPlace, omittedSentences, plural, problemPlace, type ReportFinding, type ReportProblem } from './scanReport';
import { describeDaysLeft, notInForceSentence, type ReportSummary } from './summary';

/** Table cells: escaped, and never empty (an empty cell can collapse a row in some renderers). */
function cell(text: string): string {
  return text === '' ? ' ' : escapeMarkdown(text);
}

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Open and accepted findings, then per vendor, per advisory and the nearest deadlines. */
function summaryTables(summary: ReportSummary): string[] {
  const { status } = summary;
  const out = [
    '## Summary',
    '',
    '### Open and accepted',
    '',
    '| Status | Devices and products | Files |',
    '|---|---:|---:|',
    row(['Open: error', status.open.error, ' ']),
    row(['Open: warning', status.open.warning, ' ']),
    row(['Open: information', status.open.information, ' ']),
    row(['**Open**', `**${status.openTotal}**`, status.filesWithOpen]),
    row(['Accepted', status.accepted, status.filesWithAccepted]),
    '',
  ];
  if (summary.byVendor.length > 0) {
    out.push('### By vendor', '', '| Vendor | Files | Open errors | Open warnings | Open information | Accepted |', '|---|---:|---:|---:|---:|---:|');
    for (const v of summary.byVendor) {
      out.push(row([`${cell(v.displayName)} (\`${v.vendor}\`)`, v.files, v.open.error, v.open.warning, v.open.information, v.accepted]));
    }
    out.push('');
  }
  if (summary.byAdvisory.length > 0) {
    const inForce = summary.byAdvisory.filter((a) => a.inForce);
    out.push('### By advisory in force', '');
    if (inForce.length > 0) {
      out.push('| Advisory | Issuer | Jurisdiction | Measure | Open | Accepted |', '|---|---|---|---|---:|---:|');
      for (const a of inForce) {
        out.push(
          row([
            `${cell(a.advisory.shortTitle ?? a.advisory.instrument)} (\`${a.advisory.id}\`)`,
            cell(a.advisory.issuer),
            a.advisory.jurisdiction.toUpperCase(),
            a.advisory.measure,
            a.open,
            a.accepted,
          ]),
        );
      }
      out.push('');
    }
    const elsewhere = notInForceSentence(summary);
    if (elsewhere) out.push(escapeMarkdown(elsewhere), '');
  }
  if (summary.byAdvisory.some((a) => a.inForce)) {
    out.push('### Nearest deadlines', '');
    if (summary.deadlines.length === 0) out.push('The advisories in force set no deadlines.', '');
    else {
      out.push('| Date | When | Deadline | Advisory | Open findings |', '|---|---|---|---|---:|');
      for (const d of summary.deadlines) {
        const when = d.daysLeft >= 0 ? `**${describeDaysLeft(d.daysLeft)}**` : describeDaysLeft(d.daysLeft);
        out.push(row([d.date, when, cell(d.what), `${cell(d.advisory.shortTitle ?? d.advisory.instrument)} (\`${d.advisory.id}\`)`, d.openFindings]));
      }
      out.push('');
    }
  }
  return out;
}

/** Title, scan facts, summary tables, what was left out, and the Findings heading. */
function headLines(context: DocumentHead, summary: ReportSummary, files: number, listed: number): string[] {
  const { kb, profiles } = context;
  const profileIds = profiles.map((p) => p.id).join(', ');
  const profileTitles = profiles.map((p) => p.title).join(' + ');
  const out: string[] = [
    '# VendorLens report',
    '',
    `Profile **${escapeMarkdown(profileIds)}** (${escapeMarkdown(profileTitles)}) · ${plural(files, 'file')} scanned · ` +
      `${context.generatedOn} · VendorLens ${escapeMarkdown(context.toolVersion)} · ${escapeMarkdown(dataDescription(kb, context.generatedOn))}`,
    '',
    ...summaryTables(summary),
  ];
  for (const sentence of omittedSentences(context.omitted)) out.push(`> ${escapeMarkdown(sentence)}`, '');
  out.push('## Findings', '');
  if (listed === 0) out.push('No flagged-vendor findings.', '');
  return out;
}

function fileLines(kb: KnowledgeBase, file: string, findings: readonly ReportFinding[]): string[] {
  const out = [`### ${escapeMarkdown(file)}`, '', '| Where | Severity | Vendor | Evidence | Finding | Excerpt |', '|---:|---|---|---|---|---|'];
  for (const f of findings) {
    const vendor = kb.vendorById.get(f.vendor)?.displayName ?? f.vendor;
    const severity = f.accepted ? `accepted (${describeAcceptance(f.accepted)})` : f.severity;
    out.push(
      `| ${f.location !== undefined ? cell(f.location) : findingPlace(f)} | ${cell(severity)} | ${cell(vendor)} | ${cell(`${f.kind}, ${f.confidence}`)} | ${cell(f.message)} | ${cell(f.excerpt)} |`,
    );
  }
  out.push('');
  return out;
}

function advisoryLines(advisories: readonly Advisory[]): string[] {
  if (advisories.length === 0) return [];
  const out = ['## Advisories cited', ''];
  for (const a of advisories) {
    const url = webUrl(a.url);
    out.push(
      `- **${escapeMarkdown(a.shortTitle ?? a.instrument)}** (\`${a.id}\`): ${escapeMarkdown(a.issuer)}, ${a.date}, ` +
        `${a.jurisdiction.toUpperCase()}, ${a.measure}.${url ? ` [Official text](${url})` : ''}`,
    );
  }
  out.push('');
  return out;
}

const PROBLEMS_HEAD = ['## Problems', '', '| File | Where | Severity | Code | Message |', '|---|---:|---|---|---|'];

function problemLine(p: ReportProblem): string {
  return `| ${cell(p.file)} | ${cell(problemPlace(p))} | ${p.severity} | ${cell(p.code)} | ${cell(p.message)} |`;
}

/**
 * The Markdown report, streamed (documentReport.ts): each file's table as it finishes, the problems as
 * met; the head with the summary tables and the advisories cited once the last file is in.
 */
export const markdownWriter = documentWriter({
  head: headLines,
  file: fileLines,
  advisories: advisoryLines,
  problemsHead: PROBLEMS_HEAD,
  problem: problemLine,
  problemsEnd: [''],
  end: [],
  // A Markdown file is read in an editor or a review tool, not opened whole by a browser: no cap.
  maxListed: Infinity,
  unlisted: () => [],
});
