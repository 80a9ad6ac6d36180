// Property-based fuzzing (fast-check) of every format module and of the whole language service: on
// arbitrary text and on mutated real documents they never throw, never take more than linear time,
// never return a range outside the document or an inverted one, and give the same result twice.
// `npm run fuzz` runs 100,000 cases per property; `npm test` a seeded share (FUZZ_RUNS, FUZZ_SEED).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDiagnostic } from '../../src/core/services/diagnostics';
import { detectFormat, formatModule } from '../../src/core/formats/detect';
import type { TextFormatId } from '../../src/core/model';
import { analyzeDocument, createMatchers } from '../../src/core/analyze';
import { applyPolicy, parsePolicy } from '../../src/core/knowledge/policy';
import { getLanguageService } from '../../src/core/languageService';
import { FIXED_NOW, knowledge } from './helpers';
import { assertParsedWellFormed, assertRangeInside, documentText, FUZZ_RUNS, reportingSlowCase, runOptions, seedDocuments } from './fuzzSupport';

const PARSERS: TextFormatId[] = ['text', 'csv', 'cyclonedx-json', 'cyclonedx-xml', 'spdx-tag-value', 'spdx-json', 'spdx-yaml', 'spdx3-json', 'inventory-json', 'inventory-yaml', 'inventory-xml'];
const URIS = ['file:///ws/a.txt', 'file:///ws/core.ios.cfg', 'file:///ws/quote.csv', 'file:///ws/bom.cdx.json', 'file:///ws/bom.xml', 'file:///ws/x.spdx', 'file:///ws/x.spdx.json', 'file:///ws/x.spdx.yaml', 'file:///ws/devices.yaml', 'file:///ws/devices.json', 'untitled:Untitled-1'];
const LANGUAGES = ['plaintext', 'network-config', 'csv', 'json', 'yaml', 'xml', 'spdx', 'log', ''];

