// XLSX and ODS workbooks read from bytes in the core: cells, sheets and row context, findings located by
// `Sheet!A1` in every report, and hostile or broken archives turned into problems without a throw.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { columnLetters, formatSheetPlace, parseCellReference, sheetReference } from '../../src/core/formats/spreadsheet/cellAddress';
import { readSpreadsheet, spreadsheetFormatOf } from '../../src/core/formats/spreadsheet/read';
import { DEFAULT_SPREADSHEET_LIMITS, type SpreadsheetLimits } from '../../src/core/formats/spreadsheet/workbook';
import type { Field } from '../../src/core/model';
import { renderReport } from '../../src/core/report/render';
import type { SarifLog } from '../../src/core/report/sarif';
import { summarizeAnalysis, type FileReport } from '../../src/core/report/scanReport';
import type { StreamedFormat } from '../../src/core/report/writers';
import {
  buildOds,
  buildXlsx,
  buildZip,
  odsEmpty,
  odsMembers,
  odsRow,
  odsTable,
  odsText,
  quoteOds,
  quoteXlsx,
  resellerQuoteXlsx,
  xlsxMembers,
} from '../fixtures/boms/spreadsheets';
import { knowledge, languageService, ROOT } from './helpers';
import { assertValidSarif } from './sarifSchema';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'boms');

function where(field: Field): string {
  return formatSheetPlace(field.cell!);
}

function fieldAt(fields: Field[], place: string): Field | undefined {
  return fields.find((f) => where(f) === place);
}

/** Reads and analyses a workbook as the CLI does, into the report record. */
function analyzeWorkbook(bytes: Uint8Array, name: string, limits?: SpreadsheetLimits): FileReport {
  const workbook = readSpreadsheet(bytes, spreadsheetFormatOf(name)!, limits);
  const document = TextDocument.create(`file:///work/${name}`, workbook.format, 1, workbook.text);
  const analysis = languageService().analyzePrepared(document, { format: workbook.format, parsed: workbook.parsed });
  return summarizeAnalysis(knowledge(), name, document, analysis);
}

function located(report: FileReport): { vendor: string; location?: string; line: number; column: number; endColumn: number }[] {
  return report.findings.map((f) => ({ vendor: f.vendor, location: f.location, line: f.line, column: f.column, endColumn: f.endColumn }));
}

/** Offsets of the central-directory header of `member` in a ZIP built by buildZip. */
function centralHeader(zip: Uint8Array, member: string): number {
  const name = new TextEncoder().encode(member);
  for (let at = zip.length - 22; at >= 0; at--) {
    if (zip[at] === 0x50 && zip[at + 1] === 0x4b && zip[at + 2] === 1 && zip[at + 3] === 2) {
      const view = new DataView(zip.buffer, zip.byteOffset);
      const length = view.getUint16(at + 28, true);
      if (length === name.length && name.every((b, i) => zip[at + 46 + i] === b)) return at;
    }
  }
  throw new Error(`${member} not in the archive`);
}

/** A copy of `zip` with a 16- or 32-bit field of `member`'s central-directory header replaced. */
function patched(zip: Uint8Array, member: string, field: 'flags' | 'method' | 'crc' | 'compressedSize' | 'uncompressedSize', value: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const at = centralHeader(copy, member);
  const offsets = { flags: 8, method: 10, crc: 16, compressedSize: 20, uncompressedSize: 24 } as const;
  if (field === 'flags' || field === 'method') view.setUint16(at + offsets[field], value, true);
  else view.setUint32(at + offsets[field], value, true);
  return copy;
}

function codes(bytes: Uint8Array, name = 'q.xlsx', limits?: SpreadsheetLimits): string[] {
  return readSpreadsheet(bytes, spreadsheetFormatOf(name)!, limits).parsed.problems.map((p) => p.code);
}

