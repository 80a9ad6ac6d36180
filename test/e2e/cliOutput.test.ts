// The built CLI's output paths and streams (probe M3, M6, M9, L2, L3): the report never replaces or
// follows its way to a file it should not, never re-scans itself, and a closed pipe ends the scan quietly.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jobsFor } from '../../src/cli/jobs';
import { namesOwnStream } from '../../src/cli/output';
import { ROOT } from '../unit/helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const HUAWEI = 'hostname a\n description uplink to HUAWEI NE40E\n';

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'vendorlens-out-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('CLI output safety', () => {
  it('M6: refuses to write the report over a file it scans, and leaves that file as it was', () => {
    const dir = scratch({ 'quote.csv': 'Manufacturer,Part\nHuawei,S5735\n' });
    const before = readFileSync(join(dir, 'quote.csv'), 'utf8');
    for (const output of ['quote.csv', './quote.csv', join(dir, 'quote.csv')]) {
      const r = run(['scan', 'quote.csv', '-o', output, '--format', 'csv'], dir);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /one of the scan's inputs/);
      assert.equal(readFileSync(join(dir, 'quote.csv'), 'utf8'), before);
    }
  });

  it('M6: refuses to write the report over the policy or the baseline it reads', () => {
    const policy = 'schemaVersion: 1\nprofiles: [cz]\n';
    const dir = scratch({ 'edge.cfg': HUAWEI, '.vendorlens.yaml': policy, 'org.yaml': policy, 'base.json': '{"findings": []}' });
    for (const args of [['-o', '.vendorlens.yaml'], ['--policy', 'org.yaml', '-o', 'org.yaml'], ['--baseline', 'base.json', '-o', 'base.json', '--format', 'json']]) {
      const r = run(['scan', 'edge.cfg', ...args], dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /one of the scan's inputs/);
    }
    assert.equal(readFileSync(join(dir, '.vendorlens.yaml'), 'utf8'), policy);
    assert.equal(readFileSync(join(dir, 'base.json'), 'utf8'), '{"findings": []}');
  });

  it('M6: a link at the output path is replaced by the report, never followed to its target', () => {
    const dir = scratch({ 'victim.txt': 'precious\n' });
    mkdirSync(join(dir, 'repo'));
    writeFileSync(join(dir, 'repo', 'edge.cfg'), HUAWEI);
    symlinkSync('../victim.txt', join(dir, 'repo', 'vendorlens.sarif'));
    const r = run(['scan', '--format', 'sarif', '--output', 'vendorlens.sarif', '.'], join(dir, 'repo'));
    assert.equal(r.code, 1, r.stderr);
    assert.equal(readFileSync(join(dir, 'victim.txt'), 'utf8'), 'precious\n');
    assert.ok(!lstatSync(join(dir, 'repo', 'vendorlens.sarif')).isSymbolicLink(), 'the link itself was replaced');
    assert.equal(JSON.parse(readFileSync(join(dir, 'repo', 'vendorlens.sarif'), 'utf8')).version, '2.1.0');
    assert.deepEqual(readdirSync(join(dir, 'repo')).sort(), ['edge.cfg', 'vendorlens.sarif'], 'no temporary file left behind');
  });

  it('M6: the README CI command run again and again finds the same results: its own report is not scanned', () => {
    const dir = scratch({ 'edge.cfg': HUAWEI });
    const counts = [1, 2, 3].map(() => {
      assert.equal(run(['scan', '--format', 'sarif', '--output', 'vendorlens.sarif', '.'], dir).code, 1);
      return JSON.parse(readFileSync(join(dir, 'vendorlens.sarif'), 'utf8')).runs[0].results.length;
    });
    assert.equal(new Set(counts).size, 1, `results per run: ${counts.join(', ')}`);
    for (const _ of [1, 2]) run(['scan', '--format', 'json', '-o', 'report.json', '.'], dir);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    assert.ok(!report.documents.some((d: { file: string }) => d.file === 'report.json'));
  });

  it('M6: a link to a directory at the output path is not written through either', () => {
    const dir = scratch({ 'edge.cfg': HUAWEI });
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync('elsewhere', join(dir, 'out'));
    const r = run(['scan', 'edge.cfg', '-o', 'out'], dir);
    assert.equal(readdirSync(join(dir, 'elsewhere')).length, 0);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(lstatSync(join(dir, 'out')).isFile(), 'the link was replaced by the report');
    assert.match(readFileSync(join(dir, 'out'), 'utf8'), /HUAWEI/);
  });

  it('M6: a FIFO named as the output is written to; a link to a device planted in the tree is replaced, not followed', async () => {
    // Scratch paths only, never the real /dev ones: a regression here must not replace a device.
    const dir = scratch({ 'edge.cfg': HUAWEI });
    spawnSync('mkfifo', [join(dir, 'pipe')]);
    const reader = spawn('cat', [join(dir, 'pipe')]);
    let read = '';
    reader.stdout.on('data', (d) => (read += d));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const r = run(['scan', 'edge.cfg', '-o', 'pipe'], dir);
    await closed;
    assert.equal(r.code, 1, r.stderr);
    assert.match(read, /HUAWEI/);
    assert.ok(lstatSync(join(dir, 'pipe')).isFIFO(), 'the FIFO stays');
    symlinkSync('/dev/null', join(dir, 'planted'));
    assert.equal(run(['scan', 'edge.cfg', '-o', 'planted'], dir).code, 1);
    assert.ok(lstatSync(join(dir, 'planted')).isFile(), 'the planted link was replaced by the report');
    assert.match(readFileSync(join(dir, 'planted'), 'utf8'), /HUAWEI/);
  });

  it("M6: the process's own streams by name are written through", () => {
    for (const own of ['/dev/stdout', '/dev/stderr', '/dev/fd/1', '/proc/self/fd/2']) assert.ok(namesOwnStream(own), own);
    for (const other of ['/dev/sda', '/dev/null', '/tmp/dev/stdout', '/dev/stdout2', '/proc/1/fd/1']) assert.ok(!namesOwnStream(other), other);
  });

  it('M3: escapes in a maker cell and a file name reach the terminal as visible text', () => {
    const dir = scratch({
      'ansi.csv': 'Manufacturer,Part,Description,Qty\n"Ingram \u001b[2J\u001b]0;PWNED\u0007\u001b[31mMicro",ZXR10 5960-56QU-HI,switch,1\n',
      'evil\u001b[31mname\u001b]0;T\u0007.cfg': HUAWEI,
    });
    const r = run(['scan', '.'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(r.stdout), 'no raw control character');
    assert.match(r.stdout, /Ingram \\x1b\[2J\\x1b\]0;PWNED\\x07/);
    assert.match(r.stdout, /evil\\x1b\[31mname/);
  });

  it('L2: a reader that stops early (| head -c 100) ends the scan quietly, with its exit code', async () => {
    const dir = scratch({ 'many.cfg': ' description HUAWEI\n'.repeat(50_000) });
    const child = spawn(process.execPath, [CLI, 'scan', 'many.cfg', '--format', 'json'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.equal(stderr, '');
    assert.equal(code, 1);
  });

  it('L3: after --, -h is a file to scan, not a request for help', () => {
    const dir = scratch({ '-h': HUAWEI });
    const r = run(['scan', '--format', 'json', '--', '-h'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).documents[0].file, '-h');
    assert.equal(run(['scan', '-h'], dir).code, 0, 'before --, still help');
  });

  it('M9: --jobs is capped at the files and at the larger of the cores and 8; a one-file scan starts no worker', () => {
    assert.equal(jobsFor(1000, 1, 2), 1);
    assert.equal(jobsFor(200, 40, 2), 8);
    assert.equal(jobsFor(1000, undefined, 2), 8);
    assert.equal(jobsFor(1000, undefined, 64), 64);
    assert.equal(jobsFor(3, undefined, 2), 3);
    assert.equal(jobsFor(0, 5, 16), 1, 'a short walk is analysed in the main thread');
    assert.equal(jobsFor(0, undefined, 16), 8);
    const dir = scratch({ 'edge.cfg': HUAWEI });
    const r = run(['scan', 'edge.cfg', '--jobs', '1000', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).findings.length, 1);
    const rejected = run(['scan', 'edge.cfg', '--jobs', '1e3'], dir);
    assert.equal(rejected.code, 2);
    assert.match(rejected.stderr, /--jobs must be a positive whole number/);
  });
});

describe('CLI reading odd files', () => {
  it('L1: a file whose name is not valid UTF-8 is scanned, shown with its bytes escaped; a directory so named fails the scan', () => {
    const dir = scratch({ 'plain.cfg': ' description Hikvision\n' });
    const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
    writeFileSync(bytes(dir, '/caf', [0xe9], '-', [0xff], '.cfg'), HUAWEI);
    for (const jobs of ['1', '2']) {
      const r = run(['scan', '.', '--format', 'json', '--jobs', jobs], dir);
      assert.equal(r.code, 1, r.stderr);
      const report = JSON.parse(r.stdout);
      assert.deepEqual(report.documents.map((d: { file: string }) => d.file).sort(), ['caf\\xe9-\\xff.cfg', 'plain.cfg']);
      assert.deepEqual(report.problems, []);
      assert.ok(report.findings.some((f: { file: string; vendor: string }) => f.file === 'caf\\xe9-\\xff.cfg' && f.vendor === 'huawei'));
    }
    mkdirSync(bytes(dir, '/sub', [0xfe]));
    const r = run(['scan', '.'], dir);
    assert.equal(r.code, 2, 'a directory that could not be walked fails the scan');
    assert.match(r.stdout, /sub\\xfe[\s\S]*not walked: the directory name is not valid UTF-8/);
  });

  it('L13: a pseudo-file whose size reads 0 (/proc, Linux) is read to its end', async () => {
    // A process's name is in /proc/PID/comm, which stat reports as 0 bytes.
    const holder = spawn(process.execPath, ['-e', 'process.title = "HUAWEI NE40E"; console.log("ready"); setInterval(() => {}, 1000)']);
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      const comm = `/proc/${holder.pid}/comm`;
      assert.equal(lstatSync(comm).size, 0);
      const r = run(['scan', comm, '--format', 'json'], tmpdir());
      assert.equal(r.code, 1, r.stderr);
      assert.equal(JSON.parse(r.stdout).findings[0].vendor, 'huawei');
    } finally {
      holder.kill();
    }
  });
});
