// Fingerprints are kept in baselines and policy files: the hash must not change when its code does.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { evidenceFingerprint } from '../../src/core/review/fingerprint';
import type { Evidence, Field } from '../../src/core/model';
import { runOptions } from './fuzzSupport';

/** The fingerprint as first written: the key built as a string, then hashed twice. */
function fingerprintAsWritten(evidence: Evidence): string {
  const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  const fnv1a = (text: string, basis: number) => {
    let hash = basis >>> 0;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash >>> 0;
  };
  const row = evidence.field.row;
  const context = row ? [row.maker, row.part, row.description].map((c) => normalise(c ?? '')).join('|') : normalise(evidence.field.text);
  const key = [evidence.vendorId, evidence.kind, normalise(evidence.matched), context].join('\u0000');
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return hex(fnv1a(key, 0x811c9dc5)) + hex(fnv1a(key, 0x050c5d1f));
}

describe('evidence fingerprints', () => {
  it('hash the normalised match and line or row as first written, whatever the text', () => {
    const piece = fc.constantFrom(' ', '  ', '\t', '\v', '\f', '\r\n', '\u00a0', '\u2028', 'Huawei', 'ZTE', 'S5720', 'İ', 'Σ', 'ß', '华为', 'x', '|', '\u0000', 'A');
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    const optional = fc.option(text, { nil: undefined });
    fc.assert(
      fc.property(text, text, fc.boolean(), optional, optional, optional, (matched, line, isRow, maker, part, description) => {
        const field: Field = { offset: 0, text: line, role: 'text' };
        if (isRow) field.row = { row: 2, maker, part, description };
        const evidence = { kind: 'vendor-name', vendorId: 'huawei', start: 0, end: 1, matched, confidence: 'high', detail: '', field } as Evidence;
        assert.equal(evidenceFingerprint(evidence), fingerprintAsWritten(evidence));
      }),
      runOptions(),
    );
  });
});