describe('spreadsheet cell addresses', () => {
  it('writes columns as letters and sheets as formulas do', () => {
    assert.deepEqual([1, 26, 27, 52, 702, 703, 16384].map(columnLetters), ['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA', 'XFD']);
    assert.deepEqual(parseCellReference('B7'), { row: 7, column: 2 });
    assert.deepEqual(parseCellReference('XFD1048576'), { row: 1048576, column: 16384 });
    assert.equal(parseCellReference('$B$7'), undefined);
    assert.equal(parseCellReference('B0'), undefined);
    assert.equal(sheetReference('Parts'), 'Parts');
    assert.equal(sheetReference('Package Info'), "'Package Info'");
    assert.equal(sheetReference("Bob's parts"), "'Bob''s parts'");
    assert.equal(sheetReference('A1'), "'A1'", 'a name that reads as a cell is quoted');
    assert.equal(formatSheetPlace({ sheet: 'Parts', row: 7, column: 2 }), 'Parts!B7');
    assert.equal(formatSheetPlace({ sheet: 'Parts' }), 'Parts');
  });

  it('knows spreadsheets by extension', () => {
    assert.equal(spreadsheetFormatOf('boms/Quote.XLSX'), 'xlsx');
    assert.equal(spreadsheetFormatOf('macro.xlsm'), 'xlsx');
    assert.equal(spreadsheetFormatOf('bom.ods'), 'ods');
    assert.equal(spreadsheetFormatOf('old.xls'), undefined);
    assert.equal(spreadsheetFormatOf('quote.csv'), undefined);
  });
});

describe('XLSX format', () => {
  it('reads shared, rich-text and inline strings and numbers, sheet by sheet, each cell at its address', () => {
    const { format, parsed, text } = readSpreadsheet(quoteXlsx(), 'xlsx');
    assert.equal(format, 'xlsx');
    assert.deepEqual(parsed.problems, []);
    assert.equal(fieldAt(parsed.fields, 'Cover!A1')!.text, 'Branch refresh: quote Q-2026-114');
    assert.equal(fieldAt(parsed.fields, 'Parts!A2')!.text, 'Valid until 2026-12-31', 'inline string');
    assert.equal(fieldAt(parsed.fields, 'Parts!B6')!.text, 'Hikvision', 'rich text runs joined');
    assert.equal(fieldAt(parsed.fields, 'Parts!E6')!.text, '12', 'number');
    assert.equal(fieldAt(parsed.fields, 'Notes!B2')!.text, 'Keep the ZTE ZXR10 5960-56QU-HI spare until the OLT swap');
    for (const field of parsed.fields) assert.equal(text.slice(field.offset, field.offset + field.text.length), field.text, 'offsets point into the text view');
  });

  it('finds the header below the preamble and gives each item its row context', () => {
    const { parsed } = readSpreadsheet(quoteXlsx(), 'xlsx');
    assert.equal(fieldAt(parsed.fields, 'Parts!A1')!.role, 'text', 'preamble');
    assert.equal(fieldAt(parsed.fields, 'Parts!B4')!.role, 'other', 'header');
    const maker = fieldAt(parsed.fields, 'Parts!B8')!;
    assert.equal(maker.role, 'maker');
    assert.deepEqual(maker.path, ['Manufacturer']);
    assert.deepEqual(maker.row, { row: 8, maker: 'Huawei', part: 'NE8000-M8', description: 'Aggregation router', quantity: '2' });
    assert.equal(fieldAt(parsed.fields, 'Parts!D10')!.role, 'text', 'the totals row is no item');
    assert.equal(fieldAt(parsed.fields, 'Cover!A1')!.row, undefined, 'a sheet without a header has no items');
  });

  it('finds Hikvision, Huawei and ZTE at their cells, and nothing for Aztech', () => {
    const report = analyzeWorkbook(quoteXlsx(), 'quote.xlsx');
    assert.deepEqual(located(report), [
      { vendor: 'hikvision', location: 'Parts!B6', line: 6, column: 2, endColumn: 3 },
      { vendor: 'huawei', location: 'Parts!B8', line: 8, column: 2, endColumn: 3 },
      { vendor: 'zte', location: 'Notes!B2', line: 2, column: 2, endColumn: 3 },
    ]);
    assert.equal(report.document!.format, 'xlsx');
    assert.deepEqual(report.problems, []);
    assert.match(report.findings[1]!.excerpt, /Huawei/);
  });

  it('leaves out phonetic guides, reads cells without addresses in order, and prefixed or strict XML alike', () => {
    const members = xlsxMembers([{ name: 'Parts', cells: { A1: 'Maker', B1: 'Part' } }], {
      0:
        '<x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:sheetData>' +
        '<x:row r="1"><x:c t="inlineStr"><x:is><x:t>Maker</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Part</x:t></x:is></x:c></x:row>' +
        '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>華為</x:t></x:r><x:rPh sb="0" eb="2"><x:t>ファーウェイ</x:t></x:rPh><x:t>Huawei</x:t></x:is></x:c><x:c t="str"><x:f>A1</x:f><x:v>S5720</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>' +
        '</x:sheetData></x:worksheet>',
    });
    const { parsed } = readSpreadsheet(buildZip(members), 'xlsx');
    assert.equal(fieldAt(parsed.fields, 'Parts!A2')!.text, '華為Huawei');
    assert.equal(fieldAt(parsed.fields, 'Parts!B2')!.text, 'S5720', 'a formula result, not the formula');
    assert.equal(fieldAt(parsed.fields, 'Parts!C2')!.text, 'TRUE');
    assert.ok(!parsed.fields.some((f) => f.text.includes('ファーウェイ')));
  });

  it('reads an ODS saved under an .xlsx name by its content', () => {
    assert.equal(readSpreadsheet(quoteOds(), 'xlsx').format, 'ods');
  });
});

