// Captures round 9: flagged gear seen through management tools. Wireshark and tshark print a resolved MAC
// address as the manuf short name of its organisation and the last three octets ("HuaweiTe_cc:7d:07"),
// often with no full address beside it; net-snmp without a MIB for an object prints its OID from the root
// it knows ("iso.3.6.1.4.1.2011…", or with -Of "iso.org.dod.internet.private.enterprises.2011…"). Every
// text is written here from the tools' output formats; none is copied from a capture.
import { strict as assert } from 'node:assert';
import { knowledge, languageService, textDocument } from './helpers';

const lines = (...text: string[]) => text.join('\n') + '\n';

function findingsOf(text: string): { vendor: string; kind: string; matched: string }[] {
  return languageService()
    .analyze(textDocument(text))
    .findings.map((f) => ({ vendor: f.vendorId, kind: f.evidence.kind, matched: f.evidence.matched }));
}

const RESOLVED: [what: string, vendor: string, matched: string, text: string][] = [
  ['a tshark one-line ARP summary', 'huawei', 'HuaweiTe_4e:71:0a', lines(
    '   17   4.208113 IntelCor_5b:20:9e → HuaweiTe_4e:71:0a ARP 42 Who has 10.20.0.1? Tell 10.20.0.57',
  )],
  ['the packet list of Wireshark, tab separated', 'huawei', 'HuaweiDe_90:1c:33', lines(
    '3\t0.402117\tHuaweiDe_90:1c:33\tBroadcast\tARP\t60\tWho has 192.168.3.20? Tell 192.168.3.1',
  )],
  ['a ZTE router in lower case, as manuf registers it', 'zte', 'zte_8c:01:f2', lines(
    'Ethernet II, Src: zte_8c:01:f2, Dst: Apple_0d:44:19',
  )],
  ['a radio in a capture summary', 'hytera', 'HyteraCo_02:7a:11', lines(
    '  204  12.771020 HyteraCo_02:7a:11 → Broadcast    ARP 60 Gratuitous ARP for 10.8.1.30 (Request)',
  )],
  ['a camera of the Indian joint venture', 'hikvision', 'PramaHik_31:0e:5d', lines(
    'Source: PramaHik_31:0e:5d',
  )],
];

// Short names that are other makers', shared by several organisations, or not Wireshark's spelling.
const NOT_RESOLVED: [what: string, text: string][] = [
  ['Hikvision, Ezviz and H3C all shorten to "Hangzhou"', '  5  0.8112 Hangzhou_5c:31:77 → Broadcast ARP 60 Who has 10.1.1.1? Tell 10.1.1.64\n'],
  ['Dahua, Uniview and Tmall all shorten to "Zhejiang"', 'Ethernet II, Src: Zhejiang_0b:9e:21, Dst: Broadcast\n'],
  ['a TP-Link router', 'Ethernet II, Src: Tp-LinkT_91:a4:8d, Dst: Broadcast\n'],
  ['a code identifier that starts like the ZTE name', 'zte_handler = register(zte_parse_ab)\n'],
  ['not the case Wireshark prints', 'src huaweite_4e:71:0a\n'],
  ['a longer run of octets is not a resolved name', 'HuaweiTe_4e:71:0a:99:10\n'],
];

describe('captures round 9: Wireshark-resolved MAC names', () => {
  for (const [what, vendor, matched, text] of RESOLVED) {
    it(`finds ${vendor} in ${what}`, () => {
      const findings = findingsOf(text);
      assert.ok(
        findings.some((f) => f.vendor === vendor && f.kind === 'mac-oui' && f.matched === matched),
        JSON.stringify(findings),
      );
    });
  }
  for (const [what, text] of NOT_RESOLVED) {
    it(`claims nothing for ${what}`, () => {
      assert.deepEqual(findingsOf(text).filter((f) => f.kind === 'mac-oui'), []);
    });
  }
  it('gives every short name to one vendor only', () => {
    const owner = new Map<string, string>();
    for (const vendor of knowledge().vendors)
      for (const name of vendor.wiresharkNames ?? []) {
        assert.equal(owner.get(name), undefined, `${name} is listed for ${owner.get(name)} and ${vendor.id}`);
        owner.set(name, vendor.id);
      }
    assert.equal(owner.get('HuaweiTe'), 'huawei');
    assert.equal(owner.has('Hangzhou'), false);
  });
});

const NET_SNMP: [what: string, vendor: string, text: string][] = [
  ['a sysObjectID walked without MIBs', 'huawei', lines(
    'iso.3.6.1.2.1.1.1.0 = STRING: "S5735-L24T4S-A1"',
    'iso.3.6.1.2.1.1.2.0 = OID: iso.3.6.1.4.1.2011.2.23.617',
  )],
  ['a table row of a private MIB in the default output', 'huawei', lines(
    'iso.3.6.1.4.1.2011.6.128.1.1.2.51.1.4.4194312448.7 = INTEGER: -2104',
  )],
  ['the full symbolic path (-Of)', 'zte', lines(
    '.iso.org.dod.internet.private.enterprises.3902.1082.500.10.2.3.3.1.2.285278465.1 = STRING: "cust-0117"',
  )],
];

const OTHER_OIDS: [what: string, text: string][] = [
  ['a Cisco sysObjectID', 'iso.3.6.1.2.1.1.2.0 = OID: iso.3.6.1.4.1.9.1.2494\n'],
  ['net-snmp\'s own agent', 'iso.3.6.1.2.1.1.2.0 = OID: iso.3.6.1.4.1.8072.3.2.10\n'],
  ['an enterprise number that only starts like Huawei\'s', 'iso.3.6.1.4.1.20110.1.1.0 = INTEGER: 3\n'],
  ['the standard MIB-2 tree', 'iso.3.6.1.2.1.2.2.1.2.1 = STRING: "GigabitEthernet0/0/1"\n'],
];

describe('captures round 9: net-snmp OIDs printed from the iso root', () => {
  for (const [what, vendor, text] of NET_SNMP) {
    it(`finds ${vendor} in ${what}`, () => {
      const findings = findingsOf(text);
      assert.ok(findings.some((f) => f.vendor === vendor && f.kind === 'snmp-oid'), JSON.stringify(findings));
    });
  }
  for (const [what, text] of OTHER_OIDS) {
    it(`claims no vendor for ${what}`, () => {
      assert.deepEqual(findingsOf(text).filter((f) => f.kind === 'snmp-oid'), []);
    });
  }
});
