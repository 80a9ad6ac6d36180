// Devices and products as the unit: the evidence of one LLDP/CDP neighbour, one host (a MAC seen in a MAC
// table and an ARP table), one BOM row and the file's own device each becomes one finding, with the
// subject's identifiers. Every capture below is written here from the platforms' grammar (field names,
// separators, prompts); none is copied from a corpus. MAC prefixes are the vendors' IEEE blocks
// (Huawei 00E0FC/5C4CA9, Hikvision 4419B6, Dahua 08EDED, ZTE 00D0D0).
import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/core/model';
import { neighbourEntries } from '../../src/core/subjects/neighbours';
import { addressSighting, isAddressTableHeader } from '../../src/core/subjects/addresses';
import { configureLocalization } from '../../src/core/l10n';
import { BUNDLE_DIR, readBundle } from '../../scripts/l10n';
import { join } from 'node:path';
import { languageService, textDocument } from './helpers';

const lines = (...text: string[]) => text.join('\n') + '\n';

function analyse(text: string, uri = 'file:///c/capture.txt', languageId = 'plaintext'): Finding[] {
  return languageService({ profile: 'cz' }).analyze(textDocument(text, uri, languageId)).findings;
}

const IOS_LLDP = lines(
  'core-1#show lldp neighbors detail',
  '------------------------------------------------',
  'Local Intf: Te1/1/1',
  'Chassis id: 00e0.fc11.2233',
  'Port id: 100GE1/0/1',
  'Port Description: uplink-core-1',
  'System Name: core-2',
  '',
  'System Description: ',
  'Huawei Versatile Routing Platform Software',
  'VRP (R) software, Version 8.191 (CE6881 V200R019C10SPC800)',
  'Copyright (C) 2012-2020 Huawei Technologies Co., Ltd.',
  'HUAWEI CE6881-48S6CQ',
  '',
  'Time remaining: 91 seconds',
  'System Capabilities: B,R',
  'Management Addresses:',
  '    IP: 10.0.0.2',
  '',
  '------------------------------------------------',
  'Local Intf: Te1/1/2',
  'Chassis id: 00e0.fc44.5566',
  'Port id: 100GE1/0/1',
  'System Name: core-3',
  '',
  'System Description: ',
  'Huawei Versatile Routing Platform Software',
  'Copyright (C) 2012-2020 Huawei Technologies Co., Ltd.',
  '',
  'Management Addresses:',
  '    IP: 10.0.0.3',
  '',
  'Total entries displayed: 2',
  'core-1#',
);

