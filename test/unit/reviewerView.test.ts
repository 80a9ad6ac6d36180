// The reviewer's view in the editor: hovers that fit on one screen, the first-line banner of a device's
// config, notes that never go above a file's header, lenses that count open and accepted findings, and the
// small texts (tree labels, CSV rows, the report's CJK fonts, the walkthrough, Czech at run time).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../src/core/languageService';
import { configureLocalization } from '../../src/core/l10n';
import { headerLineCount } from '../../src/core/review/header';
import { renderReport } from '../../src/core/report/render';
import { DIALECT_LANGUAGES, languageForDialect } from '../../src/client/dialectLanguages';
import { splitMessage, LABEL_MAX } from '../../src/client/views/findingsModel';
import { BUNDLE_DIR, readBundle } from '../../scripts/l10n';
import { fixture } from './dialects.test';
import { FIXED_NOW, knowledge, languageService, ROOT, textDocument } from './helpers';

const VRP = [
  '!Software Version V200R019C10SPC800',
  '!Last configuration was updated at 2026-11-02 10:11:12+01:00',
  '#',
  'sysname core-2',
  '#',
  'vlan batch 10 20',
  '#',
  'interface Vlanif10',
  ' ip address 10.0.10.1 255.255.255.0',
  '#',
  'interface Eth-Trunk1',
  ' port link-type trunk',
  ' port trunk allow-pass vlan 10 20',
  '#',
  'return',
  '',
].join('\n');

/** Documents with a finding of each kind the hover shows: a device config, a name in a description, a BOM row, a MAC. */
const DOCUMENTS: { name: string; uri: string; language: string; text: string; needle: string }[] = [
  { name: 'VRP config (document level)', uri: 'file:///ws/core-2.cfg', language: 'properties', text: VRP, needle: 'Software Version' },
  { name: 'IOS description', uri: 'file:///ws/edge.ios', language: 'plaintext', text: 'interface Gi0/1\n description uplink to HUAWEI NE40E-X8A core\n', needle: 'HUAWEI' },
  { name: 'CSV row', uri: 'file:///ws/quote.csv', language: 'csv', text: 'Manufacturer,Model,Description,Qty\nHuawei,S5735-L24T4S-A1,Access switch,4\nHikvision,DS-2CD2143G2-I,Dome camera,12\n', needle: 'Hikvision' },
  { name: 'MAC table', uri: 'file:///ws/sw3.txt', language: 'plaintext', text: 'sw3#show mac address-table\n  10    4419.b6a0.77c3    DYNAMIC     Gi1/0/7\n', needle: '4419.b6a0.77c3' },
];

/** At 1440×900 the hover widget shows about 30 lines of 80 characters before it scrolls. */
const MAX_HOVER_LINES = 24;
const MAX_HOVER_CHARS = 1800;

async function hoverAt(profile: string, doc: (typeof DOCUMENTS)[number], commandLinks = false): Promise<string> {
  const service = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW, commandLinks });
  service.configure({ profile });
  const document = TextDocument.create(doc.uri, doc.language, 1, doc.text);
  const hover = await service.doHover(document, document.positionAt(doc.text.indexOf(doc.needle) + 1));
  assert.ok(hover, `a hover on ${doc.needle} (${doc.name}, ${profile})`);
  return (hover.contents as MarkupContent).value;
}

/** Lines as the hover renders them: paragraphs and rules, a long paragraph counting as one line per 80 characters. */
function renderedLines(markdown: string): number {
  return markdown
    .split(/\n\n+/)
    .map((paragraph) => Math.max(1, Math.ceil(paragraph.replace(/\]\([^)]*\)/g, ']').length / 80)))
    .reduce((a, b) => a + b, 0);
}

