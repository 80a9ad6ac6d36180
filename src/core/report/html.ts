// A self-contained HTML report (one file, inline styles, no script at all) that can be attached to a
// ticket or opened from a CI artifact. Every piece of text is escaped; links come only from the
// knowledge base and only as http(s); a Content-Security-Policy forbids scripts even if escaping failed.
import type { Advisory, KnowledgeBase } from '../model';
import { documentWriter, type DocumentHead } from './documentReport';
import { escapeHtml as h, webUrl } from './links';
import { dataDescription } from '../knowledge/dataAge';
import { describeAcceptance, devicesAndProducts, findingPlace, omittedSentences, plural, problemPlace, type ReportFinding, type ReportProblem } from './scanReport';
import { describeDaysLeft, notInForceSentence, type OpenCounts, type ReportSummary } from './summary';

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;margin:2rem;color:#1f2328;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin-top:2rem}h3{font-size:1rem;margin:1.25rem 0 .25rem}
.meta{color:#59636e;margin-bottom:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #d1d9e0;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;white-space:nowrap}
code,.excerpt{font-family:ui-monospace,SFMono-Regular,Menlo,"Noto Sans Mono CJK SC","Noto Sans CJK SC","Microsoft YaHei",monospace;font-size:12px;white-space:pre-wrap;word-break:break-all}
.sev{display:inline-block;border-radius:3px;padding:0 .4rem;font-size:12px;font-weight:600}
.error{background:#ffebe9;color:#82071e}.warning{background:#fff8c5;color:#7d4e00}
.information{background:#ddf4ff;color:#0a3069}.accepted{background:#eaeef2;color:#424a53}
details{margin:.5rem 0}summary{cursor:pointer;font-weight:600}
.note{color:#59636e;font-style:italic}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}th{background:#161b22}th,td{border-color:#30363d}.meta,.note{color:#9198a1}}
`;

function badge(label: string, kind: string): string {
  return `<span class="sev ${h(kind)}">${h(label)}</span>`;
}

function table(headers: readonly string[], rows: readonly string[][], numeric: ReadonlySet<number> = new Set()): string[] {
  return [
    `<table><tr>${headers.map((x) => `<th>${h(x)}</th>`).join('')}</tr>`,
    ...rows.map((cells) => `<tr>${cells.map((c, i) => (numeric.has(i) ? `<td class="num">${c}</td>` : `<td>${c}</td>`)).join('')}</tr>`),
    '</table>',
  ];
}

function openCells(open: OpenCounts): string[] {
  return [String(open.error), String(open.warning), String(open.information)];
}

/** Open and accepted findings, then per vendor, per advisory and the nearest deadlines; cells are escaped here. */
function summaryTables(summary: ReportSummary): string[] {
  const { status } = summary;
  const out = [
    '<h2>Summary</h2>',
    '<h3>Open and accepted</h3>',
    ...table(
      ['Status', 'Devices and products', 'Files'],
      [
        [`Open ${badge('error', 'error')}`, String(status.open.error), ''],
        [`Open ${badge('warning', 'warning')}`, String(status.open.warning), ''],
        [`Open ${badge('information', 'information')}`, String(status.open.information), ''],
        ['<strong>Open</strong>', `<strong>${status.openTotal}</strong>`, String(status.filesWithOpen)],
        [badge('accepted', 'accepted'), String(status.accepted), String(status.filesWithAccepted)],
      ],
      new Set([1, 2]),
    ),
  ];
  if (summary.byVendor.length > 0) {
    out.push(
      '<h3>By vendor</h3>',
      ...table(
        ['Vendor', 'Files', 'Open errors', 'Open warnings', 'Open information', 'Accepted'],
        summary.byVendor.map((v) => [`${h(v.displayName)} <code>${h(v.vendor)}</code>`, String(v.files), ...openCells(v.open), String(v.accepted)]),
        new Set([1, 2, 3, 4, 5]),
      ),
    );
  }
  if (summary.byAdvisory.length > 0) {
    const inForce = summary.byAdvisory.filter((a) => a.inForce);
    out.push('<h3>By advisory in force</h3>');
    if (inForce.length > 0) {
      out.push(
        ...table(
          ['Advisory', 'Issuer', 'Jurisdiction', 'Measure', 'Open', 'Accepted'],
          inForce.map((a) => [
            `${h(a.advisory.shortTitle ?? a.advisory.instrument)} <code>${h(a.advisory.id)}</code>`,
            h(a.advisory.issuer),
            h(a.advisory.jurisdiction.toUpperCase()),
            h(a.advisory.measure),
            String(a.open),
            String(a.accepted),
          ]),
          new Set([4, 5]),
        ),
      );
    }
    const elsewhere = notInForceSentence(summary);
    if (elsewhere) out.push(`<p class="note">${h(elsewhere)}</p>`);
  }
  if (summary.byAdvisory.some((a) => a.inForce)) {
    out.push('<h3>Nearest deadlines</h3>');
    if (summary.deadlines.length === 0) out.push('<p>The advisories in force set no deadlines.</p>');
    else {
      out.push(
        ...table(
          ['Date', 'When', 'Deadline', 'Advisory', 'Open findings'],
          summary.deadlines.map((d) => [
            h(d.date),
            d.daysLeft < 0 ? `<span class="note">${h(describeDaysLeft(d.daysLeft))}</span>` : `<strong>${h(describeDaysLeft(d.daysLeft))}</strong>`,
            h(d.what),
            `${h(d.advisory.shortTitle ?? d.advisory.instrument)} <code>${h(d.advisory.id)}</code>`,
            String(d.openFindings),
          ]),
          new Set([4]),
        ),
      );
    }
  }
  return out;
}

/** A browser opens a report of a few thousand rows at once; past this many the JSON report has the rest. */
export const HTML_MAX_LISTED_FINDINGS = 5000;

function headLines(context: DocumentHead, summary: ReportSummary, files: number, listed: number): string[] {
  const { kb, profiles } = context;
  const profileIds = profiles.map((p) => p.id).join(', ');
  const profileTitles = profiles.map((p) => p.title).join(' + ');
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<title>VendorLens report</title>',
    `<style>${STYLE}</style>`,
    '</head><body>',
    '<h1>VendorLens report</h1>',
    `<p class="meta">Profile <strong>${h(profileIds)}</strong> (${h(profileTitles)}) · ${h(plural(files, 'file'))} scanned · ` +
      `${h(context.generatedOn)} · VendorLens ${h(context.toolVersion)} · ${h(dataDescription(kb, context.generatedOn))}</p>`,
    ...summaryTables(summary),
    ...omittedSentences(context.omitted).map((s) => `<p class="note">${h(s)}</p>`),
    '<h2>Findings</h2>',
  ];
  if (listed === 0) out.push('<p>No flagged-vendor findings.</p>');
  return out;
}

/** A file's findings; `total` is how many it has when fewer are listed. */
function fileLines(kb: KnowledgeBase, file: string, findings: readonly ReportFinding[], total: number): string[] {
  const count = total === findings.length ? `${devicesAndProducts(total)} flagged` : `${devicesAndProducts(total)} flagged, ${findings.length} listed`;
  const out = [
    `<details open><summary><code>${h(file)}</code> — ${h(count)}</summary>`,
    '<table><tr><th>Where</th><th>Severity</th><th>Vendor</th><th>Evidence</th><th>Finding</th><th>Excerpt</th></tr>',
  ];
  for (const f of findings) {
    const vendor = kb.vendorById.get(f.vendor)?.displayName ?? f.vendor;
    const severity = f.accepted
      ? `${badge('accepted', 'accepted')} <span class="note">${h(describeAcceptance(f.accepted))}</span>`
      : badge(f.severity, f.severity === 'hint' ? 'information' : f.severity);
    out.push(
      `<tr><td class="num">${h(findingPlace(f))}</td><td>${severity}</td><td>${h(vendor)}</td>` +
        `<td>${h(f.kind)}, ${h(f.confidence)}</td><td>${h(f.message)}</td><td class="excerpt">${h(f.excerpt)}</td></tr>`,
    );
  }
  out.push('</table></details>');
  return out;
}

function advisoryLines(advisories: readonly Advisory[]): string[] {
  if (advisories.length === 0) return [];
  const out = ['<h2>Advisories cited</h2>', '<ul>'];
  for (const a of advisories) {
    const url = webUrl(a.url);
    const title = h(a.shortTitle ?? a.instrument);
    const linked = url ? `<a href="${h(url)}" rel="noopener noreferrer">${title}</a>` : title;
    out.push(`<li>${linked} (<code>${h(a.id)}</code>): ${h(a.issuer)}, ${h(a.date)}, ${h(a.jurisdiction.toUpperCase())}, ${h(a.measure)}. ${h(a.requires)}</li>`);
  }
  out.push('</ul>');
  return out;
}

const PROBLEMS_HEAD = ['<h2>Problems</h2>', '<table><tr><th>File</th><th>Where</th><th>Severity</th><th>Code</th><th>Message</th></tr>'];

function problemLine(p: ReportProblem): string {
  return (
    `<tr><td><code>${h(p.file)}</code></td><td class="num">${h(problemPlace(p))}</td><td>${badge(p.severity, p.severity)}</td>` +
    `<td><code>${h(p.code)}</code></td><td>${h(p.message)}</td></tr>`
  );
}

/** "12 more findings are not listed here: …". */
function unlistedSentence(unlisted: number): string {
  return `${plural(unlisted, 'more finding')} ${unlisted === 1 ? 'is' : 'are'} not listed here (this report lists at most ${HTML_MAX_LISTED_FINDINGS}): the JSON report (--format json) has all of them.`;
}

/**
 * The HTML report, streamed (documentReport.ts): file sections as they finish, at most
 * HTML_MAX_LISTED_FINDINGS rows, then a note of how many more; problems as met; the head with the
 * summary, the advisories cited and the end once the last file is in.
 */
export const htmlWriter = documentWriter({
  head: headLines,
  file: fileLines,
  advisories: advisoryLines,
  problemsHead: PROBLEMS_HEAD,
  problem: problemLine,
  problemsEnd: ['</table>'],
  end: ['</body></html>', ''],
  maxListed: HTML_MAX_LISTED_FINDINGS,
  unlisted: (count) => [`<p class="note">${h(unlistedSentence(count))}</p>`],
});
