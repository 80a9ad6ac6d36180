// False positives of the short Huawei classes in BOM rows (held-out round fp11 and product round 11): other
// makers whose numbers share the shape — Bosch's intrusion modules (B810), Samsung's feature phones (B310),
// SteelSeries' Arctis Nova headsets (Nova 7), Intel's mobile Celerons (B810, B710). A lookalike maker named in
// the maker column, or as the word right before the number, says whose the number is; the bare CPE numbers
// keep only Huawei's B715 and B818 in their B7/B8 generations. And a dependency exclusion written over several
// lines (a POM's <exclusion>, Gradle's `exclude(` block) keeps the maker's artifact out, as the one-line form
// already did. Rows and files are written here; the real case sits next to each trap.
import { strict as assert } from 'node:assert';
import { flaggedInQuoteRow, languageService, textDocument } from './helpers';

function vendorsInFile(text: string, uri: string): string[] {
  return [...new Set(languageService().analyze(textDocument(text, uri, '')).findings.map((f) => f.vendorId))].sort();
}

const flagged = flaggedInQuoteRow;
const huaweiIn = (maker: string, model: string, description?: string) => flagged(maker, model, description).filter(([v]) => v === 'huawei');

describe('false positives of the short Huawei classes (fp11)', () => {
  it('a lookalike maker in the maker column decides against a short Huawei number', () => {
    for (const [maker, model] of [
      ['Bosch', 'B810'],
      ['Samsung', 'B310'],
      ['SteelSeries', 'Arctis Nova 7'],
      ['SteelSeries', 'Nova 5'],
      ['Intel', 'Celeron B810'],
    ] as const) {
      assert.deepEqual(huaweiIn(maker, model), [], `${maker} ${model}`);
    }
    // The real cases: Huawei's own CPE and phone, with Huawei, a reseller or no maker given.
    assert.deepEqual(huaweiIn('Huawei', 'B818'), [['huawei', 'high']]);
    assert.deepEqual(huaweiIn('', 'B818'), [['huawei', 'low']]);
    assert.deepEqual(huaweiIn('CDW', 'B310'), [['huawei', 'low']]);
    assert.deepEqual(huaweiIn('', 'Nova 5T'), [['huawei', 'low']]);
    assert.deepEqual(huaweiIn('Huawei', 'nova 9 SE'), [['huawei', 'high']]);
  });

  it("a lookalike maker's name or line word right before the number names that maker", () => {
    for (const model of ['Bosch B810', 'Samsung B310', 'SteelSeries Arctis Nova 7', 'Arctis Nova 7 Wireless', 'Intel Celeron B810', 'Celeron B710']) {
      assert.deepEqual(huaweiIn('', model), [], model);
    }
    for (const description of ['Bosch B810 RADION receiver', 'Samsung B310 dual SIM', 'SteelSeries Arctis Nova 7 headset']) {
      assert.deepEqual(huaweiIn('', 'ITEM-1', description), [], description);
    }
    // Huawei's name before the number, or another word, leaves it Huawei's.
    assert.deepEqual(huaweiIn('', 'Huawei B310'), [['huawei', 'medium']]);
    assert.deepEqual(huaweiIn('', 'Router B310'), [['huawei', 'low']]);
    assert.deepEqual(huaweiIn('', 'HUAWEI nova 7'), [['huawei', 'medium']]);
  });

  it('reads the bare B7 and B8 CPE numbers only as the ones Huawei sells (B715, B818)', () => {
    for (const model of ['B715', 'B715s', 'B818']) assert.deepEqual(huaweiIn('', model), [['huawei', 'low']], model);
    for (const model of ['B810', 'B710', 'B815', 'B840']) assert.deepEqual(huaweiIn('', model), [], model);
    // With Huawei's band suffix the numbers stay a Huawei CPE at medium.
    assert.deepEqual(huaweiIn('', 'B818-263'), [['huawei', 'medium']]);
  });
});

describe('dependency exclusions over several lines (fp11)', () => {
  const pom = (group: string, excluded: boolean) =>
    [
      '<project>',
      '  <dependencies>',
      '    <dependency>',
      '      <groupId>com.example.push</groupId>',
      '      <artifactId>push-all</artifactId>',
      ...(excluded ? ['      <exclusions>', '        <exclusion>', `          <groupId>${group}</groupId>`, '          <artifactId>push</artifactId>', '        </exclusion>', '      </exclusions>'] : []),
      '    </dependency>',
      ...(excluded ? [] : ['    <dependency>', `      <groupId>${group}</groupId>`, '      <artifactId>push</artifactId>', '    </dependency>']),
      '  </dependencies>',
      '</project>',
      '',
    ].join('\n');

  it("a POM's <exclusion> names an artifact kept out; the same group as a dependency is still found", () => {
    for (const group of ['com.huawei.hms', 'com.huaweicloud']) {
      assert.deepEqual(vendorsInFile(pom(group, true), 'file:///app/pom.xml'), [], `${group} excluded`);
      assert.deepEqual(vendorsInFile(pom(group, false), 'file:///app/pom.xml'), ['huawei'], `${group} as a dependency`);
    }
  });

  it("Gradle's exclude( block over several lines is an exclusion; implementation( over several lines is not", () => {
    const excluded = 'dependencies {\n    implementation("com.example:push-all:1.0") {\n        exclude(\n            group = "com.huawei.hms",\n            module = "push"\n        )\n    }\n}\n';
    const used = 'dependencies {\n    implementation(\n        group = "com.huawei.hms",\n        name = "push",\n        version = "6.11.0.300"\n    )\n}\n';
    assert.deepEqual(vendorsInFile(excluded, 'file:///app/build.gradle.kts'), []);
    assert.deepEqual(vendorsInFile(used, 'file:///app/build.gradle.kts'), ['huawei']);
  });
});
