// Structured BOM formats: exact value ranges, item context, provenance left out, malformed input.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cyclonedxJsonFormat, cyclonedxXmlFormat } from '../../src/core/formats/cyclonedx';
import { detectFormat, formatModule } from '../../src/core/formats/detect';
import { inventoryJsonFormat, inventoryYamlFormat } from '../../src/core/formats/inventory';
import { agentName, parseTagValue, spdx3JsonFormat, spdxJsonFormat, spdxTagValueFormat, spdxYamlFormat } from '../../src/core/formats/spdx';
import { parseXml } from '../../src/core/formats/xml';
import type { Field, FormatId, TextFormatId } from '../../src/core/model';
import { languageService, ROOT, textDocument } from './helpers';

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'boms', name), 'utf8');
const byText = (fields: Field[], text: string) => fields.find((f) => f.text === text);

/** Each field's text is exactly the document's text at its offset. */
function assertExact(text: string, fields: Field[]): void {
  for (const f of fields) assert.equal(text.slice(f.offset, f.offset + f.text.length), f.text);
}

describe('format detection', () => {
  it('recognises each BOM format by content, whatever the file is called', () => {
    const cases: [string, FormatId][] = [
      ['site-refresh-hbom.cdx.json', 'cyclonedx-json'],
      ['edge-cameras.cdx.xml', 'cyclonedx-xml'],
      ['router-firmware.spdx', 'spdx-tag-value'],
      ['camera-firmware.spdx.json', 'spdx-json'],
      ['ont-firmware.spdx.yaml', 'spdx-yaml'],
      ['app-suppliers.spdx3.json', 'spdx3-json'],
      ['device-types.inventory.yaml', 'inventory-yaml'],
      ['device-list.inventory.json', 'inventory-json'],
    ];
    for (const [name, id] of cases) {
      assert.equal(detectFormat({ uri: `file:///x/${name}`, text: fixture(name) }), id, name);
      // Without a name, YAML is only recognised when it declares itself (SPDX does, a device list does not).
      const unnamed = detectFormat({ uri: 'untitled:1', languageId: 'plaintext', text: fixture(name) });
      assert.equal(unnamed, id === 'inventory-yaml' ? 'text' : id, `${name} by content`);
    }
  });

  it('leaves unrelated JSON, YAML and XML to the text format, and INI sections are not JSON', () => {
    assert.equal(detectFormat({ uri: 'file:///p/package.json', text: '{ "name": "x", "author": "Huawei fan" }' }), 'text');
    assert.equal(detectFormat({ uri: 'file:///ci.yml', text: 'jobs:\n  build: {}\n' }), 'text');
    assert.equal(detectFormat({ uri: 'file:///pom.xml', text: '<project><groupId>com.example</groupId></project>' }), 'text');
    assert.equal(detectFormat({ uri: 'untitled:3', languageId: 'plaintext', text: '[device]\nmodel: S5720\n' }), 'text');
    assert.equal(detectFormat({ uri: 'file:///x/devices.yaml', text: '- vendor: ZTE\n' }), 'inventory-yaml');
  });

  it('takes a JSON or XML declaration only from a document that starts as JSON or XML', () => {
    const declaration = '"bomFormat": "CycloneDX", "spdxVersion": "SPDX-2.3"';
    assert.equal(detectFormat({ uri: 'file:///notes.txt', text: `Our SBOM tool writes ${declaration} at the top.\n` }), 'text');
    assert.equal(detectFormat({ uri: 'file:///sbom', text: `\uFEFF \n{ ${declaration} }` }), 'cyclonedx-json');
    assert.equal(detectFormat({ uri: 'file:///sbom', text: '\n  { "spdxVersion": "SPDX-2.3" }' }), 'spdx-json');
  });
});

