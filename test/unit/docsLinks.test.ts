// Links between the README and the pages of docs/: every relative link reaches a file, and every #anchor a
// heading (as GitHub names it) or an <a id> of that page.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './helpers';

/** Pages another branch writes (ci-integrations: docs/ci.md); a link to one is checked once it exists. */
const WRITTEN_ELSEWHERE = new Set(['docs/ci.md']);

function markdownFiles(dir: string): string[] {
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

function anchorsOf(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
  const anchors = new Set<string>();
  for (const m of withoutCode.matchAll(/^#{1,6}\s+(.+)$/gm)) anchors.add(headingAnchor(m[1]!));
  for (const m of withoutCode.matchAll(/<a id="([^"]+)"/g)) anchors.add(m[1]!);
  return anchors;
}

/** Relative link targets outside code: [text](target) and <img src>, without http(s) or mailto. */
function links(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
}

describe('documentation links', () => {
  const pages = [join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs'))];

  it('names anchors as GitHub does', () => {
    assert.equal(headingAnchor('Workbooks (XLSX, ODS)'), 'workbooks-xlsx-ods');
    assert.equal(headingAnchor('The organisation policy (`.vendorlens.yaml`)'), 'the-organisation-policy-vendorlensyaml');
    assert.equal(headingAnchor('`vendorlens eval`'), 'vendorlens-eval');
  });

  it('every relative link reaches a file, and every anchor a heading of it', () => {
    let checked = 0;
    for (const page of pages) {
      const where = relative(ROOT, page);
      const text = readFileSync(page, 'utf8');
      for (const link of links(text)) {
        const [path, anchor] = link.split('#') as [string, string | undefined];
        const target = path ? resolve(dirname(page), path) : page;
        const name = relative(ROOT, target);
        if (WRITTEN_ELSEWHERE.has(name) && !statSync(target, { throwIfNoEntry: false })) continue;
        assert.ok(statSync(target, { throwIfNoEntry: false }), `${where} links to ${link}, which does not exist`);
        if (anchor && target.endsWith('.md')) assert.ok(anchorsOf(readFileSync(target, 'utf8')).has(anchor), `${where} links to ${link}: no such heading`);
        checked++;
      }
    }
    assert.ok(checked > 50, `${checked} links checked`);
  });
});
