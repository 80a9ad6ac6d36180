// XLSX (Office Open XML SpreadsheetML, ECMA-376), transitional and strict: _rels/.rels names the workbook
// part; the workbook lists its sheets (name and relationship id) and its relationships file maps those
// ids to worksheet parts and names the shared-string table. Cells are `<c r="B7" t="s"><v>3</v></c>`:
// t="s" indexes the shared strings, t="inlineStr" holds `<is><t>…</t></is>`, anything else is its `<v>`.
// Element names are matched by local name, so the strict namespaces and prefixed writers read the same.
import type { NsTag } from '../xmlNamespaces';
import { parseCellReference } from './cellAddress';
import { appendCapped, MAX_COLUMN, MAX_ROW, SpreadsheetError, type ReadBudget, type SheetSink } from './workbook';
import { attribute, readXmlPart, type XmlPartFailure } from './xmlPart';
import type { ZipArchive } from './zip';

interface Relationship {
  type: string;
  /** The part it points to, as a path inside the archive. */
  part: string;
}

const DEFAULT_WORKBOOK = 'xl/workbook.xml';
/** Relationship ids are attributes in the relationships namespace (transitional …/2006/relationships, strict …/relationships). */
const RELATIONSHIPS_NAMESPACE = 'relationships';

function directoryOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** A relationship target resolved against the directory of the part it belongs to. */
function resolvePart(baseDirectory: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray '%' is part of the name.
  }
  const path = decoded.startsWith('/') ? decoded.slice(1) : baseDirectory + decoded;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

function malformed(sink: SheetSink, failure: XmlPartFailure, sheet?: string): void {
  const what = sheet === undefined ? failure.part : `sheet "${sheet}" (${failure.part})`;
  sink.problem({
    place: sheet === undefined ? undefined : { sheet },
    severity: 'error',
    code: 'spreadsheet-malformed',
    message: `The XML of ${what} is malformed at line ${failure.line}, column ${failure.column}: ${failure.message}. What came before it was read.`,
  });
}

/** The relationships of `part` (from `<dir>/_rels/<name>.rels`), by id; internal targets only. */
function readRelationships(archive: ZipArchive, part: string, sink: SheetSink): Map<string, Relationship> {
  const directory = directoryOf(part);
  const relsPart = `${directory}_rels/${part.slice(directory.length)}.rels`;
  const relationships = new Map<string, Relationship>();
  if (!archive.has(relsPart)) return relationships;
  const failure = readXmlPart(archive, relsPart, (parser) => {
    parser.on('opentag', (tag) => {
      if (tag.local !== 'Relationship') return;
      const id = attribute(tag, 'Id');
      const type = attribute(tag, 'Type');
      const target = attribute(tag, 'Target');
      if (id === undefined || type === undefined || target === undefined || attribute(tag, 'TargetMode') === 'External') return;
      relationships.set(id, { type, part: resolvePart(directory, target) });
    });
  });
  if (failure) malformed(sink, failure);
  return relationships;
}

function workbookPart(archive: ZipArchive, sink: SheetSink): string {
  const root = readRelationships(archive, '', sink);
  for (const r of root.values()) if (r.type.endsWith('/officeDocument') && archive.has(r.part)) return r.part;
  return DEFAULT_WORKBOOK;
}

/** The shared-string table: each `<si>`'s text runs joined, phonetic guides (`<rPh>`) left out. */
function readSharedStrings(archive: ZipArchive, part: string, sink: SheetSink, budget: ReadBudget): string[] {
  const strings: string[] = [];
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  const failure = readXmlPart(archive, part, (parser) => {
    parser.on('opentag', (tag) => {
      if (tag.local === 'si') current = '';
      else if (tag.local === 'rPh') phonetic++;
      else if (tag.local === 't' && current !== undefined && phonetic === 0) inText = true;
    });
    const onText = (text: string) => {
      if (inText) current = appendCapped(current!, text);
    };
    parser.on('text', onText);
    parser.on('cdata', onText);
    parser.on('closetag', (tag) => {
      if (tag.local === 't') inText = false;
      else if (tag.local === 'rPh') phonetic--;
      else if (tag.local === 'si' && current !== undefined) {
        budget.spend(1, current.length);
        strings.push(current);
        current = undefined;
      }
    });
  });
  if (failure) malformed(sink, failure);
  return strings;
}

interface OpenCell {
  row: number;
  column: number;
  type: string;
  value: string;
  inline: string;
}

