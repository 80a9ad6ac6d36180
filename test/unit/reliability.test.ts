// Regression tests for the hostile-input probe's defects (issue 17, part A) at the level of the core and
// the CLI's modules; test/e2e/reliability.test.ts runs the same repros through the built CLI.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseGitIndex } from '../../src/cli/gitIndex';
import { createFileAnalyzer } from '../../src/cli/analyzeFile';
import { backtrackingRisk, MAX_BOUNDED_PATHS } from '../../src/core/evidence/regexSafety';
import { phraseTrigger } from '../../src/core/evidence/patterns';
import { cyclonedxXmlFormat } from '../../src/core/formats/cyclonedx';
import { readSpreadsheet } from '../../src/core/formats/spreadsheet/read';
import { DEFAULT_SPREADSHEET_LIMITS } from '../../src/core/formats/spreadsheet/workbook';
import { parseXml } from '../../src/core/formats/xml';
import { getLanguageService } from '../../src/core/languageService';
import { hasFailedFiles } from '../../src/core/report/scanReport';
import { summarizeAnalysis } from '../../src/core/report/scanReport';
import { decodeTextBytes, looksBinary, looksLikeWorkbook } from '../../src/core/textBytes';
import { readRegularFileSync } from '../../src/shared/readRegularFile';
import { buildZip, xlsxMembers } from '../fixtures/boms/spreadsheets';
import { gitIndex } from './gitIndexWriter';
import { FIXED_NOW, knowledge, tickingPerField } from './helpers';

const SPREADSHEETML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sheetXml = (data: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SPREADSHEETML}"><sheetData>${data}</sheetData></worksheet>`;

describe('reliability: XML namespaces and depth', () => {
  it('namespaces resolve as saxes resolved them: defaults, prefixes, redeclarations and their scope', () => {
    const text = '<a xmlns="urn:one" xmlns:p="urn:p"><p:b><c xmlns="urn:two"><d/></c><e/></p:b><p:f xmlns:p="urn:q"/></a>';
    const { root, problems } = parseXml(text);
    assert.deepEqual(problems, []);
    const flat: string[] = [];
    const visit = (e: NonNullable<typeof root>) => {
      flat.push(`${e.name}@${e.namespace}`);
      e.children.forEach(visit);
    };
    visit(root!);
    assert.deepEqual(flat, ['a@urn:one', 'b@urn:p', 'c@urn:two', 'd@urn:two', 'e@urn:one', 'f@urn:q']);
  });

  it('an unbound prefix is an xml-syntax problem, as before', () => {
    assert.match(parseXml('<a><x:b/></a>').problems[0]?.message ?? '', /unbound namespace prefix: "x"/);
  });

  it('M7: past 200 levels one located xml-too-deep problem, the deeper text still searched as text', () => {
    const n = 99;
    const text = `<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components>${'<component><components>'.repeat(n)}<component><manufacturer><name>Huawei</name></manufacturer></component>${'</components></component>'.repeat(n)}</components></bom>`;
    const parsed = cyclonedxXmlFormat.parse(text);
    const deep = parsed.problems.filter((p) => p.code === 'xml-too-deep');
    assert.equal(deep.length, 1);
    // At the start tag of the first element below the limit: the 201st level.
    assert.equal(text.slice(deep[0]!.start).startsWith('<'), true);
    assert.equal(text.slice(0, deep[0]!.start).split('<').length - 1 - (text.slice(0, deep[0]!.start).split('</').length - 1), 201);
    assert.ok(parsed.fields.some((f) => f.text.includes('Huawei')), 'the text below the limit is a field');
  });
});