describe('hovers fit on one screen', () => {
  for (const profile of knowledge().profiles.map((p) => p.id)) {
    it(`under ${profile}: every kind of finding, at most ${MAX_HOVER_LINES} lines`, async () => {
      for (const doc of DOCUMENTS) {
        const markdown = await hoverAt(profile, doc, true);
        const lines = renderedLines(markdown);
        assert.ok(lines <= MAX_HOVER_LINES, `${doc.name} under ${profile}: ${lines} lines\n${markdown}`);
        const visible = markdown.replace(/\]\([^)]*\)/g, ']');
        assert.ok(visible.length <= MAX_HOVER_CHARS, `${doc.name} under ${profile}: ${visible.length} characters`);
        assert.match(markdown, /Review: open, no review note\.|Accepted/);
        assert.match(markdown, /\[Show vendor details[^\]]*\]\(command:vendorlens\.showVendor\?/);
        assert.ok(markdown.split('  \n').length <= 6, `at most six short lines: ${markdown}`);
        assert.doesNotMatch(markdown, /Recognised by|Scope:|Official source\)[^]*Official source/, 'reasons, scopes and other advisories are in the vendor details');
      }
    });
  }

  it('under cz: the NÚKIB warning leads with its requirement; the other advisories are counted, and listed in the details', async () => {
    const markdown = await hoverAt('cz', DOCUMENTS[1]!);
    assert.match(markdown, /\n\*\*NÚKIB[^*]*\*\* \(CZ, 2018-12-17, Warning\) — Requires: /, 'the Czech warning leads, on one line');
    const more = /(\d+) more advisories name Huawei/.exec(markdown);
    assert.ok(more && Number(more[1]) > 5, 'many advisories name Huawei');
    const service = languageService({ profile: 'cz' });
    const details = service.vendorDetails('huawei')!;
    assert.ok((details.match(/Official source/g) ?? []).length >= Number(more[1]), 'every advisory is in the details');
  });

  it('the matcher reasons of a file-level finding are in the vendor details of that finding', async () => {
    const service = languageService({ profile: 'cz' });
    const document = textDocument(VRP, 'file:///ws/core-2.cfg', 'properties');
    const finding = service.analyze(document).findings.find((f) => f.evidence.documentLevel)!;
    assert.ok(finding);
    const details = service.vendorDetails('huawei', { document, findingId: finding.id })!;
    assert.match(details, /## This finding/);
    assert.match(details, /Recognised by: .*Software Version/);
  });

  it('command links only for a client that runs them, and only to the extension\'s own commands', async () => {
    const plain = await hoverAt('global', DOCUMENTS[0]!, false);
    assert.doesNotMatch(plain, /command:/);
    const linked = await hoverAt('global', DOCUMENTS[0]!, true);
    const targets = [...linked.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)].map((m) => m[1]!);
    const commands = targets.filter((t) => t.startsWith('command:'));
    assert.deepEqual(commands.map((c) => c.slice(0, c.indexOf('?'))).sort(), ['command:vendorlens.acceptFinding', 'command:vendorlens.showVendor']);
    const [vendor, ref] = JSON.parse(decodeURIComponent(commands.find((c) => c.includes('showVendor'))!.split('?')[1]!));
    assert.equal(vendor, 'huawei');
    assert.equal(ref.uri, 'file:///ws/core-2.cfg');
  });

  it('a hover over several findings shows two and counts the rest', async () => {
    const service = languageService();
    const text = 'x HUAWEI ZTE Hikvision Dahua\n';
    const document = textDocument(text);
    const findings = service.analyze(document).findings;
    assert.ok(findings.length >= 3);
    const { hoverAt: at } = await import('../../src/core/services/hover');
    const wide = findings.map((f) => ({ ...f, range: { start: { line: 0, character: 0 }, end: { line: 0, character: text.length } } }));
    const hover = at(knowledge(), service.profiles, wide, { line: 0, character: 3 }, '2026-11-29')!;
    const value = (hover.contents as MarkupContent).value;
    assert.equal((value.match(/ — flagged vendor\*\*/g) ?? []).length, 2);
    assert.match(value, new RegExp(`${findings.length - 2} more findings here`));
  });

  it('related information says what else was found, without the catalogue\'s source links (those are in the details)', async () => {
    const service = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW, relatedInformation: true });
    service.configure({});
    const document = textDocument('interface Gi0/0/0\n description WAN uplink to HUAWEI NE40E (carrier PE)\n', 'file:///ws/e.ios', 'network-config');
    const finding = service.analyze(document).findings[0]!;
    assert.match(finding.related.map((r) => r.message).join(), /per https:\/\//, 'the finding itself keeps the source');
    const [diagnostic] = await service.doValidation(document);
    const related = diagnostic!.relatedInformation!.map((r) => r.message);
    assert.ok(related.some((m) => /^Also model of the Huawei NetEngine NE router family "NE40E"$/.test(m)), related.join(' | '));
    assert.ok(related.every((m) => !m.includes('https://')));
  });

  it('a CSV row says its line too when the two differ', async () => {
    const text = 'Quote RQ-311\nManufacturer,Model,Qty\nHikvision,DS-2CD2143G2-I,12\n';
    const service = languageService();
    const document = textDocument(text, 'file:///ws/q.csv', 'csv');
    const finding = service.analyze(document).findings.find((f) => f.vendorId === 'hikvision')!;
    const hover = (await service.doHover(document, finding.range.start))!.contents as MarkupContent;
    const row = finding.evidence.field.row!.row;
    if (row === 3) assert.match(hover.value, /Context: .*\brow 3 ·/);
    else assert.match(hover.value, new RegExp(`Context: .*\\brow ${row} \\(line 3\\)`));
  });
});

