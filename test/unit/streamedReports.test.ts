// The report writers on generated trees: the string the editor's export renders is what the CLI writes;
// JSON is the contract's document; SARIF is schema-valid with a result per finding; the human formats
// list accepted findings on request only; GitLab Code Quality against a schema of GitLab's documented
// fields; JUnit parsed as XML and checked against the Ant/Jenkins shape.
import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { fileProblem } from '../../src/cli/analyzeFile';
import { SpooledSink } from '../../src/cli/reportSink';
import { tokenizeDelimited } from '../../src/core/formats/csv';
import { FINGERPRINT_KEY } from '../../src/core/report/fingerprint';
import { HTML_MAX_LISTED_FINDINGS } from '../../src/core/report/html';
import { renderReport } from '../../src/core/report/render';
import { SevereFirst, type SarifLog } from '../../src/core/report/sarif';
import { hasFailedFiles, SEVERITY_RANK, summarizeAnalysis, type FileReport, type ReportFinding } from '../../src/core/report/scanReport';
import { fileOf, type RunInfo } from '../../src/core/report/writer';
import { escapeControlsInJson, showControls } from '../../src/core/report/controls';
import { STREAMED_FORMATS, USES_EXCERPTS, WRITERS, type StreamedFormat } from '../../src/core/report/writers';
import type { FindingSeverity } from '../../src/core/model';
import { knowledge, languageService, textDocument } from './helpers';
import { findingsOf } from './reportHelpers';
import { assertValidSarif } from './sarifSchema';

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

/** A format rendered over the records (the one renderer: the format's writer into a string). */
function streamed(format: StreamedFormat, records: readonly FileReport[], run: RunInfo = info(), inBaseline = 0): string {
  return renderReport(format, records, { ...run, inBaseline });
}

/** A format as the CLI writes it: the writer fed record by record, into the CLI's spooled sink. */
function written(format: StreamedFormat, records: readonly FileReport[], run: RunInfo, inBaseline: number): string {
  const chunks: Buffer[] = [];
  const sink = new SpooledSink((data) => chunks.push(Buffer.from(data)));
  const writer = WRITERS[format](run, sink);
  for (const record of records) writer.file(record);
  writer.end({ inBaseline, executionSuccessful: !records.some(hasFailedFiles) });
  sink.finish();
  return Buffer.concat(chunks).toString('utf8');
}

/** The JSON contract's document for the records: findings without rule, excerpt and note, `accepted` a boolean. */
function contractDocument(records: readonly FileReport[]): unknown {
  const document = {
    findings: findingsOf(records).map(({ rule: _rule, excerpt: _excerpt, accepted, ...rest }) => ({ ...rest, accepted: accepted !== undefined })),
    problems: records.flatMap((r) => r.problems),
    documents: records.flatMap((r) => (r.document ? [r.document] : [])),
  };
  // Fields left undefined are not written.
  return JSON.parse(JSON.stringify(document));
}

/** The same document with each finding's members in the order the JSON report writes them. */
function contractDocumentInOrder(records: readonly FileReport[]): unknown {
  const findings = findingsOf(records).map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    location: f.location,
    vendor: f.vendor,
    kind: f.kind,
    confidence: f.confidence,
    severity: f.severity,
    message: f.message,
    advisories: f.advisories,
    accepted: f.accepted !== undefined,
    fingerprint: f.fingerprint,
    subject: f.subject,
    detail: f.detail,
  }));
  return { findings, problems: records.flatMap((r) => r.problems), documents: records.flatMap((r) => (r.document ? [r.document] : [])) };
}

