// The organisation policy file (.vendorlens.yaml): its own profiles, severity overrides, vendors,
// advisories and the review decisions for files without comments. Validated like the bundled data;
// every problem is located in the policy file so an editor can underline it.
import type { Advisory, FindingSeverity, KnowledgeBase, ProductPattern, Vendor, VendorName } from '../model';
import { compileAnchoredPattern } from '../evidence/patterns';
import { isValidDate } from '../review/notes';
import { parseDocument } from 'yaml';
import { indexKnowledge, locate, parseAndValidate, type KnowledgeProblem, type KnowledgeSource } from './load';

export const POLICY_FILE_NAME = '.vendorlens.yaml';

/**
 * The policy's `exclude:` patterns, read leniently: the workspace review applies them before the policy is
 * validated (a broken policy is underlined in the editor; the patterns that are strings still apply).
 */
export function policyExcludes(text: string): string[] {
  let value: unknown;
  try {
    value = parseDocument(text, { uniqueKeys: false }).toJS({ maxAliasCount: 100 });
  } catch {
    return [];
  }
  const exclude = value !== null && typeof value === 'object' ? (value as { exclude?: unknown }).exclude : undefined;
  return Array.isArray(exclude) ? exclude.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
}

export type SeverityLevel = FindingSeverity;

export interface VendorExtension {
  names?: VendorName[];
  exclusions?: string[];
  productPatterns?: ProductPattern[];
  domains?: string[];
  cpeVendors?: string[];
  purlNamespaces?: string[];
  enterpriseNumbers?: number[];
  ponVendorIds?: string[];
  asns?: number[];
}

/** A review decision kept in the policy file, for a finding in a file that has no comments. */
export interface SidecarAcceptance {
  file: string;
  fingerprint: string;
  vendor: string;
  evidence?: string;
  reason: string;
  ticket?: string;
  expires?: string;
  by?: string;
  on?: string;
}

export interface Policy {
  profiles?: string[];
  /** Paths scans leave out: gitignore patterns relative to the policy file's folder. */
  exclude?: string[];
  severity?: { vendors?: Record<string, SeverityLevel>; advisories?: Record<string, SeverityLevel> };
  vendors?: Vendor[];
  extendVendors?: Record<string, VendorExtension>;
  advisories?: Advisory[];
  acceptances?: SidecarAcceptance[];
}

export interface PolicyResult {
  policy?: Policy;
  problems: KnowledgeProblem[];
}

/** Parses and checks a policy file against the bundled knowledge base. */
export function parsePolicy(source: KnowledgeSource, base: KnowledgeBase): PolicyResult {
  const problems: KnowledgeProblem[] = [];
  const parsed = parseAndValidate<Policy>(source, 'policy', problems);
  const policy = parsed.value;
  if (!policy) return { problems };

  const at = (path: (string | number)[], message: string, entry?: string) =>
    problems.push({ file: source.file, ...locate(parsed.doc, parsed.lines, path), entry, message });

  const vendorIds = new Set(base.vendors.map((v) => v.id));
  const advisoryIds = new Set(base.advisories.map((a) => a.id));
  (policy.vendors ?? []).forEach((vendor, i) => {
    if (vendorIds.has(vendor.id)) at(['vendors', i, 'id'], `vendor '${vendor.id}' already exists; add identifiers to it under extendVendors instead`, vendor.id);
    vendorIds.add(vendor.id);
    checkPatterns(vendor.productPatterns, ['vendors', i, 'productPatterns'], at, vendor.id);
  });
  for (const [id, extension] of Object.entries(policy.extendVendors ?? {})) {
    if (!vendorIds.has(id)) at(['extendVendors', id], `unknown vendor '${id}'`, id);
    checkPatterns(extension.productPatterns, ['extendVendors', id, 'productPatterns'], at, id);
  }
  (policy.advisories ?? []).forEach((advisory, i) => {
    if (advisoryIds.has(advisory.id)) at(['advisories', i, 'id'], `advisory '${advisory.id}' already exists`, advisory.id);
    advisoryIds.add(advisory.id);
    advisory.vendors.forEach((v, j) => {
      if (!vendorIds.has(v)) at(['advisories', i, 'vendors', j], `unknown vendor '${v}'`, advisory.id);
    });
  });
  (policy.profiles ?? []).forEach((p, i) => {
    if (!base.profileById.has(p)) at(['profiles', i], `unknown profile '${p}'; known profiles: ${[...base.profileById.keys()].join(', ')}`);
  });
  for (const id of Object.keys(policy.severity?.vendors ?? {})) {
    if (!vendorIds.has(id)) at(['severity', 'vendors', id], `unknown vendor '${id}'`);
  }
  for (const id of Object.keys(policy.severity?.advisories ?? {})) {
    if (!advisoryIds.has(id)) at(['severity', 'advisories', id], `unknown advisory '${id}'`);
  }
  // The schema checks the shape; the calendar is checked as for review notes in files: 2027-02-30 is no date.
  const impossible = new Set<SidecarAcceptance>();
  (policy.acceptances ?? []).forEach((a, i) => {
    if (!vendorIds.has(a.vendor)) at(['acceptances', i, 'vendor'], `unknown vendor '${a.vendor}'`);
    for (const key of ['expires', 'on'] as const) {
      const value = a[key];
      if (value !== undefined && !isValidDate(value)) {
        at(['acceptances', i, key], `'${value}' is not a date: write it as YYYY-MM-DD`);
        impossible.add(a);
      }
    }
  });
  (policy.advisories ?? []).forEach((advisory, i) => {
    if (!isValidDate(advisory.date)) at(['advisories', i, 'date'], `'${advisory.date}' is not a date: write it as YYYY-MM-DD`, advisory.id);
  });
  // An acceptance with an impossible date accepts nothing.
  if (impossible.size > 0) policy.acceptances = policy.acceptances!.filter((a) => !impossible.has(a));
  return { policy, problems };
}

