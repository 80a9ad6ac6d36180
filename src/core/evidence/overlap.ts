// Several matchers can see the same thing: "Huawei Versatile Routing Platform" is a banner and holds a
// vendor name; "HUAWEI NE40E" is a name and a model. One finding per vendor per place (a line, or a BOM
// row) keeps the editor readable: the strongest evidence is kept and the rest are listed in its hover.
import type { Confidence, Evidence, EvidenceKind } from '../model';
import { copyEvidence, foldInto, MAX_ALSO } from './matcher';

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/** Among equally confident evidence, the kind that identifies the vendor most directly wins. */
const KIND_RANK: Record<EvidenceKind, number> = {
  dialect: 10,
  banner: 9,
  'vendor-name': 8,
  model: 7,
  'oem-relabel': 7,
  'snmp-oid': 6,
  'pon-serial': 6,
  'mac-oui': 5,
  cpe: 4,
  purl: 4,
  domain: 3,
  asn: 2,
};

function contains(a: Evidence, b: Evidence): boolean {
  return a.start <= b.start && a.end >= b.end && a.end - a.start > b.end - b.start;
}

/** Is `a` the better evidence? Evidence that contains the other (a host name around a vendor name,
 * a copyright line around a legal name) wins unless it is less sure; then confidence, then kind. */
export function stronger(a: Evidence, b: Evidence): boolean {
  const byConfidence = CONFIDENCE_RANK[a.confidence] - CONFIDENCE_RANK[b.confidence];
  if (contains(a, b) && byConfidence >= 0) return true;
  if (contains(b, a) && byConfidence <= 0) return false;
  if (byConfidence !== 0) return byConfidence > 0;
  const byKind = KIND_RANK[a.kind] - KIND_RANK[b.kind];
  if (byKind !== 0) return byKind > 0;
  return a.end - a.start > b.end - b.start;
}

function overlaps(a: Evidence, b: Evidence): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Keeps, for each vendor, the strongest of the evidence found in one place, noting the others in its
 * reasons; drops evidence on the very span a document-level finding (the dialect anchor) already marks.
 */
export function keepStrongest(found: Evidence[], documentLevel: readonly Evidence[]): Evidence[] {
  // Most places hold one piece of evidence (a MAC table's row, a description naming a maker).
  if (found.length === 1) return documentLevel.some((d) => d.vendorId === found[0]!.vendorId && overlaps(d, found[0]!)) ? [] : found;
  const marked = (evidence: Evidence) => documentLevel.some((d) => d.vendorId === evidence.vendorId && overlaps(d, evidence));
  // Nearly all the others, one vendor's (a BOM row's maker and model): no grouping by vendor needed.
  if (found.every((e) => e.vendorId === found[0]!.vendorId)) {
    const group = documentLevel.length === 0 ? found : found.filter((e) => !marked(e));
    return group.length === 0 ? [] : [strongestOf(group)];
  }
  const byVendor = new Map<string, Evidence[]>();
  for (const evidence of found) {
    if (marked(evidence)) continue;
    const group = byVendor.get(evidence.vendorId);
    if (group) group.push(evidence);
    else byVendor.set(evidence.vendorId, [evidence]);
  }
  const kept: Evidence[] = [];
  for (const group of byVendor.values()) kept.push(strongestOf(group));
  return kept.sort((a, b) => a.start - b.start);
}

/** One vendor's evidence in one place as its strongest piece, with the others folded in. */
function strongestOf(group: readonly Evidence[]): Evidence {
  const best = group.reduce((a, b) => (stronger(b, a) ? b : a));
  const all = group.filter((e) => e !== best && !(e.start === best.start && e.end === best.end && e.kind === best.kind));
  if (all.length === 0) return best;
  const folded = copyEvidence(best);
  // A line repeating a name thousands of times is one finding, not a hover of thousands of reasons.
  folded.also = all.slice(0, MAX_ALSO);
  foldInto(folded, all);
  return folded;
}
