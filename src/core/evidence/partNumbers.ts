// Evidence kind 'model' for BOM values: a whole part / model value (a part-number cell, a CycloneDX
// component name, an inventory `model:`) that matches a vendor's anchored product pattern. The row's
// maker and description decide the confidence: the same vendor there corroborates it; a vendor the
// family collides with (Huawei vs H3C S-series) contradicts it; a maker that is no flagged vendor is
// most often a reseller or distributor, and the finding says so.
import type { Confidence, Evidence, Field, KnowledgeBase, ProductPattern, Vendor } from '../model';
import { NEVER, NO_EVIDENCE, type EvidenceMatcher, type Trigger } from './matcher';
import { compileAnchoredPattern, UNICODE_ONLY_FOLDS } from './patterns';
import { literalPrefixes } from './productModels';
import { createVendorNameMatcher } from './vendorNames';

/** Part numbers are short; a longer value is a description, and the cap bounds the pattern's work. */
const MAX_PART_LENGTH = 100;

interface CompiledPattern {
  vendor: Vendor;
  pattern: ProductPattern;
  regex: RegExp;
}

/** A value matching an anchored pattern starts with one of its literal prefixes (`iu`: case and Unicode folds aside). */
function partTrigger(patterns: string[]): Trigger | undefined {
  if (patterns.length === 0) return NEVER;
  const prefixes = patterns.map(literalPrefixes);
  if (prefixes.some((p) => p === undefined)) return undefined;
  return { literals: [...new Set(prefixes.flat() as string[]), ...UNICODE_ONLY_FOLDS] };
}

export function createPartNumberMatcher(kb: KnowledgeBase): EvidenceMatcher {
  const compiled: CompiledPattern[] = [];
  for (const vendor of kb.vendors) {
    for (const pattern of vendor.productPatterns ?? []) {
      const { regex } = compileAnchoredPattern(pattern.pattern);
      if (regex) compiled.push({ vendor, pattern, regex });
    }
  }
  const names = createVendorNameMatcher(kb);
  const vendorsNamedIn = (text: string | undefined): Set<string> =>
    new Set(text ? names.match({ offset: 0, text, role: 'maker' }).map((e) => e.vendorId) : []);
  const displayName = (id: string) => kb.vendorById.get(id)?.displayName ?? id;

  return {
    kind: 'model',
    trigger: partTrigger(compiled.map((c) => c.pattern.pattern)),
    match(field: Field): readonly Evidence[] {
      if (field.role !== 'part') return NO_EVIDENCE;
      const value = field.text.trim();
      if (value === '' || value.length > MAX_PART_LENGTH) return NO_EVIDENCE;
      const start = field.offset + (field.text.length - field.text.trimStart().length);
      const row = field.row;
      let makers: Set<string> | undefined;
      let described: Set<string> | undefined;
      const found: Evidence[] = [];
      const seen = new Set<string>();
      for (const { vendor, pattern, regex } of compiled) {
        if (seen.has(vendor.id) || !regex.test(value)) continue;
        makers ??= vendorsNamedIn(row?.maker);
        described ??= vendorsNamedIn(row?.description);
        const collides = pattern.collidesWith ?? [];
        // The maker names a vendor that uses look-alike numbers: the maker decides.
        if (!makers.has(vendor.id) && collides.some((id) => makers!.has(id))) continue;
        seen.add(vendor.id);
        let confidence: Confidence = collides.length ? 'low' : 'medium';
        const notes: string[] = [];
        if (makers.has(vendor.id)) {
          confidence = 'high';
          notes.push('the maker given agrees');
        } else if (described.has(vendor.id)) {
          confidence = 'high';
          notes.push(`its description names ${vendor.displayName}`);
        } else if (row?.maker && makers.size === 0) {
          notes.push(`maker given as "${row.maker}": a reseller or distributor, or a wrong entry; the model identifies ${vendor.displayName}`);
        } else if (row?.maker) {
          notes.push(`maker given as ${[...makers].map(displayName).join(', ')}`);
        }
        if (collides.length && confidence !== 'high') notes.push(`${collides.map(displayName).join(', ')} uses look-alike model numbers: confirm the maker`);
        const detail = `model of the ${pattern.family} family${notes.length ? ` (${notes.join('; ')})` : ''}`;
        found.push({ kind: 'model', vendorId: vendor.id, start, end: start + value.length, matched: value, confidence, detail, field });
      }
      return found;
    },
  };
}
