// How old the knowledge base's data is: its version and review date, shown by --version, in reports, the
// hover and the status bar. Computed from the date alone - no network check.
import type { KnowledgeBase } from '../model';

/** The knowledge base's version and review date, and whether it is older than DATA_MAX_AGE_DAYS. */
export function dataDescription(kb: KnowledgeBase, today: string): string {
  if (!kb.reviewedOn) return `knowledge base ${kb.dataVersion ?? '(unversioned)'}`;
  const base = `knowledge base ${kb.dataVersion ?? ''} reviewed on ${kb.reviewedOn}`.replace('  ', ' ');
  return isDataOld(kb, today) ? `${base} - the data is over ${DATA_MAX_AGE_DAYS} days old: advisories may have changed since` : base;
}

export const DATA_MAX_AGE_DAYS = 180;

/** Whether the data was reviewed more than DATA_MAX_AGE_DAYS before `today` (both YYYY-MM-DD; no network check). */
export function isDataOld(kb: Pick<KnowledgeBase, 'reviewedOn'>, today: string): boolean {
  if (!kb.reviewedOn) return false;
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${kb.reviewedOn}T00:00:00Z`)) / 86_400_000;
  return days > DATA_MAX_AGE_DAYS;
}

