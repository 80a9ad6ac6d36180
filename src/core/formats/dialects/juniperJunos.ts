// Juniper Junos configs in brace style and `display set` style (reference §3.4).
import type { DialectSpec } from './fingerprint';

const TOP_LEVEL = '(?:system|interfaces|protocols|routing-options|policy-options|security|firewall|chassis|snmp|vlans|routing-instances|class-of-service|forwarding-options|groups|services|applications)';

export const juniperJunos: DialectSpec = {
  id: 'juniper-junos',
  label: 'Juniper Junos',
  commentPrefix: '#',
  fingerprints: [
    { regex: /^(?<anchor>## Last commit: )/m, weight: 10, reason: '"## Last commit:" header' },
    { regex: /^(?<anchor>!RANCID-CONTENT-TYPE: juniper)[ \t]*$/m, weight: 12, reason: 'RANCID content type "juniper"' },
    { regex: /^#? ?(?<anchor>JUNOS (?:Software Release|OS|Base OS))/m, weight: 10, reason: 'Junos version banner' },
    { regex: /^[ \t]*(?<anchor>version \d+\.\d+[A-Z]\d[\w.-]*);[ \t]*$/m, weight: 9, reason: 'brace-style "version 22.4R3;"' },
    { regex: /^(?<anchor>set version \d+\.\d+[A-Z]\d)/m, weight: 9, reason: 'set-style "set version 18.2R1"' },
    { regex: /^(?<anchor>set interfaces \S+ unit \d+)/m, weight: 7, reason: '"set interfaces … unit N"' },
    { regex: /^(?<anchor>set system host-name) /m, weight: 7, reason: '"set system host-name"' },
    { regex: new RegExp(`^(?<anchor>${TOP_LEVEL} \\{)[ \\t]*$`, 'm'), weight: 7, reason: 'top-level stanza such as "system {"' },
    { regex: /^[ \t]+(?<anchor>host-name) \S+;[ \t]*$/m, weight: 5, reason: '"host-name …;"' },
    { regex: /(?<anchor>## SECRET-DATA)[ \t]*$/m, weight: 5, reason: '"## SECRET-DATA" marker' },
    { regex: /^# (?<anchor>Junos): \d/m, weight: 5, reason: '"# Junos:" backup header' },
    { regex: new RegExp(`^(?<anchor>(?:set|deactivate|delete) ${TOP_LEVEL}) `, 'm'), weight: 4, reason: 'set-style statements' },
    { regex: /^[ \t]*(?<anchor>inactive:) /m, weight: 4, reason: '"inactive:" marker' },
    { regex: /(?<![\w-])(?<anchor>(?:ge|xe|et|fe)-\d+\/\d+\/\d+)/, weight: 4, reason: 'Junos port names (ge-0/0/0)' },
    { regex: /^[ \t]*(?<anchor>(?:family inet6?|unit \d+) \{)/m, weight: 4, reason: '"unit N {" / "family inet {"' },
    { regex: /^[ \t]+[\w-]+(?: [^;{}\n]+)?(?<anchor>;)[ \t]*$/m, weight: 1, reason: 'statements ending in ";"' },
    { regex: /^[ \t]*(?<anchor>\})[ \t]*$/m, weight: 1, reason: 'closing braces' },
  ],
};