describe('file-level findings: a banner on the first line', () => {
  it('a VRP config gets a CodeLens naming the device kind and the leading instrument, and its diagnostic on the header line', async () => {
    const service = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW, commandLinks: true });
    service.configure({ profile: 'cz' });
    const document = textDocument(VRP, 'file:///ws/core-2.cfg', 'properties');
    const lenses = await service.doCodeLens(document);
    const banner = lenses.find((l) => /device configuration/.test(l.command?.title ?? ''))!;
    assert.ok(banner, lenses.map((l) => l.command?.title).join(' | '));
    assert.match(banner.command!.title, /^Huawei VRP device configuration — NÚKIB .*\(CZ, 2018-12-17\) · open$/);
    assert.equal(banner.range.start.line, 0);
    assert.equal(banner.command!.command, 'vendorlens.showVendor');
    const [diagnostic] = (await service.doValidation(document)).filter((d) => (d.data as { findingId?: string })?.findingId?.includes(':dialect:'));
    assert.ok(diagnostic);
    assert.deepEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: VRP.split('\n')[0]!.length } });
    const finding = service.analyze(document).findings.find((f) => f.evidence.documentLevel)!;
    assert.match(finding.related[0]!.message, /^Recognised here: /);
  });

  it('a config whose first line is a separator: the diagnostic goes on the first line with a word', () => {
    const text = fixture('vrp-dist-sw2.cfg');
    const finding = languageService().analyze(textDocument(text, 'file:///c/vrp-dist-sw2.cfg')).findings.find((f) => f.evidence.documentLevel)!;
    assert.equal(text.split('\n')[0], '#');
    assert.deepEqual(finding.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 'sysname dist-sw2'.length } });
  });

  it('lenses count open and accepted findings apart, and no banner where no finding is about the file', async () => {
    const service = languageService();
    const text = 'interface Gi0/1\n ! vendorlens-accept: huawei | reason: leased CPE\n description HUAWEI CPE\ninterface Gi0/2\n description ZTE OLT\n';
    const titles = (await service.doCodeLens(textDocument(text, 'file:///ws/a.ios', 'network-config'))).map((l) => l.command?.title);
    assert.deepEqual(titles, ['VendorLens: 1 open · 1 accepted']);
    assert.deepEqual(await service.doCodeLens(textDocument('hostname clean\n')), []);
  });

  it('turns the web\'s default auto save off for the config languages, so a review note is never saved for the reviewer', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const language of new Set(Object.values(DIALECT_LANGUAGES))) {
      assert.equal(manifest.contributes.configurationDefaults?.[`[${language}]`]?.['files.autoSave'], 'off', language);
    }
  });

  it('gives the dialect\'s grammar only to a config opened as plain text, Properties or a log, at high confidence', () => {
    assert.equal(languageForDialect('properties', 'huawei-vrp', 'high'), 'huawei-vrp');
    assert.equal(languageForDialect('plaintext', 'zte-zxros', 'high'), 'zte-zxros');
    assert.equal(languageForDialect('log', 'cisco-ios', 'high'), 'network-config');
    assert.equal(languageForDialect('properties', 'huawei-vrp', 'medium'), undefined);
    assert.equal(languageForDialect('network-config', 'huawei-vrp', 'high'), undefined, 'a language already chosen stays');
    assert.equal(languageForDialect('plaintext', 'unknown', 'high'), undefined);
    const contributed = new Set(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes.languages.map((l: { id: string }) => l.id));
    for (const language of Object.values(DIALECT_LANGUAGES)) assert.ok(contributed.has(language), language);
    assert.equal(languageService().analyze(textDocument(VRP)).dialect.confidence, 'high', 'the VRP example is recognised with high confidence');
  });
});

