// The CLI's JSON result: a stable contract that tooling relies on. Add fields; never rename or remove them.
import type { DocumentAnalysis, FindingSeverity } from '../model';

export interface JsonDocument {
  file: string;
  format: string;
  dialect: string;
}

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
}

export interface JsonProblem {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

export interface JsonReport {
  documents: JsonDocument[];
  findings: JsonFinding[];
  problems: JsonProblem[];
}

export interface ScannedDocument {
  file: string;
  analysis: DocumentAnalysis;
}

export function toJsonReport(scanned: ScannedDocument[], readProblems: JsonProblem[] = []): JsonReport {
  const report: JsonReport = { documents: [], findings: [], problems: [...readProblems] };
  for (const { file, analysis } of scanned) {
    report.documents.push({ file, format: analysis.format, dialect: analysis.dialect.id });
    for (const f of analysis.findings) {
      report.findings.push({
        file,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        vendor: f.vendorId,
        kind: f.evidence.kind,
        confidence: f.evidence.confidence,
        severity: f.severity,
        message: f.message,
        advisories: f.advisoryIds,
        accepted: f.accepted !== undefined,
      });
    }
    for (const p of analysis.problems) {
      report.problems.push({
        file,
        line: p.range.start.line + 1,
        column: p.range.start.character + 1,
        severity: p.severity,
        code: p.code,
        message: p.message,
      });
    }
  }
  return report;
}
