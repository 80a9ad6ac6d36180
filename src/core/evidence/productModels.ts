// Evidence kind 'model' (and 'oem-relabel') in free text: product models named by the product catalogue
// (evidence/catalogue.ts: model families, listed models, relabel model schemes). The patterns are anchored
// and describe a whole value, so a line is cut into candidate tokens (and runs of up to three, for "ATN 910"
// or "CloudEngine CE12800") where a catalogue prefix starts; a value in a part column is read whole by
// partNumbers.ts. A shape other makers share needs a BOM row around it and gives low confidence.
import type { Evidence, Field, KnowledgeBase } from '../model';
import { NO_EVIDENCE, type EvidenceMatcher } from './matcher';
import { catalogueEvidence, catalogueIndex, weigh } from './catalogue';

/**
 * "Earpiece compatible with Hytera PD785", "SFP module compatible with ZTE C320": an accessory described by the
 * gear it fits (as vendors.yaml excludes "compatible with Hytera" from the name evidence). The model named there
 * is not the item. A bounded look-behind: the words just before the model, never a scan.
 */
const COMPATIBLE_BEFORE = /\bcompatible\s+(?:with|for)\s+$/i;
const COMPATIBLE_LOOK_BEHIND = 24;
/** "compatible with Hytera PD785 and PD705", "… ZTE C320 / C300": the list goes on after a separator. */
const LIST_JOIN = /^\s*(?:,|\/|&|and|or)\s*$/i;
const LIST_JOIN_MAX = 8;

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
      let fittedEnd = -1;
      for (const hit of index.scan(field.text)) {
        const listed = fittedEnd >= 0 && hit.start - fittedEnd <= LIST_JOIN_MAX && LIST_JOIN.test(field.text.slice(fittedEnd, hit.start));
        if (listed || COMPATIBLE_BEFORE.test(field.text.slice(Math.max(0, hit.start - COMPATIBLE_LOOK_BEHIND), hit.start))) {
          fittedEnd = hit.end;
          continue;
        }
        const weighed = weigh(kb, index, hit.identification, field);
        if (!weighed) continue;
        found.push(catalogueEvidence(field, hit, weighed));
      }
      return found.length > 0 ? found : NO_EVIDENCE;
    },
  };
}
