// ODS (OpenDocument spreadsheet, ODF 1.2/1.3): content.xml holds every sheet as `table:table`, its rows as
// `table:table-row` and cells as `table:table-cell` (or `table:covered-table-cell` under a merged cell).
// Runs of equal rows and cells are written once with `table:number-rows-repeated` and
// `table:number-columns-repeated`: empty runs (often a million rows to the sheet's end) only move the
// position, and runs with text are repeated within the sheet's bounds and the workbook's budget.
// A cell's text is its paragraphs (`text:p`, `text:h`, with `text:s`, `text:tab`, `text:line-break`);
// comments (`office:annotation`), notes and drawings in a cell are not its value.
import type { NsTag } from '../xmlNamespaces';
import { appendCapped, MAX_CELL_CHARS, MAX_COLUMN, MAX_ROW, SpreadsheetError, type SheetSink } from './workbook';
import { attribute, readXmlPart, type XmlPartFailure } from './xmlPart';
import type { ZipArchive } from './zip';

const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const MANIFEST = 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0';
const SPREADSHEET_MIME_TYPES = ['application/vnd.oasis.opendocument.spreadsheet', 'application/vnd.oasis.opendocument.spreadsheet-template'];

/** The value of a repeat attribute: at least 1. */
function repeatCount(tag: NsTag, local: string): number {
  const value = Number(attribute(tag, local, TABLE) ?? 1);
  return Number.isInteger(value) && value > 1 ? value : 1;
}

function malformed(sink: SheetSink, failure: XmlPartFailure, sheet: string | undefined): void {
  sink.problem({
    place: sheet === undefined ? undefined : { sheet },
    severity: 'error',
    code: 'spreadsheet-malformed',
    message: `The XML of ${failure.part} is malformed at line ${failure.line}, column ${failure.column}: ${failure.message}. What came before it was read.`,
  });
}

/** An encrypted ODS is still a ZIP archive; its manifest says which parts are encrypted. */
function isEncrypted(archive: ZipArchive): boolean {
  if (!archive.has('META-INF/manifest.xml')) return false;
  let encrypted = false;
  readXmlPart(archive, 'META-INF/manifest.xml', (parser) => {
    parser.on('opentag', (tag) => {
      if (tag.uri === MANIFEST && tag.local === 'encryption-data') encrypted = true;
    });
  });
  return encrypted;
}

interface OpenCell {
  repeat: number;
  text: string;
  paragraphs: number;
  /** The typed value, for the rare writer that leaves out the displayed text. */
  value?: string;
  /** Depth of the cell element. */
  depth: number;
  /** For each element open inside the cell: whether its text is the cell's text. */
  capturing: boolean[];
}

interface RowCell {
  column: number;
  text: string;
  repeat: number;
}

