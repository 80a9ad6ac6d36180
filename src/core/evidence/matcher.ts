import type { Evidence, EvidenceKind, Field } from '../model';
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
