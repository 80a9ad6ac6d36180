// Evidence beyond the maker column: part/model patterns, CPE vendors, purl namespaces; row summaries.
import { strict as assert } from 'node:assert';
import { createCpeMatcher, parseCpe, unescapeCpe23 } from '../../src/core/evidence/cpe';
import { createPartNumberMatcher } from '../../src/core/evidence/partNumbers';
import { createPurlMatcher, parsePurl } from '../../src/core/evidence/purl';
import { parseQuantity, summaryText } from '../../src/core/services/summary';
import { loadKnowledgeBase } from '../../src/core/knowledge/load';
import type { Field, KnowledgeBase, RowContext } from '../../src/core/model';
import { knowledge, knowledgeSources, languageService, textDocument } from './helpers';

function part(text: string, row: Partial<RowContext> = {}, offset = 10): Field {
  return { offset, text, role: 'part', row: { row: 2, part: text.trim(), ...row } };
}

describe('model / part-number evidence', () => {
  const matcher = createPartNumberMatcher(knowledge());

  it('matches whole values first, at the exact value without surrounding spaces, then models word by word', () => {
    const [hit] = matcher.match(part('  NE8000-M8 '));
    assert.ok(hit);
    assert.deepEqual([hit.vendorId, hit.kind, hit.start, hit.end, hit.matched, hit.confidence], ['huawei', 'model', 12, 21, 'NE8000-M8', 'medium']);
    const inText = matcher.match(part('NE8000-M8 chassis, refurbished, 2 PSU'));
    assert.deepEqual(inText.map((e) => [e.matched, e.start, e.end]), [['NE8000-M8', 10, 19]], 'a model written with words around it in a part cell');
    assert.deepEqual(matcher.match(part('XNE8000-M8')), []);
    assert.deepEqual(matcher.match({ ...part('NE8000-M8'), role: 'description' }), [], 'only part values');
  });

  it('lowers confidence where model families collide (Huawei vs H3C S-series) unless the row corroborates', () => {
    const suffixed = matcher.match(part('S5720-28X-SI-AC'))[0]!;
    assert.equal(suffixed.confidence, 'medium', 'the suffix grammar is Huawei\'s: distinctive');
    assert.match(suffixed.detail, /H3C .*look-alike/);
    const bare = matcher.match(part('S5720', { quantity: '2' }))[0]!;
    assert.equal(bare.confidence, 'low', 'a bare series number is shared: low, and only in a BOM row');
    assert.match(bare.detail, /a short number other makers use too/);
    assert.match(bare.wouldConfirm ?? '', /maker column or description naming Huawei/);
    assert.deepEqual(matcher.match({ offset: 0, text: 'S5720', role: 'part' }), [], 'no row around it: no corroboration');
    const byMaker = matcher.match(part('S5720-28X-SI-AC', { maker: 'HUAWEI' }))[0]!;
    assert.equal(byMaker.confidence, 'high');
    assert.doesNotMatch(byMaker.detail, /look-alike/);
    const byDescription = matcher.match(part('S5720-28X-SI-AC', { description: 'Huawei campus switch, 24 port' }))[0]!;
    assert.equal(byDescription.confidence, 'high');
    assert.deepEqual(matcher.match(part('S5720-28X-SI-AC', { maker: 'New H3C Technologies Co., Ltd' })), [], 'the maker says H3C: no Huawei finding');
  });

  it('says when the maker given is a reseller or distributor and the model identifies the real maker', () => {
    const [hit] = matcher.match(part('ZXR10 5960-56QU-HI', { maker: 'Ingram Micro' }));
    assert.ok(hit);
    assert.equal(hit.vendorId, 'zte');
    assert.equal(hit.confidence, 'medium');
    assert.match(hit.detail, /maker given as "Ingram Micro": a reseller or distributor.*identifies ZTE/);
  });

  it('skips over-long values (a description in a part column) and never backtracks badly', () => {
    assert.deepEqual(matcher.match(part(`S5720${'-A'.repeat(60)}`)), []);
    // The patterns pass the static ReDoS check (test/unit/redos.test.ts); this value is the shape that would expose one.
    assert.deepEqual(matcher.match(part(`DS-2CD2143${'-A'.repeat(40)}!`)).map((e) => e.vendorId), []);
  });
});

