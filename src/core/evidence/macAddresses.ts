// Evidence kind 'mac-oui': a MAC address whose IEEE prefix is registered to a listed organisation,
// e.g. a Hikvision camera known only by its entry in an ARP or MAC table. Every common notation:
// xxxx.xxxx.xxxx (Cisco, ZTE), xxxx-xxxx-xxxx (Huawei, H3C), xx:xx:xx:xx:xx:xx and xx-xx-xx-xx-xx-xx;
// xxxxxx-xxxxxx (ArubaOS-Switch/ProCurve), the IOS DHCP client identifier 01xx.xxxx.xxxx.xx, and the
// zero-dropping x:xx:x:… of BSD and macOS "arp -a".
// Prefixes are looked up longest first: MA-S (9 hex digits), MA-M (7), MA-L (6).
// Wireshark and tshark print a resolved address as the manuf short name of its organisation and the last
// three octets (HuaweiTe_cc:7d:07): the vendors' `wiresharkNames` say which names are theirs alone.
import type { Evidence, Field, KnowledgeBase } from '../model';
import { evidenceAt, NEVER, NO_EVIDENCE, type EvidenceMatcher } from './matcher';
import { t } from '../l10n';
import type { Shape } from '../regex/literalSearch';

// Four-digit groups are never read right after a '.' or a '[*': "[.1044.0020.0002]" and "[*1044.0020.0002]"
// are Unicode collation weights (allkeys.txt), not an address.
const MAC = new RegExp(
  [
    '(?<![0-9A-Za-z_])(?<![0-9A-Fa-f][:.-])',
    '(?:(?<!\\.|\\[\\*)[0-9A-Fa-f]{4}([.-])[0-9A-Fa-f]{4}\\1[0-9A-Fa-f]{4}',
    '|[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}\\2[0-9A-Fa-f]{2}\\2[0-9A-Fa-f]{2}\\2[0-9A-Fa-f]{2}\\2[0-9A-Fa-f]{2})',
    '(?![0-9A-Za-z_]|[:.-][0-9A-Fa-f])',
  ].join(''),
  'g',
);

// ArubaOS-Switch (ProVision, ProCurve) "show mac-address" and "show arp" print 001b3f-a0b1c2, in lower
// case. Decimal runs of that shape are common (dates, order numbers), so one hex letter is required.
const SIX_SIX = /(?<![0-9A-Za-z_]|[0-9A-Fa-f][:.-])[0-9a-f]{6}-[0-9a-f]{6}(?![0-9A-Za-z_]|[:.-][0-9A-Fa-f])/g;

// IOS "show ip dhcp binding" and "client-identifier" write the hardware type (01, Ethernet) before the
// address, dotted in fours: 0100.1646.6b9f.23 is 00:16:46:6b:9f:23.
const DHCP_CLIENT_ID = /(?<![0-9A-Za-z_]|[0-9A-Fa-f][:.-])01[0-9A-Fa-f]{2}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{2}(?![0-9A-Za-z_]|[:.-][0-9A-Fa-f])/g;

// BSD and macOS "arp -a" drop leading zeros: "at 3c:ef:8c:1:22:33 on en0". Never inside a longer colon
// run (IPv6) and only when a group is short, since MAC above reads the padded form.
const UNPADDED = /(?<![0-9A-Za-z_:])[0-9A-Fa-f]{1,2}(?::[0-9A-Fa-f]{1,2}){5}(?![0-9A-Za-z_]|:[0-9A-Fa-f])/g;

/** A way of writing an address, and the 12 hex digits of the address in a match (undefined: not one). */
interface Notation {
  readonly pattern: RegExp;
  addressOf(matched: string): string | undefined;
}

const NOTATIONS: readonly Notation[] = [
  { pattern: MAC, addressOf: (matched) => normaliseMac(matched) },
  { pattern: SIX_SIX, addressOf: (matched) => (/[a-f]/.test(matched) ? normaliseMac(matched) : undefined) },
  { pattern: DHCP_CLIENT_ID, addressOf: (matched) => normaliseMac(matched).slice(2) },
  {
    pattern: UNPADDED,
    addressOf(matched) {
      const groups = matched.split(':');
      return groups.some((group) => group.length === 1) ? groups.map((group) => group.padStart(2, '0')).join('').toUpperCase() : undefined;
    },
  },
];

