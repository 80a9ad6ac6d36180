// Captures round 9: flagged gear seen through management tools. Wireshark and tshark print a resolved MAC
// address as the manuf short name of its organisation and the last three octets ("HuaweiTe_cc:7d:07"),
// often with no full address beside it; net-snmp without a MIB for an object prints its OID from the root
// it knows ("iso.3.6.1.4.1.2011…", or with -Of "iso.org.dod.internet.private.enterprises.2011…"), and with
// the MIB loaded names objects through modules like HIK-DEVICE-MIB; EMUI phones announce a DHCP host name
// built from their marketing name (HUAWEI_P30_Pro-9f13d2ee6f). Every
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
  ['the twelve-letter name of current Wireshark releases', 'huawei', 'HuaweiTechno_5a:0c:e2', lines(
    'Ethernet II, Src: HuaweiTechno_5a:0c:e2 (9c:7d:a3:5a:0c:e2), Dst: Broadcast (ff:ff:ff:ff:ff:ff)',
  )],
  ['a camera under its twelve-letter name', 'hikvision', 'HikvisionDig_20:4b:7f', lines(
    '   88  19.004118 HikvisionDig_20:4b:7f → Broadcast    ARP 60 Who has 192.168.1.1? Tell 192.168.1.64',
  )],
  ['a recorder under its twelve-letter name', 'dahua', 'ZhejiangDahu_6e:01:9a', lines(
    '12\t2.551870\tZhejiangDahu_6e:01:9a\tBroadcast\tARP\t60\tWho has 10.0.0.1? Tell 10.0.0.108',
  )],
];

// Short names that are other makers', shared by several organisations, or not Wireshark's spelling.
const NOT_RESOLVED: [what: string, text: string][] = [
  ['Hikvision, Ezviz and H3C all shorten to "Hangzhou"', '  5  0.8112 Hangzhou_5c:31:77 → Broadcast ARP 60 Who has 10.1.1.1? Tell 10.1.1.64\n'],
  ['Dahua, Uniview and Tmall all shorten to "Zhejiang"', 'Ethernet II, Src: Zhejiang_0b:9e:21, Dst: Broadcast\n'],
  ['a TP-Link router', 'Ethernet II, Src: Tp-LinkT_91:a4:8d, Dst: Broadcast\n'],
  ['a Uniview camera under the current name', 'Ethernet II, Src: ZhejiangUniv_0b:9e:21, Dst: Broadcast\n'],
  ['an H3C switch under the current name', '  9  1.20 NewH3CTechno_11:22:33 → Broadcast ARP 60 Who has 10.0.0.2? Tell 10.0.0.1\n'],
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

// A vendor's MIB module whose name does not name the vendor, as net-snmp prints its objects with the MIB loaded.
describe('captures round 9: objects of a vendor MIB module', () => {
  it('finds hikvision in a walk through HIK-DEVICE-MIB', () => {
    const findings = findingsOf(lines(
      'HIK-DEVICE-MIB::memSize.0 = STRING: "512 MB"',
      'HIK-DEVICE-MIB::videoEncode.0 = STRING: "H.265"',
    ));
    assert.ok(findings.some((f) => f.vendor === 'hikvision' && f.kind === 'snmp-oid' && f.matched === 'HIK-DEVICE-MIB'), JSON.stringify(findings));
  });
  for (const [what, text] of [
    ['another maker\'s module', 'AXIS-VIDEO-MIB::axisTemperatureSensorValue.1 = INTEGER: 38\n'],
    ['the module named as an argument, no object', "snmp_get($device, 'diskSize.0', '-Ovq', 'HIK-DEVICE-MIB');\n"],
    ['a longer module name that ends the same way', 'XHIK-DEVICE-MIB::memSize.0 = STRING: "1"\n'],
  ] as const) {
    it(`claims no vendor for ${what}`, () => {
      assert.deepEqual(findingsOf(text).filter((f) => f.kind === 'snmp-oid'), []);
    });
  }
});

// EMUI's default DHCP host name: the marketing name with '_' for spaces, '-', the Android ID, cut to 25.
const HOST_NAMES: [what: string, hostName: string, text: string][] = [
  ['a dnsmasq lease, cut to 25 characters', 'HUAWEI_Mate_20_Pro-7c1d0e', lines(
    '1733640000 62:5d:11:0a:3c:e4 192.168.8.117 HUAWEI_Mate_20_Pro-7c1d0e 01:62:5d:11:0a:3c:e4',
  )],
  ['an ISC lease', 'HUAWEI_nova_5T-0b3e9a77c2', lines(
    'lease 10.0.8.44 {',
    '  hardware ethernet 4a:12:9c:70:01:be;',
    '  client-hostname "HUAWEI_nova_5T-0b3e9a77c2";',
    '}',
  )],
  ['a RouterOS lease print row', 'HUAWEI_P40_lite-6f2a01c9d', lines(
    ' 3 D 192.168.88.251  2E:7B:90:11:4D:02  HUAWEI_P40_lite-6f2a01c9d  bound',
  )],
  ['a short marketing name, its Android ID cut by one digit', 'HUAWEI_Y7-0b3e9a77c2d14f6', lines(
    '1733640000 3a:01:9c:0e:22:71 192.168.1.40 HUAWEI_Y7-0b3e9a77c2d14f6 *',
  )],
];

const NOT_HOST_NAMES: [what: string, text: string][] = [
  ['a code constant', 'HUAWEI_APP_ID = "104587231"\n'],
  ['a Wi-Fi network named after the phone', 'Network Name : HUAWEI_P20\n'],
  ['a host name a person chose', ' 4 D 192.168.88.12  0A:11:22:33:44:55  HUAWEI_phone-of-anna  bound\n'],
  ['a tail too short for the length the firmware writes', 'client-hostname "HUAWEI_P30-9e8b";\n'],
  ['a name longer than the firmware ever writes', 'client-hostname "HUAWEI_Mate_30_Pro-0b3e9a77c2d14f60";\n'],
  ['an Honor phone (Honor is not Huawei)', 'client-hostname "HONOR_View20-a91c0d2e7f3b"\n'],
  ['a tail in capitals, which an Android ID never is', 'client-hostname "HUAWEI_P30_Pro-9F13D2EE6F"\n'],
];

describe('captures round 9: default DHCP host names of Android devices', () => {
  for (const [what, hostName, text] of HOST_NAMES) {
    it(`finds huawei in ${what}`, () => {
      const findings = findingsOf(text);
      assert.ok(findings.some((f) => f.vendor === 'huawei' && f.matched === hostName), JSON.stringify(findings));
    });
  }
  for (const [what, text] of NOT_HOST_NAMES) {
    it(`claims no vendor for ${what}`, () => {
      assert.deepEqual(findingsOf(text).filter((f) => f.vendor === 'huawei'), []);
    });
  }
  it('leaves a switch named with the vendor word to the name matcher', () => {
    const findings = findingsOf('HUAWEI-SW01-a1b2c3d4e5f6a7b8\n');
    assert.deepEqual(findings.filter((f) => f.vendor === 'huawei').map((f) => f.matched), ['HUAWEI']);
  });
});
