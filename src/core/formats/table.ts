// Tables of cells as bills of materials: delimited text (csv.ts) and the sheets of a spreadsheet
// (spreadsheet.ts) share this. It finds the header row among the first rows (preamble rows above it,
// two-row headers), the role of each column (maker, part, description, quantity, a combined "Mfr/Part"),
// which rows are items (not totals or a statistics trailer), each item's row context, and turns every
// cell into a located field.
import type { CellAddress, Field, FieldRole, RowContext } from '../model';
import type { LineFilter, ParseProblem } from './format';

export interface TableCell {
  /** Offset of the cell's content in the document text (inside quotes when quoted). */
  start: number;
  end: number;
  /** The unescaped value. */
  value: string;
  /** The spreadsheet cell, when the table is a sheet. */
  address?: CellAddress;
}

export interface TableRecord {
  cells: TableCell[];
  /** 1-based row number as a spreadsheet would show it. */
  row: number;
}

/**
 * A table's records by index, for a table that makes a record's cells only when asked for them (delimited
 * text, see DelimitedRecords): most records of a long BOM become no fields, and what the table needs
 * of every record (is it a trailer's first row, has it cells past the header) follows from the counts.
 */
export interface TableRecords {
  readonly length: number;
  record(index: number): TableRecord;
  cellCount(index: number): number;
  /** How many of the record's cells hold a value (not only white space). */
  filledCount(index: number): number;
  /** Where the first cell starts and the last one ends: the span a LineFilter is asked about. Only for a record with cells. */
  firstCellStart(index: number): number;
  lastCellEnd(index: number): number;
}

/** Records made beforehand (a spreadsheet's). */
class RecordList implements TableRecords {
  constructor(private readonly records: readonly TableRecord[]) {}

  get length(): number {
    return this.records.length;
  }

  record(index: number): TableRecord {
    return this.records[index]!;
  }

  cellCount(index: number): number {
    return this.records[index]!.cells.length;
  }

  filledCount(index: number): number {
    return nonEmpty(this.records[index]!).length;
  }

  firstCellStart(index: number): number {
    return this.records[index]!.cells[0]!.start;
  }

  lastCellEnd(index: number): number {
    return this.records[index]!.cells.at(-1)!.end;
  }
}

const HEADER_SEARCH_ROWS = 20;

/** What a column holds. 'maker-part' is a combined "Mfr/Part" column whose cells are split in two. */
export type ColumnRole = Extract<FieldRole, 'maker' | 'part' | 'description' | 'quantity'> | 'maker-part';

