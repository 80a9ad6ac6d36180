// The guide's pictures: every image README.md and docs/ show is in docs/images/, and every file there is one
// scripts/docs-images.mjs copies from a screenshot the UI checks (scripts/test-ui.mjs) take.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { IMAGES, MAX_IMAGE_BYTES } from '../../scripts/docs-images.mjs';
import { markdownFiles } from './docsHelpers';
import { ROOT } from './helpers';

/** Local image targets of a Markdown page: ![alt](target) and <img src="target">. */
export function imageTargets(markdown: string): string[] {
  const targets = [...markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g), ...markdown.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/gi)].map((m) => m[1]!);
  return targets.filter((target) => !/^[a-z]+:/i.test(target));
}

describe('documentation images', () => {
  const pages = [join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs'))];
  const imagesDir = join(ROOT, 'docs', 'images');

  it('finds image targets in both Markdown forms', () => {
    assert.deepEqual(imageTargets('![hover](docs/images/hover.png "title") <img src="images/a.png" width="300"> ![x](https://e.org/x.png)'), ['docs/images/hover.png', 'images/a.png']);
  });

  it('every image a page shows exists in docs/images/', () => {
    let shown = 0;
    for (const page of pages) {
      for (const target of imageTargets(readFileSync(page, 'utf8'))) {
        const file = resolve(dirname(page), target);
        const where = relative(ROOT, page);
        assert.equal(relative(imagesDir, dirname(file)), '', `${where} shows ${target}, which is not in docs/images/`);
        assert.ok(statSync(file, { throwIfNoEntry: false })?.isFile(), `${where} shows ${target}, which does not exist`);
        shown++;
      }
    }
    assert.ok(shown > 0, 'the guide shows pictures');
  });

  it('every file in docs/images/ is one scripts/docs-images.mjs produces, each within the size limit', () => {
    assert.deepEqual(readdirSync(imagesDir).sort(), IMAGES.map((image) => image.name).sort());
    for (const image of IMAGES) assert.ok(statSync(join(imagesDir, image.name)).size <= MAX_IMAGE_BYTES, `${image.name} is over ${MAX_IMAGE_BYTES} bytes`);
  });

  it('every image comes from a screenshot the UI checks take', () => {
    const uiChecks = readFileSync(join(ROOT, 'scripts', 'test-ui.mjs'), 'utf8');
    const shots = new Set([...uiChecks.matchAll(/\bshot\('([\w-]+)'\)/g)].map((m) => `${m[1]}.png`));
    for (const image of IMAGES) assert.ok(shots.has(image.shot), `${image.shot} is not a screenshot of scripts/test-ui.mjs`);
  });

  it('the VSIX leaves docs/ out (its allow-list names no docs path)', () => {
    const allowed = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').filter((line) => line.startsWith('!'));
    assert.ok(allowed.length > 0);
    for (const line of allowed) assert.doesNotMatch(line, /^!\/?docs\b/, line);
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^\*\*$/m, 'everything else is ignored');
  });
});
