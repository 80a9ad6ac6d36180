// PON terminals (GPON ONTs) by the vendor ID that opens their serial numbers: HWTC is Huawei, ZTEG is ZTE,
// written in letters (HWTC1A2B3C4D, HWTC-1A2B3C4D) or in hex (485754431A2B3C4D), in any maker's OLT output
// and in inventories. Fixtures written here.
import { strict as assert } from 'node:assert';
import { createPonSerialMatcher, ponSerialOf } from '../../src/core/evidence/ponSerials';
import type { Field } from '../../src/core/model';
import { knowledge, languageService, textDocument } from './helpers';

function serials(text: string, role: Field['role'] = 'text'): string[] {
  return createPonSerialMatcher(knowledge())
    .match({ offset: 0, text, role })
    .map((e) => `${e.vendorId}:${e.matched}:${e.confidence}`);
}

function messages(text: string, uri = 'test://test/olt-capture.txt'): string[] {
  const service = languageService();
  return service.analyze(textDocument(text, uri)).findings.map((f) => f.message.split('. ')[0]!);
}

describe('PON serial numbers', () => {
  it('reads the Huawei and ZTE vendor IDs in letters and in hex, each serial as its maker in letters', () => {
    assert.deepEqual(serials('sn-auth 485754431A2B3C4D'), ['huawei:485754431A2B3C4D:medium']);
    assert.deepEqual(serials('ONU SN: 5a54454700c0ffee'), ['zte:5a54454700c0ffee:medium']);
    assert.deepEqual(serials('(HWTC-1A2B3C4D) ZTEGC0000001'), ['huawei:HWTC-1A2B3C4D:medium', 'zte:ZTEGC0000001:medium']);
    assert.equal(ponSerialOf('485754431a2b3c4d'), 'HWTC1A2B3C4D');
    assert.equal(ponSerialOf('HWTC-1A2B3C4D'), 'HWTC1A2B3C4D');
    assert.deepEqual(serials('# spare ONT HWTC00000042', 'comment'), ['huawei:HWTC00000042:low']);
  });

  it('leaves other makers\u2019 IDs, lower-case letters and hex inside longer strings alone', () => {
    assert.deepEqual(serials('ALCLF0E1D2C3 FHTT12345678 GPON00000001 414C434CF0E1D2C3'), []);
    assert.deepEqual(serials('hwtc1a2b3c4d'), []);
    // A SHA-256 that happens to hold the hex of "HWTC", a key, a word that starts with the letters.
    assert.deepEqual(serials('sha256: 9f3b485754431A2B3C4D77aa0c1e2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d'), []);
    assert.deepEqual(serials('HWTC1A2B3C4DEF HWTCX1A2B3C4 ZTEG-ROUTER'), []);
  });

  it('finds each ONT once in any maker\u2019s OLT listing, its serial in hex and in letters grouped', () => {
    const capture = [
      'OLT-7360# show equipment ont status pon 1/1/1/1',
      'ont            sernum             admin-status oper-status',
      '1/1/1/1/1      ALCL:F0E1D2C3      up           up',
      '1/1/1/1/2      485754431A2B3C4D   up           up',
      '1/1/1/1/3      5A5445470000A1B2   up           up',
      'description for 1/1/1/1/2: HWTC-1A2B3C4D flat 4',
    ].join('\n');
    assert.deepEqual(messages(capture), ['Huawei ONT by its PON serial number HWTC1A2B3C4D', 'ZTE ONT by its PON serial number ZTEG0000A1B2']);
  });

  it('flags an inventory row of ONTs by serial alone', () => {
    const csv = 'Serial,Site,Installed\nALCLB2C3D4E5,Depot,2024-03-01\nHWTC7A8B9C0D,Flat 12,2023-11-20\n';
    const service = languageService();
    const findings = service.analyze(textDocument(csv, 'test://test/onts.csv', 'csv')).findings;
    assert.deepEqual(findings.map((f) => [f.vendorId, f.range.start.line, f.evidence.kind]), [['huawei', 2, 'pon-serial']]);
  });
});
