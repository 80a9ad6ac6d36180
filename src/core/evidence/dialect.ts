// Evidence kind 'dialect': a config written in a vendor's own dialect (e.g. Huawei VRP) is that vendor's
// device even when no vendor name appears. The format module recognises the dialect; this maps it to vendors.
import type { Evidence, KnowledgeBase } from '../model';
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
  return {
    kind: 'dialect',
    matchDocument(parsed: ParsedDocument, text: string): Evidence[] {
      const dialect = parsed.dialect;
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
        detail: t('{0} configuration dialect', dialect.id),
        field: { offset: start, text: matched, role: 'text' as const },
        documentLevel: true,
        reasons: dialect.reasons,
      }));
    },
  };
}