const HEX = '0123456789abcdefABCDEF';
const LOWER_HEX = '0123456789abcdef';
/**
 * What every notation above contains: a middle group between two separators (xxxx.xxxx.xxxx,
 * xxxx-xxxx-xxxx and the DHCP client identifier: `.xxxx.`; the six-group ones: `:xx:xx:`), the dash
 * amid six-digit halves (`xxx-xxx`), or a one-digit group (`:x:`).
 */
const MAC_TRIGGER: readonly Shape[] = [
  ['.-', HEX, HEX, HEX, HEX, '.-'],
  [':-', HEX, HEX, ':-', HEX, HEX, ':-'],
  [LOWER_HEX, LOWER_HEX, LOWER_HEX, '-', LOWER_HEX, LOWER_HEX, LOWER_HEX],
  [':', HEX, ':'],
];

const PREFIX_LENGTHS = [9, 7, 6] as const;
const SIZE_NAME: Record<number, string> = { 9: 'MA-S', 7: 'MA-M', 6: 'MA-L' };

/** The 12 upper-case hex digits of a MAC written in any notation. */
export function normaliseMac(text: string): string {
  return text.replace(/[^0-9A-Fa-f]/g, '').toUpperCase();
}

/** Wireshark's short name, `_`, and three lower-case octets; never inside a longer name or address. */
function resolvedNamePattern(names: readonly string[]): RegExp | undefined {
  if (names.length === 0) return undefined;
  const alternation = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[^A-Za-z0-9]/g, '')).join('|');
  return new RegExp(`(?<![0-9A-Za-z_.-])(?:${alternation})_[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}(?![0-9A-Za-z_]|:[0-9A-Fa-f])`, 'g');
}

export function createMacAddressMatcher(kb: KnowledgeBase): EvidenceMatcher {
  const registry = kb.macRegistry ? `IEEE registry via ${kb.macRegistry}` : 'IEEE registry';
  const vendorByResolvedName = new Map<string, string>();
  for (const vendor of kb.vendors) for (const name of vendor.wiresharkNames ?? []) vendorByResolvedName.set(name, vendor.id);
  const resolvedName = resolvedNamePattern([...vendorByResolvedName.keys()]);
  const hasPrefixes = kb.macPrefixes.size > 0;
  const literals = resolvedName ? [...vendorByResolvedName.keys()].map((name) => `${name}_`) : [];
  return {
    kind: 'mac-oui',
    trigger: !hasPrefixes && !resolvedName ? NEVER : { literals, shapes: hasPrefixes ? MAC_TRIGGER : [] },
    match(field: Field): readonly Evidence[] {
      const found: Evidence[] = [];
      if (resolvedName) {
        resolvedName.lastIndex = 0;
        for (let m = resolvedName.exec(field.text); m; m = resolvedName.exec(field.text)) {
          const name = m[0].slice(0, m[0].indexOf('_'));
          const vendorId = vendorByResolvedName.get(name);
          if (!vendorId) continue;
          found.push(
            evidenceAt(field, m.index, m[0], {
              kind: 'mac-oui',
              vendorId,
              confidence: field.role === 'comment' ? 'medium' : 'high',
              detail: t('MAC address resolved by Wireshark to {0}, its short name for {1}', name, kb.vendorById.get(vendorId)?.displayName ?? vendorId),
            }),
          );
        }
      }
      if (!hasPrefixes) return found.length > 0 ? found : NO_EVIDENCE;
      for (const notation of NOTATIONS) {
        const { pattern } = notation;
        pattern.lastIndex = 0;
        for (let m = pattern.exec(field.text); m; m = pattern.exec(field.text)) {
          const hex = notation.addressOf(m[0]);
          if (!hex) continue;
          for (const length of PREFIX_LENGTHS) {
            const prefix = hex.slice(0, length);
            const owner = kb.macPrefixes.get(prefix);
            if (!owner) continue;
            found.push(
              evidenceAt(field, m.index, m[0], {
                kind: 'mac-oui',
                vendorId: owner.vendorId,
                confidence: field.role === 'comment' ? 'medium' : 'high',
                detail: t('MAC address, {0} prefix {1} of {2} ({3})', SIZE_NAME[length]!, prefix, owner.organization, registry),
              }),
            );
            break;
          }
        }
      }
      if (found.length === 0) return NO_EVIDENCE;
      // In the order they appear, whatever notation found them.
      return found.length > 1 ? found.sort((a, b) => a.start - b.start) : found;
    },
  };
}
