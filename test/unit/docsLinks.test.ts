// Links between the README and the pages of docs/: every relative link reaches a file, and every #anchor a
// heading (as GitHub names it) or an <a id> of that page.
import { strict as assert } from 'node:assert';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { anchorsOf, headingAnchor, markdownFiles } from './docsHelpers';
import { ROOT } from './helpers';

/** Pages another branch writes (ci-integrations: docs/ci.md); a link to one is checked once it exists. */
const WRITTEN_ELSEWHERE = new Set(['docs/ci.md']);

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
