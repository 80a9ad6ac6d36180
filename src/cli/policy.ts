// The organisation policy file for a scan: `--policy FILE`, or `.vendorlens.yaml` in the working folder as
// the editor uses it at the workspace root. It is validated like in the editor; a broken policy stops the
// scan with located errors rather than being half-applied.
import { access } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { applyPolicy, parsePolicy, POLICY_FILE_NAME, type Policy } from '../core/knowledge/policy';
import { formatKnowledgeProblem } from '../core/knowledge/load';
import type { PolicySource } from '../core/languageService';
import type { KnowledgeBase } from '../core/model';
import { UsageError } from './args';
import { readOptionFile } from './io';

export interface LoadedPolicy {
  path: string;
  source: PolicySource;
  policy: Policy;
  /** The bundled knowledge base with the policy's additions. */
  knowledge: KnowledgeBase;
}

export function fileUri(path: string): string {
  return `file://${resolve(path).split(sep).map(encodeURIComponent).join('/')}`;
}

/** The policy named by --policy, else `.vendorlens.yaml` in the working folder, else none. */
export async function loadPolicy(option: string | undefined, kb: KnowledgeBase): Promise<LoadedPolicy | undefined> {
  let path = option;
  if (path === undefined) {
    const found = await access(POLICY_FILE_NAME).then(() => true, () => false);
    if (!found) return undefined;
    path = POLICY_FILE_NAME;
  }
  const text = await readOptionFile('--policy', path);
  const source = { uri: fileUri(path), text };
  const { policy, problems } = parsePolicy({ file: path, text }, kb);
  if (!policy || problems.length > 0) {
    throw new UsageError(`the policy file ${path} is invalid:\n${problems.map(formatKnowledgeProblem).join('\n')}`);
  }
  return { path, source, policy, knowledge: applyPolicy(kb, policy) };
}
