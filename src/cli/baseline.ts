// `--baseline FILE`: an earlier result (this CLI's JSON or SARIF) whose findings are not reported again.
// Findings match by file and fingerprint (vendor, evidence kind, matched text, line content, occurrence),
// so a finding that only moved to another line is still recognised.
import { FINGERPRINT_KEY } from '../core/report/fingerprint';
import type { ReportFinding } from '../core/report/scanReport';
import { UsageError } from './args';
import { readOptionFile } from './io';

export interface Baseline {
  has(finding: Pick<ReportFinding, 'file' | 'fingerprint'>): boolean;
  readonly size: number;
}

function key(file: string, fingerprint: string): string {
  return `${file}\u0000${fingerprint}`;
}

/** SARIF artifact URIs are percent-encoded; reports name files by their plain relative path. */
function fileOfUri(uri: string): string {
  const path = uri.startsWith('file://') ? uri.slice('file://'.length) : uri;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

type Json = Record<string, unknown>;

function keysFromJson(doc: Json, problems: string[]): string[] {
  const findings = doc.findings;
  if (!Array.isArray(findings)) throw new Error('it has no "findings" array');
  const keys: string[] = [];
  for (const f of findings as Json[]) {
    if (typeof f?.file === 'string' && typeof f.fingerprint === 'string') keys.push(key(f.file, f.fingerprint));
    else problems.push('finding without file or fingerprint');
  }
  return keys;
}

function keysFromSarif(doc: Json, problems: string[]): string[] {
  const keys: string[] = [];
  for (const run of (doc.runs as Json[] | undefined) ?? []) {
    for (const result of (run?.results as Json[] | undefined) ?? []) {
      const fingerprint = (result?.partialFingerprints as Json | undefined)?.[FINGERPRINT_KEY];
      const uri = (((result?.locations as Json[] | undefined)?.[0]?.physicalLocation as Json | undefined)?.artifactLocation as Json | undefined)?.uri;
      if (typeof fingerprint === 'string' && typeof uri === 'string') keys.push(key(fileOfUri(uri), fingerprint));
      else problems.push(`result without a location or a '${FINGERPRINT_KEY}' fingerprint`);
    }
  }
  return keys;
}

export async function loadBaseline(path: string): Promise<Baseline> {
  const text = await readOptionFile('--baseline', path);
  const problems: string[] = [];
  let keys: string[];
  try {
    const doc = JSON.parse(text) as Json;
    keys = Array.isArray(doc?.runs) ? keysFromSarif(doc, problems) : keysFromJson(doc, problems);
  } catch (e) {
    throw new UsageError(`--baseline ${path} is not a VendorLens JSON or SARIF result: ${(e as Error).message}`);
  }
  if (problems.length > 0) {
    throw new UsageError(`--baseline ${path}: ${problems.length} entries cannot be matched (${problems[0]}); create it with this version's --format json or sarif`);
  }
  const set = new Set(keys);
  return { has: (f) => set.has(key(f.file, f.fingerprint)), size: set.size };
}
