// Captures round 8: SmartAX readings pasted without their command (one ONT's optics, a PON port's state,
// the ONT summary); ZXA10 OLT answers that carry no table header (coded "%Code …-GPONSRV" messages, the
// "ONU Number" footer of "show gpon onu state"), and BRAS/BNG work on VRP — the AAA views ("[host-aaa-domain-NAME]"), the schemes a domain
// binds, "display access-user" — which never writes the maker's name, against the Comware, IOS and SmartAX
// ways of writing AAA that must not be claimed for Huawei VRP. Every text is written here from the
// platforms' grammar; none is copied from a capture.
import { strict as assert } from 'node:assert';
import { detectDialect, explainDialect } from '../../src/core/formats/dialects/detect';
import { languageService, textDocument } from './helpers';

const lines = (...text: string[]) => text.join('\n') + '\n';

const BNG_SESSIONS: [what: string, text: string][] = [
  ['an AAA domain set up at the system-view prompt', lines(
    '[BNG01] aaa',
    '[BNG01-aaa] domain fttx-residential',
    '[BNG01-aaa-domain-fttx-residential] authentication-scheme auth-radius',
    '[BNG01-aaa-domain-fttx-residential] accounting-scheme acct-radius',
    '[BNG01-aaa-domain-fttx-residential] radius-server rad-group1',
    '[BNG01-aaa-domain-fttx-residential] ip-pool pool-cgn-01',
    '[BNG01-aaa-domain-fttx-residential] quit',
    '[BNG01-aaa] quit',
    '[BNG01] commit',
  )],
  ['authentication and accounting scheme views', lines(
    '[ME60-EDGE-aaa] authentication-scheme auth-radius',
    '[ME60-EDGE-aaa-authen-auth-radius] authentication-mode radius',
    '[ME60-EDGE-aaa-authen-auth-radius] quit',
    '[ME60-EDGE-aaa] accounting-scheme acct-radius',
    '[ME60-EDGE-aaa-accounting-acct-radius] accounting-mode radius',
    '[ME60-EDGE-aaa-accounting-acct-radius] quit',
  )],
  ['a "display access-user" listing pasted without its prompt', lines(
    '  ------------------------------------------------------------------------------',
    '  UserID  Username                Interface      IP address       MAC',
    '          Vlan          IPv6 address             Access type',
    '  ------------------------------------------------------------------------------',
    '  4102    client0417@fttx         GE0/2/0.600   100.64.12.7      a4b1-c1d2-e3f4',
    '          600/17        -                        PPPoE',
    '  ------------------------------------------------------------------------------',
    '  Normal users                       : 1',
    '  RUI Local users                    : 0',
    '  RUI Remote users                   : 0',
    '  Total users                        : 1',
  )],
];

// The same work in the grammars that resemble it: none of these is VRP.
const LOOKALIKES: [what: string, expected: string | undefined, text: string][] = [
  ['a Comware ISP domain and RADIUS scheme', 'h3c-comware', lines(
    '[H3C-BRAS] radius scheme rad1',
    '[H3C-BRAS-radius-rad1] primary authentication 192.0.2.10',
    '[H3C-BRAS-radius-rad1] quit',
    '[H3C-BRAS] domain name fttx',
    '[H3C-BRAS-isp-fttx] authentication ppp radius-scheme rad1',
    '[H3C-BRAS-isp-fttx] accounting ppp radius-scheme rad1',
    '[H3C-BRAS-isp-fttx] quit',
    '<H3C-BRAS>display domain fttx',
  )],
  ['IOS AAA in global configuration', 'cisco-ios', lines(
    'hostname bng-edge',
    '!',
    'aaa new-model',
    'aaa authentication ppp default group radius',
    'aaa accounting network default start-stop group radius',
    '!',
    'interface GigabitEthernet0/1',
    ' pppoe enable group global',
    '!',
    'end',
  )],
];