describe('ODS format', () => {
  it('expands repeated rows and cells, skips empty runs, and reads paragraphs, spaces and several sheets', () => {
    const { format, parsed } = readSpreadsheet(quoteOds(), 'ods');
    assert.equal(format, 'ods');
    assert.deepEqual(parsed.problems, []);
    assert.equal(fieldAt(parsed.fields, 'Parts!A1')!.text, 'Quote Q-2026-114');
    assert.equal(fieldAt(parsed.fields, 'Parts!B4')!.text, 'Manufacturer', 'two repeated empty rows before the header');
    assert.equal(fieldAt(parsed.fields, 'Parts!B6')!.text, 'Aztech');
    assert.equal(fieldAt(parsed.fields, 'Parts!B7')!.text, 'Aztech', 'the repeated row');
    assert.deepEqual(fieldAt(parsed.fields, 'Parts!B7')!.row, { row: 7, maker: 'Aztech', part: 'HL113EP', description: 'Powerline adapter', quantity: '3' });
    assert.equal(fieldAt(parsed.fields, 'Parts!C9')!.text, 'NE8000-M8', 'the comment is not the value');
    assert.equal(fieldAt(parsed.fields, 'Spares!D2')!.text, 'ZTE ZXR10  5960-56QU-HI keep until the OLT swap', 'after three repeated empty cells');
    assert.ok(!parsed.fields.some((f) => f.text.includes('offered')));
    assert.ok(parsed.fields.every((f) => f.cell!.row <= 9 || f.cell!.sheet === 'Spares'), 'the million empty rows add nothing');
  });

  it('finds Hikvision, Huawei and ZTE at their cells, and nothing for Aztech or the comment', () => {
    assert.deepEqual(located(analyzeWorkbook(quoteOds(), 'quote.ods')), [
      { vendor: 'hikvision', location: 'Parts!B5', line: 5, column: 2, endColumn: 3 },
      { vendor: 'huawei', location: 'Parts!B9', line: 9, column: 2, endColumn: 3 },
      { vendor: 'zte', location: 'Spares!D2', line: 2, column: 4, endColumn: 5 },
    ]);
  });

  it('cuts a repeated run at the sheet edge and stops a repeat bomb at the cell budget', () => {
    const wide = buildOds(odsTable('Wide', odsRow(odsEmpty(16380) + odsText('Huawei', 100))));
    const cells = readSpreadsheet(wide, 'ods').parsed.fields.map(where);
    assert.deepEqual([cells.length, cells[0], cells.at(-1)], [4, 'Wide!XFA1', 'Wide!XFD1']);

    const bomb = buildOds(odsTable('Bomb', odsRow(odsText('Huawei', 16384), 1048576)));
    const limits = { ...DEFAULT_SPREADSHEET_LIMITS, maxCells: 100_000 };
    const { parsed } = readSpreadsheet(bomb, 'ods', limits);
    assert.deepEqual(parsed.problems.map((p) => p.code), ['spreadsheet-too-large']);
    assert.match(parsed.problems[0]!.message, /more than 100,000 cells.*The cells read before that were checked/);
    assert.ok(parsed.fields.length > 0 && parsed.fields.length <= 100_000);
  });

  it('says an encrypted ODS is password-protected', () => {
    const manifest =
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">' +
      '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry>';
    const { parsed } = readSpreadsheet(buildZip({ ...odsMembers('', manifest), 'content.xml': 'encrypted bytes, not XML' }, ['mimetype']), 'ods');
    assert.deepEqual(parsed.problems.map((p) => p.code), ['spreadsheet-encrypted']);
    assert.match(parsed.problems[0]!.message, /password-protected/);
  });
});

