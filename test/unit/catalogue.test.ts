// The product catalogue (data/catalogue → data/generated/catalogue.json): every entry has a source, the
// generated file is what the script makes, each family's examples go through the real matchers to its maker
// and its counter-examples and every lookalike do not, relabels name who made the product and how sure that is,
// and the four BOM paths (CSV, CycloneDX, SPDX, spreadsheet) all read it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPartNumberMatcher } from '../../src/core/evidence/partNumbers';
import { createProductModelMatcher } from '../../src/core/evidence/productModels';
import { createOemRelabelMatcher } from '../../src/core/evidence/oemRelabels';
import { catalogueIndex } from '../../src/core/evidence/catalogue';
import { createMatchers } from '../../src/core/analyze';
import { readSpreadsheet } from '../../src/core/formats/spreadsheet/read';
import type { Field, RowContext } from '../../src/core/model';
import { evaluateProducts, parseLabelledProducts, summarizeProducts } from '../../src/cli/productEvaluation';
import { knowledge, languageService, ROOT, textDocument } from './helpers';
import { buildXlsx } from '../fixtures/boms/spreadsheets';

const kb = () => knowledge();

function part(text: string, row: Partial<RowContext> = {}): Field {
  return { offset: 0, text, role: 'part', row: { row: 2, part: text, quantity: '1', ...row } };
}