describe('captures round 8: VRP BRAS/BNG AAA work without a vendor word', () => {
  for (const [what, text] of BNG_SESSIONS) {
    it(`recognises huawei-vrp in ${what}`, () => {
      const d = detectDialect(text);
      assert.equal(d.id, 'huawei-vrp', explainDialect(text).join(' | '));
      assert.ok(d.anchor && d.anchor.end > d.anchor.start, 'the finding has a place');
    });
  }

  it('finds Huawei in such a session through the analyser', () => {
    const findings = languageService().analyze(textDocument(BNG_SESSIONS[0]![1])).findings;
    assert.ok(findings.some((f) => f.vendorId === 'huawei'), JSON.stringify(findings.map((f) => f.vendorId)));
  });

  for (const [what, expected, text] of LOOKALIKES) {
    it(`does not claim VRP for ${what}`, () => {
      const d = detectDialect(text);
      assert.notEqual(d.id, 'huawei-vrp', explainDialect(text).join(' | '));
      if (expected) assert.equal(d.id, expected, explainDialect(text).join(' | '));
    });
  }

  it('reads an "[host]" prompt whose command ends the line ("[PE1] commit", "[sw1]quit")', () => {
    const text = lines('[PE1] commit', '[PE1-GigabitEthernet0/1/0]quit', '[PE1]quit', '<PE1>display current-configuration');
    const reasons = explainDialect(text).join(' | ');
    assert.match(reasons, /"\[host\]" system-view prompt and echo ×[2-9]/, reasons);
  });
});

const ZXA10_ANSWERS: [what: string, text: string][] = [
  ['an empty "show gpon onu uncfg" answered with a coded message', lines(
    'OLT-CENTRO#show gpon onu uncfg',
    '%Code 62310-GPONSRV : No related information to show.',
    'OLT-CENTRO#',
  )],
  ['ONU state rows pasted without their header, with the footer', lines(
    '1/1/3:1     enable       enable      working      1(GPON)',
    '1/1/3:2     enable       disable     LOS          1(GPON)',
    '1/1/3:3     enable       enable      working      1(GPON)',
    'ONU Number: 2/3',
  )],
];

describe('captures round 8: ZXA10 OLT answers without a table header', () => {
  for (const [what, text] of ZXA10_ANSWERS) {
    it(`recognises zte-zxros in ${what}`, () => {
      const d = detectDialect(text);
      assert.equal(d.id, 'zte-zxros', explainDialect(text).join(' | '));
    });
  }

  it('does not read a MATLAB comment "%code 32" or an IOS "% Invalid input" as a ZXA10 message', () => {
    for (const text of [
      lines("k = input(strcat('Window length:', 32)); %code 32 = space", 'x = k + 1;'),
      lines('R1#show gpon onu uncfg', '              ^', '% Invalid input detected at \'^\' marker.', 'R1#'),
    ]) {
      assert.notEqual(detectDialect(text).id, 'zte-zxros', explainDialect(text).join(' | '));
    }
  });
});

const SMARTAX_READINGS: [what: string, text: string][] = [
  ['one ONT\'s optics ("display ont optical-info 0 7")', lines(
    '  -----------------------------------------------------------------------------',
    '  ONU NNI port ID                        : 0',
    '  Module type                            : GPON',
    '  Rx optical power(dBm)                  : -21.55',
    '  Tx optical power(dBm)                  : 2.18',
    '  Temperature(C)                         : 47',
    '  OLT Rx ONT optical power(dBm)          : -23.61, out of range[-30.00, -8.00]',
    '  -----------------------------------------------------------------------------',
  )],
  ['a PON port\'s state ("display port state 3")', lines(
    '  F/S/P                        0/1/3',
    '  Optical Module status        Online',
    '  Port state                   Online',
    '  Laser state                  Normal',
    '  Available bandwidth(Kbps)    1183232',
    '  TX power(dBm)                4.12',
    '  Illegal rogue ONT            Inexistent',
    '  Max Distance(Km)             20',
  )],
  ['the ONT summary ("display ont info summary 0/1/3")', lines(
    '  In port 0/1/3, the total of ONTs are: 3, online: 2',
    '  ----------------------------------------------------------------------------',
    '  ONT  Run     Last                Last                Last',
    '  ID   State   UpTime              DownTime            DownCause',
    '  ----------------------------------------------------------------------------',
    '  0    online  2026-11-20 08:11:42 2026-11-20 08:09:10 dying-gasp',
    '  2    offline -                   2026-11-21 03:44:51 LOS',
  )],
];

describe('captures round 8: SmartAX readings pasted without their command', () => {
  for (const [what, text] of SMARTAX_READINGS) {
    it(`recognises huawei-smartax in ${what}`, () => {
      const d = detectDialect(text);
      assert.equal(d.id, 'huawei-smartax', explainDialect(text).join(' | '));
    });
  }

  it('does not claim SmartAX for a generic optics reading', () => {
    const text = lines('Interface xe-0/0/1', '  Rx optical power(dBm)   : -4.10', '  Tx optical power(dBm)   : -2.02', '  Module temperature      : 41 C');
    assert.notEqual(detectDialect(text).id, 'huawei-smartax', explainDialect(text).join(' | '));
  });
});