describe('spreadsheet fixtures', () => {
  it('are what make-spreadsheets.ts writes', () => {
    assert.deepEqual(new Uint8Array(readFileSync(join(FIXTURES, 'branch-refresh-quote.xlsx'))), quoteXlsx());
    assert.deepEqual(new Uint8Array(readFileSync(join(FIXTURES, 'branch-refresh-quote.ods'))), quoteOds());
    assert.deepEqual(new Uint8Array(readFileSync(join(FIXTURES, 'reseller-quote.xlsx'))), resellerQuoteXlsx());
  });
});

describe('spreadsheet reports', () => {
  const records = [analyzeWorkbook(quoteXlsx(), 'boms/quote.xlsx')];
  const render = (format: StreamedFormat) => renderReport(format, records, { kb: knowledge(), profiles: [knowledge().profileById.get('global')!], toolVersion: '9.9.9', generatedOn: '2026-11-29' });

  it('JSON adds location and keeps line and column as the cell row and column', () => {
    const json = JSON.parse(render('json'));
    assert.deepEqual(
      { ...json.findings[0], message: undefined, fingerprint: undefined, advisories: undefined },
      {
        file: 'boms/quote.xlsx',
        line: 6,
        column: 2,
        endLine: 6,
        endColumn: 3,
        location: 'Parts!B6',
        vendor: 'hikvision',
        kind: 'vendor-name',
        confidence: 'high',
        severity: json.findings[0]!.severity,
        message: undefined,
        advisories: undefined,
        accepted: false,
        fingerprint: undefined,
        // Added with devices and products as the unit: the row the finding is about, and the matcher's account.
        subject: { kind: 'bom-item', identifiers: { row: 6, model: 'DS-2CD2143G2-IU' } },
        detail: 'brand given as the maker',
      },
    );
    assert.deepEqual(json.documents, [{ file: 'boms/quote.xlsx', format: 'xlsx', dialect: 'unknown' }]);
  });

  it('SARIF keeps a physical region (row, column), names the cell and leads the message with it', () => {
    const log = JSON.parse(render('sarif')) as SarifLog;
    assertValidSarif(log);
    const result = log.runs[0]!.results[0]!;
    assert.deepEqual(result.locations[0]!.physicalLocation.region, { startLine: 6, startColumn: 2, endLine: 6, endColumn: 3 });
    assert.deepEqual(result.locations[0]!.logicalLocations, [{ name: 'B6', fullyQualifiedName: 'Parts!B6' }]);
    assert.match(result.message.text, /^Parts!B6: Hikvision/);
  });

  it('text, Markdown and CSV show the cell', () => {
    assert.match(render('text'), /^ {2}Parts!B6 {2}.*Hikvision/m);
    assert.match(render('text'), /^ {2}Notes!B2 {2}/m);
    assert.match(render('markdown'), /\| Parts\\!B8 \|/);
    const csv = render('csv').split('\r\n');
    assert.ok(csv[0]!.endsWith(',location'));
    assert.ok(csv[1]!.endsWith(',Parts!B6'));
  });
});

