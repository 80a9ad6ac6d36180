// A fingerprint of a piece of evidence that survives edits elsewhere in the file: it hashes what was
// matched and the content around it (the line, or the BOM row's cells), never its position.
import type { Evidence } from '../model';

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** 32-bit FNV-1a over UTF-16 code units, from a given basis. */
function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function evidenceFingerprint(evidence: Evidence): string {
  const row = evidence.field.row;
  const context = row ? [row.maker, row.part, row.description].map((c) => normalise(c ?? '')).join('|') : normalise(evidence.field.text);
  const key = [evidence.vendorId, evidence.kind, normalise(evidence.matched), context].join('\u0000');
  // Two differently seeded 32-bit hashes: 64 bits, plenty for the findings of one file.
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return hex(fnv1a(key, 0x811c9dc5)) + hex(fnv1a(key, 0x050c5d1f));
}
