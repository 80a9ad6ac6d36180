// Fortinet FortiOS (FortiGate) configuration files and backups (reference §3.4).
import type { DialectSpec } from './fingerprint';

export const fortinetFortios: DialectSpec = {
  id: 'fortinet-fortios',
  label: 'Fortinet FortiOS',
  commentPrefix: '#',
  fingerprints: [
    { regex: /^(?<anchor>#config-version=)\w/m, weight: 12, reason: '"#config-version=" header' },
    { regex: /^(?<anchor>!RANCID-CONTENT-TYPE: fortigate)[ \t]*$/m, weight: 12, reason: 'RANCID content type "fortigate"' },
    { regex: /^# Version: (?<anchor>Forti(?:Gate|WiFi|OS)\S*)/m, weight: 9, reason: '"# Version: FortiGate…" header' },
    { regex: /^(?<anchor>config system global)[ \t]*$/m, weight: 8, reason: '"config system global"' },
    { regex: /^(?<anchor>#buildno=)\d/m, weight: 6, reason: '"#buildno=" header' },
    { regex: /^(?<anchor>#global_vdom=)\d/m, weight: 6, reason: '"#global_vdom=" header' },
    { regex: /^(?<anchor>config (?:system|firewall|router|vpn|user|log|wireless-controller|switch-controller|webfilter|antivirus|ips|application|dnsfilter)) \S/m, weight: 4, reason: '"config <section>" blocks' },
    { regex: /^[ \t]+(?<anchor>edit) (?:\d+|"[^"\n]*")[ \t]*$/m, weight: 4, reason: '"edit" entries' },
    { regex: /^[ \t]+(?<anchor>next)[ \t]*$/m, weight: 3, reason: '"next" closing an entry' },
    { regex: /^[ \t]+(?<anchor>set) [\w-]+ /m, weight: 1, reason: 'indented "set" lines' },
    { regex: /^(?<anchor>end)[ \t]*$/m, weight: 1, reason: 'blocks ended by "end"' },
  ],
};
