// Evidence kind 'model' (and 'oem-relabel') in free text: product models named by the product catalogue
// (evidence/catalogue.ts: model families, listed models, relabel model schemes). The patterns are anchored
// and describe a whole value, so a line is cut into candidate tokens (and runs of up to three, for "ATN 910"
// or "CloudEngine CE12800") where a catalogue prefix starts; a value in a part column is read whole by
// partNumbers.ts. A shape other makers share needs a BOM row around it and gives low confidence.
import type { Evidence, Field, KnowledgeBase } from '../model';
import { NO_EVIDENCE, type EvidenceMatcher } from './matcher';
import { catalogueEvidence, catalogueIndex, weigh } from './catalogue';

export function createProductModelMatcher(kb: KnowledgeBase): EvidenceMatcher {
  const index = catalogueIndex(kb);
  return {
    kind: 'model',
    // Every model evidence starts with one of the catalogue's literal prefixes (or listed models' first characters).
    trigger: index.literals ? { literals: index.literals } : undefined,
    match(field: Field): readonly Evidence[] {
      // Whole part / model values (BOM cells) belong to evidence/partNumbers.ts, which weighs the row.
      if (field.role === 'part' || field.text.trim() === '') return NO_EVIDENCE;
      const found: Evidence[] = [];
      for (const hit of index.scan(field.text)) {
        const weighed = weigh(kb, index, hit.identification, field);
        if (!weighed) continue;
        found.push(catalogueEvidence(field, hit, weighed));
      }
      return found.length > 0 ? found : NO_EVIDENCE;
    },
  };
}
