// Captures round 7: CloudEngine/NetEngine (VRP V8) VXLAN and EVPN fabric configs that never write the
// maker's name, with the Comware, NX-OS, IOS-XE and EOS ways of writing the same fabric that must not be
// claimed for Huawei; LLDP neighbour listings of EOS, lldpd, ArubaOS-Switch and AOS-CX that quote a
// Huawei or ZTE neighbour without being its capture; and MAC addresses as ArubaOS-Switch, the IOS DHCP
// server and BSD/macOS "arp -a" print them. Every text is written here from the platforms' grammar; none is copied from a capture.
import { strict as assert } from 'node:assert';
import { createMacAddressMatcher } from '../../src/core/evidence/macAddresses';
import { detectDialect, explainDialect } from '../../src/core/formats/dialects/detect';
import { neighbourEntries } from '../../src/core/subjects/neighbours';
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
  ['a NetEngine VPN instance and its dot1q sub-interface', lines(
    'ip vpn-instance CUST-A',
    ' ipv4-family',
    '  route-distinguisher 65000:101',
    '  vpn-target 65000:101 export-extcommunity',
    '  vpn-target 65000:101 import-extcommunity',
    '#',
    'interface GigabitEthernet0/3/0.101',
    ' vlan-type dot1q 101',
    ' ip binding vpn-instance CUST-A',
    ' ip address 192.0.2.1 255.255.255.252',
    '#',
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
  ['H3C Comware (VPN instance and dot1q sub-interface)', lines(
    'ip vpn-instance CUST-A',
    ' route-distinguisher 65000:101',
    ' vpn-target 65000:101 export-extcommunity',
    ' vpn-target 65000:101 import-extcommunity',
    ' address-family ipv4',
    '#',
    'interface GigabitEthernet1/0/3.101',
    ' vlan-type dot1q vid 101',
    ' ip binding vpn-instance CUST-A',
    ' ip address 192.0.2.1 255.255.255.252',
    '#',
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

describe('captures round 7: an OLT\'s ONT table without a prompt', () => {
  it('recognises huawei-smartax in "display ont info 0 1 0 all", at low confidence (OLT clones copy the table), and the HWTC serial names Huawei', () => {
    const text = lines(
      '  -----------------------------------------------------------------------------',
      '  F/S/P   ONT         SN         Control     Run      Config   Match    Protect',
      '          ID                     flag        state    state    state    side',
      '  -----------------------------------------------------------------------------',
      '  0/1/0    0  485754430A1B2C3D  active      online   normal   match    no',
    );
    const d = detectDialect(text);
    assert.equal(d.id, 'huawei-smartax', explainDialect(text).join(' | '));
    assert.equal(d.confidence, 'low');
    const findings = languageService().analyze(textDocument(text)).findings;
    assert.ok(findings.some((f) => f.vendorId === 'huawei' && f.evidence.kind === 'pon-serial'), JSON.stringify(findings.map((f) => f.evidence.kind)));
  });
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

// A Huawei or ZTE neighbour as each maker's LLDP detail quotes it: its description and port id are the
// neighbour's, so they must not make the capture a VRP or ZXROS one; the neighbour is still reported.
const NEIGHBOUR_LISTINGS: [maker: string, text: string, vendor: string, hostname: string][] = [
  ['Arista EOS "show lldp neighbors detail"', lines(
    'leaf1#show lldp neighbors Ethernet49/1 detail',
    'Interface Ethernet49/1 detected 1 LLDP neighbors:',
    '',
    '  Neighbor 5c64.8e00.0a01/"XGigabitEthernet0/0/1", age 12 seconds',
    '  Discovered 2 days, 1:02:03 ago; Last changed 2 days, 1:02:03 ago',
    '  - Chassis ID type: MAC address (4)',
    '    Chassis ID     : 5c64.8e00.0a01',
    '  - Port ID type: Interface name (5)',
    '    Port ID     : "XGigabitEthernet0/0/1"',
    '  - Time To Live: 120 seconds',
    '  - System Name: "agg-b1"',
    '  - System Description: "S6730-H24X6C',
    'Huawei Versatile Routing Platform Software',
    'VRP (R) software, Version 8.191 (S6730 V200R019C10SPC500)',
    'Copyright (C) 2000-2020 HUAWEI TECH Co., Ltd."',
    '  - System Capabilities : Bridge, Router',
  ), 'huawei', 'agg-b1'],
  ['lldpd "lldpctl"', lines(
    '-------------------------------------------------------------------------------',
    'LLDP neighbors:',
    '-------------------------------------------------------------------------------',
    'Interface:    eno1, via: LLDP, RID: 1, Time: 0 day, 02:11:45',
    '  Chassis:',
    '    ChassisID:    mac 5c:64:8e:00:0a:01',
    '    SysName:      agg-b1',
    '    SysDescr:     S6730-H24X6C',
    '                  Huawei Versatile Routing Platform Software',
    '                  VRP (R) software, Version 8.191 (S6730 V200R019C10SPC500)',
    '    MgmtIP:       192.0.2.2',
    '    Capability:   Bridge, on',
    '  Port:',
    '    PortID:       ifname XGigabitEthernet0/0/1',
    '    PortDescr:    to-host-eno1',
  ), 'huawei', 'agg-b1'],
  ['ArubaOS-Switch "show lldp info remote-device 24"', lines(
    ' LLDP Remote Device Information Detail',
    '',
    '  Local Port   : 24',
    '  ChassisType  : mac-address',
    '  ChassisId    : 5c 64 8e 00 0a 01',
    '  PortType     : interface-name',
    '  PortId       : XGigabitEthernet0/0/1',
    '  SysName      : agg-b1',
    '  System Descr : S6730-H24X6C, Huawei Versatile Routing Platform Software, VRP (R) software, Version 8.191',
    '  PortDescr    : to-2930F',
    '',
    '  System Capabilities Supported  : bridge, router',
  ), 'huawei', 'agg-b1'],
  ['AOS-CX "show lldp neighbor-info 1/1/49"', lines(
    'core1# show lldp neighbor-info 1/1/49',
    'Port                           : 1/1/49',
    'Neighbor Entries               : 1',
    'Neighbor Chassis-Name          : olt-3',
    'Neighbor Chassis-Description   : ZXA10 C600, ZXA10 Software Version: V1.2.1',
    'Neighbor Chassis-ID            : 4c:09:b4:00:0a:01',
    'Neighbor Management-Address    : 192.0.2.5',
    'Chassis Capabilities Available : Bridge, Router',
    'Neighbor Port-ID               : xgei-1/4/1',
  ), 'zte', 'olt-3'],
];

describe('captures round 7: a neighbour\'s description is not the capture\'s own dialect', () => {
  for (const [maker, text, vendor, hostname] of NEIGHBOUR_LISTINGS) {
    it(`${maker}: no ${vendor} dialect claimed, the neighbour still reported`, () => {
      const d = detectDialect(text);
      assert.ok(!d.id.startsWith('huawei-') && d.id !== 'zte-zxros', `${d.id}: ${explainDialect(text).join(' | ')}`);
      const entries = neighbourEntries(text);
      assert.equal(entries.length, 1, JSON.stringify(entries));
      assert.equal(entries[0]!.identifiers.hostname, hostname);
      const findings = languageService().analyze(textDocument(text)).findings.filter((f) => f.vendorId === vendor);
      assert.ok(findings.length > 0, `no ${vendor} finding`);
      assert.ok(findings.every((f) => f.evidence.kind !== 'dialect'), 'no dialect finding for the neighbour\'s maker');
      assert.ok(findings.some((f) => f.subject?.kind === 'neighbour' && f.subject.identifiers.hostname === hostname), JSON.stringify(findings.map((f) => f.subject)));
    });
  }

  it('lldpctl names the local interface on its "Interface: …, via:" line', () => {
    assert.equal(neighbourEntries(NEIGHBOUR_LISTINGS[1]![1])[0]!.identifiers.localPort, 'eno1');
  });
});
