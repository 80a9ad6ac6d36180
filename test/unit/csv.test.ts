import { strict as assert } from 'node:assert';
import { csvFormat, headerRole, sniffDelimiter, tokenizeDelimited } from '../../src/core/formats/csv';
import { detectFormat } from '../../src/core/formats/detect';

describe('CSV format', () => {
  it('sniffs comma, semicolon, tab and pipe delimiters, ignoring quoted ones', () => {
    assert.equal(sniffDelimiter('a,b,c\n1,2,3\n'), ',');
    assert.equal(sniffDelimiter('a;b;c\n"1,5";2;3\n4;5;6\n'), ';');
    assert.equal(sniffDelimiter('a\tb\tc\n1\t2\t3\n'), '\t');
    assert.equal(sniffDelimiter('a|b\n1|2\n'), '|');
  });

  it('keeps exact cell offsets for quoted, escaped and multi-line cells', () => {
    const text = 'Maker,Part\r\n"Huawei","AR6280 ""S"""\n"multi\nline",x\n';
    const { records, problems } = tokenizeDelimited(text, ',');
    assert.deepEqual(problems, []);
    assert.equal(records.length, 3);
    const [maker, part] = records[1]!.cells;
    assert.equal(text.slice(maker!.start, maker!.end), 'Huawei');
    assert.equal(part!.value, 'AR6280 "S"');
    assert.equal(records[2]!.cells[0]!.value, 'multi\nline');
    assert.equal(records[2]!.cells[1]!.value, 'x');
  });

  it('tolerates stray and unterminated quotes with a located problem', () => {
    const stray = tokenizeDelimited('Maker,Part\nHua"wei,x\n', ',');
    assert.equal(stray.problems.length, 1);
    assert.equal(stray.problems[0]!.code, 'csv-stray-quote');
    assert.equal(stray.problems[0]!.start, 'Maker,Part\nHua'.length);
    assert.equal(stray.records[1]!.cells[0]!.value, 'Hua"wei');

    const open = tokenizeDelimited('Maker,Part\n"Huawei,x\nZTE,y\n', ',');
    assert.equal(open.problems[0]!.code, 'csv-unterminated-quote');
    assert.ok(open.records[1]!.cells[0]!.value.includes('ZTE'), 'the rest of the file is kept, not lost');
  });

  it('recognises header roles in any order and spelling', () => {
    assert.equal(headerRole('Manufacturer'), 'maker');
    assert.equal(headerRole('Mfr.'), 'maker');
    assert.equal(headerRole('OEM'), 'maker');
    assert.equal(headerRole('Manufacturer Part Number'), 'part');
    assert.equal(headerRole('MPN'), 'part');
    assert.equal(headerRole('Item Description'), 'description');
    assert.equal(headerRole('Qty'), 'quantity');
    assert.equal(headerRole('Unit Price (EUR)'), undefined);
  });

  it('finds the header after preamble rows and gives each cell its column role and row', () => {
    const text = '\uFEFFsep=;\nQuote 17;;\nQty;Description;Vendor\n2;Switch;Huawei\n';
    const parsed = csvFormat.parse(text);
    const maker = parsed.fields.find((f) => f.text === 'Huawei')!;
    assert.equal(maker.role, 'maker');
    assert.equal(maker.offset, text.indexOf('Huawei'));
    assert.deepEqual(maker.row, { row: 3, maker: 'Huawei', description: 'Switch', quantity: '2' });
    assert.equal(parsed.fields.find((f) => f.text === 'Quote 17')!.role, 'text');
    assert.equal(parsed.commentPrefix, undefined);
  });

  it('is chosen by extension, language id, or a header row in unnamed text', () => {
    assert.equal(detectFormat({ uri: 'file:///q/quote.CSV', text: 'x' }), 'csv');
    assert.equal(detectFormat({ uri: 'untitled:1', languageId: 'csv', text: 'x' }), 'csv');
    assert.equal(detectFormat({ uri: 'untitled:2', languageId: 'plaintext', text: 'Manufacturer,MPN,Qty\nHuawei,S5735,2\n' }), 'csv');
    assert.equal(detectFormat({ uri: 'file:///c/router.cfg', languageId: 'plaintext', text: 'hostname r1\ninterface Gi0/1\n' }), 'text');
  });
});
