// Runs the built `vendorlens eval` over the labelled fixture tree (test/fixtures/eval) and over broken copies.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knowledge, ROOT } from '../unit/helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const FIXTURES = 'test/fixtures/eval';

function run(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A writable copy of the fixture tree. */
function copyOfFixtures(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vendorlens-eval-'));
  cpSync(join(ROOT, FIXTURES), dir, { recursive: true });
  return dir;
}

describe('vendorlens eval', () => {
  it('scores the labelled fixtures: a confusion table, vendor scores, the trap, exit 0', () => {
    const { code, stdout, stderr } = run(['eval', `${FIXTURES}/configs`, `${FIXTURES}/boms`]);
    assert.equal(stderr, '');
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^Evaluation of test\/fixtures\/eval\/configs: 7 files$/m);
    assert.match(stdout, /^ {2}expected \\ recognised +vrp +comware +zxros +ios +unknown +right$/m);
    assert.match(stdout, /^ {2}h3c-comware +\. +2 +\. +\. +\. +2\/2$/m);
    assert.match(stdout, /^ {2}unknown +\. +\. +\. +\. +1 +1\/1$/m, 'the shell script stays unknown');
    assert.match(stdout, /^ {2}all +1 +2 +1 +2 +1 +7\/7$/m);
    assert.match(stdout, /cisco_ios\/huawei-migration-r2\.cfg \[trap\]: expected cisco-ios, recognised cisco-ios; flagged: -; right/);
    assert.match(stdout, /^ {2}huawei +1 +1 +0 +0 +0 +1\.000 +1\.000$/m);
    assert.match(stdout, /borderline vendors seen \(not counted\): h3c in 2 files/);
    assert.match(stdout, /^ {2}csv\/camera-quote\.csv +csv +1 +hikvision +hikvision ×1 \(vendor-name high\) +right$/m);
    assert.match(stdout, /^ {2}yaml-device-inventory\/netbox-ZTE-ZXA10-C620\.yaml +inventory-yaml +1 +zte +zte ×1/m, 'expected from the file name');
    assert.equal((stdout.match(/0 flagged-vendor false positives — PASS/g) ?? []).length, 2);
  });

  it('writes JSON with the same verdicts', () => {
    const { code, stdout } = run(['eval', '--format', 'json', `${FIXTURES}/configs`]);
    assert.equal(code, 0);
    const result = JSON.parse(stdout);
    assert.equal(result.passed, true);
    const [configs] = result.evaluations;
    assert.deepEqual(configs.counts, { right: 7, wrong: 0, 'not identified': 0, 'not analysed': 0 });
    assert.deepEqual(configs.confusion['cisco-ios'], { 'cisco-ios': 2 });
    const manuinfo = configs.files.find((f: { file: string }) => f.file.endsWith('manuinfo.txt'));
    assert.deepEqual([manuinfo.detectedDialect, manuinfo.flagged, manuinfo.borderline], ['h3c-comware', {}, ['h3c']], "the switch's own Huawei-block MAC is H3C's");
  });

  it('reports what a scan of the same folders finds: dialects, and flagged findings per vendor and file', () => {
    const kb = knowledge();
    for (const folder of [`${FIXTURES}/configs`, `${FIXTURES}/boms`]) {
      const evaluation = JSON.parse(run(['eval', '--format', 'json', folder]).stdout).evaluations[0];
      const scan = JSON.parse(run(['scan', '--format', 'json', '--fail-on', 'none', folder]).stdout);
      const relative = (file: string) => file.slice(folder.length + 1);
      assert.ok(evaluation.files.length >= 3, folder);
      for (const outcome of evaluation.files as { file: string; detectedDialect: string; findings: number; flagged: Record<string, { findings: number }> }[]) {
        const document = scan.documents.find((d: { file: string }) => relative(d.file) === outcome.file);
        assert.ok(document, `${outcome.file} scanned`);
        if (outcome.detectedDialect !== undefined) assert.equal(document.dialect, outcome.detectedDialect, outcome.file);
        const findings = scan.findings.filter((f: { file: string }) => relative(f.file) === outcome.file);
        assert.equal(findings.length, outcome.findings, outcome.file);
        const flagged: Record<string, number> = {};
        for (const f of findings) if (kb.vendorById.get(f.vendor)?.status === 'flagged') flagged[f.vendor] = (flagged[f.vendor] ?? 0) + 1;
        assert.deepEqual(flagged, Object.fromEntries(Object.entries(outcome.flagged).map(([v, hits]) => [v, hits.findings])), outcome.file);
      }
    }
  });

  it('exits 1 on a false positive, a wrong dialect or a missed vendor, naming the file', () => {
    const dir = copyOfFixtures();
    writeFileSync(join(dir, 'configs/cisco_ios/edge-r3.cfg'), 'hostname edge-r3\n!\ninterface Gi0/1\n description uplink to Huawei NE40E\n!\nline vty 0 4\n!\nend\n');
    writeFileSync(join(dir, 'configs/cisco_ios/misfiled.cfg'), '#\nsysname misfiled\n#\nvlan batch 10\n#\ninterface Vlanif10\n#\nreturn\n');
    writeFileSync(join(dir, 'boms/yaml-device-inventory/netbox-Dahua-NVR.yaml'), 'manufacturer: Generic\nmodel: NVR-8\n');
    const { code, stdout } = run(['eval', join(dir, 'configs'), join(dir, 'boms')]);
    assert.equal(code, 1);
    assert.match(stdout, /cisco_ios\/edge-r3\.cfg: .*wrong — false positive: huawei/);
    assert.match(stdout, /cisco_ios\/misfiled\.cfg: expected cisco-ios, recognised huawei-vrp; .*wrong — recognised as huawei-vrp, expected cisco-ios; false positive: huawei/);
    assert.match(stdout, /netbox-Dahua-NVR\.yaml .*wrong: missed: no dahua finding/);
    assert.match(stdout, /^ {2}huawei +1 +1 +0 +2 +0 +0\.333 +1\.000$/m);
    assert.match(stdout, /2 flagged-vendor false positives — FAIL/);
  });

  it('exits 2 with a message for a missing folder, a file, an unknown option or no folder', () => {
    for (const args of [['eval', 'no/such/dir'], ['eval', 'README.md'], ['eval', '--fail-on', 'error', FIXTURES], ['eval'], ['eval', '--format', 'sarif', FIXTURES]]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^vendorlens: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });
});
