// Reading the Markdown of README.md and docs/ for the documentation tests.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** A page's anchors: its headings as GitHub names them, and its <a id> elements. */
export function anchorsOf(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
  const anchors = new Set<string>();
  for (const m of withoutCode.matchAll(/^#{1,6}\s+(.+)$/gm)) anchors.add(headingAnchor(m[1]!));
  for (const m of withoutCode.matchAll(/<a id="([^"]+)"/g)) anchors.add(m[1]!);
  return anchors;
}