/** The text after applying one workspace edit's changes to `text`. */
function applied(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
  assert.ok(edit, 'an edit');
  const edits: TextEdit[] = edit.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'x', 0, text), edits);
}

describe('review notes never go above a file\'s header', () => {
  const NOTE = { reason: 'leased carrier CPE', ticket: 'CHG-1', expires: '2027-02-27', by: 'jdoe', on: '2026-11-29' };

  it('header lines per dialect, and prologues of any file', () => {
    const cases: [string, string, number][] = [
      ['huawei-vrp', VRP, 3],
      ['huawei-vrp', fixture('vrp-dist-sw2.cfg'), 1],
      ['h3c-comware', fixture('comware7-access-sw.cfg'), 3],
      ['fortinet-fortios', fixture('fortigate-fw1.conf'), 4],
      ['cisco-ios', 'Building configuration...\n\nCurrent configuration : 1234 bytes\n!\n! Last configuration change at 10:00:00 UTC Mon Nov 2 2026\n!\nversion 17.6\nhostname r1\n', 6],
      ['cisco-ios', '!RANCID-CONTENT-TYPE: cisco\n!\n!Chassis type: ISR4331/K9\n!Serial Number: FDO1234\n!\nversion 17.6\n', 5],
      ['arista-eos', '! Command: show running-config\n! device: spine1 (DCS-7050SX3-48YC8, EOS-4.30.1F)\n!\nhostname spine1\n', 3],
      ['juniper-junos', '## Last commit: 2026-11-02 10:11:12 UTC by admin\nversion 22.4R2;\nsystem {\n', 2],
      ['mikrotik-routeros', '# nov/02/2026 10:11:12 by RouterOS 7.12\n# software id = ABCD-1234\n#\n/interface bridge\n', 2],
      ['unknown', '<?xml version="1.0" encoding="UTF-8"?>\n<bom/>\n', 1],
      ['unknown', '%YAML 1.2\n---\ndevices:\n', 2],
      ['unknown', 'hostname r1\n', 0],
    ];
    for (const [dialect, text, expected] of cases) assert.equal(headerLineCount(text.split('\n'), dialect), expected, `${dialect}: ${text.split('\n')[0]}`);
  });

  it('accepting the VRP file-level finding writes a file note below "!Software Version …" and the block opener', () => {
    const service = languageService();
    const uri = 'file:///ws/core-2.cfg';
    const document = textDocument(VRP, uri, 'properties');
    const finding = service.analyze(document).findings.find((f) => f.evidence.documentLevel)!;
    const after = applied(VRP, service.acceptanceEdit(document, finding.id, 'line', NOTE), uri).split('\n');
    assert.equal(after[0], '!Software Version V200R019C10SPC800', 'the header stays on line 1');
    assert.equal(after[2], '#');
    assert.match(after[3]!, /^# vendorlens-accept-file: huawei \| reason: leased carrier CPE \| ticket: CHG-1 \| expires: 2027-02-27 \| by: jdoe/);
    assert.equal(after[4], 'sysname core-2');
    const again = service.analyze(textDocument(after.join('\n'), uri, 'properties')).findings.find((f) => f.evidence.documentLevel)!;
    assert.equal(again.accepted?.by, 'jdoe', 'the note accepts the finding');
  });

  it('a finding on a header line (FortiOS #config-version=) is accepted below the header; one in the body above its line', () => {
    const text = `${fixture('fortigate-fw1.conf')}`;
    const lines = text.split('\n');
    const uri = 'file:///ws/fw1.conf';
    const withName = [...lines.slice(0, 4), 'config system global', '    set alias "HUAWEI uplink"', 'end', ...lines.slice(5)].join('\n');
    const service = languageService();
    const document = textDocument(withName, uri, 'properties');
    const finding = service.analyze(document).findings.find((f) => f.vendorId === 'huawei')!;
    assert.ok(finding, 'a Huawei finding in the body');
    const after = applied(withName, service.acceptanceEdit(document, finding.id, 'line', NOTE), uri).split('\n');
    assert.deepEqual(after.slice(0, 4), lines.slice(0, 4), 'the FortiOS header is untouched');
    assert.match(after[5]!, /^\s*# vendorlens-accept: huawei/);
    const fileNote = applied(withName, service.acceptanceEdit(document, finding.id, 'file', NOTE), uri).split('\n');
    assert.deepEqual(fileNote.slice(0, 4), lines.slice(0, 4));
    assert.match(fileNote[4]!, /^# vendorlens-accept-file: huawei/);
  });

  it('a header that is the whole file: the note goes after its last line', () => {
    const text = '!Software Version V200R019C10SPC800\n#';
    const uri = 'file:///ws/stub.cfg';
    const service = languageService();
    const document = textDocument(text, uri, 'properties');
    assert.equal(headerLineCount(text.split('\n'), 'huawei-vrp'), 2);
    const finding = service.analyze(document).findings.find((f) => f.evidence.documentLevel)!;
    const after = applied(text, service.acceptanceEdit(document, finding.id, 'file', NOTE), uri).split('\n');
    assert.equal(after[0], '!Software Version V200R019C10SPC800');
    assert.match(after[2]!, /^# vendorlens-accept-file:/);
  });
});

describe('small texts', () => {
  it('a findings-view label is the short plain part; the rest goes to the description', () => {
    const message = 'Huawei: brand "HUAWEI". NÚKIB warning (CZ, 2018-12-17) and 20 more (3 in force under cz)';
    assert.deepEqual(splitMessage(message), { label: 'Huawei: brand "HUAWEI"', rest: 'NÚKIB warning (CZ, 2018-12-17) and 20 more (3 in force under cz)' });
    const long = splitMessage('Hikvision: MAC address, MA-L prefix 4419B6 registered to Hangzhou Hikvision Digital Technology Co.,Ltd. FCC Covered List (US, 2021-03-12)');
    assert.ok(long.label.length <= LABEL_MAX, long.label);
    assert.match(long.label, /^Hikvision: MAC address, MA-L prefix 4419B6…$/);
    assert.match(long.rest, /^…registered to/);
    assert.deepEqual(splitMessage('ZTE: legal name'), { label: 'ZTE: legal name', rest: '' });
  });

  it('the HTML report names CJK fonts before the generic family, so Chinese names do not render as boxes', () => {
    const kb = knowledge();
    const html = renderReport('html', [], { kb, profiles: [kb.profileById.get('global')!], toolVersion: '1', generatedOn: '2026-11-29' });
    const body = /body\{font:[^;}]*/.exec(html)?.[0] ?? '';
    assert.match(body, /"Noto Sans CJK SC".*"Microsoft YaHei".*sans-serif/);
  });

  it('the walkthrough texts use no backticks (its renderer shows them literally)', () => {
    for (const file of ['package.nls.json', 'package.nls.cs.json']) {
      const strings: Record<string, string> = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
      for (const [key, value] of Object.entries(strings)) if (key.startsWith('walkthrough.')) assert.ok(!value.includes('`'), `${file} ${key}`);
    }
  });

  it('speaks Czech at run time with the bundle forced: hover, banner, lens, and the new settings', async () => {
    const czech = readBundle(join(BUNDLE_DIR, 'bundle.l10n.cs.json'));
    try {
      configureLocalization({ contents: czech });
      const service = languageService({ profile: 'cz' });
      const document = textDocument(VRP, 'file:///ws/core-2.cfg', 'properties');
      const finding = service.analyze(document).findings.find((f) => f.evidence.documentLevel)!;
      const hover = ((await service.doHover(document, finding.range.start))!.contents as MarkupContent).value;
      assert.match(hover, /Huawei — označený dodavatel/);
      assert.match(hover, /\*\*NÚKIB[^*]*\*\* \(CZ, 2018-12-17, Varování\)/);
      assert.match(hover, /Posouzení: otevřený, bez poznámky k posouzení\./);
      const titles = (await service.doCodeLens(document)).map((l) => l.command?.title ?? '');
      assert.ok(titles.some((t) => /^Konfigurace zařízení Huawei VRP — NÚKIB .* · otevřený$/.test(t)), titles.join(' | '));
      assert.ok(titles.includes('VendorLens: otevřené 1 · přijaté 0'), titles.join(' | '));
    } finally {
      configureLocalization({ contents: {} });
    }
    const cs: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.nls.cs.json'), 'utf8'));
    assert.match(cs['config.review.author']!, /by:/);
    assert.match(cs['config.detectLanguageFromContent']!, /Huawei VRP/);
  });
});