describe('subjects: LLDP and CDP neighbour entries by the platforms\' grammar', () => {
  it('Cisco IOS "show lldp neighbors detail": one entry per neighbour with its identifiers', () => {
    const entries = neighbourEntries(IOS_LLDP);
    assert.equal(entries.length, 2);
    assert.deepEqual(entries[0]!.identifiers, { localPort: 'Te1/1/1', mac: '00:E0:FC:11:22:33', remotePort: '100GE1/0/1', hostname: 'core-2', ip: '10.0.0.2' });
    assert.equal(entries[1]!.identifiers.hostname, 'core-3');
    assert.ok(!IOS_LLDP.slice(entries[1]!.start, entries[1]!.end).includes('Total entries'), 'the total line ends the last entry');
  });

  it('Cisco NX-OS: entries start with "Chassis id", the local port comes later, no separators', () => {
    const text = lines(
      'leaf1# show lldp neighbors detail',
      'Chassis id: 5c4c.a9aa.0001',
      'Port id: 10GE1/0/1',
      'Local Port id: Eth1/1',
      'System Name: agg-a',
      'System Description: Huawei Versatile Routing Platform Software',
      'Management Address: 192.0.2.1',
      '',
      'Chassis id: 5c4c.a9aa.0002',
      'Port id: 10GE1/0/2',
      'Local Port id: Eth1/2',
      'System Name: agg-b',
      'Management Address: 192.0.2.2',
    );
    const entries = neighbourEntries(text);
    assert.deepEqual(
      entries.map((e) => [e.identifiers.hostname, e.identifiers.localPort, e.identifiers.ip]),
      [
        ['agg-a', 'Eth1/1', '192.0.2.1'],
        ['agg-b', 'Eth1/2', '192.0.2.2'],
      ],
    );
  });

  it('Cisco "show cdp neighbors detail": Device ID, Platform and the ports line', () => {
    const text = lines(
      'sw1#show cdp neighbors detail',
      '-------------------------',
      'Device ID: olt-3',
      'Entry address(es): ',
      '  IP address: 10.9.9.3',
      'Platform: ZTE ZXA10 C600,  Capabilities: Router Switch ',
      'Interface: GigabitEthernet1/0/48,  Port ID (outgoing port): gei-1/3/1',
      'Holdtime : 140 sec',
      '',
    );
    const [entry] = neighbourEntries(text);
    assert.equal(entry?.protocol, 'CDP');
    assert.deepEqual(entry?.identifiers, { hostname: 'olt-3', ip: '10.9.9.3', model: 'ZTE ZXA10 C600', localPort: 'GigabitEthernet1/0/48', remotePort: 'gei-1/3/1' });
  });

  it('Huawei "display lldp neighbor": the per-port header gives the local port', () => {
    const text = lines(
      '<agg-1>display lldp neighbor',
      'GigabitEthernet0/0/1 has 1 neighbor(s):',
      '',
      'Neighbor index :1',
      'Chassis type   :macAddress',
      'Chassis ID     :4419-b6aa-0001',
      'Port ID type   :interfaceName',
      'Port ID        :eth0',
      'System name    :cam-lobby',
      'System description  :IP CAMERA',
      'Management address type  :ipv4',
      'Management address       :10.40.0.9',
      '',
      'GigabitEthernet0/0/2 has 1 neighbor(s):',
      '',
      'Neighbor index :1',
      'Chassis ID     :4419-b6aa-0002',
      'Port ID        :eth0',
      'System name    :cam-yard',
    );
    const entries = neighbourEntries(text);
    assert.deepEqual(
      entries.map((e) => [e.identifiers.localPort, e.identifiers.hostname, e.identifiers.mac]),
      [
        ['GigabitEthernet0/0/1', 'cam-lobby', '44:19:B6:AA:00:01'],
        ['GigabitEthernet0/0/2', 'cam-yard', '44:19:B6:AA:00:02'],
      ],
    );
    assert.equal(entries[0]!.identifiers.ip, '10.40.0.9');
  });

  it('H3C "display lldp neighbor-information": the subtype written after the value is left off', () => {
    const text = lines(
      'LLDP neighbor-information of port 1[GigabitEthernet1/0/1]:',
      '  LLDP agent nearest-bridge:',
      '  LLDP neighbor index : 1',
      '  ChassisID/subtype   : 00e0-fc77-8899/MAC address',
      '  PortID/subtype      : GigabitEthernet0/0/9/Interface name',
      '  System name         : ar-branch',
      '  Management address  : 172.16.0.1',
    );
    const [entry] = neighbourEntries(text);
    assert.deepEqual(entry?.identifiers, { localPort: 'GigabitEthernet1/0/1', mac: '00:E0:FC:77:88:99', remotePort: 'GigabitEthernet0/0/9', hostname: 'ar-branch', ip: '172.16.0.1' });
  });

  it('Arista "show lldp neighbors detail": the neighbour line, then keys that repeat it', () => {
    const text = lines(
      'Interface Ethernet7 detected 1 LLDP neighbors:',
      '',
      '  Neighbor 00e0.fc12.0007/GE0/0/7, age 12 seconds',
      '  Discovered 2 days, 1:00:00 ago; Last changed 2 days ago',
      '  - Chassis ID type: MAC address (4)',
      '    Chassis ID     : 00e0.fc12.0007',
      '  - Port ID type: Interface name (5)',
      '    Port ID     : "GE0/0/7"',
      '  - System Name: "acc-7"',
      '  - Management Address Subtype: IPv4 (1)',
      '    Management Address        : 10.7.7.7',
    );
    const entries = neighbourEntries(text);
    assert.equal(entries.length, 1);
    assert.deepEqual(entries[0]!.identifiers, { mac: '00:E0:FC:12:00:07', remotePort: 'GE0/0/7', hostname: 'acc-7', ip: '10.7.7.7', localPort: 'Ethernet7' });
  });

  it('Juniper "show lldp neighbors interface": local interface, chassis, system name', () => {
    const text = lines(
      'ops@mx1> show lldp neighbors interface ge-0/0/3',
      'LLDP Neighbor Information:',
      'Local Information:',
      'Index: 3 Time to live: 120 Time mark: Mon Dec  1 10:00:00 2026 Age: 20 secs',
      'Local Interface    : ge-0/0/3',
      'Neighbour Information:',
      'Chassis type       : Mac address',
      'Chassis ID         : 00:e0:fc:31:32:33',
      'Port ID            : GigabitEthernet0/0/1',
      'System name        : huawei-pe',
    );
    const [entry] = neighbourEntries(text);
    assert.equal(entry?.identifiers.localPort, 'ge-0/0/3');
    assert.equal(entry?.identifiers.hostname, 'huawei-pe');
    assert.equal(entry?.identifiers.mac, '00:E0:FC:31:32:33');
  });

  it('text without an entry is not read line by line, and a lone key is no entry', () => {
    assert.deepEqual(neighbourEntries(lines('interface Gi1/0/1', ' description uplink')), []);
    assert.deepEqual(neighbourEntries(lines('System Name: just-one-key')), []);
  });
});

