// A fingerprint of a piece of evidence that survives edits elsewhere in the file: it hashes what was
// matched and the content around it (the line, or the BOM row's cells), never its position.
import type { Evidence, Subject } from '../model';

/** Runs of whitespace made one space, the ends trimmed, lower case. */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

const FNV_PRIME = 0x01000193;

/**
 * Two differently seeded 32-bit FNV-1a hashes over UTF-16 code units, fed one unit at a time: the key is
 * never built as a string (a finding's line or row is hashed as it is normalised).
 */
class KeyHash {
  private first = 0x811c9dc5;
  private second = 0x050c5d1f;

  add(code: number): void {
    this.first = Math.imul(this.first ^ code, FNV_PRIME) >>> 0;
    this.second = Math.imul(this.second ^ code, FNV_PRIME) >>> 0;
  }

  addText(text: string): void {
    for (let i = 0; i < text.length; i++) this.add(text.charCodeAt(i));
  }

  /**
   * normalise(text), hashed. ASCII text is normalised on the fly; other text (whose lower case can change
   * its length, as 'İ' does) goes through normalise() itself.
   */
  addNormalised(text: string): void {
    let ascii = true;
    for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 128;
    if (!ascii) {
      this.addText(normalise(text));
      return;
    }
    let started = false;
    let space = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 32 || (c >= 9 && c <= 13)) {
        space = started;
        continue;
      }
      if (space) this.add(32);
      space = false;
      started = true;
      this.add(c >= 65 && c <= 90 ? c + 32 : c);
    }
  }

  hex(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    return hex(this.first) + hex(this.second);
  }
}

/** The key is vendor, kind, the normalised match and context (the row's maker|part|description, or the line), joined by NUL. */
export function evidenceFingerprint(evidence: Evidence): string {
  const hash = new KeyHash();
  hash.addText(evidence.vendorId);
  hash.add(0);
  hash.addText(evidence.kind);
  hash.add(0);
  hash.addNormalised(evidence.matched);
  hash.add(0);
  const row = evidence.field.row;
  if (row) {
    hash.addNormalised(row.maker ?? '');
    hash.add(124); // |
    hash.addNormalised(row.part ?? '');
    hash.add(124);
    hash.addNormalised(row.description ?? '');
  } else {
    hash.addNormalised(evidence.field.text);
  }
  return hash.hex();
}

/**
 * A grouped finding's key: vendor, subject kind and the subject's strongest identifier (a neighbour's
 * chassis MAC, else its name, else its ports; a host's MAC; a device's host name, else its dialect), so
 * that it survives edits elsewhere in the file and which of the subject's evidence happens to lead.
 * Without an identifier it falls back to the leading evidence's fingerprint.
 */
export function subjectFingerprint(vendorId: string, subject: Subject, lead: Evidence): string {
  const ids = subject.identifiers;
  const ports = ids.localPort || ids.remotePort ? `${ids.localPort ?? ''}|${ids.remotePort ?? ''}` : undefined;
  const identity =
    subject.kind === 'neighbour' ? (ids.mac ?? ids.hostname ?? ports)
    : subject.kind === 'host' ? ids.mac
    : subject.kind === 'device' ? (ids.hostname ?? ids.label ?? '')
    : undefined;
  if (identity === undefined) return evidenceFingerprint(lead);
  const hash = new KeyHash();
  hash.addText(vendorId);
  hash.add(0);
  hash.addText(subject.kind);
  hash.add(0);
  hash.addNormalised(identity);
  return hash.hex();
}

/** 16 hex digits of `text` (the same two FNV-1a hashes): a short stable key, not a security measure. */
export function textHash(text: string): string {
  const hash = new KeyHash();
  hash.addText(text);
  return hash.hex();
}
