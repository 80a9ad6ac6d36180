// Signals Huawei VRP and H3C/HPE Comware share by heritage (the reference's §3.2): on their own they
// cannot tell the two apart, so each counts little and only in combination with a discriminator.
import type { Fingerprint } from './fingerprint';

export const VRP_FAMILY_SIGNALS: Fingerprint[] = [
  { regex: /^(?<anchor>#)[ \t]*$/m, weight: 1, reason: '"#" block separators', generic: true },
  { regex: /^(?<anchor>return)[ \t]*$/m, weight: 2, reason: 'config ends with "return"' },
  { regex: /^[ \t]*(?<anchor>sysname) \S/m, weight: 2, reason: '"sysname" (not "hostname")' },
  { regex: /^[ \t]*(?<anchor>undo) [a-z]/m, weight: 2, reason: '"undo" negation' },
  { regex: /^[ \t]*(?<anchor>user-interface) (?:vty|con|console|aux) ?\d/m, weight: 2, reason: '"user-interface" lines' },
  { regex: /^[ \t]*(?<anchor>info-center) (?:loghost|source|enable|timestamp)\b/m, weight: 1, reason: '"info-center" logging' },
  { regex: /^[ \t]*(?<anchor>ntp-service) /m, weight: 1, reason: '"ntp-service"' },
  { regex: /^[ \t]*(?<anchor>ip route-static) /m, weight: 1, reason: '"ip route-static"' },
  { regex: /^[ \t]*(?<anchor>snmp-agent)\b/m, weight: 1, reason: '"snmp-agent"' },
  // Prompts and command echoes: user view "<host>", system view "[host]" / "[host-GigabitEthernet0/0/1]",
  // with the verb as engineers abbreviate it ("dis cur", "disp int brief").
  { regex: /^[ \t]*(?<anchor><[\w.:/()-]+>)[ \t]*dis(?:p(?:l(?:ay?)?)?)? +[a-z]/m, weight: 3, reason: '"<host>display" prompt and echo' },
  { regex: /^[ \t]*(?<anchor>\[[\w.:()/-]+\])[ \t]*(?:dis(?:p(?:l(?:ay?)?)?)?|undo|quit|return|interface|sysname|vlan|commit) /m, gate: /\][ \t]*[dquircsv]/, weight: 2, reason: '"[host]" system-view prompt and echo' },
  { regex: /^(?<anchor><[\w.:/()-]+>)[ \t]*$/m, weight: 2, reason: 'a bare "<host>" prompt line' },
  { regex: /(?<anchor>press CTRL_C to break)/i, weight: 2, reason: '"press CTRL_C to break" (ping, long displays)' },
  { regex: /^[ \t]*(?<anchor>-{2,4} More -{2,4})/m, weight: 2, reason: '"---- More ----" pager' },
  { regex: /(?<anchor>Peers in established state) ?:/, weight: 2, reason: '"display bgp peer" summary' },
  { regex: /^[ \t]*(?<anchor>OSPF Process \d+ with Router ID) /m, weight: 3, reason: '"display ospf" output' },
  { regex: /^[ \t]*(?<anchor>Routing Tables?: Public)/m, weight: 3, reason: '"display ip routing-table" output' },
  { regex: /^[ \t]*(?<anchor>Destinations ?: \d+[ \t]+Routes ?: \d+)/m, weight: 3, reason: '"display ip routing-table" totals' },
  { regex: /(?<anchor>\[CIST Global Info\]\[Mode \w+\])/, weight: 3, reason: '"display stp" output' },
  { regex: /^[ \t]*(?<anchor>Neighbor index)[ \t]*:/m, weight: 2, reason: '"display lldp neighbor" output' },
  { regex: /^[ \t]*(?<anchor>Storage-type): ?nonVolatile/m, weight: 2, reason: '"display snmp-agent" output' },
  { regex: /(?<![\w-])(?<anchor>(?:X?GE|MEth)\d+\/\d+\/\d+)(?![\w/])/, weight: 2, reason: 'abbreviated port names (GE0/0/1, XGE1/0/1)' },
  { regex: /(?<![\da-fA-F-])[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{4}(?![\da-fA-F-])/, gate: /-[\da-fA-F]{4}-/, weight: 1, reason: 'MAC addresses written xxxx-xxxx-xxxx', generic: true },
];
