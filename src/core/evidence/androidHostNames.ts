// Evidence kind 'vendor-name', from a DHCP host name: an Android device of a listed vendor announces the
// host name its firmware builds from the marketing name — spaces made '_', then '-' and the Android ID
// (16 hex digits), the whole cut to 25 characters: "HUAWEI P30 Pro" becomes HUAWEI_P30_Pro-9f13d2ee6f. Seen
// in DHCP lease tables, router client lists and listener logs. Only that exact shape counts: a code
// identifier (HUAWEI_APP_ID), a Wi-Fi name (HUAWEI_P20) or a name a person typed has no such tail.
import type { Evidence, Field, KnowledgeBase } from '../model';
import { evidenceAt, NEVER, NO_EVIDENCE, type EvidenceMatcher } from './matcher';
import { t } from '../l10n';

/** What the firmware cuts the host name to. */
const MAX_LENGTH = 25;
/** Settings.Secure.ANDROID_ID: a 64-bit number in lower-case hex. */
const ANDROID_ID_LENGTH = 16;

function hostNamePattern(prefixes: readonly string[]): RegExp {
  const alternation = [...prefixes].sort((a, b) => b.length - a.length).join('|');
  // Prefix, then one to six marketing-name words of at most 12 characters ("Mate", "20", "X(5G)"), then the
  // hex tail; bounded throughout, so linear. The length rule is checked on the match.
  return new RegExp(`(?<![\\w.-])(?:${alternation})(?:_[A-Za-z0-9()+]{1,12}){1,6}-([0-9a-f]{1,${ANDROID_ID_LENGTH}})(?![\\w.-])`, 'g');
}

/** Whole (not cut): the full Android ID and at most the maximum; cut: exactly the maximum. */
function isFirmwareHostName(name: string, androidId: string): boolean {
  return name.length === MAX_LENGTH || (androidId.length === ANDROID_ID_LENGTH && name.length < MAX_LENGTH);
}

export function createAndroidHostNameMatcher(kb: KnowledgeBase): EvidenceMatcher {
  const vendorByPrefix = new Map<string, string>();
  for (const vendor of kb.vendors) for (const prefix of vendor.androidHostNamePrefixes ?? []) vendorByPrefix.set(prefix, vendor.id);
  if (vendorByPrefix.size === 0) return { kind: 'vendor-name', trigger: NEVER, match: () => NO_EVIDENCE };
  const pattern = hostNamePattern([...vendorByPrefix.keys()]);
  return {
    kind: 'vendor-name',
    trigger: { literals: [...vendorByPrefix.keys()].map((prefix) => `${prefix}_`) },
    match(field: Field): readonly Evidence[] {
      const found: Evidence[] = [];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(field.text); m; m = pattern.exec(field.text)) {
        if (!isFirmwareHostName(m[0], m[1]!)) continue;
        const prefix = m[0].slice(0, m[0].indexOf('_'));
        const vendorId = vendorByPrefix.get(prefix);
        if (!vendorId) continue;
        found.push(
          evidenceAt(field, m.index, m[0], {
            kind: 'vendor-name',
            vendorId,
            // Anyone can name a device so: the maker's default, not proof.
            confidence: field.role === 'comment' ? 'low' : 'medium',
            detail: t('default host name of a {0} Android device (marketing name and Android ID)', kb.vendorById.get(vendorId)?.displayName ?? vendorId),
          }),
        );
      }
      return found.length > 0 ? found : NO_EVIDENCE;
    },
  };
}
