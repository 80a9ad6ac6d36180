// Malformed input of every format gets a diagnostic that says what is wrong and where it is; what could
// be read is still checked.
import { strict as assert } from 'node:assert';
import { formatModule } from '../../src/core/formats/detect';
import type { TextFormatId } from '../../src/core/model';

interface Case {
  what: string;
  format: TextFormatId;
  text: string;
  code: string;
  /** The text the problem starts at. */
  at: string;
  message: RegExp;
}

const CYCLONEDX_XML = '<bom xmlns="http://cyclonedx.org/schema/bom/1.5">';
const CASES: Case[] = [
  { what: 'CSV: a quote never closed', format: 'csv', text: 'Manufacturer,Part\n"Huawei,S5720\n', code: 'csv-unterminated-quote', at: '"Huawei', message: /never closed/ },
  { what: 'CSV: a stray quote', format: 'csv', text: 'Manufacturer,Part\nHua"wei,S5720\n', code: 'csv-stray-quote', at: '"wei', message: /Stray quote/ },
  { what: 'CSV: more cells than the header', format: 'csv', text: 'Manufacturer,Part\nHuawei,S5720,extra\n', code: 'csv-ragged-row', at: 'extra', message: /has 3 cells but the header has 2/ },
  { what: 'CSV: no header row', format: 'csv', text: 'just,some\nrandom,cells\n', code: 'csv-no-header', at: 'just', message: /No header row/ },
  { what: 'CycloneDX JSON: a trailing comma', format: 'cyclonedx-json', text: '{"bomFormat":"CycloneDX","components":[{"name":"x",}]}', code: 'json-syntax', at: '}]}', message: /property name .* is expected/ },
  { what: 'CycloneDX JSON: components that are no list', format: 'cyclonedx-json', text: '{"bomFormat":"CycloneDX","components":"Huawei"}', code: 'bom-shape', at: 'Huawei"}', message: /"components" should be a list/ },
  { what: 'CycloneDX JSON: empty', format: 'cyclonedx-json', text: '', code: 'json-syntax', at: '', message: /a value is expected/ },
  { what: 'CycloneDX XML: a mismatched end tag', format: 'cyclonedx-xml', text: `${CYCLONEDX_XML}<components><component><name>x</nam></component></components></bom>`, code: 'xml-syntax', at: '></component></components>', message: /unmatched closing tag: nam/ },
  { what: 'CycloneDX XML: truncated', format: 'cyclonedx-xml', text: `${CYCLONEDX_XML}<components>`, code: 'xml-syntax', at: '>', message: /unclosed tag: components/ },
  { what: 'CycloneDX XML: an external entity is never resolved', format: 'cyclonedx-xml', text: `<!DOCTYPE bom [<!ENTITY x SYSTEM "file:///etc/passwd">]>${CYCLONEDX_XML}&x;</bom>`, code: 'xml-syntax', at: ';</bom>', message: /undefined entity/ },
  { what: 'SPDX tag-value: a line that is not "Tag: value"', format: 'spdx-tag-value', text: 'SPDXVersion: SPDX-2.3\nPackageName x\n', code: 'spdx-tag-syntax', at: 'PackageName x', message: /not "Tag: value"/ },
  { what: 'SPDX tag-value: <text> never closed', format: 'spdx-tag-value', text: 'SPDXVersion: SPDX-2.3\nPackageDescription: <text>never closed\n', code: 'spdx-tag-syntax', at: '<text>', message: /never closed by <\/text>/ },
  { what: 'SPDX JSON: a missing comma', format: 'spdx-json', text: '{"spdxVersion":"SPDX-2.3","packages":[{"name":"x" "supplier":"y"}]}', code: 'json-syntax', at: '"supplier"', message: /a comma is expected/ },
  { what: 'SPDX JSON: packages that are no list', format: 'spdx-json', text: '{"spdxVersion":"SPDX-2.3","packages":{"name":"x"}}', code: 'bom-shape', at: '{"name"', message: /"packages" should be a list; found an object/ },
  { what: 'SPDX YAML: bad indentation', format: 'spdx-yaml', text: 'spdxVersion: SPDX-2.3\npackages:\n  - name: x\n   supplier: y\n', code: 'yaml-syntax', at: '   supplier', message: /at line 4, column 1\. The values/ },
  { what: 'SPDX 3.0: truncated', format: 'spdx3-json', text: '{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[{"type":"software_Package","name":"x",', code: 'json-syntax', at: '', message: /is expected/ },
  { what: 'SPDX 3.0: no @graph', format: 'spdx3-json', text: '{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld"}', code: 'bom-shape', at: '{"@context"', message: /no "@graph" list/ },
  { what: 'inventory JSON: a missing value', format: 'inventory-json', text: '{"manufacturer": "Huawei", "model": }', code: 'json-syntax', at: '}', message: /a value is expected/ },
  { what: 'inventory YAML: an unclosed flow list', format: 'inventory-yaml', text: 'manufacturer: Huawei\nmodel: [S5720\n', code: 'yaml-syntax', at: '', message: /end with a \]/ },
  { what: 'inventory JSON: nested 300 levels', format: 'inventory-json', text: `{"manufacturer":"Huawei","x":${'['.repeat(300)}${']'.repeat(300)}}`, code: 'json-too-deep', at: `${'['.repeat(100)}]`, message: /nested more than 200 levels/ },
];

describe('malformed input: a diagnostic says what is wrong and where', () => {
  for (const c of CASES) {
    it(c.what, () => {
      const parsed = formatModule(c.format).parse(c.text);
      const problem = parsed.problems.find((p) => p.code === c.code && c.message.test(p.message));
      assert.ok(problem, `a ${c.code} problem saying ${c.message} among ${JSON.stringify(parsed.problems)}`);
      // Where: at the offending text (the last occurrence for markers that repeat, e.g. the cut in a deep list).
      const expected = c.at === '' ? c.text.length : c.text.lastIndexOf(c.at);
      assert.ok(expected >= 0, c.at);
      assert.ok(Math.abs(problem.start - expected) <= 1 || (c.at === '' && problem.start >= c.text.length - 2), `at ${problem.start}, expected near ${expected} ("${c.text.slice(problem.start, problem.start + 12)}")`);
    });
  }
});

describe('malformed input: one problem per place (probe L13)', () => {
  it('a CycloneDX JSON cut short inside five open brackets gets one json-syntax problem at the cut, not five', () => {
    const text = '{"bomFormat":"CycloneDX","components":[{"name":"x","supplier":{"name":"Huawei","contact":[{"email":"a@b"';
    const parsed = formatModule('cyclonedx-json').parse(text);
    const syntax = parsed.problems.filter((p) => p.code === 'json-syntax');
    assert.equal(syntax.length, 1, JSON.stringify(syntax));
    assert.ok(syntax[0]!.start >= text.length - 1);
    assert.equal(new Set(parsed.problems.map((p) => `${p.code}@${p.start}`)).size, parsed.problems.length);
  });

  it('two errors at different places are both reported', () => {
    const parsed = formatModule('inventory-json').parse('[{"manufacturer": "Huawei", "model": }, {"a" "b"}]');
    assert.ok(parsed.problems.filter((p) => p.code === 'json-syntax').length >= 2);
  });
});
