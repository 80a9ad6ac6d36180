// BOM classes of round 8: maker columns headed in more buyers' languages (Cyrillic, CJK compounds, camel-case
// keys), API exports that nest the maker and model as records (NetBox, Nautobot, Snipe-IT), inventories known
// by a maker key in any language or by Ansible host keys, and registered company names of subsidiaries.
import { strict as assert } from 'node:assert';
import { createVendorNameMatcher } from '../../src/core/evidence/vendorNames';
import { headerRole } from '../../src/core/formats/csv';
import { detectFormat } from '../../src/core/formats/detect';
import { inventoryJsonFormat, inventoryXmlFormat, looksLikeInventory, looksLikeXmlInventory } from '../../src/core/formats/inventory';
import type { Field } from '../../src/core/model';
import { knowledge, languageService, textDocument } from './helpers';

function findingsOf(text: string, uri: string, languageId: string) {
  return languageService()
    .analyze(textDocument(text, uri, languageId))
    .findings.map((f) => ({ vendor: f.vendorId, kind: f.evidence.kind, confidence: f.evidence.confidence, line: f.range.start.line + 1 }));
}

describe('maker, part and quantity headings in more languages', () => {
  it('reads Cyrillic, Portuguese, Polish, Dutch, Turkish and Vietnamese headings, alone or with a note', () => {
    assert.equal(headerRole('Производитель'), 'maker');
    assert.equal(headerRole('Производитель (виробник)'), 'maker');
    assert.equal(headerRole('Виробник'), 'maker');
    assert.equal(headerRole('Модель'), 'part');
    assert.equal(headerRole('Кол-во'), 'quantity');
    assert.equal(headerRole('Nome do fabricante'), 'maker');
    assert.equal(headerRole('Marca del equipo'), 'maker');
    assert.equal(headerRole('Producent'), 'maker');
    assert.equal(headerRole('Merk'), 'maker');
    assert.equal(headerRole('Aantal'), 'quantity');
    assert.equal(headerRole('Üretici'), 'maker');
    assert.equal(headerRole('Hãng sản xuất'), 'maker');
  });

  it('reads Chinese, Japanese and Korean compound headings by the term they contain, never a price or date', () => {
    assert.equal(headerRole('规格型号'), 'part');
    assert.equal(headerRole('设备型号'), 'part');
    assert.equal(headerRole('生产厂家'), 'maker');
    assert.equal(headerRole('厂商名称'), 'maker', "a maker's name is the maker");
    assert.equal(headerRole('设备名称'), 'description');
    assert.equal(headerRole('メーカー名'), 'maker');
    assert.equal(headerRole('型番'), 'part');
    assert.equal(headerRole('제조사'), 'maker');
    assert.equal(headerRole('含税单价'), undefined);
    assert.equal(headerRole('交货期'), undefined);
    assert.equal(headerRole('序号'), undefined);
  });

  it('reads headings written without their diacritics, but never English designator words as parts', () => {
    assert.equal(headerRole('Vyrobce'), 'maker');
    assert.equal(headerRole('Nazev'), 'description');
    assert.equal(headerRole('Pocet'), 'quantity');
    assert.equal(headerRole('Modele'), 'part');
    assert.equal(headerRole('Descripcion'), 'description');
    assert.equal(headerRole('Reference'), undefined, 'a KiCad or Altium designator column');
    assert.equal(headerRole('Designation'), undefined);
  });

  it('splits camel-case keys into words and reads a software publisher as the maker', () => {
    assert.equal(headerRole('softwarePublisher'), 'maker');
    assert.equal(headerRole('ManufacturerName'), 'maker');
    assert.equal(headerRole('MfrPartNumber'), 'part');
    assert.equal(headerRole('Publisher'), 'maker');
    assert.equal(headerRole('SKU'), 'part', 'capitals alone are one word');
  });

  it('takes a maker named under a Cyrillic heading as given by the maker (high), not as a name in passing', () => {
    const csv = 'Слово в названии продукта;Производитель (виробник);Країна\nКамера;Hikvision;Китай\n';
    assert.deepEqual(findingsOf(csv, 'file:///feed/manufacturers.csv', 'csv'), [{ vendor: 'hikvision', kind: 'vendor-name', confidence: 'high', line: 2 }]);
  });

  it('reads a Chinese quotation whose brand column names the maker in Chinese and whose model column is 规格型号', () => {
    const csv = '序号,设备名称,品牌,规格型号,数量,含税单价\n1,光线路终端,中兴,ZXA10 C320,1,20000\n2,交换机,某代理商,S5735-L24T4S-A,2,3000\n';
    const findings = findingsOf(csv, 'file:///quotes/olt.csv', 'csv');
    assert.deepEqual(
      findings.map((f) => [f.vendor, f.line]),
      [
        ['zte', 2],
        ['huawei', 3],
      ],
    );
    assert.equal(findings[0]!.confidence, 'high', '中兴 in the brand column is the maker');
    const messages = languageService()
      .analyze(textDocument(csv, 'file:///quotes/olt.csv', 'csv'))
      .findings.map((f) => f.message);
    assert.match(messages[0]!, /^ZTE ZXA10 C320 in row 2\b/, 'the 规格型号 column names the product');
  });
});

