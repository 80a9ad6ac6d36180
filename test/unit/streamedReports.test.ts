// The streamed report writers against the whole-report renderers, on generated trees: the same JSON
// document, the same SARIF, Markdown, CSV and annotations byte for byte; GitLab Code Quality against a
// schema of GitLab's documented fields; JUnit parsed as XML and checked against the Ant/Jenkins shape.
import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { fileProblem } from '../../src/cli/analyzeFile';
import { SpooledSink } from '../../src/cli/reportSink';
import { toGithubAnnotations } from '../../src/core/report/githubAnnotations';
import { HTML_MAX_LISTED_FINDINGS, toHtml } from '../../src/core/report/html';
import { toMarkdown } from '../../src/core/report/markdown';
import { renderReport } from '../../src/core/report/render';
import { SevereFirst } from '../../src/core/report/sarif';
import { mergeFileReports, SEVERITY_RANK, splitByFile, summarizeAnalysis, type FileReport, type ReportFinding } from '../../src/core/report/scanReport';
import { toText } from '../../src/core/report/text';
import { fileOf, StringSink, type RunInfo } from '../../src/core/report/writer';
import { showControls } from '../../src/core/report/controls';
import { STREAMED_FORMATS, USES_EXCERPTS, WRITERS, type StreamedFormat } from '../../src/core/report/writers';
import type { FindingSeverity } from '../../src/core/model';
import { knowledge, languageService, textDocument } from './helpers';

