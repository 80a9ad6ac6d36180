// Regression tests for the hostile-input probe's defects (issue 17, part A), each built from its repro and
// run through the built CLI as CI runs it: nothing the tool could not fully read or analyse passes with exit 0.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildZip, xlsxMembers } from '../fixtures/boms/spreadsheets';
import { gitIndex } from '../unit/gitIndexWriter';
import { ROOT } from '../unit/helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string, input?: string | Uint8Array) {
  const result = spawnSync(process.execPath, [CLI, 'scan', ...args], { cwd, input, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout.toString(), stderr: result.stderr.toString() };
}

function scanJson(args: string[], cwd: string, input?: string | Uint8Array) {
  const r = run([...args, '--format', 'json'], cwd, input);
  const report = JSON.parse(r.stdout) as { findings: { file: string; vendor: string; location?: string }[]; problems: { file: string; code: string; message: string; line: number }[] };
  return { ...r, report };
}

function tree(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vendorlens-reliability-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const CYCLONEDX = 'http://cyclonedx.org/schema/bom/1.5';
/** The probe's CycloneDX XML: `<component><components>` nested n times, Huawei at the bottom. */
function nestedBom(n: number): string {
  return `<?xml version="1.0"?><bom xmlns="${CYCLONEDX}"><components>${'<component><components>'.repeat(n)}<component><manufacturer><name>Huawei</name></manufacturer></component>${'</components></component>'.repeat(n)}</components></bom>`;
}

/** A one-sheet workbook whose parts can be replaced. */
function workbook(parts: Record<string, string> = {}): Uint8Array {
  const members = xlsxMembers([{ name: 'Parts', cells: { A1: 'Manufacturer', B1: 'Part', A2: 'Huawei', B2: 'S5735' } }]);
  return buildZip({ ...members, ...parts });
}

const SPREADSHEETML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sheetXml = (data: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SPREADSHEETML}"><sheetData>${data}</sheetData></worksheet>`;

describe('reliability: nested XML is parsed in linear time, and what is not read as a tree fails CI', function () {
  this.timeout(120_000);

  it('H1: CycloneDX XML nested 32,000 levels (1.5 MB, 50 s before) is scanned; the depth is a problem and the scan exits 2', () => {
    const dir = tree({ 'deep.cdx.xml': nestedBom(32_000) });
    // Quadratic namespace resolution took minutes on this file; a linear parse takes a fraction of the test's timeout.
    const { code, report } = scanJson(['deep.cdx.xml'], dir);
    assert.equal(code, 2);
    const deep = report.problems.find((p) => p.code === 'xml-too-deep');
    assert.ok(deep, JSON.stringify(report.problems));
    assert.match(deep.message, /more than 200 levels/);
    // What lies below the limit is still searched, as text.
    assert.deepEqual(report.findings.map((f) => f.vendor), ['huawei']);
  });

  it('M7: 99 component levels (the probe\'s nest99) give xml-too-deep and exit 2; 60 levels are read as items', () => {
    const dir = tree({ 'nest99.cdx.xml': nestedBom(99), 'nest60.cdx.xml': nestedBom(60) });
    const deep = scanJson(['nest99.cdx.xml'], dir);
    assert.equal(deep.code, 2);
    assert.deepEqual(deep.report.problems.map((p) => p.code), ['xml-too-deep']);
    const fine = scanJson(['nest60.cdx.xml'], dir);
    assert.equal(fine.code, 1);
    assert.deepEqual(fine.report.problems, []);
    assert.deepEqual(fine.report.findings.map((f) => f.vendor), ['huawei']);
  });

  it('H1: a 3.6 KB workbook whose sheet nests 200,000 elements is refused at once (spreadsheet-malformed, exit 2)', () => {
    const dir = tree({ 'deep.xlsx': workbook({ 'xl/worksheets/sheet1.xml': sheetXml(`${'<x>'.repeat(200_000)}${'</x>'.repeat(200_000)}`) }) });
    const { code, report } = scanJson(['deep.xlsx'], dir);
    assert.equal(code, 2);
    const problem = report.problems.find((p) => p.code === 'spreadsheet-malformed');
    assert.match(problem?.message ?? '', /nested more than 256 elements deep/);
  });
});

describe('reliability: a workbook part that cannot be read fails CI', function () {
  this.timeout(120_000);

  it('H3: a DOCTYPE before the sheet\'s root element: exit 2, not 0', () => {
    const sheet = xlsxMembers([{ name: 'Parts', cells: { A1: 'Manufacturer', A2: 'Huawei' } }])['xl/worksheets/sheet1.xml']!;
    const dir = tree({ 'dtd.xlsx': workbook({ 'xl/worksheets/sheet1.xml': sheet.replace('?>', '?><!DOCTYPE x>') }) });
    const { code, report } = scanJson(['dtd.xlsx'], dir);
    assert.equal(code, 2);
    assert.match(report.problems.find((p) => p.code === 'spreadsheet-malformed')?.message ?? '', /document type declaration/);
  });

  it('H3: a DOCTYPE in the shared strings (every string cell empty): exit 2', () => {
    const members = xlsxMembers([{ name: 'Parts', cells: { A1: 'Manufacturer', A2: 'Huawei' } }]);
    const dir = tree({ 'dtd-sst.xlsx': workbook({ 'xl/sharedStrings.xml': members['xl/sharedStrings.xml']!.replace('?>', '?><!DOCTYPE sst>') }) });
    const { code, report } = scanJson(['dtd-sst.xlsx'], dir);
    assert.equal(code, 2);
    assert.ok(report.problems.some((p) => p.code === 'spreadsheet-malformed'), JSON.stringify(report.problems));
  });

  it('H3: garbage at byte 1 of a sheet: exit 2', () => {
    const dir = tree({ 'garbage.xlsx': workbook({ 'xl/worksheets/sheet1.xml': '\u0001<<not xml' }) });
    assert.equal(run(['garbage.xlsx'], dir).code, 2);
  });

  it('L11: workbooks under template and legacy extensions are read by their content', () => {
    const bytes = workbook();
    const dir = tree({ 'q.xltx': bytes, 'q.xltm': bytes, 'q.xls': bytes, 'q.xlsb': bytes, 'q.ots': bytes, 'notes.zip': buildZip({ 'a.txt': 'Huawei' }) });
    for (const name of ['q.xltx', 'q.xltm', 'q.xls', 'q.xlsb', 'q.ots']) {
      const { code, report } = scanJson([name], dir);
      assert.equal(code, 1, name);
      assert.deepEqual(report.findings.map((f) => `${f.vendor} ${f.location}`), ['huawei Parts!A2'], name);
    }
    // A ZIP archive that is no workbook stays a skipped binary file.
    const zip = scanJson(['notes.zip'], dir);
    assert.equal(zip.code, 0);
    assert.deepEqual(zip.report.problems.map((p) => p.code), ['skipped-binary']);
  });

  it('L11: an old Excel compound file named .xls is a workbook that cannot be read (exit 2), not a skipped binary', () => {
    const compound = new Uint8Array(1024);
    compound.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const dir = tree({ 'old.xls': compound, 'old.doc': compound });
    assert.equal(run(['old.xls'], dir).code, 2);
    assert.deepEqual(scanJson(['old.doc'], dir).report.problems.map((p) => p.code), ['skipped-binary']);
  });
});

describe('reliability: text in other encodings, too deep, or cut short', function () {
  this.timeout(120_000);

  const config = 'hostname sw1\ninterface Gi0/1\n description uplink to HUAWEI NE40E\n!\n';
  const utf16 = (text: string, bigEndian: boolean) => {
    const le = Buffer.from(`\ufeff${text}`, 'utf16le');
    return bigEndian ? Uint8Array.from(le, (_, i) => le[i ^ 1]!) : new Uint8Array(le);
  };

  it('M8: UTF-16LE and UTF-16BE files with a byte order mark are read as text, findings at the right place', () => {
    const dir = tree({ 'le.cfg': utf16(config, false), 'be.cfg': utf16(config, true), 'le.csv': utf16('Manufacturer,Part,Qty\r\nHuawei,S5735,1\r\n', false) });
    for (const name of ['le.cfg', 'be.cfg']) {
      const r = run([name, '--format', 'json'], dir);
      assert.equal(r.code, 1, name);
      const report = JSON.parse(r.stdout) as { findings: { line: number; column: number; endColumn: number }[] };
      // Columns as in the editor, which decodes UTF-16 too: the byte order mark is no character.
      const at = ' description uplink to '.length + 1;
      assert.ok(report.findings.some((f) => f.line === 3 && f.column === at && f.endColumn === at + 'HUAWEI'.length), r.stdout);
    }
    const csv = scanJson(['le.csv'], dir);
    assert.equal(csv.code, 1);
    assert.deepEqual(csv.report.findings.map((f) => f.vendor), ['huawei']);
  });

  it('M8: one stray NUL byte no longer hides a config (the one-byte evasion); NULs among few characters still make a binary file', () => {
    const dir = tree({ 'stray.cfg': `\u0000${config}`, 'bin.cfg': `Huawei\u0000` });
    const stray = scanJson(['stray.cfg'], dir);
    assert.equal(stray.code, 1);
    assert.deepEqual(stray.report.findings.map((f) => f.vendor), ['huawei']);
    assert.deepEqual(scanJson(['bin.cfg'], dir).report.problems.map((p) => p.code), ['skipped-binary']);
  });

  it('L12: JSON nested more than 200 levels exits 2, the vendor before the depth is still reported', () => {
    const deep = `{"bomFormat":"CycloneDX","components":[{"manufacturer":{"name":"Huawei"}},{"x":${'['.repeat(300)}1${']'.repeat(300)}}]}`;
    const dir = tree({ 'deep.cdx.json': deep });
    const { code, report } = scanJson(['deep.cdx.json'], dir);
    assert.equal(code, 2);
    assert.deepEqual(report.problems.map((p) => p.code), ['json-too-deep']);
    assert.deepEqual(report.findings.map((f) => f.vendor), ['huawei']);
  });

  it('L10: standard input over --max-file-size is not read whole: skipped with a problem', () => {
    const dir = tree({});
    const big = `${' description HUAWEI\n'.repeat(10_000)}`;
    const { code, report } = scanJson(['-', '--max-file-size', '1000'], dir, big);
    assert.equal(code, 0);
    assert.deepEqual(report.problems.map((p) => p.code), ['skipped-too-large']);
    assert.equal(scanJson(['-', '--max-file-size', '1000000'], dir, big).code, 1);
  });
});

describe('reliability: FIFOs never block the scan', function () {
  this.timeout(120_000);
  const mkfifo = (path: string) => assert.equal(spawnSync('mkfifo', [path]).status, 0, 'mkfifo');

  it('L7: a FIFO .vendorlens.yaml in the working folder stops the scan with a one-line error (exit 2)', () => {
    const dir = tree({ 'a.cfg': ' description HUAWEI\n' });
    mkfifo(join(dir, '.vendorlens.yaml'));
    const r = run(['a.cfg'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not a regular file/);
  });

  it('L7: a FIFO .gitignore in a walked directory is passed over; the files are scanned', () => {
    const dir = tree({ 'sub/a.cfg': ' description HUAWEI\n' });
    mkfifo(join(dir, 'sub', '.gitignore'));
    assert.equal(run(['sub'], dir).code, 1);
  });
});

describe('reliability: files git tracks are scanned even when a .gitignore matches them', function () {
  this.timeout(120_000);

  for (const version of [2, 4] as const) {
    it(`H4: index version ${version}: a tracked ignored BOM and a tracked file in an ignored directory are scanned; untracked ignored files are not`, () => {
      const quote = 'Manufacturer,Part\nHuawei,S5735\n';
      const dir = tree({
        '.gitignore': 'boms/quote.csv\nvendor/\nscratch.csv\n',
        'boms/quote.csv': quote,
        'vendor/kept.csv': quote,
        'vendor/other.csv': quote,
        'scratch.csv': quote,
        '.git/HEAD': 'ref: refs/heads/main\n',
      });
      writeFileSync(join(dir, '.git', 'index'), gitIndex(['.gitignore', 'boms/quote.csv', 'vendor/kept.csv'], version));
      const { code, report } = scanJson(['.'], dir);
      assert.equal(code, 1);
      assert.deepEqual([...new Set(report.findings.map((f) => f.file))].sort(), ['boms/quote.csv', 'vendor/kept.csv']);
    });
  }

  it('H4: a work tree whose .git is a file (git worktree, submodule) reads the index where it points', () => {
    const dir = tree({ '.gitignore': 'quote.csv\n', 'quote.csv': 'Manufacturer,Part\nHuawei,S5735\n', 'gitdir/HEAD': 'ref: refs/heads/main\n' });
    writeFileSync(join(dir, '.git'), 'gitdir: gitdir\n');
    writeFileSync(join(dir, 'gitdir', 'index'), gitIndex(['.gitignore', 'quote.csv'], 2));
    assert.equal(run(['.'], dir).code, 1);
  });
});
