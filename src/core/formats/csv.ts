// Delimited BOM exports (CSV, TSV, semicolon, pipe): RFC 4180 records with exact cell offsets,
// delimiter sniffing (and a `sep=` first line), preamble rows before the header, and header roles.
import type { Field, FieldRole, RowContext } from '../model';
import { UNKNOWN_DIALECT, type FormatModule, type ParseProblem, type ParsedDocument } from './format';
import { t } from '../l10n';

export interface Cell {
  /** Offset of the cell's content (inside quotes when quoted). */
  start: number;
  end: number;
  /** The unescaped value. */
  value: string;
}

export interface CsvRecord {
  cells: Cell[];
  /** Offset where the record starts. */
  start: number;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
const SNIFF_LINES = 30;
const HEADER_SEARCH_ROWS = 20;

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

/** Splits delimited text into records and cells, tolerating stray quotes (reported, not fatal). */
export function tokenizeDelimited(text: string, delimiter: string, start = 0): TokenizeResult {
  const records: CsvRecord[] = [];
  const problems: ParseProblem[] = [];
  let cells: Cell[] = [];
  let recordStart = start;
  let i = start;
  const endRecord = () => {
    records.push({ cells, start: recordStart });
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
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          break;
        }
        value += text[j];
        j++;
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
      let k = j;
      while (k < text.length && text[k] !== delimiter && text[k] !== '\n' && text[k] !== '\r') k++;
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
      let k = i;
      while (k < text.length && text[k] !== delimiter && text[k] !== '\n' && text[k] !== '\r') k++;
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
      recordStart = i;
    }
  }
  return { records, problems };
}

type ColumnRole = Extract<FieldRole, 'maker' | 'part' | 'description' | 'quantity'>;

const EXACT_HEADERS: Record<string, ColumnRole> = {
  manufacturer: 'maker',
  'manufacturer name': 'maker',
  mfr: 'maker',
  'mfr name': 'maker',
  mfg: 'maker',
  manuf: 'maker',
  vendor: 'maker',
  'vendor name': 'maker',
  brand: 'maker',
  make: 'maker',
  maker: 'maker',
  oem: 'maker',
  supplier: 'maker',
  'supplier name': 'maker',
  producer: 'maker',
  mpn: 'part',
  pn: 'part',
  'p n': 'part',
  part: 'part',
  'part number': 'part',
  'part no': 'part',
  'part #': 'part',
  partnumber: 'part',
  sku: 'part',
  model: 'part',
  'model number': 'part',
  'model no': 'part',
  product: 'part',
  'product number': 'part',
  'product code': 'part',
  'catalog number': 'part',
  'item number': 'part',
  'article number': 'part',
  description: 'description',
  desc: 'description',
  'item description': 'description',
  'product description': 'description',
  qty: 'quantity',
  quantity: 'quantity',
  count: 'quantity',
  units: 'quantity',
  // Quotes arrive in the buyer's language too (de, fr, es, it, cs, zh).
  hersteller: 'maker',
  marke: 'maker',
  fabricant: 'maker',
  marque: 'maker',
  fabricante: 'maker',
  marca: 'maker',
  produttore: 'maker',
  výrobce: 'maker',
  značka: 'maker',
  制造商: 'maker',
  厂商: 'maker',
  厂家: 'maker',
  品牌: 'maker',
  artikelnummer: 'part',
  teilenummer: 'part',
  modell: 'part',
  référence: 'part',
  réf: 'part',
  ref: 'part',
  modèle: 'part',
  referencia: 'part',
  modelo: 'part',
  modello: 'part',
  'číslo dílu': 'part',
  typ: 'part',
  型号: 'part',
  bezeichnung: 'description',
  beschreibung: 'description',
  désignation: 'description',
  descripción: 'description',
  descrizione: 'description',
  popis: 'description',
  název: 'description',
  描述: 'description',
  名称: 'description',
  menge: 'quantity',
  anzahl: 'quantity',
  quantité: 'quantity',
  qté: 'quantity',
  cantidad: 'quantity',
  quantità: 'quantity',
  množství: 'quantity',
  počet: 'quantity',
  数量: 'quantity',
};

/** The role a header cell names, if any. */
export function headerRole(header: string): ColumnRole | undefined {
  const h = header
    .toLowerCase()
    .replace(/[_.:/\\()-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (h === '') return undefined;
  const exact = EXACT_HEADERS[h];
  if (exact) return exact;
  const words = h.split(' ');
  const has = (...w: string[]) => w.some((x) => words.includes(x));
  if (has('part', 'pn', 'mpn', 'sku', 'p#') || /\bpart\s*(no|#|number)/.test(h)) return 'part';
  if (has('manufacturer', 'mfr', 'mfg', 'vendor', 'brand', 'oem', 'maker')) return 'maker';
  if (has('model')) return 'part';
  if (has('description', 'desc')) return 'description';
  if (has('qty', 'quantity')) return 'quantity';
  return undefined;
}

interface Header {
  index: number;
  roles: (ColumnRole | undefined)[];
  names: string[];
}

function findHeader(records: CsvRecord[]): Header | undefined {
  const limit = Math.min(records.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const names = records[index]!.cells.map((c) => c.value.trim());
    const roles = names.map(headerRole);
    const distinct = new Set(roles.filter((r) => r !== undefined));
    const numeric = names.filter((n) => /^[\d.,\s$€£-]+$/.test(n) && n !== '').length;
    if ((distinct.size >= 2 || (distinct.has('maker') && names.length > 1)) && numeric === 0) {
      return { index, roles, names };
    }
  }
  return undefined;
}

function rowContext(record: CsvRecord, header: Header, row: number): RowContext {
  const context: RowContext = { row };
  header.roles.forEach((role, column) => {
    const value = record.cells[column]?.value.trim();
    if (!role || !value || context[role] !== undefined) return;
    context[role] = value;
  });
  return context;
}

export const csvFormat: FormatModule = {
  id: 'csv',
  parse(text: string): ParsedDocument {
    let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let delimiter: string | undefined;
    const sep = /^sep=(.)\r?\n/i.exec(text.slice(start, start + 8));
    if (sep) {
      delimiter = sep[1]!;
      start += sep[0].length;
    }
    delimiter ??= sniffDelimiter(text, start);
    const { records, problems } = tokenizeDelimited(text, delimiter, start);
    const header = findHeader(records);
    const fields: Field[] = [];
    records.forEach((record, index) => {
      const isData = header !== undefined && index > header.index;
      const row = isData ? rowContext(record, header, index + 1) : undefined;
      record.cells.forEach((cell, column) => {
        if (cell.value.trim() === '') return;
        const role: FieldRole = isData ? (header.roles[column] ?? 'other') : index === header?.index ? 'other' : 'text';
        const name = header?.names[column];
        fields.push({
          offset: cell.start,
          text: text.slice(cell.start, cell.end),
          role,
          path: isData && name ? [name] : undefined,
          row,
        });
      });
    });
    return { fields, problems, commentPrefix: undefined, dialect: UNKNOWN_DIALECT };
  },
};
