// The workspace review's .gitignore rules agree with git itself (`git check-ignore`) on nested files,
// negations, directory-only patterns and anchored patterns.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GitignoreRules } from '../../src/client/review/gitignore';

const IGNORE_FILES: Record<string, string> = {
  '': ['# build output', 'build/', '*.bak', '!keep.bak', '/root-only.cfg', 'logs/**/*.log', 'secret-*', ''].join('\n'),
  configs: ['old/', '!important.bak', 'draft.cfg'].join('\n'),
  'configs/site-b': ['!draft.cfg', '*.txt'].join('\n'),
  build: ['!rescued.cfg'].join('\n'),
};

const PATHS = [
  'a.cfg',
  'a.bak',
  'keep.bak',
  'root-only.cfg',
  'configs/root-only.cfg',
  'build/out.cfg',
  'build/rescued.cfg',
  'configs/old/x.cfg',
  'configs/important.bak',
  'configs/other.bak',
  'configs/draft.cfg',
  'configs/site-b/draft.cfg',
  'configs/site-b/notes.txt',
  'configs/site-a/notes.txt',
  'logs/2026/app.log',
  'logs/app.txt',
  'secret-key.txt',
  'configs/secret-dir/file.cfg',
];

describe('workspace review: .gitignore rules', () => {
  let repo: string;

  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'vendorlens-gitignore-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    for (const [dir, text] of Object.entries(IGNORE_FILES)) {
      mkdirSync(join(repo, dir), { recursive: true });
      writeFileSync(join(repo, dir, '.gitignore'), text);
    }
    for (const path of PATHS) {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), 'x\n');
    }
  });

  after(() => rmSync(repo, { recursive: true, force: true }));

  it('agrees with git check-ignore on every path', () => {
    const rules = new GitignoreRules();
    for (const [dir, text] of Object.entries(IGNORE_FILES)) rules.add(dir, text);
    // check-ignore prints the ignored paths and exits 1 when none is; --no-index looks at files as they are.
    let output = '';
    try {
      output = execFileSync('git', ['check-ignore', '--no-index', ...PATHS], { cwd: repo, encoding: 'utf8' });
    } catch (e) {
      output = (e as { stdout?: string }).stdout ?? '';
    }
    const byGit = new Set(output.split('\n').filter(Boolean));
    assert.ok(byGit.size > 5 && byGit.size < PATHS.length, `a meaningful mix: ${[...byGit].join(', ')}`);
    for (const path of PATHS) assert.equal(rules.isIgnored(path), byGit.has(path), path);
  });

  it('ignores nothing without rules, and whole directories with them', () => {
    assert.equal(new GitignoreRules().isIgnored('build/out.cfg'), false);
    const rules = new GitignoreRules();
    rules.add('', 'build/\n');
    assert.equal(rules.isIgnored('build', true), true);
    assert.equal(rules.isIgnored('build', false), false, 'a file named build is not the directory');
    assert.equal(rules.isIgnored('src/build/x.cfg'), true);
  });
});
