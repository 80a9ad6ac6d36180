// The CLI's JSON result: a stable contract that tooling relies on. Add fields; never rename or remove them.
import type { FindingSeverity } from '../model';
import type { ReportDocument, ReportProblem, ScanReport } from './scanReport';

export type JsonDocument = ReportDocument;

export interface JsonFinding {
  file: string;
  /** 1-based; columns count UTF-16 code units; endColumn points just past the last character. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  vendor: string;
  kind: string;
  confidence: string;
  severity: FindingSeverity;
  message: string;
  advisories: string[];
  accepted: boolean;
  /** Added in 0.1: identifies the finding across line shifts; `--baseline` matches on file + fingerprint. */
  fingerprint: string;
}

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
      vendor: f.vendor,
      kind: f.kind,
      confidence: f.confidence,
      severity: f.severity,
      message: f.message,
      advisories: f.advisories,
      accepted: f.accepted !== undefined,
      fingerprint: f.fingerprint,
    })),
    problems: report.problems,
  };
}
