// Findings as CSV (RFC 4180, CRLF line ends) for spreadsheets and trackers. Cells that a spreadsheet
// would run as a formula (starting with = + - @, tab or CR) get a leading apostrophe: file names and
// matched text come from scanned files.
import { describeAcceptance, type ScanReport } from './scanReport';

const COLUMNS = [
  'file',
  'line',
  'column',
  'endLine',
  'endColumn',
  'severity',
  'vendor',
  'rule',
  'kind',
  'confidence',
  'advisories',
  'accepted',
  'acceptance',
  'message',
  'excerpt',
  'fingerprint',
  // Added last so that existing columns keep their place: the cell of a spreadsheet finding.
  'location',
] as const;

export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(report: ScanReport): string {
  const rows: string[] = [COLUMNS.join(',')];
  for (const f of report.findings) {
    const values: Record<(typeof COLUMNS)[number], string | number> = {
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      severity: f.severity,
      vendor: f.vendor,
      rule: f.rule,
      kind: f.kind,
      confidence: f.confidence,
      advisories: f.advisories.join(' '),
      accepted: f.accepted ? 'yes' : 'no',
      acceptance: f.accepted ? describeAcceptance(f.accepted) : '',
      message: f.message,
      excerpt: f.excerpt,
      fingerprint: f.fingerprint,
      location: f.location ?? '',
    };
    rows.push(COLUMNS.map((c) => csvCell(values[c])).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
