// The CLI's JSON result: a stable contract that tooling relies on. Add fields; never rename or remove them.
import type { ReportDocument, ReportFinding, ReportProblem, ScanReport } from './scanReport';

export type JsonDocument = ReportDocument;

/**
 * A finding as the contract lists it: the report's fields without the rule, the excerpt and the note,
 * `accepted` as a boolean. `fingerprint` was added in 0.1 (`--baseline` matches on file + fingerprint),
 * then `location` (`Parts!B7`, spreadsheet findings only), then `subject` (the device or product, with its
 * identifiers) and `detail` (the matcher's account).
 */
export type JsonFinding = Omit<ReportFinding, 'rule' | 'accepted' | 'excerpt'> & { accepted: boolean };

export type JsonProblem = ReportProblem;

export interface JsonReport {
  documents: JsonDocument[];
  findings: JsonFinding[];
  problems: JsonProblem[];
}

export function toJsonReport(report: ScanReport): JsonReport {
  return {
    documents: report.documents,
    findings: report.findings.map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ...(f.location !== undefined ? { location: f.location } : {}),
      vendor: f.vendor,
      kind: f.kind,
      confidence: f.confidence,
      severity: f.severity,
      message: f.message,
      advisories: f.advisories,
      accepted: f.accepted !== undefined,
      fingerprint: f.fingerprint,
      ...(f.subject ? { subject: f.subject } : {}),
      ...(f.detail !== undefined ? { detail: f.detail } : {}),
    })),
    problems: report.problems,
  };
}
