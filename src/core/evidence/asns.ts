// Evidence kind 'asn': a BGP neighbour in a listed carrier's autonomous system, as configured in
// any dialect: "neighbor X remote-as N" (IOS, NX-OS, EOS, XR, ZXROS), "peer X as-number N" (VRP,
// Comware), "peer-as N;" (Junos), "remote-as=N" (RouterOS) and "set remote-as N" (FortiOS).
import type { Evidence, Field, KnowledgeBase } from '../model';
import { NEVER, NO_EVIDENCE, type EvidenceMatcher } from './matcher';
import { t } from '../l10n';

const PEER_AS = /(?<![\w-])(remote-as|as-number|peer-as)(?:[ \t]+|=)(?:AS)?(\d{1,10})(?![\w.])/gi;

/** Each keyword above has a hyphen next to "as". */
const ASN_TRIGGER = /-as|as-/i;

export function createAsnMatcher(kb: KnowledgeBase): EvidenceMatcher {
  const vendorByAsn = new Map<number, string>();
  for (const vendor of kb.vendors) for (const asn of vendor.asns ?? []) vendorByAsn.set(asn, vendor.id);
  return {
    kind: 'asn',
    trigger: vendorByAsn.size === 0 ? NEVER : { literals: ['-as', 'as-'] },
    match(field: Field): readonly Evidence[] {
      if (vendorByAsn.size === 0 || !ASN_TRIGGER.test(field.text)) return NO_EVIDENCE;
      const found: Evidence[] = [];
      PEER_AS.lastIndex = 0;
      for (let m = PEER_AS.exec(field.text); m; m = PEER_AS.exec(field.text)) {
        const asn = Number(m[2]);
        const vendorId = vendorByAsn.get(asn);
        if (!vendorId) continue;
        const start = m.index + m[0].length - m[2]!.length;
        found.push({
          kind: 'asn',
          vendorId,
          start: field.offset + start,
          end: field.offset + start + m[2]!.length,
          matched: m[2]!,
          confidence: field.role === 'comment' ? 'low' : 'high',
          detail: t('BGP peer in AS{0} ({1})', asn, m[1]!.toLowerCase()),
          field,
        });
      }
      return found;
    },
  };
}