/** Reads every sheet of an ODS archive into the sink, in document order. */
export function readOds(archive: ZipArchive, sink: SheetSink): void {
  const mimeType = archive.readText('mimetype', 200)?.trim();
  if (mimeType !== undefined && mimeType.startsWith('application/vnd.oasis.opendocument.') && !SPREADSHEET_MIME_TYPES.includes(mimeType)) {
    throw new SpreadsheetError('spreadsheet-unreadable', `it is an OpenDocument file of type ${mimeType}, not a spreadsheet`);
  }
  if (isEncrypted(archive)) throw new SpreadsheetError('spreadsheet-encrypted', 'it is password-protected (encrypted)');
  if (!archive.has('content.xml')) throw new SpreadsheetError('spreadsheet-unreadable', 'it has no content.xml, so it is no OpenDocument spreadsheet');

  let depth = 0;
  /** Nesting of table:table: only the outermost tables are sheets (tables inside cells are not read). */
  let tables = 0;
  let sheet: string | undefined;
  let sheetCount = 0;
  let rowsBefore = 0;
  let rowRepeat = 1;
  let rowCells: RowCell[] = [];
  let columnsBefore = 0;
  /** Columns declared so far by `table:table-column` (their visibility marks hidden columns). */
  let columnsDeclared = 0;
  let cell: OpenCell | undefined;

  const openInCell = (open: OpenCell, tag: NsTag) => {
    const text = tag.uri === TEXT;
    const directChild = depth === open.depth + 1;
    const capturing = directChild ? text && (tag.local === 'p' || tag.local === 'h') : open.capturing.at(-1) === true && text && tag.local !== 'note' && tag.local !== 'ruby-text';
    open.capturing.push(capturing);
    if (!capturing) return;
    if (directChild) {
      if (open.paragraphs++ > 0) open.text = appendCapped(open.text, '\n');
    } else if (tag.local === 's') {
      const spaces = Math.min(Number(attribute(tag, 'c', TEXT) ?? 1) || 1, MAX_CELL_CHARS);
      open.text = appendCapped(open.text, ' '.repeat(Math.min(spaces, MAX_CELL_CHARS - open.text.length)));
    } else if (tag.local === 'tab') {
      open.text = appendCapped(open.text, '\t');
    } else if (tag.local === 'line-break') {
      open.text = appendCapped(open.text, '\n');
    }
  };

  const closeRow = () => {
    if (rowCells.length > 0) {
      const rows = Math.min(rowRepeat, MAX_ROW - rowsBefore);
      for (let r = 1; r <= rows; r++) {
        for (const c of rowCells) for (let k = 0; k < c.repeat; k++) sink.cell(rowsBefore + r, c.column + k, c.text);
      }
    }
    rowsBefore = Math.min(rowsBefore + rowRepeat, MAX_ROW);
    rowCells = [];
  };

  const failure = readXmlPart(archive, 'content.xml', (parser) => {
    parser.on('opentag', (tag) => {
      depth++;
      if (cell) return openInCell(cell, tag);
      if (tag.uri !== TABLE) return;
      if (tag.local === 'table') {
        if (++tables > 1) return;
        sheet = attribute(tag, 'name', TABLE) ?? `Sheet${sheetCount + 1}`;
        sheetCount++;
        rowsBefore = 0;
        columnsDeclared = 0;
        sink.startSheet(sheet);
      } else if (tables !== 1 || rowsBefore >= MAX_ROW) {
        return;
      } else if (tag.local === 'table-row') {
        rowRepeat = repeatCount(tag, 'number-rows-repeated');
        rowCells = [];
        columnsBefore = 0;
        if (attribute(tag, 'visibility', TABLE) === 'collapse') {
          sink.layout?.({ kind: 'hidden-rows', first: rowsBefore + 1, last: Math.min(rowsBefore + rowRepeat, MAX_ROW) });
        }
      } else if (tag.local === 'table-column') {
        const repeat = repeatCount(tag, 'number-columns-repeated');
        if (attribute(tag, 'visibility', TABLE) === 'collapse' && columnsDeclared < MAX_COLUMN) {
          sink.layout?.({ kind: 'hidden-columns', first: columnsDeclared + 1, last: Math.min(columnsDeclared + repeat, MAX_COLUMN) });
        }
        columnsDeclared += repeat;
      } else if (tag.local === 'table-cell' || tag.local === 'covered-table-cell') {
        const rowsSpanned = Number(attribute(tag, 'number-rows-spanned', TABLE) ?? 1);
        const columnsSpanned = Number(attribute(tag, 'number-columns-spanned', TABLE) ?? 1);
        if (tag.local === 'table-cell' && (rowsSpanned > 1 || columnsSpanned > 1) && Number.isInteger(rowsSpanned) && Number.isInteger(columnsSpanned)) {
          const firstRow = rowsBefore + 1;
          const firstColumn = columnsBefore + 1;
          sink.layout?.({
            kind: 'merge',
            firstRow,
            firstColumn,
            lastRow: Math.min(firstRow + Math.max(rowsSpanned, 1) - 1, MAX_ROW),
            lastColumn: Math.min(firstColumn + Math.max(columnsSpanned, 1) - 1, MAX_COLUMN),
          });
        }
        const value = attribute(tag, 'string-value', OFFICE) ?? attribute(tag, 'value', OFFICE) ?? attribute(tag, 'date-value', OFFICE) ?? attribute(tag, 'boolean-value', OFFICE);
        cell = { repeat: repeatCount(tag, 'number-columns-repeated'), text: '', paragraphs: 0, value, depth, capturing: [] };
      }
    });
    const onText = (text: string) => {
      if (cell && cell.capturing.at(-1) === true) cell.text = appendCapped(cell.text, text);
    };
    parser.on('text', onText);
    parser.on('cdata', onText);
    parser.on('closetag', (tag) => {
      const closing = depth--;
      if (cell) {
        if (closing > cell.depth) {
          cell.capturing.pop();
          return;
        }
        const text = cell.text.trim() !== '' ? cell.text : (cell.value ?? '');
        if (text.trim() !== '' && columnsBefore < MAX_COLUMN) {
          rowCells.push({ column: columnsBefore + 1, text, repeat: Math.min(cell.repeat, MAX_COLUMN - columnsBefore) });
        }
        columnsBefore += cell.repeat;
        cell = undefined;
        return;
      }
      if (tag.uri !== TABLE) return;
      if (tag.local === 'table') {
        if (tables-- === 1) sink.endSheet();
      } else if (tag.local === 'table-row' && tables === 1) {
        closeRow();
      }
    });
  });
  if (failure) malformed(sink, failure, tables >= 1 ? sheet : undefined);
}