describe('CPE evidence', () => {
  const matcher = createCpeMatcher(knowledge());
  const field = (text: string): Field => ({ offset: 5, text, role: 'other' });

  it('unescapes CPE 2.3 and parses 2.2 URIs', () => {
    assert.equal(unescapeCpe23('ds-2cd2026g2-iu\\/sl_firmware'), 'ds-2cd2026g2-iu/sl_firmware');
    const v23 = parseCpe('cpe:2.3:o:hikvision:ds-2cd2026g2-iu\\/sl_firmware:*:*:*:*:*:*:*:*')!;
    assert.deepEqual([v23.version, v23.part, v23.vendor.value, v23.product?.value], ['2.3', 'o', 'hikvision', 'ds-2cd2026g2-iu/sl_firmware']);
    const v22 = parseCpe('cpe:/h:huaweidevice:d100')!;
    assert.deepEqual([v22.version, v22.part, v22.vendor.value, v22.product?.value], ['2.2', 'h', 'huaweidevice', 'd100']);
    const escapedVendor = parseCpe('cpe:2.3:a:dahua\\:security:x:*')!;
    assert.equal(escapedVendor.vendor.value, 'dahua:security', 'an escaped colon does not split');
  });

  it('finds vendor strings that are not the brand (huaweidevice, dahuasecurity) and underlines the vendor part', () => {
    const text = 'see cpe:/h:huaweidevice:d100 and cpe:2.3:o:dahuasecurity:ipc-hum7xxx_firmware:*:*:*:*:*:*:*:*';
    const hits = matcher.match(field(text));
    assert.deepEqual(hits.map((h) => [h.vendorId, h.matched, h.start - 5, h.confidence]), [
      ['huawei', 'huaweidevice', text.indexOf('huaweidevice'), 'high'],
      ['dahua', 'dahuasecurity', text.indexOf('dahuasecurity'), 'high'],
    ]);
    assert.match(hits[0]!.detail, /CPE 2\.2 vendor "huaweidevice", product "d100"/);
  });

  it('ignores other vendors, wildcards and text that only looks like a CPE', () => {
    assert.deepEqual(matcher.match(field('cpe:2.3:a:pivotal_software:spring_framework:4.1.0:*:*:*:*:*:*:*')), []);
    assert.deepEqual(matcher.match(field('cpe:2.3:h:*:huawei:*')), [], 'huawei as product, not vendor');
    assert.deepEqual(matcher.match(field('cpe:')), []);
    assert.deepEqual(matcher.match(field('mycpe:/h:zte')), [], 'a CPE starts on a word boundary');
    assert.deepEqual(matcher.match(field('cpe:/h')), [], 'no vendor component');
  });
});

describe('purl evidence', () => {
  // A test-only knowledge base with its own namespaces, so that the matching rules are tested apart from the data.
  function withPurls(namespaces: string[]): KnowledgeBase {
    const sources = knowledgeSources();
    const text = sources.vendors.text.replace(/(  - id: huawei\n(?:    .*\n)*?)    purlNamespaces:\n(?:      - .*\n)+/, (_m, head: string) => `${head}    purlNamespaces: [${namespaces.map((n) => JSON.stringify(n)).join(', ')}]\n`);
    assert.notEqual(text, sources.vendors.text);
    return loadKnowledgeBase({ ...sources, vendors: { ...sources.vendors, text } });
  }

  it('parses type, namespace and name with percent-decoding', () => {
    const p = parsePurl('pkg:maven/com.huawei.cloud/sdk-core@3.1.2?type=jar')!;
    assert.deepEqual([p.type, p.namespace, p.name], ['maven', 'com.huawei.cloud', 'sdk-core']);
    const scoped = parsePurl('pkg:npm/%40huawei/hms-core@1.0.0')!;
    assert.deepEqual([scoped.namespace, scoped.name], ['@huawei', 'hms-core']);
    assert.equal(parsePurl('pkg:generic/busybox@1.36.1')!.namespace, '');
  });

  it('matches typed and untyped namespace entries, sub-namespaces included, and underlines the namespace', () => {
    const matcher = createPurlMatcher(withPurls(['maven/com.huawei', '@huawei']));
    const text = 'pkg:maven/com.huawei.cloud/sdk-core@3.1.2';
    const [hit] = matcher.match({ offset: 0, text, role: 'other' });
    assert.ok(hit);
    assert.deepEqual([hit.vendorId, hit.kind, text.slice(hit.start, hit.end)], ['huawei', 'purl', 'com.huawei.cloud']);
    assert.equal(matcher.match({ offset: 0, text: 'pkg:npm/%40huawei/hms-core@1.0.0', role: 'other' })[0]?.matched, '%40huawei');
    assert.deepEqual(matcher.match({ offset: 0, text: 'pkg:npm/com.huawei/x@1', role: 'other' }), [], 'typed entry: maven only');
    assert.deepEqual(matcher.match({ offset: 0, text: 'pkg:maven/com.huaweix/x@1', role: 'other' }), []);
  });

  it('reads the bundled namespaces by their purl type only (maven/com.huawei: not an npm package of that name)', () => {
    const bundled = createPurlMatcher(knowledge());
    assert.equal(bundled.match({ offset: 0, text: 'pkg:maven/com.huawei/x@1', role: 'other' })[0]?.vendorId, 'huawei');
    assert.deepEqual(bundled.match({ offset: 0, text: 'pkg:npm/com.huawei/x@1', role: 'other' }), []);
  });
});