describe('product catalogue', () => {
  it('is what scripts/generate-catalogue.mjs makes from data/catalogue and the kept NetBox listing', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'generate-catalogue.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });

  it('gives every entry a source, and keeps the NetBox commit and licence of every listed model', () => {
    const { families, models, relabels, lookalikes } = kb().catalogue;
    for (const entry of [...families, ...relabels, ...lookalikes]) assert.match(entry.source.url, /^https:\/\//, entry.id);
    for (const model of models) {
      assert.match(model.source.commit, /^[0-9a-f]{40}$/, model.model);
      assert.match(model.source.library, /devicetype-library \(CC0-1\.0\)/);
      assert.ok(model.source.url.includes(model.source.commit), model.model);
    }
    const netbox = JSON.parse(readFileSync(join(ROOT, 'data', 'sources', 'netbox-device-types.json'), 'utf8'));
    assert.equal(netbox.licence, 'CC0-1.0');
    assert.ok(models.length > 100 && families.length > 50, `${families.length} families, ${models.length} models`);
  });

  it('has a family for every flagged equipment maker and literal prefixes for every free-text family (the prefilter stays on)', () => {
    const makers = new Set(kb().catalogue.families.map((f) => f.vendor));
    for (const id of ['huawei', 'zte', 'hikvision', 'dahua', 'hytera']) assert.ok(makers.has(id), id);
    assert.ok(catalogueIndex(kb()).literals, 'every family read in free text starts with a literal');
    assert.deepEqual(createMatchers(kb()).fields.filter((m) => m.trigger === undefined).map((m) => m.kind), []);
  });

  it("identifies every family's examples as its maker's, in a BOM row through the part matcher", () => {
    const matcher = createPartNumberMatcher(kb());
    for (const family of kb().catalogue.families) {
      for (const example of family.examples ?? []) {
        const found = matcher.match(part(example));
        assert.ok(found.some((e) => e.vendorId === family.vendor), `${family.id}: ${example}`);
      }
    }
  });

  it("finds the distinctive families' examples in free text too, and never a family's counter-examples", () => {
    const free = createProductModelMatcher(kb());
    const parts = createPartNumberMatcher(kb());
    for (const family of kb().catalogue.families) {
      if (family.corroboration !== 'required' && family.where !== 'part') {
        for (const example of family.examples ?? []) {
          const found = free.match({ offset: 0, text: `uplink ${example} ok`, role: 'text' });
          // The shortest run of words that is a model ("NE8000" of "NE8000 F1A-8H20Q", "CloudEngine" of "CloudEngine 16800").
          assert.ok(found.some((e) => e.vendorId === family.vendor && example.startsWith(e.matched)), `${family.id}: ${example}`);
        }
      }
      // Not this family (another family of the maker may still read a bare number, in a BOM row, as possible).
      const byFamily = (e: { vendorId: string; detail: string }) => e.vendorId === family.vendor && e.detail.includes(`(${family.id};`);
      for (const counter of family.counterExamples ?? []) {
        assert.ok(!parts.match(part(counter)).some(byFamily), `${family.id} counter-example ${counter}`);
        assert.ok(!free.match({ offset: 0, text: counter, role: 'text' }).some((e) => e.vendorId === family.vendor), `${family.id} counter-example ${counter} in text`);
      }
    }
  });

  it('never flags a lookalike: not by model alone, not with its maker named, not with a reseller', () => {
    const service = languageService({ profile: 'us-federal' });
    for (const lookalike of kb().catalogue.lookalikes) {
      for (const example of lookalike.examples ?? []) {
        for (const maker of ['', lookalike.maker, 'CDW']) {
          const text = `Manufacturer;Part Number;Qty\n${maker};${example};2\n`;
          const findings = service.analyze(textDocument(text, 'file:///ws/q.csv', 'csv')).findings.filter((f) => kb().vendorById.get(f.vendorId)?.status === 'flagged');
          assert.deepEqual(findings.map((f) => f.vendorId), [], `${lookalike.id}: ${example} with maker "${maker}"`);
        }
      }
    }
  });

  it('names the family and the catalogue source in the message, and the NetBox file for a listed model', () => {
    const service = languageService({ profile: 'us-federal' });
    const [nvr] = service.analyze(textDocument('Manufacturer;Part Number;Qty\n;DS-7608NI-K2;2\n', 'file:///ws/q.csv', 'csv')).findings;
    assert.ok(nvr);
    // The message names the product and its row; the family and its source are the evidence's detail.
    assert.match(nvr.message, /^Hikvision DS-7608NI-K2 in row 2\./);
    assert.match(nvr.evidence.detail, /^model of the Hikvision DS-7xxx\/8xxx\/9xxx NVR\/DVR.* family \(hikvision\/recorder; per https:\/\/\S+\)/);
    const [listed] = service.analyze(textDocument('Manufacturer;Part Number;Qty\nCDW;S5735-L24P4S-A;2\n', 'file:///ws/q.csv', 'csv')).findings;
    assert.match(listed!.evidence.detail, /listed in the NetBox device-type library as S5735-L24P4S-A \(device-types\/Huawei\/S5735-L24P4S-A\.yaml at 546f83d\)/);
    assert.match(listed!.evidence.detail, /maker given as "CDW": a reseller or distributor/);
    assert.match(listed!.message, /^Huawei S5735-L24P4S-A in row 2 \(maker given as CDW\)\./);
  });
});

describe('OEM relabels (kind oem-relabel)', () => {
  const service = () => languageService({ profile: 'us-federal' });
  const row = (maker: string, model: string) => service().analyze(textDocument(`Manufacturer;Part Number;Qty\n${maker};${model};1\n`, 'file:///ws/q.csv', 'csv')).findings;

  it('a relabel model under its brand: high confidence, saying who made it and on what source', () => {
    const [amcrest] = row('Amcrest', 'IP8M-2496EB');
    assert.deepEqual([amcrest!.vendorId, amcrest!.evidence.kind, amcrest!.evidence.confidence, amcrest!.severity], ['dahua', 'oem-relabel', 'high', 'error']);
    assert.match(amcrest!.evidence.detail, /sold as Amcrest.*made by Dahua.*relabel\/amcrest; per https:/);
    assert.match(amcrest!.message, /^Dahua IP8M-2496EB in row 2 \(maker given as Amcrest\)\./);
    const [empire] = row('EmpireTech', 'IPC-T5442TM-AS');
    assert.deepEqual([empire!.vendorId, empire!.evidence.kind, empire!.evidence.confidence], ['dahua', 'oem-relabel', 'high']);
  });

  it("a brand's own short model names are read only under the brand", () => {
    const [annke] = row('ANNKE', 'C800');
    assert.deepEqual([annke!.vendorId, annke!.evidence.kind, annke!.evidence.confidence], ['hikvision', 'oem-relabel', 'high']);
    assert.match(annke!.evidence.detail, /brand Annke, model C800: model sold as Annke, made by Hikvision/);
    assert.match(annke!.message, /^Hikvision C800 in row 2 \(maker given as ANNKE\)\./);
    assert.deepEqual(row('', 'C800'), [], 'C800 alone is no product');
  });

  it('the brand alone is weak: a possible finding at information level that says what would confirm it', () => {
    const [lorex] = row('Lorex', 'XYZ-1');
    assert.deepEqual([lorex!.vendorId, lorex!.evidence.kind, lorex!.evidence.confidence, lorex!.severity], ['dahua', 'oem-relabel', 'low', 'information']);
    assert.match(lorex!.evidence.detail, /^brand Lorex.*2018–2023/);
    assert.match(lorex!.message, /^Possible Dahua XYZ-1 in row 2 \(maker given as Lorex\) \(low confidence; a model of Dahua or of the brand's Dahua-made range would confirm it\)/);
    assert.equal(lorex!.message.match(/would confirm/g)?.length, 1, 'one confirmation, not two');
  });

  it('a carrier brand names the maker only by its model suffix', () => {
    const matcher = createOemRelabelMatcher(kb());
    const maker = (model: string): Field => ({ offset: 0, text: 'Vodafone', role: 'maker', row: { row: 2, maker: 'Vodafone', part: model } });
    // The Linux drivers name the sticks: "ZTE (Vodafone) K4505-Z" under ZTE's USB id, HUAWEI_PRODUCT_K4505 under Huawei's.
    assert.deepEqual(matcher.match(maker('K4505-Z')).map((e) => [e.vendorId, e.confidence]), [['zte', 'high']]);
    assert.deepEqual(matcher.match(maker('K4505')).map((e) => [e.vendorId, e.confidence]), [['huawei', 'high']]);
    assert.deepEqual(matcher.match(maker('K5150h')), [], 'the h suffix has no source and names no maker');
    assert.deepEqual(matcher.match(maker('R216-Z')), [], 'no source for the R suffix');
    assert.deepEqual(matcher.match(maker('Smart Router 4')), [], 'Vodafone also sells other makers\' products');
  });
});

describe('catalogue round 2: modem, phone, legacy switch, board and OEM families', () => {
  const service = () => languageService({ profile: 'us-federal' });
  const flagged = (maker: string, model: string, description = 'network equipment') =>
    service()
      .analyze(textDocument(`Manufacturer;Part Number;Description;Qty\n${maker};${model};${description};1\n`, 'file:///ws/q.csv', 'csv'))
      .findings.filter((f) => knowledge().vendorById.get(f.vendorId)?.status === 'flagged')
      .map((f) => [f.vendorId, f.evidence.confidence]);

  it('reads the capture model strings display device and AP lists print', () => {
    for (const model of ['CE6881-48S6CQ', 'CE6856HI', 'CE6850-48S4Q-EI', 'AirEngine5760-10', 'AirEngine1111R-11E', 'AP4050DN', 'MA5608T', 'MA5800-X7', 'EA5800-X15', 'HG8245H', 'EG8145V5']) {
      assert.deepEqual(flagged('', model).slice(0, 1), [['huawei', 'medium']], model);
    }
    // Boards and line cards are short: a possible finding in a BOM row, never free text.
    for (const model of ['H802SCUN', 'H805GPFD', 'H807GPBD', 'H801X2CS', 'H901MPLA', 'CE88-D16Q', 'CE88-D24S2CQ']) {
      assert.deepEqual(flagged('', model), [['huawei', 'low']], model);
      assert.deepEqual(createProductModelMatcher(kb()).match({ offset: 0, text: `board ${model} normal`, role: 'text' }), [], model);
    }
  });

  it('names the maker of new product families at the confidence their shape earns', () => {
    const cases: [string, string, string][] = [
      ['E5576-606', 'huawei', 'medium'],
      ['E173s-6', 'huawei', 'medium'],
      ['KIW-L24', 'huawei', 'low'],
      ['Nexus 6P', 'huawei', 'medium'],
      ['S2326TP-EI', 'huawei', 'low'],
      ['MF287Pro', 'zte', 'medium'],
      ['ME3620', 'zte', 'low'],
      ['MC2716', 'zte', 'low'],
      ['E8820V2', 'zte', 'low'],
      ['NX563J', 'zte', 'low'],
      ['IPC-Color4K-T', 'dahua', 'medium'],
      ['AD410', 'dahua', 'low'],
      ['DS-2SF7C442MXG2/LM-EL', 'hikvision', 'medium'],
      ['TM-610', 'hytera', 'low'],
    ];
    for (const [model, maker, confidence] of cases) assert.deepEqual(flagged('CDW', model), [[maker, confidence]], model);
  });

  it('leaves other makers\' similar codes alone, with their maker named or not', () => {
    for (const model of ['E5-2680', 'E3-1230', 'MC7455', 'MC547', 'EM7565', 'M7350', 'TM-281A', 'TM-V71A', 'NX300M', 'S5500-28C-EI', 'S3100-8TP-PWR-EI', 'RM500Q', 'IPC2122LR3-PF40M-D']) {
      assert.deepEqual(flagged('', model), [], model);
    }
    assert.deepEqual(flagged('Kenwood', 'TM-281A'), []);
    assert.deepEqual(flagged('Google', 'Pixel 7'), [], 'Google is a relabel brand for the Nexus 6P only');
    assert.deepEqual(flagged('H3C', 'S3100-8TP-PWR-EI').filter(([v]) => v === 'huawei'), [], 'S3100 was H3C\'s too');
  });
});

describe('catalogue round 3: the makers\' naming schemes decide, not a prefix', () => {
  const service = () => languageService({ profile: 'us-federal' });
  const flagged = (maker: string, model: string) =>
    service()
      .analyze(textDocument(`Manufacturer;Part Number;Description;Qty\n${maker};${model};recorder or router;1\n`, 'file:///ws/q.csv', 'csv'))
      .findings.filter((f) => knowledge().vendorById.get(f.vendorId)?.status === 'flagged')
      .map((f) => [f.vendorId, f.evidence.confidence]);

  it('reads a Dahua recorder code only when it ends in a channel or bay count (04, 08, 16, 32, 64, 128…)', () => {
    for (const model of ['NVR5232-EI', 'DHI-NVR4216-16P-4KS2', 'XVR5116HS-I3', 'NVR608-64-4KS2', 'IVSS7008-1T']) {
      assert.deepEqual(flagged('', model), [['dahua', 'medium']], model);
    }
    // NVR plus four digits is also how other makers number recorders: 20 and 21 are no Dahua channel count.
    for (const model of ['NVR2820', 'NVR2820E-9', 'NVR1821', 'XVR3020']) assert.deepEqual(flagged('', model), [], model);
    // A Kedacom recorder whose number would fit Dahua's scheme is left alone when its maker is named, and by its own scheme.
    assert.deepEqual(flagged('Kedacom', 'NVR2804'), []);
    assert.deepEqual(flagged('', 'NVR2864'), []);
  });

  it('reads Huawei LTE CPEs of every generation by the hyphenated band suffix, and not the bare number', () => {
    for (const model of ['B818-260', 'B715s-23b', 'B2338-168', 'E5172s-22', 'E5170s-22', 'B618s-22d']) {
      assert.deepEqual(flagged('', model), [['huawei', 'medium']], model);
    }
    for (const model of ['B818', 'E5172', 'B2338']) assert.ok(!flagged('', model).some(([, c]) => c === 'medium'), model);
  });

  it('reads Hikvision automotive AE- dashcams and mobile DVRs, in a BOM row and in free text', () => {
    for (const model of ['AE-DC5013-F6', 'AE-DC4328-K5', 'AE-MD5043-SD/GLF(EU)']) {
      assert.deepEqual(flagged('', model), [['hikvision', 'medium']], model);
    }
    const free = createProductModelMatcher(kb()).match({ offset: 0, text: 'fleet van 12: AE-DC5013-F6 dashcam', role: 'text' });
    assert.deepEqual(free.map((e) => [e.vendorId, e.matched]), [['hikvision', 'AE-DC5013-F6']]);
    for (const model of ['AE-35', 'AE-1234', 'AE-DC']) assert.deepEqual(flagged('', model), [], model);
  });
});

describe('BOM formats use the catalogue', () => {
  const service = () => languageService({ profile: 'us-federal' });

  it('CycloneDX, SPDX and inventory components are identified by model with a reseller as supplier', () => {
    const cdx = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [{ type: 'device', supplier: { name: 'Bechtle' }, name: 'SUN2000-10KTL-M1' }] });
    const a = service().analyze(textDocument(cdx, 'file:///ws/hbom.cdx.json', 'json')).findings;
    assert.deepEqual(a.map((f) => [f.vendorId, f.evidence.kind, f.evidence.matched]), [['huawei', 'model', 'SUN2000-10KTL-M1']]);
    const spdx = ['SPDXVersion: SPDX-2.3', 'DataLicense: CC0-1.0', 'SPDXID: SPDXRef-DOCUMENT', 'DocumentName: cams', 'DocumentNamespace: https://example.com/x', '', 'PackageName: DS-2CD2143G2-I firmware', 'SPDXID: SPDXRef-1', 'PackageSupplier: Organization: Insight', ''].join('\n');
    const b = service().analyze(textDocument(spdx, 'file:///ws/cams.spdx', 'plaintext')).findings;
    assert.ok(b.some((f) => f.vendorId === 'hikvision' && f.evidence.matched === 'DS-2CD2143G2-I'), JSON.stringify(b.map((f) => f.message)));
    const inventory = 'devices:\n  - manufacturer: Ingram Micro\n    model: ZXA10 C300\n';
    const c = service().analyze(textDocument(inventory, 'file:///ws/devices.yaml', 'yaml')).findings;
    assert.deepEqual(c.map((f) => [f.vendorId, f.evidence.matched]), [['zte', 'ZXA10 C300']]);
  });

  it('a spreadsheet row is identified by model and by relabel brand', () => {
    const bytes = buildXlsx([{ name: 'Parts', cells: { A1: 'Manufacturer', B1: 'Part Number', C1: 'Qty', A2: 'CDW', B2: 'DS-7608NI-K2', C2: 2, A3: 'Amcrest', B3: 'IP8M-2496EB', C3: 1 } }]);
    const workbook = readSpreadsheet(bytes, 'xlsx');
    const document = textDocument(workbook.text, 'file:///ws/quote.xlsx', 'xlsx');
    const findings = service().analyzePrepared(document, { format: workbook.format, parsed: workbook.parsed }).findings;
    assert.deepEqual(findings.map((f) => [f.vendorId, f.evidence.kind, f.evidence.field.cell?.row]), [['hikvision', 'model', 2], ['dahua', 'oem-relabel', 3]]);
  });
});

describe('eval --products (scoring a labelled product list)', () => {
  const file = join(ROOT, 'test', 'fixtures', 'products', 'catalogue-sample.tsv');

  it('reads the labelled TSV by its header, with lookalikes a third of it or more', () => {
    const products = parseLabelledProducts(readFileSync(file, 'utf8'));
    const lookalikes = products.filter((p) => p.kind === 'lookalike');
    assert.ok(lookalikes.length * 3 >= products.length, `${lookalikes.length} of ${products.length}`);
    assert.ok(products.every((p) => p.kind === 'lookalike' ? p.trueMaker === undefined : p.trueMaker !== undefined));
    assert.throws(() => parseLabelledProducts('name\tmaker\nx\ty\n'), /model.*true_maker/);
  });

  it('scores every kind of BOM row, and counts any flagged finding in a lookalike row as a false positive', () => {
    const summary = summarizeProducts(evaluateProducts(kb(), file, parseLabelledProducts(readFileSync(file, 'utf8'))));
    assert.deepEqual(Object.keys(summary.byKind), ['maker named', 'model only', 'reseller named', 'OEM relabel']);
    for (const [kind, tally] of Object.entries(summary.byKind)) assert.equal(tally.found, tally.total, kind);
    assert.deepEqual(summary.lookalikesFlagged, []);
    assert.ok(summary.passed);
    // A lookalike that a family did claim is reported, with its row kind and maker.
    const planted = parseLabelledProducts('model\ttrue_maker\tkind\nDS-7608NI-K2\tnone\tlookalike\n');
    const flagged = summarizeProducts(evaluateProducts(kb(), 'planted', planted));
    assert.deepEqual(flagged.lookalikesFlagged.map((l) => [l.model, l.kind, l.vendors]), [
      ['DS-7608NI-K2', 'model only', ['hikvision']],
      ['DS-7608NI-K2', 'reseller named', ['hikvision']],
    ]);
    assert.equal(flagged.passed, false);
  });

  it('treats a borderline maker\'s product (H3C) as one no flagged finding may name', () => {
    const h3c = parseLabelledProducts('model\ttrue_maker\tsold_as\tkind\nS5130S-28S-EI\th3c\tHPE\tproduct\n');
    const summary = summarizeProducts(evaluateProducts(kb(), 'h3c', h3c));
    assert.equal(summary.products, 0);
    assert.equal(summary.lookalikes, 1);
    assert.deepEqual(summary.lookalikesFlagged, []);
  });
});