function checkPatterns(
  patterns: ProductPattern[] | undefined,
  path: (string | number)[],
  at: (path: (string | number)[], message: string, entry?: string) => void,
  entry: string,
): void {
  (patterns ?? []).forEach((p, j) => {
    const error = compileAnchoredPattern(p.pattern).error;
    if (error) at([...path, j, 'pattern'], error, entry);
  });
}

const union = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined): T[] | undefined =>
  a || b ? [...new Set([...(a ?? []), ...(b ?? [])])] : undefined;

/**
 * The bundled knowledge base with the policy's vendors, identifiers and advisories added. Restricted:
 * the exclusions a policy adds to bundled vendors are left out, as they can only remove findings.
 */
export function applyPolicy(base: KnowledgeBase, policy: Policy, restricted = false): KnowledgeBase {
  const vendors = base.vendors.map((vendor) => {
    const extension = policy.extendVendors?.[vendor.id];
    if (!extension) return vendor;
    return {
      ...vendor,
      names: [...vendor.names, ...(extension.names ?? [])],
      exclusions: restricted ? vendor.exclusions : union(vendor.exclusions, extension.exclusions),
      productPatterns: union(vendor.productPatterns, extension.productPatterns),
      domains: union(vendor.domains, extension.domains),
      cpeVendors: union(vendor.cpeVendors, extension.cpeVendors),
      purlNamespaces: union(vendor.purlNamespaces, extension.purlNamespaces),
      enterpriseNumbers: union(vendor.enterpriseNumbers, extension.enterpriseNumbers),
      ponVendorIds: union(vendor.ponVendorIds, extension.ponVendorIds),
      asns: union(vendor.asns, extension.asns),
    };
  });
  const ownVendors = (policy.vendors ?? []).filter((v) => !base.vendorById.has(v.id));
  const ownAdvisories = (policy.advisories ?? []).filter((a) => !base.advisoryById.has(a.id));
  const knownVendors = new Set([...vendors, ...ownVendors].map((v) => v.id));
  // An advisory naming an unknown vendor was reported; drop the unknown ids rather than the advisory.
  const advisories = [...base.advisories, ...ownAdvisories.map((a) => ({ ...a, vendors: a.vendors.filter((v) => knownVendors.has(v)) }))];
  return indexKnowledge([...vendors, ...ownVendors], advisories, [...base.profiles], { prefixes: base.macPrefixes, registry: base.macRegistry }, { version: base.dataVersion, reviewed: base.reviewedOn }, base.catalogue);
}


/**
 * Only what the policy adds, as a knowledge base of its own: the policy's vendors, and each extended
 * vendor with only the policy's identifiers (no exclusions, no bundled names). In Restricted Mode its
 * matchers run beside the bundled ones, so an added name, pattern or number can add a finding but never
 * shadow, exclude or re-attribute one the bundled knowledge makes.
 */
export function policyAdditions(base: KnowledgeBase, policy: Policy): KnowledgeBase {
  const extended = base.vendors.flatMap((vendor): Vendor[] => {
    const extension = policy.extendVendors?.[vendor.id];
    if (!extension) return [];
    return [
      {
        id: vendor.id,
        displayName: vendor.displayName,
        status: vendor.status,
        kind: vendor.kind,
        names: extension.names ?? [],
        productPatterns: extension.productPatterns,
        domains: extension.domains,
        cpeVendors: extension.cpeVendors,
        purlNamespaces: extension.purlNamespaces,
        enterpriseNumbers: extension.enterpriseNumbers,
        ponVendorIds: extension.ponVendorIds,
        asns: extension.asns,
        sources: vendor.sources,
      },
    ];
  });
  const ownVendors = (policy.vendors ?? []).filter((v) => !base.vendorById.has(v.id));
  // No MAC prefixes: the registry is bundled, and its matches come from the bundled matchers.
  return indexKnowledge([...extended, ...ownVendors], [...base.advisories], [...base.profiles], { prefixes: new Map(), registry: base.macRegistry });
}
