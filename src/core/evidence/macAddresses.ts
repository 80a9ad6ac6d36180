// Evidence kind 'mac-oui': a MAC address whose IEEE prefix is registered to a listed organisation,
// e.g. a Hikvision camera known only by its entry in an ARP or MAC table. Every common notation:
// xxxx.xxxx.xxxx (Cisco, ZTE), xxxx-xxxx-xxxx (Huawei, H3C), xx:xx:xx:xx:xx:xx and xx-xx-xx-xx-xx-xx.
// Prefixes are looked up longest first: MA-S (9 hex digits), MA-M (7), MA-L (6).
import type { Evidence, Field, KnowledgeBase } from '../model';
import { evidenceAt, NEVER, NO_EVIDENCE, type EvidenceMatcher } from './matcher';
import { t } from '../l10n';
import type { Shape } from '../regex/literalSearch';

const MAC = new RegExp(
  [
    '(?<![0-9A-Za-z_])(?<![0-9A-Fa-f][:.-])',
    '(?:[0-9A-Fa-f]{4}([.-])[0-9A-Fa-f]{4}\\1[0-9A-Fa-f]{4}',
    '|[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}\\2[0-9A-Fa-f]{2}\\2[0-9A-Fa-f]{2}\\2[0-9A-Fa-f]{2}\\2[0-9A-Fa-f]{2})',
    '(?![0-9A-Za-z_]|[:.-][0-9A-Fa-f])',
  ].join(''),
  'g',
);

const HEX = '0123456789abcdefABCDEF';
/**
 * What every notation above contains: a middle group between two separators (xxxx.xxxx.xxxx and
 * xxxx-xxxx-xxxx: `.xxxx.`; the six-group ones: `:xx:xx:`).
 */
const MAC_TRIGGER: readonly Shape[] = [
  ['.-', HEX, HEX, HEX, HEX, '.-'],
  [':-', HEX, HEX, ':-', HEX, HEX, ':-'],
];

const PREFIX_LENGTHS = [9, 7, 6] as const;
const SIZE_NAME: Record<number, string> = { 9: 'MA-S', 7: 'MA-M', 6: 'MA-L' };

/** The 12 upper-case hex digits of a MAC written in any notation. */
export function normaliseMac(text: string): string {
  return text.replace(/[^0-9A-Fa-f]/g, '').toUpperCase();
}

export function createMacAddressMatcher(kb: KnowledgeBase): EvidenceMatcher {
  const registry = kb.macRegistry ? `IEEE registry via ${kb.macRegistry}` : 'IEEE registry';
  return {
    kind: 'mac-oui',
    trigger: kb.macPrefixes.size === 0 ? NEVER : { literals: [], shapes: MAC_TRIGGER },
    match(field: Field): readonly Evidence[] {
      if (kb.macPrefixes.size === 0) return NO_EVIDENCE;
      const found: Evidence[] = [];
      MAC.lastIndex = 0;
      for (let m = MAC.exec(field.text); m; m = MAC.exec(field.text)) {
        const hex = normaliseMac(m[0]);
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
      return found;
    },
  };
}
