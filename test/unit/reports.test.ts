// The pure report modules: fingerprints, redaction, SARIF (validated against the official schema),
// Markdown, HTML and CSV, on documents analysed by the real core.
import { strict as assert } from 'node:assert';
import type { KnowledgeBase } from '../../src/core/model';
import { csvCell } from '../../src/core/report/csv';
import { FINGERPRINT_KEY } from '../../src/core/report/fingerprint';
import { excerpt, MAX_EXCERPT, REDACTED, redactSecrets } from '../../src/core/report/redact';
import { GITHUB_LIMITS, INFORMATION_URI, truncate, type SarifLog } from '../../src/core/report/sarif';
import { renderReport, type RenderOptions } from '../../src/core/report/render';
import { summarizeAnalysis, type FileReport, type ReportFinding } from '../../src/core/report/scanReport';
import { describeDaysLeft, MAX_DEADLINES, SummaryCounter, type ReportSummary } from '../../src/core/report/summary';
import type { StreamedFormat } from '../../src/core/report/writers';
import { tokenizeDelimited } from '../../src/core/formats/csv';
import { knowledge, languageService, textDocument } from './helpers';
import { findingsOf } from './reportHelpers';
import { assertValidSarif } from './sarifSchema';

/** Analyses texts with the real core, as the CLI does, into a record per file. */
function scan(files: Record<string, string>, kb: KnowledgeBase = knowledge(), profile?: string): FileReport[] {
  const service = languageService({ profile });
  return Object.entries(files).map(([file, text]) => {
    const doc = textDocument(text, `file:///work/${file}`);
    return summarizeAnalysis(kb, file, doc, service.analyze(doc));
  });
}

/** The findings of texts analysed. */
const findingsIn = (files: Record<string, string>, kb?: KnowledgeBase, profile?: string) => findingsOf(scan(files, kb, profile));

const run = (kb = knowledge()): RenderOptions => ({ kb, profiles: [kb.profileById.get('global')!], toolVersion: '9.9.9', generatedOn: '2026-11-29' });
const render = (format: StreamedFormat, records: FileReport[], options: Partial<RenderOptions> = {}) => renderReport(format, records, { ...run(), ...options });
const sarif = (records: FileReport[], options: Partial<RenderOptions> = {}) => JSON.parse(render('sarif', records, options)) as SarifLog;
const unreadable: FileReport = { findings: [], problems: [{ file: 'missing.cfg', line: 0, column: 0, severity: 'error', code: 'io-error', message: 'no such file or directory' }] };

const CONFIG = [
  'hostname edge1',
  'interface Gi0/1',
  ' description uplink to HUAWEI NE40E',
  ' ! vendorlens-accept: zte | reason: spare in storage | ticket: CHG-7 | expires: 2099-01-01 | by: jdoe',
  ' description spare ZTE OLT',
  'interface Gi0/2',
  ' description 华为 核心 to Huawei',
].join('\n');

describe('report fingerprints', () => {
  it('stay the same when a line is inserted above, while line numbers move', () => {
    const before = findingsIn({ 'a.cfg': CONFIG });
    const after = findingsIn({ 'a.cfg': `! inserted comment\nbanner motd x\n${CONFIG}` });
    assert.equal(after.length, before.length);
    assert.ok(before.length >= 3);
    assert.deepEqual(
      after.map((f) => f.fingerprint),
      before.map((f) => f.fingerprint),
    );
    assert.deepEqual(
      after.map((f) => f.line),
      before.map((f) => f.line + 2),
    );
  });

  it('change when the finding line itself changes, and tell identical lines apart', () => {
    const [a] = findingsIn({ 'a.cfg': 'description uplink to HUAWEI NE40E' });
    const [b] = findingsIn({ 'a.cfg': 'description uplink to HUAWEI NE5000E' });
    assert.notEqual(a!.fingerprint, b!.fingerprint);
    const twice = findingsIn({ 'a.cfg': 'description Huawei\n!\ndescription Huawei\n' });
    assert.equal(twice.length, 2);
    assert.notEqual(twice[0]!.fingerprint, twice[1]!.fingerprint);
    assert.equal(twice[0]!.fingerprint.split(':')[0], twice[1]!.fingerprint.split(':')[0]);
  });

  it('ignore case and runs of whitespace, not the vendor', () => {
    const [x] = findingsIn({ 'a.cfg': ' description  to Huawei' });
    const [y] = findingsIn({ 'a.cfg': 'Description to HUAWEI ' });
    const [z] = findingsIn({ 'a.cfg': ' description  to ZTE' });
    assert.equal(x!.fingerprint, y!.fingerprint);
    assert.notEqual(x!.fingerprint.split(':')[0], z!.fingerprint.split(':')[0]);
  });
});

