// Findings as CSV (RFC 4180, CRLF line ends) for spreadsheets and trackers. Cells that a spreadsheet
// would run as a formula (starting with = + - @, tab or CR) get a leading apostrophe: file names and
// matched text come from scanned files.
import { showControlsInDocument } from './controls';
import { describeAcceptance, type ReportFinding } from './scanReport';
import type { WriterFactory } from './writer';

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

/** One finding as a CSV record, without its line end. */
function csvRow(f: ReportFinding): string {
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
  return COLUMNS.map((c) => csvCell(values[c])).join(',');
}

const CSV_HEADER = COLUMNS.join(',');

/** The CSV report, streamed: a row per finding listed, as the file finishes. */
export const csvWriter: WriterFactory = (info, sink) => {
  sink.write(0, CSV_HEADER + '\r\n');
  return {
    file(report) {
      let rows = '';
      for (const f of report.findings) if (info.includeAccepted || !f.accepted) rows += csvRow(f) + '\r\n';
      if (rows !== '') sink.write(0, showControlsInDocument(rows));
    },
    end() {},
  };
};
