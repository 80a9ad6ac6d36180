// The pre-commit hooks (.pre-commit-hooks.yaml) on a throw-away git repository: the hook's entry run exactly
// as pre-commit runs it (entry, args, then the staged files its files/exclude patterns select), and the real
// `pre-commit try-repo` (Debian's pre-commit, installed by scripts/ensure-debian-packages.sh) running the
// system hook. The `vendorlens` command is the packed CLI installed offline, as in cliPackage.test.ts.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../unit/helpers';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude?: string;
  args?: string[];
  pass_filenames?: boolean;
}

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

// A Huawei VRP switch configuration that never names Huawei: the dialect gives it away.
const VRP_CONFIG = `!Software Version V200R021C10SPC600
#
sysname ACCESS-SW7
#
vlan batch 10 20
#
stp mode rstp
#
interface Vlanif10
 ip address 192.0.2.7 255.255.255.0
#
interface GigabitEthernet0/0/1
 port link-type trunk
 port trunk allow-pass vlan 10 20
#
return
`;
const CISCO_CONFIG = `version 17.9
service timestamps log datetime msec
hostname access-sw8
!
interface GigabitEthernet1/0/1
 switchport mode access
 switchport access vlan 10
!
end
`;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8' });
}

/** The files pre-commit hands a hook: the staged ones its `files` pattern finds and `exclude` does not (Python's re.search). */
function selectedFiles(hook: Hook, staged: string[]): string[] {
  const script = 'import json, re, sys\nh, files = json.loads(sys.stdin.read())\nprint(json.dumps([f for f in files if re.search(h["files"], f) and not (h.get("exclude") and re.search(h["exclude"], f))]))';
  const result = spawnSync('python3', ['-c', script], { input: JSON.stringify([hook, staged]), encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

describe('pre-commit hooks (.pre-commit-hooks.yaml)', function () {
  this.timeout(180_000);
  let work: string;
  let env: NodeJS.ProcessEnv;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'vendorlens-pre-commit-'));
    const npm = (args: string[]) => {
      const result = run('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund', '--no-update-notifier'], work);
      assert.equal(result.status, 0, result.stderr);
      return result.stdout;
    };
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work, ROOT]));
    npm(['install', '--global', '--offline', '--prefix', join(work, 'prefix'), join(work, packed.filename)]);
    env = { ...process.env, PATH: `${join(work, 'prefix', 'bin')}${delimiter}${process.env.PATH}`, PRE_COMMIT_HOME: join(work, 'pre-commit-home'), NO_COLOR: '1' };
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  /** A new repository with these files staged. */
  function repository(files: Record<string, string>): string {
    const repo = mkdtempSync(join(work, 'repo-'));
    assert.equal(run('git', ['init', '-q'], repo).status, 0);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
    assert.equal(run('git', ['add', '--', ...Object.keys(files)], repo).status, 0);
    return repo;
  }

  function staged(repo: string): string[] {
    return run('git', ['diff', '--cached', '--name-only', '-z'], repo).stdout.split('\0').filter(Boolean);
  }

  /** The hook's entry as pre-commit runs it: the entry split as a shell would, its args, then the files. */
  function runHook(hook: Hook, repo: string) {
    const [command, ...entryArgs] = hook.entry.split(/\s+/);
    return run(command!, [...entryArgs, ...(hook.args ?? []), ...selectedFiles(hook, staged(repo))], repo, env);
  }

  it('offers a Node.js hook and a system one, alike but for how the command is found', () => {
    assert.deepEqual(hooks.map((h) => [h.id, h.language]), [['vendorlens', 'node'], ['vendorlens-system', 'system']]);
    const [node, system] = hooks;
    assert.deepEqual({ ...node, id: '', language: '', name: '', description: '' }, { ...system, id: '', language: '', name: '', description: '' });
    assert.equal(node!.pass_filenames, true);
    assert.match(node!.entry, /^vendorlens scan /);
  });

  it('selects the configs, captures and BOMs the workspace review reads, and not the policy file or other sources', () => {
    const [hook] = hooks;
    const names = [
      'core.cfg', 'sites/brno/edge.IOS', 'backups/r1-running-config', 'r1_current-configuration.txt', 'lldp.log', 'olt.zxros', 'branch.rsc',
      'quote.csv', 'parts.tsv', 'bom.xlsx', 'bom.ods', 'sbom.spdx', 'sbom.spdx.json', 'hbom.cdx.xml', 'inventory.yml', 'inventory.yaml',
      'README.md', 'logo.png', 'src/main.ts', 'running-config-notes/readme.md', '.vendorlens.yaml', 'site/.vendorlens.yaml',
    ];
    assert.deepEqual(selectedFiles(hook!, names), names.slice(0, 16));
  });

  for (const hook of hooks) {
    it(`${hook.id}: its entry blocks a staged Huawei VRP config and passes a clean Cisco one`, () => {
      const blocked = runHook(hook, repository({ 'configs/access-sw7.cfg': VRP_CONFIG, 'README.md': 'Huawei in prose is no config.\n' }));
      assert.equal(blocked.status, 1, blocked.stderr);
      assert.match(blocked.stdout, /^configs\/access-sw7\.cfg$/m);
      assert.match(blocked.stdout, /This file is a Huawei VRP device configuration/);
      assert.doesNotMatch(blocked.stdout, /README/, 'only the selected files are scanned');
      assert.doesNotMatch(blocked.stdout, /\u001b\[/, 'no colour codes in the hook output');

      const clean = runHook(hook, repository({ 'configs/access-sw8.cfg': CISCO_CONFIG }));
      assert.equal(clean.status, 0, clean.stdout + clean.stderr);
      assert.match(clean.stdout, /No flagged-vendor findings in 1 file\./);
    });
  }

  it('pre-commit try-repo runs the system hook: fails on the VRP config, passes the Cisco one, skips other files', () => {
    const tryRepo = (repo: string) => run('pre-commit', ['try-repo', ROOT, 'vendorlens-system', '--color', 'never'], repo, env);
    const blocked = tryRepo(repository({ 'access-sw7.vrp.cfg': VRP_CONFIG }));
    assert.notEqual(blocked.status, 0, blocked.stdout + blocked.stderr);
    assert.match(blocked.stdout, /VendorLens \(flagged vendors in configs and BOMs\)\.+Failed/);
    assert.match(blocked.stdout, /access-sw7\.vrp\.cfg\n\s+1:1\s+error\s+This file is a Huawei VRP device configuration/);

    const clean = tryRepo(repository({ 'access-sw8.cfg': CISCO_CONFIG }));
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /VendorLens \(flagged vendors in configs and BOMs\)\.+Passed/);

    const unrelated = tryRepo(repository({ 'notes.md': 'Huawei\n' }));
    assert.equal(unrelated.status, 0, unrelated.stdout + unrelated.stderr);
    assert.match(unrelated.stdout, /\(no files to check\)Skipped/);
  });
});