describe('CycloneDX', () => {
  it('JSON: every component (nested too) is an item with maker, part, description and quantity', () => {
    const text = fixture('site-refresh-hbom.cdx.json');
    const { fields, problems } = cyclonedxJsonFormat.parse(text);
    assert.deepEqual(problems, []);
    assertExact(text, fields);
    const maker = byText(fields, 'Huawei')!;
    assert.equal(maker.role, 'maker');
    assert.equal(maker.offset, text.indexOf('"Huawei"') + 1);
    assert.deepEqual(maker.path, ['manufacturer › name']);
    assert.equal(maker.row?.maker, 'Huawei', 'manufacturer wins over supplier');
    assert.equal(maker.row?.quantity, '3');
    assert.equal(maker.row?.description, 'Etagenverteiler – 24×GE PoE+, 4×10GE');
    assert.match(maker.row!.label!, /^component "CloudEngine S5735-L24P4S-A1" at line 22$/);
    const nested = byText(fields, 'ZXR10 5960-56QU-HI')!;
    assert.equal(nested.role, 'part');
    assert.deepEqual([nested.row?.maker, nested.row?.quantity], ['Ingram Micro', '2'], 'a nested component has its own context');
    assert.equal(byText(fields, 'ZTE Corporation')!.role, 'maker', 'author');
    assert.equal(byText(fields, 'Axis Communications')!.role, 'maker', 'publisher');
    assert.equal(byText(fields, '12')!.role, 'quantity');
    assert.equal(byText(fields, 'cdx:device:quantity'), undefined, 'property names are not searched');
  });

  it('1.6 metadata.manufacturer is who wrote the BOM: not searched, and no finding for it', () => {
    const text = fixture('site-refresh-hbom.cdx.json');
    const { fields } = cyclonedxJsonFormat.parse(text);
    const trap = text.indexOf('Huawei Technologies Co., Ltd.');
    assert.ok(!fields.some((f) => f.offset <= trap && trap < f.offset + f.text.length));
    assert.ok(!fields.some((f) => f.text.includes('Nováková')), 'metadata.authors neither');
    const findings = languageService().analyze(textDocument(text, 'file:///b/site.cdx.json', 'json')).findings;
    assert.ok(findings.length > 0);
    assert.ok(!findings.some((f) => f.evidence.start === trap));
    // The same organisation as a component's manufacturer is found.
    const asMaker = text.replace('"manufacturer": { "name": "Huawei" }', '"manufacturer": { "name": "Huawei Technologies Co., Ltd." }');
    const again = languageService().analyze(textDocument(asMaker, 'file:///b/site2.cdx.json', 'json')).findings;
    assert.ok(again.some((f) => f.evidence.matched.startsWith('Huawei Technologies Co., Ltd') && f.evidence.field.role === 'maker'));
  });

  it('XML: values inside elements, CDATA and entities, metadata.manufacture (1.5) as the subject\'s maker', () => {
    const text = fixture('edge-cameras.cdx.xml');
    const { fields, problems } = cyclonedxXmlFormat.parse(text);
    assert.deepEqual(problems, []);
    assertExact(text, fields);
    const maker = byText(fields, 'Zhejiang Dahua Technology Co., Ltd.')!;
    assert.equal(maker.role, 'maker');
    assert.equal(maker.row?.part, 'DHI-NVR4216-16P-4KS2');
    const h3c = byText(fields, 'H3C')!;
    assert.equal(h3c.offset, text.indexOf('<![CDATA[H3C]]>') + 9);
    const supplier = byText(fields, 'Sicherheitstechnik Müller &amp; Söhne')!;
    assert.equal(supplier.row?.maker, 'Sicherheitstechnik Müller & Söhne', 'the context holds the decoded value');
    assert.equal(supplier.row?.quantity, '6');
    assert.equal(byText(fields, 'IPC-HDW2441T-S')!.role, 'part');
    assert.equal(byText(fields, 'cpe:/h:dahuasecurity:ipc-hdw2441t-s')!.role, 'other');
  });

  it('XML 1.6 metadata.manufacturer is skipped too', () => {
    const text = '<bom xmlns="http://cyclonedx.org/schema/bom/1.6"><metadata><manufacturer><name>ZTE Corporation</name></manufacturer></metadata><components/></bom>';
    assert.deepEqual(cyclonedxXmlFormat.parse(text).fields, []);
  });

  it('malformed JSON and XML give a located error and the readable values are still checked', () => {
    const json = '{"bomFormat":"CycloneDX","components":[{"supplier":{"name":"Huawei"},"name":"S5720-28X"} {"name":"x"}]';
    const parsedJson = cyclonedxJsonFormat.parse(json);
    assert.ok(parsedJson.problems.length > 0);
    assert.equal(parsedJson.problems[0]!.code, 'json-syntax');
    assert.equal(parsedJson.problems[0]!.start, json.indexOf(' {"name":"x"}') + 1);
    assert.ok(byText(parsedJson.fields, 'Huawei'));

    const xml = '<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components><component><supplier><name>Huawei</name></supplier><name>S5720</nam></component><component><supplier><name>ZTE</name></supplier></component></components></bom>';
    const parsedXml = cyclonedxXmlFormat.parse(xml);
    assert.ok(parsedXml.problems.some((p) => p.code === 'xml-syntax'));
    assert.ok(parsedXml.problems[0]!.start >= xml.indexOf('</nam>'));
    assert.ok(byText(parsedXml.fields, 'Huawei'));
    assert.ok(byText(parsedXml.fields, 'ZTE'), 'values after the error are kept');
  });

  it('never throws on broken or hostile input', () => {
    const inputs = ['', '{', '[', '{"bomFormat":"CycloneDX"', '<', '<bom', '<bom><a>', '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><bom>&b;</bom>', '\u0000\uFFFF', '{"components":' + '['.repeat(5000)];
    for (const input of inputs) {
      for (const id of ['cyclonedx-json', 'cyclonedx-xml', 'spdx-json', 'spdx-yaml', 'spdx3-json', 'spdx-tag-value', 'inventory-json', 'inventory-yaml', 'inventory-xml'] as TextFormatId[]) {
        const parsed = formatModule(id).parse(input);
        assertExact(input, parsed.fields);
        for (const p of parsed.problems) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= input.length, `${id} ${JSON.stringify(input.slice(0, 20))}`);
      }
    }
    assert.ok(parseXml('<a x="1>').problems.length > 0);
  });
});

