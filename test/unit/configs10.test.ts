// Configs round 10: the firewall grammar of Huawei's USG / HiSecEngine / Eudemon firewalls (security zones,
// address and service sets, NAT policy, HRP hot standby), typed without indentation as often as shown by
// "display current-configuration"; a WLAN AC's wlan view and CAPWAP source; a NetEngine's DCN settings; and
// the "table.<Config>.<Field>=value" dump Dahua's HTTP API answers configManager.cgi with. The lookalikes:
// Comware's zones, object groups, security policies and WLAN templates, Junos, VyOS, Aruba and Ruijie WLAN,
// Axis VAPIX parameters and code that reads a Dahua table. Every text is written here from the platforms'
// grammar; none is copied from a config or a corpus.
import { strict as assert } from 'node:assert';
import { detectDialect, explainDialect } from '../../src/core/formats/dialects/detect';
import { languageService, textDocument } from './helpers';

const lines = (...text: string[]) => text.join('\n') + '\n';

function flaggedVendors(text: string): string[] {
  return [...new Set(languageService().analyze(textDocument(text)).findings.map((f) => f.vendorId))].sort();
}

const FIREWALLS: [what: string, text: string][] = [
  ['zones and a security policy as typed in notes, no indentation', lines(
    'firewall zone trust',
    'add interface GigabitEthernet 1/0/1',
    '',
    'firewall zone untrust',
    'add interface GigabitEthernet 1/0/2',
    '',
    'security-policy',
    'rule name lan_out',
    'source-zone trust',
    'destination-zone untrust',
    'source-address 10.20.0.0 16',
    'action permit',
    '',
    'nat-policy',
    'rule name lan_nat',
    'action source-nat easy-ip',
  )],
  ['address and service sets with a named zone', lines(
    'ip address-set branch_nets type object',
    ' address 0 10.60.0.0 mask 16',
    '#',
    'ip service-set mgmt_ports type group',
    ' service service-set ssh',
    ' service service-set https',
    '#',
    'firewall zone name partners id 4',
    ' set priority 40',
    ' add interface GigabitEthernet1/0/5',
  )],
  ['HRP hot standby between two firewalls', lines(
    '#',
    ' hrp enable',
    ' hrp interface GigabitEthernet1/0/6 remote 172.31.0.2',
    ' hrp mirror session enable',
    ' hrp track interface GigabitEthernet1/0/1',
    '#',
  )],
  ['a WLAN AC excerpt with nothing but the wlan view', lines(
    'wlan',
    ' security-profile name office',
    '  security wpa2 psk pass-phrase %^%#masked%^%# aes',
    ' ssid-profile name office',
    '  ssid Office',
    ' vap-profile name office',
    '  forward-mode tunnel',
    '  service-vlan vlan-id 30',
    ' ap-group name level2',
    '  radio 0',
    '   vap-profile office wlan 1',
  )],
  ['the CAPWAP source and AP entries of an AC', lines(
    'capwap source interface Vlanif40',
    'wlan',
    ' ap-id 3 type-id 56 ap-mac 00e0-fc41-0a10',
    '  ap-name hall-3',
  )],
  ['a NetEngine router with its network-element ID and DCN settings', lines(
    '#',
    'set neid 0x2c1f07',
    '#',
    'isis 1',
    ' is-level level-2',
    '#',
    'interface GigabitEthernet0/2/0',
    ' undo shutdown',
    ' undo dcn',
    '#',
    'return',
  )],
  ['an older USG interzone NAT policy', lines(
    'nat-policy interzone trust untrust outbound',
    ' policy 5',
    '  action source-nat',
    '  policy source 10.70.0.0 0.0.255.255',
    'firewall zone dmz',
    ' set priority 50',
    ' add interface GigabitEthernet0/0/3',
  )],
];

describe('configs round 10: Huawei firewall configs that never name the maker', () => {
  for (const [what, text] of FIREWALLS) {
    it(`recognises huawei-vrp: ${what}`, () => {
      const d = detectDialect(text);
      assert.equal(d.id, 'huawei-vrp', explainDialect(text).join(' | '));
      assert.ok(d.anchor && d.anchor.end > d.anchor.start, 'the finding has a place');
      assert.deepEqual(flaggedVendors(text), ['huawei']);
    });
  }
});

