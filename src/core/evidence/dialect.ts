// Evidence kind 'dialect': a config written in a vendor's own dialect (e.g. Huawei VRP) is that vendor's
// device even when no vendor name appears. The format module recognises the dialect; this maps it to vendors.
import type { DialectDetection, Evidence, KnowledgeBase } from '../model';
import type { ParsedDocument } from '../formats/format';
import type { DocumentEvidenceMatcher } from './matcher';
import { t } from '../l10n';

export function createDialectMatcher(kb: KnowledgeBase): DocumentEvidenceMatcher {
  const vendorsByDialect = new Map<string, string[]>();
  for (const vendor of kb.vendors) {
    for (const dialect of vendor.dialects ?? []) {
      vendorsByDialect.set(dialect, [...(vendorsByDialect.get(dialect) ?? []), vendor.id]);
    }
  }
  function evidenceOf(dialect: DialectDetection, text: string, detail: string): Evidence[] {
    const vendors = vendorsByDialect.get(dialect.id);
    if (!vendors) return [];
    const start = dialect.anchor?.start ?? 0;
    const end = dialect.anchor?.end ?? Math.min(text.length, start + Math.max(1, text.indexOf('\n', start) - start));
    const matched = text.slice(start, end);
    return vendors.map((vendorId) => ({
      kind: 'dialect' as const,
      vendorId,
      start,
      end,
      matched,
      confidence: dialect.confidence,
      detail,
      field: { offset: start, text: matched, role: 'text' as const },
      documentLevel: true,
      reasons: dialect.reasons,
    }));
  }

  return {
    kind: 'dialect',
    matchDocument(parsed: ParsedDocument, text: string): Evidence[] {
      const dialect = parsed.dialect;
      const found = evidenceOf(dialect, text, t('{0} configuration dialect', dialect.id));
      // Captures of several devices: each device whose dialect is not the document's speaks for itself.
      for (const section of dialect.sections ?? []) {
        const own = section.detection;
        if (own.id === dialect.id || !own.anchor) continue;
        found.push(...evidenceOf(own, text, t('{0} dialect of the captures of {1}', own.id, section.host)));
      }
      return found;
    },
  };
}
