// Dialect fingerprints: weighted regular expressions over a document's text, kept as data in
// data/dialects/<id>.yaml (compiled by load.ts); the detector (detect.ts) adds up the weights of those
// present and picks the best. These are the in-memory shapes.

/** A weight at or above this is a strong signal: on its own it can decide a dialect. */
export const STRONG = 6;

export interface Fingerprint {
  /**
   * Tested once against the sample with `exec` (use the `m` flag for `^`/`$` per line). Must stay linear:
   * no nested quantifiers. A named group `anchor` narrows the token a finding is placed on.
   */
  regex: RegExp;
  /**
   * A cheaper regex that every text `regex` matches also matches, tried first: for patterns with no
   * literal to search for (literals are found for the others, see regex/requiredLiteral.ts), whose
   * leading character class makes the engine try every position. A test holds each gate to that.
   */
  gate?: RegExp;
  /**
   * 1–2: weak, only counts in combination; 3–5: telling; 6+: strong. Negative: the grammar of another
   * platform that resembles this one (VyOS braces for Junos): subtracted, never shown as a reason.
   */
  weight: number;
  /** Human-readable, e.g. '"vlan batch" (VRP VLAN syntax)'. */
  reason: string;
  /** Counts only when another signal of the same dialect is present (e.g. a vendor word in a hostname). */
  corroborates?: boolean;
  /**
   * Lookalike CLIs of other makers print this too (an OLT that copies SmartAX's tables, a switch that
   * copies VRP's commands): a dialect claimed on such signals alone is claimed at low confidence.
   */
  imitated?: boolean;
  /**
   * Syntax many CLIs share ("!" separators, "end", "hostname", three-space indents): counts only when
   * another signal of the dialect is present, and never makes one of the two signals a claim needs.
   */
  generic?: boolean;
}

export interface DialectSpec {
  id: string;
  /** Shown in reasons, e.g. 'Huawei VRP'. */
  label: string;
  /** The line-comment prefix a review note is written with. */
  commentPrefix: '!' | '#';
  fingerprints: Fingerprint[];
  /**
   * Lines the platform (or the tool that saved the config) writes at the top, before the configuration
   * itself, that must stay first: a review note is never inserted above them (review/header.ts).
   */
  header?: RegExp[];
}
