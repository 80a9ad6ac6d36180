// Several reports from one scan (--output-format), the CI formats from the built CLI, and the streamed
// output of a tree large enough for the worker pool: the same findings in every report, in walk order.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../unit/helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A tree of many small configs, so the scan uses worker threads and results come back out of order. */
function tree(files: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'vendorlens-reports-'));
  for (let n = 0; n < files; n++) {
    const sub = join(dir, `site-${n % 4}`);
    mkdirSync(sub, { recursive: true });
    const lines = [`hostname sw${n}`];
    for (let p = 0; p < 1 + (n * 7) % 40; p++) lines.push(`interface Gi1/0/${p}`, ` description ${['HUAWEI NE40E', 'Hikvision NVR', 'printer', 'ZTE ZXR10 5960'][(n + p) % 4]} port ${p}`);
    writeFileSync(join(sub, `sw${n}.cfg`), lines.join('\n') + '\n');
  }
  return dir;
}

describe('CLI: several reports from one scan', () => {
  it('--output-format writes each report, the same findings as separate runs, and text to standard output', () => {
    const dir = tree(120);
    mkdirSync(join(dir, 'out'));
    const separate = JSON.parse(run(['scan', '--format', 'json', '--jobs', '1', '.'], dir).stdout);
    const r = run(['scan', '--jobs', '3', '--output-format', 'json=out/r.json,sarif=out/r.sarif', '--output-format', 'junit=out/r.xml', '-o', 'out/r.gitlab.json', '--format', 'gitlab', 'site-0', 'site-1', 'site-2', 'site-3'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '', 'with --output the last report goes to its file');
    const json = JSON.parse(readFileSync(join(dir, 'out/r.json'), 'utf8'));
    const byPlace = (f: { file: string; line: number; column: number }) => `${f.file}:${f.line}:${f.column}`;
    assert.deepEqual(json.findings.map(byPlace).sort(), separate.findings.map(byPlace).sort());
    // In walk order: the worker pool's results are put back in order before they are written.
    assert.deepEqual(json.documents.map((d: { file: string }) => d.file), [...separate.documents.map((d: { file: string }) => d.file)]);
    const sarif = JSON.parse(readFileSync(join(dir, 'out/r.sarif'), 'utf8'));
    assert.equal(sarif.runs[0].results.length, json.findings.length);
    const gitlab = JSON.parse(readFileSync(join(dir, 'out/r.gitlab.json'), 'utf8'));
    assert.equal(gitlab.length, json.findings.filter((f: { accepted: boolean }) => !f.accepted).length);
    const junit = readFileSync(join(dir, 'out/r.xml'), 'utf8');
    assert.equal((junit.match(/<testcase /g) ?? []).length, 120);
    assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['r.gitlab.json', 'r.json', 'r.sarif', 'r.xml'], 'no temporary file left, no report scanned');

    // With --output-format alone, only the reports named are written; text=- puts one on standard output.
    const named = run(['scan', '--output-format', 'markdown=r.md', 'site-0'], dir);
    assert.equal(named.code, 1, named.stderr);
    assert.equal(named.stdout, '');
    assert.match(readFileSync(join(dir, 'r.md'), 'utf8'), /^# VendorLens report/);
    const withText = run(['scan', '--output-format', 'markdown=r.md,text=-', 'site-0'], dir);
    assert.match(withText.stdout, /^Profile 'global'/);
  });

  it('rejects two reports to standard output, one file twice, and a malformed pair, before scanning', () => {
    const dir = tree(2);
    for (const [args, message] of [
      [['--output-format', 'json=-,sarif=-'], /only one report can go to standard output/],
      [['--output-format', 'json=a.out', '-o', 'a.out'], /two reports would be written to a.out/],
      [['--output-format', 'json'], /FORMAT=FILE pairs/],
      [['--output-format', 'jsn=a.json'], /did you mean json/],
    ] as const) {
      const r = run(['scan', ...args, '.'], dir);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
    }
    assert.deepEqual(readdirSync(dir).sort(), ['site-0', 'site-1']);
  });

  it('a report that cannot be written (a full disk) ends the scan with exit 2 and a message, in workers or not', () => {
    const dir = tree(150);
    for (const jobs of ['1', '2']) {
      const r = run(['scan', '--jobs', jobs, '--format', 'json', '-o', '/dev/full', '.'], dir);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /^vendorlens: cannot write --output \/dev\/full: .*no space/im);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('an empty scan writes no report file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vendorlens-empty-'));
    mkdirSync(join(dir, 'empty'));
    const r = run(['scan', '--output-format', 'json=r.json,junit=r.xml', 'empty'], dir);
    assert.equal(r.code, 2);
    assert.deepEqual(readdirSync(dir), ['empty']);
    const allowed = run(['scan', '--allow-empty', '--output-format', 'json=r.json,junit=r.xml', 'empty'], dir);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')), { documents: [], findings: [], problems: [] });
    assert.match(readFileSync(join(dir, 'r.xml'), 'utf8'), /<testsuite name="VendorLens scan" tests="0" failures="0" errors="0" skipped="0">/);
  });
});
