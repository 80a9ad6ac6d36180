// Compiles the dialect fingerprints kept as data (data/dialects/*.yaml, bundled as
// data/generated/dialects.json by scripts/generate-dialects.mjs) into the in-memory DialectSpecs the
// detector runs: each pattern becomes a RegExp, and a `family` entry is replaced, at its place, by the
// family's signals that name the dialect (or name none).
import type { DialectSpec, Fingerprint } from './fingerprint';

export interface FingerprintData {
  pattern: string;
  flags?: string;
  gate?: string;
  weight: number;
  reason: string;
  corroborates?: boolean;
  imitated?: boolean;
  generic?: boolean;
}

export interface FamilySignalData extends FingerprintData {
  /** The dialects that print it; absent: every dialect that includes the family. */
  in?: string[];
}

export interface DialectData {
  id: string;
  label: string;
  commentPrefix: '!' | '#';
  header?: string[];
  fingerprints: (FingerprintData | { family: string })[];
}

export interface DialectBundle {
  families: Record<string, FamilySignalData[]>;
  dialects: DialectData[];
}

function compileFingerprint(data: FingerprintData): Fingerprint {
  const fingerprint: Fingerprint = { regex: new RegExp(data.pattern, data.flags ?? ''), weight: data.weight, reason: data.reason };
  if (data.gate !== undefined) fingerprint.gate = new RegExp(data.gate);
  if (data.corroborates) fingerprint.corroborates = true;
  if (data.imitated) fingerprint.imitated = true;
  if (data.generic) fingerprint.generic = true;
  return fingerprint;
}

export function compileDialects(bundle: DialectBundle): DialectSpec[] {
  return bundle.dialects.map((dialect) => {
    const fingerprints = dialect.fingerprints.flatMap((entry) => {
      if (!('family' in entry)) return [compileFingerprint(entry)];
      const family = bundle.families[entry.family];
      if (!family) throw new Error(`dialect ${dialect.id}: no family "${entry.family}"`);
      return family.filter((signal) => !signal.in || signal.in.includes(dialect.id)).map(compileFingerprint);
    });
    const spec: DialectSpec = { id: dialect.id, label: dialect.label, commentPrefix: dialect.commentPrefix, fingerprints };
    if (dialect.header) spec.header = dialect.header.map((pattern) => new RegExp(pattern));
    return spec;
  });
}
