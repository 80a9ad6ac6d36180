// Every localisable message has an English and a Czech entry with the same placeholders, the manifest's
// %keys% exist in both languages, and the core speaks Czech once a host loads the Czech bundle.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-types';
import { configureLocalization, fillPlaceholders } from '../../src/core/l10n';
import { t as l10nT } from '@vscode/l10n';
import fc from 'fast-check';
import { runOptions } from './fuzzSupport';
import { BUNDLE_DIR, collectMessages, ENGLISH_BUNDLE, placeholders, readBundle } from '../../scripts/l10n';
import { languageService, ROOT, textDocument } from './helpers';

const czech = readBundle(join(BUNDLE_DIR, 'bundle.l10n.cs.json'));

function manifestKeys(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(/^%([^%]+)%$/g)].map((m) => m[1]!);
  if (Array.isArray(value)) return value.flatMap(manifestKeys);
  if (value && typeof value === 'object') return Object.values(value).flatMap(manifestKeys);
  return [];
}

describe('localisation (English and Czech)', () => {
  const { messages, problems } = collectMessages();

  it('finds the messages in the source, each given as a literal', () => {
    assert.deepEqual(problems, []);
    assert.ok(messages.size > 100, `${messages.size} messages`);
    assert.ok(messages.has('flagged vendor') && messages.has('Accept finding (1/3): reason'), 'core and client messages are both collected');
  });

  it('has an English entry for every message used, and none left over', () => {
    const english = readBundle(ENGLISH_BUNDLE);
    const missing = [...messages].filter((m) => english[m] !== m);
    assert.deepEqual(missing, [], 'run npx tsx scripts/l10n.ts to update l10n/bundle.l10n.json');
    const stale = Object.keys(english).filter((m) => !messages.has(m));
    assert.deepEqual(stale, []);
  });

  it('has a Czech translation for every message, keeping its placeholders', () => {
    const missing = [...messages].filter((m) => !czech[m]?.trim());
    assert.deepEqual(missing, []);
    assert.deepEqual(Object.keys(czech).filter((m) => !messages.has(m)), [], 'no stale Czech entries');
    for (const [message, translation] of Object.entries(czech)) {
      assert.deepEqual(placeholders(translation), placeholders(message), `placeholders of ${JSON.stringify(message)}`);
    }
  });

  it('translates every manifest string into Czech', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const english: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
    const cs: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.nls.cs.json'), 'utf8'));
    assert.equal(manifest.l10n, './l10n');
    for (const key of manifestKeys(manifest)) {
      assert.ok(english[key], `package.nls.json has ${key}`);
      assert.ok(cs[key]?.trim(), `package.nls.cs.json has ${key}`);
    }
    assert.deepEqual(Object.keys(cs).sort(), Object.keys(english).sort(), 'the same keys in both languages');
    for (const key of Object.keys(english)) {
      const commandLinks = (text: string) => (text.match(/\(command:[^)]*\)/g) ?? []).sort();
      assert.deepEqual(commandLinks(cs[key]!), commandLinks(english[key]!), `command links of ${key}`);
    }
  });

  it('builds hovers and diagnostic messages in Czech once the bundle is loaded, English otherwise', async () => {
    const text = 'interface GigabitEthernet0/0/1\n description uplink to HUAWEI NE40E\n';
    const position = { line: 1, character: 26 };
    try {
      configureLocalization({ contents: czech });
      const service = languageService({ profile: 'cz' });
      const document = textDocument(text);
      const hover = (await service.doHover(document, position))!.contents as MarkupContent;
      assert.match(hover.value, /Huawei — označený dodavatel/);
      assert.match(hover.value, /Varování/);
      assert.match(hover.value, /\[Oficiální zdroj\]\(https:/);
      const [diagnostic] = await service.doValidation(document);
      assert.match(diagnostic!.message, /^Huawei název „HUAWEI“ v interface GigabitEthernet0\/0\/1\. NÚKIB warning on Huawei and ZTE \(CZ, 2018-12-17\)$/);
    } finally {
      configureLocalization({ contents: {} });
    }
    const english = (await languageService({ profile: 'cz' }).doHover(textDocument(text), position))!.contents as MarkupContent;
    assert.match(english.value, /Huawei — flagged vendor/);
  });

  it('fills placeholders without a bundle exactly as @vscode/l10n does', () => {
    // Not '{length}' and the like, which @vscode/l10n reads from its argument array: no message has them.
    const piece = fc.constantFrom('{0}', '{1}', '{2}', '{10}', '{', '}', '{x}', '{-1}', '{01}', 'text', ' ', '"');
    const arg = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant('{0}'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(arg, { maxLength: 3 }), (pieces, args) => {
        // A template no bundle has: @vscode/l10n fills it in as the English text.
        const template = `not in any bundle ${pieces.join('')}`;
        assert.equal(fillPlaceholders(template, args), l10nT(template, ...args), JSON.stringify([template, args]));
      }),
      runOptions(),
    );
  });
});
