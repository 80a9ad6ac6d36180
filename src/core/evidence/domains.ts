// Evidence kind 'domain': a host name under a vendor's domain (NTP, syslog, AAA and DNS servers, update
// and licence URLs, NETCONF capability URIs). Matched on label boundaries: huawei.com and
// ntp.huawei.com are Huawei, nothuawei.com and huawei.com.example.org are not.
import type { Evidence, Field, KnowledgeBase } from '../model';
import { evidenceAt, NO_EVIDENCE, type EvidenceMatcher } from './matcher';
import { t } from '../l10n';

// Candidate host names: runs of letters, digits, dots and hyphens (flat, linear). Any non-ASCII
// character next to the run counts as part of a word.
const HOST = /(?<![A-Za-z0-9_.\u0080-\uffff-])[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?![A-Za-z0-9_\u0080-\uffff-])/g;

export function createDomainMatcher(kb: KnowledgeBase): EvidenceMatcher {
  const vendorByDomain = new Map<string, string>();
  for (const vendor of kb.vendors) for (const domain of vendor.domains ?? []) vendorByDomain.set(domain.toLowerCase(), vendor.id);
  // A line without any listed domain in it is skipped before it is cut into host names.
  const domains = [...vendorByDomain.keys()].map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const mentions = domains.length > 0 ? new RegExp(domains.join('|'), 'i') : undefined;
  return {
    kind: 'domain',
    trigger: { literals: [...vendorByDomain.keys()] },
    match(field: Field): readonly Evidence[] {
      if (!mentions || !mentions.test(field.text)) return NO_EVIDENCE;
      const found: Evidence[] = [];
      HOST.lastIndex = 0;
      for (let m = HOST.exec(field.text); m; m = HOST.exec(field.text)) {
        const host = m[0].toLowerCase();
        if (!host.includes('.')) continue;
        // The host itself, then each parent domain: a.b.huawei.com → b.huawei.com → huawei.com.
        for (let at = -1, suffix = host; ; ) {
          const vendorId = vendorByDomain.get(suffix);
          if (vendorId) {
            found.push(
              evidenceAt(field, m.index, m[0], {
                kind: 'domain',
                vendorId,
                confidence: field.role === 'comment' ? 'low' : 'medium',
                detail: t("host in the vendor's domain {0}", suffix),
              }),
            );
            break;
          }
          at = host.indexOf('.', at + 1);
          if (at < 0) break;
          suffix = host.slice(at + 1);
          if (!suffix.includes('.')) break;
        }
      }
      return found;
    },
  };
}
