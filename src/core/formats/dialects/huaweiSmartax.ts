// Huawei SmartAX access (MA56xx/MA58xx OLT) configs and `display` captures: not VRP syntax.
import type { DialectSpec } from './fingerprint';

export const huaweiSmartax: DialectSpec = {
  id: 'huawei-smartax',
  label: 'Huawei SmartAX',
  commentPrefix: '#',
  fingerprints: [
    { regex: /^[ \t]*PRODUCT[ \t]*:[ \t]*(?<anchor>MA5\d{3}\w*)/m, weight: 12, reason: '"PRODUCT : MA5xxx" in display version' },
    { regex: /^[ \t]*(?<anchor>SlotID[ \t]+BoardName[ \t]+Status[ \t]+SubType0)/m, weight: 12, reason: '"display board" table header' },
    { regex: /^(?<anchor>\[MA5\d{3}V\d{3}R\d{3})/m, weight: 12, reason: 'SmartAX configuration header "[MA5600V800R…"' },
    { regex: /(?<anchor>Active Mainboard Running Area Information)/, weight: 9, reason: '"Active Mainboard Running Area Information"' },
    { regex: /^[ \t]*(?<anchor>Program Area [AB] Version)/m, weight: 5, reason: '"Program Area A Version"' },
    { regex: /(?<![\w-])(?<anchor>(?:MA56\d{2}T?|MA58\d{2}|EA5800))(?![\w-])/, weight: 5, reason: 'SmartAX OLT model name' },
    { regex: /^[ \t]*(?<anchor>interface gpon) \d+\/\d+/m, weight: 6, reason: '"interface gpon 0/1"' },
    { regex: /^[ \t]*(?<anchor>ont add) \d+ \d+/m, weight: 7, reason: '"ont add" ONT provisioning' },
    { regex: /^[ \t]*(?<anchor>service-port) \d+ vlan \d+/m, weight: 6, reason: '"service-port N vlan N"' },
  ],
};