const EXACT_HEADERS: Record<string, ColumnRole> = {
  manufacturer: 'maker',
  manufacture: 'maker', // LCSC exports spell it so
  'manufacturer name': 'maker',
  mfr: 'maker',
  'mfr name': 'maker',
  mfg: 'maker',
  manf: 'maker',
  manuf: 'maker',
  vendor: 'maker',
  'vendor name': 'maker',
  brand: 'maker',
  make: 'maker',
  maker: 'maker',
  oem: 'maker',
  supplier: 'maker',
  'supplier name': 'maker',
  distributor: 'maker',
  source: 'maker',
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
  item: 'description',
  'item description': 'description',
  'product description': 'description',
  qty: 'quantity',
  quantity: 'quantity',
  count: 'quantity',
  units: 'quantity',
  // Quotes arrive in the buyer's language too (de, fr, es, it, cs, zh).
  hersteller: 'maker',
  marke: 'maker',
  lieferant: 'maker',
  fabricant: 'maker',
  marque: 'maker',
  fournisseur: 'maker',
  fabricante: 'maker',
  proveedor: 'maker',
  marca: 'maker',
  produttore: 'maker',
  fornitore: 'maker',
  výrobce: 'maker',
  dodavatel: 'maker',
  značka: 'maker',
  制造商: 'maker',
  厂商: 'maker',
  厂家: 'maker',
  品牌: 'maker',
  供应商: 'maker',
  artikelnummer: 'part',
  teilenummer: 'part',
  modell: 'part',
  référence: 'part',
  réf: 'part',
  modèle: 'part',
  referencia: 'part',
  modelo: 'part',
  modello: 'part',
  'číslo dílu': 'part',
  typ: 'part',
  型号: 'part',
  料号: 'part',
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
  stückzahl: 'quantity',
  quantité: 'quantity',
  qté: 'quantity',
  cantidad: 'quantity',
  quantità: 'quantity',
  množství: 'quantity',
  počet: 'quantity',
  数量: 'quantity',
  // Software inventories (Windows "Programs and Features", Lansweeper, osquery) name the maker "Publisher".
  publisher: 'maker',
  // More buyers' languages: pt, pl, nl, ru, uk, tr, vi, ja, ko.
  fornecedor: 'maker',
  quantidade: 'quantity',
  descrição: 'description',
  producent: 'maker',
  dostawca: 'maker',
  ilość: 'quantity',
  opis: 'description',
  fabrikant: 'maker',
  merk: 'maker',
  leverancier: 'maker',
  aantal: 'quantity',
  omschrijving: 'description',
  производитель: 'maker',
  изготовитель: 'maker',
  поставщик: 'maker',
  бренд: 'maker',
  модель: 'part',
  артикул: 'part',
  количество: 'quantity',
  'кол во': 'quantity',
  наименование: 'description',
  описание: 'description',
  виробник: 'maker',
  постачальник: 'maker',
  кількість: 'quantity',
  найменування: 'description',
  üretici: 'maker',
  tedarikçi: 'maker',
  adet: 'quantity',
  miktar: 'quantity',
  açıklama: 'description',
  hãng: 'maker',
  'hãng sản xuất': 'maker',
  'nhà sản xuất': 'maker',
  'số lượng': 'quantity',
  メーカー: 'maker',
  製造元: 'maker',
  型番: 'part',
  品番: 'part',
  品名: 'description',
  제조사: 'maker',
  브랜드: 'maker',
  모델: 'part',
  수량: 'quantity',
  // Exports that drop diacritics (older Czech and Latin American systems). Not "réf"/"référence"/"désignation":
  // unaccented, those are English words for a reference designator.
  vyrobce: 'maker',
  znacka: 'maker',
  'cislo dilu': 'part',
  nazev: 'description',
  mnozstvi: 'quantity',
  pocet: 'quantity',
  modele: 'part',
  quantite: 'quantity',
  descripcion: 'description',
  descricao: 'description',
  ilosc: 'quantity',
  uretici: 'maker',
  aciklama: 'description',
  'nha san xuat': 'maker',
  'so luong': 'quantity',
};

/**
 * Chinese, Japanese and Korean headings run their words together ("规格型号", "生产厂家", "设备型号"): a heading in
 * those scripts takes the role of a term it contains. Part first, as in headerRole; a maker's name ("厂商名称") is the maker.
 */
const UNSPACED_TERMS: [RegExp, ColumnRole][] = [
  [/型号|料号|型番|品番|모델/u, 'part'],
  [/厂商|厂家|制造商|品牌|供应商|供货商|メーカー|製造元|제조사|브랜드/u, 'maker'],
  [/描述|说明|名称|品名/u, 'description'],
  [/数量|수량/u, 'quantity'],
];
/** A heading in Han, kana or Hangul script (no spaces between words). */
const UNSPACED_HEADING = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー\s]+$/u;
/** Headings about price, date or stock, whatever else they name ("单价", "含税单价", "交货期"). */
const UNSPACED_NOT_A_ROLE = /价|價|金额|日期|时间|期|库存|状态|가격|価格|日付/u;

const MAKER_WORDS = [
  'manufacturer', 'manufacture', 'mfr', 'mfg', 'manf', 'vendor', 'brand', 'oem', 'maker', 'make', 'supplier', 'publisher',
  'hersteller', 'fabricant', 'fabricante', 'výrobce', 'vyrobce', 'marca', 'marque', 'marke', 'produttore', 'producent', 'fabrikant', 'merk',
  'производитель', 'изготовитель', 'виробник', 'üretici', 'uretici',
];
const PART_WORDS = ['part', 'pn', 'mpn', 'sku', 'model', 'modell', 'modèle', 'modele', 'modelo', 'modello', 'модель', 'artikelnummer', 'référence', 'p#'];
const DESCRIPTION_WORDS = ['description', 'desc', 'beschreibung', 'bezeichnung', 'désignation', 'descripción', 'descripcion', 'descrição', 'descricao', 'descrizione', 'popis', 'omschrijving', 'описание', 'наименование'];
const QUANTITY_WORDS = ['qty', 'quantity', 'menge', 'anzahl', 'quantité', 'cantidad', 'quantidade', 'quantità', 'množství', 'mnozstvi', 'počet', 'pocet', 'ilość', 'ilosc', 'quantite', 'aantal', 'количество', 'кількість', 'adet', 'miktar'];
/** Columns about a part that are not the part itself: "Part Status", "Mfg Std Lead Time", "Quantity Available". */
const NOT_A_ROLE_WORDS = ['status', 'time', 'lead', 'price', 'cost', 'date', 'available', 'availability', 'stock', 'weeks', 'rohs', 'reach', 'url', 'link', 'datasheet', 'currency', 'weight'];
/**
 * Columns filled by a shop, distributor or the buyer ("Supplier", "Digi-Key Part Number", "User part no"):
 * a true maker or maker's part number column wins over them in the row context.
 */
