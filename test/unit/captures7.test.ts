// Captures round 7: CloudEngine/NetEngine (VRP V8) VXLAN and EVPN fabric configs that never write the
// maker's name, with the Comware, NX-OS, IOS-XE and EOS ways of writing the same fabric that must not be
// claimed for Huawei; and MAC addresses as ArubaOS-Switch, the IOS DHCP server and BSD/macOS "arp -a"
// print them. Every text is written here from the platforms' grammar; none is copied from a capture.
import { strict as assert } from 'node:assert';
import { createMacAddressMatcher } from '../../src/core/evidence/macAddresses';
import { detectDialect, explainDialect } from '../../src/core/formats/dialects/detect';
import { knowledge, languageService, textDocument } from './helpers';

const lines = (...text: string[]) => text.join('\n') + '\n';

const FABRICS: [what: string, text: string][] = [
  ['a bridge domain with its VNI and EVPN instance', lines(
    'bridge-domain 20',
    ' vxlan vni 10020',
    ' evpn',
    '  route-distinguisher 192.0.2.11:20',
    '  vpn-target 65010:20 export-extcommunity',
    '  vpn-target 65010:20 import-extcommunity',
  )],
  ['an NVE interface with head-end replication', lines(
    'interface Nve1',
    ' source 192.0.2.11',
    ' vni 10020 head-end peer-list 192.0.2.12',
    ' vni 10030 head-end peer-list protocol bgp',
  )],
  ['a layer-2 sub-interface joined to a bridge domain', lines(
    'interface Eth-Trunk4.20 mode l2',
    ' encapsulation dot1q vid 20',
    ' bridge-domain 20',
  )],
  ['a distributed gateway and the L3 VNI of its VPN instance', lines(
    'ip vpn-instance tenant-a',
    ' vxlan vni 5001',
    ' ipv4-family',
    '  route-distinguisher 192.0.2.11:5001',
    '  vpn-target 65010:5001 export-extcommunity evpn',
    'interface Vbdif20',
    ' ip binding vpn-instance tenant-a',
    ' ip address 198.51.100.1 255.255.255.0',
    ' vxlan anycast-gateway enable',
  )],
  ['a BGP EVPN peer and a routed leaf port', lines(
    'evpn vpn-instance ev-20 bd-mode',
    ' route-distinguisher 192.0.2.11:20',
    'interface GE1/0/48',
    ' undo portswitch',
    ' ip address 203.0.113.1 255.255.255.252',
    'bgp 65010',
    ' l2vpn-family evpn',
    '  peer 192.0.2.1 enable',
  )],
];

describe('captures round 7: CloudEngine fabric configs without a vendor word', () => {
  for (const [what, text] of FABRICS) {
    it(`recognises huawei-vrp in ${what}`, () => {
      const d = detectDialect(text);
      assert.equal(d.id, 'huawei-vrp', explainDialect(text).join(' | '));
      assert.ok(d.anchor && d.anchor.end > d.anchor.start, 'the finding has a place');
    });
  }

  it('finds Huawei in such a config through the analyser', () => {
    const findings = languageService().analyze(textDocument(FABRICS[0]![1])).findings;
    assert.ok(findings.some((f) => f.vendorId === 'huawei' && f.evidence.kind === 'dialect'), JSON.stringify(findings.map((f) => f.evidence.kind)));
  });
});

const LOOKALIKES: [maker: string, text: string, expected?: string][] = [
  ['H3C Comware (VSI, its VXLAN and EVPN)', lines(
    'vsi tenant20',
    ' gateway vsi-interface 20',
    ' vxlan 10020',
    ' evpn encapsulation vxlan',
    '  route-distinguisher auto',
    '  vpn-target 65010:20 export-extcommunity',
    '#',
    'interface Vsi-interface20',
    ' ip binding vpn-instance tenant-a',
    ' distributed-gateway local',
    '#',
    'interface Ten-GigabitEthernet1/0/4',
    ' port link-mode bridge',
    ' service-instance 20',
    '  encapsulation s-vid 20',
    '  xconnect vsi tenant20',
  ), 'h3c-comware'],
  ['Cisco NX-OS', lines(
    'vlan 20',
    '  vn-segment 10020',
    'interface nve1',
    '  host-reachability protocol bgp',
    '  member vni 10020',
    '    ingress-replication protocol bgp',
    'interface Vlan20',
    '  fabric forwarding mode anycast-gateway',
  )],
  ['Cisco IOS-XE', lines(
    'bridge-domain 20',
    ' member vni 10020',
    ' member GigabitEthernet2 service-instance 20',
    'interface GigabitEthernet2',
    ' service instance 20 ethernet',
    '  encapsulation dot1q 20',
  )],
  ['Arista EOS', lines(
    'interface Vxlan1',
    '   vxlan source-interface Loopback1',
    '   vxlan vlan 20 vni 10020',
    '   vxlan vrf tenant-a vni 5001',
  )],
];

