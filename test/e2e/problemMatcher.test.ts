// The contributed `$vendorlens` problem matcher read the way VS Code reads a task's output, on what the
// real CLI prints for the `vendorlens` task's own command line (scanCommand.ts): every finding and problem
// of the same scan's JSON becomes one marker with its file, line, column, severity, message and code.
// The semantics below are VS Code's (src/vs/workbench/contrib/tasks/common/problemMatcher.ts and
// problemCollectors.ts): a buffer as long as the pattern list, the last pattern looping over the lines
// after the first, severities parsed by Severity.fromValue with the matcher's severity as the fallback,
// and terminal lines as xterm renders them (no colour codes, trailing blanks trimmed).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { PROBLEM_MATCHER, scanArguments, TASK_TYPE, type ScanTaskOptions } from '../../src/client/node/scanCommand';
import { ROOT } from '../unit/helpers';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const CLI = join(ROOT, 'dist', 'cli.js');

/** MarkerSeverity. */
const Marker = { Hint: 1, Info: 2, Warning: 4, Error: 8 } as const;

interface ContributedPattern {
  regexp: string;
  kind?: string;
  file?: number;
  location?: number;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: number;
  code?: number;
  message?: number;
  loop?: boolean;
}

interface ContributedMatcher {
  name: string;
  owner: string;
  source?: string;
  severity?: string;
  fileLocation: string | string[];
  pattern: ContributedPattern | ContributedPattern[];
}

interface Marker {
  file: string;
  severity: number;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  message: string;
  code?: string;
  source?: string;
}

type Data = Partial<Record<'file' | 'location' | 'line' | 'column' | 'endLine' | 'endColumn' | 'severity' | 'code' | 'message', string>>;

/** Severity.fromValue, then the problem matcher's own fallbacks (E/W/I, hint, note), then the matcher's severity, else error. */
function markerSeverity(value: string | undefined, matcherSeverity: string | undefined): number {
  const fromValue = (v: string | undefined) => {
    const lower = v?.toLowerCase();
    if (lower === 'error') return Marker.Error;
    if (lower === 'warning' || lower === 'warn') return Marker.Warning;
    if (lower === 'info') return Marker.Info;
    return undefined;
  };
  let result = fromValue(value);
  if (result === undefined && value !== undefined) {
    if (value === 'E') result = Marker.Error;
    else if (value === 'W') result = Marker.Warning;
    else if (value === 'I' || /^(hint|note)$/i.test(value)) result = Marker.Info;
  }
  return result ?? fromValue(matcherSeverity) ?? Marker.Error;
}

