// Show/display captures as engineers paste them: prompts and abbreviated command echoes, command output
// without a prompt, lookalike CLIs, and what a low-confidence claim becomes. Every text below is written
// here from the platforms' grammar (field names, prompts); none is copied from a corpus.
import { strict as assert } from 'node:assert';
import { detectDialect, DIALECTS, explainDialect, maskNeighbourText } from '../../src/core/formats/dialects/detect';
import { languageService, textDocument } from './helpers';

const lines = (...text: string[]) => text.join('\n') + '\n';

/** One capture per row: the dialect it must be recognised as, and why (the shape it exercises). */
const CAPTURES: [dialect: string, why: string, text: string][] = [
  ['huawei-vrp', 'VRP8 commit prompt with an abbreviated echo', lines('[~core-sw1]dis cur | inc sysname', ' sysname core-sw1')],
  ['huawei-vrp', '"display interface brief" legend and header, no prompt', lines('InUti/OutUti: input utility rate/output utility rate', 'Interface            PHY   Protocol  InUti OutUti   inErrors  outErrors', 'GE0/0/1              up    up           0%     0%          0          0')],
  ['huawei-vrp', '"display arp all" header, no prompt', lines('IP ADDRESS      MAC ADDRESS     EXPIRE(M) TYPE        INTERFACE   VPN-INSTANCE', '10.0.0.1        00e0-fc12-3456            I -         Vlanif10')],
  ['huawei-vrp', '"display vlan" legend', lines('U: Up;         D: Down;         TG: Tagged;         UT: Untagged;', 'VID  Type    Ports')],
  ['huawei-vrp', 'a CloudEngine card table with the "Register" column', lines('Slot  Card   Type        Online   Power Register     Status   Role', '1     -      CE6881-48S6CQ Present On    Registered   Normal   Master')],
  ['huawei-vrp', 'an OSPF table under a "<host>dis" prompt', lines('<br-01>dis ospf peer brief', '         OSPF Process 1 with Router ID 10.1.1.1', '                  Peer Statistic Information', ' Area Id          Interface                        Neighbor id      State', ' 0.0.0.0          Vlanif100                        10.1.1.2         Full')],
  ['huawei-vrp', 'a WLAN AC AP list', lines('Total AP information:', 'nor  : normal          [2]', 'ID   MAC            Name     Group    IP            Type               State STA Uptime', '0    00e0-fc00-0001 ap-1     default  10.0.0.11     AirEngine5760-10   nor   3   1D:2H')],
  ['huawei-vrp', 'the VRP log format', lines('Mar  3 2025 10:00:01 sw1 %%01SHELL/5/CMDRECORD(s)[12]:Recorded command information.')],
  ['huawei-vrp', 'a CloudEngine NETCONF reply', lines('<rpc-reply message-id="7">', '  <data>', '    <ifm xmlns="http://www.huawei.com/netconf/vrp" content-version="1.0" format-version="1.0">')],
  ['h3c-comware', 'Comware "display interface brief" heading', lines('Brief information on interfaces in route mode:', 'Link: ADM - administratively down; Stby - standby', 'Interface            Link Protocol Primary IP      Description')],
  ['h3c-comware', 'Comware "display mac-address" header', lines('MAC Address      VLAN ID    State            Port/NickName            Aging', '0011-2233-4455   10         Learned          BAGG1                    Y')],
  ['h3c-comware', 'Comware "display irf" header', lines('MemberID    Role    Priority  CPU-Mac         Description', ' *+1        Master  32        00e0-fc0f-8c02  ---')],
  ['huawei-smartax', 'SmartAX prompt and echo', lines('MA5608T(config)#display board 0', '  SlotID  BoardName  Status          SubType0 SubType1    Online/Offline')],
  ['huawei-echolife', 'an ONT "WAP>" session', lines('WAP>display version', 'main software version     = V5R020C10S115', 'success!')],
  ['zte-zxros', 'a ZTE OLT "show gpon onu state" header', lines('ZXAN#show gpon onu state gpon-olt_1/2/1', 'OnuIndex   Admin State  OMCC State  Phase State  Channel', '1/2/1:1    enable       enable      working      1(GPON)')],
  ['cisco-ios', 'IOS prompt with "sh ip int br" and the IOS header', lines('access-sw2#sh ip int br', 'Interface              IP-Address      OK? Method Status                Protocol', 'Vlan10                 10.0.0.2        YES NVRAM  up                    up')],
  ['cisco-ios', '"show ip arp" header with IOS port names', lines('Protocol  Address          Age (min)  Hardware Addr   Type   Interface', 'Internet  10.0.0.1                3   00e0.fc12.3456  ARPA   Gi1/0/1')],
  ['cisco-nxos', 'NX-OS route table heading', lines('leaf1# show ip route', 'IP Route Table for VRF "default"', "'*' denotes best ucast next-hop")],
  ['cisco-iosxr', 'the route-processor prompt', lines('RP/0/RSP0/CPU0:pe1#show bgp summary', 'Tue Apr  1 10:00:00.123 UTC')],
  ['arista-eos', 'EOS LLDP neighbours header with Et ports', lines('Port       Neighbor Device ID             Neighbor Port ID           TTL', 'Et1        spine2                         Ethernet1                  120')],
  ['juniper-junos', '"user@host> show" prompt', lines('netops@mx1> show chassis hardware | no-more', 'Hardware inventory:', 'Item             Version  Part number  Serial number     Description')],
  ['mikrotik-routeros', 'RouterOS prompt and print legend', lines('[admin@gw1] /ip address> print', 'Flags: X - disabled, I - invalid, D - dynamic', ' #   ADDRESS            NETWORK         INTERFACE')],
  ['dahua-http-api', 'a configManager.cgi getConfig answer', lines('table.General.LocalNo=2', 'table.General.MachineName=Gate-East', 'table.General.MaxOnlineTime=3600')],
  ['fortinet-fortios', 'FortiOS prompt and status output', lines('FGT60F # get system status', 'Version: FortiGate-60F v7.2.5,build1517,230606 (GA.F)', 'Virus-DB: 91.04235(2023-06-19 23:12)')],
];

