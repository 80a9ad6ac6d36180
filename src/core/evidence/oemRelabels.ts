// Evidence kind 'oem-relabel' from a maker value alone: a brand that sells products made by a flagged maker
// (Lorex and Amcrest for Dahua, ANNKE and LTS for Hikvision; data/catalogue/relabels.yaml). The brand alone is
// weak (a brand may also buy elsewhere): low confidence, "possible", saying which model would confirm it. A
// model of the maker's families or of the brand's relabel scheme in the same row is stronger evidence
// (partNumbers.ts), and one finding per vendor per row is kept.
import type { Evidence, Field, KnowledgeBase } from '../model';
import { NEVER, NO_EVIDENCE, type EvidenceMatcher } from './matcher';
import { phraseTrigger } from './patterns';
import { catalogueIndex, describeIdentification } from './catalogue';
import { t } from '../l10n';

export function createOemRelabelMatcher(kb: KnowledgeBase): EvidenceMatcher {
  const index = catalogueIndex(kb);
  const relabels = index.relabels.filter((r) => kb.vendorById.has(r.maker));
  return {
    kind: 'oem-relabel',
    trigger: relabels.length > 0 ? phraseTrigger(relabels.flatMap((r) => r.names)) : NEVER,
    match(field: Field): readonly Evidence[] {
      if (field.role !== 'maker') return NO_EVIDENCE;
      const found: Evidence[] = [];
      for (const relabel of index.relabelsNamedIn(field.text)) {
        if (!kb.vendorById.has(relabel.maker)) continue;
        const maker = kb.vendorById.get(relabel.maker)!.displayName;
        const name = relabel.names.map((n) => ({ n, at: field.text.toLowerCase().indexOf(n.toLowerCase()) })).find((x) => x.at >= 0);
        const start = name?.at ?? 0;
        const end = name ? name.at + name.n.length : field.text.length;
        const when = relabel.from || relabel.until ? ` ${[relabel.from, relabel.until].filter(Boolean).join('–')}` : '';
        // The row's model, read as the brand's own range or the maker's families, confirms the brand.
        const part = field.row?.part;
        const model = part ? index.identify(part, { partValue: true, brands: [relabel] }) : undefined;
        const confirmed = model !== undefined && model !== 'lookalike' && model.vendorId === relabel.maker && !model.corroboration ? model : undefined;
        if (!confirmed && relabel.modelsOnly) continue;
        found.push({
          kind: 'oem-relabel',
          vendorId: relabel.maker,
          start: field.offset + start,
          end: field.offset + end,
          matched: field.text.slice(start, end),
          confidence: confirmed ? 'high' : 'low',
          detail: confirmed
            ? t('brand {0}, model {1}: {2}', relabel.brand, part!, describeIdentification(kb, confirmed.relabel ? confirmed : { ...confirmed, relabel }))
            : t('brand {0}, whose products are made by {1} ({2}; per {3})', relabel.brand, maker, `${relabel.id}${when}`, relabel.source.url),
          wouldConfirm: confirmed ? undefined : t("a model of {0} or of the brand's {0}-made range", maker),
          field,
        });
      }
      return found.length > 0 ? found : NO_EVIDENCE;
    },
  };
}
