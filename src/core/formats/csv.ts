// Delimited BOM exports (CSV, TSV, semicolon, pipe): RFC 4180 records with exact cell offsets and
// delimiter sniffing (and a `sep=` first line). Header rows, column roles and row context: table.ts.
// A parse scans every record but makes the cells of only those the table asks for (DelimitedRecords).
import { UNKNOWN_DIALECT, type FormatModule, type LineFilter, type ParseProblem, type ParsedDocument } from './format';
import { t } from '../l10n';
import { tableFields, type TableCell, type TableRecord, type TableRecords } from './table';

export { headerRole, isWeakHeader, splitMakerPart, type ColumnRole } from './table';

export type Cell = TableCell;

export interface CsvRecord extends TableRecord {
  /** Offset where the record starts. */
  start: number;
}

const QUOTE = 34;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

const DELIMITERS = [',', ';', '\t', '|'] as const;
const SNIFF_LINES = 30;

/** Picks the delimiter whose per-line count (outside quotes) is most consistent over the first lines. */
export function sniffDelimiter(text: string, start = 0): string {
  let best: string = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const delimiterCode = delimiter.charCodeAt(0);
    const counts: number[] = [];
    let count = 0;
    let quoted = false;
    for (let i = start; i < text.length && counts.length < SNIFF_LINES; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) quoted = !quoted;
      else if (!quoted && c === delimiterCode) count++;
      else if (!quoted && (c === LINE_FEED || c === CARRIAGE_RETURN)) {
        if (c === CARRIAGE_RETURN && text.charCodeAt(i + 1) === LINE_FEED) i++;
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

// The problems of delimited text, made alike by tokenizeDelimited and by DelimitedRecords' scan.

function unterminatedQuote(open: number): ParseProblem {
  return {
    start: open,
    end: open + 1,
    severity: 'error',
    code: 'csv-unterminated-quote',
    message: t('This quoted cell is never closed: the rest of the file was read as one cell. Add the closing quote (").'),
  };
}

/** Text from the closing quote at `closingQuote` up to `end` (the delimiter or line break). */
function textAfterClosingQuote(closingQuote: number, end: number): ParseProblem {
  return {
    start: closingQuote,
    end,
    severity: 'warning',
    code: 'csv-stray-quote',
    message: t('Text follows the closing quote of this cell; it was kept as part of the cell. Quote the whole cell or double the inner quote ("").'),
  };
}

function quoteInUnquotedCell(quote: number): ParseProblem {
  return {
    start: quote,
    end: quote + 1,
    severity: 'warning',
    code: 'csv-stray-quote',
    message: t('Stray quote (") inside an unquoted cell; it was read literally. Quote the cell and double the inner quote ("").'),
  };
}

/** Where an unquoted cell (or what follows a closing quote) ends: at the delimiter, a line break or the end. */
function cellEnd(text: string, from: number, delimiterCode: number): number {
  let k = from;
  for (let c = text.charCodeAt(k); k < text.length && c !== delimiterCode && c !== LINE_FEED && c !== CARRIAGE_RETURN; c = text.charCodeAt(++k));
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
        problems.push(unterminatedQuote(open));
        cells.push({ start: contentStart, end: text.length, value });
        endRecord();
        break;
      }
      let contentEnd = j;
      j++; // past the closing quote
      // Text between the closing quote and the delimiter is kept as part of the cell.
      const k = cellEnd(text, j, delimiterCode);
      if (k > j) {
        problems.push(textAfterClosingQuote(j - 1, k));
        value += text.slice(j, k);
        contentEnd = k;
      }
      cells.push({ start: contentStart, end: contentEnd, value });
      i = k;
    } else {
      const k = cellEnd(text, i, delimiterCode);
      const raw = text.slice(i, k);
      const quote = raw.indexOf('"');
      if (quote >= 0) problems.push(quoteInUnquotedCell(i + quote));
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

const WHITE_SPACE = /\s/;

/** Whether text[from, to) holds a character that trim() keeps (trim removes exactly what \s matches). */
function holdsValue(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 128) return true;
    if (c <= 32 ? c !== 32 && (c < 9 || c > 13) : !WHITE_SPACE.test(text[i]!)) return true;
  }
  return false;
}

/** Stray quotes marked in one file; the rest are counted in one problem where the first unmarked one is. */
export const MAX_STRAY_QUOTE_PROBLEMS = 100;

/**
 * The records of delimited text as the table reads them. One scan finds where each record is, how many
 * cells it has and how many of them hold a value, and every problem tokenizeDelimited reports, without
 * a string or object per cell; a record's cells are made (by tokenizeDelimited) only when asked for.
 * Most records of a long BOM become no fields, so most are never made.
 */
export class DelimitedRecords implements TableRecords {
  /**
   * The problems of the whole text, as tokenizeDelimited reports them, but stray quotes only up to
   * MAX_STRAY_QUOTE_PROBLEMS and then one problem counting the rest.
   */
  readonly problems: ParseProblem[] = [];
  private strayQuotes = 0;
  private firstUnmarked: ParseProblem | undefined;
  private readonly starts: number[] = [];
  private readonly lastCellEnds: number[] = [];
  private readonly cellCounts: number[] = [];
  private readonly filledCounts: number[] = [];

