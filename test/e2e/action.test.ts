// The GitHub Action (action.yml) run the way a runner runs a composite action, by the shim in
// actionRunner.ts: its bash steps install the CLI from the packed tarball (as `npm pack` makes it,
// offline, like cliPackage.test.ts) and scan a copy of examples/. No network: npm runs --offline.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { ROOT } from '../unit/helpers';
import { assertValidSarif } from '../unit/sarifSchema';
import { parseOutputFile, readAction, runCompositeAction, type ActionRun } from './actionRunner';

const action = readAction(join(ROOT, 'action.yml'));
const version: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

interface SarifLog {
  runs: { properties?: { profiles?: string[] }; results: { level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[];
}

describe('GitHub Action (action.yml) on a local runner shim', function () {
  this.timeout(180_000);
  let work: string;
  let tarball: string;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'vendorlens-action-'));
    // The bundles are the suite's build (dist/), as in cliPackage.test.ts.
    const pack = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    tarball = join(work, JSON.parse(pack.stdout)[0].filename);
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  /** A fresh checkout holding examples/, and the Action run in it with npm kept offline. */
  function run(inputs: Record<string, string>, files: Record<string, string> = {}): ActionRun & { workspace: string } {
    const workspace = mkdtempSync(join(work, 'workspace-'));
    cpSync(join(ROOT, 'examples'), join(workspace, 'examples'), { recursive: true });
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(workspace, path, '..'), { recursive: true });
      writeFileSync(join(workspace, path), text);
    }
    const env = { npm_config_offline: 'true', npm_config_cache: join(work, 'npm-cache'), npm_config_update_notifier: 'false', NO_COLOR: '1' };
    return { ...runCompositeAction(action, { actionPath: ROOT, workspace, inputs, env }), workspace };
  }

  it('declares the inputs and outputs the docs promise, and reads every input through env', () => {
    assert.deepEqual(Object.keys(action.inputs).sort(), ['cli', 'exclude', 'fail-on', 'format', 'output', 'paths', 'policy', 'profile', 'working-directory']);
    assert.deepEqual(Object.keys(action.outputs).sort(), ['exit-code', 'report', 'sarif']);
    for (const step of action.runs.steps) {
      // An input pasted into a script is a script injection: `paths: "$(curl …)"` would run.
      assert.doesNotMatch(step.run ?? '', /\$\{\{/, `${step.name} pastes no expression into its script`);
    }
  });

  it('installs the packed CLI, scans examples/ and writes SARIF 2.1.0 that code scanning reads, failing on findings', () => {
    const result = run({ cli: tarball, paths: 'examples', profile: 'cz' });
    const [install, scan] = result.steps;
    assert.equal(install?.status, 0, install?.stdout + install?.stderr);
    assert.match(install!.stdout, new RegExp(`^${version.replace(/\./g, '\\.')}\\nknowledge base `), 'the installed CLI prints its version');
    assert.equal(scan?.status, 1, `findings at warning or above fail the step: ${scan?.stderr}`);
    assert.equal(result.outputs['exit-code'], '1');
    const sarifPath = result.outputs.sarif!;
    assert.ok(isAbsolute(sarifPath) && sarifPath.startsWith(result.runnerTemp), sarifPath);
    assert.equal(result.outputs.report, sarifPath);
    const log = JSON.parse(readFileSync(sarifPath, 'utf8')) as SarifLog;
    assertValidSarif(log);

    // The same results the CLI gives for the same scan, with paths relative to the checkout (what upload-sarif needs).
    const direct = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'scan', '--format', 'sarif', '--profile', 'cz', 'examples'], { cwd: result.workspace, encoding: 'utf8' });
    const expected = (JSON.parse(direct.stdout) as SarifLog).runs[0]!.results;
    const results = log.runs[0]!.results;
    assert.ok(results.length > 0);
    assert.equal(results.length, expected.length);
    assert.deepEqual(log.runs[0]!.properties?.profiles, ['cz'], 'the profile input reached the scan');
    for (const r of results) {
      const location = r.locations[0]!.physicalLocation.artifactLocation;
      assert.match(location.uri, /^examples\/(configs|boms)\//);
      assert.equal(location.uriBaseId, '%SRCROOT%');
      assert.ok(existsSync(join(result.workspace, decodeURIComponent(location.uri))), location.uri);
    }
    const open = results.length;
    assert.match(result.summary, new RegExp(`^VendorLens: ${open} open findings \\(`), 'a summary for the job page');
    assert.match(scan!.stdout, /open findings/, 'and the same line in the log');
  });

  it('passes the policy, excludes, fail-on, working-directory and format through: annotations, exit 0', () => {
    const result = run(
      {
        cli: tarball,
        'working-directory': 'examples',
        paths: 'configs\n  boms/nvr-firmware.spdx  \n',
        policy: 'policies/lab.yaml',
        exclude: '*_show-*.txt\n',
        'fail-on': 'none',
        format: 'github',
      },
      { 'examples/policies/lab.yaml': 'schemaVersion: 1\nprofiles: [info]\n' },
    );
    const scan = result.steps[1]!;
    assert.equal(scan.status, 0, scan.stderr);
    assert.deepEqual([result.outputs['exit-code'], result.outputs.sarif, result.outputs.report], ['0', '', '']);
    const annotations = scan.stdout.split('\n').filter((line) => line.startsWith('::'));
    assert.ok(annotations.length > 0, scan.stdout);
    const files = new Set(annotations.map((line) => /file=([^,]+)/.exec(line)![1]));
    assert.ok(files.has('boms/nvr-firmware.spdx') && files.has('configs/dc1-dist-sw2.cfg'), [...files].join(' '));
    assert.ok(![...files].some((file) => /_show-|\.csv$|\.cdx\.json$/.test(file!)), `excluded and unlisted files stay out: ${[...files].join(' ')}`);
    // The policy's info profile makes every finding a notice.
    assert.ok(annotations.every((line) => line.startsWith('::notice ')), annotations[0]);
  });

  it('exits 2 with the scan\'s message when a path does not exist, still giving the SARIF path', () => {
    const result = run({ cli: tarball, paths: 'examples/configs\nno-such-folder' });
    const scan = result.steps[1]!;
    assert.equal(scan.status, 2);
    assert.equal(result.outputs['exit-code'], '2');
    assert.match(scan.stdout, /^::error title=VendorLens::no-such-folder: no such file or directory$/m, 'the reason, as an annotation');
    assert.ok(result.outputs.sarif && existsSync(result.outputs.sarif), 'the SARIF is written: upload-sarif can still show what was found');
    const log = JSON.parse(readFileSync(result.outputs.sarif, 'utf8'));
    assertValidSarif(log);
    assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
  });

  it('installs vendorlens@<its own version> by default and says what to do when npm does not have it', () => {
    const result = run({ paths: 'examples' });
    assert.equal(result.steps.length, 1, 'the scan does not run without the CLI');
    const install = result.steps[0]!;
    assert.notEqual(install.status, 0);
    assert.match(install.stdout, new RegExp(`^::error title=VendorLens::could not install the CLI 'vendorlens@${version.replace(/\./g, '\\.')}' from npm; set the Action's 'cli' input`, 'm'));
    assert.deepEqual(result.outputs, { sarif: '', report: '', 'exit-code': '' });
  });

  it('reads GITHUB_OUTPUT as the runner does, multi-line values included', () => {
    assert.deepEqual(parseOutputFile('a=1\nb=x=y\nlist<<EOF\none\ntwo\nEOF\n'), { a: '1', b: 'x=y', list: 'one\ntwo' });
    assert.throws(() => parseOutputFile('text<<EOF\nnever closed\n'), /no closing EOF/);
  });
});
