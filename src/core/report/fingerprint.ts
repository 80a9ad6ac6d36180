// Fingerprints that recognise a finding again after edits elsewhere in the file: they hash what was
// found and the content of its line, never the line number, plus an occurrence index for repeats.

/** The key under which SARIF results carry the fingerprint (`partialFingerprints`). */
export const FINGERPRINT_KEY = 'vendorlens/v1';

export interface FingerprintSubject {
  vendor: string;
  kind: string;
  /** The text the evidence matched. */
  matched: string;
  /** The whole line the finding starts on. */
  lineText: string;
}

/** Case and runs of whitespace do not make a different finding (re-indented config, re-cased name). */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** 64 bits of hash over UTF-16 code units, as 16 hex digits: two 32-bit FNV-1a lanes with different primes. */
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000197) >>> 0;
    b = (b ^ (a >>> 13)) >>> 0; // mix the first lane into the second so the lanes do not collide together
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/**
 * One fingerprint per subject, in order: `<hash>:<n>`, where n counts earlier subjects of the same file
 * with the same hash (1-based), so two identical lines stay two findings.
 */
export function fingerprints(subjects: readonly FingerprintSubject[]): string[] {
  const seen = new Map<string, number>();
  return subjects.map((s) => {
    const hash = hash64([s.vendor, s.kind, normalise(s.matched), normalise(s.lineText)].join('\u0000'));
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}
