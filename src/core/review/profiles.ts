// Severity comes from the active profile (the jurisdictions whose instruments are in force), never from a matcher.
import type { Advisory, FindingSeverity, KnowledgeBase, Profile, Vendor } from '../model';

export const DEFAULT_PROFILE = 'global';

export interface VendorAssessment {
  severity: FindingSeverity;
  /** Every advisory naming the vendor, in force first, newest first within each group. */
  advisories: Advisory[];
  inForce: Advisory[];
}

const MEASURE_RANK: Record<Advisory['measure'], number> = { ban: 4, restriction: 3, warning: 2, guidance: 1, listing: 0 };

export function isInForce(advisory: Advisory, profile: Profile): boolean {
  if (advisory.status === 'superseded' || advisory.status === 'historical') return false;
  if (profile.advisories) return profile.advisories.includes(advisory.id);
  return profile.jurisdictions.includes('*') || profile.jurisdictions.includes(advisory.jurisdiction);
}

export function assessVendor(kb: KnowledgeBase, profile: Profile, vendor: Vendor): VendorAssessment {
  const all = kb.advisoriesByVendor.get(vendor.id) ?? [];
  // Strongest measure first, so messages cite what makes the finding an error.
  const inForce = all.filter((a) => isInForce(a, profile)).sort((a, b) => MEASURE_RANK[b.measure] - MEASURE_RANK[a.measure]);
  const elsewhere = all.filter((a) => !inForce.includes(a));
  let severity: FindingSeverity = 'information';
  if (inForce.some((a) => a.measure === 'ban' || a.measure === 'restriction')) severity = 'error';
  else if (inForce.some((a) => a.measure === 'warning' || a.measure === 'guidance')) severity = 'warning';
  return { severity, advisories: [...inForce, ...elsewhere], inForce };
}
