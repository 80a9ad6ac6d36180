// The parts of the report export that need no VS Code: the formats offered, the records of files the
// export could not analyse, the webview's Content-Security-Policy and the counts the closing message
// gives. Unit-tested on their own; exportReport.ts does the editor's part.
import type { ReportFormat } from '../../core/report/render';
import type { FileReport, ReportProblem } from '../../core/report/scanReport';

export interface FormatChoice {
  format: ReportFormat;
  /** A format's name; the same in every language. */
  label: string;
  extension: string;
}

/** In the order the quick pick offers them. */
export const FORMAT_CHOICES: readonly FormatChoice[] = [
  { format: 'html', label: 'HTML', extension: 'html' },
  { format: 'markdown', label: 'Markdown', extension: 'md' },
  { format: 'csv', label: 'CSV', extension: 'csv' },
  { format: 'json', label: 'JSON', extension: 'json' },
  { format: 'sarif', label: 'SARIF', extension: 'sarif' },
  { format: 'register-csv', label: 'Asset register (CSV)', extension: 'csv' },
  { format: 'register-json', label: 'Asset register (JSON)', extension: 'json' },
];

export function formatChoice(format: unknown): FormatChoice | undefined {
  return FORMAT_CHOICES.find((c) => c.format === format);
}

export function defaultReportName(choice: FormatChoice): string {
  if (choice.format.startsWith('register-')) return `vendorlens-asset-register.${choice.extension}`;
  return `vendorlens-report.${choice.extension}`;
}

export type SkippedFile = { kind: 'size'; size: number; maxKb: number } | { kind: 'binary' } | { kind: 'unreadable'; error: string };

/**
 * A file the export did not analyse, as a problem in the report: a report says what it does not cover.
 * Codes and wording follow the CLI's (reports are English, whatever the editor's language).
 */
export function skippedFileProblem(file: string, skipped: SkippedFile): FileReport {
  let problem: Omit<ReportProblem, 'file' | 'line' | 'column'>;
  switch (skipped.kind) {
    case 'size':
      problem = { severity: 'information', code: 'skipped-too-large', message: `skipped: ${skipped.size} bytes is over vendorlens.review.maxFileSizeKb (${skipped.maxKb} KB)` };
      break;
    case 'binary':
      problem = { severity: 'information', code: 'skipped-binary', message: 'skipped: binary file' };
      break;
    case 'unreadable':
      problem = { severity: 'error', code: 'io-error', message: `could not be read: ${skipped.error}` };
      break;
  }
  return { findings: [], problems: [{ file, line: 0, column: 0, ...problem }] };
}

export interface ExportCounts {
  files: number;
  findings: number;
  accepted: number;
  problems: number;
}

export function countExport(reports: readonly FileReport[]): ExportCounts {
  const counts: ExportCounts = { files: 0, findings: 0, accepted: 0, problems: 0 };
  for (const r of reports) {
    if (r.document) counts.files++;
    counts.findings += r.findings.length;
    counts.accepted += r.findings.filter((f) => f.accepted).length;
    counts.problems += r.problems.length;
  }
  return counts;
}

const PANEL_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

/**
 * The HTML report as the webview shows it. The report has no script and a CSP of its own; the panel does
 * not rely on that and puts its own CSP first in the head (a browser enforces every CSP a page declares).
 */
export function withPanelCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PANEL_CSP}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return `<!DOCTYPE html><html><head>${meta}</head><body>${html}</body></html>`;
  const at = head.index + head[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}