describe('BOM findings end to end', () => {
  it('one finding per vendor and range: a CPE beats the bare name inside it', () => {
    const text = 'Manufacturer;Part;CPE\nAcme;X1;cpe:2.3:h:huawei:s5735:-:*:*:*:*:*:*:*\n';
    const findings = languageService().analyze(textDocument(text, 'file:///q.csv', 'csv')).findings;
    assert.deepEqual(findings.map((f) => [f.evidence.kind, f.evidence.matched]), [['cpe', 'huawei']]);
  });
});

describe('per-document summary', () => {
  it('reads quantities as procurement files write them', () => {
    const cases: [string | undefined, number | undefined][] = [['12', 12], [' 1 200 ', 1200], ['1,200', 1200], ['1.000', 1000], ['2 pcs', 2], ['3,5', 3.5], ['--', undefined], ['', undefined], [undefined, undefined], ['n/a', undefined]];
    for (const [text, expected] of cases) assert.equal(parseQuantity(text), expected, String(text));
  });

  it('totals flagged items and quantities per vendor, once per row, leaving totals rows out', () => {
    const text = [
      'Line;Manufacturer;Model;Description;Qty',
      '1;Huawei;S5720-28X-SI-AC;Huawei campus switch;4', // three findings, one item
      '2;Ingram Micro;ZXR10 5960-56QU-HI;Aggregation;2',
      '3;;NE8000-M8;PE router;--',
      '4;Aztech;HL117EP;Powerline;9',
      ';;;Total Huawei;5',
    ].join('\n');
    const service = languageService();
    const doc = textDocument(text, 'file:///q/quote.csv', 'csv');
    const totals = service.summarize(doc);
    assert.deepEqual(
      totals.map((t) => [t.vendorId, t.items, t.quantity, t.itemsWithoutQuantity]),
      [
        ['huawei', 2, 5, 1],
        ['zte', 1, 2, 0],
      ],
    );
    const huawei = totals[0]!;
    assert.equal(huawei.findings, service.analyze(doc).findings.filter((f) => f.vendorId === 'huawei').length);
    assert.ok(huawei.findings > huawei.items, 'the totals row names Huawei but is not an item');
    assert.equal(summaryText(totals), 'Huawei: 2 items, 5 units (1 without quantity) · ZTE: 1 item, 2 units');
  });

  it('labels structured items in the hover instead of a row number', async () => {
    const text = '{"bomFormat":"CycloneDX","specVersion":"1.6","components":[\n{"type":"device","manufacturer":{"name":"Dahua"},"name":"IPC-HDW2441T-S","properties":[{"name":"cdx:device:quantity","value":"6"}]}]}';
    const service = languageService();
    const doc = textDocument(text, 'file:///b/cams.cdx.json', 'json');
    const hover = await service.doHover(doc, { line: 1, character: text.split('\n')[1]!.indexOf('Dahua') + 1 });
    const value = (hover!.contents as { value: string }).value;
    assert.match(value, /component \\"IPC\\-HDW2441T\\-S\\" at line 2/);
    assert.match(value, /quantity 6/);
    assert.deepEqual((await service.doCodeLens(doc)).map((l) => l.command?.title), ['VendorLens: 1 open · 0 accepted', 'VendorLens: Dahua: 1 item, 6 units']);
  });
});
