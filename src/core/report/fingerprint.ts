// Report fingerprints: the finding's own fingerprint (review/fingerprint.ts: what was found and the
// content of its line or row, never its position) plus an occurrence index, so repeats stay distinct.

/** The key under which SARIF results carry the fingerprint (`partialFingerprints`). */
export const FINGERPRINT_KEY = 'vendorlens/v1';

/** `<fingerprint>:<n>`, where n counts earlier findings of the same file with the same fingerprint (1-based). */
export function withOccurrences(prints: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return prints.map((print) => {
    const occurrence = (seen.get(print) ?? 0) + 1;
    seen.set(print, occurrence);
    return `${print}:${occurrence}`;
  });
}
