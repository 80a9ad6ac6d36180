// Runs the built CLI (dist/cli.js) as a user would: exit codes, JSON contract, positions.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../unit/helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** 1-based line and column of the nth occurrence of `needle` in a file, found independently of the CLI. */
function positionOf(file: string, needle: string, occurrence = 0) {
  const lines = readFileSync(join(ROOT, file), 'utf8').split(/\r?\n/);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    for (let col = lines[i]!.indexOf(needle); col >= 0; col = lines[i]!.indexOf(needle, col + 1)) {
      if (seen++ === occurrence) return { line: i + 1, column: col + 1, endColumn: col + 1 + needle.length };
    }
  }
  throw new Error(`${needle} not in ${file}`);
}

describe('vendorlens CLI', () => {
  it('scans examples/ recursively: exit 1, Huawei at the right places, nothing for Aztech', () => {
    const { code, stdout, stderr } = run(['scan', '--format', 'json', 'examples/']);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    const files = report.documents.map((d: { file: string }) => d.file).sort();
    assert.deepEqual(files, [
      'examples/boms/branch-refresh-quote.csv',
      'examples/boms/pump-station-refresh.hbom.cdx.json',
      'examples/configs/dc1-core-sw1.ios.cfg',
      'examples/configs/dc1-core-sw1_show-lldp-neighbors-detail.txt',
    ]);
    const cfg = 'examples/configs/dc1-core-sw1.ios.cfg';
    const inCfg = report.findings.filter((f: { file: string }) => f.file === cfg);
    const lag = positionOf(cfg, 'HUAWEI');
    const member = positionOf(cfg, 'Huawei');
    assert.deepEqual(
      inCfg.map((f: Record<string, unknown>) => ({ line: f.line, column: f.column, endColumn: f.endColumn, vendor: f.vendor })),
      [
        { ...lag, vendor: 'huawei' },
        { ...member, vendor: 'huawei' },
      ],
    );
    const aztech = positionOf(cfg, 'Aztech').line;
    const ztevision = positionOf(cfg, 'ztevision').line;
    assert.ok(!report.findings.some((f: { line: number; file: string }) => f.file === cfg && (f.line === aztech || f.line === ztevision)));
    const first = inCfg[0];
    assert.equal(first.kind, 'vendor-name');
    assert.equal(first.severity, 'error');
    assert.equal(first.accepted, false);
    assert.ok(first.advisories.length > 0);
    assert.equal(typeof first.message, 'string');
    assert.equal(typeof first.confidence, 'string');
    assert.equal(first.endLine, first.line);
  });

  it('finds every flagged maker in the quote, at the exact cell, and none in the Aztech row', () => {
    const csv = 'examples/boms/branch-refresh-quote.csv';
    const { stdout } = run(['scan', '--format', 'json', csv]);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.documents, [{ file: csv, format: 'csv', dialect: 'unknown' }]);
    const got = report.findings.map((f: Record<string, unknown>) => `${f.vendor}@${f.line}:${f.column}`);
    // `skip` moves past the delimiter the needle starts with.
    const at = (vendor: string, needle: string, skip = 0) => {
      const p = positionOf(csv, needle);
      return `${vendor}@${p.line}:${p.column + skip}`;
    };
    // One finding per vendor per row: the maker cell where it names the vendor (the model is folded in);
    // the model where the maker is a reseller or missing.
    assert.deepEqual(got, [
      at('huawei', ';Huawei;', 1),
      at('huawei', 'HUAWEI TECHNOLOGIES CO.,LTD'),
      at('hikvision', 'Hikvision'),
      at('dahua', 'Zhejiang Dahua Technology Co., Ltd.'),
      at('zte', '中兴通讯'),
      at('zte', 'ZXR10 5960-56QU-HI'),
      at('huawei', 'NE8000-M8'),
    ]);
    assert.ok(!got.some((g: string) => g.startsWith(`${positionOf(csv, 'Aztech').line}:`, g.indexOf('@') + 1)));
    const reseller = report.findings.find((f: { line: number }) => f.line === positionOf(csv, 'Ingram Micro').line);
    assert.equal(reseller.kind, 'model');
    assert.match(reseller.message, /"Ingram Micro": a reseller or distributor/);
    const modelOnly = report.findings.find((f: { line: number }) => f.line === positionOf(csv, 'NE8000-M8').line);
    assert.deepEqual([modelOnly.kind, modelOnly.confidence, modelOnly.endColumn - modelOnly.column], ['model', 'medium', 'NE8000-M8'.length]);
    assert.ok(!report.findings.some((f: { line: number }) => f.line === positionOf(csv, 'Total').line), 'the totals row is not an item');
  });

  it('reads the CycloneDX HBOM: exact values, the reseller row, and not the BOM author in metadata.manufacturer', () => {
    const bom = 'examples/boms/pump-station-refresh.hbom.cdx.json';
    const report = JSON.parse(run(['scan', '--format', 'json', bom]).stdout);
    assert.deepEqual(report.documents, [{ file: bom, format: 'cyclonedx-json', dialect: 'unknown' }]);
    const got = report.findings.map((f: Record<string, unknown>) => [f.vendor, f.kind, f.line, f.column, f.endColumn]);
    const at = (vendor: string, kind: string, needle: string, occurrence = 0) => {
      const p = positionOf(bom, needle, occurrence);
      return [vendor, kind, p.line, p.column, p.endColumn];
    };
    assert.deepEqual(got, [
      at('zte', 'model', 'ZXR10 5960-56QU-HI'),
      at('hikvision', 'vendor-name', 'Hangzhou Hikvision Digital Technology Co., Ltd'),
      at('hikvision', 'cpe', 'hikvision'),
    ]);
    // The camera's model is folded into its manufacturer finding (one finding per vendor per component).
    assert.ok(!report.findings.some((f: { line: number }) => f.line === positionOf(bom, 'ZTE Corporation').line), 'metadata.manufacturer wrote the BOM');
    assert.match(report.findings[0].message, /"Ingram Micro": a reseller or distributor/);
  });

  it('prints readable text grouped by file with a summary line', () => {
    const { code, stdout } = run(['scan', 'examples/configs/dc1-core-sw1.ios.cfg']);
    assert.equal(code, 1);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'examples/configs/dc1-core-sw1.ios.cfg');
    assert.match(lines[1]!, /^ {2}\d+:\d+ {2}error {8}Huawei: brand "HUAWEI"/);
    assert.match(lines.at(-1)!, /^2 findings \(2 error\) in 1 of 1 file\.$/);
  });

  it('exits 0 when nothing reaches --fail-on, and with the info profile', () => {
    assert.equal(run(['scan', '--fail-on', 'none', 'examples/']).code, 0);
    assert.equal(run(['scan', '--profile', 'info', 'examples/']).code, 0);
    assert.equal(run(['scan', '--profile', 'info', '--fail-on', 'information', 'examples/']).code, 1);
  });

  it('exits 0 on a clean file and 2 on usage or I/O errors, with a message and no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vendorlens-cli-'));
    writeFileSync(join(dir, 'clean.cfg'), 'hostname r1\ninterface Gi0/1\n description Aztech lab\n');
    const clean = run(['scan', dir]);
    assert.equal(clean.code, 0);
    assert.match(clean.stdout, /No flagged-vendor findings in 1 file\./);

    const missing = run(['scan', join(dir, 'nope.cfg')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stdout, /no such file or directory/);

    const unreadable = join(dir, 'secret.cfg');
    writeFileSync(unreadable, 'Huawei');
    chmodSync(unreadable, 0o000);
    if (process.getuid?.() !== 0) assert.equal(run(['scan', unreadable]).code, 2);

    for (const args of [['scan'], ['scan', '--format', 'xml', '.'], ['frobnicate'], ['scan', '--profile', 'mars', '.']]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^vendorlens: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('skips binary files with a message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vendorlens-cli-'));
    writeFileSync(join(dir, 'firmware.bin'), Buffer.from([0x48, 0x75, 0x61, 0x77, 0x65, 0x69, 0, 1, 2]));
    const { code, stdout } = run(['scan', '--format', 'json', dir]);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.findings.length, 0);
    assert.equal(report.problems[0].code, 'skipped-binary');
  });

  it('skips a file over --max-file-size from its size, with a message, and scans the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vendorlens-cli-'));
    writeFileSync(join(dir, 'big-capture.txt'), `uplink HUAWEI\n${'x'.repeat(200_000)}\n`);
    writeFileSync(join(dir, 'small.cfg'), 'uplink ZTE\n');
    const { code, stdout } = run(['scan', '--format', 'json', '--max-file-size', '100000', dir]);
    assert.equal(code, 1, 'the small file still has a finding');
    const report = JSON.parse(stdout);
    assert.deepEqual(report.findings.map((f: { vendor: string }) => f.vendor), ['zte']);
    assert.equal(report.problems[0].code, 'skipped-too-large');
    assert.match(report.problems[0].message, /^skipped: 200015 bytes is over --max-file-size 100000$/);
  });
});
