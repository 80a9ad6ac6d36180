// MikroTik RouterOS `/export` output (reference §3.4). '#' comments and '^set' lines look like other dialects.
import type { DialectSpec } from './fingerprint';

export const mikrotikRouteros: DialectSpec = {
  id: 'mikrotik-routeros',
  label: 'MikroTik RouterOS',
  commentPrefix: '#',
  fingerprints: [
    { regex: /^#.*\b(?<anchor>by RouterOS \d)/m, weight: 12, reason: '"# … by RouterOS 7.x" export header' },
    { regex: /^(?<anchor>!RANCID-CONTENT-TYPE: mikrotik)[ \t]*$/m, weight: 12, reason: 'RANCID content type "mikrotik"' },
    { regex: /^# (?<anchor>software id) = /m, weight: 9, reason: '"# software id =" header' },
    { regex: /(?<anchor>\[ find (?:default-name|name|default|where)\b)/, weight: 8, reason: '"[ find default-name=… ]" selectors' },
    { regex: /^(?<anchor>\/(?:interface|ip|ipv6|system|routing|user|snmp|tool|queue|port|certificate|ppp|radius|caps-man))(?: |$)/m, weight: 7, reason: 'RouterOS menu paths ("/ip address")' },
    { regex: /^#[ \t]+platform: (?<anchor>MikroTik)/m, weight: 6, reason: '"platform: MikroTik"' },
    { regex: /^# (?<anchor>model) = /m, weight: 3, reason: '"# model =" header' },
    { regex: /^(?<anchor>add|set) [\w-]+=/m, weight: 3, reason: '"add key=value" commands' },
  ],
};