const WEAK_COLUMN_WORDS = ['supplier', 'vendor', 'distributor', 'source', 'lieferant', 'fournisseur', 'proveedor', 'fornitore', 'dodavatel', '供应商', '供货商', 'fornecedor', 'dostawca', 'leverancier', 'поставщик', 'постачальник', 'tedarikçi', 'user', 'customer', 'internal', 'digikey', 'digi', 'mouser', 'farnell', 'newark', 'lcsc', 'arrow', 'tme', 'rs'];

function normaliseHeader(header: string): string {
  return header
    // JSON keys and some exports join words in camel case: "softwarePublisher", "ManufacturerName".
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .replace(/[_.:/\\()[\]-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Mfr/Part", "Maker – Part", "Brand & Model": one column holding both. "Manufacturer Part Number" is not one. */
const COMBINED_HEADER = /^\s*(manufacturer|manuf|mfr|mfg|maker|make|brand|vendor|oem|hersteller)\.?\s*[/&+–—-]\s*(part|p\/?n|mpn|model|type|typ)\b/i;

/** The role a header cell names, if any. */
export function headerRole(header: string): ColumnRole | undefined {
  if (COMBINED_HEADER.test(header)) return 'maker-part';
  const h = normaliseHeader(header);
  if (h === '') return undefined;
  const exact = EXACT_HEADERS[h];
  if (exact) return exact;
  if (UNSPACED_HEADING.test(h)) return unspacedRole(h);
  const words = h.split(' ');
  const has = (list: string[]) => words.some((w) => list.includes(w));
  if (has(NOT_A_ROLE_WORDS)) return undefined;
  // Part numbers first: "Manufacturer Part Number" and "Supplier part no" name parts, not makers.
  if (/\bpart\s*(no|nr|#|number|num)\b|\bp n\b/.test(h) || has(['pn', 'mpn', 'sku', 'p#']) || words.some((w) => w.length > 1 && w.endsWith('#'))) return 'part';
  if (has(DESCRIPTION_WORDS)) return 'description';
  if (has(MAKER_WORDS)) return 'maker';
  if (has(QUANTITY_WORDS)) return 'quantity';
  if (has(PART_WORDS)) return 'part';
  return undefined;
}

function unspacedRole(heading: string): ColumnRole | undefined {
  if (UNSPACED_NOT_A_ROLE.test(heading)) return undefined;
  return UNSPACED_TERMS.find(([term]) => term.test(heading))?.[1];
}

/** A column filled by a shop, distributor or the buyer ("Supplier", "Digi-Key Part Number"): a maker's own column wins over it. */
export function isWeakHeader(header: string): boolean {
  return normaliseHeader(header)
    .split(' ')
    .some((w) => WEAK_COLUMN_WORDS.includes(w)) || /供应商|供货商/u.test(header);
}

/** Words that only mean something under a group heading ("Manufacturer" over "Name" and "Number"). */
const SUBHEADER_WORDS = new Set(['name', 'number', 'no', 'nr', '#', 'code', 'id', 'p n', 'pn']);

const NUMERIC = /^[\d.,\s'$€£¥%+-]+$/;
// `sub(?:\s*-)?\s*`, not `sub\s*-?\s*`: two \s* around an optional '-' split a run of spaces in n ways.
const TOTALS = /^(grand\s+|sub(?:\s*-)?\s*)?totals?\b|^sum(me)?\b|^gesamt|^zwischensumme|^celkem|^mezisoučet|^total\s|^合计|^总计|^小计/i;
/** A one-cell row like "Statistics:" starts a trailer: what follows describes the list, it is not items. */
const TRAILER_START = /^(statistics|summary|totals?|notes?|created|zusammenfassung|statistik)\s*:?$/i;
const MAX_HEADER_CELL = 60;
const MAX_RAGGED_REPORTS = 10;
/** A row with more cells is data (or junk), never a header: naming each cell's role would cost time for nothing. */
const MAX_HEADER_COLUMNS = 1000;

interface Header {
  /** Index of the first header record: a group row above the column names, or the column names. */
  first: number;
  /** Index of the last header record; data starts after it. */
  index: number;
  roles: (ColumnRole | undefined)[];
  names: string[];
  weak: boolean[];
}

function nonEmpty(record: TableRecord): string[] {
  return record.cells.map((c) => c.value.trim()).filter((v) => v !== '');
}

function headerCandidate(record: TableRecord): { roles: (ColumnRole | undefined)[]; distinct: number } | undefined {
  if (record.cells.length > MAX_HEADER_COLUMNS) return undefined;
  const names = record.cells.map((c) => c.value.trim());
  const filled = names.filter((n) => n !== '');
  if (filled.length < 2) return undefined;
  if (filled.some((n) => NUMERIC.test(n) || n.length > MAX_HEADER_CELL || /https?:|@/.test(n))) return undefined;
  const roles = names.map(headerRole);
  const distinct = new Set(roles.filter((r) => r !== undefined).map((r) => (r === 'maker-part' ? 'maker' : r)));
  if (roles.includes('maker-part')) distinct.add('part');
  return { roles, distinct: distinct.size };
}

/** Repeats a group heading over the empty cells to its right, as a merged spreadsheet cell would show it. */
function fillForward(names: string[]): string[] {
  let current = '';
  return names.map((n) => (n !== '' ? (current = n) : current));
}

/** A row of headings under the header row ("Name", "Part Number" under "Manufacturer"). */
function isContinuation(record: TableRecord | undefined): boolean {
  if (!record) return false;
  const filled = nonEmpty(record);
  return filled.length > 0 && filled.every((v) => !NUMERIC.test(v) && (SUBHEADER_WORDS.has(normaliseHeader(v)) || headerRole(v) !== undefined));
}

/** A group row above the header: few headings spanning several columns ("Digi-Key" over its columns). */
function isGroupRow(record: TableRecord | undefined, header: TableRecord): boolean {
  if (!record) return false;
  const filled = nonEmpty(record);
  return (
    filled.length >= 2 &&
    filled.length < nonEmpty(header).length &&
    filled.every((v) => !NUMERIC.test(v) && v.length <= 40 && !v.includes(':')) &&
    (headerCandidate(record)?.distinct ?? 0) < 2
  );
}

function combineHeadings(upper: string[], lower: string[], width: number): { names: string[]; roles: (ColumnRole | undefined)[] } {
  const above = fillForward(upper);
  const names: string[] = [];
  const roles: (ColumnRole | undefined)[] = [];
  for (let column = 0; column < width; column++) {
    const top = above[column]?.trim() ?? '';
    const bottom = lower[column]?.trim() ?? '';
    const combined = [top, bottom].filter((x) => x !== '').join(' ');
    const own = bottom === '' ? headerRole(top) : headerRole(bottom);
    const generic = bottom === '' || SUBHEADER_WORDS.has(normaliseHeader(bottom));
    names.push(combined);
    roles.push(generic ? (headerRole(combined) ?? own) : own);
  }
  return { names, roles };
}

/** Picks the row naming the most roles among the first rows; earliest wins a tie. Handles two-row headers. */
function findHeader(records: TableRecords): Header | undefined {
  const limit = Math.min(records.length, HEADER_SEARCH_ROWS);
  let best: { index: number; distinct: number } | undefined;
  for (let index = 0; index < limit; index++) {
    const candidate = headerCandidate(records.record(index));
    if (!candidate) continue;
    const good = candidate.distinct >= 2 || (candidate.roles.includes('maker') && candidate.distinct >= 1);
    if (good && (!best || candidate.distinct > best.distinct)) best = { index, distinct: candidate.distinct };
  }
  if (!best) return undefined;
  let index = best.index;
  let first = index;
  const row = records.record(index);
  let width = row.cells.length;
  let upper: string[] = [];
  let lower = row.cells.map((c) => c.value);
  const below = index + 1 < records.length ? records.record(index + 1) : undefined;
  const above = index > 0 ? records.record(index - 1) : undefined;
  if (isContinuation(below)) {
    upper = lower;
    lower = below!.cells.map((c) => c.value);
    width = Math.max(width, lower.length);
    index++;
  } else if (isGroupRow(above, row)) {
    upper = above!.cells.map((c) => c.value);
    first = index - 1;
  }
  const { names, roles } = combineHeadings(upper, lower, width);
  return { first, index, roles, names, weak: names.map(isWeakHeader) };
}

/** Start of the first whitespace-separated token after the first one that contains a digit. */
function firstDigitTokenAfter(value: string, from: number, end: number): number | undefined {
  let i = from;
  while (i < end && !/\s/.test(value[i]!)) i++; // skip the first token: it is the maker's
  while (i < end) {
    while (i < end && /\s/.test(value[i]!)) i++;
    const tokenStart = i;
    let digit = false;
    for (; i < end && !/\s/.test(value[i]!); i++) if (/\d/.test(value[i]!)) digit = true;
    if (digit) return tokenStart;
  }
  return undefined;
}

/** Splits "SAMTEC - PCIE-098", "Huawei – S5720-28X" or "3M 5622-4100-ML" into maker and part, with offsets. */
export function splitMakerPart(value: string): { maker?: [number, number]; part?: [number, number] } {
  const trimmedStart = value.length - value.trimStart().length;
  const end = value.trimEnd().length;
  if (end <= trimmedStart) return {};
  const separator = / [-–—/|:] |: /.exec(value);
  let makerEnd: number;
  let partStart: number;
  if (separator && separator.index > trimmedStart) {
    makerEnd = separator.index;
    partStart = separator.index + separator[0].length;
  } else {
    // No separator: the part starts at the first later token with a digit ("3M 5622-4100-ML").
    const token = firstDigitTokenAfter(value, trimmedStart, end);
    if (token === undefined) return /\d/.test(value) ? { part: [trimmedStart, end] } : { maker: [trimmedStart, end] };
    partStart = token;
    makerEnd = token;
  }
  while (partStart < end && /\s/.test(value[partStart]!)) partStart++;
  const maker: [number, number] = [trimmedStart, value.slice(0, makerEnd).trimEnd().length];
  return partStart < end ? { maker, part: [partStart, end] } : { maker };
}

/** 'other': preamble-like rows after the header (a statistics trailer, rows with no maker, part, description or quantity). */
type RowKind = 'item' | 'totals' | 'other';

/** Whether a row after the header starts a trailer: its only value is "Statistics:" or the like. */
function startsTrailer(records: TableRecords, index: number): boolean {
  return records.filledCount(index) === 1 && TRAILER_START.test(nonEmpty(records.record(index))[0]!);
}

/** The kind of a row after the header and before any trailer. */
function rowKind(record: TableRecord, header: Header): RowKind {
  const holdsItem = record.cells.some((c, column) => {
    const role = header.roles[column];
    return (role === 'maker' || role === 'part' || role === 'maker-part') && c.value.trim() !== '' && !TOTALS.test(c.value.trim());
  });
  if (!holdsItem && nonEmpty(record).some((v) => TOTALS.test(v))) return 'totals';
  if (!record.cells.some((c, column) => header.roles[column] !== undefined && c.value.trim() !== '')) return 'other';
  return 'item';
}

function rowContext(record: TableRecord, header: Header): RowContext {
  const context: RowContext = { row: record.row };
  const weak = { maker: false, part: false };
  const offer = (role: 'maker' | 'part', value: string, isWeak: boolean) => {
    if (context[role] === undefined || (weak[role] && !isWeak)) {
      context[role] = value;
      weak[role] = isWeak;
    }
  };
  header.roles.forEach((role, column) => {
    const cell = record.cells[column];
    const value = cell?.value.trim();
    if (!role || !value) return;
    if (role === 'maker-part') {
      const split = splitMakerPart(cell!.value);
      if (split.maker) offer('maker', cell!.value.slice(...split.maker), false);
      if (split.part) offer('part', cell!.value.slice(...split.part), false);
    } else if (role === 'maker' || role === 'part') {
      offer(role, value, header.weak[column] === true);
    } else if (context[role] === undefined && !(role === 'description' && NUMERIC.test(value))) {
      // A numeric "Item" column is a line number, not the item's description.
      context[role] = value;
    }
  });
  return context;
}

function raggedProblem(record: TableRecord, header: Header, text: string): ParseProblem | undefined {
  const width = header.names.length;
  const extra = record.cells.slice(width).filter((c) => c.value.trim() !== '');
  if (extra.length === 0) return undefined;
  const first = extra[0]!;
  const last = extra[extra.length - 1]!;
  return {
    start: first.start,
    end: Math.min(last.end, text.length),
    severity: 'information',
    code: 'csv-ragged-row',
    message: `This row has ${record.cells.length} cells but the header has ${width}: the values past the last column were kept without a column name. An unquoted delimiter inside a value may have shifted the columns.`,
  };
}


export interface TableOptions {
  /**
   * Mark rows with more cells than the header. In delimited text an unquoted delimiter inside a value
   * shifts the columns; a spreadsheet has no delimiters, and notes right of the table are common there.
   */
  reportRaggedRows: boolean;
  /** Which records to make fields of, by the span of their cells in the text (see LineFilter); all when absent. */
  wantRecord?: LineFilter;
}

/**
 * The fields of every cell (each item's with its row context and column name) and the table's problems.
 * The records come made (a spreadsheet's) or are made when needed (DelimitedRecords).
 */
export function tableFields(text: string, table: TableRecord[] | TableRecords, options: TableOptions): { fields: Field[]; problems: ParseProblem[] } {
  const records = Array.isArray(table) ? new RecordList(table) : table;
  const header = findHeader(records);
  const fields: Field[] = [];
  const problems: ParseProblem[] = [];
  const push = (offset: number, value: string, role: FieldRole, cell: TableCell, path?: string[], row?: RowContext) => {
    if (value.trim() === '') return;
    const field: Field = { offset, text: value, role, path, row };
    if (cell.address) field.cell = cell.address;
    fields.push(field);
  };
  const cellText = (cell: TableCell) => text.slice(cell.start, cell.end);
  let ragged = 0;
  const checkRagged = (record: TableRecord, header: Header) => {
    const problem = options.reportRaggedRows ? raggedProblem(record, header, text) : undefined;
    if (problem && ragged++ < MAX_RAGGED_REPORTS) problems.push(problem);
  };
  // The rows after the header are items, totals rows and other rows; from a trailer's first row on, no row is an item.
  let inTrailer = false;
  for (let index = 0; index < records.length; index++) {
    if (header && index > header.index && !inTrailer) inTrailer = startsTrailer(records, index);
    // The header when this row may be an item.
    const itemHeader = header && index > header.index && !inTrailer ? header : undefined;
    // A record where no evidence can be needs no fields (and no row context); an item's shape is still
    // checked, and only a record with more cells than the header can fail that check.
    if (options.wantRecord && records.cellCount(index) > 0 && !options.wantRecord.wants(records.firstCellStart(index), records.lastCellEnd(index))) {
      if (itemHeader && options.reportRaggedRows && records.cellCount(index) > itemHeader.names.length) {
        const record = records.record(index);
        if (rowKind(record, itemHeader) === 'item') checkRagged(record, itemHeader);
      }
      continue;
    }
    const record = records.record(index);
    if (!itemHeader || rowKind(record, itemHeader) !== 'item') {
      // Preamble, header, totals and trailer rows: still searched, but not items of the list.
      const role: FieldRole = header && index <= header.index && index >= header.first ? 'other' : 'text';
      record.cells.forEach((cell) => push(cell.start, cellText(cell), role, cell));
      continue;
    }
    const row = rowContext(record, itemHeader);
    checkRagged(record, itemHeader);
    record.cells.forEach((cell, column) => {
      const role = itemHeader.roles[column];
      const name = itemHeader.names[column] || undefined;
      const path = name ? [name] : undefined;
      const raw = cellText(cell);
      if (role === 'maker-part') {
        const split = splitMakerPart(raw);
        if (split.maker) push(cell.start + split.maker[0], raw.slice(...split.maker), 'maker', cell, path, row);
        if (split.part) push(cell.start + split.part[0], raw.slice(...split.part), 'part', cell, path, row);
        return;
      }
      push(cell.start, raw, role ?? 'other', cell, path, row);
    });
  }
  if (!header && records.length > 0) {
    const first = records.record(0);
    const start = first.cells[0]?.start ?? 0;
    problems.push({
      start,
      end: Math.min(text.length, Math.max(start + 1, first.cells.at(-1)?.end ?? start)),
      severity: 'information',
      code: 'csv-no-header',
      message: `No header row naming a manufacturer, part or model column was found in the first ${HEADER_SEARCH_ROWS} rows: every cell was searched as plain text, without the row as context.`,
    });
  }
  if (ragged > MAX_RAGGED_REPORTS) {
    problems.push({
      start: 0,
      end: 0,
      severity: 'information',
      code: 'csv-ragged-row',
      message: `${ragged - MAX_RAGGED_REPORTS} more rows have more cells than the header; only the first ${MAX_RAGGED_REPORTS} are marked.`,
    });
  }
  return { fields, problems };
}
