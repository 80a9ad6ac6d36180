// The spreadsheet format module: an XLSX or ODS file's bytes → its sheets' rows of cells → located fields,
// with the header inference, row context and cell roles of delimited BOMs (table.ts), each sheet a table.
//
// The rest of the pipeline works on text with offsets, so the workbook is also given a text view: one
// line per row that has text, its cells' text separated by tabs (tabs and line breaks inside a cell become
// spaces). Field offsets point into that view; reports locate a spreadsheet finding by its cell
// (`Field.cell`, `Parts!B7`), never by the view's lines.
import type { CellAddress, SpreadsheetFormatId } from '../../model';
import { UNKNOWN_DIALECT, type ParsedDocument, type ParseProblem } from '../format';
import { tableFields, type TableCell, type TableRecord } from '../table';
import { readOds } from './ods';
import { DEFAULT_SPREADSHEET_LIMITS, ReadBudget, SpreadsheetError, type SheetLayoutItem, type SheetProblem, type SheetSink, type SpreadsheetFailure, type SpreadsheetLimits } from './workbook';
import { readXlsx } from './xlsx';
import { isZip, openZip, ZipError, type ZipFailure } from './zip';

export interface SpreadsheetDocument {
  /** What the content turned out to be (an ODS named .xlsx is read as ODS). */
  format: SpreadsheetFormatId;
  /** The text view the field offsets point into. */
  text: string;
  parsed: ParsedDocument;
  /** Each sheet's rows with text, in workbook order: what a view of the workbook shows. */
  sheets: readonly SpreadsheetSheet[];
}

const EXTENSIONS: Record<string, SpreadsheetFormatId> = { xlsx: 'xlsx', xlsm: 'xlsx', ods: 'ods' };

