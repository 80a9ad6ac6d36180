// Fortinet FortiOS (FortiGate) configuration files and backups (reference §3.4).
import type { DialectSpec } from './fingerprint';

export const fortinetFortios: DialectSpec = {
  id: 'fortinet-fortios',
  label: 'Fortinet FortiOS',
  commentPrefix: '#',
  header: [/^#config-version=/, /^#(?:conf_file_ver|buildno|global_vdom)=/],
  fingerprints: [
    { regex: /^(?<anchor>#config-version=)\w/m, weight: 12, reason: '"#config-version=" header' },
    { regex: /^(?<anchor>!RANCID-CONTENT-TYPE: fortigate)[ \t]*$/m, weight: 12, reason: 'RANCID content type "fortigate"' },
    { regex: /^# Version: (?<anchor>Forti(?:Gate|WiFi|OS)\S*)/m, weight: 9, reason: '"# Version: FortiGate…" header' },
    { regex: /^(?<anchor>config system global)[ \t]*$/m, weight: 8, reason: '"config system global"' },
    { regex: /^(?<anchor>#buildno=)\d/m, weight: 6, reason: '"#buildno=" header' },
    { regex: /^(?<anchor>#global_vdom=)\d/m, weight: 6, reason: '"#global_vdom=" header' },
    // Prompt and echo ("FGT # get system status"), and command output without a prompt.
    { regex: /^[ \t]*(?<anchor>[\w.-]+(?: \([\w.-]+\))? #)[ \t]*(?:get|show|diagnose|diag|execute|config|fnsysctl)[ \t]+[a-z]/m, weight: 5, reason: '"FGT # get" prompt and echo' },
    { regex: /^[ \t]*Version: (?<anchor>Forti(?:Gate|WiFi|OS|Switch)\S* v\d)/m, weight: 10, reason: '"get system status" ("Version: FortiGate-… v6")' },
    { regex: /^[ \t]*(?<anchor>(?:Virus-DB|IPS-DB|IPS-ETDB|APP-DB|Extended DB|Extreme DB)): \d/m, weight: 7, reason: '"get system status" signature databases' },
    { regex: /^[ \t]*(?<anchor>HA Health Status):/m, weight: 7, reason: '"get system ha status" heading' },
    { regex: /^[ \t]*(?<anchor>==[ \t]*\[[ \t]*[\w.-]+[ \t]*\])/m, weight: 6, reason: '"get system interface" entries ("== [ wan ]")' },
    { regex: /^(?<anchor>\d+U, \d+N, \d+S, \d+I)/m, weight: 7, reason: '"diagnose sys top" summary line' },
    { regex: /^[ \t]*(?<anchor>VRF \d+ neighbor table):/m, weight: 6, reason: '"get router info bgp neighbors" heading' },
    { regex: /^[ \t]*(?<anchor>IP[ \t]+MAC-Address[ \t]+Hostname[ \t]+VCI[ \t]+Expiry)/m, weight: 8, reason: '"execute dhcp lease-list" header' },
    { regex: /^[ \t]*(?<anchor>Address[ \t]+Age\(min\)[ \t]+Hardware Addr[ \t]+Interface)/m, weight: 6, reason: '"get system arp" header' },
    { regex: /(?<![\w-])(?<anchor>Forti(?:Gate|WiFi|Switch|AP)-\w+)/, weight: 4, reason: 'Fortinet model name (FortiGate-200D)' },
    { regex: /^(?<anchor>config (?:system|firewall|router|vpn|user|log|wireless-controller|switch-controller|webfilter|antivirus|ips|application|dnsfilter)) \S/m, weight: 4, reason: '"config <section>" blocks' },
    { regex: /^[ \t]+(?<anchor>edit) (?:\d+|"[^"\n]*")[ \t]*$/m, weight: 4, reason: '"edit" entries' },
    { regex: /^[ \t]+(?<anchor>next)[ \t]*$/m, weight: 3, reason: '"next" closing an entry' },
    { regex: /^[ \t]+(?<anchor>set) [\w-]+ /m, weight: 1, reason: 'indented "set" lines', generic: true },
    { regex: /^(?<anchor>end)[ \t]*$/m, weight: 1, reason: 'blocks ended by "end"', generic: true },
    { regex: /^[ \t]*(?<anchor>current (?:date|time) is): \d/m, weight: 7, reason: '"execute date" / "execute time" ("current date is: 2021-03-01")' },
    { regex: /^[ \t]*(?<anchor>last ntp sync):/m, weight: 5, reason: '"execute time" field "last ntp sync:"' },
    { regex: /^(?<anchor>\d+ BGP (?:AS-PATH|community) entries)[ \t]*$/m, weight: 7, reason: '"get router info bgp summary" line "1 BGP AS-PATH entries" (IOS adds "using … bytes of memory")' },
    { regex: /^(?<anchor>OSPF process \d+(?:, VRF \S+)?):[ \t]*$/m, weight: 5, reason: '"get router info ospf neighbor" heading ("OSPF process 0:")' },
  ],
};
