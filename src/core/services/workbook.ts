// A workbook (XLSX, ODS) as the editor's workbook view shows it: each sheet's cells (bounded), the findings
// located by cell with the same advisory text as the text editor's hover, and the problems that kept it from
// being read. Also the edit accepting one of its findings, which goes to the policy file's acceptances as it
// does for every file without comments. Pure: the host reads the bytes (workspace.fs on the web).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { formatSheetPlace } from '../formats/spreadsheet/cellAddress';
import { readSpreadsheet, spreadsheetFormatOf, type SpreadsheetDocument } from '../formats/spreadsheet/read';
import type { DocumentAnalysis, FindingSeverity, SpreadsheetFormatId } from '../model';
import type { LanguageService } from '../languageService';
import { acceptanceWorkspaceEdit, type NoteInput } from './codeActions';
import { diagnosticCode, documentationUrl, type FindingData } from './diagnostics';
import { renderFindingHover } from './hover';
import { summarizeAnalysis, type FileReport } from '../report/scanReport';

/** Bounds on what goes to the view: enough for 100k-row BOMs, not a copy of a four-million-cell workbook. */
export interface WorkbookViewLimits {
  maxCells: number;
  /** Longer cell text is cut for display (the analysis sees all of it). */
  maxCellChars: number;
}

export const DEFAULT_WORKBOOK_VIEW_LIMITS: WorkbookViewLimits = { maxCells: 1_000_000, maxCellChars: 500 };

/** One row with text: its 1-based number and its cells as [1-based column, text]. */
export type WorkbookRow = [row: number, cells: [column: number, text: string][]];

export interface WorkbookSheetView {
  name: string;
  /** The last row and column with text (what the view's headers run to). */
  rowCount: number;
  columnCount: number;
  rows: WorkbookRow[];
  /** Inclusive 1-based ranges, as the workbook hides them. */
  hiddenRows: [first: number, last: number][];
  hiddenColumns: [first: number, last: number][];
  /** Merged cells: the top-left cell holds the text. */
  merges: [firstRow: number, firstColumn: number, lastRow: number, lastColumn: number][];
}

export interface WorkbookFindingView {
  id: string;
  /** Undefined for a finding about the whole workbook. */
  sheet?: string;
  row?: number;
  column?: number;
  /** `Parts!B7` */
  place?: string;
  severity: FindingSeverity;
  accepted: boolean;
  message: string;
  code: string;
  href?: string;
  /** The text editor's hover for the finding (Markdown, file content escaped). */
  hover: string;
  /** As a diagnostic carries it, for the findings view. */
  data: FindingData;
}

export interface WorkbookProblemView {
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
  place?: string;
}

export interface WorkbookView {
  format: SpreadsheetFormatId;
  sheets: WorkbookSheetView[];
  findings: WorkbookFindingView[];
  problems: WorkbookProblemView[];
  /** Cells left out of the view (over maxCells); the analysis covered them. */
  cellsOmitted: number;
}

/** The format to read the file as: its extension's, XLSX by default (the reader trusts the content anyway). */
export function workbookFormatOf(uri: string): SpreadsheetFormatId {
  return spreadsheetFormatOf(uri) ?? 'xlsx';
}

function sheetViews(workbook: SpreadsheetDocument, limits: WorkbookViewLimits): { sheets: WorkbookSheetView[]; omitted: number } {
  let budget = limits.maxCells;
  let omitted = 0;
  const sheets = workbook.sheets.map((sheet): WorkbookSheetView => {
    const rows: WorkbookRow[] = [];
    let columnCount = 0;
    let rowCount = 0;
    for (const record of sheet.records) {
      const cells: [number, string][] = [];
      for (const cell of record.cells) {
        if (!cell.address) continue;
        if (budget <= 0) {
          omitted++;
          continue;
        }
        budget--;
        const text = cell.value.length > limits.maxCellChars ? `${cell.value.slice(0, limits.maxCellChars)}…` : cell.value;
        cells.push([cell.address.column, text]);
        columnCount = Math.max(columnCount, cell.address.column);
      }
      if (cells.length > 0) {
        rows.push([record.row, cells]);
        rowCount = record.row;
      }
    }
    const hiddenRows: [number, number][] = [];
    const hiddenColumns: [number, number][] = [];
    const merges: [number, number, number, number][] = [];
    for (const item of sheet.layout) {
      if (item.kind === 'hidden-rows') hiddenRows.push([item.first, item.last]);
      else if (item.kind === 'hidden-columns') hiddenColumns.push([item.first, item.last]);
      else merges.push([item.firstRow, item.firstColumn, item.lastRow, item.lastColumn]);
    }
    return { name: sheet.name, rowCount, columnCount, rows, hiddenRows, hiddenColumns, merges };
  });
  return { sheets, omitted };
}

interface Analysed {
  workbook: SpreadsheetDocument;
  document: TextDocument;
  analysis: DocumentAnalysis;
}

function analyse(service: LanguageService, uri: string, bytes: Uint8Array): Analysed {
  const workbook = readSpreadsheet(bytes, workbookFormatOf(uri));
  const document = TextDocument.create(uri, workbook.format, 0, workbook.text);
  return { workbook, document, analysis: service.analyzePrepared(document, { format: workbook.format, parsed: workbook.parsed }) };
}

/** Reads and analyses a workbook for the view. */
export function analyzeWorkbook(service: LanguageService, uri: string, bytes: Uint8Array, today: string, limits: WorkbookViewLimits = DEFAULT_WORKBOOK_VIEW_LIMITS): WorkbookView {
  const { workbook, analysis } = analyse(service, uri, bytes);
  const kb = service.knowledge;
  const findings = analysis.findings.map((finding): WorkbookFindingView => {
    const cell = finding.evidence.field.cell;
    return {
      id: finding.id,
      sheet: cell?.sheet,
      row: cell?.row,
      column: cell?.column,
      place: cell && formatSheetPlace(cell),
      severity: finding.severity,
      accepted: finding.accepted !== undefined,
      message: finding.message,
      code: diagnosticCode(kb, finding.vendorId),
      href: documentationUrl(kb, finding),
      hover: renderFindingHover(kb, service.profiles, finding, today),
      data: {
        findingId: finding.id,
        vendorId: finding.vendorId,
        advisoryIds: finding.advisoryIds,
        advisoriesInForce: finding.advisoriesInForce,
        accepted: finding.accepted !== undefined,
      },
    };
  });
  const problems = analysis.problems.map((p): WorkbookProblemView => ({ severity: p.severity, code: p.code, message: p.message, place: p.place && formatSheetPlace(p.place) }));
  const { sheets, omitted } = sheetViews(workbook, limits);
  return { format: workbook.format, sheets, findings, problems, cellsOmitted: omitted };
}

/** The edit recording the reviewer's acceptance of one finding in the policy file; undefined when there is none to make. */
export function workbookAcceptanceEdit(service: LanguageService, uri: string, bytes: Uint8Array, findingId: string, note: NoteInput): WorkspaceEdit | undefined {
  const { document, analysis } = analyse(service, uri, bytes);
  const finding = analysis.findings.find((f) => f.id === findingId);
  return finding && acceptanceWorkspaceEdit(document, analysis, finding, 'line', note, service.policy.source);
}

/** The compact record reports are written from, as the CLI makes it for a workbook. */
export function workbookFileReport(service: LanguageService, uri: string, bytes: Uint8Array, display: string): FileReport {
  const { document, analysis } = analyse(service, uri, bytes);
  return summarizeAnalysis(service.knowledge, display, document, analysis);
}
