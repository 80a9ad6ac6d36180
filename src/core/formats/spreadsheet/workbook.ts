// What the XLSX and ODS readers share: the bounds they keep, the failures they report, and the sink they
// hand each sheet's cells to.
import type { SheetPlace } from '../../model';
import type { ZipLimits } from './zip';

export interface SpreadsheetLimits extends ZipLimits {
  /** Cells kept over the whole workbook (shared strings, cells, and the empty cells between them in a row). */
  maxCells: number;
  /** Characters of cell text kept over the whole workbook. */
  maxTextChars: number;
}

export const DEFAULT_SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxEntries: 10_000,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxCells: 4_000_000,
  maxTextChars: 64 * 1024 * 1024,
};

/** The size of a sheet in both Excel and LibreOffice Calc; cells beyond it are not read. */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;
/** Excel's limit on the text of one cell: longer text (possible in ODS) is cut. */
export const MAX_CELL_CHARS = 32_767;

export type SpreadsheetFailure = 'spreadsheet-unreadable' | 'spreadsheet-encrypted' | 'spreadsheet-too-large';

/** The workbook cannot be read (further): the cells read before it are still checked. */
export class SpreadsheetError extends Error {
  constructor(
    readonly code: SpreadsheetFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface SheetProblem {
  /** Undefined for a problem of the whole workbook. */
  place?: SheetPlace;
  severity: 'error' | 'warning' | 'information';
  code: string;
  message: string;
}

/** Where a reader puts what it reads: sheets in workbook order, each sheet's cells row by row. */
export interface SheetSink {
  startSheet(name: string): void;
  /** A cell with text (empty cells are not handed over); 1-based row and column. */
  cell(row: number, column: number, text: string): void;
  endSheet(): void;
  problem(problem: SheetProblem): void;
  /** How the sheet is laid out (for a view of it; the analysis ignores it): hidden rows and columns, merged cells. */
  layout?(layout: SheetLayoutItem): void;
}

/** 1-based, inclusive ranges. */
export type SheetLayoutItem =
  | { kind: 'hidden-rows'; first: number; last: number }
  | { kind: 'hidden-columns'; first: number; last: number }
  | { kind: 'merge'; firstRow: number; firstColumn: number; lastRow: number; lastColumn: number };

/** Counts what a workbook keeps against its limits; over a limit, reading stops with 'spreadsheet-too-large'. */
export class ReadBudget {
  private cells = 0;
  private chars = 0;

  constructor(private readonly limits: SpreadsheetLimits) {}

  spend(cells: number, chars: number): void {
    this.cells += cells;
    this.chars += chars;
    if (this.cells > this.limits.maxCells) {
      throw new SpreadsheetError('spreadsheet-too-large', `it holds more than ${this.limits.maxCells.toLocaleString('en')} cells`);
    }
    if (this.chars > this.limits.maxTextChars) {
      throw new SpreadsheetError('spreadsheet-too-large', `it holds more than ${this.limits.maxTextChars.toLocaleString('en')} characters of text`);
    }
  }
}

/** Appends text to a cell's text up to MAX_CELL_CHARS. */
export function appendCapped(current: string, more: string): string {
  if (current.length >= MAX_CELL_CHARS) return current;
  return current.length + more.length <= MAX_CELL_CHARS ? current + more : current + more.slice(0, MAX_CELL_CHARS - current.length);
}