describe('secret redaction', () => {
  const cases: [string, string][] = [
    ['username admin privilege 15 secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0', '$1$mERr'],
    ['enable password 7 0822455D0A16', '0822455D0A16'],
    [' snmp-server community Pr1vComm RO', 'Pr1vComm'],
    ['snmp-agent community read cipher %^%#Yp6#Lb>~R%^%#', 'Yp6#Lb'],
    [' local-user admin password irreversible-cipher $1a$kB8$Abc$', 'kB8'],
    [' pre-shared-key cipher %^%#q1w2e3%^%#', 'q1w2e3'],
    ['crypto isakmp key S3cretPSK address 10.0.0.1', 'S3cretPSK'],
    [' key-string 7 104D000A0618', '104D000A0618'],
    ['set system root-authentication encrypted-password "$6$abc$def";', '$6$abc'],
    ['  authentication-key "$9$dkQfz6/tOIc"; ## SECRET-DATA', 'dkQfz6'],
    ['password: hunter2', 'hunter2'],
    ['"psk": "Wifi-Pass-99",', 'Wifi-Pass-99'],
    ['tacacs-server key 0 T@cacsKey', 'T@cacsKey'],
    ['super password level 3 cipher %^%#unterminated blob', 'unterminated'],
  ];
  for (const [line, secret] of cases) {
    it(`hides the secret in: ${line.trim().slice(0, 40)}`, () => {
      const out = redactSecrets(line);
      assert.ok(!out.includes(secret), out);
      assert.ok(out.includes(REDACTED), out);
    });
  }

  it('keeps the rest of the line, including the vendor name', () => {
    assert.equal(redactSecrets(' description uplink to HUAWEI NE40E'), ' description uplink to HUAWEI NE40E');
    assert.equal(redactSecrets('snmp-server community Pr1v RO ! Huawei'), 'snmp-server community **** RO ! Huawei');
  });

  it('cuts long lines around the match and never passes a secret through', () => {
    const line = `${'x'.repeat(500)} password 0 TopSecret description Huawei ${'y'.repeat(500)}`;
    const shown = excerpt(line, line.indexOf('Huawei'), 'Huawei');
    assert.ok(shown.length <= MAX_EXCERPT + 2);
    assert.ok(shown.includes('Huawei'));
    assert.ok(!shown.includes('TopSecret'));
    assert.ok(shown.startsWith('…') && shown.endsWith('…'));
  });

  it('redacts the excerpts reports are written from', () => {
    const [finding] = findingsIn({ 'r.cfg': 'snmp-server community Sup3rSecret RO ! managed by Huawei NOC' });
    assert.equal(finding?.vendor, 'huawei');
    assert.ok(!finding.excerpt.includes('Sup3rSecret'));
  });
});

