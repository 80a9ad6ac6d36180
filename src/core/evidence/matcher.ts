import type { Evidence, EvidenceKind, Field } from '../model';

/** Turns one located field into evidence. A matcher never knows which format the field came from. */
export interface EvidenceMatcher {
  readonly kind: EvidenceKind;
  match(field: Field): Evidence[];
}