/** A multi-line matcher with a looping last pattern, and the collector feeding it line by line. */
function collect(matcher: ContributedMatcher, lines: string[], cwd: string): Marker[] {
  const patterns = (Array.isArray(matcher.pattern) ? matcher.pattern : [matcher.pattern]).map((p) => ({ ...p, regexp: new RegExp(p.regexp) }));
  // What VS Code's pattern parser checks: a file and a message, a line or a location, loop only on the last.
  assert.ok(patterns.some((p) => p.file !== undefined) && patterns.some((p) => p.message !== undefined), 'file and message');
  assert.ok(patterns.some((p) => p.line !== undefined || p.location !== undefined), 'a line or a location');
  assert.ok(patterns.slice(0, -1).every((p) => !p.loop), 'loop only on the last pattern');
  const [kind, base] = Array.isArray(matcher.fileLocation) ? matcher.fileLocation : [matcher.fileLocation];
  assert.equal(kind, 'autoDetect');
  const folder = base === '${workspaceFolder}' ? cwd : base!;

  const fill = (data: Data, pattern: (typeof patterns)[number], match: RegExpExecArray) => {
    const take = (property: keyof Data, group: number | undefined, trim: boolean) => {
      if (data[property] !== undefined || group === undefined || group >= match.length) return;
      const value = match[group];
      if (value !== undefined) data[property] = trim ? value.trim() : value;
    };
    take('file', pattern.file, true);
    take('message', pattern.message, true);
    take('code', pattern.code, true);
    take('severity', pattern.severity, true);
    take('location', pattern.location, true);
    take('line', pattern.line, false);
    take('column', pattern.column, false);
    take('endLine', pattern.endLine, false);
    take('endColumn', pattern.endColumn, false);
  };
  const marker = (data: Data): Marker | undefined => {
    if (!data.file || !data.message || !data.line) return undefined;
    const line = parseInt(data.line);
    const column = data.column ? parseInt(data.column) : undefined;
    const endColumn = data.endColumn ? parseInt(data.endColumn) : undefined;
    const [startColumn, end] = column !== undefined && endColumn !== undefined ? [column, endColumn] : column !== undefined ? [column, column] : [1, 2 ** 31 - 1];
    // autoDetect: an absolute path as it is; a relative one under the folder when it exists there.
    const file = isAbsolute(data.file) ? data.file : existsSync(join(folder, data.file)) ? join(folder, data.file) : data.file;
    return {
      file,
      severity: markerSeverity(data.severity, matcher.severity),
      startLine: line,
      startColumn,
      endLine: data.endLine ? parseInt(data.endLine) : line,
      endColumn: end,
      message: data.message,
      ...(data.code !== undefined ? { code: data.code } : {}),
      ...(matcher.source !== undefined ? { source: matcher.source } : {}),
    };
  };

  const markers: Marker[] = [];
  let buffer: string[] = [];
  let active: Data | undefined; // the looping matcher's data, from the lines before the loop
  for (const line of lines) {
    if (active) {
      const match = patterns.at(-1)!.regexp.exec(line);
      if (match) {
        const data = { ...active };
        fill(data, patterns.at(-1)!, match);
        const found = marker(data);
        if (found) markers.push(found);
        continue;
      }
      active = undefined;
      buffer = [];
    }
    buffer.push(line);
    if (buffer.length > patterns.length) buffer.shift();
    if (buffer.length < patterns.length) continue;
    let data: Data = {};
    let matched = true;
    for (const [i, pattern] of patterns.entries()) {
      const match = pattern.regexp.exec(buffer[i]!);
      if (!match) {
        matched = false;
        break;
      }
      if (pattern.loop && i === patterns.length - 1) {
        active = { ...data };
        data = { ...data };
      }
      fill(data, pattern, match);
    }
    if (!matched) {
      active = undefined;
      continue;
    }
    const found = marker(data);
    if (found) {
      markers.push(found);
      buffer = [];
    } else {
      active = undefined;
    }
  }
  return markers;
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  location?: string;
  severity: string;
  message: string;
  vendor: string;
  accepted: boolean;
}
interface JsonProblem {
  file: string;
  line: number;
  column: number;
  location?: string;
  severity: string;
  message: string;
  code: string;
}

const SEVERITY: Record<string, number> = { error: Marker.Error, warning: Marker.Warning, information: Marker.Info, hint: Marker.Info };