describe('SARIF report', () => {
  it('validates against the official SARIF 2.1.0 schema, with rules, regions, fingerprints and suppressions', () => {
    const records = [...scan({ 'configs/edge 1.cfg': CONFIG, 'boms/q.csv': 'Manufacturer;Part\nHikvision;DS-2CD2143G2-IU\n' }), unreadable];
    const log = sarif(records);
    assertValidSarif(log);

    const run = log.runs[0]!;
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.match(run.automationDetails.id, /^vendorlens\/global\/$/);
    assert.equal(run.tool.driver.informationUri, INFORMATION_URI);
    const ruleIds = run.tool.driver.rules.map((r) => r.id);
    assert.equal(new Set(ruleIds).size, ruleIds.length, 'one rule per vendor code');
    assert.ok(ruleIds.includes('flagged-vendor/huawei') && ruleIds.includes('borderline-vendor/h3c'));
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.shortDescription.text.length <= GITHUB_LIMITS.descriptionLength);
      assert.ok(rule.fullDescription.text.length <= GITHUB_LIMITS.descriptionLength);
      assert.ok(rule.help.text.length > 0 && rule.help.markdown!.length > 0);
    }
    const huawei = run.tool.driver.rules.find((r) => r.id === 'flagged-vendor/huawei')!;
    const advisoryUrls = knowledge().advisoriesByVendor.get('huawei')!.map((a) => a.url);
    assert.ok(advisoryUrls.includes(huawei.helpUri!), 'helpUri points at an advisory');

    assert.equal(run.results.length, findingsOf(records).length);
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex]!.id, result.ruleId);
      assert.ok(result.partialFingerprints[FINGERPRINT_KEY]);
      assert.equal(result.locations.length, 1);
    }
    const location = run.results[0]!.locations[0]!.physicalLocation;
    assert.deepEqual(location.artifactLocation, { uri: 'configs/edge%201.cfg', uriBaseId: '%SRCROOT%' });
    assert.equal(run.invocations[0]!.toolExecutionNotifications.length, 1);
  });

  it('measures regions in UTF-16 code units, end column just past the match', () => {
    // One finding per vendor per line: the Chinese name and the Latin one on lines of their own.
    const chineseLine = ' description 核心 🚀 华为';
    const latinLine = ' description 核心 🚀 to Huawei';
    const log = sarif(scan({ 'u.cfg': `${chineseLine}\n${latinLine}` }));
    const regions = log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region!);
    const latin = latinLine.indexOf('Huawei');
    assert.ok(regions.some((r) => r.startColumn === latin + 1 && r.endColumn === latin + 1 + 'Huawei'.length && r.startLine === 2));
    const chinese = chineseLine.indexOf('华为');
    assert.ok(regions.some((r) => r.startColumn === chinese + 1 && r.endColumn === chinese + 3 && r.startLine === 1));
  });

  it('suppresses accepted findings with their justification and gives the others an empty array', () => {
    const log = sarif(scan({ 'a.cfg': CONFIG }));
    const results = log.runs[0]!.results;
    const accepted = results.filter((r) => r.suppressions.length > 0);
    assert.equal(accepted.length, 1);
    const [suppression] = accepted[0]!.suppressions;
    assert.equal(accepted[0]!.ruleId, 'flagged-vendor/zte');
    assert.equal(suppression!.kind, 'inSource');
    assert.equal(suppression!.status, 'accepted');
    assert.match(suppression!.justification, /spare in storage.*CHG-7.*2099-01-01.*jdoe/);
    assert.equal(accepted[0]!.level, 'note');
    for (const r of results.filter((x) => x.suppressions.length === 0)) assert.deepEqual(r.suppressions, []);
  });

  it('keeps partialFingerprints across an inserted line', () => {
    const prints = (text: string) => sarif(scan({ 'a.cfg': text })).runs[0]!.results.map((r) => r.partialFingerprints);
    assert.deepEqual(prints(`!\n!\n${CONFIG}`), prints(CONFIG));
  });

  it('stays within 25,000 results, keeping errors first, and says what it left out', () => {
    const [template] = findingsIn({ 'a.cfg': 'description Huawei' }) as [ReportFinding];
    const many: ReportFinding[] = [];
    for (let i = 0; i < GITHUB_LIMITS.resultsPerRun + 10; i++) {
      many.push({ ...template, line: i + 1, endLine: i + 1, fingerprint: `f${i}:1`, severity: i < 20 ? 'information' : 'error' });
    }
    const log = sarif([{ findings: many, problems: [] }]);
    const run = log.runs[0]!;
    assert.equal(run.results.length, GITHUB_LIMITS.resultsPerRun);
    assert.equal(run.results.filter((r) => r.level === 'note').length, 10, 'the least severe were dropped');
    assert.equal(run.properties?.omittedResults, 10);
    assert.ok(run.invocations[0]!.toolExecutionNotifications.some((n) => /10 results were left out/.test(n.message.text)));
  });

  it('truncates over-long text and says so', () => {
    const long = 'word '.repeat(400);
    const cut = truncate(long);
    assert.equal(cut.length <= GITHUB_LIMITS.descriptionLength, true);
    assert.match(cut, /\(truncated\)$/);
    assert.equal(truncate('short'), 'short');
  });

  it('marks results as new when a baseline was applied, and fails the invocation on I/O errors', () => {
    const log = sarif([...scan({ 'a.cfg': 'Huawei' }), unreadable], { baselineApplied: true });
    assert.equal(log.runs[0]!.results[0]!.baselineState, 'new');
    assert.equal(log.runs[0]!.invocations[0]!.executionSuccessful, false);
    assertValidSarif(log);
    const clean = sarif(scan({ 'a.cfg': 'Huawei' }));
    assert.equal(clean.runs[0]!.results[0]!.baselineState, undefined);
    assert.equal(clean.runs[0]!.invocations[0]!.executionSuccessful, true);
  });
});

