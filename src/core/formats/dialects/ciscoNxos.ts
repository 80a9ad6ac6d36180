// Cisco NX-OS running configs and backups (reference §3.4).
import type { DialectSpec } from './fingerprint';

export const ciscoNxos: DialectSpec = {
  id: 'cisco-nxos',
  label: 'Cisco NX-OS',
  commentPrefix: '!',
  fingerprints: [
    { regex: /^(?:! )?(?<anchor>Cisco Nexus Operating System)/m, weight: 12, reason: 'NX-OS version banner' },
    { regex: /^(?<anchor>!RANCID-CONTENT-TYPE: cisco-nx)[ \t]*$/m, weight: 12, reason: 'RANCID content type "cisco-nx"' },
    { regex: /^(?<anchor>vdc \S+ id \d+)/m, weight: 9, reason: '"vdc … id 1"' },
    { regex: /^(?<anchor>version \d+\.\d+\(\d+\)\S*)/m, weight: 7, reason: 'NX-OS "version 9.3(3)" line' },
    { regex: /^(?<anchor>feature) [\w-]+[ \t]*$/m, weight: 7, reason: '"feature …" lines' },
    { regex: /^[ \t]*(?<anchor>limit-resource) /m, weight: 6, reason: '"limit-resource"' },
    { regex: /^(?<anchor>cfs (?:eth|ipv4) distribute)/m, weight: 5, reason: '"cfs eth distribute"' },
    { regex: /^[ \t]*(?<anchor>vpc domain) \d/m, weight: 5, reason: '"vpc domain"' },
    { regex: /(?<anchor>Bios:version)/, weight: 4, reason: '"Bios:version"' },
    { regex: /^(?<anchor>!Command: show running-config)/m, weight: 4, reason: '"!Command: show running-config"' },
    { regex: /^(?<anchor>!Time:) /m, weight: 4, reason: '"!Time:" header' },
    { regex: /(?<![\w-])(?<anchor>N[3579]K-C\w+|Nexus ?\d{4})/, weight: 4, reason: 'Nexus model name' },
    { regex: /^(?<anchor>logging level) [a-z][\w-]* \d/m, weight: 3, reason: '"logging level <facility> <n>"' },
    { regex: /^(?<anchor>line (?:vty|console))[ \t]*$/m, weight: 2, reason: '"line vty" without numbers' },
    { regex: /^[ \t]*interface (?<anchor>Ethernet\d+\/\d+)/m, weight: 2, reason: 'Ethernet1/1 interface names' },
    { regex: /^(?<anchor>hostname) \S/m, weight: 1, reason: '"hostname"' },
    { regex: /^(?<anchor>!)[ \t]*$/m, weight: 1, reason: '"!" separators' },
  ],
};