describe('captures: prompts, echoes and output without a prompt', () => {
  for (const [dialect, why, text] of CAPTURES) {
    it(`recognises ${dialect}: ${why}`, () => {
      const d = detectDialect(text);
      assert.equal(d.id, dialect, explainDialect(text).join(' | '));
      assert.ok(d.anchor && d.anchor.end > d.anchor.start, 'the finding has a place');
    });
  }

  it('every dialect in the detector has at least one capture here', () => {
    const covered = new Set(CAPTURES.map(([dialect]) => dialect));
    assert.deepEqual(DIALECTS.map((d) => d.id).filter((id) => !covered.has(id)), []);
  });

  it('a prompt or table the VRP family shares decides the family only, never VRP or Comware', () => {
    assert.equal(detectDialect(lines('<sw1>display clock', '2025-03-03 10:00:00')).id, 'unknown');
    assert.equal(detectDialect(lines('[sw1]display stp brief', '-------[CIST Global Info][Mode MSTP]-------')).id, 'unknown');
  });

  it('a "host#show" prompt and a table the IOS-like CLIs share decide nothing on their own', () => {
    const shared = lines('switch#show vlan', 'VLAN Name                             Status    Ports', '1    default                          active    ');
    assert.equal(detectDialect(shared).id, 'unknown', explainDialect(shared).join(' | '));
  });

  it('reads the "Version:" of a device\'s own status output; masks it only in a neighbour listing', () => {
    const own = 'Version: FortiGate-60F v7.2.5,build1517\n';
    assert.equal(maskNeighbourText(own), own);
    const listing = 'Device ID: core1\nVersion:\nCisco IOS Software, C3750 Software\n';
    assert.ok(!maskNeighbourText(listing).includes('Cisco IOS Software'));
  });

  it('a neighbour\'s banner in a "key = value" LLDP listing is the neighbour\'s, not the capturing device\'s', () => {
    const listing = lines(
      '    Chassis 00:11:22:33:44:55, Port 1/1/1:',
      '      System Name                 = agg-sw7,',
      '      System Description          = S5720-28X-SI-AC',
      'Huawei Versatile Routing Platform Software',
      'VRP (R) software, Version 5.170 (S5720 V200R011C10SPC600)',
      'Copyright (C) 2000-2018 HUAWEI TECH Co., Ltd.,',
      '      Capabilities Supported      = Bridge Router,',
    );
    assert.equal(detectDialect(listing).id, 'unknown', explainDialect(listing).join(' | '));
    const findings = languageService().analyze(textDocument(listing)).findings;
    assert.ok(findings.some((f) => f.vendorId === 'huawei' && f.evidence.kind !== 'dialect'), 'the neighbour is still a Huawei finding');
  });

  it('generic syntax ("!", "end", three-space indents) never makes a claim on its own or with one other signal', () => {
    const lookalike = lines('!', 'ver 08.0.95', '!', 'interface ethernet 1/1/1', '   port-name uplink', '!', 'end');
    assert.equal(detectDialect(lookalike).id, 'unknown', explainDialect(lookalike).join(' | '));
  });
});

