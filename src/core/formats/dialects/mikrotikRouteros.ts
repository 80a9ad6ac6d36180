// MikroTik RouterOS `/export` output (reference §3.4). '#' comments and '^set' lines look like other dialects.
import type { DialectSpec } from './fingerprint';

export const mikrotikRouteros: DialectSpec = {
  id: 'mikrotik-routeros',
  label: 'MikroTik RouterOS',
  commentPrefix: '#',
  header: [/^# \S+ \d\d:\d\d:\d\d by RouterOS /, /^# (?:software id|model|serial number) = /],
  fingerprints: [
    { regex: /^#.*\b(?<anchor>by RouterOS \d)/m, weight: 12, reason: '"# … by RouterOS 7.x" export header' },
    { regex: /^(?<anchor>!RANCID-CONTENT-TYPE: mikrotik)[ \t]*$/m, weight: 12, reason: 'RANCID content type "mikrotik"' },
    { regex: /^# (?<anchor>software id) = /m, weight: 9, reason: '"# software id =" header' },
    { regex: /(?<anchor>\[ find (?:default-name|name|default|where)\b)/, weight: 8, reason: '"[ find default-name=… ]" selectors' },
    { regex: /^(?<anchor>\/(?:interface|ip|ipv6|system|routing|user|snmp|tool|queue|port|certificate|ppp|radius|caps-man))(?: |$)/m, weight: 7, reason: 'RouterOS menu paths ("/ip address")' },
    // Prompt and echo ("[admin@router] /ip address> print"), and `print` output without a prompt.
    { regex: /^[ \t]*(?<anchor>\[[\w.-]+@[^\]\n]+\])[ \t]*(?:\/[\w /-]*)?>/m, weight: 10, reason: '"[admin@host] >" prompt' },
    { regex: /^[ \t]*(?<anchor>Flags: (?:[A-Za-z] - [\w ()-]+, )*X - disabled)/m, weight: 8, reason: '"print" legend ("Flags: X - disabled")' },
    { regex: /^[ \t]*\d+[ \t]+(?:[A-Z]{1,4}[ \t]+)?(?<anchor>;;; )/m, weight: 6, reason: '"print" comment marker ";;;"' },
    { regex: /^[ \t]*\d+[ \t]+(?:[A-Z]{1,4}[ \t]+)?(?<anchor>(?:name|mac-address|dst-address|chain|instance|interface|address|comment)=)/m, weight: 6, reason: '"print" entries "0 name=…"' },
    { regex: /^[ \t]*(?<anchor>#)[ \t]+(?:NAME|ADDRESS|DST-ADDRESS|INTERFACE|MAC-ADDRESS)[ \t]+[A-Z]/m, weight: 4, reason: '"print" table header ("# NAME …")' },
    { regex: /^[ \t]+(?<anchor>(?:build-time|free-memory|total-memory|free-hdd-space|architecture-name|cpu-count|cpu-frequency|write-sect-total|bad-blocks)):/m, weight: 6, reason: '"/system resource print" fields' },
    { regex: /^[ \t]+(?<anchor>routerboard): (?:yes|no)/m, weight: 8, reason: '"/system routerboard print" field "routerboard: yes"' },
    { regex: /^[ \t]+(?<anchor>(?:factory|current|upgrade)-firmware):/m, weight: 6, reason: '"/system routerboard print" firmware fields' },
    { regex: /(?<anchor>version: \d+\.\d+(?:\.\d+)? \((?:stable|long-term|testing|development)\))/, weight: 8, reason: 'RouterOS version with channel ("6.48.6 (long-term)")' },
    { regex: /(?<![\w-])(?<anchor>(?:ether|sfp-sfpplus|wlan)\d+)(?![\w-])/, weight: 2, reason: 'RouterOS port names (ether1, sfp-sfpplus1)' },
    { regex: /^#[ \t]+platform: (?<anchor>MikroTik)/m, weight: 6, reason: '"platform: MikroTik"' },
    { regex: /^# (?<anchor>model) = /m, weight: 3, reason: '"# model =" header' },
    { regex: /^(?<anchor>add|set) [\w-]+=/m, weight: 3, reason: '"add key=value" commands' },
    { regex: /(?<anchor>sent=\d+ received=\d+ packet-loss=\d+%)/, weight: 9, reason: '"ping" totals ("sent=4 received=4 packet-loss=0%")' },
    { regex: /^[ \t]*(?<anchor>SEQ HOST[ \t]+SIZE TTL TIME)/m, weight: 8, reason: '"ping" header ("SEQ HOST SIZE TTL TIME STATUS")' },
    { regex: /^[ \t]*(?<anchor>#[ \t]+NAME[ \t]+ADDRESSES[ \t]+SECURITY)/m, weight: 8, reason: '"/snmp community print" header ("# NAME ADDRESSES SECURITY")' },
    { regex: /^[ \t]*(?<anchor>Flags: [XD*] - (?:disabled|default|dynamic))/m, weight: 4, reason: '"print" legend ("Flags: X - disabled")' },
  ],
};