/** xorshift32: a generated tree is the same on every run. */
function random(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

const DEVICES = ['HUAWEI NE40E-X8', 'ZTE ZXR10 5960', 'Hikvision DS-7616NI NVR', 'Dahua IPC-HDW2441T-S', 'Kaspersky Security Center', 'core switch', 'printer'];
const MAKERS = ['Huawei', 'Hikvision', 'Cisco', 'Zhejiang Dahua Technology Co., Ltd.', 'Axis', 'ZTE Corporation'];
/** Text a report must escape: markup, a formula, a terminal escape, a bidi override, a line separator. */
const HOSTILE = ['<b>x</b> & "q"', '=HYPERLINK("x")', 'esc\u001b[2J', 'rtl\u202eevil', 'sep\u2028x', "it's | pipe"];

/** Configs with dense findings, acceptance notes and hostile text; BOMs; files that could not be read. */
function generatedTree(seed: number, files: number): FileReport[] {
  const rng = random(seed);
  const kb = knowledge();
  const service = languageService({});
  const records: FileReport[] = [];
  for (let n = 0; n < files; n++) {
    const roll = rng.int(10);
    if (roll === 0) {
      records.push(fileProblem(`broken/${n}.cfg`, 'io-error', `permission denied ${rng.pick(HOSTILE)}`));
      continue;
    }
    if (roll === 1) {
      records.push(fileProblem(`bin/${n}.bin`, 'skipped-binary', 'skipped: binary file', 'information'));
      continue;
    }
    let name: string;
    let text: string;
    if (roll < 4) {
      name = `boms/${rng.pick(HOSTILE).replace(/[\u0000-\u001f]/g, '')}-${n}.csv`;
      const rows = ['Manufacturer,Part Number,Description,Qty'];
      for (let r = 0; r < 5 + rng.int(30); r++) rows.push(`${rng.pick(MAKERS)},PN-${rng.int(1e5)},"${rng.pick(HOSTILE).replace(/"/g, '')} lot ${r}",${1 + rng.int(9)}`);
      text = rows.join('\n') + '\n';
    } else {
      name = `configs/site-${n % 3}/sw${n}.cfg`;
      const lines = [`hostname sw${n}`];
      for (let p = 0; p < 5 + rng.int(40); p++) {
        lines.push(`interface GigabitEthernet1/0/${p}`);
        if (rng.next() < 0.15) lines.push(` ! vendorlens-accept: ${rng.pick(['huawei', 'zte', 'hikvision'])} | reason: spare ${rng.pick(HOSTILE)} | ticket: CHG-${p} | expires: 2099-01-01`);
        lines.push(` description ${rng.pick(DEVICES)} ${rng.next() < 0.2 ? rng.pick(HOSTILE) : ''} port ${p}`);
      }
      text = lines.join('\n') + '\n';
    }
    const doc = textDocument(text, `file:///work/${encodeURIComponent(name)}`);
    records.push(summarizeAnalysis(kb, name, doc, service.analyze(doc)));
  }
  return records;
}

function info(overrides: Partial<RunInfo> = {}): RunInfo {
  const kb = knowledge();
  return { kb, profiles: [kb.profileById.get('global')!], toolVersion: '9.9.9', generatedOn: '2026-11-29', includeAccepted: false, baselineApplied: false, failOn: 'warning', ...overrides };
}

/** A format streamed over the records, as the CLI feeds it. */
function streamed(format: StreamedFormat, records: readonly FileReport[], run: RunInfo = info(), inBaseline = 0): string {
  const sink = new StringSink();
  const writer = WRITERS[format](run, sink);
  for (const record of records) writer.file(record);
  writer.end({ inBaseline, executionSuccessful: !records.some((r) => r.problems.some((p) => p.code === 'io-error')) });
  return sink.toString();
}

describe('streamed reports: the same as the whole-report renderers', () => {
  const trees = [generatedTree(1, 40), generatedTree(2, 120), generatedTree(3, 3)];

  it('generates trees dense enough to mean something', () => {
    const findings = mergeFileReports(trees[1]!).findings;
    assert.ok(findings.length > 300, `${findings.length} findings`);
    assert.ok(findings.some((f) => f.accepted) && findings.some((f) => !f.accepted));
    assert.ok(mergeFileReports(trees[1]!).problems.length > 0);
  });

  it('JSON: the same document (deep-equal after parsing), accepted findings included', () => {
    for (const tree of trees) {
      const whole = renderReport('json', mergeFileReports(tree), { ...info(), omitted: { accepted: 0, inBaseline: 0 } });
      assert.deepEqual(JSON.parse(streamed('json', tree)), JSON.parse(whole));
      // Escaped the same way: no raw C1 controls, separators or bidi characters in either.
      assert.doesNotMatch(streamed('json', tree), /[\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    }
    assert.deepEqual(JSON.parse(streamed('json', [])), { documents: [], findings: [], problems: [] });
  });

  it('SARIF: byte for byte, with the run status and baseline marks', () => {
    for (const tree of trees) {
      const failed = tree.some((r) => r.problems.some((p) => p.code === 'io-error'));
      for (const baselineApplied of [false, true]) {
        const whole = renderReport('sarif', mergeFileReports(tree), { ...info(), omitted: { accepted: 0, inBaseline: 0 }, baselineApplied, executionSuccessful: !failed });
        assert.equal(streamed('sarif', tree, info({ baselineApplied })), whole);
      }
    }
  });

  it("SARIF's cap keeps what sorting every result would keep, holding no more than the cap", () => {
    const rng = random(7);
    for (let round = 0; round < 50; round++) {
      const limit = 1 + rng.int(20);
      const ranks = Array.from({ length: rng.int(60) }, () => rng.int(4));
      const kept = new SevereFirst(limit);
      ranks.forEach((rank, order) => kept.add(rank, () => `${order}`, order));
      const expected = ranks
        .map((rank, order) => ({ rank, order }))
        .sort((a, b) => b.rank - a.rank || a.order - b.order)
        .slice(0, limit)
        .sort((a, b) => a.order - b.order)
        .map((x) => `${x.order}`);
      assert.deepEqual(kept.inOrder(), expected);
      assert.equal(kept.dropped, ranks.length - expected.length);
    }
  });

  it('Markdown, HTML, CSV, annotations and text: byte for byte, accepted findings listed on request only', () => {
    for (const tree of trees) {
      const all = mergeFileReports(tree);
      for (const includeAccepted of [false, true]) {
        const listed = { ...all, findings: includeAccepted ? all.findings : all.findings.filter((f) => !f.accepted) };
        const omitted = { accepted: all.findings.length - listed.findings.length, inBaseline: 2 };
        const context = { ...info(), omitted, counted: all.findings };
        const run = info({ includeAccepted });
        assert.equal(streamed('markdown', tree, run, 2), renderReport('markdown', listed, context), 'markdown');
        assert.equal(streamed('html', tree, run, 2), renderReport('html', listed, context), 'html');
        assert.equal(streamed('csv', tree, run), renderReport('csv', listed, context), 'csv via renderReport');
        assert.equal(streamed('github', tree, run), toGithubAnnotations(listed), 'github');
        const header = { kb: run.kb, profiles: run.profiles, generatedOn: run.generatedOn };
        // toText regroups a whole report by file (a file that could not be read has no place in the walk order left).
        assert.equal(streamed('text', splitByFile(all), run, 2), toText(listed, undefined, omitted, header), 'text');
      }
    }
    // The whole-report renderers (the editor's Export Report) stay as they were.
    const all = mergeFileReports(trees[0]!);
    assert.equal(renderReport('markdown', all, { ...info(), omitted: { accepted: 0, inBaseline: 0 } }).startsWith('# VendorLens report'), true);
    assert.match(toMarkdown(all, { ...info(), omitted: { accepted: 0, inBaseline: 0 } }), /## Advisories cited/);
    assert.match(toHtml(all, { ...info(), omitted: { accepted: 0, inBaseline: 0 } }), /<h2>Advisories cited<\/h2>/);
  });

  it('HTML lists at most its cap and says how many more the JSON report has; the summary counts them all', () => {
    const [record] = generatedTree(4, 12).filter((r) => r.findings.length > 0);
    const open = record!.findings.filter((f) => !f.accepted);
    const many: ReportFinding[] = [];
    for (let i = 0; many.length < HTML_MAX_LISTED_FINDINGS + 7; i++) many.push({ ...open[i % open.length]!, line: i + 1, accepted: undefined });
    const html = streamed('html', [{ ...record!, findings: many }]);
    assert.equal((html.match(/<tr><td class="num">/g) ?? []).length, HTML_MAX_LISTED_FINDINGS);
    assert.match(html, /7 more findings are not listed here \(this report lists at most 5000\): the JSON report \(--format json\) has all of them\./);
    assert.match(html, new RegExp(`<strong>${many.length}</strong>`));
    assert.match(html, new RegExp(`${many.length} devices and products flagged, ${HTML_MAX_LISTED_FINDINGS} listed`));
  });

  it('only the formats the scan makes excerpts for print them', () => {
    const tree = generatedTree(9, 30);
    const bare = tree.map((r) => ({ ...r, findings: r.findings.map((f) => ({ ...f, excerpt: '' })) }));
    for (const format of STREAMED_FORMATS) {
      const run = info({ includeAccepted: true });
      const same = streamed(format, tree, run) === streamed(format, bare, run);
      assert.equal(same, !USES_EXCERPTS.has(format), `${format}: USES_EXCERPTS must list exactly the formats that print excerpts`);
    }
  });

  it('every format writes a report for an empty run', () => {
    for (const format of STREAMED_FORMATS) assert.ok(format === 'github' ? streamed(format, []) === '' : streamed(format, []).length > 0, format);
  });
});

/** The fields GitLab documents for a Code Quality report (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format). */
const GITLAB_CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1 },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};

describe('GitLab Code Quality report', () => {
  const validate = new Ajv({ allErrors: true, strict: true }).compile(GITLAB_CODE_QUALITY_SCHEMA);

  it('is valid against the documented fields, with unique fingerprints and open findings only', () => {
    const tree = generatedTree(5, 60);
    const issues = JSON.parse(streamed('gitlab', tree)) as { fingerprint: string; severity: string; check_name: string; description: string; location: { path: string; lines: { begin: number } } }[];
    assert.ok(validate(issues), JSON.stringify(validate.errors?.slice(0, 3)));
    const all = mergeFileReports(tree);
    const open = all.findings.filter((f) => !f.accepted);
    const notInformation = all.problems.filter((p) => p.severity !== 'information');
    assert.equal(issues.length, open.length + notInformation.length);
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'fingerprints are unique');
    const first = open[0]!;
    const issue = issues.find((i) => i.location.path === first.file && i.location.lines.begin === first.line)!;
    assert.equal(issue.check_name, first.rule);
    assert.equal(issue.severity, { error: 'critical', warning: 'major', information: 'minor', hint: 'info' }[first.severity]);
    assert.ok(issues.every((i) => !/[\u0000-\u001f\u202e\u2028]/.test(i.description)), 'controls shown as escapes');
    assert.ok(issues.some((i) => i.check_name === 'vendorlens/io-error' && i.severity === 'major'));
  });

  it('keeps fingerprints across line shifts, and lists accepted findings as info on request', () => {
    const [a] = generatedTree(6, 8).filter((r) => r.findings.length > 0);
    const shifted = { ...a!, findings: a!.findings.map((f) => ({ ...f, line: f.line + 3 })) };
    const prints = (r: FileReport) => (JSON.parse(streamed('gitlab', [r])) as { fingerprint: string }[]).map((i) => i.fingerprint);
    assert.deepEqual(prints(shifted), prints(a!));
    const accepted = { ...a!, problems: [], findings: a!.findings.map((f) => ({ ...f, accepted: { reason: 'spare', line: 1, scope: 'line' as const } })) };
    assert.deepEqual(JSON.parse(streamed('gitlab', [accepted])), []);
    const listed = JSON.parse(streamed('gitlab', [accepted], info({ includeAccepted: true }))) as { severity: string; description: string }[];
    assert.ok(listed.length > 0 && listed.every((i) => i.severity === 'info' && i.description.startsWith('Accepted: ')));
  });
});

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses with saxes (well-formedness is checked by the parser: an error throws). */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    if (stack.length > 0) stack[stack.length - 1]!.text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return root!;
}

