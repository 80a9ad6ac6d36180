// H3C / HPE Comware configs and `display` captures (reference §3.2): VRP's look-alike.
import type { DialectSpec } from './fingerprint';
import { VRP_FAMILY_SIGNALS } from './vrpFamily';

export const h3cComware: DialectSpec = {
  id: 'h3c-comware',
  label: 'H3C/HPE Comware',
  commentPrefix: '#',
  fingerprints: [
    { regex: /(?<anchor>Comware (?:Platform )?Software)/i, weight: 12, reason: '"Comware Software" version banner' },
    { regex: /^[ \t]*(?<anchor>version \d+\.\d+\.\d+, (?:Release|ESS|Feature) \w+)/m, weight: 10, reason: 'Comware "version 7.1.045, Release 2418P06" header' },
    { regex: /(?<![\w-])(?<anchor>Vlan-interface\d+)/, weight: 9, reason: 'Vlan-interface (VRP says Vlanif)' },
    { regex: /(?<![\w-])(?<anchor>(?:Bridge|Route)-Aggregation\d+)/, weight: 9, reason: 'Bridge-/Route-Aggregation (VRP says Eth-Trunk)' },
    { regex: /^[ \t]*(?<anchor>irf(?:-port \d|[ \t]+(?:member|domain|mac-address|auto-update|mode|link-delay)))/m, weight: 9, reason: 'IRF stacking commands' },
    { regex: /^LLDP (?<anchor>neighbor-information of port) \d+\[/m, weight: 9, reason: 'Comware LLDP output ("neighbor-information of port")' },
    { regex: /(?<![\w-])(?<anchor>Ten-GigabitEthernet\d+\/\d+)/, weight: 7, reason: 'Ten-GigabitEthernet port names' },
    { regex: /(?<![\w-])(?<anchor>M-GigabitEthernet\d+\/\d+)/, weight: 5, reason: 'M-GigabitEthernet management port' },
    { regex: /(?<![\w-])(?<anchor>(?:FortyGigE|HundredGigE|TwentyFiveGigE)\d+\/\d+\/\d+)(?!\/)/, weight: 3, reason: 'FortyGigE/HundredGigE port names' },
    { regex: /^[ \t]*(?<anchor>port link-mode) (?:bridge|route)\b/m, weight: 7, reason: '"port link-mode bridge|route"' },
    { regex: /^[ \t]*(?<anchor>port trunk permit vlan) /m, weight: 5, reason: '"port trunk permit vlan" (VRP says "allow-pass")' },
    { regex: /^[ \t]*(?<anchor>port access vlan) \d/m, weight: 3, reason: '"port access vlan"' },
    { regex: /^[ \t]*(?<anchor>undo copyright-info enable)/m, weight: 5, reason: '"undo copyright-info enable"' },
    { regex: /^[ \t]*(?<anchor>system-working-mode) /m, weight: 4, reason: '"system-working-mode"' },
    { regex: /^[ \t]*(?<anchor>password-recovery enable)/m, weight: 4, reason: '"password-recovery enable"' },
    { regex: /^[ \t]*(?<anchor>authorization-attribute user-role) /m, weight: 6, reason: '"authorization-attribute user-role"' },
    { regex: /^[ \t]*local-user \S+ (?<anchor>class (?:manage|network))\b/m, weight: 5, reason: '"local-user … class manage"' },
    { regex: /(?<anchor>password hash \$h\$)/, weight: 6, reason: 'Comware password hash "$h$"' },
    { regex: /^[ \t]*(?<anchor>acl (?:basic|advanced|mac) (?:name \S+|\d+))/m, weight: 4, reason: 'Comware 7 "acl basic|advanced"' },
    { regex: /^[ \t]*(?<anchor>dhcp server ip-pool) /m, weight: 4, reason: '"dhcp server ip-pool"' },
    { regex: /^[ \t]*(?<anchor>expired day) \d/m, weight: 3, reason: 'DHCP pool "expired day"' },
    { regex: /(?<anchor>ACL's step is)/, weight: 6, reason: '"display acl" output ("ACL\'s step is")' },
    { regex: /^[ \t]*(?<anchor>(?:DEVICE_NAME|DEVICE_SERIAL_NUMBER|MANUFACTURING_DATE))[ \t]+:/m, weight: 7, reason: '"display device manuinfo" output' },
    { regex: /^[ \t]*VENDOR_NAME[ \t]+:[ \t]*(?<anchor>H3C|HPE?|New H3C)\b/m, weight: 5, reason: 'manuinfo VENDOR_NAME' },
    { regex: /^(?<anchor>Current state: )(?:UP|DOWN|Administratively)/m, weight: 5, reason: '"display interface" output ("Current state: UP")' },
    { regex: /^(?<anchor>Line protocol state: )(?:UP|DOWN)/m, weight: 5, reason: '"Line protocol state:"' },
    { regex: /(?<![A-Za-z])(?<anchor>H3C|HPE|HP)(?![A-Za-z])/, weight: 3, reason: 'H3C/HPE named alongside VRP-family syntax', corroborates: true },
    ...VRP_FAMILY_SIGNALS,
  ],
};
