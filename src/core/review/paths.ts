// Paths of documents relative to the policy file's folder, from URIs alone (no file system).
import { decodeUriComponentSafely } from '../text';

function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/') + 1);
}

/** The document's path relative to the policy file's folder ('boms/quote.csv'), or undefined when outside it. */
export function pathRelativeToPolicy(policyUri: string, documentUri: string): string | undefined {
  const folder = folderOf(policyUri);
  if (!documentUri.startsWith(folder)) return undefined;
  return decodeUriComponentSafely(documentUri.slice(folder.length));
}
