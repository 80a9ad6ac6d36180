// Severity comes from the active profiles (the jurisdictions whose instruments are in force) and the
// organisation's overrides, never from a matcher.
import type { Advisory, FindingSeverity, KnowledgeBase, Profile, Vendor } from '../model';

export const DEFAULT_PROFILE = 'global';

/** Severity overrides from the policy file. */
export interface SeverityOverrides {
  vendors?: Record<string, FindingSeverity>;
  advisories?: Record<string, FindingSeverity>;
}

export interface VendorAssessment {
  severity: FindingSeverity;
  /** Every advisory naming the vendor, in force first, newest first within each group. */
  advisories: Advisory[];
  inForce: Advisory[];
  /** Why the severity is what it is, when an override decided it. */
  overriddenBy?: string;
}

const MEASURE_RANK: Record<Advisory['measure'], number> = { ban: 4, restriction: 3, warning: 2, guidance: 1, listing: 0 };
const SEVERITY_RANK: Record<FindingSeverity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

const MEASURE_SEVERITY: Record<Advisory['measure'], FindingSeverity> = {
  ban: 'error',
  restriction: 'error',
  warning: 'warning',
  guidance: 'warning',
  listing: 'information',
};

export function isInForce(advisory: Advisory, profiles: readonly Profile[]): boolean {
  if (advisory.status === 'superseded' || advisory.status === 'historical') return false;
  return profiles.some((profile) =>
    profile.advisories
      ? profile.advisories.includes(advisory.id)
      : profile.jurisdictions.includes('*') || profile.jurisdictions.includes(advisory.jurisdiction),
  );
}

export function maxSeverity(a: FindingSeverity, b: FindingSeverity): FindingSeverity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

export function assessVendor(kb: KnowledgeBase, profiles: readonly Profile[], vendor: Vendor, overrides: SeverityOverrides = {}): VendorAssessment {
  const all = kb.advisoriesByVendor.get(vendor.id) ?? [];
  // Strongest measure first, so messages cite what makes the finding an error.
  const inForce = all.filter((a) => isInForce(a, profiles)).sort((a, b) => MEASURE_RANK[b.measure] - MEASURE_RANK[a.measure]);
  const elsewhere = all.filter((a) => !inForce.includes(a));
  let severity: FindingSeverity = 'information';
  let overriddenBy: string | undefined;
  for (const advisory of inForce) {
    const own = overrides.advisories?.[advisory.id];
    severity = maxSeverity(severity, own ?? MEASURE_SEVERITY[advisory.measure]);
    if (own) overriddenBy = `severity of ${advisory.id} set to ${own} by the policy file`;
  }
  const vendorOverride = overrides.vendors?.[vendor.id];
  if (vendorOverride) {
    severity = vendorOverride;
    overriddenBy = `severity of ${vendor.id} set to ${vendorOverride} by the policy file`;
  }
  return { severity, advisories: [...inForce, ...elsewhere], inForce, overriddenBy };
}