describe(`fuzzing (${FUZZ_RUNS} cases per property)`, function () {
  this.timeout(0);
  const seeds = seedDocuments();
  const texts = documentText(seeds);

  for (const id of PARSERS) {
    it(`format module ${id}: never throws, stays in range, answers the same twice`, () => {
      const module = formatModule(id);
      fc.assert(
        fc.property(texts, (text) => {
          const first = reportingSlowCase(`${id} parse`, () => module.parse(text));
          assertParsedWellFormed(text, first);
          assert.equal(JSON.stringify(module.parse(text)), JSON.stringify(first), 'same result twice');
        }),
        runOptions(),
      );
    });
  }

  it('format detection: always a known format, the same twice', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(...URIS), fc.constantFrom(...LANGUAGES), (text, uri, languageId) => {
        const format = reportingSlowCase('detect', () => detectFormat({ uri, languageId, text }));
        assert.ok([...PARSERS, 'unrelated'].includes(format), format);
        assert.equal(detectFormat({ uri, languageId, text }), format);
      }),
      runOptions(),
    );
  });

  it('policy file: any text parses to a policy or located problems, the same twice', () => {
    const policyTexts = fc.oneof(texts, fc.string({ unit: 'binary', maxLength: 300 }).map((x) => `schemaVersion: 1\nextendVendors:\n  huawei:\n    names: [{ text: ${JSON.stringify(x)}, kind: alias }]\n    productPatterns: [{ pattern: ${JSON.stringify(`^${x}`)}, family: f }]\n`));
    fc.assert(
      fc.property(policyTexts, (text) => {
        const first = reportingSlowCase('policy', () => parsePolicy({ file: 'p', text }, knowledge()));
        for (const p of first.problems) if (p.start !== undefined) assert.ok(p.start >= 0 && (p.end ?? p.start) <= text.length && p.start <= (p.end ?? p.start));
        assert.equal(JSON.stringify(parsePolicy({ file: 'p', text }, knowledge())), JSON.stringify(first));
      }),
      runOptions(),
    );
  });

  it('identifiers a policy adds, even ones its schema refuses, never make the matchers hang or throw', () => {
    // Straight into applyPolicy, past the schema: the matchers must hold on their own.
    const identifier = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('', ' ', '   ', '.', '\\', '(', '*', '|', '\u0000', 'Huawei', 'a'.repeat(40)));
    const extension = fc.record({
      names: fc.array(identifier.map((text) => ({ text, kind: 'alias' as const })), { maxLength: 3 }),
      exclusions: fc.array(identifier, { maxLength: 2 }),
      domains: fc.array(identifier, { maxLength: 2 }),
      cpeVendors: fc.array(identifier, { maxLength: 2 }),
      purlNamespaces: fc.array(identifier, { maxLength: 2 }),
      productPatterns: fc.array(identifier.map((x) => ({ pattern: `^${x}`, family: 'fuzz' })), { maxLength: 2 }),
    });
    const banners = fc.array(identifier, { maxLength: 2 });
    fc.assert(
      fc.property(extension, banners, fc.constantFrom(...seeds), (ext, bannerPhrases, seed) => {
        const base = knowledge();
        const kb = applyPolicy(base, { extendVendors: { huawei: ext }, vendors: [{ id: 'fuzz-vendor', displayName: 'F', status: 'flagged', names: [{ text: 'Fuzz Vendor', kind: 'brand' }], banners: bannerPhrases, sources: [{ url: 'https://x.example', checked: 'data' }] }] });
        const document = TextDocument.create(seed.uri, seed.languageId, 1, seed.text);
        reportingSlowCase('analysis with policy identifiers', () =>
          analyzeDocument(document, kb, createMatchers(kb), { profiles: [], overrides: {}, policyAcceptances: [], trusted: true, today: '2026-11-29', maxFindings: 1000 }),
        );
      }),
      { ...runOptions(), numRuns: Math.max(20, Math.floor(FUZZ_RUNS / 10)) },
    );
  });

  it('language service: validation, hover anywhere and code actions stay inside the document, the same twice', async () => {
    const positions = fc.array(fc.record({ line: fc.nat({ max: 200 }), character: fc.nat({ max: 400 }) }), { minLength: 1, maxLength: 4 });
    let version = 0;
    // Two independent services: the second recomputes what the first has cached.
    const create = () => {
      const service = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW });
      service.configure({ policy: { uri: 'file:///ws/.vendorlens.yaml', text: undefined } });
      return service;
    };
    const [service, again] = [create(), create()];
    await fc.assert(
      fc.asyncProperty(texts, fc.constantFrom(...URIS), fc.constantFrom(...LANGUAGES), positions, async (text, uri, languageId, at) => {
        const document = TextDocument.create(uri, languageId, ++version, text);
        const diagnostics: TextDiagnostic[] = await reportingSlowCase('validation', () => service.doValidation(document));
        for (const d of diagnostics) {
          assertRangeInside(document, d.range, `diagnostic ${d.code}`);
          for (const r of d.relatedInformation ?? []) assertRangeInside(document, r.location.range, 'related information');
          assert.ok(d.message.length > 0);
        }
        assert.deepEqual(await again.doValidation(document), diagnostics, 'same diagnostics twice');
        for (const position of at) {
          // Positions past the end too: an editor may ask about a line that was just deleted.
          const clamped = document.positionAt(document.offsetAt(position));
          for (const p of [position, clamped]) {
            const hover = await reportingSlowCase('hover', () => service.doHover(document, p));
            if (hover?.range) assertRangeInside(document, hover.range, 'hover');
          }
        }
        const actions = await reportingSlowCase('code actions', () => service.doCodeActions(document, diagnostics[0]?.range ?? { start: at[0]!, end: at[0]! }, { diagnostics }));
        for (const action of actions) {
          for (const [target, edits] of Object.entries(action.edit?.changes ?? {})) {
            if (target !== uri) continue;
            for (const edit of edits) assertRangeInside(document, edit.range, `edit of "${action.title}"`);
            TextDocument.applyEdits(document, edits);
          }
        }
      }),
      runOptions(),
    );
  });
});
