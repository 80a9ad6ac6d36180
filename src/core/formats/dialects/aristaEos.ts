// Arista EOS running configs and backups (reference §3.4).
import type { DialectSpec } from './fingerprint';

export const aristaEos: DialectSpec = {
  id: 'arista-eos',
  label: 'Arista EOS',
  commentPrefix: '!',
  fingerprints: [
    { regex: /^! device: .*\b(?<anchor>EOS-\d+\.\d+)/m, weight: 12, reason: '"! device: … (EOS-4.x)" header' },
    { regex: /^(?<anchor>!RANCID-CONTENT-TYPE: arista)[ \t]*$/m, weight: 12, reason: 'RANCID content type "arista"' },
    { regex: /^(?<anchor>transceiver qsfp default-mode)/m, weight: 9, reason: '"transceiver qsfp default-mode"' },
    { regex: /^(?<anchor>service routing protocols model) (?:multi-agent|ribd)/m, weight: 9, reason: '"service routing protocols model"' },
    { regex: /(?<![\w-])(?<anchor>EOS-\d+\.\d+\.\d+)/, weight: 6, reason: 'EOS version string' },
    { regex: /^(?<anchor>management api http-commands)/m, weight: 6, reason: '"management api http-commands"' },
    { regex: /^[ \t]*(?<anchor>daemon TerminAttr)/m, weight: 6, reason: '"daemon TerminAttr"' },
    { regex: /^(?<anchor>no aaa root)/m, weight: 5, reason: '"no aaa root"' },
    { regex: /^(?<anchor>logging level) [A-Z][A-Z0-9]+ [a-z]+/m, weight: 5, reason: '"logging level FACILITY severity"' },
    { regex: /(?<![\w-])(?<anchor>DCS-7\d{3}\w*)/, weight: 5, reason: 'Arista DCS model name' },
    { regex: /^(?<anchor>! Command: show running-config)/m, weight: 4, reason: '"! Command: show running-config"' },
    { regex: /^(?<anchor>interface Management1)[ \t]*$/m, weight: 3, reason: '"interface Management1"' },
    { regex: /^ {3}(?<anchor>\S)/m, weight: 2, reason: 'three-space indentation' },
    { regex: /^[ \t]*interface (?<anchor>Ethernet\d+(?:\/\d+)?)[ \t]*$/m, weight: 1, reason: 'Ethernet interface names' },
    { regex: /^(?<anchor>end)[ \t]*$/m, weight: 1, reason: 'config ends with "end"' },
    { regex: /^(?<anchor>!)[ \t]*$/m, weight: 1, reason: '"!" separators' },
  ],
};