describe('subjects: one finding per device or product', () => {
  it('an LLDP neighbour is one finding naming it, its model and the local port; two neighbours stay two', () => {
    const findings = analyse(IOS_LLDP);
    const huawei = findings.filter((f) => f.vendorId === 'huawei');
    assert.equal(huawei.length, 2, huawei.map((f) => f.message).join('\n'));
    const [first, second] = huawei;
    assert.equal(first!.subject?.kind, 'neighbour');
    assert.equal(first!.subject?.identifiers.hostname, 'core-2');
    assert.equal(first!.subject?.identifiers.model, 'CE6881-48S6CQ');
    assert.match(first!.message, /^Huawei switch core-2 \(CE6881-48S6CQ\), LLDP neighbour on Te1\/1\/1\./);
    assert.ok(first!.related.length >= 3, 'the MAC, banner lines and copyright are related information');
    assert.equal(second!.subject?.identifiers.hostname, 'core-3');
    assert.notEqual(first!.fingerprint, second!.fingerprint);
  });

  it('an entry that shows two vendors gives two findings', () => {
    const text = lines(
      '------------------------------------------------',
      'Local Intf: Gi1/0/5',
      'Chassis id: 4419.b6aa.0005',
      'Port id: eth0',
      'System Name: nvr-5',
      'System Description: ',
      'Copyright (C) 2012-2020 Huawei Technologies Co., Ltd.',
      '------------------------------------------------',
    );
    const findings = analyse(text);
    assert.deepEqual(findings.map((f) => f.vendorId).sort(), ['hikvision', 'huawei']);
    assert.ok(findings.every((f) => f.subject?.kind === 'neighbour' && f.subject.identifiers.hostname === 'nvr-5'));
  });

  it('a MAC in a MAC table and an ARP table is one host with its IP, port and VLAN; another MAC is another host', () => {
    const text = lines(
      'acc-4#show mac address-table dynamic',
      'Vlan    Mac Address       Type        Ports',
      '----    -----------       --------    -----',
      '  40    4419.b6c2.7e15    DYNAMIC     Gi1/0/14',
      '  40    08ed.ed01.0203    DYNAMIC     Gi1/0/15',
      'acc-4#show ip arp',
      'Protocol  Address          Age (min)  Hardware Addr   Type   Interface',
      'Internet  10.20.4.31              4   4419.b6c2.7e15  ARPA   Vlan40',
    );
    const findings = analyse(text);
    assert.equal(findings.length, 2, findings.map((f) => f.message).join('\n'));
    const camera = findings.find((f) => f.vendorId === 'hikvision')!;
    assert.equal(camera.subject?.kind, 'host');
    assert.deepEqual(camera.subject?.identifiers, { mac: '44:19:B6:C2:7E:15', localPort: 'Gi1/0/14', vlan: '40', ip: '10.20.4.31' });
    assert.match(camera.message, /^Hikvision camera or video recorder by its MAC 44:19:B6:C2:7E:15 \(ARP 10\.20\.4\.31, Gi1\/0\/14, VLAN 40\)/);
    assert.equal(camera.related.length, 1, 'the ARP sighting is related information');
    assert.equal(findings.find((f) => f.vendorId === 'dahua')?.subject?.identifiers.mac, '08:ED:ED:01:02:03');
  });

  it('a VRP configuration is one file-level finding on its header line, document-level, with a plain message', () => {
    const text = lines('!Software Version V200R022C00SPC500', '#', 'sysname dist-7', '#', 'vlan batch 10 20', '#', 'interface Vlanif10', ' ip address 10.0.10.1 255.255.255.0', '#', 'return');
    const [device, ...rest] = analyse(text, 'file:///c/dist-7.cfg');
    assert.equal(rest.length, 0);
    assert.equal(device!.evidence.documentLevel, true);
    assert.equal(device!.range.start.line, 0);
    assert.equal(device!.subject?.kind, 'device');
    assert.match(device!.message, /^This file is a Huawei VRP device configuration \(dist-7\)\./);
    assert.doesNotMatch(device!.message, /dialect|more \(|in force under/);
  });

  it('a "display version" capture without a recognised dialect is one device, by its banner lines', () => {
    const text = lines(
      'Huawei Versatile Routing Platform Software',
      'VRP (R) software, Version 5.170 (S5735 V200R022C00SPC500)',
      'Copyright (C) 2000-2022 HUAWEI TECH Co., Ltd.',
      'HUAWEI S5735-L48T4X-A1 Routing Switch uptime is 10 weeks',
    );
    const findings = analyse(text);
    assert.equal(findings.length, 1, findings.map((f) => f.message).join('\n'));
    assert.equal(findings[0]!.subject?.kind, 'device');
  });

  it('a BOM row keeps one finding per vendor, with its row and model, and its fingerprint as before', () => {
    const text = lines('Line,Manufacturer,Part number,Description,Qty', '1,Ingram Micro,ZXR10 5960-56QU-HI,Core switch,2');
    const [finding] = languageService().analyze(textDocument(text, 'file:///q/quote.csv', 'csv')).findings;
    assert.equal(finding?.subject?.kind, 'bom-item');
    assert.equal(finding?.subject?.identifiers.row, 2);
    assert.equal(finding?.subject?.identifiers.model, 'ZXR10 5960-56QU-HI');
    assert.match(finding!.message, /^ZTE ZXR10 5960-56QU-HI in row 2 \(maker given as Ingram Micro\)\./);
  });
});

describe('subjects: messages in Czech', () => {
  it('names the neighbour, the host and the file in the Czech bundle\'s words', () => {
    try {
      configureLocalization({ contents: readBundle(join(BUNDLE_DIR, 'bundle.l10n.cs.json')) });
      const [neighbour] = analyse(IOS_LLDP);
      assert.match(neighbour!.message, /^Huawei přepínač core-2 \(CE6881-48S6CQ\), soused \(LLDP\) na portu Te1\/1\/1\. /);
      const [host] = analyse(lines('Vlan    Mac Address       Type        Ports', '  40    4419.b6c2.7e15    DYNAMIC     Gi1/0/14'));
      assert.match(host!.message, /^Hikvision kamera nebo videorekordér podle adresy MAC 44:19:B6:C2:7E:15 \(Gi1\/0\/14, VLAN 40\)\. /);
      const [device] = analyse(lines('!Software Version V200R022C00SPC500', '#', 'sysname dist-7', '#', 'vlan batch 10', '#', 'return'), 'file:///c/d.cfg');
      assert.match(device!.message, /^Tento soubor je konfigurace zařízení: Huawei VRP zařízení \(dist-7\)\. /);
    } finally {
      configureLocalization({ contents: {} });
    }
  });
});

describe('subjects: one-line-per-neighbour tables', () => {
  it('Huawei "display lldp neighbor brief": each row is a neighbour named by its system name', () => {
    const text = lines(
      '<acc-2>display lldp neighbor brief',
      'Local Intf       Neighbor Dev             Neighbor Intf             Exptime(s)',
      'GE0/0/1          HUAWEI                   GE0/0/24                  104',
      'GE0/0/2          HUAWEI                   GE0/0/23                  99',
      '<acc-2>',
    );
    // The capture is from a VRP device (its prompt): that device is a finding of its own.
    const findings = analyse(text).filter((f) => f.subject?.kind !== 'device');
    assert.deepEqual(
      findings.map((f) => [f.subject?.kind, f.subject?.identifiers.localPort, f.subject?.identifiers.remotePort]),
      [
        ['neighbour', 'GE0/0/1', 'GE0/0/24'],
        ['neighbour', 'GE0/0/2', 'GE0/0/23'],
      ],
    );
    assert.match(findings[0]!.message, /^Huawei device HUAWEI, LLDP neighbour on GE0\/0\/1\./);
  });

  it('Juniper "show lldp neighbors": the chassis id column is the neighbour\'s MAC', () => {
    const text = lines(
      'ops@mx1> show lldp neighbors',
      'Local Interface    Parent Interface    Chassis Id          Port info          System Name',
      'ge-0/0/1           -                   00:e0:fc:21:22:23   GE0/0/1            agg-sw4',
      '',
      'ops@mx1> show version',
    );
    const [finding] = analyse(text);
    assert.equal(finding?.subject?.kind, 'neighbour');
    assert.deepEqual(finding?.subject?.identifiers, { localPort: 'ge-0/0/1', mac: '00:E0:FC:21:22:23', remotePort: 'GE0/0/1', hostname: 'agg-sw4' });
  });

  it('a table ends at a blank line: a name further down is no neighbour', () => {
    const text = lines(
      'Local Intf       Neighbor Dev             Neighbor Intf             Exptime(s)',
      'GE0/0/1          core-1                   GE0/0/24                  104',
      '',
      'interface GE0/0/3',
      ' description to Huawei AP',
    );
    const named = analyse(text).find((f) => f.evidence.matched === 'Huawei');
    assert.equal(named?.subject?.kind, 'text');
  });
});

describe('subjects: fingerprints and notes', () => {
  it("a neighbour's fingerprint survives edits elsewhere and a change of which evidence leads", () => {
    const before = analyse(IOS_LLDP).filter((f) => f.vendorId === 'huawei');
    const edited = IOS_LLDP.replace('core-1#show lldp neighbors detail', 'core-1#terminal length 0\ncore-1#show lldp neighbors detail').replace('Copyright (C) 2012-2020 Huawei Technologies Co., Ltd.\nHUAWEI CE6881-48S6CQ', 'HUAWEI CE6881-48S6CQ');
    const after = analyse(edited).filter((f) => f.vendorId === 'huawei');
    assert.deepEqual(after.map((f) => f.fingerprint), before.map((f) => f.fingerprint));
  });

  it("a host's fingerprint is its MAC: the same when its rows move", () => {
    const a = lines('Vlan    Mac Address       Type        Ports', '  40    4419.b6c2.7e15    DYNAMIC     Gi1/0/14');
    const b = lines('Vlan    Mac Address       Type        Ports', '  10    0011.2233.4455    DYNAMIC     Gi1/0/2', '  40    4419.b6c2.7e15    DYNAMIC     Gi1/0/14');
    assert.equal(analyse(a)[0]!.fingerprint, analyse(b)[0]!.fingerprint);
  });

  it('a review note above any line of a neighbour\'s evidence covers the neighbour', () => {
    const noted = IOS_LLDP.replace('Chassis id: 00e0.fc11.2233', '! vendorlens-accept: huawei | reason: lab uplink | ticket: CHG-1\nChassis id: 00e0.fc11.2233');
    const huawei = analyse(noted).filter((f) => f.vendorId === 'huawei');
    assert.equal(huawei[0]!.accepted?.ticket, 'CHG-1');
    assert.equal(huawei[1]!.accepted, undefined, 'the other neighbour stays open');
  });
});

describe('subjects: at scale', () => {
  it('thousands of different MACs stay thousands of hosts; one MAC seen thousands of times is one', () => {
    const hex = (n: number) => n.toString(16).padStart(6, '0');
    const row = (n: number) => `  40    4419.b6${hex(n).slice(0, 2)}.${hex(n).slice(2)}    DYNAMIC     Gi1/0/${n % 48}`;
    const header = 'Vlan    Mac Address       Type        Ports';
    const service = languageService({ maxFindingsPerFile: 10_000 });
    const many = service.analyze(textDocument(lines(header, ...Array.from({ length: 3000 }, (_, i) => row(i))))).findings;
    assert.equal(many.length, 3000);
    assert.equal(new Set(many.map((f) => f.fingerprint)).size, 3000);
    const same = service.analyze(textDocument(lines(header, ...Array.from({ length: 3000 }, () => row(7))))).findings;
    assert.equal(same.length, 1);
    assert.equal(same[0]!.related.length, 20, 'the hover lists 20 sightings; the reasons count the rest');
  });
});

describe('subjects: address rows read by shape', () => {
  it('Huawei "display mac-address": the VLAN under its heading', () => {
    const header = 'MAC Address    VLAN/VSI/BD   Learned-From        Type';
    const line = '00e0-fc12-3456 20/-/-        GE0/0/1             dynamic';
    assert.equal(isAddressTableHeader(header), true);
    assert.deepEqual(addressSighting(line, 0, 14, header).identifiers, { mac: '00:E0:FC:12:34:56', localPort: 'GE0/0/1', vlan: '20' });
  });

  it('a number in a column that is no VLAN (a topology id) is no VLAN', () => {
    const header = 'Topo ID   Producer       Next Hop(s)       Mac Address       IP Address';
    const line = '4         0/0/CPU0       Te0/0/0/28.25     249e.aba4.31b3';
    assert.deepEqual(addressSighting(line, 43, 57, header).identifiers, { mac: '24:9E:AB:A4:31:B3', localPort: 'Te0/0/0/28.25' });
  });

  it('an ARP row: the number after the MAC is an age, not a VLAN', () => {
    const line = '10.1.1.2        00e0-fc12-3456  20        D-0  GE0/0/1';
    const sighting = addressSighting(line, 16, 30);
    assert.deepEqual(sighting.identifiers, { mac: '00:E0:FC:12:34:56', ip: '10.1.1.2', localPort: 'GE0/0/1' });
    assert.equal(sighting.seenAs, 'ARP');
  });
});