/**
 * A knowledge base whose §889 advisory links to a script URL. The bundled schema only admits https URLs,
 * but reports must not rely on that: organisation policies will add advisories of their own.
 */
function hostileKnowledge(): KnowledgeBase {
  const kb = knowledge();
  const advisories = kb.advisories.map((a) => (a.id === 'us-ndaa-889' ? { ...a, url: 'javascript:alert(1)' } : a));
  const advisoryById = new Map(advisories.map((a) => [a.id, a]));
  const advisoriesByVendor = new Map([...kb.advisoriesByVendor].map(([vendor, list]) => [vendor, list.map((a) => advisoryById.get(a.id)!)]));
  return { ...kb, advisories, advisoryById, advisoriesByVendor };
}

const HOSTILE = [
  'hostname <script>alert(1)</script>',
  ' description <img src=x onerror=alert(2)> Huawei "quoted" & \'single\' | pipe [link](javascript:alert(3))',
  ' snmp-server community S3cr3tComm RO Huawei',
].join('\n');

describe('HTML report', () => {
  it('escapes hostile file content, allows no script and links no javascript: URL', () => {
    const kb = hostileKnowledge();
    const html = render('html', scan({ '<b>evil</b>.cfg': HOSTILE }, kb), run(kb));
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.ok(!/<img/i.test(html), 'no element from file content');
    assert.ok(html.includes('NDAA §889'), 'the advisory with the script URL is cited');
    assert.ok(!/javascript:alert\(1\)/.test(html), 'its URL is not linked');
    assert.ok(!/<[^>]*onerror/i.test(html), 'no tag carries an attribute from file content');
    assert.match(html, /&#60;img src=x onerror=alert\(2\)&#62;/, 'shown as text');
    assert.match(html, /&#60;b&#62;evil&#60;\/b&#62;\.cfg/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.ok(!html.includes('S3cr3tComm'), 'secrets are redacted from excerpts');
    for (const href of html.match(/href="[^"]*"/g) ?? []) assert.match(href, /^href="https?:\/\//);
  });

  it('lists accepted findings with their note and counts them', () => {
    const html = render('html', scan({ 'a.cfg': CONFIG }));
    assert.match(html, /accepted<\/span> <span class="note">spare in storage; ticket CHG-7; until 2099-01-01; by jdoe/);
  });
});

describe('Markdown report', () => {
  it('keeps file content literal: table rows stay intact and no HTML or link is made', () => {
    const md = render('markdown', scan({ 'evil.cfg': HOSTILE }));
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && l.includes('huawei') === false && /\| \d+:\d+ \|/.test(l));
    assert.ok(rows.length >= 2);
    for (const row of rows) assert.equal(row.replace(/\\\|/g, '').split('|').length, 8, `six cells: ${row}`);
    assert.ok(!/(^|[^\\])<img/m.test(md), 'no raw HTML: every < from the file is escaped');
    assert.ok(!/[^\\]\]\(javascript:/.test(md), 'no link from file content');
    assert.ok(!md.includes('S3cr3tComm'));
    assert.match(md, /## Advisories cited/);
    assert.match(md, /\[Official text\]\(https:\/\//);
  });

  it('says what it left out', () => {
    const md = render('markdown', scan({ 'a.cfg': CONFIG, 'b.cfg': CONFIG }), { includeAccepted: false, inBaseline: 1 });
    assert.match(md, /2 accepted findings not shown/);
    assert.match(md, /1 finding also in the baseline not shown/);
  });
});

describe('CSV report', () => {
  it('quotes commas, quotes and line breaks so a CSV reader gets the cells back', () => {
    const csv = render('csv', scan({ 'dir,with "quotes"/a.cfg': ' description "core", uplink to Huawei' }));
    const { records } = tokenizeDelimited(csv, ',');
    const header = records[0]!.cells.map((c) => c.value);
    const row = records[1]!.cells.map((c) => c.value);
    assert.equal(row.length, header.length);
    assert.equal(row[header.indexOf('file')], 'dir,with "quotes"/a.cfg');
    assert.equal(row[header.indexOf('excerpt')], 'description "core", uplink to Huawei');
    assert.equal(row[header.indexOf('vendor')], 'huawei');
    assert.ok(csv.endsWith('\r\n'));
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell(-3), '-3', 'numbers stay numbers');
    assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
    assert.equal(csvCell('plain'), 'plain');
  });
});

describe('report summary tables', () => {
  const TODAY = '2026-11-29';
  const profile = (id: string) => [knowledge().profileById.get(id)!];
  const summarize = (profileId: string, findings: readonly ReportFinding[]): ReportSummary => {
    const counter = new SummaryCounter(knowledge(), profile(profileId));
    for (const f of findings) counter.add(f);
    return counter.summary(TODAY);
  };
  const TWO_FILES = { 'a.cfg': CONFIG, 'sites/b.cfg': 'interface Gi0/1\n description uplink to ZTE core\n' };

  it('counts open findings by severity and accepted ones, with the files holding them', () => {
    const { status } = summarize('global', findingsIn(TWO_FILES));
    assert.deepEqual(status, { open: { error: 3, warning: 0, information: 0 }, openTotal: 3, accepted: 1, filesWithOpen: 2, filesWithAccepted: 1 });
  });

  it('lists vendors worst first, with files, open findings by severity and accepted ones', () => {
    const { byVendor } = summarize('cz', findingsIn(TWO_FILES, knowledge(), 'cz'));
    assert.deepEqual(
      byVendor.map((v) => [v.displayName, v.files, v.open, v.accepted]),
      [
        ['Huawei', 1, { error: 0, warning: 2, information: 0 }, 0],
        ['ZTE', 2, { error: 0, warning: 1, information: 0 }, 1],
      ],
    );
  });

  it('counts each advisory the findings cite, those in force under the profile first', () => {
    const { byAdvisory } = summarize('cz', findingsIn(TWO_FILES, knowledge(), 'cz'));
    // Under cz: both NÚKIB warnings (2025 by product category) and the EU instruments a member state applies.
    const inForce = byAdvisory.filter((a) => a.inForce);
    assert.deepEqual(inForce.map((a) => a.advisory.id).sort(), ['cz-nukib-2018-huawei-zte', 'cz-nukib-2025-prc-data', 'eu-2023-communication', 'eu-5g-toolbox-2020']);
    assert.deepEqual(inForce.map((a) => [a.open, a.accepted]), inForce.map(() => [3, 1]));
    assert.ok(byAdvisory.length > inForce.length);
    assert.ok(byAdvisory.slice(inForce.length).every((a) => !a.inForce));
    const covered = byAdvisory.find((a) => a.advisory.id === 'us-fcc-covered-list-zte')!;
    assert.deepEqual([covered.open, covered.accepted], [1, 1], 'ZTE only: the open one in b.cfg and the accepted one in a.cfg');
  });

  it('puts the deadlines still ahead first, soonest first, then the passed ones, only from advisories in force', () => {
    const findings = findingsIn(TWO_FILES);
    const { deadlines } = summarize('global', findings);
    assert.ok(deadlines.length > 0 && deadlines.length <= MAX_DEADLINES);
    const ahead = deadlines.filter((d) => d.daysLeft >= 0);
    const passed = deadlines.filter((d) => d.daysLeft < 0);
    assert.ok(ahead.length > 0 && passed.length > 0);
    assert.deepEqual(deadlines, [...ahead, ...passed], 'ahead before passed');
    assert.deepEqual(ahead.map((d) => d.date), ahead.map((d) => d.date).sort());
    assert.deepEqual(passed.map((d) => d.date), passed.map((d) => d.date).sort().reverse());
    const first = ahead[0]!;
    assert.equal(first.daysLeft, Math.round((Date.parse(`${first.date}T00:00:00Z`) - Date.parse(`${TODAY}T00:00:00Z`)) / 86_400_000));
    assert.ok(deadlines.every((d) => d.advisory.status !== 'superseded'), 'a superseded advisory sets no deadline');
    const uk = summarize('uk-telecom', findingsIn(TWO_FILES, knowledge(), 'uk-telecom')).deadlines;
    assert.deepEqual([...new Set(uk.map((d) => d.advisory.id))], ['uk-2022-designation']);
    assert.equal(summarize('info', findings).deadlines.length, 0, 'nothing in force, no deadline');
  });

  it('says how far a deadline is', () => {
    assert.equal(describeDaysLeft(0), 'today');
    assert.equal(describeDaysLeft(1), 'in 1 day');
    assert.equal(describeDaysLeft(32), 'in 32 days');
    assert.equal(describeDaysLeft(-3), '3 days ago');
  });

  it('appear in the HTML report: open and accepted, by vendor, by advisory in force, nearest deadlines', () => {
    const html = render('html', scan(TWO_FILES));
    for (const heading of ['Summary', 'Open and accepted', 'By vendor', 'By advisory in force', 'Nearest deadlines']) {
      assert.match(html, new RegExp(`<h[23]>${heading}</h[23]>`), heading);
    }
    assert.match(html, /<tr><td>Huawei <code>huawei<\/code><\/td><td class="num">1<\/td><td class="num">2<\/td>/);
    assert.match(html, /<tr><td><span class="sev accepted">accepted<\/span><\/td><td class="num">1<\/td><td class="num">1<\/td><\/tr>/);
    assert.match(html, /<td><strong>in \d+ days?<\/strong><\/td>/);
  });

  it('appear in the Markdown report, each row with its cells', () => {
    const md = render('markdown', scan(TWO_FILES, knowledge(), 'cz'), { profiles: profile('cz') });
    for (const heading of ['## Summary', '### Open and accepted', '### By vendor', '### By advisory in force', '### Nearest deadlines']) {
      assert.ok(md.split('\n').includes(heading), heading);
    }
    assert.ok(md.includes('| Huawei (`huawei`) | 1 | 0 | 2 | 0 | 0 |'), md);
    assert.ok(md.includes('| ZTE (`zte`) | 2 | 0 | 1 | 0 | 1 |'));
    assert.match(md, /\| NÚKIB .*\(`cz-nukib-2018-huawei-zte`\) \| .* \| CZ \| warning \| 3 \| 1 \|/);
    assert.match(md, /more advisories name these vendors but are not in force under the profile/);
    // Under the Czech profile, NÚKIB's warning sets no deadline.
    assert.match(md, /The advisories in force set no deadlines\./);
  });

  it('count accepted findings the report does not list, and escape names from a policy file', () => {
    const kb = knowledge();
    const records = scan({ 'a.cfg': CONFIG });
    const md = render('markdown', records, { includeAccepted: false });
    assert.ok(md.includes('| Accepted | 1 | 1 |'), 'counted though not listed');
    assert.ok(!md.includes('spare in storage'), 'the note itself stays out');
    assert.match(md, /1 accepted finding not shown/);
    const vendors = kb.vendors.map((v) => (v.id === 'huawei' ? { ...v, displayName: '<img src=x onerror=alert(1)>|Hua' } : v));
    const hostile = { ...kb, vendors, vendorById: new Map(vendors.map((v) => [v.id, v])) };
    const html = render('html', records, run(hostile));
    assert.ok(!/<img/i.test(html));
    const hostileMd = render('markdown', records, run(hostile));
    const vendorRow = hostileMd.split('\n').find((l) => l.includes('huawei`)'))!;
    assert.equal(vendorRow.replace(/\\\|/g, '').split('|').length, 8, vendorRow);
  });

  it('as the editor exports them: accepted findings listed with their notes and counted', () => {
    const records = scan(TWO_FILES);
    const md = render('markdown', records);
    assert.ok(md.includes('| Accepted | 1 | 1 |'));
    assert.ok(md.includes('| accepted \\(spare in storage; ticket CHG\\-7; until 2099\\-01\\-01; by jdoe\\) |'), 'listed with its note');
    assert.doesNotMatch(md, /not shown/);
    const json = JSON.parse(render('json', records));
    assert.equal(json.findings.length, findingsOf(records).length);
    assert.equal(json.findings.filter((f: { accepted: boolean }) => f.accepted).length, 1);
  });
});