describe('captures round 7: other makers\' VXLAN fabrics are not claimed for Huawei', () => {
  for (const [maker, text, expected] of LOOKALIKES) {
    it(maker, () => {
      const d = detectDialect(text);
      assert.ok(!d.id.startsWith('huawei-'), `${d.id}: ${explainDialect(text).join(' | ')}`);
      if (expected) assert.equal(d.id, expected, explainDialect(text).join(' | '));
    });
  }
});

describe('captures round 7: MAC addresses in more notations', () => {
  const matcher = createMacAddressMatcher(knowledge());
  const found = (text: string) => matcher.match({ offset: 0, text, role: 'text' }).map((e) => [e.vendorId, e.matched]);

  it('reads ArubaOS-Switch "show mac-address" (xxxxxx-xxxxxx)', () => {
    const table = lines(
      ' Status and Counters - Port Address Table',
      '  MAC Address   Port  VLAN',
      '  ------------- ----- ----',
      '  4419b6-a077c3 12    30',
      '  00e0fc-0b12aa 24    1',
      '  0019c6-3f1a2b 25    1',
    );
    assert.deepEqual(found(table), [
      ['hikvision', '4419b6-a077c3'],
      ['huawei', '00e0fc-0b12aa'],
      ['zte', '0019c6-3f1a2b'],
    ]);
  });

  it('needs a hex letter in that notation: decimal runs of its shape are dates and order numbers', () => {
    assert.deepEqual(found('PO 001882-202412 shipped'), []);
    assert.deepEqual(found('4419B6-A077C3'), [], 'ProVision prints lower case');
  });

  it('reads the IOS DHCP client identifier (hardware type 01, then the address)', () => {
    const binding = lines(
      'IP address       Client-ID/              Lease expiration        Type',
      '                 Hardware address/',
      '10.30.0.21       0144.19b6.a077.c3       Mar 04 2026 09:12 AM    Automatic',
      '10.30.0.22       0100.1646.6b9f.23       Mar 04 2026 09:14 AM    Automatic',
    );
    assert.deepEqual(found(binding), [['hikvision', '0144.19b6.a077.c3']]);
    assert.deepEqual(found(' client-identifier 013c.ef8c.0a11.22'), [['dahua', '013c.ef8c.0a11.22']]);
    assert.deepEqual(found('0244.19b6.a077.c3'), [], 'another hardware type is no Ethernet address');
  });

  it('reads BSD and macOS "arp -a", which drops leading zeros', () => {
    const arp = lines(
      '? (192.168.1.1) at 0:1b:2c:3d:4e:5f on en0 ifscope [ethernet]',
      'cam1.local (192.168.1.64) at 3c:ef:8c:1:22:33 on en0 ifscope [ethernet]',
      '? (192.168.1.65) at 44:19:b6:a:7:c3 on en0 ifscope [ethernet]',
    );
    assert.deepEqual(found(arp), [
      ['dahua', '3c:ef:8c:1:22:33'],
      ['hikvision', '44:19:b6:a:7:c3'],
    ]);
  });

  it('reads a padded address once, and no unpadded run inside IPv6 or a longer colon list', () => {
    assert.deepEqual(found('44:19:b6:a0:77:c3'), [['hikvision', '44:19:b6:a0:77:c3']]);
    for (const text of ['fe80::3c:ef:8c:1:22:33', '2001:db8:0:3c:ef:8c:1:22', '1:3c:ef:8c:1:22:33', 'client-id=1:44:19:b6:a:7:c3']) {
      assert.deepEqual(found(text), [], text);
    }
  });

  it('lists what it finds in the order the text gives it, whatever the notation', () => {
    const text = '0144.19b6.a077.c3 then 00e0.fc0b.12aa then 4419b6-a077c3';
    assert.deepEqual(found(text).map(([, m]) => m), ['0144.19b6.a077.c3', '00e0.fc0b.12aa', '4419b6-a077c3']);
  });

  it('finds a camera in a ProCurve table through the analyser (the literal search lets the notation through)', () => {
    const text = lines(' Status and Counters - Port Address Table', '  MAC Address   Port  VLAN', '  4419b6-a077c3 12    30');
    const findings = languageService().analyze(textDocument(text)).findings;
    assert.ok(findings.some((f) => f.vendorId === 'hikvision' && f.evidence.kind === 'mac-oui'), JSON.stringify(findings.map((f) => [f.vendorId, f.evidence.kind])));
  });
});
