// The CLI's argument parsing (util.parseArgs underneath): per-command options, typo suggestions, help
// topics, repeated --exclude, and the colour decision from flags and the environment.
import { strict as assert } from 'node:assert';
import { closest, parseArgs, usage, UsageError, type ScanOptions } from '../../src/cli/args';
import { wantsColor } from '../../src/cli/color';

function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (e) {
    assert.ok(e instanceof UsageError, `${argv.join(' ')}: ${String(e)}`);
    return e.message;
  }
  assert.fail(`${argv.join(' ')} was accepted`);
}

describe('CLI arguments', () => {
  it('keeps every scan option, in --name value and --name=value forms, the last one winning', () => {
    const options = parseArgs([
      'scan', '--format=sarif', '-o', 'out.sarif', '--fail-on', 'error', '--profile', 'cz', '--policy', 'p.yaml', '--baseline=b.json',
      '--include-accepted', '--max-file-size', '100', '--jobs', '3', '--no-progress', '--color', '--no-color', '--format', 'json', 'a', '-',
      '--stdin-filename', 'x.csv',
    ]) as ScanOptions;
    assert.deepEqual(
      { ...options },
      {
        command: 'scan', paths: ['a', '-'], format: 'json', failOn: 'error', includeAccepted: true, maxFileSize: 100, jobs: 3,
        exclude: [], allowEmpty: false, profile: 'cz', policy: 'p.yaml', baseline: 'b.json', stdinFilename: 'x.csv', output: 'out.sarif',
        progress: false, color: false, outputs: [{ format: 'json', path: 'out.sarif' }],
      },
    );
  });

  it('takes several reports as FORMAT=FILE pairs, comma-separated or repeated; --format/--output add one when given', () => {
    const outputs = (...args: string[]) => (parseArgs(['scan', ...args, '.']) as ScanOptions).outputs;
    assert.deepEqual(outputs(), [{ format: 'text' }]);
    assert.deepEqual(outputs('--format', 'junit', '-o', 'r.xml'), [{ format: 'junit', path: 'r.xml' }]);
    assert.deepEqual(outputs('--output-format', 'sarif=out.sarif,html=r.html', '--output-format=gitlab=gl.json'), [
      { format: 'sarif', path: 'out.sarif' },
      { format: 'html', path: 'r.html' },
      { format: 'gitlab', path: 'gl.json' },
    ]);
    assert.deepEqual(outputs('--output-format', 'sarif=out.sarif,text=-'), [{ format: 'sarif', path: 'out.sarif' }, { format: 'text' }]);
    assert.deepEqual(outputs('--output-format', 'sarif=a=b.sarif', '--format', 'csv'), [{ format: 'sarif', path: 'a=b.sarif' }, { format: 'csv' }]);
    assert.match(usageError(['scan', '--output-format', 'sarif=-', '--format', 'json', '.']), /only one report can go to standard output/);
    assert.match(usageError(['scan', '--output-format', 'sarif=', '.']), /FORMAT=FILE/);
    assert.match(usageError(['scan', '--output-format', 'sarf=x', '.']), /did you mean sarif/);
  });

  it('collects repeated --exclude and --allow-empty; after -- everything is a path', () => {
    const options = parseArgs(['scan', '--exclude', 'lab/**', '--exclude=*.bak', '--allow-empty', '.', '--', '--exclude', '-h']) as ScanOptions;
    assert.deepEqual(options.exclude, ['lab/**', '*.bak']);
    assert.equal(options.allowEmpty, true);
    assert.deepEqual(options.paths, ['.', '--exclude', '-h']);
  });

  it('suggests the option, command or format a typo meant', () => {
    assert.match(usageError(['scan', '--formt', 'json', '.']), /unknown option '--formt' for 'scan'; did you mean --format\?/);
    assert.match(usageError(['scan', '--fial-on=error', '.']), /did you mean --fail-on\?/);
    assert.match(usageError(['scan', '--exlude', 'x', '.']), /did you mean --exclude\?/);
    assert.match(usageError(['sacn', '.']), /unknown command 'sacn'; did you mean 'scan'\?/);
    assert.match(usageError(['advisory']), /did you mean 'advisories'\?/);
    assert.match(usageError(['scan', '--format', 'srif', '.']), /did you mean sarif\?/);
    assert.match(usageError(['--verison']), /did you mean --version\?/);
    // An option of another command is named as such; a word far from every option gets no guess.
    assert.match(usageError(['explain', '--format', 'json', 'huawei']), /unknown option '--format' for 'explain'; it is an option of 'scan', 'eval'/);
    assert.doesNotMatch(usageError(['scan', '--zzzzzz', '.']), /did you mean/);
    assert.doesNotMatch(usageError(['frobnicate']), /did you mean/);
    assert.equal(closest('--xyz', ['--jobs', '--format']), undefined);
    assert.equal(closest('--include', ['--include-accepted', '--format']), '--include-accepted');
  });

  it('reports a missing value, a value given to a switch and an unknown short option', () => {
    assert.match(usageError(['scan', '.', '--format']), /--format needs a value/);
    assert.match(usageError(['scan', '--include-accepted=yes', '.']), /--include-accepted takes no value/);
    assert.match(usageError(['scan', '-x', '.']), /unknown option '-x'/);
    assert.match(usageError(['scan', '--exclude=', '.']), /--exclude needs a non-empty glob/);
  });

  it('answers help per command and -V/--version anywhere before --', () => {
    assert.deepEqual(parseArgs(['scan', '--help']), { command: 'help', topic: 'scan' });
    assert.deepEqual(parseArgs(['eval', '-h']), { command: 'help', topic: 'eval' });
    assert.deepEqual(parseArgs(['help', 'explain']), { command: 'help', topic: 'explain' });
    assert.deepEqual(parseArgs(['--help']), { command: 'help' });
    assert.deepEqual(parseArgs([]), { command: 'help' });
    assert.deepEqual(parseArgs(['-V']), { command: 'version' });
    assert.deepEqual(parseArgs(['scan', '--version']), { command: 'version' });
    assert.match(usage('scan'), /^Usage: vendorlens scan /);
    assert.match(usage('scan'), /--exclude GLOB/);
    assert.doesNotMatch(usage('scan'), /labelled corpus/, 'the scan help leaves out eval');
    assert.match(usage('eval'), /labelled corpus/);
    assert.doesNotMatch(usage('eval'), /--fail-on LEVEL/);
    for (const topic of ['scan', 'explain', 'advisories', 'eval'] as const) assert.match(usage(), new RegExp(`^${topic}: `, 'm'));
  });

  it('colours from --color/--no-color, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    assert.equal(wantsColor(true, { NO_COLOR: '1' }, false), true);
    assert.equal(wantsColor(false, { FORCE_COLOR: '1' }, true), false);
    assert.equal(wantsColor(undefined, { FORCE_COLOR: '1' }, false), true);
    assert.equal(wantsColor(undefined, { FORCE_COLOR: '3', NO_COLOR: '1' }, false), true);
    assert.equal(wantsColor(undefined, { FORCE_COLOR: '0' }, true), false);
    assert.equal(wantsColor(undefined, { FORCE_COLOR: 'false' }, true), false);
    assert.equal(wantsColor(undefined, { NO_COLOR: '1' }, true), false);
    assert.equal(wantsColor(undefined, { NO_COLOR: '' }, true), true, 'an empty NO_COLOR is not set');
    assert.equal(wantsColor(undefined, {}, true), true);
    assert.equal(wantsColor(undefined, {}, false), false);
  });
});
