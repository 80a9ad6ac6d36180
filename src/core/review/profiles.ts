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
  /** Every advisory naming the vendor (or linked to it by category), in force first, in the order of orderAdvisories. */
  advisories: Advisory[];
  inForce: Advisory[];
  /** Of the others, those superseded or historical. */
  superseded: Advisory[];
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

/** Supranational jurisdictions: under a profile, a national instrument leads before theirs. */
const SUPRANATIONAL = new Set(['eu']);

/** Whether an advisory's link to the vendor comes from a product-category rule rather than naming it. */
export function linkedByCategory(kb: KnowledgeBase, vendorId: string, advisoryId: string): boolean {
  return kb.categoryLinks.get(vendorId)?.has(advisoryId) ?? false;
}

/** What an advisory contributes to a vendor's severity: a category link is information at most. */
function contribution(kb: KnowledgeBase, vendor: Vendor, advisory: Advisory): FindingSeverity {
  return linkedByCategory(kb, vendor.id, advisory.id) ? 'information' : MEASURE_SEVERITY[advisory.measure];
}

const isSuperseded = (a: Advisory) => a.status === 'superseded' || a.status === 'historical';

/**
 * In force: national before supranational (EU), then instruments that name the vendor before category
 * links, strongest measure, newest. Not in force: current before superseded, strongest measure, newest - so
 * when nothing applies the lead is the strongest instrument, not the latest.
 */
export function orderAdvisories(kb: KnowledgeBase, vendorId: string, inForce: readonly Advisory[], elsewhere: readonly Advisory[]): { inForce: Advisory[]; elsewhere: Advisory[] } {
  const byStrength = (a: Advisory, b: Advisory) => MEASURE_RANK[b.measure] - MEASURE_RANK[a.measure] || b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
  const linked = (a: Advisory) => Number(linkedByCategory(kb, vendorId, a.id));
  const supranational = (a: Advisory) => Number(SUPRANATIONAL.has(a.jurisdiction));
  // An instrument read at its official source leads one known only from copies and reports.
  const unofficial = (a: Advisory) => Number(!a.sources.some((s) => s.checked === 'official'));
  return {
    inForce: [...inForce].sort((a, b) => supranational(a) - supranational(b) || linked(a) - linked(b) || unofficial(a) - unofficial(b) || byStrength(a, b)),
    elsewhere: [...elsewhere].sort((a, b) => Number(isSuperseded(a)) - Number(isSuperseded(b)) || linked(a) - linked(b) || byStrength(a, b)),
  };
}

export function assessVendor(kb: KnowledgeBase, profiles: readonly Profile[], vendor: Vendor, overrides: SeverityOverrides = {}): VendorAssessment {
  const all = kb.advisoriesByVendor.get(vendor.id) ?? [];
  const { inForce, elsewhere } = orderAdvisories(
    kb,
    vendor.id,
    all.filter((a) => isInForce(a, profiles)),
    all.filter((a) => !isInForce(a, profiles)),
  );
  let severity: FindingSeverity = 'information';
  let overriddenBy: string | undefined;
  for (const advisory of inForce) {
    const own = overrides.advisories?.[advisory.id];
    severity = maxSeverity(severity, own ?? contribution(kb, vendor, advisory));
    if (own) overriddenBy = `severity of ${advisory.id} set to ${own} by the policy file`;
  }
  const vendorOverride = overrides.vendors?.[vendor.id];
  if (vendorOverride) {
    severity = vendorOverride;
    overriddenBy = `severity of ${vendor.id} set to ${vendorOverride} by the policy file`;
  }
  const superseded = elsewhere.filter(isSuperseded);
  return { severity, advisories: [...inForce, ...elsewhere], inForce, superseded, overriddenBy };
}
