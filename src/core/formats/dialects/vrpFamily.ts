// Signals Huawei VRP and H3C/HPE Comware share by heritage (the reference's §3.2): on their own they
// cannot tell the two apart, so each counts little and only in combination with a discriminator.
import type { Fingerprint } from './fingerprint';

export const VRP_FAMILY_SIGNALS: Fingerprint[] = [
  { regex: /^(?<anchor>#)[ \t]*$/m, weight: 1, reason: '"#" block separators' },
  { regex: /^(?<anchor>return)[ \t]*$/m, weight: 2, reason: 'config ends with "return"' },
  { regex: /^[ \t]*(?<anchor>sysname) \S/m, weight: 2, reason: '"sysname" (not "hostname")' },
  { regex: /^[ \t]*(?<anchor>undo) [a-z]/m, weight: 2, reason: '"undo" negation' },
  { regex: /^[ \t]*(?<anchor>user-interface) (?:vty|con|console|aux) ?\d/m, weight: 2, reason: '"user-interface" lines' },
  { regex: /^[ \t]*(?<anchor>info-center) (?:loghost|source|enable|timestamp)\b/m, weight: 1, reason: '"info-center" logging' },
  { regex: /^[ \t]*(?<anchor>ntp-service) /m, weight: 1, reason: '"ntp-service"' },
  { regex: /^[ \t]*(?<anchor>ip route-static) /m, weight: 1, reason: '"ip route-static"' },
  { regex: /^[ \t]*(?<anchor>snmp-agent)\b/m, weight: 1, reason: '"snmp-agent"' },
  { regex: /^(?<anchor><[\w.-]+>)[ \t]*(?:display|dis) /m, weight: 2, reason: '"<host>display" prompt' },
  { regex: /(?<![\da-fA-F-])[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{4}(?![\da-fA-F-])/, gate: /-[\da-fA-F]{4}-/, weight: 1, reason: 'MAC addresses written xxxx-xxxx-xxxx' },
];
