// Benchmarks, not tests (`npm run bench:linear`): analysis time measured on hostile documents of every format
// grows linearly. Timed, so kept out of the test suites, which decide linearity from the pattern or from
// counted steps (test/unit/redos.test.ts) and never from a clock.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../src/core/languageService';
import { FIXED_NOW, knowledge, languageService, textDocument } from '../unit/helpers';
import { growth, MAX_LINEAR_RATIO, repeatTo } from './timing';

describe('limits: analysis time grows linearly with hostile documents of every format', function () {
  this.timeout(120_000);
  const shapes: [string, string, string, (n: number) => string][] = [
    ['config of dotted tokens', 'file:///ws/a.cfg', 'plaintext', (n) => repeatTo('a.', n)],
    ['config of names and models', 'file:///ws/a.cfg', 'plaintext', (n) => repeatTo('HUAWEI NE40E-X8A ', n)],
    ['config of domains', 'file:///ws/a.cfg', 'plaintext', (n) => repeatTo('ntp.huawei.com.', n)],
    ['config of many short lines', 'file:///ws/a.cfg', 'plaintext', (n) => repeatTo('interface Gi0/1\n description HUAWEI\n', n)],
    ['CSV of one wide row', 'file:///ws/a.csv', 'csv', (n) => `Manufacturer,Part\n${repeatTo('Huawei,', n)}`],
    ['CSV of stray quotes', 'file:///ws/a.csv', 'csv', (n) => `Manufacturer,Part\n${repeatTo('Hu"a"wei,x""\n', n)}`],
    ['CycloneDX JSON of many components', 'file:///ws/a.cdx.json', 'json', (n) => `{"bomFormat":"CycloneDX","components":[${repeatTo('{"name":"NE40E","manufacturer":{"name":"Huawei"}},', n)}{}]}`],
    ['CycloneDX XML of many components', 'file:///ws/a.xml', '', (n) => `<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components>${repeatTo('<component><name>NE40E</name></component>', n)}</components></bom>`],
    ['SPDX tag-value of packages', 'file:///ws/a.spdx', 'spdx', (n) => `SPDXVersion: SPDX-2.3\n${repeatTo('PackageName: x\nPackageSupplier: Organization: Huawei\n', n)}`],
    ['inventory YAML of devices', 'file:///ws/a.yaml', 'yaml', (n) => `devices:\n${repeatTo('  - manufacturer: Huawei\n    model: S5720\n', n)}`],
  ];
  for (const [name, uri, languageId, shape] of shapes) {
    it(name, () => {
      const service = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW });
      service.configure({ timeBudgetMs: 600_000, maxFindingsPerFile: 1_000_000 });
      let version = 0;
      const g = growth((text) => service.analyze(TextDocument.create(uri, languageId, ++version, text)), shape, { start: 2000, minMs: 8, maxN: 100_000 });
      assert.ok(g.ratio < MAX_LINEAR_RATIO, `×${g.ratio.toFixed(1)} for 8× the input (${g.baseMs.toFixed(1)} → ${g.bigMs.toFixed(1)} ms at n=${g.n})`);
    });
  }
});

describe('config scenarios: analysis time at 10× the text', () => {
  it('stays linear on a line of many kinds of evidence', () => {
    const service = languageService({ maxFindingsPerFile: 100_000 });
    const line = ' neighbor 192.0.2.1 remote-as 65001 ! 4419.b6a0.77c3 ntp.example.com 1.3.6.1.4.1.9 NE40E\n';
    const small = line.repeat(2_000);
    const large = line.repeat(20_000);
    const time = (text: string) => {
      const start = performance.now();
      service.analyze(textDocument(text));
      return performance.now() - start;
    };
    time(small);
    const ratio = time(large) / Math.max(time(small), 1);
    assert.ok(ratio < 30, `10x the text took ${ratio.toFixed(1)}x the time`);
  });
});
