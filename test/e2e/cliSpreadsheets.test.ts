// The built CLI on XLSX and ODS workbooks: findings at `Sheet!A1`, in every output format; broken,
// encrypted and bomb-like workbooks give a clear problem and exit 2, never a stack trace.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quoteXlsx } from '../fixtures/boms/spreadsheets';
import { ROOT } from '../unit/helpers';
import { assertValidSarif } from '../unit/sarifSchema';

const CLI = join(ROOT, 'dist', 'cli.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'boms');

function run(args: string[], cwd: string, input?: Buffer) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8') };
}

/** A scratch folder holding the two quote fixtures and the given extra files. */
function workspace(extra: Record<string, Uint8Array | string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'vendorlens-sheets-'));
  for (const name of ['branch-refresh-quote.xlsx', 'branch-refresh-quote.ods']) copyFileSync(join(FIXTURES, name), join(dir, name));
  for (const [name, content] of Object.entries(extra)) writeFileSync(join(dir, name), content);
  return dir;
}

interface JsonFinding {
  file: string;
  vendor: string;
  line: number;
  column: number;
  endColumn: number;
  location?: string;
  fingerprint: string;
  accepted: boolean;
}

function cells(findings: JsonFinding[]): string[] {
  return findings.map((f) => `${f.file} ${f.location} ${f.vendor} ${f.line}:${f.column}-${f.endColumn}`);
}