describe('captures: lookalike CLIs and low confidence', () => {
  // An OLT of another maker that copies SmartAX's commands and tables, with nothing that names Huawei.
  const lookalikeOlt = lines(
    'OLT(config)# interface gpon 0/1',
    'OLT(config-interface-gpon-0/1)# ont add 1 5 sn-auth ABCD12345678 omci ont-lineprofile-id 10',
    'OLT(config)# service-port 12 vlan 100 gpon 0/1/1 ont 5 gemport 1',
    '  F/S/P   ONT         SN         Control     Run      Config   Match',
  );

  it('claims a copied OLT CLI at low confidence at most', () => {
    const d = detectDialect(lookalikeOlt);
    assert.ok(d.id === 'unknown' || d.confidence === 'low', `${d.id} ${d.confidence}`);
  });

  it('a low-confidence finding is a "possible" information finding that says what would confirm it', () => {
    const findings = languageService().analyze(textDocument(lookalikeOlt)).findings;
    for (const f of findings.filter((f) => f.evidence.confidence === 'low')) {
      assert.equal(f.severity, 'information');
      assert.match(f.message, /^Possible .* would confirm it\)/);
    }
    const huawei = findings.filter((f) => f.vendorId === 'huawei');
    assert.ok(huawei.every((f) => f.severity === 'information'), 'never an error');
  });

  it('the same OLT naming its Huawei product is claimed with confidence, and severity follows the advisory', () => {
    const huaweiOlt = lines('MA5800-X7(config)#display version', '  PRODUCT         : MA5800-X7', lookalikeOlt);
    const d = detectDialect(huaweiOlt);
    assert.equal(d.id, 'huawei-smartax');
    assert.notEqual(d.confidence, 'low');
    const finding = languageService().analyze(textDocument(huaweiOlt)).findings.find((f) => f.evidence.kind === 'dialect');
    assert.equal(finding?.severity, 'error', 'the global profile makes Huawei an error once confidence is medium or high');
  });
});

describe('captures: several devices in one file', () => {
  const mixed = lines(
    'core1#show lldp neighbors',
    'Capability codes: (R) Router, (B) Bridge, (T) Telephone',
    'Device ID           Local Intf     Hold-time  Capability      Port ID',
    'agg-sw7             Gi1/0/1        120        B               XGE0/0/1',
    'core1#show ip arp',
    'Protocol  Address          Age (min)  Hardware Addr   Type   Interface',
    'Internet  10.0.0.1                3   00e0.fc12.3456  ARPA   Gi1/0/1',
    '',
    '<agg-sw7>display interface brief',
    'InUti/OutUti: input utility rate/output utility rate',
    'Interface            PHY   Protocol  InUti OutUti   inErrors  outErrors',
    'XGigabitEthernet0/0/1 up   up           0%     0%          0          0',
  );

  it('recognises each device\'s section and reports the dialect per section where they differ', () => {
    const d = detectDialect(mixed);
    const sections = d.sections ?? [];
    assert.deepEqual(sections.map((s) => [s.host, s.detection.id]), [['core1', 'cisco-ios'], ['agg-sw7', 'huawei-vrp']]);
    const vrp = sections[1]!;
    assert.equal(mixed.slice(vrp.start, vrp.start + 9), '<agg-sw7>');
    const anchor = vrp.detection.anchor!;
    assert.ok(anchor.start >= vrp.start && anchor.end <= vrp.end, 'the anchor is an offset in the whole text, inside the section');
  });

  it('gives the Huawei device in a Cisco engineer\'s capture file its own finding, placed in its section', () => {
    const document = textDocument(mixed);
    const findings = languageService().analyze(document).findings.filter((f) => f.vendorId === 'huawei' && f.evidence.kind === 'dialect');
    assert.equal(findings.length, 1);
    assert.ok(findings[0]!.range.start.line >= 8, `line ${findings[0]!.range.start.line}`);
    // The device is named by the host its prompts give, and its message says so.
    assert.equal(findings[0]!.subject?.identifiers.hostname, 'agg-sw7');
    assert.match(findings[0]!.message, /^This file is a capture from a Huawei VRP device \(agg-sw7\)/);
    assert.match(findings[0]!.evidence.detail, /captures of agg-sw7/);
  });

  it('a single device\'s capture, or devices of one dialect, has no sections', () => {
    assert.equal(detectDialect(lines('sw1>show version', 'sw1#show ip arp')).sections, undefined);
    assert.equal(detectDialect(lines('<a>display version', '<b>display version')).sections, undefined);
  });
});
