// ZTE ZXROS / ZXROSNG (ZXR10, ZXCTN, ZXA10) configs and `show` captures (reference §3.3).
import type { DialectSpec } from './fingerprint';

export const zteZxros: DialectSpec = {
  id: 'zte-zxros',
  label: 'ZTE ZXROS',
  commentPrefix: '!',
  fingerprints: [
    { regex: /^(?<anchor>!<[\w-]+>)[ \t]*$/m, weight: 12, reason: 'ZXROS section markers ("!<if-intf>")' },
    { regex: /(?<![\w-])(?<anchor>ZXR10|ZXROS(?:NG)?|ZXCTN|ZXA10|ZXAN)(?![A-Za-z])/, weight: 10, reason: 'ZTE platform name (ZXR10/ZXROS/ZXCTN/ZXA10/ZXAN)' },
    { regex: /^Copyright \(c\) \d{4}(?:-\d{4})? by (?<anchor>ZTE Corporation)/m, weight: 10, reason: 'ZTE copyright line' },
    { regex: /(?<![\w-])(?<anchor>(?:xxv|xx|cd|c|x)?gei[-_]\d+\/\d+(?:\/\d+)*)/, weight: 9, reason: 'ZTE port names (gei-/xgei-/xxvgei-)' },
    { regex: /(?<![\w-])(?<anchor>(?:gpon|epon)[-_](?:olt|onu)[-_]\d+\/\d+)/, weight: 8, reason: 'ZTE GPON port names (gpon_olt-1/1/1)' },
    { regex: /(?<![\w-])(?<anchor>smartgroup\d+)/, weight: 7, reason: 'smartgroup link aggregation' },
    { regex: /^(?<anchor>System image file is <)\w+:/m, weight: 7, reason: 'ZTE "System image file is <sysdisk0:…>"' },
    { regex: /^(?<anchor>\[[A-Z0-9]+, shelf \d+, slot \d+\]):?/m, weight: 7, reason: 'ZTE board blocks "[SMGD, shelf 1, slot 1]"' },
    { regex: /^(?<anchor>Arp protect whole is)/m, weight: 7, reason: 'ZTE "show arp" header' },
    { regex: /(?<anchor>OnuIndex[ \t]+Admin State[ \t]+OMCC State)/, weight: 8, reason: 'ZTE OLT "show gpon onu state" header' },
    { regex: /(?<anchor>ZTE Corporation|ZTE CORPORATION)/, weight: 3, reason: 'the maker named alongside ZXROS syntax', corroborates: true },
    { regex: /(?<![\w-])(?<anchor>mgmt_eth)(?![\w-])/, weight: 4, reason: 'mgmt_eth management port' },
    { regex: /^(?<anchor>\$)[ \t]*$/m, weight: 3, reason: 'blocks ended by "$"' },
    { regex: /^(?<anchor>hostname) \S/m, weight: 1, reason: '"hostname"', generic: true },
    { regex: /(?<![\da-fA-F.])[\da-fA-F]{4}\.[\da-fA-F]{4}\.[\da-fA-F]{4}(?![\da-fA-F.])/, gate: /\.[\da-fA-F]{4}\./, weight: 1, reason: 'MAC addresses written xxxx.xxxx.xxxx', generic: true },
  ],
};
