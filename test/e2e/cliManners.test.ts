// How the built CLI behaves in pipelines and terminals: per-command help, typo suggestions, versions of
// both binaries, an empty scan, colour from the environment, and what --exclude, .vendorlensignore and
// the policy's exclude: leave out.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../unit/helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const LSP = join(ROOT, 'dist', 'server', 'node.js');
const HUAWEI = 'hostname a\n description uplink to HUAWEI NE40E\n';

function run(args: string[], cwd = ROOT, env: Record<string, string | undefined> = { NO_COLOR: '1' }, program = CLI) {
  const inherited = { ...process.env };
  delete inherited.FORCE_COLOR;
  delete inherited.NO_COLOR;
  const result = spawnSync(process.execPath, [program, ...args], { cwd, encoding: 'utf8', env: { ...inherited, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vendorlens-manners-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function scanned(args: string[], cwd: string): string[] {
  const r = run(['scan', '--format', 'json', ...args], cwd);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout).documents.map((d: { file: string }) => d.file).sort();
}

describe('CLI manners', () => {
  it('prints one command’s help for scan --help, and the whole help for --help', () => {
    const scan = run(['scan', '--help']);
    assert.equal(scan.code, 0);
    assert.match(scan.stdout, /^Usage: vendorlens scan /);
    assert.match(scan.stdout, /--exclude GLOB/);
    assert.doesNotMatch(scan.stdout, /^eval: /m);
    const all = run(['--help']);
    assert.match(all.stdout, /^eval: /m);
    assert.notEqual(all.stdout, scan.stdout);
  });

  it('suggests what a typo meant and exits 2, pointing at the command’s help', () => {
    const option = run(['scan', '--formt', 'json', 'examples/']);
    assert.equal(option.code, 2);
    assert.equal(option.stdout, '');
    assert.match(option.stderr, /^vendorlens: unknown option '--formt' for 'scan'; did you mean --format\?\nRun 'vendorlens scan --help' for usage\.\n$/);
    const command = run(['sacn', 'examples/']);
    assert.equal(command.code, 2);
    assert.match(command.stderr, /did you mean 'scan'\?/);
  });

  it('prints versions with -V and --version, and the language server answers --help and --version without starting', () => {
    const version = JSON.parse(require('node:fs').readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    for (const flag of ['-V', '--version']) {
      const r = run([flag]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, new RegExp(`^${version.replace(/\./g, '\\.')}\\nknowledge base \\d{4}\\.\\d{2}\\.\\d+ reviewed on \\d{4}-\\d{2}-\\d{2}`));
    }
    const lspVersion = run(['--version'], ROOT, {}, LSP);
    assert.equal(lspVersion.code, 0);
    assert.equal(lspVersion.stdout, `${version}\n`);
    const lspHelp = run(['--help'], ROOT, {}, LSP);
    assert.equal(lspHelp.code, 0);
    assert.match(lspHelp.stdout, /^Usage: vendorlens-lsp --stdio/);
    assert.equal(lspHelp.stderr, '');
  });

  it('exits 2 with a message when nothing is found to scan, unless --allow-empty', () => {
    const dir = tree({ 'notes/.gitignore': '*\n', 'notes/a.cfg': HUAWEI });
    const empty = run(['scan', join(dir, 'notes')]);
    assert.equal(empty.code, 2);
    assert.equal(empty.stdout, '');
    assert.match(empty.stderr, /^vendorlens: no file to scan in .*notes .*--allow-empty/);
    const allowed = run(['scan', '--allow-empty', '--format', 'json', join(dir, 'notes')]);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.deepEqual(JSON.parse(allowed.stdout).documents, []);
  });

  it('colours piped text with FORCE_COLOR, and not with NO_COLOR or FORCE_COLOR=0', () => {
    const dir = tree({ 'a.cfg': HUAWEI });
    const ansi = /\u001b\[\d+m/;
    assert.match(run(['scan', 'a.cfg'], dir, { FORCE_COLOR: '1' }).stdout, ansi);
    assert.doesNotMatch(run(['scan', 'a.cfg'], dir, { NO_COLOR: '1' }).stdout, ansi);
    assert.doesNotMatch(run(['scan', 'a.cfg'], dir, { FORCE_COLOR: '0' }).stdout, ansi);
    assert.doesNotMatch(run(['scan', 'a.cfg'], dir, {}).stdout, ansi, 'a pipe is not a terminal');
    assert.match(run(['scan', '--color', 'a.cfg'], dir, { NO_COLOR: '1' }).stdout, ansi);
  });

  it('leaves out --exclude globs, .vendorlensignore and the policy’s exclude:, but scans a file named on purpose', () => {
    const dir = tree({
      'site/core.cfg': HUAWEI,
      'site/core.cfg.bak': HUAWEI,
      'lab/test.cfg': HUAWEI,
      'archive/old.cfg': HUAWEI,
      'archive/keep.cfg': HUAWEI,
      'vendor-quotes/q.csv': 'Manufacturer,Part\nHuawei,S5735\n',
    });
    assert.deepEqual(scanned(['.'], dir), ['archive/keep.cfg', 'archive/old.cfg', 'lab/test.cfg', 'site/core.cfg', 'site/core.cfg.bak', 'vendor-quotes/q.csv']);
    assert.deepEqual(scanned(['--exclude', 'lab/', '--exclude=*.bak', '.'], dir), ['archive/keep.cfg', 'archive/old.cfg', 'site/core.cfg', 'vendor-quotes/q.csv']);
    assert.deepEqual(scanned(['--exclude', '*.bak', 'site/**'], dir), ['site/core.cfg'], 'a glob’s files too');

    writeFileSync(join(dir, '.vendorlensignore'), 'archive/*\n!archive/keep.cfg\n');
    assert.deepEqual(scanned(['.'], dir), ['.vendorlensignore', 'archive/keep.cfg', 'lab/test.cfg', 'site/core.cfg', 'site/core.cfg.bak', 'vendor-quotes/q.csv']);

    writeFileSync(join(dir, '.vendorlens.yaml'), 'exclude:\n  - vendor-quotes/\n  - "*.bak"\n');
    assert.deepEqual(scanned(['.'], dir), ['.vendorlens.yaml', '.vendorlensignore', 'archive/keep.cfg', 'lab/test.cfg', 'site/core.cfg']);
    assert.deepEqual(scanned(['site/core.cfg.bak'], dir), ['site/core.cfg.bak'], 'a named file is scanned whatever the excludes');

    // Everything excluded is an empty scan.
    assert.equal(run(['scan', '--exclude', '*', '.'], dir).code, 2);
  });

  it('applies .vendorlensignore to files git tracks, which .gitignore cannot hide', () => {
    const dir = tree({ 'site/core.cfg': HUAWEI, 'lab/test.cfg': HUAWEI, 'build/out.cfg': HUAWEI });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'configs');
    writeFileSync(join(dir, '.gitignore'), 'build/\n');
    assert.deepEqual(scanned(['.'], dir), ['.gitignore', 'build/out.cfg', 'lab/test.cfg', 'site/core.cfg'], 'tracked files are scanned though .gitignore lists them, as git keeps them');
    writeFileSync(join(dir, '.vendorlensignore'), 'lab/\nbuild/\n');
    assert.deepEqual(scanned(['.'], dir), ['.gitignore', '.vendorlensignore', 'site/core.cfg']);
  });

  it('rejects an exclude: that is not a list of patterns, with its line', () => {
    const dir = tree({ 'a.cfg': HUAWEI, '.vendorlens.yaml': 'exclude: lab/\n' });
    const r = run(['scan', '.'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.vendorlens\.yaml:1/);
  });
});
