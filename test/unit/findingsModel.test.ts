// The VendorLens view's grouping and filters, on plain finding records.
import { strict as assert } from 'node:assert';
import { countFindings, groupFindings, NO_ADVISORY, type FindingRecord } from '../../src/client/views/findingsModel';

function finding(over: Partial<FindingRecord>): FindingRecord {
  return {
    uri: 'file:///ws/a.cfg',
    path: 'a.cfg',
    line: 0,
    character: 0,
    endLine: 0,
    endCharacter: 1,
    message: 'm',
    severity: 'error',
    vendorId: 'huawei',
    advisoryIds: ['cz', 'us'],
    advisoriesInForce: ['us'],
    accepted: false,
    ...over,
  };
}

const names = { vendor: (id: string) => id.toUpperCase(), advisory: (id: string) => `advisory ${id}` };
const all = { severity: 'all' as const, showAccepted: true };

describe('VendorLens view model', () => {
  const findings = [
    finding({ line: 9 }),
    finding({ line: 2 }),
    finding({ uri: 'file:///ws/b/quote.csv', path: 'b/quote.csv', vendorId: 'zte', severity: 'warning' }),
    finding({ vendorId: 'h3c', advisoryIds: [], advisoriesInForce: [], severity: 'information' }),
    finding({ uri: 'file:///ws/b/quote.csv', path: 'b/quote.csv', severity: 'information', accepted: true }),
  ];

  it('groups by vendor, then file, findings in line order, with counts', () => {
    const groups = groupFindings(findings, 'vendor', all, names);
    assert.deepEqual(groups.map((g) => [g.label, g.count, g.openCount]), [['HUAWEI', 3, 2], ['ZTE', 1, 1], ['H3C', 1, 1]]);
    const huawei = groups[0]!;
    assert.deepEqual(huawei.files.map((f) => f.path), ['a.cfg', 'b/quote.csv']);
    assert.deepEqual(huawei.files[0]!.findings.map((f) => f.line), [2, 9]);
  });

  it('groups by advisory: a finding under every advisory naming its vendor, in-force ones first, unnamed last', () => {
    const groups = groupFindings(findings, 'advisory', all, names);
    assert.deepEqual(groups.map((g) => [g.id, g.inForce, g.count]), [['us', true, 4], ['cz', false, 4], [NO_ADVISORY, false, 1]]);
  });

  it('filters by severity and acceptance', () => {
    const errors = groupFindings(findings, 'vendor', { severity: 'error', showAccepted: false }, names);
    assert.deepEqual(errors.map((g) => [g.id, g.count]), [['huawei', 2]]);
    const warningsUp = groupFindings(findings, 'vendor', { severity: 'warning', showAccepted: true }, names);
    assert.deepEqual(warningsUp.map((g) => [g.id, g.count]), [['huawei', 3], ['zte', 1]]);
  });

  it('counts a file\'s findings for the status bar', () => {
    assert.deepEqual(countFindings(findings), { error: 2, warning: 1, information: 1, accepted: 1 });
  });
});
