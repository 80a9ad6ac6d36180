// Evidence kind 'pon-serial': the serial number of a PON terminal (a GPON ONT), whose first four letters
// are its maker's vendor ID: HWTC1A2B3C4D is a Huawei ONT, ZTEGC0000001 a ZTE one. OLTs of any maker list
// them (registration, "display ont info", "show gpon onu baseinfo"), in letters or in hex
// (485754431A2B3C4D, "HWTC" in ASCII codes), and ISP inventories keep them. Firmware can set another
// maker's ID (third-party ONTs registering on a Huawei OLT do), so a serial alone is medium confidence.
import type { Evidence, Field, KnowledgeBase } from '../model';
import { evidenceAt, NEVER, NO_EVIDENCE, type EvidenceMatcher } from './matcher';
import { t } from '../l10n';

/** "HWTC", its ASCII codes in hex ("48575443"). */
function hexOf(vendorId: string): string {
  return [...vendorId].map((c) => c.charCodeAt(0).toString(16).toUpperCase()).join('');
}

export function createPonSerialMatcher(kb: KnowledgeBase): EvidenceMatcher {
  const vendorByPrefix = new Map<string, string>();
  const letters: string[] = [];
  const hex: string[] = [];
  for (const vendor of kb.vendors) {
    for (const id of vendor.ponVendorIds ?? []) {
      letters.push(id);
      hex.push(hexOf(id));
      vendorByPrefix.set(id, vendor.id);
    }
  }
  if (letters.length === 0) return { kind: 'pon-serial', trigger: NEVER, match: () => NO_EVIDENCE };
  // The vendor ID then eight hex digits (a dash between, as Huawei OLTs print it beside the hex form), or
  // the sixteen hex digits of the hex form; never inside a longer word or hex string (hashes, keys).
  const SERIAL = new RegExp(`(?<![\\w-])(?:(?:${letters.join('|')})-?|(?:${hex.join('|')}))[0-9A-Fa-f]{8}(?![\\w-])`, 'gi');
  return {
    kind: 'pon-serial',
    trigger: { literals: [...letters, ...hex] },
    match(field: Field): readonly Evidence[] {
      const found: Evidence[] = [];
      SERIAL.lastIndex = 0;
      for (let m = SERIAL.exec(field.text); m; m = SERIAL.exec(field.text)) {
        const serial = ponSerialOf(m[0]);
        // Letters in capitals only: "hwtc…" in lower case is no serial an OLT prints.
        if (/^[a-z]/.test(m[0])) continue;
        const vendorId = vendorByPrefix.get(serial.slice(0, 4));
        if (!vendorId) continue;
        found.push(
          evidenceAt(field, m.index, m[0], {
            kind: 'pon-serial',
            vendorId,
            confidence: field.role === 'comment' ? 'low' : 'medium',
            detail: t('PON serial number {0}, vendor ID {1}', serial, serial.slice(0, 4)),
          }),
        );
      }
      return found.length > 0 ? found : NO_EVIDENCE;
    },
  };
}

/** A PON serial number in letters, as written in letters (HWTC-1A2B3C4D) or in hex (485754431a2b3c4d): HWTC1A2B3C4D. */
export function ponSerialOf(matched: string): string {
  const text = matched.replace('-', '').toUpperCase();
  if (!/^[0-9A-F]{16}$/.test(text)) return text;
  return String.fromCharCode(...text.slice(0, 8).match(/../g)!.map((h) => parseInt(h, 16))) + text.slice(8);
}
