// What a scan keeps of each file once it is analysed: a compact, serialisable record (it crosses from a
// worker thread to the CLI's main thread) from which every report format is written. The text itself is
// not kept, only a redacted excerpt of each finding's line.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis, DocumentProblem, Finding, FindingSeverity, KnowledgeBase, Subject } from '../model';
import { formatSheetPlace } from '../formats/spreadsheet/cellAddress';
import { diagnosticCode } from '../services/diagnostics';
import { withOccurrences } from './fingerprint';
import { excerpt } from './redact';

export interface ReportDocument {
  file: string;
  format: string;
  dialect: string;
}

export interface AcceptanceSummary {
  reason: string;
  ticket?: string;
  expires?: string;
  by?: string;
  /** 1-based line of the note; 0 for a decision kept in the policy file. */
  line: number;
  scope: 'line' | 'file' | 'policy';
}

export interface ReportFinding {
  file: string;
  /**
   * 1-based; columns count UTF-16 code units; endColumn points just past the last character. In a
   * spreadsheet: line is the cell's row, column its column number (A = 1), endColumn one past it.
   */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** In a spreadsheet: the cell as people write it, e.g. `Parts!B7`. */
  location?: string;
  vendor: string;
  /** The rule (diagnostic code), e.g. 'flagged-vendor/huawei'. */
  rule: string;
  kind: string;
  confidence: string;
  severity: FindingSeverity;
  message: string;
  advisories: string[];
  accepted?: AcceptanceSummary;
  /** Stable across line shifts; see fingerprint.ts. */
  fingerprint: string;
  /** The finding's line with secrets redacted, cut around the match. */
  excerpt: string;
  /** The device or product the finding is about, with its identifiers. */
  subject?: Subject;
  /** What the matcher found, in its own terms (prefix registry, catalogue family, dialect). */
  detail?: string;
}

export interface ReportProblem {
  file: string;
  /** 1-based; 0 when the problem is about the whole file (unreadable, skipped). In a spreadsheet: row and column, as for findings. */
  line: number;
  column: number;
  /** In a spreadsheet: the sheet or cell the problem is about, e.g. `Parts` or `Parts!B7`. */
  location?: string;
  severity: 'error' | 'warning' | 'information';
  code: string;
  message: string;
}

export interface FileReport {
  document?: ReportDocument;
  findings: ReportFinding[];
  problems: ReportProblem[];
}

const isLineBreak = (c: number) => c === 10 || c === 13;

/**
 * The line a finding starts on, without the document's line table (a pass over the whole text and an
 * array of every line, for a BOM with a few findings): a whole-line field is its line; otherwise the text
 * is read from the finding's start out to the line breaks on either side (\n, \r\n or \r, as the editor
 * splits lines).
 */
function findingLine(document: TextDocument, finding: Finding): string {
  const field = finding.evidence.field;
  if (field.line === finding.range.start.line) return field.text;
  const text = document.getText();
  let start = finding.evidence.start;
  while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
  let end = finding.evidence.start;
  while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
  return text.slice(start, end);
}

type Position = Pick<ReportFinding, 'line' | 'column' | 'endLine' | 'endColumn' | 'location'>;

