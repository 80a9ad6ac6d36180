// ZTE ZXROS / ZXROSNG (ZXR10, ZXCTN, ZXA10) configs and `show` captures (reference §3.3).
import type { DialectSpec } from './fingerprint';

export const zteZxros: DialectSpec = {
  id: 'zte-zxros',
  label: 'ZTE ZXROS',
  commentPrefix: '!',
  header: [/^Building configuration\.\.\./, /^!<system-config>[ \t]*$/],
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
    // ZXA10 OLT and ZXR10 command output without a prompt (headers, fields, units). OLT CLIs of other makers
    // copy some of these tables: those are `imitated`; a ZTE ONT serial ("ZTEG…") names the maker.
    { regex: /(?<anchor>Rack[ \t]+Shelf[ \t]+Slot[ \t]+CfgType[ \t]+RealType)/, weight: 9, reason: 'ZXA10 "show card" header ("Rack Shelf Slot CfgType RealType")' },
    { regex: /(?<anchor>OnuIndex[ \t]+Type[ \t]+Mode[ \t]+AuthInfo[ \t]+State)/, weight: 7, reason: 'ZXA10 "show gpon onu baseinfo" header ("OnuIndex Type Mode AuthInfo State")', imitated: true },
    { regex: /(?<anchor>Rx ?:-?\d+\.\d+\(dbm\))/i, weight: 6, reason: 'ZXA10 "show pon power attenuation" reading ("Rx :-27.959(dbm)")', imitated: true },
    { regex: /^[ \t]*(?<anchor>(?:Phase|Config|OMCC) state):[ \t]*\w/m, weight: 4, reason: 'ZXA10 "show gpon onu detail-info" fields ("Phase state:", "Config state:")', imitated: true },
    { regex: /(?<![\w-])(?<anchor>ZTEG[0-9A-F]{8})(?![\w-])/, weight: 6, reason: 'ZTE ONT serial number ("ZTEGC0000001")' },
    // ZXA10 OLT show commands wherever they are quoted (scripts' command tables, notes), not only at a line start.
    { regex: /(?<![\w-])(?<anchor>show gpon onu (?:state|detail-info|baseinfo|uncfg|by sn))(?![\w-])/, weight: 4, reason: 'ZXA10 OLT command "show gpon onu state|detail-info|baseinfo|uncfg"', imitated: true },
    { regex: /(?<![\w-])(?<anchor>show pon power (?:onu-rx|olt-rx|attenuation))(?![\w-])/, weight: 4, reason: 'ZXA10 OLT command "show pon power onu-rx|olt-rx|attenuation"', imitated: true },
    { regex: /(?<anchor>CPU\(5s\)[ \t]+CPU\(30s\)[ \t]+CPU\(2m\))/, weight: 8, reason: 'ZXR10 "show processor" header ("CPU(5s) CPU(30s) CPU(2m)")' },
    { regex: /^[ \t]*(?<anchor>Interface[ \t]+IP-Address[ \t]+Mask[ \t]+Admin[ \t]+Phy[ \t]+Prot)/m, weight: 8, reason: 'ZXR10 "show ip interface brief" header ("IP-Address Mask Admin Phy Prot")' },
    { regex: /(?<anchor>ZTE Corporation|ZTE CORPORATION)/, weight: 3, reason: 'the maker named alongside ZXROS syntax', corroborates: true },
    { regex: /(?<![\w-])(?<anchor>mgmt_eth)(?![\w-])/, weight: 4, reason: 'mgmt_eth management port' },
    { regex: /^(?<anchor>\$)[ \t]*$/m, weight: 3, reason: 'blocks ended by "$"' },
    { regex: /^(?<anchor>hostname) \S/m, weight: 1, reason: '"hostname"', generic: true },
    { regex: /(?<![\da-fA-F.])[\da-fA-F]{4}\.[\da-fA-F]{4}\.[\da-fA-F]{4}(?![\da-fA-F.])/, gate: /\.[\da-fA-F]{4}\./, weight: 1, reason: 'MAC addresses written xxxx.xxxx.xxxx', generic: true },
  ],
};