describe('reliability: what was not fully read or analysed fails CI (exit 2)', () => {
  const failed = (code: string) => hasFailedFiles({ problems: [{ file: 'f', line: 1, column: 1, severity: 'warning', code, message: '' }] });

  it('H3, M7, M10, L12: each such problem fails the scan', () => {
    for (const code of ['spreadsheet-malformed', 'xml-too-deep', 'json-too-deep', 'yaml-too-deep', 'analysis-cut-short', 'io-error', 'analysis-failed']) assert.ok(failed(code), code);
  });

  it('skips the user asked for (size, binary) and syntax problems with recovery do not', () => {
    for (const code of ['skipped-too-large', 'skipped-binary', 'json-syntax', 'xml-syntax', 'too-many-findings']) assert.ok(!failed(code), code);
  });

  it('M10: a document cut short by its time budget reports analysis-cut-short, which fails the scan', () => {
    const service = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW, clock: tickingPerField() });
    service.configure({ timeBudgetMs: 50 });
    const document = TextDocument.create('file:///ws/a.cfg', 'plaintext', 1, Array.from({ length: 200 }, (_, i) => `line ${i} Huawei`).join('\n'));
    const report = summarizeAnalysis(service.knowledge, 'a.cfg', document, service.analyze(document));
    assert.ok(report.problems.some((p) => p.code === 'analysis-cut-short'));
    assert.ok(hasFailedFiles(report));
  });
});