describe('API exports that nest the maker and model as records (NetBox, Nautobot, Snipe-IT)', () => {
  const snipeIt = JSON.stringify(
    {
      total: 2,
      rows: [
        { id: 11, name: 'cam-gate', model: { id: 7, name: 'DS-2CD2143G2-I' }, category: { id: 2, name: 'Camera' }, manufacturer: { id: 5, name: 'Hikvision' }, supplier: { id: 3, name: 'CCTV Direct' } },
        { id: 12, name: 'olt-1', model: { id: 9, name: 'C320' }, category: { id: 3, name: 'Network' }, supplier: { id: 4, name: 'Comstor' }, manufacturer: { id: 6, name: 'ZTE' } },
        { id: 13, name: 'laptop', model: { id: 1, name: 'Latitude 5440' }, manufacturer: { id: 1, name: 'Dell' }, supplier: { id: 4, name: 'Huawei Reseller Ltd' } },
      ],
    },
    null,
    1,
  );

  it('reads the record name under "manufacturer" and "model" as the item\'s maker and part', () => {
    const fields = inventoryJsonFormat.parse(snipeIt).fields;
    const maker = fields.filter((f) => f.role === 'maker').map((f) => f.text);
    assert.deepEqual(maker, ['Hikvision', 'CCTV Direct', 'Comstor', 'ZTE', 'Dell', 'Huawei Reseller Ltd']);
    const rows = fields.filter((f) => f.text === 'C320').map((f) => [f.role, f.row?.maker, f.row?.part]);
    assert.deepEqual(rows, [['part', 'ZTE', 'C320']], 'the manufacturer wins over a supplier listed before it');
    assert.equal(fields.find((f) => f.text === 'Camera')?.role, 'text', 'other records stay text');
  });

  it('gives a nested maker high confidence and keeps a supplier-only name out of the maker context', () => {
    const findings = findingsOf(snipeIt, 'file:///exports/hardware.json', 'json');
    const high = findings.filter((f) => f.confidence === 'high').map((f) => f.vendor);
    assert.ok(high.includes('hikvision') && high.includes('zte'), JSON.stringify(findings));
    const dellRow = inventoryJsonFormat.parse(snipeIt).fields.find((f) => f.text === 'Latitude 5440');
    assert.equal(dellRow?.row?.maker, 'Dell', "a reseller's name never replaces the item's maker");
  });

  it('reads a Nautobot device list (device_type with a nested manufacturer) with the model in context', () => {
    const nautobot = JSON.stringify({ data: { devices: [{ name: 'pe1', device_type: { model: 'NE8000 M8', manufacturer: { name: 'Huawei' } }, platform: { name: 'VRP' } }] } }, null, 1);
    const fields = inventoryJsonFormat.parse(nautobot).fields;
    const huawei = fields.find((f) => f.text === 'Huawei');
    assert.deepEqual([huawei?.role, huawei?.row?.part], ['maker', 'NE8000 M8']);
    assert.deepEqual(
      findingsOf(nautobot, 'file:///exports/devices.json', 'json').map((f) => [f.vendor, f.confidence]),
      [['huawei', 'high']],
    );
  });
});

