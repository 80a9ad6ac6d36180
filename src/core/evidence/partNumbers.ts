// Evidence kind 'model' (and 'oem-relabel') for BOM values: a part / model value (a part-number cell, a
// CycloneDX component name, an inventory `model:`) that the product catalogue identifies, read whole first,
// then word by word ("Huawei S5735-L24T4S-A 24-port"). The row decides the confidence (evidence/catalogue.ts
// `weigh`): the same vendor as maker or in the description corroborates it; a relabel brand as maker makes it
// an OEM relabel; a maker that is no flagged vendor is most often a reseller, and the finding says so; a
// lookalike maker or a vendor the family collides with decides against it.
import type { Evidence, Field, KnowledgeBase } from '../model';
import { NO_EVIDENCE, type EvidenceMatcher, type Trigger } from './matcher';
import { UNICODE_ONLY_FOLDS } from './patterns';
import { catalogueEvidence, catalogueIndex, weigh, type Identification } from './catalogue';

/** Part numbers are short; a longer value is a description, and the cap bounds the pattern's work. */
const MAX_PART_LENGTH = 100;

export function createPartNumberMatcher(kb: KnowledgeBase): EvidenceMatcher {
  const index = catalogueIndex(kb);
  // Relabel brands' own short models are read with the brand, by evidence/oemRelabels.ts (the maker cell holds the trigger).
  const trigger: Trigger | undefined = index.literals
    ? { literals: [...index.literals, ...UNICODE_ONLY_FOLDS], partPatterns: index.partPatterns.length > 0 ? [...index.partPatterns] : undefined }
    : undefined;

  return {
    kind: 'model',
    trigger,
    match(field: Field): readonly Evidence[] {
      if (field.role !== 'part') return NO_EVIDENCE;
      const value = field.text.trim();
      if (value === '' || value.length > MAX_PART_LENGTH) return NO_EVIDENCE;
      const lead = field.text.length - field.text.trimStart().length;
      const brands = index.relabelsNamedIn(field.row?.maker);
      const whole = index.identify(value, { partValue: true, brands });
      if (whole === 'lookalike') return NO_EVIDENCE;
      const hits: { start: number; end: number; identification: Identification }[] = whole
        ? [{ start: lead, end: lead + value.length, identification: whole }]
        : index.scan(field.text, brands);
      const found: Evidence[] = [];
      const seen = new Set<string>();
      for (const hit of hits) {
        const id = hit.identification;
        if (seen.has(id.vendorId)) continue;
        const weighed = weigh(kb, index, id, field);
        if (!weighed) continue;
        seen.add(id.vendorId);
        found.push(catalogueEvidence(field, hit, weighed));
      }
      return found.length > 0 ? found : NO_EVIDENCE;
    },
  };
}