/** The spreadsheet format a file name promises (.xlsx, .xlsm, .ods), if any. */
export function spreadsheetFormatOf(name: string): SpreadsheetFormatId | undefined {
  const extension = /\.([a-z]+)$/i.exec(name.replace(/[?#].*$/, ''))?.[1]?.toLowerCase();
  return extension === undefined ? undefined : EXTENSIONS[extension];
}

export interface SpreadsheetSheet {
  name: string;
  /** Rows with text in row order; a cell's `address` is set for cells with text, empty cells between share one. */
  records: TableRecord[];
  /** Hidden rows and columns, merged cells (at most MAX_LAYOUT_ITEMS, adjacent hidden ranges joined). */
  layout: SheetLayoutItem[];
}

/** Layout items kept per sheet: a view needs the merged headers and hidden ranges, not a million of them. */
const MAX_LAYOUT_ITEMS = 10_000;

type Sheet = SpreadsheetSheet;

/** Collects each sheet's rows as table records and writes the text view as it goes. */
class SheetCollector implements SheetSink {
  readonly sheets: Sheet[] = [];
  readonly problems: ParseProblem[] = [];
  private readonly lines: string[] = [];
  /** Length of the text view so far. */
  private textLength = 0;
  private current: (Sheet & { sorted: boolean }) | undefined;
  private row = 0;
  private rowCells: { column: number; text: string }[] = [];

  constructor(private readonly budget: ReadBudget) {}

  get text(): string {
    return this.lines.join('\n');
  }

  get cellsRead(): boolean {
    return this.lines.length > 0;
  }

  dropOpenRow(): void {
    this.rowCells = [];
  }

  startSheet(name: string): void {
    this.endSheet();
    this.current = { name, records: [], layout: [], sorted: true };
  }

  layout(item: SheetLayoutItem): void {
    const layout = this.current?.layout;
    if (!layout) return;
    const previous = layout.at(-1);
    if (previous && previous.kind === item.kind && item.kind !== 'merge' && previous.kind !== 'merge' && item.first <= previous.last + 1 && item.first >= previous.first) {
      previous.last = Math.max(previous.last, item.last);
      return;
    }
    if (layout.length < MAX_LAYOUT_ITEMS) layout.push(item);
  }

  cell(row: number, column: number, text: string): void {
    if (!this.current) return;
    if (row !== this.row) this.endRow();
    this.row = row;
    // Charged as it arrives, not per row: a row repeating one address millions of times is held in full until its end.
    this.budget.spend(1, text.length);
    this.rowCells.push({ column, text });
  }

  endSheet(): void {
    this.endRow();
    if (!this.current) return;
    const { name, records, layout, sorted } = this.current;
    // Rows come in order from every writer seen; should one not, its sheet is still read in row order.
    if (!sorted) records.sort((a, b) => a.row - b.row);
    this.sheets.push({ name, records, layout });
    this.current = undefined;
  }

  problem(problem: SheetProblem): void {
    this.problems.push({ start: 0, end: 0, severity: problem.severity, code: problem.code, message: problem.message, place: problem.place });
  }

  private endRow(): void {
    const sheet = this.current;
    let cells = this.rowCells;
    if (!sheet || cells.length === 0) return;
    this.rowCells = [];
    if (cells.some((c, i) => i > 0 && c.column <= cells[i - 1]!.column)) {
      // A stable sort, then the last cell written at an address replaces the earlier ones, as in Excel.
      cells.sort((a, b) => a.column - b.column);
      cells = cells.filter((c, i) => i === cells.length - 1 || cells[i + 1]!.column !== c.column);
    }
    const width = cells[cells.length - 1]!.column;
    // The empty cells between them (the cells themselves were charged as they came).
    this.budget.spend(width - cells.length, 0);
    // The table logic indexes cells by column: empty columns between cells share one empty cell.
    const lineStart = this.textLength + (this.lines.length > 0 ? 1 : 0);
    const empty: TableCell = { start: lineStart, end: lineStart, value: '' };
    const record: TableRecord = { cells: new Array<TableCell>(width).fill(empty), row: this.row };
    const parts: string[] = [];
    let offset = lineStart;
    for (const { column, text } of cells) {
      if (parts.length > 0) offset++; // the tab
      const value = text.replace(/[\t\r\n]/g, ' ');
      const address: CellAddress = { sheet: sheet.name, row: this.row, column };
      record.cells[column - 1] = { start: offset, end: offset + value.length, value, address };
      parts.push(value);
      offset += value.length;
    }
    this.lines.push(parts.join('\t'));
    this.textLength = offset;
    const previous = sheet.records.at(-1);
    if (previous && previous.row > record.row) sheet.sorted = false;
    sheet.records.push(record);
  }
}

const ZIP_FAILURES: Record<ZipFailure, SpreadsheetFailure> = {
  corrupt: 'spreadsheet-unreadable',
  unsupported: 'spreadsheet-unreadable',
  encrypted: 'spreadsheet-encrypted',
  'too-large': 'spreadsheet-too-large',
};

const COMPOUND_FILE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream a password-protected OOXML file keeps its encrypted package in, named in UTF-16LE. */
const ENCRYPTED_PACKAGE = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0]!;
  for (let i = bytes.indexOf(first); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    if (needle.every((b, k) => bytes[i + k] === b)) return true;
  }
  return false;
}

/** Why bytes that are no ZIP archive cannot be read. */
function notAnArchive(bytes: Uint8Array): SpreadsheetError {
  if (startsWith(bytes, COMPOUND_FILE_MAGIC)) {
    // Excel saves a password-protected workbook as an OLE2 compound file around the encrypted XLSX.
    if (contains(bytes, ENCRYPTED_PACKAGE)) return new SpreadsheetError('spreadsheet-encrypted', 'it is password-protected (encrypted)');
    return new SpreadsheetError('spreadsheet-unreadable', 'it is an OLE2 compound file, as old Excel 97–2003 (.xls) workbooks are, not XLSX or ODS');
  }
  return new SpreadsheetError('spreadsheet-unreadable', 'it is not a ZIP archive, as every XLSX and ODS file is (it may be truncated, or another kind of file)');
}

function failureMessage(code: SpreadsheetFailure, reason: string, format: SpreadsheetFormatId, partly: boolean): string {
  const kind = format === 'xlsx' ? 'XLSX' : 'ODS';
  const read = partly ? ' The cells read before that were checked.' : '';
  switch (code) {
    case 'spreadsheet-encrypted':
      return `This ${kind} workbook cannot be read: ${reason}. Scan a copy saved without a password, or exported as CSV.`;
    case 'spreadsheet-too-large':
      return `Reading this ${kind} workbook stopped: ${reason} (a zip bomb, or a workbook too large to scan). Scan it exported as CSV instead.${read}`;
    case 'spreadsheet-unreadable':
      return `This ${kind} file cannot be read: ${reason}.${read}`;
  }
}

/** Reads a workbook into located fields. Never throws for bad input: what cannot be read becomes a problem. */
export function readSpreadsheet(bytes: Uint8Array, format: SpreadsheetFormatId, limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS): SpreadsheetDocument {
  const budget = new ReadBudget(limits);
  const collector = new SheetCollector(budget);
  let actual = format;
  let failure: { code: SpreadsheetFailure; reason: string } | undefined;
  try {
    if (!isZip(bytes)) throw notAnArchive(bytes);
    const archive = openZip(bytes, limits);
    // The content decides: an ODS saved under an .xlsx name (or the reverse) is still read.
    if (archive.has('content.xml') && !archive.has('[Content_Types].xml')) actual = 'ods';
    else if (archive.has('[Content_Types].xml')) actual = 'xlsx';
    if (actual === 'xlsx') readXlsx(archive, collector, budget);
    else readOds(archive, collector);
    collector.endSheet();
  } catch (error) {
    if (error instanceof SpreadsheetError) failure = { code: error.code, reason: error.message };
    else if (error instanceof ZipError) failure = { code: ZIP_FAILURES[error.failure], reason: error.message };
    else throw error;
    // The row being read when reading stopped may be incomplete: it is left out, the rows before it stay.
    collector.dropOpenRow();
    collector.endSheet();
  }
  const partly = collector.cellsRead;
  const problems = collector.problems;
  if (failure) {
    problems.push({ start: 0, end: 0, severity: 'error', code: failure.code, message: failureMessage(failure.code, failure.reason, actual, partly) });
  }
  const text = collector.text;
  const fields = collector.sheets.flatMap((sheet) => tableFields(text, sheet.records, { reportRaggedRows: false }).fields);
  return { format: actual, text, parsed: { fields, problems, commentPrefix: undefined, dialect: UNKNOWN_DIALECT }, sheets: collector.sheets };
}