/** Lines of a document between a heading and the next heading of its level. */
function section(lines: readonly string[], heading: string): string[] {
  const start = lines.indexOf(heading);
  if (start < 0) return [];
  const level = heading.split(' ')[0]!;
  const end = lines.findIndex((l, i) => i > start && l.startsWith(`${level} `));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/;

describe('report formats on generated trees: one renderer, what the CLI writes', () => {
  const trees = [generatedTree(1, 40), generatedTree(2, 120), generatedTree(3, 3)];

  it('generates trees dense enough to mean something', () => {
    const findings = findingsOf(trees[1]!);
    assert.ok(findings.length > 300, `${findings.length} findings`);
    assert.ok(findings.some((f) => f.accepted) && findings.some((f) => !f.accepted));
    assert.ok(trees[1]!.some((r) => r.problems.length > 0));
    assert.ok(trees[1]!.some(hasFailedFiles));
  });

  it('renders byte for byte what the CLI writes into its spooled sink, in every format', () => {
    for (const tree of [...trees, []]) {
      for (const format of STREAMED_FORMATS) {
        for (const [includeAccepted, baselineApplied, inBaseline] of [[false, false, 0], [true, true, 2]] as const) {
          const run = info({ includeAccepted, baselineApplied });
          assert.equal(streamed(format, tree, run, inBaseline), written(format, tree, run, inBaseline), `${format}, ${includeAccepted}, ${baselineApplied}`);
        }
      }
    }
  });

  it("JSON: the contract's document, every finding listed (accepted ones marked), exact values back", () => {
    for (const tree of trees) {
      const json = streamed('json', tree);
      assert.deepEqual(JSON.parse(json), contractDocument(tree));
      // Written piece by piece (findings as bytes), yet exactly the text JSON.stringify would give.
      // Written piece by piece (findings as bytes), yet exactly the text JSON.stringify gives, members in the contract's order.
      assert.equal(json, `${escapeControlsInJson(JSON.stringify(contractDocumentInOrder(tree), null, 2))}\n`);
      // Hostile text is escaped, not dropped: no raw C1 controls, separators or bidi characters.
      assert.doesNotMatch(json, /[\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    }
    assert.deepEqual(JSON.parse(streamed('json', [])), { documents: [], findings: [], problems: [] });
  });

  it('SARIF: schema-valid, a result per finding in walk order, accepted ones suppressed, the run status and baseline marks', () => {
    for (const tree of trees) {
      const findings = findingsOf(tree);
      const problems = tree.flatMap((r) => r.problems);
      for (const baselineApplied of [false, true]) {
        const log = JSON.parse(streamed('sarif', tree, info({ baselineApplied }))) as SarifLog;
        assertValidSarif(log);
        const run = log.runs[0]!;
        assert.deepEqual(
          run.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]),
          findings.map((f) => f.fingerprint),
        );
        assert.deepEqual(
          run.results.map((r) => r.suppressions.length),
          findings.map((f) => (f.accepted ? 1 : 0)),
        );
        assert.ok(run.results.every((r) => r.baselineState === (baselineApplied ? 'new' : undefined)));
        assert.ok(run.results.every((r) => !RAW_CONTROL.test(r.message.text)));
        assert.equal(run.invocations[0]!.executionSuccessful, !tree.some(hasFailedFiles));
        assert.equal(run.invocations[0]!.toolExecutionNotifications.length, problems.length);
        assert.equal(run.properties?.devicesAndProductsFlagged, findings.length);
        assert.equal(run.properties?.filesWithFindings, tree.filter((r) => r.findings.length > 0).length);
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

  it('Markdown, HTML, CSV, annotations and text list accepted findings on request only, and count them all', () => {
    for (const tree of trees) {
      const all = findingsOf(tree);
      const problems = tree.flatMap((r) => r.problems);
      const accepted = all.filter((f) => f.accepted).length;
      for (const includeAccepted of [false, true]) {
        const listed = includeAccepted ? all : all.filter((f) => !f.accepted);
        const notListed = all.length - listed.length;
        const run = info({ includeAccepted });
        const notShown = (text: string) => text.includes(`${notListed} accepted finding${notListed === 1 ? '' : 's'} not shown`);
        const label = `includeAccepted ${includeAccepted}`;

        const markdown = streamed('markdown', tree, run, 2).split('\n');
        const rows = section(markdown, '## Findings').filter((l) => l.startsWith('| ') && !l.startsWith('| Where |'));
        assert.equal(rows.length, listed.length, `markdown rows, ${label}`);
        assert.equal(section(markdown, '## Problems').filter((l) => l.startsWith('| ') && !l.startsWith('| File |')).length, problems.length);
        assert.ok(markdown.some((l) => l.startsWith(`| Accepted | ${accepted} |`)), 'the summary counts every accepted finding');
        assert.equal(notShown(markdown.join('\n')), notListed > 0, label);
        assert.ok(markdown.includes('> 2 findings also in the baseline not shown\\.'));

        const html = streamed('html', tree, run, 2);
        assert.equal((html.match(/<tr><td class="num">/g) ?? []).length, listed.length, `html rows, ${label}`);
        assert.equal((html.match(/<td><span class="sev accepted">accepted<\/span> <span class="note">/g) ?? []).length, includeAccepted ? accepted : 0);
        assert.equal((html.match(/<tr><td><code>/g) ?? []).length, problems.length);
        assert.equal(notShown(html), notListed > 0, label);

        const csv = tokenizeDelimited(streamed('csv', tree, run), ',').records.map((r) => r.cells.map((c) => c.value));
        const column = (name: string) => csv.slice(1).map((cells) => cells[csv[0]!.indexOf(name)]);
        assert.deepEqual(column('fingerprint'), listed.map((f) => f.fingerprint), `csv, ${label}`);
        assert.deepEqual(column('accepted'), listed.map((f) => (f.accepted ? 'yes' : 'no')));

        const annotations = streamed('github', tree, run).split('\n').filter((l) => l !== '');
        assert.equal(annotations.length, listed.length + problems.length, `annotations, ${label}`);
        assert.deepEqual(
          annotations.slice(listed.length).map((l) => /title=VendorLens%3A ([^:,]+)::/.exec(l)?.[1]),
          problems.map((p) => p.code),
          'problems after the findings',
        );

        const text = streamed('text', tree, run, 2);
        const summary = text.trimEnd().split('\n').find((l) => /flagged \(|No flagged-vendor findings/.test(l))!;
        assert.match(summary, new RegExp(`^${listed.length === 1 ? '1 device or product' : `${listed.length} devices and products`} flagged`), `text, ${label}`);
        assert.equal(/\d+ accepted\)/.test(summary), includeAccepted && accepted > 0);
        assert.equal(notShown(text), notListed > 0, label);
      }
    }
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
    const open = findingsOf(tree).filter((f) => !f.accepted);
    const notInformation = tree.flatMap((r) => r.problems).filter((p) => p.severity !== 'information');
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
      const expected = findingsOf(tree).filter((f) => !f.accepted && SEVERITY_RANK[f.severity] >= threshold).length;
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

  it('keeps text and bytes in the order written, in every part', () => {
    const chunks: Buffer[] = [];
    const sink = new SpooledSink((data) => chunks.push(Buffer.from(data)));
    const bytes = (text: string) => new Uint8Array(Buffer.from(text));
    sink.write(1, bytes('[é'));
    sink.write(0, '{');
    sink.write(0, bytes('"€":'));
    sink.write(0, '1,');
    sink.write(1, ']');
    // Past a batch, in bytes: part 0 goes out before the end.
    sink.write(0, bytes('x'.repeat(300_000)));
    const beforeEnd = Buffer.concat(chunks).toString('utf8');
    sink.write(0, '}');
    sink.finish();
    assert.equal(beforeEnd, `{"€":1,${'x'.repeat(300_000)}`);
    assert.equal(Buffer.concat(chunks).toString('utf8'), `{"€":1,${'x'.repeat(300_000)}}[é]`);
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