  constructor(
    private readonly text: string,
    private readonly delimiter: string,
    start = 0,
  ) {
    this.scan(start);
  }

  get length(): number {
    return this.starts.length;
  }

  record(index: number): CsvRecord {
    const record = tokenizeDelimited(this.text, this.delimiter, this.starts[index]!, 1).records[0]!;
    record.row = index + 1;
    return record;
  }

  cellCount(index: number): number {
    return this.cellCounts[index]!;
  }

  filledCount(index: number): number {
    return this.filledCounts[index]!;
  }

  firstCellStart(index: number): number {
    const start = this.starts[index]!;
    return this.text.charCodeAt(start) === QUOTE ? start + 1 : start;
  }

  lastCellEnd(index: number): number {
    return this.lastCellEnds[index]!;
  }

  /** Marked while under the cap; past it only counted (an export that quotes wrongly does so in every row). */
  private strayQuote(problem: ParseProblem): void {
    if (this.strayQuotes++ < MAX_STRAY_QUOTE_PROBLEMS) this.problems.push(problem);
    else this.firstUnmarked ??= problem;
  }

  /** tokenizeDelimited's reading, cell by cell, without its strings and objects. */
  private scan(start: number): void {
    const { text, problems } = this;
    const delimiterCode = this.delimiter.charCodeAt(0);
    let i = start;
    while (i < text.length) {
      const recordStart = i;
      let cells = 0;
      let filled = 0;
      let lastCellEnd = i;
      // One cell per turn, from where it starts to the delimiter, line break or end after it.
      for (;;) {
        let contentEnd: number;
        let hasValue: boolean;
        if (text.charCodeAt(i) === QUOTE) {
          let closing = text.indexOf('"', i + 1);
          while (closing >= 0 && text.charCodeAt(closing + 1) === QUOTE) closing = text.indexOf('"', closing + 2);
          if (closing < 0) {
            // Never closed: the rest of the text is this cell, and the reading ends.
            problems.push(unterminatedQuote(i));
            cells++;
            if (holdsValue(text, i + 1, text.length)) filled++;
            lastCellEnd = text.length;
            i = text.length;
            break;
          }
          const end = cellEnd(text, closing + 1, delimiterCode);
          contentEnd = closing;
          hasValue = holdsValue(text, i + 1, closing);
          if (end > closing + 1) {
            this.strayQuote(textAfterClosingQuote(closing, end));
            contentEnd = end;
            hasValue ||= holdsValue(text, closing + 1, end);
          }
          i = end;
        } else {
          // To the cell's end or a quote in it, whichever comes first: a quote is reported, once per cell.
          let end = i;
          for (let c = text.charCodeAt(end); end < text.length && c !== delimiterCode && c !== LINE_FEED && c !== CARRIAGE_RETURN && c !== QUOTE; c = text.charCodeAt(++end));
          if (end < text.length && text.charCodeAt(end) === QUOTE && delimiterCode !== QUOTE) {
            this.strayQuote(quoteInUnquotedCell(end));
            end = cellEnd(text, end, delimiterCode);
          }
          contentEnd = end;
          hasValue = holdsValue(text, i, end);
          i = end;
        }
        cells++;
        if (hasValue) filled++;
        lastCellEnd = contentEnd;
        if (i < text.length && text.charCodeAt(i) === delimiterCode) {
          i++;
          // A delimiter right at the end of the text starts no cell.
          if (i < text.length) continue;
          break;
        }
        if (i < text.length) i += text.charCodeAt(i) === CARRIAGE_RETURN && text.charCodeAt(i + 1) === LINE_FEED ? 2 : 1;
        break;
      }
      this.starts.push(recordStart);
      this.lastCellEnds.push(lastCellEnd);
      this.cellCounts.push(cells);
      this.filledCounts.push(filled);
    }
    if (this.firstUnmarked) {
      const more = this.strayQuotes - MAX_STRAY_QUOTE_PROBLEMS;
      problems.push({
        ...this.firstUnmarked,
        severity: 'information',
        message: t('{0} more cells from here on hold stray quotes, read the same way; only the first {1} are marked.', more, MAX_STRAY_QUOTE_PROBLEMS),
      });
    }
  }
}

/** Where the records start (after a byte order mark and a `sep=` line) and the delimiter between their cells. */
export function recordsLayout(text: string): { delimiter: string; start: number } {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const sep = /^sep=(.)(\r\n|\n|\r|$)/i.exec(text.slice(start, start + 8));
  if (sep) return { delimiter: sep[1]!, start: start + sep[0].length };
  return { delimiter: sniffDelimiter(text, start), start };
}

export const csvFormat: FormatModule = {
  id: 'csv',
  parse(text: string, wantRecord?: LineFilter): ParsedDocument {
    const { delimiter, start } = recordsLayout(text);
    const records = new DelimitedRecords(text, delimiter, start);
    const table = tableFields(text, records, { reportRaggedRows: true, wantRecord });
    return { fields: table.fields, problems: [...records.problems, ...table.problems], commentPrefix: undefined, dialect: UNKNOWN_DIALECT };
  },
};