describe('reliability: spreadsheet cells are charged as they are read (M1)', () => {
  const limits = { ...DEFAULT_SPREADSHEET_LIMITS, maxCells: 1000 };
  const withSheet = (data: string) => buildZip({ ...xlsxMembers([{ name: 'Parts', cells: {} }]), 'xl/worksheets/sheet1.xml': sheetXml(data) });

  it('one row repeating the address A1 past the bound is spreadsheet-too-large, though the row is one cell wide', () => {
    const workbook = readSpreadsheet(withSheet(`<row r="1">${'<c r="A1"><v>1</v></c>'.repeat(1001)}</row>`), 'xlsx', limits);
    assert.deepEqual(workbook.parsed.problems.map((p) => p.code), ['spreadsheet-too-large']);
  });

  it('at the bound it is read, and a cell written twice at one address keeps the last value, as Excel does', () => {
    const workbook = readSpreadsheet(withSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>first</t></is></c><c r="B1"><v>2</v></c><c r="A1" t="inlineStr"><is><t>Huawei</t></is></c></row>`), 'xlsx', limits);
    assert.deepEqual(workbook.parsed.problems, []);
    assert.equal(workbook.text, 'Huawei\t2');
  });

  it('a part nested deeper than 256 elements is refused as malformed, not parsed to its end', () => {
    const workbook = readSpreadsheet(withSheet(`<row r="1">${'<x>'.repeat(300)}${'</x>'.repeat(300)}</row>`), 'xlsx');
    assert.match(workbook.parsed.problems.find((p) => p.code === 'spreadsheet-malformed')?.message ?? '', /nested more than 256 elements deep/);
  });
});

describe('reliability: the ReDoS check of product patterns is decided from the pattern (H2)', () => {
  const probe = {
    tenBounded: `^${'\\d{0,16}'.repeat(10)}x$`,
    fortyBounded: `^${'\\d{0,16}'.repeat(40)}x$`,
    twoGreedy: '^\\d+\\d+x$',
    optionals: `^${'\\d?'.repeat(20)}${'\\d'.repeat(20)}$`,
  };

  it('refuses the probe\'s patterns: bounded repetitions, optional parts and two greedy repetitions over the same characters', () => {
    assert.match(backtrackingRisk(probe.tenBounded) ?? 'accepted', new RegExp(`more than ${MAX_BOUNDED_PATHS} ways`));
    assert.match(backtrackingRisk(probe.fortyBounded) ?? 'accepted', /more than \d+ ways/);
    assert.match(backtrackingRisk(probe.twoGreedy) ?? 'accepted', /two repetitions/);
    assert.match(backtrackingRisk(probe.optionals) ?? 'accepted', /more than \d+ ways/);
    assert.match(backtrackingRisk('^\\d+5\\d+x$') ?? 'accepted', /two repetitions/);
    assert.match(backtrackingRisk('^(a?a)+$') ?? 'accepted', /repetition inside a repetition/);
  });

  it('accepts a few bounded choices and fixed counts, which cannot multiply', () => {
    for (const pattern of ['^\\d{0,16}\\d{0,8}x$', '^S\\d{4}-\\d{2}[A-Z]?$', '^AB\\d{0,3}\\d{2}$', '^\\p{Lu}+\\d+$', '^[A-Z]+\\d+[A-Z]*$']) {
      assert.equal(backtrackingRisk(pattern), undefined, pattern);
    }
  });

  it('Unicode properties are sets of their own, not "any character": \\p{Lu}+\\p{Lu}+ is refused, \\p{Lu}+\\p{Nd}+ is not', () => {
    assert.match(backtrackingRisk('^\\p{Lu}+\\p{Lu}+x$') ?? 'accepted', /two repetitions/);
    assert.equal(backtrackingRisk('^\\p{Lu}+\\p{Nd}+$'), undefined);
    assert.match(backtrackingRisk('^\\P{Lu}+\\d+x$') ?? 'accepted', /two repetitions/);
  });

  it('the probe\'s policy gets a diagnostic on the pattern, and the cell that took a minute is analysed without it', async () => {
    const policy = `schemaVersion: 1\nextendVendors:\n  huawei:\n    productPatterns:\n      - pattern: '${probe.tenBounded}'\n        family: test\n`;
    const service = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW });
    service.configure({ trusted: false, policy: { uri: 'file:///ws/.vendorlens.yaml', text: policy } });
    const diagnostics = await service.doValidation(TextDocument.create('file:///ws/.vendorlens.yaml', 'yaml', 1, policy));
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.range.start.line, 4);
    assert.match(diagnostics[0]!.message, /refused because it could take exponential or polynomial time/);
    const analysis = service.analyze(TextDocument.create('file:///ws/redos.csv', 'csv', 1, `Manufacturer,Part,Description,Qty\nAcme,${'1'.repeat(44)}x!,switch,1\n`));
    assert.deepEqual(analysis.findings, []);
    assert.ok(!analysis.problems.some((p) => p.code === 'analysis-cut-short'));
  });
});

describe('reliability: policy size (L5)', () => {
  it('an exclusion or name over 200 characters is a located schema error, not a regex that breaks every file', async () => {
    const policy = `schemaVersion: 1\nextendVendors:\n  huawei:\n    exclusions: ["${'a'.repeat(100_000)}"]\n`;
    const service = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW });
    service.configure({ policy: { uri: 'file:///ws/.vendorlens.yaml', text: policy } });
    const diagnostics = await service.doValidation(TextDocument.create('file:///ws/.vendorlens.yaml', 'yaml', 1, policy));
    assert.match(diagnostics.map((d) => d.message).join('\n'), /too long \(100000 > 200\)/);
    const analysis = service.analyze(TextDocument.create('file:///ws/a.cfg', 'plaintext', 1, ' description HUAWEI\n'));
    assert.ok(!analysis.problems.some((p) => p.code === 'analysis-failed'), JSON.stringify(analysis.problems));
  });

  it('many aliases keep every piece as a trigger literal instead of comparing every pair', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `Alias${i}X`);
    const trigger = phraseTrigger(names)!;
    assert.ok(trigger.literals.includes('Alias19999X'));
    assert.equal(trigger.literals.filter((l) => l.startsWith('Alias')).length, names.length);
    // Below the cut-off a piece that contains another is still left out.
    assert.deepEqual(phraseTrigger(['Huawei', 'Huawei Technologies', 'Huaweicloud'])!.literals.filter((l) => /^[\x20-\x7e]+$/.test(l)), ['Huawei']);
  });
});

describe('reliability: bytes to text (M8, L11)', () => {
  it('UTF-16 with a byte order mark is text; a NUL without one is binary; UTF-8 stays UTF-8', () => {
    const le = new Uint8Array(Buffer.from('\ufeffHuawei ñ\n', 'utf16le'));
    const be = Uint8Array.from(le, (_, i) => le[i ^ 1]!);
    assert.deepEqual(decodeTextBytes(le), { kind: 'text', text: 'Huawei ñ\n', encoding: 'utf-16le' });
    assert.deepEqual(decodeTextBytes(be), { kind: 'text', text: 'Huawei ñ\n', encoding: 'utf-16be' });
    assert.deepEqual(decodeTextBytes(new Uint8Array([0x48, 0x00, 0x49])), { kind: 'binary' });
    assert.deepEqual(decodeTextBytes(new TextEncoder().encode('华为')), { kind: 'text', text: '华为', encoding: 'utf-8' });
  });

  it('NUL characters make a binary file only when control characters are frequent or the bytes are no UTF-8', () => {
    const text = 'interface Gi0/1\n description uplink to HUAWEI\n'.repeat(20);
    assert.equal(looksBinary(text), false);
    assert.equal(looksBinary(`\u0000${text}`), false, 'a stray NUL');
    assert.equal(looksBinary(`\u0000\ufffd${text}`), true, 'with bytes that are no UTF-8');
    assert.equal(looksBinary(Array.from({ length: 8000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('')), true, 'every byte value');
    assert.equal(looksBinary(`${'\u0000\u0001'.repeat(10)}${'a'.repeat(100)}`), true);
    assert.deepEqual(decodeTextBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), { kind: 'binary' }, 'a PNG header');
  });

  it('a workbook is known by its entries, whatever its name; another ZIP archive is not a workbook', () => {
    assert.ok(looksLikeWorkbook(buildZip(xlsxMembers([{ name: 'S', cells: { A1: 'x' } }])), 'x.bin'));
    assert.ok(!looksLikeWorkbook(buildZip({ 'a.txt': 'x' }), 'x.zip'));
  });
});

describe('reliability: FIFOs (L7)', function () {
  const fifo = () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vendorlens-fifo-')), 'p');
    assert.equal(spawnSync('mkfifo', [path]).status, 0, 'mkfifo');
    return path;
  };

  it('a FIFO where a policy or .gitignore is read is refused without blocking', () => {
    assert.throws(() => readRegularFileSync(fifo()), /not a regular file/);
  });

  it('a FIFO put where the walk saw a file is an io-error of that file, not a hang', async () => {
    const analyzer = createFileAnalyzer({ profiles: [], maxFileSize: 1_000_000, knowledge: knowledge() });
    const report = await analyzer.analyzeFile(fifo(), 'p');
    assert.deepEqual(report.problems.map((p) => [p.code, p.message]), [['io-error', 'not a regular file']]);
  });

  it('a regular file is read as before', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vendorlens-file-')), 'a.yaml');
    writeFileSync(path, 'schemaVersion: 1\n');
    assert.equal(readRegularFileSync(path), 'schemaVersion: 1\n');
  });
});

describe('reliability: the git index (H4)', () => {
  for (const version of [2, 4] as const) {
    it(`reads the paths of a version ${version} index, prefix-compressed or padded`, () => {
      const paths = ['.gitignore', 'boms/a.csv', 'boms/ab.csv', 'configs/deep/x.cfg', 'ü.cfg'];
      assert.deepEqual(parseGitIndex(gitIndex(paths, version)), paths);
    });
  }

  it('anything else is no index: undefined, and the walk applies the ignore rules alone', () => {
    assert.equal(parseGitIndex(new TextEncoder().encode('not an index')), undefined);
    const truncated = gitIndex(['a', 'b'], 2).subarray(0, 40);
    assert.equal(parseGitIndex(truncated), undefined);
  });
});
