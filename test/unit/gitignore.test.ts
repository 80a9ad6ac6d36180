// The .gitignore rules of the workspace review and the CLI walk agree with git itself (`git check-ignore`)
// on nested files, negations, directory-only patterns, anchored patterns and the case of names.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GitignoreRules } from '../../src/shared/gitignore';

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
  'configs/site-a/LOUD.BAK',
];

describe('.gitignore rules', () => {
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

  it('matches names at any depth, anchored paths only from their directory, directories only with a slash', () => {
    const rules = new GitignoreRules();
    rules.add('repo', '# comment\n\n*.bak\n/build\nlogs/\ndocs/*.md\n');
    assert.ok(rules.isIgnored('repo/a/b/old.bak'));
    assert.ok(rules.isIgnored('repo/build', true));
    assert.ok(!rules.isIgnored('repo/src/build', true), 'a leading slash anchors');
    assert.ok(rules.isIgnored('repo/x/logs', true));
    assert.ok(!rules.isIgnored('repo/x/logs', false), 'logs/ is for directories');
    assert.ok(rules.isIgnored('repo/docs/a.md'));
    assert.ok(!rules.isIgnored('repo/docs/sub/a.md'), 'a middle slash anchors and * stays in one segment');
    assert.ok(!rules.isIgnored('other/old.bak'), 'rules apply under their own directory only');
  });

  it('lets the last matching rule win, across nested files, with ! re-including', () => {
    const rules = new GitignoreRules();
    rules.add('repo', '*.csv\n!keep.csv\n');
    rules.add('repo/boms', 'keep.csv\n!quote-*.csv\n');
    assert.ok(rules.isIgnored('repo/x.csv'));
    assert.ok(!rules.isIgnored('repo/keep.csv'));
    assert.ok(rules.isIgnored('repo/boms/keep.csv'), 'the deeper file decides last');
    assert.ok(!rules.isIgnored('repo/boms/quote-7.csv'));
  });

  it('lets patterns added later for the same directory win, as a .gitignore does over .git/info/exclude', () => {
    const rules = new GitignoreRules();
    rules.add('', '*.cfg\nlab/\n');
    rules.add('', '!keep.cfg\n');
    assert.ok(rules.isIgnored('a.cfg') && rules.isIgnored('lab', true));
    assert.ok(!rules.isIgnored('keep.cfg'));
  });

  it('answers the same after more questions than the matcher remembers (a walk of a large tree)', () => {
    const rules = new GitignoreRules();
    rules.add('', 'build/\n*.bak\n!keep.bak\n');
    for (let i = 0; i < 25_000; i++) assert.equal(rules.isIgnored(`d${i % 50}/f${i}.bak`), true);
    assert.ok(rules.isIgnored('build/x.cfg') && rules.isIgnored('x.bak'));
    assert.ok(!rules.isIgnored('keep.bak') && !rules.isIgnored('x.cfg'));
  });

  it('handles **, escapes and trailing spaces as git does', () => {
    const rules = new GitignoreRules();
    rules.add('r', 'a/**/z.cfg\nout/**\n\\#literal\n\\!bang\ntrailing   \nkept\\ \n');
    assert.ok(rules.isIgnored('r/a/z.cfg') && rules.isIgnored('r/a/b/c/z.cfg'));
    assert.ok(rules.isIgnored('r/out/x'));
    assert.ok(!rules.isIgnored('r/out', true), 'dir/** is what is inside, not dir itself');
    assert.ok(rules.isIgnored('r/#literal') && rules.isIgnored('r/!bang'));
    assert.ok(rules.isIgnored('r/trailing'));
    assert.ok(rules.isIgnored('r/kept\\ ') || rules.isIgnored('r/kept '));
  });
});