describe('SPDX', () => {
  it('narrows "Organization: X (email)" to X', () => {
    const cut = (v: string) => {
      const s = agentName(v);
      return s && v.slice(...s);
    };
    assert.equal(cut('Organization: Huawei Technologies Co., Ltd. (psirt@example.com)'), 'Huawei Technologies Co., Ltd.');
    assert.equal(cut('Person: Jan Novák'), 'Jan Novák');
    assert.equal(cut('NOASSERTION'), '');
    assert.equal(cut('Organization: ACME (Europe) Ltd'), 'ACME (Europe) Ltd');
  });

  it('tag-value: supplier and originator narrowed, ExternalRef locator located, creators left out, <text> blocks', () => {
    const text = fixture('router-firmware.spdx');
    const { fields, problems, commentPrefix } = spdxTagValueFormat.parse(text);
    assert.deepEqual(problems, []);
    assert.equal(commentPrefix, '#');
    assertExact(text, fields);
    const originator = byText(fields, 'Huawei Technologies Co., Ltd.')!;
    assert.equal(originator.role, 'maker');
    assert.equal(originator.offset, text.indexOf('Huawei Technologies Co., Ltd. (psirt'));
    assert.deepEqual(originator.row, { row: 1, part: 'AR6280 system software', label: 'package "AR6280 system software" at line 11', maker: 'Huawei Technologies Co., Ltd.' });
    assert.equal(byText(fields, 'cpe:2.3:o:huawei:vrp:v300r022c10:*:*:*:*:*:*:*')!.role, 'other');
    const creator = text.indexOf('Huawei Technologies Co., Ltd.\n');
    assert.ok(!fields.some((f) => f.offset === creator), 'Creator: is provenance');
    const comment = fields.find((f) => f.text.startsWith('Firmware image'))!;
    assert.equal(comment.text, 'Firmware image for the\nbranch routers, delivered by the distributor.');
    assert.equal(byText(fields, 'OpenSSL')!.row?.maker, 'OpenSSL Software Foundation');
  });

  it('tag-value: a line that is not "Tag: value" and an unclosed <text> are reported, not fatal', () => {
    const { problems, values } = parseTagValue('PackageName: x\nthis is not a tag\nPackageComment: <text>never closed\nPackageSupplier: Organization: ZTE\n');
    assert.deepEqual(problems.map((p) => p.code), ['spdx-tag-syntax', 'spdx-tag-syntax']);
    assert.ok(values.some((v) => v.tag === ''), 'the odd line is kept as text');
  });

  it('JSON and YAML: packages with originator preferred over supplier, creators left out', () => {
    const json = fixture('camera-firmware.spdx.json');
    const parsed = spdxJsonFormat.parse(json);
    assertExact(json, parsed.fields);
    const originator = byText(parsed.fields, 'Hangzhou Hikvision Digital Technology Co., Ltd.')!;
    assert.equal(originator.row?.maker, 'Hangzhou Hikvision Digital Technology Co., Ltd.');
    assert.equal(byText(parsed.fields, 'Sicherheit Plus GmbH')!.role, 'maker');
    assert.ok(!parsed.fields.some((f) => f.offset === json.indexOf('Hangzhou Hikvision Digital Technology Co., Ltd."')), 'creators are provenance');

    const yaml = fixture('ont-firmware.spdx.yaml');
    const fromYaml = spdxYamlFormat.parse(yaml);
    assertExact(yaml, fromYaml.fields);
    assert.equal(byText(fromYaml.fields, 'ZXHN F670L')!.offset, yaml.indexOf('ZXHN F670L'));
    assert.equal(byText(fromYaml.fields, 'ZTE Corporation')!.offset, yaml.indexOf('ZTE Corporation (psirt'));
    assert.equal(byText(fromYaml.fields, 'Glasfaser Nord GmbH')!.role, 'maker');
    assert.ok(fromYaml.fields.some((f) => f.role === 'comment' && f.text.startsWith('# vendorlens-accept')));
  });

  it('3.0 JSON-LD: resolves suppliedBy to the Organization and places the finding on its name', () => {
    const text = fixture('app-suppliers.spdx3.json');
    const { fields } = spdx3JsonFormat.parse(text);
    assertExact(text, fields);
    const supplier = byText(fields, 'AO Kaspersky Lab')!;
    assert.equal(supplier.role, 'maker');
    assert.equal(supplier.row?.part, 'endpoint-av-engine, signature-updater');
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    assert.match(supplier.row!.label!, new RegExp(`supplier of "endpoint-av-engine" \\(line ${lineOf('"spdxId": "https://example.org/spdx/pkg-av"') - 1}\\), "signature-updater"`));
    assert.equal(byText(fields, 'endpoint-av-engine')!.row?.maker, 'AO Kaspersky Lab', 'the package knows its resolved supplier');
    assert.equal(byText(fields, 'Kaspersky Lab, Inc.'), undefined, 'an organisation named only as creator wrote the document');
    const findings = languageService().analyze(textDocument(text, 'file:///s/app.spdx3.json', 'json')).findings;
    assert.deepEqual(findings.map((f) => [f.evidence.kind, f.evidence.matched]), [
      ['cpe', 'kaspersky'],
      ['vendor-name', 'AO Kaspersky Lab'],
    ]);
  });
});

