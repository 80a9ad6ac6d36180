// The workbook view's model (src/core/services/workbook.ts): a workbook's sheets and cells for display, its
// findings located by cell with the text editor's hover text, acceptance through the policy file, and broken
// or hostile workbooks turned into problems the view shows.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { analyzeWorkbook, workbookAcceptanceEdit, workbookFileReport, workbookFormatOf } from '../../src/core/services/workbook';
import { parsePolicy } from '../../src/core/knowledge/policy';
import { decodeBase64, encodeBase64 } from '../../src/shared/base64';
import { buildOds, buildXlsx, buildZip, odsEmpty, odsRow, odsText, quoteOds, resellerQuoteXlsx, xlsxMembers } from '../fixtures/boms/spreadsheets';
import { knowledge, languageService } from './helpers';

const WORKSPACE = 'file:///work/site';
const WORKBOOK = `${WORKSPACE}/boms/reseller-quote.xlsx`;
const POLICY = `${WORKSPACE}/.vendorlens.yaml`;
const TODAY = '2026-11-29';
const NOTE = { reason: 'spare kept for the OLT swap', ticket: 'CHG-9', expires: '2027-03-01', by: 'tester', on: TODAY };

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(POLICY, 'yaml', 0, text), edits);
}

describe('workbook view model', () => {
  it('gives each sheet its cells by row and column, and the findings their cells, severity and hover', () => {
    const service = languageService({ profile: 'us-federal' });
    const view = analyzeWorkbook(service, WORKBOOK, resellerQuoteXlsx(), TODAY);
    assert.equal(view.format, 'xlsx');
    assert.deepEqual(view.sheets.map((s) => [s.name, s.rowCount, s.columnCount]), [['Quote', 7, 7]]);
    const row5 = view.sheets[0]!.rows.find(([row]) => row === 5)!;
    assert.deepEqual(row5[1], [[1, '3'], [2, 'Northwind Networks'], [3, 'Aztech'], [4, 'HL113EP'], [5, 'Powerline adapter'], [6, '3'], [7, '0.3']]);
    // Laid out as in the workbook: the merged title, the hidden margin column and notes row.
    const { merges, hiddenRows, hiddenColumns } = view.sheets[0]!;
    assert.deepEqual({ merges, hiddenRows, hiddenColumns }, { merges: [[1, 1, 1, 6]], hiddenRows: [[7, 7]], hiddenColumns: [[7, 7]] });
    assert.deepEqual(
      view.findings.map((f) => [f.place, f.row, f.column, f.data.vendorId, f.severity, f.accepted, f.code]),
      [
        ['Quote!D3', 3, 4, 'huawei', 'error', false, 'flagged-vendor/huawei'],
        ['Quote!E4', 4, 5, 'zte', 'error', false, 'flagged-vendor/zte'],
      ],
    );
    assert.ok(!view.findings.some((f) => f.row === 5), 'the Aztech row is clean');
    const huawei = view.findings[0]!;
    assert.match(huawei.hover, /^\*\*Huawei — flagged vendor\*\*/);
    assert.match(huawei.hover, /NE8000-M8/);
    assert.match(huawei.href ?? '', /^https:\/\//);
    assert.deepEqual(view.problems, []);
  });

  it('escapes file content in the hover text', () => {
    const xlsx = buildXlsx([{ name: 'Parts', cells: { A1: 'Manufacturer', B1: 'Model', A2: 'Huawei <img src=x onerror=alert(1)>', B2: 'x' } }]);
    const service = languageService();
    const view = analyzeWorkbook(service, WORKBOOK, xlsx, TODAY);
    assert.equal(view.findings.length, 1);
    const hover = view.findings[0]!.hover;
    assert.ok(hover.includes('\\<img'), hover);
    assert.ok(!/(^|[^\\])<img/.test(hover), 'markup from a cell is escaped, as in the editor hover');
  });

  it('keeps accepted findings at information level once the policy file accepts them, and accepts through the policy file', () => {
    const bytes = resellerQuoteXlsx();
    const before = languageService({ policy: { uri: POLICY, text: 'schemaVersion: 1\n' } });
    const zte = analyzeWorkbook(before, WORKBOOK, bytes, TODAY).findings.find((f) => f.data.vendorId === 'zte')!;
    const edit = workbookAcceptanceEdit(before, WORKBOOK, bytes, zte.id, NOTE);
    assert.ok(edit?.changes, 'an edit of the policy file');
    assert.deepEqual(Object.keys(edit.changes), [POLICY]);
    const policyText = applyEdits('schemaVersion: 1\n', edit.changes[POLICY]!);
    assert.match(policyText, /acceptances:\n {2}- file: boms\/reseller-quote\.xlsx\n {4}fingerprint: \S+\n {4}vendor: zte\n/);
    assert.match(policyText, /reason: spare kept for the OLT swap\n {4}ticket: CHG-9\n {4}expires: 2027-03-01/);
    assert.deepEqual(parsePolicy({ file: POLICY, text: policyText }, knowledge()).problems, []);

    const after = languageService({ policy: { uri: POLICY, text: policyText } });
    const view = analyzeWorkbook(after, WORKBOOK, bytes, TODAY);
    assert.deepEqual(
      view.findings.map((f) => [f.place, f.accepted, f.severity]),
      [
        ['Quote!D3', false, 'error'],
        ['Quote!E4', true, 'information'],
      ],
    );
    assert.match(view.findings[1]!.hover, /Accepted.*spare kept for the OLT swap/);
    // Accepting it again changes nothing.
    assert.equal(workbookAcceptanceEdit(after, WORKBOOK, bytes, zte.id, NOTE), undefined);
    assert.equal(workbookAcceptanceEdit(after, WORKBOOK, bytes, 'no-such-finding', NOTE), undefined);
  });

  it('creates the policy file when there is none yet', () => {
    const service = languageService({ policy: { uri: POLICY } });
    const bytes = resellerQuoteXlsx();
    const huawei = analyzeWorkbook(service, WORKBOOK, bytes, TODAY).findings[0]!;
    const edit = workbookAcceptanceEdit(service, WORKBOOK, bytes, huawei.id, NOTE);
    assert.deepEqual(edit?.documentChanges?.[0], { kind: 'create', uri: POLICY, options: { ignoreIfExists: true } });
  });

  it('reads ODS by the same path, cells of every sheet placed by their row and column', () => {
    const view = analyzeWorkbook(languageService(), 'file:///w/quote.ods', quoteOds(), TODAY);
    assert.equal(view.format, 'ods');
    assert.deepEqual(view.sheets.map((s) => s.name), ['Parts', 'Spares']);
    assert.deepEqual(view.findings.map((f) => f.place).sort(), ['Parts!B5', 'Parts!B9', 'Spares!D2']);
    assert.equal(view.sheets[1]!.rows.find(([row]) => row === 2)![1][0]![0], 4, 'Spares!D2 after three empty cells');
  });

  it('reads an ODS sheet\'s hidden rows and columns and merged cells, hidden runs joined and bounded by the sheet', () => {
    const table =
      '<table:table table:name="Layout"><table:table-column table:number-columns-repeated="2"/><table:table-column table:visibility="collapse" table:number-columns-repeated="2"/><table:table-column/>' +
      odsRow('<table:table-cell office:value-type="string" table:number-columns-spanned="3" table:number-rows-spanned="2"><text:p>Quote title</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/>' + odsText('x')) +
      odsRow(odsText('a')) +
      '<table:table-row table:visibility="collapse" table:number-rows-repeated="2">' + odsText('hidden') + '</table:table-row>' +
      '<table:table-row table:visibility="collapse">' + odsText('hidden too') + '</table:table-row>' +
      odsRow(odsEmpty(5), 1048570) +
      '</table:table>';
    const view = analyzeWorkbook(languageService(), 'file:///w/layout.ods', buildOds(table), TODAY);
    const { merges, hiddenRows, hiddenColumns, rows } = view.sheets[0]!;
    assert.deepEqual({ merges, hiddenRows, hiddenColumns }, { merges: [[1, 1, 2, 3]], hiddenRows: [[3, 5]], hiddenColumns: [[3, 4]] });
    assert.deepEqual(rows[0], [1, [[1, 'Quote title'], [4, 'x']]]);
  });

  it('shows damaged, encrypted and truncated workbooks as problems, never as an empty success', () => {
    const service = languageService();
    const damaged = analyzeWorkbook(service, WORKBOOK, new TextEncoder().encode('not a workbook at all'), TODAY);
    assert.deepEqual(damaged.problems.map((p) => [p.severity, p.code]), [['error', 'spreadsheet-unreadable']]);
    assert.deepEqual(damaged.sheets, []);

    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set([...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]), 200);
    const encrypted = analyzeWorkbook(service, WORKBOOK, ole, TODAY);
    assert.deepEqual(encrypted.problems.map((p) => p.code), ['spreadsheet-encrypted']);
    assert.match(encrypted.problems[0]!.message, /password-protected/);

    // A sheet whose XML breaks off: what came before is shown, with the problem.
    const truncated = buildZip({ ...xlsxMembers([{ name: 'S', cells: { A1: 'Huawei' } }]), 'xl/worksheets/sheet1.xml': '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Huawei</t></is></c></row><row r="2"><c r=' });
    const partly = analyzeWorkbook(service, WORKBOOK, truncated, TODAY);
    assert.deepEqual(partly.problems.map((p) => [p.code, p.place]), [['spreadsheet-malformed', 'S']]);
    assert.deepEqual(partly.sheets[0]!.rows, [[1, [[1, 'Huawei']]]]);
  });

  it('bounds the cells it hands to the view and counts those left out', () => {
    const cells: Record<string, string> = {};
    for (let row = 1; row <= 50; row++) cells[`A${row}`] = `item ${row} ${'x'.repeat(20)}`;
    const view = analyzeWorkbook(languageService(), WORKBOOK, buildXlsx([{ name: 'Long', cells }]), TODAY, { maxCells: 30, maxCellChars: 8 });
    assert.equal(view.sheets[0]!.rows.length, 30);
    assert.equal(view.cellsOmitted, 20);
    assert.equal(view.sheets[0]!.rows[0]![1][0]![1], 'item 1 x…');
  });

  it('takes the format from the file name, and workbook bytes survive base64 both ways', () => {
    assert.equal(workbookFormatOf('file:///a/b.ODS'), 'ods');
    assert.equal(workbookFormatOf('file:///a/b.xlsm'), 'xlsx');
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    assert.deepEqual(decodeBase64(encodeBase64(bytes)), bytes);
    assert.equal(decodeBase64('not base64 ***'), undefined);
  });

  it('gives the report export the record the CLI makes for the same workbook', () => {
    const report = workbookFileReport(languageService(), WORKBOOK, resellerQuoteXlsx(), 'boms/reseller-quote.xlsx');
    assert.deepEqual(
      report.findings.map((f) => [f.file, f.location, f.line, f.column, f.vendor]),
      [
        ['boms/reseller-quote.xlsx', 'Quote!D3', 3, 4, 'huawei'],
        ['boms/reseller-quote.xlsx', 'Quote!E4', 4, 5, 'zte'],
      ],
    );
  });
});