describe('JUnit XML report', () => {
  it('has the Ant/Jenkins shape: a test case per file, a failure per open finding at or above --fail-on', () => {
    const tree = generatedTree(8, 80);
    for (const failOn of ['warning', 'error', 'none'] as const) {
      const root = parseXml(streamed('junit', tree, info({ failOn })));
      assert.equal(root.name, 'testsuites');
      assert.equal(root.children.length, 1);
      const suite = root.children[0]!;
      assert.equal(suite.name, 'testsuite');
      const cases = suite.children;
      assert.ok(cases.every((c) => c.name === 'testcase' && c.attributes.name && c.attributes.classname?.startsWith('vendorlens.')));
      assert.equal(cases.length, tree.length, 'one test case per file');
      const count = (name: string) => cases.filter((c) => c.children.some((x) => x.name === name)).length;
      for (const element of [root, suite]) {
        assert.equal(Number(element.attributes.tests), cases.length);
        assert.equal(Number(element.attributes.failures), count('failure'));
        assert.equal(Number(element.attributes.skipped), count('skipped'));
        assert.equal(Number(element.attributes.errors), count('error'));
      }
      const threshold = failOn === 'none' ? Infinity : SEVERITY_RANK[failOn as FindingSeverity];
      const expected = mergeFileReports(tree).findings.filter((f) => !f.accepted && SEVERITY_RANK[f.severity] >= threshold).length;
      assert.equal(cases.reduce((n, c) => n + c.children.filter((x) => x.name === 'failure').length, 0), expected, failOn);
      if (failOn === 'warning') assert.ok(expected > 0);
      assert.ok(count('skipped') > 0 && count('error') > 0);
      // Names and messages come back exactly as written, escapes and all.
      assert.deepEqual(
        cases.map((c) => c.attributes.name),
        tree.map((r) => showControls(fileOf(r)!)),
      );
      assert.ok(cases.some((c) => /["']/.test(c.attributes.name!)), 'quotes in a name come back as written');
    }
  });

  it('escapes what XML cannot carry: controls, lone surrogates, markup', () => {
    const record = fileProblem('evil\u0001<x>&"\ud800.cfg', 'io-error', 'bad \u001b[2J ]]> \uffff');
    const root = parseXml(streamed('junit', [record]));
    const testcase = root.children[0]!.children[0]!;
    assert.equal(testcase.attributes.name, 'evil\\x01<x>&"\ufffd.cfg');
    assert.equal(testcase.children[0]!.attributes.message, 'bad \\x1b[2J ]]> \ufffd');
  });
});

describe('the CLI spools the parts of a report that come first', () => {
  it('joins parts in order, through a temporary file past memory, bytes of a character cut at a chunk edge whole', () => {
    const chunks: Buffer[] = [];
    const sink = new SpooledSink((data) => chunks.push(Buffer.from(data)));
    // 3-byte characters, so the 1 MB read-back cuts through one.
    const big = '€'.repeat(2_000_001);
    sink.write(2, 'C');
    sink.write(1, big);
    sink.write(0, 'A');
    sink.write(1, big);
    sink.write(2, 'D');
    sink.finish();
    const text = Buffer.concat(chunks).toString('utf8');
    assert.equal(text.length, 1 + 4_000_002 + 2);
    assert.equal(text, `A${big}${big}CD`);
  });

  it('writes nothing once aborted', () => {
    const chunks: string[] = [];
    const sink = new SpooledSink((data) => chunks.push(String(data)));
    sink.write(0, 'head');
    sink.write(1, 'x'.repeat(5_000_000));
    sink.abort();
    assert.deepEqual(chunks, []);
  });
});
