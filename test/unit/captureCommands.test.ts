// Round 2 of issue 15: single-table outputs pasted without a prompt, one per command family, with the
// lookalikes that must not be claimed. Every text is written here from the platforms' grammar (column
// headers, field labels, legends, units); none is copied from a corpus or a test fixture.
import { strict as assert } from 'node:assert';
import { detectDialect, explainDialect } from '../../src/core/formats/dialects/detect';

const lines = (...text: string[]) => text.join('\n') + '\n';

const OUTPUTS: [dialect: string, command: string, text: string][] = [
  // Huawei VRP: service status, files, environment, VPN instances, routing, cable test.
  ['huawei-vrp', 'dir', lines('Directory of cfcard:/', '', '  Idx  Attr     Size(Byte)  Date        Time       FileName', '    0  -rw-        120,311  Mar 03 2025 10:00:00   vrpcfg.zip', '', '1,000,000 KB total (500,000 KB free)')],
  ['huawei-vrp', 'display http server', lines('  HTTP Server Status              : enabled', '  HTTP Server Port                : 80(80)', '  HTTP Secure-server Status       : enabled')],
  ['huawei-vrp', 'display telnet server status', lines(' TELNET IPv4 server                       :Enable', ' TELNET IPv6 server                       :Disable', ' TELNET server port                       :23')],
  ['huawei-vrp', 'display ntp status', lines(' clock status: unsynchronized', ' clock stratum: 16', ' nominal frequency: 64.0000 Hz', ' synchronization state: clock not synchronized')],
  ['huawei-vrp', 'display device temperature', lines('  Base-Board, Unit: celsius, Slot 3, Fru 0', 'BoardType  SensorID  SensorName  Status  Minor  Major  Fatal  Temp', 'LSW1       1         TEMP1       Normal  60     70     80     35')],
  ['huawei-vrp', 'display ip vpn-instance', lines(' Total VPN-Instances configured      : 2', ' Total IPv4 VPN-Instances configured : 2', '  VPN-Instance Name    RD          Address-family', '  mgmt                 65000:1     IPv4')],
  ['huawei-vrp', 'display ip routing-table protocol static', lines('Public routing table : Static', '         Destinations : 1        Routes : 1        Configured Routes : 1', 'Static routing table status : <Active>')],
  ['huawei-vrp', 'virtual-cable-test', lines('Pair A length: 12meter(s)', 'Pair B length: 12meter(s)', 'Pair A state: Ok', 'Info: The test result is only for reference.')],
  ['huawei-vrp', 'display route-policy', lines('Route-policy : to-isp', '  permit : 10 (matched counts: 4)', '    Match clauses :')],
  // Huawei SmartAX OLT tables and command results.
  ['huawei-smartax', 'display mem', lines('  Memory occupancy: 41%')],
  ['huawei-smartax', 'display sysuptime', lines('  System up time: 3 day 4 hour 10 minute 2 second')],
  ['huawei-smartax', 'display ont optical-info', lines('  ONT  Rx power  Tx power  OLT Rx ONT  Temperature  Voltage', '  ID   (dBm)     (dBm)     power(dBm)  (C)          (V)', '    3  -21.10    2.05      -23.40      45           3.300')],
  ['huawei-smartax', 'display ont port state', lines('  ONT-ID   ONT      ONT       Speed(Mbps)   Duplex   LinkState', '       4         1         GE 100           full     up')],
  ['huawei-smartax', 'display location', lines('   SRV-P BUNDLE TYPE MAC            MAC TYPE F /S /P', '      12     -  gpon 00e0-fc01-0203 dynamic  0 /2 /1', '  Note: F--Frame, S--Slot, P--Port,')],
  ['huawei-smartax', 'display sysman service state', lines('  ----------------------------------------------', '  Network service              Port        State', '  ----------------------------------------------', '  ssh                          22          enable', '  snmp                         161         enable')],
  ['huawei-smartax', 'ont add result', lines('  Number of ONTs that can be added: 1, success: 1', '  PortID :3, ONTID :7')],
  ['huawei-smartax', 'display ont autofind', lines('   Number              : 2', '   Ont SN              : 48575443ABCDEF01 (HWTC-ABCDEF01)', '   VendorID            : HWTC', '   Ont EquipmentID     : HG8010H')],
  // ZTE ZXA10 OLT and ZXR10.
  ['zte-zxros', 'show card', lines('Rack Shelf Slot CfgType RealType Port  HardVer SoftVer         Status', '1    1     3    GTGO    GTGO     8     V1.0    V2.1.0          INSERVICE')],
  ['zte-zxros', 'show processor', lines('         M/S  CPU(5s)  CPU(30s)  CPU(2m)  PhyMem(MB)  FreeMem(MB)  Mem(%)', 'MP(1/1)  M    12%      11%       11%      2048        1024         50%')],
  ['zte-zxros', 'show gpon onu detail-info', lines('Name:                  cust-17', 'Phase state:           working', 'Config state:          success', 'Serial number:         ZTEGC1A2B3C4')],
  // Comware.
  ['h3c-comware', 'display device (Comware 5)', lines('Slot No.  Brd Type        Brd Status   Subslot Num    Sft Ver', '0         WX3024E         Normal       0              R2509P10')],
  ['h3c-comware', 'display transceiver diagnosis', lines('GigabitEthernet1/0/49 transceiver diagnostic information:', '  Current diagnostic parameters:', '    Temp.(°C) Voltage(V)  Bias(mA)  RX power(dBm)  TX power(dBm)')],
  ['h3c-comware', 'display route-policy', lines('Route-policy: to-isp', '  Permit : 10', '         if-match ip address prefix-list pl1')],
  // Cisco IOS, NX-OS, IOS XR, EOS, Junos, RouterOS, FortiOS.
  ['cisco-ios', 'show standby brief', lines('                     P indicates configured to preempt.', 'Interface   Grp  Pri P State   Active          Standby         Virtual IP', 'Vl20        2    110 P Active  local           10.2.0.3        10.2.0.1')],
  ['cisco-ios', 'show etherchannel summary', lines('Flags:  D - down        P - bundled in port-channel', 'Number of channel-groups in use: 2', 'Number of aggregators:           2')],
  ['cisco-ios', 'show dmvpn', lines('Legend: Attrb --> S - Static, D - Dynamic, I - Incomplete', 'Interface: Tunnel10, IPv4 NHRP Details')],
  ['cisco-ios', 'show access-lists', lines('Extended IP access list MGMT', '    10 permit tcp 10.0.0.0 0.0.0.255 any eq 22 (12 matches)', 'Standard IP access list 5')],
  ['cisco-ios', 'show isdn status', lines('Global ISDN Switchtype = basic-net3', 'ISDN BRI0 interface', '        dsl 0, interface ISDN Switchtype = basic-net3')],
  ['cisco-nxos', 'show feature', lines('Feature Name          Instance  State', '--------------------  --------  --------', 'lacp                   1          enabled')],
  ['cisco-nxos', 'show ip bgp', lines('BGP routing table information for VRF default, address family IPv4 Unicast', 'Status: s-suppressed, x-deleted, S-stale, d-dampened, h-history, *-valid, >-best')],
  ['cisco-iosxr', 'show configuration commit list', lines('SNo. Label/ID              User      Line                Client      Time Stamp', '~~~~ ~~~~~~~~              ~~~~      ~~~~                ~~~~~~      ~~~~~~~~~~', '1    1000000021            netops    vty0:node0_RSP0_CPU0 CLI         Mon Mar  3 10:00:00 2025')],
  ['arista-eos', 'show ip interface brief', lines('Interface         IP Address        Status     Protocol         MTU', 'Ethernet1         10.1.1.1/31       up         up              9214', 'Vlan20            unassigned        up         lowerlayerdown  1500')],
  ['arista-eos', 'show isis neighbors', lines('Instance  VRF      System Id        Type Interface          SNPA              State Hold time', 'core      default  spine1           L2   Ethernet1          P2P               UP    28')],
  ['juniper-junos', 'show chassis alarms', lines('1 alarms currently active', 'Alarm time               Class  Description', '2025-03-03 10:00:00 UTC  Minor  PEM 1 Not Present')],
  ['juniper-junos', 'show chassis cluster status', lines('Monitor Failure codes:', '    CS  Cold Sync monitoring        FL  Fabric Connection monitoring', 'Redundancy group: 0 , Failover count: 1')],
  ['mikrotik-routeros', 'ping', lines('  SEQ HOST                                     SIZE TTL TIME  STATUS', '    0 10.0.0.1                                   56  64 1ms', '    sent=1 received=1 packet-loss=0% min-rtt=1ms avg-rtt=1ms max-rtt=1ms')],
  ['fortinet-fortios', 'get router info bgp summary', lines('BGP router identifier 10.0.0.1, local AS number 65010', 'BGP table version is 3', '2 BGP AS-PATH entries', '0 BGP community entries')],
  ['fortinet-fortios', 'execute date', lines('current date is: 2025-03-03')],
];

