// Dialect fingerprints added for round 5: a Huawei ONT serial written whole (as ZTE's ZTEG… already was; both
// only add to SmartAX/ZXROS syntax, the ONT itself is a pon-serial finding), and IOS XR's BGP grammar
// (neighbor-group, route-policy attached in/out) in a fragment without other signs.
import { strict as assert } from 'node:assert';
import { detectDialect } from '../../src/core/formats/dialects/detect';
import { languageService, textDocument } from './helpers';

describe('a Huawei ONT serial written whole', () => {
  it('reads OLT notes that query an ONT by its HWTC serial as that Huawei ONT, not as a SmartAX file', () => {
    const notes = ['| command | result |', '|---|---|', '| `display ont info by-sn HWTC7B21C0DE` | run state online |', '| `ont modify 0 12 desc "shop-3"` | ok |'].join('\n');
    // The serial is the ONT's: alone it does not make the notes an OLT's configuration.
    assert.equal(detectDialect(notes).id, 'unknown');
    const findings = languageService().analyze(textDocument(notes, 'test://test/olt-notes.md')).findings;
    assert.deepEqual(findings.map((f) => f.message.split('. ')[0]), ['Huawei ONT by its PON serial number HWTC7B21C0DE']);
  });

  it('still counts the serial toward SmartAX beside SmartAX syntax', () => {
    const capture = ['<MA5800-X7>display ont info 0 1 3 4', '  F/S/P                   : 0/1/3', '  ONT-ID                  : 4', '  SN                      : 485754437B21C0DE (HWTC-7B21C0DE)', '  Control flag            : active'].join('\n');
    assert.equal(detectDialect(capture).id, 'huawei-smartax');
  });

  it('does not take a longer hex run or an identifier that contains the letters for a serial', () => {
    for (const text of ['digest HWTC7B21C0DE99 seen', 'token=xHWTC7B21C0DE', 'HWTC-ROUTES table']) assert.notEqual(detectDialect(text).id, 'huawei-smartax', text);
  });
});

describe("IOS XR's BGP grammar", () => {
  const xr = [
    'router bgp 64512',
    ' bgp router-id 192.0.2.1',
    ' neighbor-group RR-CLIENTS',
    '  remote-as 64512',
    '  update-source Loopback0',
    '  address-family vpnv4 unicast',
    '   route-policy PASS-ALL in',
    '   route-policy PASS-ALL out',
    '  !',
    ' !',
    ' neighbor 198.51.100.7',
    '  use neighbor-group RR-CLIENTS',
    '  description pe-7',
    ' !',
    '!',
  ].join('\n');

  it('recognises a router bgp fragment with neighbor-groups and in/out policies as IOS XR', () => {
    const d = detectDialect(xr);
    assert.equal(d.id, 'cisco-iosxr', d.reasons.join('; '));
  });

  it("does not take IOS's route-maps or VRP's import/export policies for it", () => {
    const ios = ['router bgp 64512', ' neighbor 198.51.100.7 remote-as 64512', ' neighbor 198.51.100.7 route-map PASS-ALL in', '!'].join('\n');
    assert.notEqual(detectDialect(ios).id, 'cisco-iosxr');
    const vrp = ['bgp 64512', ' peer 198.51.100.7 as-number 64512', ' #', ' ipv4-family unicast', '  peer 198.51.100.7 route-policy PASS-ALL import', '#'].join('\n');
    assert.notEqual(detectDialect(vrp).id, 'cisco-iosxr');
  });
});

describe('ZXA10 OLT commands quoted in scripts and notes', () => {
  it('reads a command table of an OLT tool as ZXROS, at low confidence', () => {
    const table = ['OLT_COMMANDS = {', '    "onu_status": ["show gpon onu state {port}"],', '    "onu_optics": ["show pon power onu-rx {onu}"],', '}'].join('\n');
    const d = detectDialect(table);
    assert.equal(d.id, 'zte-zxros', d.reasons.join('; '));
    assert.equal(d.confidence, 'low');
  });

  it('needs more than one such command', () => {
    assert.notEqual(detectDialect('Then run "show gpon onu state" and compare.').id, 'zte-zxros');
  });

  it("does not take SmartAX's or other OLTs' ONT commands for it", () => {
    for (const text of ['cmds = ["display ont info 0 1 0 all", "display ont optical-info 0 all"]', 'cmds = ["show ont info all", "show onu info epon 0/1"]', 'see "show gpon onu-information" on the BDCOM box']) {
      assert.notEqual(detectDialect(text).id, 'zte-zxros', text);
    }
  });
});
