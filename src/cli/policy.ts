// `--policy FILE`: the organisation policy file. Its format belongs to the review-workflow work (vendors,
// patterns, advisories, severities, acceptances); until that lands the CLI applies only `profile:` and
// says which other keys it left unapplied, rather than ignoring them silently.
import { parse } from 'yaml';
import { UsageError } from './args';
import { readOptionFile } from './io';

export interface LoadedPolicy {
  profile?: string;
  /** Top-level keys present but not applied yet. */
  unapplied: string[];
}

export async function loadPolicy(path: string): Promise<LoadedPolicy> {
  const text = await readOptionFile('--policy', path);
  let doc: unknown;
  try {
    doc = parse(text, { prettyErrors: true });
  } catch (e) {
    throw new UsageError(`--policy ${path} is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) return { unapplied: [] };
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new UsageError(`--policy ${path} must be a YAML mapping (key: value)`);
  const { profile, ...rest } = doc as Record<string, unknown>;
  if (profile !== undefined && typeof profile !== 'string') throw new UsageError(`--policy ${path}: 'profile' must be a profile id such as cz or us-federal`);
  return { profile, unapplied: Object.keys(rest) };
}