describe('JSON Lines exports (one record per line: jq -c, osquery, log shippers)', () => {
  const lines = [
    '{"host":"ws1","name":"7-Zip","vendor":"Igor Pavlov"}',
    '{"host":"ws2","name":"Endpoint Security","vendor":"AO Kaspersky Lab"}',
    '',
    '{"host":"ws3","name":"HiSuite","vendor":"Huawei Device Co., Ltd."}',
  ].join('\n');

  it('reads every line as an item, at its own place, with no syntax error for the second line', () => {
    const parsed = inventoryJsonFormat.parse(lines);
    assert.deepEqual(parsed.problems, []);
    const makers = parsed.fields.filter((f) => f.role === 'maker');
    assert.deepEqual(makers.map((f) => [f.text, lines.slice(f.offset, f.offset + f.text.length)]), [
      ['Igor Pavlov', 'Igor Pavlov'],
      ['AO Kaspersky Lab', 'AO Kaspersky Lab'],
      ['Huawei Device Co., Ltd.', 'Huawei Device Co., Ltd.'],
    ]);
    assert.deepEqual(findingsOf(lines, 'file:///exports/programs.ndjson', 'json').map((f) => [f.vendor, f.line]), [
      ['kaspersky', 2],
      ['huawei', 4],
    ]);
  });

  it('reports a broken line where it is and still reads the others; a pretty-printed list is no JSON Lines', () => {
    const broken = '{"vendor":"Cisco","model":"C9300"}\n{"vendor":"ZTE","model": }\n{"vendor":"Hikvision","model":"DS-2CD2143G2-I"}';
    const parsed = inventoryJsonFormat.parse(broken);
    assert.deepEqual(parsed.problems.map((p) => [p.code, broken.slice(p.start, p.end)]), [['json-syntax', '}']]);
    assert.ok(parsed.problems[0]!.start > broken.indexOf('ZTE'));
    assert.deepEqual(parsed.fields.filter((f) => f.role === 'maker').map((f) => f.text), ['Cisco', 'ZTE', 'Hikvision']);
    const pretty = '[\n{"vendor": "ZTE", "model": "C600"},\n{"vendor": "Cisco", "model": "C9300"}\n]';
    assert.deepEqual(inventoryJsonFormat.parse(pretty).problems, []);
    assert.deepEqual(inventoryJsonFormat.parse(pretty).fields.filter((f) => f.role === 'maker').map((f) => f.text), ['ZTE', 'Cisco']);
  });
});

describe('inventories known by their keys in any language, and Ansible host variables', () => {
  it('knows a JSON or YAML list by a maker key in another language or in camel case', () => {
    assert.equal(looksLikeInventory('[{"nome": "cam", "fabricante": "Hikvision"}]'), true);
    assert.equal(looksLikeInventory('- имя: sw1\n  Производитель: Huawei\n'), true);
    assert.equal(looksLikeInventory('[{"assetName": "WS-01", "softwarePublisher": "AO Kaspersky Lab"}]'), true);
    assert.equal(looksLikeInventory('{"rows": [{"supplier": "Huawei Direct", "name": "ONU"}]}'), true);
    assert.equal(looksLikeInventory('all:\n  hosts:\n    sw1:\n      ansible_host: 10.0.0.1\n'), true);
    const programs = '{"WS-101": [{"name": "Chrome", "publisher": "Google LLC"}, {"name": "Endpoint Security", "publisher": "AO Kaspersky Lab"}]}';
    assert.equal(looksLikeInventory(programs), true, 'a publisher per record: installed software');
    assert.equal(looksLikeInventory('title: SMG 2.1 fixes\ncpes:\n  - cpe:2.3:a:kaspersky:secure_mail_gateway:2.0:*:*:*:*:*:*:*\n'), true, 'a list of CPE names');
    assert.equal(looksLikeInventory('{"affected": [{"id": "pkg:maven/com.huawei.hms/push@6.1.0"}]}'), true, 'package URLs');
  });

  it('leaves package manifests and CI files alone: their "publisher" and "source" are their own', () => {
    assert.equal(looksLikeInventory('{"name": "ext", "publisher": "acme", "version": "1.0.0", "engines": {"vscode": "^1.90.0"}}'), false);
    assert.equal(looksLikeInventory('steps:\n  - uses: actions/checkout@v4\n    with:\n      source: main\n'), false);
    assert.equal(looksLikeInventory('{"url": "https://example.org/a:b", "time": "12:30"}'), false);
    assert.equal(looksLikeInventory('{"description": "the cpe: prefix and pkg: scheme are explained elsewhere"}'), false);
  });

  it('analyses such a file in the editor instead of leaving it as an unrelated JSON or YAML file', () => {
    const software = '[{"assetName": "WS-01", "softwareName": "Endpoint Security", "softwarePublisher": "AO Kaspersky Lab"}]';
    assert.equal(detectFormat({ uri: 'file:///inv/software.json', languageId: 'json', text: software }), 'inventory-json');
    assert.deepEqual(findingsOf(software, 'file:///inv/software.json', 'json').map((f) => [f.vendor, f.confidence]), [['kaspersky', 'high']]);
    const hosts = 'ce:\n  hosts:\n    ce-sw:\n      ansible_host: ce-sw\n      ansible_network_os: community.network.ce\n';
    assert.equal(detectFormat({ uri: 'file:///inv/hosts.yaml', languageId: 'yaml', text: hosts }), 'inventory-yaml');
    assert.deepEqual(findingsOf(hosts, 'file:///inv/hosts.yaml', 'yaml').map((f) => f.vendor), ['huawei']);
  });
});

