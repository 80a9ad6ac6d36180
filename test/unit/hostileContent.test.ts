// Hover safety: whatever a file (or a workspace's policy file) says is shown literally. No link, image,
// HTML tag, autolink or command link from the content ever becomes live Markdown.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageService } from '../../src/core/languageService';
import { escapeMarkdown, linkTarget } from '../../src/core/text';
import { FIXED_NOW, knowledge } from './helpers';

const PAYLOADS = [
  '[click](command:workbench.action.terminal.new)',
  '![pixel](https://evil.example/t.png)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<https://evil.example/auto>',
  'https://evil.example/bare',
  '[ref]: https://evil.example/ref',
  '**bold** _it_ # heading `code`',
];
const HOSTILE = PAYLOADS.join(' ');

/** Every live link target in the markdown: `](target)` whose bracket is not escaped. */
function linkTargets(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)].map((m) => m[1]!);
}

/** The markdown shows the payloads as text: nothing from them is a link, an image, a tag or a command. */
function assertInert(full: string, allowedLinks: ReadonlySet<string>): void {
  for (const target of linkTargets(full)) assert.ok(allowedLinks.has(target), `unexpected link target ${target}`);
  // What is inside an allowed (http, encoded) link target is inert; look at the rest.
  const markdown = full.replace(/(?<!\\)\]\(([^)\s]*)\)/g, '](…)');
  assert.doesNotMatch(markdown, /command:/i, 'no command link survives (escaped it reads command\\:)');
  assert.doesNotMatch(markdown, /(?<!\\)<(img|script|https)/i, 'no raw HTML or autolink');
  assert.doesNotMatch(markdown, /(?<!\\)!\[/, 'no image');
  assert.doesNotMatch(markdown, /https?:\/\/evil/, 'no live URL of the payload (its colon and dots are escaped)');
  assert.doesNotMatch(markdown, /^\s{0,3}\[ref\]:/m, 'no link reference definition');
}

const knownLinks = () => new Set([...knowledge().advisories.map((a) => linkTarget(a.url)), ...knowledge().vendors.flatMap((v) => v.sources.map((s) => linkTarget(s.url)))]);

async function hoverAt(service: LanguageService, document: TextDocument, needle: string): Promise<string> {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, needle);
  const hover = await service.doHover(document, document.positionAt(offset + 1));
  assert.ok(hover, `a hover on ${needle}`);
  return (hover.contents as MarkupContent).value;
}

describe('hover safety: content from files is escaped', () => {
  const service = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW });
  service.configure({});

  it('escapeMarkdown leaves no Markdown, HTML or link syntax live', () => {
    const escaped = escapeMarkdown(HOSTILE + '\n\n> quote\r\n1. list');
    assertInert(escaped, new Set());
    assert.ok(!/\n|\r/.test(escaped), 'one line: a blank line would start a new block');
  });

  it('a CSV maker, description and header quoted in the hover of a model finding', async () => {
    const csv = `"Manufacturer ${PAYLOADS[0]}",Model,Description\n"${HOSTILE.replace(/"/g, '""')}",NE40E-X8A,"${HOSTILE.replace(/"/g, '""')}"\n`;
    const document = TextDocument.create('file:///ws/hostile.csv', 'csv', 1, csv);
    const markdown = await hoverAt(service, document, 'NE40E-X8A');
    assert.match(markdown, /maker given as/, 'the maker cell is quoted in the evidence');
    assertInert(markdown, knownLinks());
  });

  it('a purl and a CPE whose components carry payloads', async () => {
    const bom = JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      components: [
        { type: 'device', name: 'x', purl: `pkg:maven/com.huawei/${encodeURIComponent(PAYLOADS[0]!)}@1` },
        { type: 'device', name: 'y', cpe: `cpe:2.3:h:huawei:${PAYLOADS[1]!.replace(/[:()]/g, (c) => `\\${c}`)}:-:*:*:*:*:*:*:*` },
      ],
    }, null, 2);
    const document = TextDocument.create('file:///ws/bom.cdx.json', 'json', 1, bom);
    const withPurls = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW });
    withPurls.configure({ policy: { uri: 'file:///ws/.vendorlens.yaml', text: 'schemaVersion: 1\nextendVendors:\n  huawei:\n    purlNamespaces: [com.huawei]\n' } });
    const purl = await hoverAt(withPurls, document, 'com.huawei');
    assert.match(purl, /package URL namespace/);
    assertInert(purl, knownLinks());
    const cpe = await hoverAt(service, document, 'huawei:');
    assert.match(cpe, /CPE 2\\\.3 vendor/);
    assertInert(cpe, knownLinks());
  });

  it('a review note whose reason, ticket and reviewer carry payloads', async () => {
    const config = `interface Gi0/1\n ! vendorlens-accept: huawei | reason: ${PAYLOADS.slice(0, 4).join(' ')} | ticket: ${PAYLOADS[4]} | by: ${PAYLOADS[1]}\n description uplink HUAWEI\n`;
    const document = TextDocument.create('file:///ws/edge.ios', 'plaintext', 1, config);
    const markdown = await hoverAt(service, document, 'HUAWEI');
    assert.match(markdown, /Accepted/);
    assertInert(markdown, knownLinks());
  });

  it('a workspace policy whose vendor, advisory and link carry payloads (Restricted Mode too)', async () => {
    const policy = [
      'schemaVersion: 1',
      'vendors:',
      '  - id: acme',
      `    displayName: ${JSON.stringify(`ACME ${HOSTILE}`)}`,
      '    status: flagged',
      `    statusNote: ${JSON.stringify(HOSTILE)}`,
      '    names: [{ text: ACME Cameras, kind: brand }]',
      '    sources: [{ url: "https://ok.example/)![x](https://evil.example/p.png)", checked: official }]',
      'advisories:',
      '  - id: internal-1',
      `    issuer: ${JSON.stringify(HOSTILE)}`,
      '    jurisdiction: cz',
      '    date: 2026-01-01',
      `    instrument: ${JSON.stringify(HOSTILE)}`,
      '    measure: ban',
      '    vendors: [acme]',
      `    scope: ${JSON.stringify(HOSTILE)}`,
      `    requires: ${JSON.stringify(HOSTILE)}`,
      `    deadlines: [{ date: 2027-01-01, what: ${JSON.stringify(HOSTILE)} }]`,
      '    url: "https://ok.example/rule)[x](command:workbench.action.terminal.new)"',
      '    sources: [{ url: "https://ok.example/rule", checked: official }]',
    ].join('\n');
    for (const trusted of [true, false]) {
      const s = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW });
      s.configure({ policy: { uri: 'file:///ws/.vendorlens.yaml', text: policy }, trusted });
      assert.deepEqual(s.policy.problems, []);
      const document = TextDocument.create('file:///ws/cams.txt', 'plaintext', 1, 'NVR by ACME Cameras\n');
      const links = new Set([...knownLinks(), linkTarget('https://ok.example/rule)[x](command:workbench.action.terminal.new)'), linkTarget('https://ok.example/)![x](https://evil.example/p.png)')]);
      assertInert(await hoverAt(s, document, 'ACME'), links);
      assertInert(s.vendorDetails('acme')!, links);
    }
  });

  it('link targets never end early and are http(s) only', () => {
    assert.equal(linkTarget('https://ok.example/a)b'), 'https://ok.example/a%29b');
    assert.equal(linkTarget('command:workbench.action.terminal.new'), '#');
    assert.equal(linkTarget('javascript:alert(1)'), '#');
    assert.equal(linkTarget('https://ok.example/\uD800'), '#', 'a lone surrogate: no URIError');
  });
});
