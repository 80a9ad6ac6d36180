// Where the editor sends people: each walkthrough step and each setting links to the guide page that
// explains it (in English and Czech), while a finding's hover and its Problems-panel code link go to the
// advisory itself, never to this documentation.
import { strict as assert } from 'node:assert';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { documentationUrl } from '../../src/core/services/diagnostics';
import { knowledge, languageService, ROOT, textDocument } from './helpers';
import { anchorsOf } from './docsHelpers';

const DOCS_URL = 'https://github.com/vendorlens/vendorlens/blob/main/docs/';
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const bundles = {
  en: JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>,
  cs: JSON.parse(readFileSync(join(ROOT, 'package.nls.cs.json'), 'utf8')) as Record<string, string>,
};

/** The guide pages a text links to, each checked to exist with its anchor. */
function guideLinks(text: string): string[] {
  const targets = [...text.matchAll(/\]\((https:\/\/github\.com\/vendorlens\/vendorlens\/blob\/main\/docs\/[^)\s]+)\)/g)].map((m) => m[1]!);
  for (const target of targets) {
    const [path, anchor] = target.slice(DOCS_URL.length).split('#') as [string, string | undefined];
    const file = join(ROOT, 'docs', path);
    assert.ok(statSync(file, { throwIfNoEntry: false }), `${target}: docs/${path} does not exist`);
    if (anchor) assert.ok(anchorsOf(readFileSync(file, 'utf8')).has(anchor), `${target}: no heading #${anchor}`);
  }
  return targets;
}

function nlsKey(value: string): string {
  return /^%(.+)%$/.exec(value)![1]!;
}

describe('links from the editor', () => {
  for (const [language, bundle] of Object.entries(bundles)) {
    it(`every walkthrough step links to its guide page (${language})`, () => {
      for (const step of manifest.contributes.walkthroughs[0].steps) {
        const text = bundle[nlsKey(step.description)]!;
        assert.equal(guideLinks(text).length, 1, `${step.id}: ${text}`);
      }
    });

    it(`every setting's description links to its guide page (${language})`, () => {
      for (const [name, setting] of Object.entries<{ markdownDescription: string }>(manifest.contributes.configuration.properties)) {
        const text = bundle[nlsKey(setting.markdownDescription)]!;
        assert.equal(guideLinks(text).length, 1, `${name}: ${text}`);
      }
    });
  }

  it('the hover and the Problems-panel code link of a finding go to the advisories, not to the guide', async () => {
    const kb = knowledge();
    const service = languageService({ profile: 'cz' });
    const document = textDocument('interface Gi0/1\n description uplink to HUAWEI NE40E\n');
    const [finding] = service.analyze(document).findings;
    assert.ok(finding, 'the Huawei uplink is a finding');
    const advisoryUrls = new Set(kb.advisories.map((a) => a.url));
    const href = documentationUrl(kb, finding);
    assert.equal(href, kb.advisoryById.get(finding.advisoryIds[0]!)!.url);
    const [diagnostic] = await service.doValidation(document);
    assert.equal(diagnostic?.codeDescription?.href, href);

    const hover = await service.doHover(document, finding.range.start);
    const markdown = typeof hover?.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    const links = [...markdown.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)].map((m) => m[1]!);
    assert.ok(links.length > 0, 'the hover links to the advisories');
    assert.ok(links.some((link) => advisoryUrls.has(link)), 'at least one link is an advisory');
    for (const link of links) assert.ok(!link.startsWith('https://github.com/vendorlens/'), `${link} leads to the project, not the advisory`);
  });
});
