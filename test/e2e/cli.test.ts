// Runs the built CLI (dist/cli.js) as a user would: exit codes, JSON contract, positions.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../unit/helpers';
import { assertValidSarif } from '../unit/sarifSchema';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd = ROOT, input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch directory with the given files ('' content makes a directory). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vendorlens-cli-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(path.endsWith('/') ? full : dirname(full), { recursive: true });
    if (!path.endsWith('/')) writeFileSync(full, text);
  }
  return dir;
}

function json(args: string[], cwd?: string, input?: string) {
  const r = run([...args, '--format', 'json'], cwd, input);
  return { ...r, report: JSON.parse(r.stdout) };
}

/** The files a scan covered, sorted. */
function scannedFiles(args: string[], cwd: string): string[] {
  return json(['scan', ...args], cwd).report.documents.map((d: { file: string }) => d.file).sort();
}

function assertNoStackTrace(stderr: string) {
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
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
      'examples/boms/nvr-firmware.spdx',
      'examples/boms/pump-station-refresh.hbom.cdx.json',
      'examples/configs/bldg2-access-sw4_show-mac-arp.txt',
      'examples/configs/dc1-core-sw1.ios.cfg',
      'examples/configs/dc1-core-sw1_show-lldp-neighbors-detail.txt',
      'examples/configs/dc1-dist-sw2.cfg',
      'examples/configs/metro-pe3_show-running-config.txt',
    ]);
    // A Huawei VRP config that never names its vendor: found by its dialect, on the VRP version header.
    const vrp = 'examples/configs/dc1-dist-sw2.cfg';
    assert.deepEqual(report.documents.find((d: { file: string }) => d.file === vrp).dialect, 'huawei-vrp');
    const [dialect, ...others] = report.findings.filter((f: { file: string }) => f.file === vrp);
    assert.deepEqual([dialect.vendor, dialect.kind, dialect.line, dialect.column], ['huawei', 'dialect', 1, 1]);
    assert.deepEqual(others, [], 'no word in it names the vendor');
    assert.equal(readFileSync(join(ROOT, vrp), 'utf8').match(/huawei/i), null);
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

  it('finds a ZTE capture by its dialect alone, a Hikvision camera by its MAC, and the SPDX originator and CPE', () => {
    const report = JSON.parse(run(['scan', '--format', 'json', 'examples/']).stdout);
    const found = (file: string) =>
      report.findings
        .filter((f: { file: string }) => f.file === file)
        .map((f: Record<string, unknown>) => ({ vendor: f.vendor, kind: f.kind, line: f.line, column: f.column, endColumn: f.endColumn }));

    // ZXROS `show running-config` that names no vendor: one document-level finding, on the file's header line
    // (the first line with a word), as the editor shows it; the section marker that decided it is related information.
    const zxros = 'examples/configs/metro-pe3_show-running-config.txt';
    assert.equal(readFileSync(join(ROOT, zxros), 'utf8').match(/huawei|zte/i), null, 'no vendor word in it');
    assert.equal(report.documents.find((d: { file: string }) => d.file === zxros).dialect, 'zte-zxros');
    const header = readFileSync(join(ROOT, zxros), 'utf8').split(/\r?\n/).find((l) => /[A-Za-z0-9]/.test(l))!;
    assert.deepEqual(found(zxros), [{ vendor: 'zte', kind: 'dialect', ...positionOf(zxros, header.trim()) }]);

    // IOS capture: the camera is only a MAC address, in the MAC table and again in the ARP table: one host.
    const capture = 'examples/configs/bldg2-access-sw4_show-mac-arp.txt';
    assert.equal(readFileSync(join(ROOT, capture), 'utf8').match(/hikvision/i), null);
    assert.equal(report.documents.find((d: { file: string }) => d.file === capture).dialect, 'cisco-ios');
    assert.deepEqual(found(capture), [{ vendor: 'hikvision', kind: 'mac-oui', ...positionOf(capture, '4419.b6c2.7e15', 0) }]);
    const camera = report.findings.find((f: { file: string }) => f.file === capture);
    assert.deepEqual(camera.subject, { kind: 'host', identifiers: { mac: '44:19:B6:C2:7E:15', localPort: 'Gi1/0/17', vlan: '40', ip: '10.40.0.23' }, seenAs: 'ARP', deviceKind: 'camera or video recorder' });

    // SPDX 2.3 tag-value: the originator's legal name (the package's CPE is folded into it), and a CPE on its own.
    const spdx = 'examples/boms/nvr-firmware.spdx';
    assert.equal(report.documents.find((d: { file: string }) => d.file === spdx).format, 'spdx-tag-value');
    assert.deepEqual(found(spdx), [
      { vendor: 'dahua', kind: 'vendor-name', ...positionOf(spdx, 'Zhejiang Dahua Technology Co., Ltd') },
      { vendor: 'dahua', kind: 'cpe', ...positionOf(spdx, 'dahuasecurity', 1) },
    ]);
    assert.ok(!report.findings.some((f: { file: string; line: number }) => f.file === spdx && f.line === positionOf(spdx, 'SecureSite Integration GmbH (support').line), 'the integrator is no flagged vendor');
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
    assert.match(reseller.detail, /"Ingram Micro": a reseller or distributor/);
    assert.match(reseller.message, /^ZTE ZXR10 5960-56QU-HI in row \d+ \(maker given as Ingram Micro\)\./);
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
    assert.match(report.findings[0].detail, /"Ingram Micro": a reseller or distributor/);
    assert.match(report.findings[0].message, /^ZTE component "ZXR10 5960-56QU-HI" at line \d+ \(maker given as Ingram Micro\)\./);
    assert.equal(report.findings[0].subject.kind, 'component');
  });

  it('prints readable text grouped by file with a summary line', () => {
    const { code, stdout } = run(['scan', 'examples/configs/dc1-core-sw1.ios.cfg']);
    assert.equal(code, 1);
    const lines = stdout.trimEnd().split('\n');
    // The profile and the data's date come first: without --profile, every jurisdiction's bans count.
    assert.match(lines.shift()!, /^Profile 'global' \(All jurisdictions\): every jurisdiction's bans count as errors - choose yours with --profile .*; knowledge base \d{4}\.\d{2}\.\d+ reviewed on \d{4}-\d{2}-\d{2}/);
    assert.equal(lines.shift(), '');
    assert.equal(lines[0], 'examples/configs/dc1-core-sw1.ios.cfg');
    assert.match(lines[1]!, /^ {2}\d+:\d+ {2}error {8}Huawei name "HUAWEI" in interface /);
    assert.match(lines.at(-1)!, /^2 devices and products flagged \(2 error\) in 1 of 1 file\.$/);
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

  it('writes the SARIF the README workflow uploads, valid against the official schema', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const step = /run: npx (vendorlens scan [^\n]*--format sarif[^\n]*)\n/.exec(readme);
    assert.ok(step, 'the README has a workflow step running vendorlens scan --format sarif');
    const args = step[1]!.split(/\s+/).slice(1);
    const output = args[args.indexOf('--output') + 1]!;
    const repo = tree({ '.git/': '' });
    cpSync(join(ROOT, 'examples'), join(repo, 'examples'), { recursive: true });
    writeFileSync(join(repo, 'examples/configs/accepted.cfg'), 'interface Gi0/9\n ! vendorlens-accept: zte | reason: spare | ticket: CHG-1 | expires: 2099-12-31\n description ZTE OLT spare\n');
    const r = run(args, repo);
    assert.equal(r.stdout, '', 'the report goes to --output');
    assert.equal(r.stderr, '');
    const sarif = JSON.parse(readFileSync(join(repo, output), 'utf8'));
    assertValidSarif(sarif);
    const results = sarif.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; suppressions: unknown[]; level: string }[];
    assert.ok(results.length >= 10);
    for (const result of results) assert.match(result.locations[0]!.physicalLocation.artifactLocation.uri, /^examples\//, 'relative to the repository root');
    assert.equal(results.filter((x) => x.suppressions.length > 0).length, 1, 'the accepted finding is suppressed');
    assert.equal(r.code, results.some((x) => x.level === 'error' && x.suppressions.length === 0) ? 1 : 0, '--fail-on error decides the exit code');
  });

  it('--baseline reports only new findings: a finding that moved lines is not new', () => {
    const config = 'hostname r1\ninterface Gi0/1\n description uplink to Huawei NE40E\n';
    const dir = tree({ 'r1.cfg': config });
    const before = json(['scan', 'r1.cfg'], dir);
    assert.equal(before.code, 1);
    writeFileSync(join(dir, 'base.json'), before.stdout);
    writeFileSync(join(dir, 'base.sarif'), run(['scan', '--format', 'sarif', 'r1.cfg'], dir).stdout);

    writeFileSync(join(dir, 'r1.cfg'), `! header added\n!\n${config}`);
    for (const baseline of ['base.json', 'base.sarif']) {
      const moved = run(['scan', '--baseline', baseline, 'r1.cfg'], dir);
      assert.equal(moved.code, 0, `${baseline}: nothing new`);
      assert.match(moved.stdout, new RegExp(`${before.report.findings.length} findings? also in the baseline not shown`));
    }

    writeFileSync(join(dir, 'r1.cfg'), `! header added\n!\n${config}interface Gi0/2\n description to ZTE OLT\n`);
    const added = json(['scan', '--baseline', 'base.json', 'r1.cfg'], dir);
    assert.equal(added.code, 1);
    assert.deepEqual(added.report.findings.map((f: { vendor: string }) => f.vendor), ['zte']);
    const sarif = JSON.parse(run(['scan', '--format', 'sarif', '--baseline', 'base.sarif', 'r1.cfg'], dir).stdout);
    assert.deepEqual(sarif.runs[0].results.map((x: { ruleId: string; baselineState: string }) => `${x.ruleId} ${x.baselineState}`), ['flagged-vendor/zte new']);

    for (const bad of ['missing.json', 'r1.cfg']) {
      const r = run(['scan', '--baseline', bad, 'r1.cfg'], dir);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /^vendorlens: .*--baseline/);
      assertNoStackTrace(r.stderr);
    }
  });

  it('--fail-on compares each open finding with the level, under the profile', () => {
    const dir = tree({ 'a.cfg': ' description Huawei uplink\n description Kaspersky on jump host\n' });
    const rank: Record<string, number> = { error: 3, warning: 2, information: 1, hint: 0 };
    for (const profile of ['global', 'cz', 'info']) {
      const { report } = json(['scan', '--profile', profile, 'a.cfg'], dir);
      const worst = Math.max(...report.findings.map((f: { severity: string }) => rank[f.severity]!));
      for (const level of ['error', 'warning', 'information']) {
        assert.equal(run(['scan', '--profile', profile, '--fail-on', level, 'a.cfg'], dir).code, worst >= rank[level]! ? 1 : 0, `${profile} ${level}`);
      }
      assert.equal(run(['scan', '--profile', profile, '--fail-on', 'none', 'a.cfg'], dir).code, 0);
    }
  });

  it('lists accepted findings only on request in text, always in JSON, and never fails on them', () => {
    const dir = tree({ 'a.cfg': 'interface Gi0/1\n ! vendorlens-accept: huawei | reason: leased CPE | ticket: CHG-9 | expires: 2099-01-01\n description Huawei CPE\n' });
    const text = run(['scan', 'a.cfg'], dir);
    assert.equal(text.code, 0);
    assert.doesNotMatch(text.stdout, /Huawei name/);
    assert.match(text.stdout, /1 accepted finding not shown \(--include-accepted lists it\)/);
    const listed = run(['scan', '--include-accepted', 'a.cfg'], dir);
    assert.equal(listed.code, 0);
    assert.match(listed.stdout, /accepted +Huawei name "Huawei".*leased CPE/);
    const { report } = json(['scan', 'a.cfg'], dir);
    assert.deepEqual(report.findings.map((f: { accepted: boolean }) => f.accepted), [true]);
    for (const format of ['markdown', 'html', 'csv']) {
      assert.doesNotMatch(run(['scan', '--format', format, 'a.cfg'], dir).stdout, /leased CPE/, format);
      assert.match(run(['scan', '--format', format, '--include-accepted', 'a.cfg'], dir).stdout, /leased CPE/, format);
    }
  });

  it('reads standard input, named by --stdin-filename', () => {
    const csv = 'Manufacturer,Part,Qty\nHikvision,DS-2CD2143G2-IU,4\n';
    const named = json(['scan', '--stdin-filename', 'site/quote.csv', '-'], ROOT, csv);
    assert.equal(named.code, 1);
    assert.deepEqual(named.report.documents, [{ file: 'site/quote.csv', format: 'csv', dialect: 'unknown' }]);
    assert.deepEqual(
      named.report.findings.map((f: { vendor: string; line: number; column: number }) => [f.vendor, f.line, f.column]),
      [['hikvision', 2, 1]],
    );
    const anonymous = json(['scan', '-'], ROOT, 'description Huawei\n');
    assert.equal(anonymous.report.findings[0].file, '<stdin>');
    assert.equal(run(['scan', '--stdin-filename', 'x.csv', 'examples/'], ROOT).code, 2);
  });

  it('walks directories with .gitignore respected, scans named files always, and expands globs', () => {
    const repo = tree({
      '.git/': '',
      '.gitignore': 'backup/\n*.bak\n!keep.bak\n',
      'configs/a.cfg': 'description Huawei\n',
      'configs/b.txt': 'description ZTE\n',
      'configs/old.bak': 'description Hikvision\n',
      'configs/keep.bak': 'description Dahua\n',
      'configs/.gitignore': 'local-*.cfg\n',
      'configs/local-lab.cfg': 'description Hytera\n',
      'backup/full.cfg': 'description Kaspersky\n',
    });
    const files = (args: string[], cwd = repo) => scannedFiles(args, cwd);
    assert.deepEqual(files(['.']), ['.gitignore', 'configs/.gitignore', 'configs/a.cfg', 'configs/b.txt', 'configs/keep.bak']);
    assert.deepEqual(files(['configs']), ['configs/.gitignore', 'configs/a.cfg', 'configs/b.txt', 'configs/keep.bak'], 'the root .gitignore applies below it');
    assert.deepEqual(files(['.'], join(repo, 'configs')), ['.gitignore', 'a.cfg', 'b.txt', 'keep.bak'], 'and from a subdirectory');
    assert.deepEqual(files(['configs/old.bak', 'backup/full.cfg']), ['backup/full.cfg', 'configs/old.bak'], 'named files are scanned');
    assert.deepEqual(files(['**/*.cfg']), ['configs/a.cfg']);
    assert.deepEqual(files(['configs/*.{cfg,txt}']), ['configs/a.cfg', 'configs/b.txt']);
    const none = run(['scan', 'configs/*.xml'], repo);
    assert.equal(none.code, 2);
    assert.match(none.stdout, /configs\/\*\.xml.*no file matches this pattern/s);
  });

  it('reads .git/info/exclude under the .gitignore files, and walks a named directory even if ignored', () => {
    const repo = tree({
      '.git/info/exclude': 'lab/\n*.cfg\n',
      '.gitignore': '!keep.cfg\n',
      'a.cfg': 'description Huawei\n',
      'keep.cfg': 'description ZTE\n',
      'lab/sub/x.cfg': 'description Hikvision\n',
    });
    assert.deepEqual(scannedFiles(['.'], repo), ['.gitignore', 'keep.cfg'], 'the .gitignore re-includes what the exclude file ignores');
    assert.deepEqual(scannedFiles(['lab'], repo), ['lab/sub/x.cfg'], 'named, as a named file would be, with its own .gitignore files only');
    assert.deepEqual(scannedFiles(['lab/**/*.cfg'], repo), ['lab/sub/x.cfg']);
  });

  it('skips files over --max-file-size and reports unreadable paths without stopping the scan', () => {
    const dir = tree({ 'big.cfg': `description Huawei ${'x'.repeat(5000)}\n`, 'small.cfg': 'description ZTE\n' });
    const skipped = json(['scan', '--max-file-size', '1000', '.'], dir);
    assert.equal(skipped.code, 1);
    assert.deepEqual(skipped.report.problems.map((p: { file: string; code: string }) => `${p.file} ${p.code}`), ['big.cfg skipped-too-large']);
    assert.deepEqual(skipped.report.findings.map((f: { vendor: string }) => f.vendor), ['zte']);

    symlinkSync(join(dir, 'gone.cfg'), join(dir, 'dangling.cfg'));
    const broken = json(['scan', 'dangling.cfg', 'small.cfg'], dir);
    assert.equal(broken.code, 2, 'an unreadable named file is an error');
    assert.equal(broken.stderr, '');
    assert.deepEqual(broken.report.problems.map((p: { file: string; code: string }) => `${p.file} ${p.code}`), ['dangling.cfg io-error']);
    assert.equal(broken.report.findings.length, 1, 'the rest is still scanned');
    assert.equal(run(['scan', '--max-file-size', '0', '.'], dir).code, 2);
  });

  it('applies a policy file as the editor does: profiles, overrides, own vendors, acceptances; rejects a broken one', () => {
    const quote = 'Manufacturer,MPN,Qty\nHikvision,DS-2CD2143G2-IU,4\n';
    const dir = tree({
      'a.cfg': 'description Huawei\n description ACME Surveillance NVR\n',
      'boms/quote.csv': quote,
      'policy.yaml': [
        'schemaVersion: 1',
        'profiles: [cz]',
        'severity: { vendors: { hikvision: warning } }',
        'vendors:',
        '  - id: acme',
        '    displayName: ACME Surveillance',
        '    status: flagged',
        '    names: [{ text: ACME Surveillance, kind: brand }]',
        '    sources: [{ url: "https://intranet.example/acme", checked: official }]',
      ].join('\n'),
      'broken.yaml': 'profiles: [cz\n',
      'mars.yaml': 'schemaVersion: 1\nprofiles: [mars]\n',
      'typo.yaml': 'schemaVersion: 1\nseverity: { vendors: { huawai: warning } }\n',
    });
    const withPolicy = json(['scan', '--policy', 'policy.yaml', 'a.cfg', 'boms/quote.csv'], dir);
    const by = (vendor: string) => withPolicy.report.findings.find((f: { vendor: string }) => f.vendor === vendor);
    assert.equal(by('huawei').severity, 'warning', 'the policy picks the cz profile (NÚKIB warning)');
    assert.equal(by('hikvision').severity, 'warning', 'vendor override');
    assert.equal(by('acme').severity, 'information', 'an own vendor no advisory names');
    assert.equal(json(['scan', '--policy', 'policy.yaml', '--profile', 'global', 'a.cfg'], dir).report.findings[0].severity, 'error', '--profile wins');
    assert.equal(json(['scan', '--profile', 'cz,us-federal', 'a.cfg'], dir).report.findings[0].severity, 'error', 'several profiles');

    // A decision kept in the policy file (as the editor writes it for a CSV) accepts the row's finding.
    const fingerprint = by('hikvision').fingerprint.split(':')[0];
    writeFileSync(join(dir, '.vendorlens.yaml'), `schemaVersion: 1\nacceptances:\n  - file: boms/quote.csv\n    fingerprint: ${fingerprint}\n    vendor: hikvision\n    reason: pilot\n    expires: 2099-01-01\n`);
    const accepted = json(['scan', 'boms/quote.csv'], dir);
    assert.equal(accepted.report.findings[0].accepted, true, '.vendorlens.yaml in the working folder applies by default');
    assert.equal(accepted.code, 0);

    for (const bad of ['broken.yaml', 'mars.yaml', 'typo.yaml', 'nope.yaml']) {
      const r = run(['scan', '--policy', bad, 'a.cfg'], dir);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /^vendorlens: /);
      assertNoStackTrace(r.stderr);
    }
    assert.match(run(['scan', '--policy', 'typo.yaml', 'a.cfg'], dir).stderr, /typo\.yaml:2: .*unknown vendor 'huawai'/);
  });

  it('gives the same report with worker threads as in one thread, in walk order', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 45; i++) files[`d${i % 3}/f${String(i).padStart(2, '0')}.cfg`] = `hostname f${i}\n description ${i % 2 ? 'Huawei' : 'ZTE'} ${i}\n`;
    files['d1/quote.csv'] = 'Manufacturer,Part\nDahua,IPC-1\n';
    const dir = tree(files);
    const pooled = run(['scan', '--format', 'json', '.'], dir);
    const single = run(['scan', '--format', 'json', '--jobs', '1', '.'], dir);
    const two = run(['scan', '--format', 'json', '--jobs', '2', '.'], dir);
    assert.equal(pooled.stderr, '', 'no progress when standard error is not a terminal');
    assert.equal(pooled.stdout, single.stdout);
    assert.equal(two.stdout, single.stdout);
    const report = JSON.parse(single.stdout);
    assert.equal(report.documents.length, 46);
    assert.deepEqual(report.documents.map((d: { file: string }) => d.file), [...report.documents.map((d: { file: string }) => d.file)].sort());
  });

  it('writes Markdown, HTML and CSV reports with the same findings and exit code', () => {
    const { report, code } = json(['scan', 'examples/']);
    for (const format of ['markdown', 'html', 'csv']) {
      const r = run(['scan', '--format', format, 'examples/']);
      assert.equal(r.code, code, format);
      for (const f of report.findings) assert.ok(r.stdout.includes(`${f.line}`), `${format} lists line ${f.line}`);
    }
    const html = run(['scan', '--format', 'html', 'examples/']).stdout;
    assert.match(html, /^<!DOCTYPE html>/);
    assert.doesNotMatch(html, /<script/i);
    const csv = run(['scan', '--format', 'csv', 'examples/']).stdout.trimEnd().split('\r\n');
    assert.equal(csv.length, report.findings.length + 1);
  });

  it('explains vendors and advisories and lists advisories by profile', () => {
    const zte = run(['explain', 'zte']);
    assert.equal(zte.code, 0);
    assert.match(zte.stdout, /^ZTE \(zte\)/);
    assert.match(zte.stdout, /cz-nukib-2018-huawei-zte/);
    const byName = run(['explain', '海康威视']);
    assert.equal(byName.code, 0);
    assert.match(byName.stdout, /^Hikvision/);
    const advisory = run(['explain', 'cz-nukib-2018-huawei-zte', '--profile', 'cz']);
    assert.match(advisory.stdout, /in force under profile 'cz'/);
    const list = run(['advisories', '--profile', 'cz']);
    assert.equal(list.code, 0);
    const rows = list.stdout.split('\n').filter((l) => /^\d{4}-/.test(l));
    assert.match(rows[0]!, / CZ .* in force .*cz-nukib-/);
    assert.match(rows[1]!, / CZ .* in force .*cz-nukib-/);
    assert.match(list.stdout, /knowledge base \d{4}\.\d{2}\.\d+ reviewed on /);
    // cz with eu-5g: the national warning still leads Huawei's advisories, then the 2025 one.
    const both = run(['explain', 'huawei', '--profile', 'cz,eu-5g']).stdout.split('\n').filter((l) => /^ {2}\d{4}-/.test(l));
    assert.match(both[0]!, /cz-nukib-2018-huawei-zte$/);
    assert.match(both[1]!, /cz-nukib-2025-prc-data$/);
    const version = run(['--version']);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\nknowledge base \d{4}\.\d{2}\.\d+ reviewed on \d{4}-\d{2}-\d{2}/);
    for (const args of [['explain', 'acme'], ['explain'], ['advisories', 'extra'], ['explain', 'zte', '--profile', 'mars']]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^vendorlens: /);
      assertNoStackTrace(r.stderr);
    }
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