describe('vendorlens CLI on spreadsheets', () => {
  it('reads XLSX and ODS instead of skipping them as binary, with every finding at its cell', () => {
    const dir = workspace();
    const r = run(['scan', '--format', 'json', '.'], dir);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.documents, [
      { file: 'branch-refresh-quote.ods', format: 'ods', dialect: 'unknown' },
      { file: 'branch-refresh-quote.xlsx', format: 'xlsx', dialect: 'unknown' },
    ]);
    assert.deepEqual(cells(report.findings), [
      'branch-refresh-quote.ods Parts!B5 hikvision 5:2-3',
      'branch-refresh-quote.ods Parts!B9 huawei 9:2-3',
      'branch-refresh-quote.ods Spares!D2 zte 2:4-5',
      'branch-refresh-quote.xlsx Parts!B6 hikvision 6:2-3',
      'branch-refresh-quote.xlsx Parts!B8 huawei 8:2-3',
      'branch-refresh-quote.xlsx Notes!B2 zte 2:2-3',
    ]);
    assert.deepEqual(report.problems, []);
  });

  it('shows the cell in text, SARIF (valid) and Markdown', () => {
    const dir = workspace();
    const text = run(['scan', 'branch-refresh-quote.xlsx'], dir).stdout;
    assert.match(text, /^branch-refresh-quote\.xlsx\n {2}Parts!B6 {2}error +Hikvision DS-2CD2143G2-IU in Parts row 6\. /m);
    assert.match(text, /^ {2}Notes!B2 {2}error +ZTE model "ZTE ZXR10"\. /m);

    const sarif = JSON.parse(run(['scan', '--format', 'sarif', 'branch-refresh-quote.ods'], dir).stdout);
    assertValidSarif(sarif);
    const result = sarif.runs[0].results[2];
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: 'branch-refresh-quote.ods', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 4, endLine: 2, endColumn: 5 },
    });
    assert.deepEqual(result.locations[0].logicalLocations, [{ name: 'D2', fullyQualifiedName: 'Spares!D2' }]);
    assert.match(result.message.text, /^Spares!D2: ZTE model "ZTE ZXR10"\. /);

    assert.match(run(['scan', '--format', 'markdown', 'branch-refresh-quote.ods'], dir).stdout, /\| Parts\\!B9 \| error \|/);
  });

  it('applies policy acceptances and baselines to workbook findings by fingerprint', () => {
    const dir = workspace();
    const first = JSON.parse(run(['scan', '--format', 'json', 'branch-refresh-quote.xlsx'], dir).stdout);
    const hikvision = first.findings.find((f: JsonFinding) => f.vendor === 'hikvision');
    writeFileSync(
      join(dir, '.vendorlens.yaml'),
      `schemaVersion: 1\nacceptances:\n  - file: branch-refresh-quote.xlsx\n    fingerprint: ${hikvision.fingerprint.split(':')[0]}\n    vendor: hikvision\n    reason: pilot site\n    expires: 2099-01-01\n`,
    );
    const accepted = JSON.parse(run(['scan', '--format', 'json', 'branch-refresh-quote.xlsx'], dir).stdout);
    assert.deepEqual(accepted.findings.map((f: JsonFinding) => [f.location, f.accepted]), [['Parts!B6', true], ['Parts!B8', false], ['Notes!B2', false]]);

    writeFileSync(join(dir, 'baseline.json'), JSON.stringify(first));
    const fresh = run(['scan', '--format', 'json', '--baseline', 'baseline.json', 'branch-refresh-quote.xlsx'], dir);
    assert.equal(fresh.code, 0);
    assert.deepEqual(JSON.parse(fresh.stdout).findings, []);
  });

  it('reads a workbook from standard input named by --stdin-filename', () => {
    const r = run(['scan', '--format', 'json', '--stdin-filename', 'site/quote.xlsx', '-'], ROOT, Buffer.from(quoteXlsx()));
    assert.equal(r.code, 1);
    assert.deepEqual(cells(JSON.parse(r.stdout).findings), ['site/quote.xlsx Parts!B6 hikvision 6:2-3', 'site/quote.xlsx Parts!B8 huawei 8:2-3', 'site/quote.xlsx Notes!B2 zte 2:2-3']);
  });

  it('gives a clear problem and exit 2 for a damaged, encrypted or bomb-like workbook, and scans the rest', () => {
    const xlsx = readFileSync(join(FIXTURES, 'branch-refresh-quote.xlsx'));
    const truncated = xlsx.subarray(0, xlsx.length - 40);
    const encrypted = Buffer.alloc(2048);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    encrypted.write('EncryptedPackage', 512, 'utf16le');
    // A member declaring 2 GiB inflated: refused before anything is inflated.
    const bomb = Buffer.from(xlsx);
    const sheet = bomb.indexOf('xl/worksheets/sheet2.xml', bomb.indexOf(Buffer.from([0x50, 0x4b, 1, 2])));
    bomb.writeUInt32LE(0x80000000, sheet - 46 + 24);
    const dir = workspace({ 'truncated.xlsx': truncated, 'protected.xlsx': encrypted, 'bomb.xlsx': bomb, 'notes.ods': 'Huawei, not a spreadsheet' });

    const r = run(['scan', '--format', 'json', '.'], dir);
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    const report = JSON.parse(r.stdout);
    const problems = Object.fromEntries(report.problems.map((p: { file: string; code: string; message: string }) => [p.file, `${p.code}: ${p.message}`]));
    assert.match(problems['truncated.xlsx'], /^spreadsheet-unreadable: This XLSX file cannot be read: the end of the ZIP archive is missing/);
    assert.match(problems['protected.xlsx'], /^spreadsheet-encrypted: This XLSX workbook cannot be read: it is password-protected/);
    assert.match(problems['bomb.xlsx'], /^spreadsheet-too-large: Reading this XLSX workbook stopped: .*declares 2147483648 bytes inflated.*zip bomb/);
    assert.match(problems['notes.ods'], /^spreadsheet-unreadable: This ODS file cannot be read: it is not a ZIP archive/);
    assert.ok(report.findings.some((f: JsonFinding) => f.file === 'branch-refresh-quote.xlsx' && f.location === 'Parts!B6'), 'the good workbooks are still scanned');

    const text = run(['scan', 'protected.xlsx'], dir);
    assert.equal(text.code, 2);
    assert.match(text.stdout, /^protected\.xlsx\n {2}0:0 {2}error +This XLSX workbook cannot be read/m);
  });
});
