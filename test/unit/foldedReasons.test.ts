// Weaker evidence folded into a finding is named in its reasons, worked out when the details are read.
import { strict as assert } from 'node:assert';
import { reasonsOf } from '../../src/core/evidence/matcher';
import { languageService, textDocument } from './helpers';

describe('folded evidence in the reasons', () => {
  it("a BOM row naming maker and model: one finding, whose reasons name the model it folded in, as the vendor details show", () => {
    const service = languageService();
    const doc = textDocument('Manufacturer,Part Number,Qty\nHuawei,S5735-L24T4S-A1,2\n', 'file:///ws/quote.csv', 'csv');
    const findings = service.analyze(doc).findings;
    assert.equal(findings.length, 1);
    const [finding] = findings;
    const reasons = reasonsOf(finding!.evidence);
    assert.ok(reasons.some((r) => /^also .*"S5735-L24T4S-A1"$/.test(r)), reasons.join(' | '));
    assert.ok(finding!.evidence.also?.some((e) => e.matched === 'S5735-L24T4S-A1'));
    assert.match(service.vendorDetails('huawei', { document: doc, findingId: finding!.id })!, /Recognised by: also .*S5735\\-L24T4S\\-A1/);
  });

  it('a line naming a maker 25 times: 20 reason lines for the others, then a count of the rest, in the order found', () => {
    const service = languageService();
    const doc = textDocument(`uplink ${Array.from({ length: 25 }, (_, i) => `Huawei${i % 2 === 0 ? '' : ','}`).join(' ')}\n`, 'file:///ws/notes.txt');
    const [finding, ...rest] = service.analyze(doc).findings;
    assert.equal(rest.length, 0);
    const reasons = reasonsOf(finding!.evidence);
    const also = reasons.filter((r) => r.startsWith('also '));
    assert.equal(also.length, 20);
    assert.equal(reasons.at(-1), 'and 4 more');
    assert.equal(reasons.indexOf('and 4 more'), reasons.length - 1, 'the count comes after the lines it counts');
    assert.equal(finding!.related.length, 20);
    assert.match(finding!.related[0]!.message, /^Also .*"Huawei"$/, 'related information names each sighting');
  });
});