describe('XML exports of inventory tools (OCS, GLPI agent, asset exports, nmap)', () => {
  const ocs = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    '<REQUEST><CONTENT>',
    '  <SOFTWARES><NAME>Endpoint Security</NAME><PUBLISHER>AO Kaspersky Lab</PUBLISHER><VERSION>12.3</VERSION></SOFTWARES>',
    '  <SOFTWARES><NAME>7-Zip</NAME><PUBLISHER>Igor Pavlov</PUBLISHER></SOFTWARES>',
    '</CONTENT></REQUEST>',
  ].join('\n');
  const assets = '<computers>\n  <computer><name>sw1</name><fabricant>Huawei</fabricant><modele>S6730-H24X6C</modele></computer>\n</computers>\n';

  it('knows them by an element or attribute named for a maker, and not NETCONF replies or plain XML', () => {
    assert.equal(looksLikeXmlInventory(ocs), true);
    assert.equal(looksLikeXmlInventory(assets), true);
    assert.equal(looksLikeXmlInventory('<nmaprun><host><address addr="BC:AD:28:11:22:33" addrtype="mac" vendor="Hikvision"/></host></nmaprun>'), true);
    assert.equal(looksLikeXmlInventory('<rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><data><vendor>Huawei</vendor></data></rpc-reply>'), false);
    assert.equal(looksLikeXmlInventory('<project><groupId>org.example</groupId><source>17</source></project>'), false);
    assert.equal(detectFormat({ uri: 'file:///inv/ocs.xml', languageId: 'xml', text: ocs }), 'inventory-xml');
    assert.equal(detectFormat({ uri: 'file:///build/pom.xml', languageId: 'xml', text: '<project><groupId>a</groupId></project>' }), 'unrelated');
  });

  it('reads each record as an item whose maker element gives the maker', () => {
    const fields = inventoryXmlFormat.parse(assets).fields;
    const huawei = fields.find((f) => f.text === 'Huawei');
    assert.deepEqual([huawei?.role, huawei?.row?.part], ['maker', 'S6730-H24X6C']);
    assert.deepEqual(findingsOf(ocs, 'file:///inv/ocs.xml', 'xml').map((f) => [f.vendor, f.confidence, f.line]), [['kaspersky', 'high', 3]]);
  });
});

describe('registered company names of subsidiaries and aliases (bundled data)', () => {
  const names = createVendorNameMatcher(knowledge());
  const inText = (text: string) => names.match({ offset: 0, text, role: 'text' } satisfies Field).map((e) => [e.vendorId, e.confidence, e.matched]);

  it('is as certain of a subsidiary written with its company form as of the legal name', () => {
    assert.deepEqual(inText('Publisher: Huawei Device Co., Ltd.'), [['huawei', 'high', 'Huawei Device Co., Ltd']]);
    assert.deepEqual(inText('vendor Hangzhou Ezviz Software Co.,Ltd. camera'), [['hikvision', 'high', 'Hangzhou Ezviz Software Co.,Ltd']]);
    assert.deepEqual(inText('Hytera Austria GmbH, Wien'), [['hytera', 'high', 'Hytera Austria GmbH']]);
  });

  it('stays at medium for a bare subsidiary or brand name', () => {
    assert.deepEqual(inText('SoC: HiSilicon Hi3516EV300'), [['huawei', 'medium', 'HiSilicon']]);
    assert.deepEqual(inText('EZVIZ C6N'), [['hikvision', 'medium', 'EZVIZ']]);
  });
});