describe('captures round 2: single-table outputs without a prompt', () => {
  for (const [dialect, command, text] of OUTPUTS) {
    it(`recognises ${dialect} "${command}"`, () => {
      const d = detectDialect(text);
      assert.equal(d.id, dialect, explainDialect(text).join(' | '));
      assert.ok(d.anchor && d.anchor.end > d.anchor.start, 'the finding has a place');
    });
  }

  it('an OLT table only lookalikes could also print is claimed at low confidence; the HWTC vendor id raises it', () => {
    assert.equal(detectDialect(lines('  Memory occupancy: 41%')).confidence, 'low');
    const autofind = detectDialect(lines('   Ont SN              : 48575443ABCDEF01', '   VendorID            : HWTC', '   Ont EquipmentID     : HG8010H'));
    assert.equal(autofind.id, 'huawei-smartax');
    assert.notEqual(autofind.confidence, 'low');
  });

  it('IOS "bytes of memory" BGP summary is not FortiOS; Cisco "nominal freq is" NTP is not VRP', () => {
    const iosBgp = lines('BGP router identifier 10.0.0.1, local AS number 65010', 'BGP table version is 5, main routing table version 5', '1 BGP AS-PATH entries using 24 bytes of memory');
    assert.notEqual(detectDialect(iosBgp).id, 'fortinet-fortios', explainDialect(iosBgp).join(' | '));
    const iosNtp = lines('Clock is synchronized, stratum 3, reference is 10.0.0.1', 'nominal freq is 250.0000 Hz, actual freq is 250.0000 Hz, precision is 2**10');
    assert.notEqual(detectDialect(iosNtp).id, 'huawei-vrp');
  });
});