/** A finding in a spreadsheet sits in a cell: reported by row and column number, and as `Sheet!A1`. */
function positionOf(finding: Finding): Position {
  const cell = finding.evidence.field.cell;
  if (cell) return { line: cell.row, column: cell.column, endLine: cell.row, endColumn: cell.column + 1, location: formatSheetPlace(cell) };
  const { start, end } = finding.range;
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function problemPosition(problem: DocumentProblem, spreadsheet: boolean): Pick<ReportProblem, 'line' | 'column' | 'location'> {
  if (problem.place) return { line: problem.place.row ?? 0, column: problem.place.column ?? 0, location: formatSheetPlace(problem.place) };
  // A spreadsheet problem without a place is about the whole workbook.
  if (spreadsheet) return { line: 0, column: 0 };
  return { line: problem.range.start.line + 1, column: problem.range.start.character + 1 };
}

export interface SummaryOptions {
  /**
   * Whether the report printed needs each finding's excerpt (CSV, Markdown, HTML, JUnit do; JSON, SARIF
   * and the others do not): redacting the line is a good part of a finding's cost. Default: yes.
   */
  excerpts?: boolean;
}

/** Turns one analysed document into the compact record reports are written from. */
export function summarizeAnalysis(kb: KnowledgeBase, file: string, document: TextDocument, analysis: DocumentAnalysis, options: SummaryOptions = {}): FileReport {
  const withExcerpts = options.excerpts !== false;
  const lines = withExcerpts ? analysis.findings.map((f) => findingLine(document, f)) : [];
  const prints = withOccurrences(analysis.findings.map((f) => f.fingerprint));
  // A vendor's findings in a document cite the same advisories: one shared array per list, so the record
  // is smaller to send from a worker and a report writes each list once.
  const lists = new Map<string, string[]>();
  const shared = (vendor: string, list: string[]) => {
    const known = lists.get(vendor);
    if (known === list) return known;
    if (known && known.length === list.length && known.every((id, i) => id === list[i])) return known;
    lists.set(vendor, list);
    return list;
  };
  const findings = analysis.findings.map((f, i): ReportFinding => {
    const note = f.accepted;
    return {
      file,
      ...positionOf(f),
      vendor: f.vendorId,
      rule: diagnosticCode(kb, f.vendorId),
      kind: f.evidence.kind,
      confidence: f.evidence.confidence,
      severity: f.severity,
      message: f.message,
      advisories: shared(f.vendorId, f.advisoryIds),
      accepted: note && {
        reason: note.reason,
        ticket: note.ticket,
        expires: note.expires,
        by: note.by,
        line: note.line + 1,
        scope: note.scope,
      },
      fingerprint: prints[i]!,
      excerpt: withExcerpts ? excerpt(lines[i]!, f.range.start.character, f.evidence.matched) : '',
      ...(f.subject ? { subject: f.subject } : {}),
      detail: f.evidence.detail,
    };
  });
  const spreadsheet = analysis.format === 'xlsx' || analysis.format === 'ods';
  const problems = analysis.problems.map(
    (p): ReportProblem => ({
      file,
      ...problemPosition(p, spreadsheet),
      severity: p.severity,
      code: p.code,
      message: p.message,
    }),
  );
  return { document: { file, format: analysis.format, dialect: analysis.dialect.id }, findings, problems };
}

/** Where a finding is, for people: its cell in a spreadsheet (`Parts!B7`), else line:column. */
export function findingPlace(f: Pick<ReportFinding, 'line' | 'column' | 'location'>): string {
  return f.location ?? `${f.line}:${f.column}`;
}

/** Where a problem is, for people: its sheet or cell in a spreadsheet, else its line; '' for the whole file. */
export function problemPlace(p: Pick<ReportProblem, 'line' | 'location'>): string {
  return p.location ?? (p.line > 0 ? String(p.line) : '');
}

/** Whether a file could not be read or analysed: the scan is incomplete. */
export function hasFailedFiles(report: Pick<FileReport, 'problems'>): boolean {
  return report.problems.some((p) => FILE_NOT_CHECKED.has(p.code));
}

/**
 * Problems that mean a file, or part of it, was not checked: a scan that leaves anything unread or
 * unanalysed must not pass CI (unlike a skipped binary or an oversized file, skipped by a limit the user set).
 */
const FILE_NOT_CHECKED = new Set([
  'io-error',
  'analysis-failed',
  // Stopped by the time budget: the rest of the file was never checked.
  'analysis-cut-short',
  'spreadsheet-unreadable',
  'spreadsheet-encrypted',
  'spreadsheet-too-large',
  // A part (sheet, shared strings) whose XML could not be read to its end, from its first byte on if need be.
  'spreadsheet-malformed',
  // Nested past what is read as a tree.
  'json-too-deep',
  'yaml-too-deep',
  'xml-too-deep',
]);

export const SEVERITY_RANK: Record<FindingSeverity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

/** A one-line account of an acceptance note, for reports and SARIF justifications. */
export function describeAcceptance(note: AcceptanceSummary): string {
  const parts = [note.reason];
  if (note.ticket) parts.push(`ticket ${note.ticket}`);
  if (note.expires) parts.push(`until ${note.expires}`);
  if (note.by) parts.push(`by ${note.by}`);
  return parts.join('; ');
}

/** Each finding is one device or product (an LLDP neighbour, a host, a BOM row, the file's own device). */
export function devicesAndProducts(n: number): string {
  return n === 1 ? '1 device or product' : `${n} devices and products`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Findings a report leaves out, so that it can say so instead of hiding them silently. */
export interface OmittedFindings {
  /** Accepted findings not listed (human formats list them only with --include-accepted). */
  accepted: number;
  /** Findings also present in the --baseline result. */
  inBaseline: number;
}

/** Sentences such as "2 accepted findings not shown (--include-accepted lists them)." */
export function omittedSentences(omitted: OmittedFindings): string[] {
  const out: string[] = [];
  if (omitted.accepted > 0) {
    out.push(`${plural(omitted.accepted, 'accepted finding')} not shown (--include-accepted lists ${omitted.accepted === 1 ? 'it' : 'them'}).`);
  }
  if (omitted.inBaseline > 0) out.push(`${plural(omitted.inBaseline, 'finding')} also in the baseline not shown.`);
  return out;
}
