// `--format github`: GitHub Actions workflow commands, read back by a parser of the documented syntax
// (::command key=value,…::message, with %25 %0D %0A in the message and also %3A %2C in values).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../unit/helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

interface Annotation {
  command: string;
  properties: Record<string, string>;
  message: string;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

function parseWorkflowCommands(text: string): Annotation[] {
  return text.split('\n').filter((l) => l !== '').map((line) => {
    const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
    assert.ok(m, `not a workflow command: ${line}`);
    const properties: Record<string, string> = {};
    for (const pair of m[2]!.split(',')) {
      const eq = pair.indexOf('=');
      assert.ok(eq > 0, `property without a value in ${line}`);
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    assert.doesNotMatch(m[3]!, /[\r\n]/);
    return { command: m[1]!, properties, message: unescapeData(m[3]!) };
  });
}

function scan(args: string[], cwd: string) {
  return spawnSync(process.execPath, [CLI, 'scan', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('CLI --format github (workflow annotations)', () => {
  it('writes one annotation per finding, at the positions the JSON report gives, escaped as documented', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vendorlens-gh-'));
    // A file name with the characters a property must escape.
    writeFileSync(join(dir, 'core, 100%: site.cfg'), 'hostname a\n description uplink to HUAWEI NE40E\n');
    writeFileSync(join(dir, 'clean.cfg'), 'hostname b\n');
    const github = scan(['--format', 'github', '.'], dir);
    assert.equal(github.status, 1, github.stderr);
    const json = JSON.parse(scan(['--format', 'json', '.'], dir).stdout);
    const annotations = parseWorkflowCommands(github.stdout);
    assert.equal(annotations.length, json.findings.length);
    assert.ok(annotations.length > 0);
    annotations.forEach((a, i) => {
      const f = json.findings[i];
      assert.deepEqual(a.properties, {
        file: 'core, 100%: site.cfg', line: String(f.line), col: String(f.column), endLine: String(f.endLine), endColumn: String(f.endColumn),
        title: `VendorLens: ${f.vendor} (flagged-vendor/${f.vendor})`,
      });
      assert.equal(a.command, f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice');
      assert.equal(a.message, f.message);
    });
    assert.match(github.stdout, /file=core%2C 100%25%3A site\.cfg,/);
    // The information profile: notices.
    const info = parseWorkflowCommands(scan(['--format', 'github', '--profile', 'info', '.'], dir).stdout);
    assert.ok(info.every((a) => a.command === 'notice'));
  });

  it('prints nothing for a clean scan', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vendorlens-gh-'));
    writeFileSync(join(dir, 'clean.cfg'), 'hostname b\n');
    const r = scan(['--format', 'github', '.'], dir);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '');
  });
});
