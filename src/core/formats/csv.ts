// Delimited BOM exports (CSV, TSV, semicolon, pipe): RFC 4180 records with exact cell offsets and
// delimiter sniffing (and a `sep=` first line). Header rows, column roles and row context: table.ts.
import { UNKNOWN_DIALECT, type FormatModule, type LineFilter, type ParseProblem, type ParsedDocument } from './format';
import { t } from '../l10n';
import { tableFields, type TableCell, type TableRecord } from './table';

export { headerRole, splitMakerPart, type ColumnRole } from './table';

export type Cell = TableCell;

export interface CsvRecord extends TableRecord {
  /** Offset where the record starts. */
  start: number;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
const SNIFF_LINES = 30;

/** Picks the delimiter whose per-line count (outside quotes) is most consistent over the first lines. */
export function sniffDelimiter(text: string, start = 0): string {
  let best: string = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts: number[] = [];
    let count = 0;
    let quoted = false;
    for (let i = start; i < text.length && counts.length < SNIFF_LINES; i++) {
      const c = text[i];
      if (c === '"') quoted = !quoted;
      else if (!quoted && c === delimiter) count++;
      else if (!quoted && (c === '\n' || c === '\r')) {
        if (c === '\r' && text[i + 1] === '\n') i++;
        counts.push(count);
        count = 0;
      }
    }
    if (count > 0) counts.push(count);
    const frequency = new Map<number, number>();
    for (const n of counts) if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    // Score: how many lines share the most common non-zero count, weighted a little by the count.
    let score = 0;
    for (const [n, lines] of frequency) score = Math.max(score, lines * 10 + Math.min(n, 9));
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

export interface TokenizeResult {
  records: CsvRecord[];
  problems: ParseProblem[];
}

/** Where an unquoted cell (or what follows a closing quote) ends: at the delimiter, a line break or the end. */
function cellEnd(text: string, from: number, delimiterCode: number): number {
  let k = from;
  for (let c = text.charCodeAt(k); k < text.length && c !== delimiterCode && c !== 10 && c !== 13; c = text.charCodeAt(++k));
  return k;
}

/** Splits delimited text into records and cells, tolerating stray quotes (reported, not fatal); stops after `maxRecords`. */
export function tokenizeDelimited(text: string, delimiter: string, start = 0, maxRecords = Infinity): TokenizeResult {
  const delimiterCode = delimiter.charCodeAt(0);
  const records: CsvRecord[] = [];
  const problems: ParseProblem[] = [];
  let cells: Cell[] = [];
  let recordStart = start;
  let i = start;
  const endRecord = () => {
    records.push({ cells, start: recordStart, row: records.length + 1 });
    cells = [];
  };
  while (i <= text.length) {
    if (i === text.length) {
      if (cells.length > 0) endRecord();
      break;
    }
    if (text[i] === '"') {
      const open = i;
      const contentStart = i + 1;
      let j = contentStart;
      let value = '';
      let closed = false;
      // From quote to quote, not character by character: a cell may be megabytes long.
      for (;;) {
        const quote = text.indexOf('"', j);
        if (quote < 0) {
          value += text.slice(j);
          j = text.length;
          break;
        }
        value += text.slice(j, quote);
        j = quote;
        if (text[j + 1] === '"') {
          value += '"';
          j += 2;
          continue;
        }
        closed = true;
        break;
      }
      if (!closed) {
        problems.push({
          start: open,
          end: Math.min(open + 1, text.length),
          severity: 'error',
          code: 'csv-unterminated-quote',
          message: t('This quoted cell is never closed: the rest of the file was read as one cell. Add the closing quote (").'),
        });
        cells.push({ start: contentStart, end: text.length, value });
        endRecord();
        break;
      }
      let contentEnd = j;
      j++; // past the closing quote
      // Text between the closing quote and the delimiter is kept as part of the cell.
      const k = cellEnd(text, j, delimiterCode);
      if (k > j) {
        problems.push({
          start: j - 1,
          end: k,
          severity: 'warning',
          code: 'csv-stray-quote',
          message: t('Text follows the closing quote of this cell; it was kept as part of the cell. Quote the whole cell or double the inner quote ("").'),
        });
        value += text.slice(j, k);
        contentEnd = k;
      }
      cells.push({ start: contentStart, end: contentEnd, value });
      i = k;
    } else {
      const k = cellEnd(text, i, delimiterCode);
      const raw = text.slice(i, k);
      const quote = raw.indexOf('"');
      if (quote >= 0) {
        problems.push({
          start: i + quote,
          end: i + quote + 1,
          severity: 'warning',
          code: 'csv-stray-quote',
          message: t('Stray quote (") inside an unquoted cell; it was read literally. Quote the cell and double the inner quote ("").'),
        });
      }
      cells.push({ start: i, end: k, value: raw });
      i = k;
    }
    // Now at a delimiter, a line break or the end.
    if (i < text.length && text[i] === delimiter) {
      i++;
      continue;
    }
    if (i < text.length && (text[i] === '\n' || text[i] === '\r')) {
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRecord();
      if (records.length >= maxRecords) break;
      recordStart = i;
    }
  }
  return { records, problems };
}

export const csvFormat: FormatModule = {
  id: 'csv',
  parse(text: string, wantRecord?: LineFilter): ParsedDocument {
    let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let delimiter: string | undefined;
    const sep = /^sep=(.)(\r\n|\n|\r|$)/i.exec(text.slice(start, start + 8));
    if (sep) {
      delimiter = sep[1]!;
      start += sep[0].length;
    }
    delimiter ??= sniffDelimiter(text, start);
    const { records, problems } = tokenizeDelimited(text, delimiter, start);
    const table = tableFields(text, records, { reportRaggedRows: true, wantRecord });
    return { fields: table.fields, problems: [...problems, ...table.problems], commentPrefix: undefined, dialect: UNKNOWN_DIALECT };
  },
};