describe('hostile and broken spreadsheets', () => {
  it('never throws: not a ZIP, truncated, an old .xls, an encrypted workbook, or bytes flipped anywhere', () => {
    const notZip = readSpreadsheet(new TextEncoder().encode('Manufacturer,Part\nHuawei,S5720\n'), 'xlsx').parsed.problems;
    assert.deepEqual(notZip.map((p) => p.code), ['spreadsheet-unreadable']);
    assert.match(notZip[0]!.message, /^This XLSX file cannot be read: it is not a ZIP archive/);

    const xlsx = quoteXlsx();
    assert.deepEqual(codes(xlsx.slice(0, xlsx.length / 2)), ['spreadsheet-unreadable']);

    const compound = new Uint8Array(4096);
    compound.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    assert.match(readSpreadsheet(compound, 'xlsx').parsed.problems[0]!.message, /old Excel 97–2003/);
    compound.set([...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]), 1024);
    const encrypted = readSpreadsheet(compound, 'xlsx').parsed.problems;
    assert.deepEqual(encrypted.map((p) => p.code), ['spreadsheet-encrypted']);
    assert.match(encrypted[0]!.message, /password-protected \(encrypted\)\. Scan a copy saved without a password/);

    for (const source of [xlsx, quoteOds()]) {
      for (let at = 0; at < source.length; at += 7) {
        const damaged = source.slice();
        damaged[at] ^= 0x5a;
        readSpreadsheet(damaged, 'xlsx');
      }
    }
  });

  it('checks each member: CRC, compression method, encryption flag and a ZIP64 size without its field', () => {
    const xlsx = quoteXlsx();
    const sheet = 'xl/worksheets/sheet2.xml';
    const crc = readSpreadsheet(patched(xlsx, sheet, 'crc', 0x12345678), 'xlsx').parsed;
    assert.deepEqual(crc.problems.map((p) => p.code), ['spreadsheet-unreadable']);
    assert.match(crc.problems[0]!.message, /xl\/worksheets\/sheet2\.xml fails its CRC-32 check\. The cells read before that were checked\./);
    assert.ok(fieldAt(crc.fields, 'Cover!A1'), 'the sheet before it was read');
    assert.deepEqual(codes(patched(xlsx, sheet, 'method', 14)), ['spreadsheet-unreadable']);
    assert.deepEqual(codes(patched(xlsx, sheet, 'flags', 1)), ['spreadsheet-encrypted']);
    // The archive that sent fflate's own unzip into an endless loop (GHSA-px8p-9vwx-vf98): here a problem.
    assert.deepEqual(codes(patched(xlsx, sheet, 'compressedSize', 0xffffffff)), ['spreadsheet-unreadable']);
  });

  it('stops zip bombs: declared sizes over the budget, members inflating past their size, the budget itself, too many entries', () => {
    const xlsx = quoteXlsx();
    const sheet = 'xl/worksheets/sheet2.xml';
    const declared = readSpreadsheet(patched(xlsx, sheet, 'uncompressedSize', 0x7fffffff), 'xlsx').parsed.problems;
    assert.deepEqual(declared.map((p) => p.code), ['spreadsheet-too-large']);
    assert.match(declared[0]!.message, /declares 2147483647 bytes inflated, more than is left of the 256 MiB.*zip bomb/);

    const lying = readSpreadsheet(patched(xlsx, sheet, 'uncompressedSize', 100), 'xlsx').parsed.problems;
    assert.match(lying[0]!.message, /inflates past its declared size of 100 bytes/);

    // 3 MB of rows, honestly declared, against a 1 MiB budget: refused before inflating.
    const sheetOf = (rows: number) =>
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Huawei S5720 ${'x'.repeat(100)}</t></is></c></row>`).join('') +
      '</sheetData></worksheet>';
    const small = { ...DEFAULT_SPREADSHEET_LIMITS, maxInflatedBytes: 1024 * 1024 };
    const stopped = readSpreadsheet(buildXlsx([{ name: 'Big', cells: {} }], { 0: sheetOf(20_000) }), 'xlsx', small).parsed;
    assert.deepEqual(stopped.problems.map((p) => p.code), ['spreadsheet-too-large']);
    assert.match(stopped.problems[0]!.message, /sheet1\.xml declares \d+ bytes inflated, more than is left of the 1 MiB/);

    // Fifty sheets pointing at one 300 kB part: each read counts against the same budget; the first sheets stay.
    const members = xlsxMembers(Array.from({ length: 50 }, (_, i) => ({ name: `S${i}`, cells: {} })));
    members['xl/_rels/workbook.xml.rels'] = members['xl/_rels/workbook.xml.rels']!.replace(/worksheets\/sheet\d+\.xml/g, 'worksheets/sheet1.xml');
    members['xl/worksheets/sheet1.xml'] = sheetOf(2000);
    const shared = readSpreadsheet(buildZip(members), 'xlsx', small).parsed;
    assert.deepEqual(shared.problems.map((p) => p.code), ['spreadsheet-too-large']);
    assert.match(shared.problems[0]!.message, /The cells read before that were checked\.$/);
    const sheetsRead = [...new Set(shared.fields.map((f) => f.cell!.sheet))];
    assert.ok(sheetsRead.length >= 2 && sheetsRead.length < 5, sheetsRead.join());

    assert.deepEqual(codes(xlsx, 'q.xlsx', { ...DEFAULT_SPREADSHEET_LIMITS, maxEntries: 3 }), ['spreadsheet-too-large']);
  });

  it('refuses a DTD (no entity is ever expanded) and keeps the cells before malformed XML', () => {
    const xxe = buildXlsx([{ name: 'Parts', cells: {} }], {
      0: '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY a "Huawei">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a; &x;</t></is></c></row></sheetData></worksheet>',
    });
    const refused = readSpreadsheet(xxe, 'xlsx').parsed;
    assert.deepEqual(refused.fields, []);
    assert.deepEqual(refused.problems.map((p) => [p.code, p.place]), [['spreadsheet-malformed', { sheet: 'Parts' }]]);
    assert.match(refused.problems[0]!.message, /document type declaration/);

    const broken = buildXlsx([{ name: 'Parts', cells: {} }], {
      0: '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ZTE</t></is></c></row><row r="2"><c r="A2"></row></sheetData></worksheet>',
    });
    const partial = readSpreadsheet(broken, 'xlsx').parsed;
    assert.equal(fieldAt(partial.fields, 'Parts!A1')!.text, 'ZTE');
    assert.deepEqual(partial.problems.map((p) => p.code), ['spreadsheet-malformed']);
    assert.match(partial.problems[0]!.message, /sheet "Parts" \(xl\/worksheets\/sheet1\.xml\) is malformed at line 1, column \d+: .*What came before it was read\./);
    assert.doesNotMatch(partial.problems[0]!.message, /\.\./, 'one full stop between sentences (probe L13)');
  });

  it('reports a workbook-level problem at no cell, and a sheet problem at its sheet', () => {
    const report = analyzeWorkbook(new Uint8Array([1, 2, 3]), 'bad.xlsx');
    assert.deepEqual(report.problems.map((p) => [p.code, p.line, p.column, p.location]), [['spreadsheet-unreadable', 0, 0, undefined]]);
    const missing = xlsxMembers([{ name: 'Parts', cells: { A1: 'x' } }]);
    delete missing['xl/worksheets/sheet1.xml'];
    const sheetProblem = analyzeWorkbook(buildZip(missing), 'missing.xlsx').problems;
    assert.deepEqual(sheetProblem.map((p) => [p.code, p.line, p.location]), [['spreadsheet-malformed', 0, 'Parts']]);
  });
});