function cellText(cell: OpenCell, sharedStrings: readonly string[]): string {
  switch (cell.type) {
    case 's': {
      const index = Number(cell.value.trim());
      return Number.isInteger(index) && index >= 0 && index < sharedStrings.length ? sharedStrings[index]! : '';
    }
    case 'inlineStr':
      return cell.inline;
    case 'b':
      return cell.value === '1' ? 'TRUE' : cell.value === '0' ? 'FALSE' : cell.value;
    default:
      // Numbers as stored ('12', '0.5'), formula results (t="str"), errors ('#N/A'), ISO dates (t="d").
      return cell.value;
  }
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

function readWorksheet(archive: ZipArchive, part: string, sheet: string, sharedStrings: readonly string[], sink: SheetSink): void {
  let inSheetData = false;
  let row = 0;
  let column = 0;
  let cell: OpenCell | undefined;
  let capture: 'value' | 'inline' | undefined;
  let inInlineString = false;
  let phonetic = 0;
  let unaddressable = 0;
  const openCell = (tag: NsTag): OpenCell | undefined => {
    const reference = attribute(tag, 'r');
    const address = reference === undefined ? { row, column: column + 1 } : parseCellReference(reference);
    if (!address || address.row > MAX_ROW || address.column > MAX_COLUMN) {
      unaddressable++;
      return undefined;
    }
    row = address.row;
    column = address.column;
    return { row, column, type: attribute(tag, 't') ?? 'n', value: '', inline: '' };
  };
  const failure = readXmlPart(archive, part, (parser) => {
    parser.on('opentag', (tag) => {
      switch (tag.local) {
        case 'sheetData':
          inSheetData = true;
          break;
        case 'row':
          if (!inSheetData) break;
          // `r` may be left out: the row then follows the previous one.
          row = Number(attribute(tag, 'r') ?? row + 1) || row + 1;
          column = 0;
          if (isTrue(attribute(tag, 'hidden')) && row <= MAX_ROW) sink.layout?.({ kind: 'hidden-rows', first: row, last: row });
          break;
        case 'col': {
          const first = Number(attribute(tag, 'min'));
          const last = Math.min(Number(attribute(tag, 'max')), MAX_COLUMN);
          if (!inSheetData && isTrue(attribute(tag, 'hidden')) && Number.isInteger(first) && first >= 1 && last >= first) sink.layout?.({ kind: 'hidden-columns', first, last });
          break;
        }
        case 'mergeCell': {
          const [from, to] = (attribute(tag, 'ref') ?? '').split(':').map(parseCellReference);
          if (from && to && to.row >= from.row && to.column >= from.column) {
            sink.layout?.({ kind: 'merge', firstRow: from.row, firstColumn: from.column, lastRow: to.row, lastColumn: to.column });
          }
          break;
        }
        case 'c':
          if (inSheetData) cell = openCell(tag);
          break;
        case 'v':
          if (cell) capture = 'value';
          break;
        case 'is':
          if (cell) inInlineString = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (cell && inInlineString && phonetic === 0) capture = 'inline';
          break;
      }
    });
    const onText = (text: string) => {
      if (capture === 'value') cell!.value = appendCapped(cell!.value, text);
      else if (capture === 'inline') cell!.inline = appendCapped(cell!.inline, text);
    };
    parser.on('text', onText);
    parser.on('cdata', onText);
    parser.on('closetag', (tag) => {
      switch (tag.local) {
        case 'v':
        case 't':
          capture = undefined;
          break;
        case 'is':
          inInlineString = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (cell) {
            const text = cellText(cell, sharedStrings);
            if (text.trim() !== '') sink.cell(cell.row, cell.column, text);
          }
          cell = undefined;
          capture = undefined;
          break;
        case 'sheetData':
          inSheetData = false;
          break;
      }
    });
  });
  if (failure) malformed(sink, failure, sheet);
  if (unaddressable > 0) {
    sink.problem({
      place: { sheet },
      severity: 'warning',
      code: 'spreadsheet-malformed',
      message: `${unaddressable} cells of sheet "${sheet}" have an address outside ${MAX_COLUMN} columns × ${MAX_ROW} rows or none that can be read; they were skipped.`,
    });
  }
}

/** Reads every worksheet of an XLSX archive into the sink, in the workbook's order. */
export function readXlsx(archive: ZipArchive, sink: SheetSink, budget: ReadBudget): void {
  const workbook = workbookPart(archive, sink);
  if (!archive.has(workbook)) {
    throw new SpreadsheetError('spreadsheet-unreadable', `it has no workbook part (${workbook}), so it is no XLSX workbook`);
  }
  const relationships = readRelationships(archive, workbook, sink);
  const sheets: { name: string; relationship?: string }[] = [];
  const failure = readXmlPart(archive, workbook, (parser) => {
    parser.on('opentag', (tag) => {
      if (tag.local !== 'sheet') return;
      sheets.push({ name: attribute(tag, 'name') ?? `Sheet${sheets.length + 1}`, relationship: attribute(tag, 'id', RELATIONSHIPS_NAMESPACE) });
    });
  });
  if (failure) malformed(sink, failure);

  const sharedStringsPart = [...relationships.values()].find((r) => r.type.endsWith('/sharedStrings'))?.part ?? 'xl/sharedStrings.xml';
  const sharedStrings = archive.has(sharedStringsPart) ? readSharedStrings(archive, sharedStringsPart, sink, budget) : [];

  for (const sheet of sheets) {
    const target = sheet.relationship === undefined ? undefined : relationships.get(sheet.relationship);
    // Chart sheets, dialog sheets and Excel 4 macro sheets are no lists of parts.
    if (target && !target.type.endsWith('/worksheet')) continue;
    sink.startSheet(sheet.name);
    if (!target || !archive.has(target.part)) {
      sink.problem({
        place: { sheet: sheet.name },
        severity: 'error',
        code: 'spreadsheet-malformed',
        message: `Sheet "${sheet.name}" was not read: the workbook points to a part that is not in the file${target ? ` (${target.part})` : ''}.`,
      });
    } else {
      readWorksheet(archive, target.part, sheet.name, sharedStrings, sink);
    }
    sink.endSheet();
  }
}