describe('captures round 2: lookalikes are not claimed', () => {
  const VYOS = lines(
    'interfaces {',
    '    ethernet eth0 {',
    '        address 192.0.2.10/24',
    '        description uplink',
    '    }',
    '}',
    'system {',
    '    host-name edge-gw',
    '    name-server 192.0.2.53',
    '}',
    'service {',
    '    ssh {',
    '        port 22',
    '    }',
    '}',
  );
  const VYOS_SET = lines('set interfaces ethernet eth0 address 192.0.2.10/24', 'set system host-name edge-gw', 'set service ssh port 22', 'set protocols static route 0.0.0.0/0 next-hop 192.0.2.1');
  const JUNOS = lines('system {', '    host-name edge-mx;', '}', 'interfaces {', '    ge-0/0/0 {', '        unit 0 {', '            family inet {', '                address 192.0.2.1/24;', '            }', '        }', '    }', '}');

  it('a VyOS/EdgeOS config in braces or set commands is not Junos', () => {
    assert.notEqual(detectDialect(VYOS).id, 'juniper-junos', explainDialect(VYOS).join(' | '));
    assert.notEqual(detectDialect(VYOS_SET).id, 'juniper-junos', explainDialect(VYOS_SET).join(' | '));
  });

  it('an nmap port table (PORT STATE SERVICE) is not the SmartAX service table', () => {
    const NMAP = lines('Nmap scan report for 192.0.2.7', 'PORT     STATE SERVICE', '22/tcp   open  ssh', '161/udp  open  snmp');
    assert.equal(detectDialect(NMAP).id, 'unknown', explainDialect(NMAP).join(' | '));
  });

  it('a Junos config in braces is still Junos', () => {
    assert.equal(detectDialect(JUNOS).id, 'juniper-junos', explainDialect(JUNOS).join(' | '));
  });

  it('a penalty is never shown as a reason', () => {
    assert.ok(!explainDialect(VYOS).join(' ').includes('VyOS'));
  });

  it('a C-Data / V-SOL style OLT printing SmartAX-like tables is never claimed with confidence', () => {
    const olt = lines('OLT(config)# show ont optical-info', '  ONT  Rx power  Tx power  OLT Rx ONT  Temperature', '  ID   (dBm)     (dBm)     power(dBm)  (C)', '    1  -20.00    2.00      -22.00      40');
    const d = detectDialect(olt);
    assert.ok(d.id !== 'huawei-smartax' || d.confidence === 'low', `${d.id} ${d.confidence}`);
  });

  it('a ZTE-like OLT table without a ZTE serial is claimed at low confidence at most', () => {
    const olt = lines('OnuIndex   Type          Mode    AuthInfo                 State', 'gpon-onu_1/1/1:1  F601   sn      SN:ABCD12345678          ready');
    const plain = lines('OnuIndex   Type          Mode    AuthInfo                 State', '1/1/1:1    F601          sn      SN:ABCD12345678          ready');
    assert.equal(detectDialect(olt).id, 'zte-zxros');
    const d = detectDialect(plain);
    assert.ok(d.id === 'unknown' || d.confidence === 'low', `${d.id} ${d.confidence}`);
  });

  it('a Cumulus/FRR "show ip bgp summary" is not FortiOS', () => {
    const frr = lines('BGP router identifier 10.0.0.1, local AS number 65001 vrf-id 0', 'BGP table version 9', 'RIB entries 17, using 3264 bytes of memory', 'Peers 2, using 41 KiB of memory');
    assert.equal(detectDialect(frr).id, 'unknown', explainDialect(frr).join(' | '));
  });
});