describe('problem matcher $vendorlens and the vendorlens task type', function () {
  this.timeout(120_000);
  const contributed = manifest.contributes.problemMatchers as ContributedMatcher[];
  const matcher = contributed.find((m) => `$${m.name}` === PROBLEM_MATCHER)!;
  let workspace: string;

  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'vendorlens-matcher-'));
    cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
    mkdirSync(join(workspace, 'quotes'));
    cpSync(join(ROOT, 'test', 'fixtures', 'boms', 'reseller-quote.xlsx'), join(workspace, 'quotes', 'reseller quote.xlsx'));
    // Every severity: cz makes warnings and information, the policy makes ZTE an error and Hikvision a hint; a binary file is a problem.
    writeFileSync(join(workspace, '.vendorlens.yaml'), 'schemaVersion: 1\nprofiles: [cz]\nseverity:\n  vendors: { zte: error, hikvision: hint }\n');
    writeFileSync(join(workspace, 'blob.cfg'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
    writeFileSync(
      join(workspace, 'accepted.cfg'),
      'hostname edge-9\n!\ninterface TenGigabitEthernet1/0/1\n ! vendorlens-accept: huawei | reason: leased CPE | ticket: CHG-1 | expires: 2099-12-31\n description uplink to HUAWEI NE40E\n!\nend\n',
    );
  });

  after(() => rmSync(workspace, { recursive: true, force: true }));

  /** The task's output as the terminal renders it, and the same scan as JSON. */
  function scan(options: ScanTaskOptions, extra: string[] = []) {
    const args = scanArguments(CLI, options);
    const separator = args.indexOf('--');
    const withExtra = (more: string[]) => [...args.slice(0, separator), ...more, ...args.slice(separator)];
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' };
    const text = spawnSync(process.execPath, withExtra(extra), { cwd: workspace, encoding: 'utf8', env });
    const json = spawnSync(process.execPath, withExtra([...extra, '--format', 'json']), { cwd: workspace, encoding: 'utf8', env });
    assert.ok(text.status === 0 || text.status === 1 || text.status === 2, text.stderr);
    const lines = text.stdout.split('\n').map((line) => line.replace(/\s+$/, ''));
    const report = JSON.parse(json.stdout) as { findings: JsonFinding[]; problems: JsonProblem[] };
    return { lines, report, status: text.status };
  }

  function expectedMarker(item: { file: string; line: number; column: number; location?: string; message: string }, severity: number, code: string): Marker {
    // A cell is named `Sheet!B7`: its row is the line; a column letter is no column number.
    const column = item.location ? undefined : item.column;
    return {
      file: join(workspace, item.file),
      severity,
      startLine: item.line,
      startColumn: column ?? 1,
      endLine: item.line,
      endColumn: column ?? 2 ** 31 - 1,
      message: item.message,
      code,
      source: matcher.source!,
    };
  }

  const byPlace = (a: Marker, b: Marker) => a.file.localeCompare(b.file) || a.startLine - b.startLine || a.startColumn - b.startColumn || a.message.localeCompare(b.message);

  it('is contributed with a task type whose tasks use it, under an owner of its own', () => {
    assert.ok(matcher, 'a matcher named vendorlens');
    assert.deepEqual(manifest.contributes.taskDefinitions.map((d: { type: string }) => d.type), [TASK_TYPE]);
    assert.deepEqual(Object.keys(manifest.contributes.taskDefinitions[0].properties).sort(), ['failOn', 'paths', 'profile']);
    // The language client's diagnostics are owned by 'vendorlens': the task's markers must not replace them.
    assert.notEqual(matcher.owner, 'vendorlens');
    assert.ok(Array.isArray(matcher.pattern) && matcher.pattern.at(-1)!.loop === true);
  });

  it('turns every finding and problem of the task\'s scan into a marker, severities mapped as VS Code maps them', () => {
    const { lines, report, status } = scan({});
    assert.equal(status, 1);
    const markers = collect(matcher, lines, workspace).sort(byPlace);
    const expected = [
      ...report.findings.filter((f) => !f.accepted).map((f) => expectedMarker(f, SEVERITY[f.severity]!, f.vendor)),
      ...report.problems.map((p) => expectedMarker(p, SEVERITY[p.severity]!, p.code)),
    ].sort(byPlace);
    assert.deepEqual(markers, expected);
    // Each severity the CLI prints was there to be read, information and hint included.
    const seen = new Set([...report.findings.map((f) => f.severity), ...report.problems.map((p) => p.severity)]);
    assert.deepEqual([...seen].sort(), ['error', 'hint', 'information', 'warning']);
    assert.deepEqual([...new Set(markers.map((m) => m.severity))].sort(), [Marker.Info, Marker.Warning, Marker.Error]);
    assert.ok(markers.some((m) => m.file.endsWith('reseller quote.xlsx')), 'a spreadsheet cell, in a file whose name has a space');
    assert.ok(markers.some((m) => m.code === 'skipped-binary' && m.severity === Marker.Info));
  });

  it('reads accepted findings, listed on request, as information', () => {
    const { lines, report } = scan({ paths: ['accepted.cfg'] }, ['--include-accepted']);
    const accepted = report.findings.filter((f) => f.accepted);
    assert.equal(accepted.length, 1, 'the review note accepts the finding');
    assert.deepEqual(collect(matcher, lines, workspace), [expectedMarker(accepted[0]!, Marker.Info, 'huawei')]);
  });

  it('passes the task definition\'s paths, profile and failOn to the scan', () => {
    const { lines, report, status } = scan({ paths: ['configs', 'boms/nvr-firmware.spdx'], profile: 'us-federal', failOn: 'none' });
    assert.equal(status, 0, 'failOn none');
    const markers = collect(matcher, lines, workspace);
    assert.equal(markers.length, report.findings.length);
    assert.ok(markers.length > 0 && markers.every((m) => /\/(configs\/[^/]+|boms\/nvr-firmware\.spdx)$/.test(m.file)), markers.map((m) => m.file).join(' '));
    // us-federal makes every finding here an error, but for the policy's Hikvision hints.
    assert.deepEqual(markers.filter((m) => m.severity !== Marker.Error).map((m) => m.code), markers.filter((m) => m.code === 'hikvision').map((m) => m.code));
    assert.ok(markers.some((m) => m.code === 'huawei' && m.severity === Marker.Error));
  });
});