const DAHUA: [what: string, text: string][] = [
  ['the General table', lines(
    'table.General.LocalNo=3',
    'table.General.LockLoginEnable=true',
    'table.General.LockLoginTimes=5',
    'table.General.MachineName=Yard-North',
  )],
  ['network and RTSP tables without the General one', lines(
    'table.Network.eth0.IPAddress=10.80.1.21',
    'table.Network.eth0.SubnetMask=255.255.255.0',
    'table.RTSP.Enable=true',
    'table.RTSP.Port=554',
  )],
  ['an indexed encode table quoted in a docstring', lines(
    '    Example response:',
    '        table.Encode[0].MainFormat[0].Video.Compression=H.265',
    '        table.Encode[0].MainFormat[0].Video.FPS=20',
    '        table.VideoInOptions[0].DayNightColor=1',
  )],
];

describe('configs round 10: Dahua HTTP API config dumps', () => {
  for (const [what, text] of DAHUA) {
    it(`recognises dahua-http-api: ${what}`, () => {
      const d = detectDialect(text);
      assert.equal(d.id, 'dahua-http-api', explainDialect(text).join(' | '));
      assert.deepEqual(flaggedVendors(text), ['dahua']);
    });
  }
});

const LOOKALIKES: [maker: string, what: string, text: string, expected?: string][] = [
  ['H3C Comware', 'security zones, object groups and a security policy', lines(
    '#',
    ' sysname FW-EDGE',
    '#',
    'security-zone name Trust',
    ' import interface GigabitEthernet1/0/1',
    '#',
    'object-group ip address branch_nets',
    ' 0 network subnet 10.60.0.0 255.255.0.0',
    '#',
    'security-policy ip',
    ' rule 0 name lan_out',
    '  action pass',
    '  source-zone Trust',
    '  destination-zone Untrust',
    '  source-ip-subnet 10.20.0.0 16',
    '#',
    ' remote-backup group',
    '#',
    'return',
  ), 'h3c-comware'],
  ['Juniper SRX', 'security zones and a policy', lines(
    'security {',
    '    zones {',
    '        security-zone trust {',
    '            interfaces {',
    '                ge-0/0/1.0;',
    '            }',
    '        }',
    '    }',
    '    policies {',
    '        from-zone trust to-zone untrust {',
    '            policy lan-out {',
    '                match {',
    '                    source-address any;',
    '                }',
    '            }',
    '        }',
    '    }',
    '}',
  ), 'juniper-junos'],
  ['VyOS', 'zone-based firewall', lines(
    'set firewall zone lan interface eth1',
    'set firewall zone wan interface eth0',
    'set firewall zone lan from wan firewall name WAN-LAN',
  )],
  ['Aruba', 'WLAN SSID profile and virtual AP', lines(
    'wlan ssid-profile "office"',
    '  essid "Office"',
    '  opmode wpa2-aes',
    'wlan virtual-ap "office-vap"',
    '  ssid-profile "office"',
    '  vlan 30',
  )],
  ['H3C Comware', 'WLAN service template and AP', lines(
    'wlan service-template 1',
    ' ssid Office',
    ' vlan 30',
    ' service-template enable',
    'wlan ap hall-3 model WA6320',
    ' radio 1',
    '  service-template 1',
  )],
  ['Ruijie', 'AC controller and WLAN config', lines(
    'ac-controller',
    ' capwap ctrl-ip 10.40.0.1',
    'wlan-config 1 Office',
    ' tunnel local',
  )],
  ['Axis', 'VAPIX param.cgi listing', lines(
    'root.Network.eth0.IPAddress=10.80.1.30',
    'root.Network.eth0.SubnetMask=255.255.255.0',
    'root.Brand.ProdShortName=P3245-V',
  )],
  ['a Python client', 'code reading a Dahua General table', lines(
    'def machine_name(resp):',
    "    return resp.get('table.General.MachineName', '')",
    'NAME_KEY = "table.General.MachineName"',
  )],
];

describe('configs round 10: lookalikes are not claimed for Huawei or Dahua', () => {
  for (const [maker, what, text, expected] of LOOKALIKES) {
    it(`${maker} "${what}"`, () => {
      const d = detectDialect(text);
      assert.equal(d.id, expected ?? 'unknown', explainDialect(text).join(' | '));
      const vendors = flaggedVendors(text);
      assert.ok(!vendors.includes('huawei') && !vendors.includes('dahua'), vendors.join(', '));
    });
  }
});
