import type { Evidence, EvidenceKind, Field, FoldedEvidence } from '../model';
import { t } from '../l10n';
import type { ParsedDocument } from '../formats/format';
import type { Shape } from '../regex/literalSearch';

/** Turns one located field into evidence. A matcher never knows which format the field came from. */
export interface EvidenceMatcher {
  readonly kind: EvidenceKind;
  /**
   * What the text of every field this matcher finds evidence in contains. The pipeline searches the
   * whole document once for all matchers' triggers and hands a matcher only fields where one occurs:
   * most lines have none. Undefined: evidence may be anywhere, and every field is looked at.
   */
  readonly trigger: Trigger | undefined;
  match(field: Field): readonly Evidence[];
}

/** Texts and shapes compared as a regex with the `i` flag (and without `u`) would; none spans a line break. */
export interface Trigger {
  literals: readonly string[];
  /** Runs of characters of given kinds, for what no literal describes (the shape of a MAC address). */
  shapes?: readonly Shape[];
  /**
   * Regex sources, for what neither describes, found only in a part value (a field of role 'part': a BOM
   * row's part cell, a component's name): never looked for in plain text, which has none.
   */
  partPatterns?: readonly string[];
}

/** A trigger that never occurs: for a matcher with nothing to look for (e.g. no MAC registry). */
export const NEVER: Trigger = { literals: [] };

/** Turns what a format module learnt about the whole document (e.g. its dialect) into evidence. */
export interface DocumentEvidenceMatcher {
  readonly kind: EvidenceKind;
  matchDocument(parsed: ParsedDocument, text: string): Evidence[];
}

/** What a matcher returns when a field holds no evidence: shared, so the common case allocates nothing. */
export const NO_EVIDENCE: readonly Evidence[] = Object.freeze([]);

/** Every property of Evidence, optional ones included: the copy below fails to compile when one is missed. */
type EveryProperty<T> = { [K in keyof Required<T>]: T[K] | undefined };

/**
 * A copy of evidence with every property in one order, for the places that change a property of found
 * evidence (fold it, lower it, move it to another vendor). Written out, not spread: evidence comes in a
 * dozen shapes from the matchers, and a spread of so many shapes took longer than the match itself.
 */
export function copyEvidence(e: Evidence): Evidence {
  const copy: EveryProperty<Evidence> = {
    kind: e.kind,
    vendorId: e.vendorId,
    start: e.start,
    end: e.end,
    matched: e.matched,
    confidence: e.confidence,
    detail: e.detail,
    field: e.field,
    documentLevel: e.documentLevel,
    reasons: e.reasons,
    also: e.also,
    folded: e.folded,
    wouldConfirm: e.wouldConfirm,
    family: e.family,
    subject: e.subject,
  };
  return copy as Evidence;
}

/** The evidence for `matched`, found at `index` in the field's text: offsets made document-wide. */
export function evidenceAt(
  field: Field,
  index: number,
  matched: string,
  what: Pick<Evidence, 'kind' | 'vendorId' | 'confidence' | 'detail'>,
): Evidence {
  const start = field.offset + index;
  return { kind: what.kind, vendorId: what.vendorId, start, end: start + matched.length, matched, confidence: what.confidence, detail: what.detail, field };
}

/** At most this many pieces of weaker evidence are kept, and named in reasons, per folding. */
export const MAX_ALSO = 20;

/** Records a folding: up to MAX_ALSO of `others` get a reason line each, the rest a count. */
export function foldInto(evidence: Evidence, others: readonly Evidence[], total = others.length): void {
  const folding: FoldedEvidence = { shown: others.length > MAX_ALSO ? others.slice(0, MAX_ALSO) : others, more: Math.max(0, total - MAX_ALSO) };
  evidence.folded = evidence.folded ? [...evidence.folded, folding] : [folding];
}

/** The matcher's reasons for evidence, then a line for each piece of weaker evidence folded into it. */
export function reasonsOf(evidence: Evidence): string[] {
  const reasons = [...(evidence.reasons ?? [])];
  for (const folding of evidence.folded ?? []) {
    for (const e of folding.shown) reasons.push(t('also {0} "{1}"', e.detail, e.matched.replace(/\s+/g, ' ')));
    if (folding.more > 0) reasons.push(t('and {0} more', folding.more));
  }
  return reasons;
}
