// Captures round 6: "display" outputs of VRP8 (module information, MPLS TE and LDP tables, the verbose
// route, BFD, DHCP, Eth-Trunk), VRP's DHCP-pool and sub-interface syntax, and the EchoLife ONT's
// "display sysinfo"; with the Comware, IOS and Junos lookalikes that must not be claimed for Huawei.
// Every text is written here from the platforms' grammar; none is copied from a capture or a corpus.
import { strict as assert } from 'node:assert';
import { detectDialect, explainDialect } from '../../src/core/formats/dialects/detect';

const lines = (...text: string[]) => text.join('\n') + '\n';

const OUTPUTS: [dialect: string, what: string, text: string][] = [
  ['huawei-vrp', 'display module-information verbose', lines(
    '                       Module Information',
    '------------------------------------------------------------------',
    'Module          Version        InstallTime              PackageName',
    '------------------------------------------------------------------',
    'nqa-plus        1.2.0          2025-03-04 08:10:11      nqa-plus.MOD',
    'Total = 1',
  )],
  ['huawei-vrp', 'display module-information verbose (board part only)', lines(
    'SlotID/CpuID    ProcName          Type   FileName      EffectiveTime            Module',
    '3/0             swm_daemon        C      M1200.mod     2025-03-04 08:10:02.115  nqa-plus',
    'Total = 1',
  )],
  ['huawei-vrp', 'display mpls te tunnel', lines(
    '* means the LSP is detour LSP',
    '-------------------------------------------------------------------------------',
    'Ingress LsrId   Destination     LSPID In/OutLabel     R Tunnel-name',
    '-------------------------------------------------------------------------------',
    '10.0.0.1        10.0.0.7        3     -/4102          I Tunnel20',
    '-------------------------------------------------------------------------------',
    'R: Role, I: Ingress, T: Transit, E: Egress',
  )],
  ['huawei-vrp', 'display mpls ldp lsp', lines(
    ' LDP LSP Information',
    ' ---------------------------------------------------------------------------',
    ' DestAddress/Mask   In/OutLabel    UpstreamPeer    NextHop         OutInterface',
    ' ---------------------------------------------------------------------------',
    ' 10.0.0.7/32        NULL/3         -               10.7.1.2        GE0/2/1',
  )],
  ['huawei-vrp', 'display mpls ldp session', lines(
    ' LDP Session(s) in Public Network',
    ' Codes: LAM(Label Advertisement Mode), SsnAge Unit(DDDD:HH:MM)',
    ' ---------------------------------------------------------------------',
    ' PeerID             Status      LAM  SsnRole  SsnAge      KASent/Rcv',
    ' 10.0.0.7:0         Operational DU   Active   0002:11:40  8123/8123',
  )],
  ['huawei-vrp', 'display ip routing-table verbose', lines(
    'Destination: 198.51.100.0/24',
    '     Protocol: Static          Process ID: 0',
    '   Preference: 60                    Cost: 0',
    '      NextHop: 10.7.1.2        Neighbour: 0.0.0.0',
    '        Label: NULL               QoSInfo: 0x0',
    '   IndirectID: 0x1000042',
    ' RelayNextHop: 0.0.0.0          Interface: GE0/2/1',
  )],
  ['huawei-vrp', 'display ipv6 routing-table', lines(
    'Routing Table : _public_',
    '         Destinations : 2        Routes : 2',
    '',
    'Destination  : 2001:DB8:7::                            PrefixLength : 64',
    'NextHop      : FE80::1                                 Preference   : 60',
    'RelayNextHop : ::                                      TunnelID     : 0x0',
  )],
  ['huawei-vrp', 'display bfd session all', lines(
    '(w): State in WTR',
    '(*): State is invalid',
    '--------------------------------------------------------------------------------',
    'Local      Remote     PeerIpAddr      State     Type        InterfaceName',
    '--------------------------------------------------------------------------------',
    '8192       8193       10.7.1.2        Up        S_IP_IF     GE0/2/1',
    '     Total UP/DOWN Session Number : 1/0',
  )],
  ['huawei-vrp', 'display dhcp configuration', lines(
    ' DHCP global running information :',
    ' DHCPv4                                      : Enable',
    ' DHCP anti-attack check udp-checksum         : Enable   (default)',
  )],
  ['huawei-vrp', 'DHCP pool configuration excerpt', lines(
    'ip pool staff-4th-floor',
    ' gateway-list 10.40.4.1',
    ' network 10.40.4.0 mask 255.255.255.0',
    ' excluded-ip-address 10.40.4.2 10.40.4.20',
    ' lease day 2 hour 0 minute 0',
    ' dns-list 10.40.0.53',
  )],
  ['huawei-vrp', 'sub-interface excerpt', lines(
    'interface GigabitEthernet0/0/2.30',
    ' dot1q termination vid 30',
    ' ip address 10.30.0.1 255.255.255.0',
    ' arp broadcast enable',
  )],
  ['huawei-vrp', 'hybrid port excerpt', lines(
    'interface GigabitEthernet0/0/7',
    ' port link-type hybrid',
    ' port hybrid pvid vlan 40',
    ' port hybrid untagged vlan 40',
    ' port hybrid tagged vlan 200',
  )],
  ['huawei-vrp', 'display eth-trunk (from its "Local:" part)', lines(
    'Local:',
    'LAG ID: 3                   WorkingMode: STATIC',
    'Preempt Delay: Disabled     Hash arithmetic: According to SIP-XOR-DIP',
    'Operate status: up          Number Of Up Port In Trunk: 2',
    'ActorPortName          Status   PortType PortPri PortNo PortKey PortState Weight',
    'GE0/0/21               Selected 1GE      32768   22     561     10111100  1',
  )],
  ['huawei-vrp', 'display ip pool', lines(
    '  Pool-name      : staff',
    '  Pool-No        : 2',
    '  Lease          : 2 Days 0 Hours 0 Minutes',
    '  NBNS-server0   : -',
    '  Position       : Local           Status           : Unlocked',
    '  Gateway-0      : 10.40.4.1',
    ' ---------------------------------------------------------------------',
    '         Start           End     Total  Used  Idle(Expired)  Conflict  Disable',
    '       10.40.4.1    10.40.4.254   253    17        230(0)         0        6',
  )],
  ['huawei-vrp', 'display vxlan tunnel', lines(
    'Number of vxlan tunnel : 1',
    'Tunnel ID   Source                Destination           State  Type     Uptime',
    '-----------------------------------------------------------------------------',
    '4026531850  10.255.0.3            10.255.0.9            up     dynamic  0012h40m',
  )],
  ['zte-zxros', 'ZXR10 show vlan', lines(
    'VLAN  Name         PvidPorts           UntagPorts          TagPorts',
    '--------------------------------------------------------------------------------',
    '1     VLAN0001',
    '120   ipran-mgmt',
  )],
  ['huawei-echolife', 'display sysinfo', lines(
    '*************** system infomation ***************',
    'CpuUsed  = 9 Percent(s)',
    'MemUsed  = 55 Percent(s)',
    '*************************************************',
  )],
  ['huawei-echolife', 'display deviceInfo', lines(
    'ManufacturerOUI  = 00259E',
    'ModelName        = HG8546M',
    'Description      = EchoLife HG8546M GPON Terminal (CLASS B+)',
  )],
];

