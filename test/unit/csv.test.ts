import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { csvFormat, DelimitedRecords, MAX_STRAY_QUOTE_PROBLEMS, headerRole, recordsLayout, sniffDelimiter, splitMakerPart, tokenizeDelimited } from '../../src/core/formats/csv';
import { detectFormat } from '../../src/core/formats/detect';
import type { LineFilter } from '../../src/core/formats/format';
import { tableFields } from '../../src/core/formats/table';
import type { Field } from '../../src/core/model';
import { runOptions } from './fuzzSupport';
import { ROOT } from './helpers';

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

  it('marks the first stray quotes of a file and counts the rest in one problem', () => {
    const rows = Array.from({ length: MAX_STRAY_QUOTE_PROBLEMS + 40 }, (_, i) => `Hua"wei,S57${i}`);
    const text = `Maker,Part\n${rows.join('\n')}\n`;
    const { problems, fields } = csvFormat.parse(text);
    const stray = problems.filter((p) => p.code === 'csv-stray-quote');
    assert.equal(stray.length, MAX_STRAY_QUOTE_PROBLEMS + 1);
    const summary = stray.at(-1)!;
    assert.equal(summary.severity, 'information');
    assert.match(summary.message, new RegExp(`^40 more cells from here on hold stray quotes.*first ${MAX_STRAY_QUOTE_PROBLEMS}`));
    // It stands where the first unmarked quote is; every row is still read.
    assert.equal(summary.start, text.indexOf(rows[MAX_STRAY_QUOTE_PROBLEMS]!) + 'Hua'.length);
    assert.ok(fields.some((f) => f.text === 'S57139'), 'the last row is read');
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

describe('CSV format: messy procurement files', () => {
  const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'boms', name), 'utf8');
  const fieldAt = (fields: Field[], text: string, role?: string) => fields.find((f) => f.text === text && (!role || f.role === role));

  it('reads a two-row header: a group heading over "Name" and "Artikelnummer"', () => {
    const text = fixture('procurement-two-row-header.semicolon.csv');
    const { fields } = csvFormat.parse(text);
    const reseller = fieldAt(fields, 'Ingram Micro')!;
    assert.equal(reseller.role, 'maker');
    assert.deepEqual(reseller.path, ['Hersteller Name']);
    const part = fieldAt(fields, 'ZXR10 5960-56QU-HI')!;
    assert.equal(part.role, 'part');
    assert.equal(part.offset, text.indexOf('ZXR10 5960-56QU-HI'));
    assert.deepEqual(part.row, { row: 7, maker: 'Ingram Micro', part: 'ZXR10 5960-56QU-HI', description: 'Aggregationsschalter „Kern Nord“', quantity: '2' });
    assert.equal(fieldAt(fields, 'Artikelnummer')!.role, 'other', 'the second header row is not an item');
    assert.equal(fieldAt(fields, 'Artikelnummer')!.row, undefined);
  });

  it('uses a group row above the column names without letting it rename columns that have their own role', () => {
    const text = 'Global Part Info,,,Digi-Key,,\nReferences,Manufacturer,Manufacturer P/N,Unit$,Cat#,Purch\nR1 R2,Bourns,CR0603-JW-102ELF,0.006,CR0603-ND,\n';
    const { fields } = csvFormat.parse(text);
    const refs = fieldAt(fields, 'R1 R2')!;
    assert.equal(refs.role, 'other', '"Global Part Info" over "References" does not make it a part column');
    assert.deepEqual(refs.path, ['Global Part Info References']);
    assert.deepEqual(fieldAt(fields, 'CR0603-ND')!.path, ['Digi-Key Cat#']);
    assert.deepEqual(refs.row, { row: 3, maker: 'Bourns', part: 'CR0603-JW-102ELF' }, 'the maker part number wins over the distributor catalogue number');
  });

  it('keeps cells past the header of a ragged row, with an information diagnostic on them', () => {
    const text = fixture('procurement-two-row-header.semicolon.csv');
    const { fields, problems } = csvFormat.parse(text);
    const extra = fieldAt(fields, 'Restposten')!;
    assert.ok(extra, 'nothing is lost');
    assert.equal(extra.role, 'other');
    assert.equal(extra.row?.row, 9);
    const ragged = problems.filter((p) => p.code === 'csv-ragged-row');
    assert.equal(ragged.length, 1, 'short rows are normal; only the row with extra values is reported');
    assert.equal(text.slice(ragged[0]!.start, ragged[0]!.end), 'Restposten');
    assert.equal(ragged[0]!.severity, 'information');
  });

  it('caps ragged-row diagnostics on a long file', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `Huawei,S5720-${i},2,extra`);
    const { problems } = csvFormat.parse(['Manufacturer,Part Number,Qty', ...rows].join('\n'));
    const ragged = problems.filter((p) => p.code === 'csv-ragged-row');
    assert.equal(ragged.length, 11);
    assert.match(ragged.at(-1)!.message, /30 more rows/);
  });

  it('does not treat totals rows or a statistics trailer as items', () => {
    const text = fixture('maker-part-combined.csv');
    const { fields } = csvFormat.parse(text);
    assert.equal(fieldAt(fields, 'Total')!.row, undefined);
    assert.equal(fieldAt(fields, '11 390.60')!.row, undefined);
    assert.equal(fieldAt(fields, 'Line items:')!.row, undefined);
    assert.equal(fieldAt(fields, '4', 'other')?.row, undefined, 'the count under the trailer is not a quantity');
    const semicolon = csvFormat.parse(fixture('procurement-two-row-header.semicolon.csv')).fields;
    assert.equal(fieldAt(semicolon, 'Summe')!.row, undefined);
    const items = new Set(semicolon.filter((f) => f.row).map((f) => f.row!.row));
    assert.deepEqual([...items], [6, 7, 8, 9, 10]);
  });

  it('a totals word inside a part or maker cell does not hide the row', () => {
    const { fields } = csvFormat.parse('Manufacturer,Model,Qty\nTotal Phase,Aardvark I2C,1\n');
    assert.equal(fieldAt(fields, 'Total Phase')!.row?.row, 2);
  });

  it('splits a combined "Mfr/Part" cell into maker and part with exact offsets after non-ASCII text', () => {
    const text = fixture('maker-part-combined.csv');
    const { fields } = csvFormat.parse(text);
    const hik = fieldAt(fields, 'Hikvision')!;
    const line = text.split('\n')[1]!;
    assert.equal(hik.role, 'maker');
    assert.equal(hik.offset, text.indexOf('Hikvision'));
    const part = fieldAt(fields, 'DS-2CD2143G2-IU')!;
    assert.equal(part.role, 'part');
    assert.equal(part.offset - (text.indexOf(line)), line.indexOf('DS-2CD2143G2-IU'));
    assert.deepEqual(part.row, { row: 2, quantity: '4', maker: 'Hikvision', part: 'DS-2CD2143G2-IU', description: '4 MP dome, Außenbereich' });
    assert.equal(fieldAt(fields, 'HUAWEI')!.row?.part, 'S6730-H24X6C');
    assert.deepEqual([fieldAt(fields, '3M')?.role, fieldAt(fields, '5622-4100-ML')?.role], ['maker', 'part']);
  });

  it('splits maker and part with or without a separator', () => {
    const cut = (v: string) => {
      const s = splitMakerPart(v);
      return [s.maker && v.slice(...s.maker), s.part && v.slice(...s.part)];
    };
    assert.deepEqual(cut('SAMTEC - PCIE-098-02-F-D-EM2'), ['SAMTEC', 'PCIE-098-02-F-D-EM2']);
    assert.deepEqual(cut('TE CONNECTIVITY / AMP  826632-3'), ['TE CONNECTIVITY', 'AMP  826632-3']);
    assert.deepEqual(cut(' Zhejiang Dahua Technology IPC-HDW2441T-S '), ['Zhejiang Dahua Technology', 'IPC-HDW2441T-S']);
    assert.deepEqual(cut('ZTE ZXR10 5950-36TM'), ['ZTE', 'ZXR10 5950-36TM']);
    assert.deepEqual(cut('S5720-28X'), [undefined, 'S5720-28X']);
    assert.deepEqual(cut('Huawei'), ['Huawei', undefined]);
    assert.deepEqual(cut('   '), [undefined, undefined]);
  });

  it('infers header roles robustly: distributor columns are weaker, status and lead-time columns are no role', () => {
    assert.equal(headerRole('Mfr/Part'), 'maker-part');
    assert.equal(headerRole('Maker – Part'), 'maker-part');
    assert.equal(headerRole('Manufacturer Part Number'), 'part');
    assert.equal(headerRole('Manufacturer P/N'), 'part');
    assert.equal(headerRole('manf#'), 'part');
    assert.equal(headerRole('LCSC Part #'), 'part');
    assert.equal(headerRole('Part Description'), 'description');
    assert.equal(headerRole('Part Status'), undefined);
    assert.equal(headerRole('Mfg Std Lead Time'), undefined);
    assert.equal(headerRole('Quantity Available'), undefined);
    assert.equal(headerRole('Qty per assembly'), 'quantity');
    assert.equal(headerRole('Menge [Stk.]'), 'quantity');
    assert.equal(headerRole('Ref'), undefined, 'in electronics BOMs "Ref" is the designator');
    assert.equal(headerRole('Lieferant'), 'maker');
    const { fields } = csvFormat.parse('Supplier,Supplier part no,Manufacturer,MPN\nFarnell,1753904,Huawei,S5720-28X\n');
    assert.deepEqual(fieldAt(fields, 'Farnell')!.row, { row: 2, maker: 'Huawei', part: 'S5720-28X' });
  });

  it('picks the header with the most roles, not the first plausible row', () => {
    const text = 'Vendor,Acme Reseller GmbH\nQuote,Q-77\nLine,Manufacturer,Model,Description,Qty\n1,Dahua,IPC-HDW2441T-S,Camera,6\n';
    const { fields } = csvFormat.parse(text);
    assert.equal(fieldAt(fields, 'Acme Reseller GmbH')!.role, 'text');
    assert.equal(fieldAt(fields, 'Dahua')!.role, 'maker');
  });

  it('never throws on malformed input and keeps every non-empty cell', () => {
    const inputs = ['"', '""', '\r\r\n\n', 'sep=', 'sep=;', 'a,"b\n', ',,,\n,,,', '"x"y"z",\u0000,"', 'Manufacturer,MPN\n"Huawei"S5720,""'];
    for (const input of inputs) {
      const parsed = csvFormat.parse(input);
      for (const f of parsed.fields) assert.equal(input.slice(f.offset, f.offset + f.text.length), f.text, JSON.stringify(input));
      for (const p of parsed.problems) assert.ok(p.start <= p.end && p.end <= input.length, JSON.stringify(input));
    }
  });
});