describe('inventories', () => {
  it('YAML device lists: each device is an item, keys give roles, comments stay comments', () => {
    const text = fixture('device-types.inventory.yaml');
    const { fields, commentPrefix } = inventoryYamlFormat.parse(text);
    assertExact(text, fields);
    assert.equal(commentPrefix, '#');
    const model = byText(fields, 'DS-2CD2143G2-IU')!;
    assert.equal(model.role, 'part');
    assert.deepEqual([model.row?.row, model.row?.quantity, model.row?.maker], [4, '12', undefined]);
    assert.equal(fields.find((f) => f.role === 'comment' && f.text.includes('facilities'))!.offset, text.indexOf('# bought'));
    assert.equal(byText(fields, 'Ingram Micro')!.offset, text.indexOf('Ingram Micro'), 'inside quotes');
  });

  it('JSON device lists and NetBox device types', () => {
    const text = fixture('device-list.inventory.json');
    const { fields } = inventoryJsonFormat.parse(text);
    assert.deepEqual(byText(fields, 'ZXA10 C620')!.row, { row: 1, maker: 'ZTE', part: 'ZXA10 C620', quantity: '1', label: 'item "ZXA10 C620" at line 4' });
    const netbox = '---\nmanufacturer: Hikvision\nmodel: DS-2CD2143G2-IU\nslug: hikvision-ds-2cd2143g2-iu\npart_number: DS-2CD2143G2-IU\n';
    const parsed = inventoryYamlFormat.parse(netbox);
    const maker = byText(parsed.fields, 'Hikvision')!;
    // The positions the research computed independently for the real NetBox file (2:15–2:24).
    const doc = textDocument(netbox);
    assert.deepEqual(doc.positionAt(maker.offset), { line: 1, character: 14 });
    assert.deepEqual(doc.positionAt(maker.offset + maker.text.length), { line: 1, character: 23 });
    assert.deepEqual(parsed.fields.filter((f) => f.role === 'part').map((f) => f.text), ['DS-2CD2143G2-IU', 'DS-2CD2143G2-IU']);
  });

  it('malformed YAML gives a located diagnostic and keeps the values it could read', () => {
    const text = 'devices:\n  - vendor: Huawei\n    model: "S5720-28X\n  - vendor: ZTE\n';
    const { problems, fields } = inventoryYamlFormat.parse(text);
    assert.ok(problems.length > 0);
    assert.equal(problems[0]!.code, 'yaml-syntax');
    assert.ok(problems[0]!.start >= text.indexOf('"S5720'));
    assert.ok(byText(fields, 'Huawei'));
  });
});