describe('captures round 6: Huawei (and one ZXR10) outputs without a prompt', () => {
  for (const [dialect, what, text] of OUTPUTS) {
    it(`recognises ${dialect} "${what}"`, () => {
      const d = detectDialect(text);
      assert.equal(d.id, dialect, explainDialect(text).join(' | '));
      assert.ok(d.anchor && d.anchor.end > d.anchor.start, 'the finding has a place');
    });
  }
});

const LOOKALIKES: [maker: string, what: string, text: string, expected?: string][] = [
  ['H3C Comware', 'display bfd session', lines(
    ' Total Session Num: 1     Up Session Num: 1     Init Mode: Active',
    ' IPv4 session working in control packet mode:',
    ' LD/RD            SourceAddr      DestAddr        State  Holdtime    Interface',
    ' 513/513          10.7.1.1        10.7.1.2        Up     2297ms      GE1/0/1',
  ), 'h3c-comware'],
  ['H3C Comware', 'sub-interface and hybrid port', lines(
    'interface GigabitEthernet1/0/2.30',
    ' vlan-type dot1q vid 30',
    ' ip address 10.30.0.1 255.255.255.0',
    'interface GigabitEthernet1/0/7',
    ' port link-type hybrid',
    ' port hybrid vlan 40 untagged',
    ' port hybrid vlan 200 tagged',
  ), 'h3c-comware'],
  ['H3C Comware', 'DHCP pool', lines(
    'dhcp server ip-pool staff',
    ' gateway-list 10.40.4.1',
    ' network 10.40.4.0 mask 255.255.255.0',
    ' expired day 2',
  ), 'h3c-comware'],
  ['H3C Comware', 'display ip routing-table verbose', lines(
    'Destination: 198.51.100.0/24',
    '   Protocol: Static',
    ' Preference: 60',
    '    NextHop: 10.7.1.2',
    'RealNextHop: 10.7.1.2',
    '  Interface: GigabitEthernet1/0/1',
  )],
  ['Cisco IOS', 'DHCP pool', lines(
    'ip dhcp excluded-address 10.40.4.1 10.40.4.20',
    'ip dhcp pool staff',
    ' network 10.40.4.0 255.255.255.0',
    ' default-router 10.40.4.1',
    ' lease 2 0 0',
  )],
  ['Cisco IOS', 'show mpls ldp neighbor', lines(
    '    Peer LDP Ident: 10.0.0.7:0; Local LDP Ident 10.0.0.1:0',
    '        TCP connection: 10.0.0.7.646 - 10.0.0.1.25102',
    '        State: Oper; Msgs sent/rcvd: 812/811; Downstream',
  )],
  ['Juniper Junos', 'show mpls lsp', lines(
    'Ingress LSP: 1 sessions',
    'To              From            State Rt P     ActivePath       LSPname',
    '10.0.0.7        10.0.0.1        Up     0 *                      to-pe7',
  )],
  ['H3C Comware', 'display vxlan tunnel', lines(
    'Total number of VXLANs: 1',
    'VXLAN ID: 10, VSI name: vsi10, Total tunnels: 1 (1 up, 0 down, 0 defect, 0 blocked)',
    'Tunnel name          Link ID    State  Type      Flood proxy',
    'Tunnel1              0x5000001  UP     Manual    Disabled',
  )],
  ['Arista EOS', 'a platform FEC summary line', lines(
    '  Number of vxlan tunnels configured: 0',
  )],
  ['Cisco IOS', 'show vlan brief', lines(
    'VLAN Name                             Status    Ports',
    '---- -------------------------------- --------- -------------------------------',
    '1    default                          active    Gi0/1, Gi0/2',
  )],
  ['an ONT of another maker', 'a "system information" banner and CPU usage', lines(
    '*************** system information ***************',
    'CpuUsed: 9%',
    'MemUsed: 55%',
  )],
];

describe('captures round 6: lookalikes are not claimed for Huawei or ZTE', () => {
  for (const [maker, what, text, expected] of LOOKALIKES) {
    it(`${maker} "${what}"`, () => {
      const d = detectDialect(text);
      assert.ok(!d.id.startsWith('huawei-') && d.id !== 'zte-zxros', `${d.id}: ${explainDialect(text).join(' | ')}`);
      if (expected) assert.equal(d.id, expected, explainDialect(text).join(' | '));
    });
  }

  it('the port and pool syntax both makers write alike decides nothing on its own', () => {
    const shared = lines(' port link-type trunk', ' port trunk pvid vlan 99', ' gateway-list 10.40.4.1');
    assert.equal(detectDialect(shared).id, 'unknown', explainDialect(shared).join(' | '));
  });
});