describe('format detection for structured files', () => {
  it('leaves an editor\'s unrelated JSON, YAML and XML alone, but the CLI still searches them as text', () => {
    const manifest = '{ "name": "demo", "keywords": ["huawei"] }';
    assert.equal(detectFormat({ uri: 'file:///p/package.json', languageId: 'json', text: manifest }), 'unrelated');
    assert.equal(detectFormat({ uri: 'file:///p/ci.yaml', languageId: 'yaml', text: 'jobs:\n  build: {}\n' }), 'unrelated');
    assert.equal(detectFormat({ uri: 'file:///p/package.json', text: manifest }), 'text');
    assert.equal(detectFormat({ uri: 'file:///p/device.yaml', languageId: 'yaml', text: 'manufacturer: Huawei\nmodel: S5735-L24P4S-A1\n' }), 'inventory-yaml');
  });
});

// csvFormat.parse makes the cells of the records the analysis wants (and of the header search) only; a
// scan finds every record's counts and problems. Compared with tokenizeDelimited, which makes every cell,
// and with the parse of every record: the result must be theirs.
describe('CSV records made only when wanted', () => {
  /** Every character \s matches (what trim() removes), a few it does not, quotes, delimiters and line ends. */
  const tricky = fc.constantFrom(' ', '\t', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e', '\u200b', '\u0000', '\u001f', 'x', '"', ',', ';', '|', '\n', '\r');
  const cell = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        '', ' ', 'Huawei', 'ZTE Corporation', 'Cisco', 'S5720-28X', '2', '1.5', '  x  ', 'Huawei - S5735', 'Total', 'Totals', 'Sum', 'Grand Total 12', 'Statistics:', ' summary ',
        'Notes', '"Huawei"', '"a,b;c|d\te"', '"say ""hi"""', '"multi\nline"', '"cr\r\nlf"', '""', '" "', '"x"y', '"x" ', '"x"""', 'a"b', 'a"b"c', '"', '"open',
      ),
    },
    { weight: 1, arbitrary: fc.string({ unit: tricky, maxLength: 6 }) },
  );
  const header = fc.constantFrom(
    ['Manufacturer', 'Part Number', 'Qty'],
    ['Item', 'Manufacturer', 'Part Number', 'Description', 'Qty'],
    ['Mfr/Part', 'Description'],
    ['Qty', 'Description', 'Vendor'],
    ['Manufacturer', '', 'Qty'],
    ['Name', 'Part Number', ''],
    ['Digi-Key', '', 'Other Group'],
  );
  const item = fc.tuple(fc.constantFrom('Huawei', 'ZTE', ' '), fc.constantFrom('S5720', ''), fc.constantFrom('2', ''), fc.array(cell, { maxLength: 3 })).map(([m, p, q, more]) => [m, p, q, ...more]);
  const row = fc.oneof({ weight: 1, arbitrary: header }, { weight: 2, arbitrary: item }, { weight: 4, arbitrary: fc.array(cell, { maxLength: 7 }) });
  /** Any rows; or a BOM's: preamble, header, many items (some with cells past the header), a trailer or totals. */
  const rows = fc.oneof(
    fc.array(row, { maxLength: 30 }),
    fc.tuple(fc.array(row, { maxLength: 3 }), header, fc.array(item, { maxLength: 40, size: 'max' }), fc.array(row, { maxLength: 4 })).map(([preamble, names, items, after]) => [...preamble, names, ...items, ...after]),
  );
  const csvText = fc
    .record({
      prefix: fc.constantFrom('', '', '\uFEFF', 'sep=;\n', 'sep=,\r\n', 'sep=|', 'sep="\n', '\uFEFFsep=\t\r'),
      delimiter: fc.constantFrom(',', ';', '\t', '|'),
      rows,
      lineEnd: fc.constantFrom('\n', '\r\n', '\r', 'mixed'),
      end: fc.constantFrom('line break', 'none', 'delimiter'),
    })
    .map(({ prefix, delimiter, rows, lineEnd, end }) => {
      const ends = ['\n', '\r\n', '\r'];
      const text = prefix + rows.map((cells, i) => cells.join(delimiter) + (lineEnd === 'mixed' ? ends[i % 3] : lineEnd)).join('');
      if (end === 'line break' || rows.length === 0) return text;
      const cut = text.replace(/(\r\n|\n|\r)$/, '');
      return end === 'delimiter' ? cut + delimiter : cut;
    });
  /** Which records are wanted, by index: none, all, or a few. */
  const wanted = fc.oneof(fc.constant<'all'>('all'), fc.uniqueArray(fc.nat({ max: 50 }), { maxLength: 8 }));

  /** Wants the records at these indices: it is asked about every record, in order. Remembers what it was asked and answered. */
  function recordFilter(indices: 'all' | number[]): LineFilter & { asked: [number, number, boolean][] } {
    const asked: [number, number, boolean][] = [];
    return {
      asked,
      lastWanted: Number.MAX_SAFE_INTEGER,
      wants(start, end) {
        const yes = indices === 'all' || indices.includes(asked.length);
        asked.push([start, end, yes]);
        return yes;
      },
    };
  }

  it('scans the records tokenizeDelimited makes: their cells on demand, counts, spans and problems', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(',', ';', '\t', '|', '"', 'x'), (text, delimiter) => {
        const { records, problems } = tokenizeDelimited(text, delimiter);
        const scanned = new DelimitedRecords(text, delimiter);
        assert.deepEqual(scanned.problems, problems);
        assert.equal(scanned.length, records.length);
        records.forEach((record, index) => {
          assert.deepEqual(scanned.record(index), record);
          assert.equal(scanned.cellCount(index), record.cells.length);
          assert.equal(scanned.filledCount(index), record.cells.filter((c) => c.value.trim() !== '').length);
          assert.equal(scanned.firstCellStart(index), record.cells[0]!.start);
          assert.equal(scanned.lastCellEnd(index), record.cells.at(-1)!.end);
        });
      }),
      runOptions(),
    );
  });

  it('gives the fields of the wanted records and every problem, as the parse of every record does', () => {
    fc.assert(
      fc.property(csvText, wanted, (text, indices) => {
        const filter = recordFilter(indices);
        const lazy = csvFormat.parse(text, filter);

        // The table over records all made beforehand, asked the same.
        const { delimiter, start } = recordsLayout(text);
        const tokenized = tokenizeDelimited(text, delimiter, start);
        const eagerFilter = recordFilter(indices);
        const eager = tableFields(text, tokenized.records, { reportRaggedRows: true, wantRecord: eagerFilter });
        assert.deepEqual(filter.asked, eagerFilter.asked, 'the filter is asked about the same spans');
        assert.deepEqual(lazy.fields, eager.fields);
        assert.deepEqual(lazy.problems, [...tokenized.problems, ...eager.problems]);

        // The parse of every record: the same problems (ragged rows, trailers and totals decided over all
        // rows), and the same fields where a record was wanted.
        const full = csvFormat.parse(text);
        assert.deepEqual(lazy.problems, full.problems);
        const inWantedRecord = (f: Field) => filter.asked.some(([from, to, yes]) => yes && from <= f.offset && f.offset < to);
        assert.deepEqual(lazy.fields, full.fields.filter(inWantedRecord));
      }),
      runOptions(),
    );
  });
});
