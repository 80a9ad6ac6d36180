// What fuzzing (and the review around it) found, kept as fixtures: each case once made the core throw,
// hang or report outside the text. test/fixtures/fuzz/counterexamples.json holds them JSON-escaped,
// so lone surrogates survive; new counterexamples are added there.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, createMatchers } from '../../src/core/analyze';
import { applyPolicy, parsePolicy } from '../../src/core/knowledge/policy';
import { getLanguageService } from '../../src/core/languageService';
import { FIXED_NOW, knowledge, ROOT } from './helpers';
import { assertParsedWellFormed, assertRangeInside, reportingSlowCase } from './fuzzSupport';
import { formatModule } from '../../src/core/formats/detect';
import type { TextFormatId } from '../../src/core/model';

interface Counterexample {
  name: string;
  kind: 'policy' | 'service' | 'format';
  format?: TextFormatId;
  found: string;
  text: string;
  expect?: string;
  policy?: string;
  uri?: string;
  languageId?: string;
}

const CASES: Counterexample[] = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'fuzz', 'counterexamples.json'), 'utf8'));
const POLICY_URI = 'file:///ws/.vendorlens.yaml';

describe('fuzzing counterexamples stay fixed', () => {
  for (const c of CASES) {
    it(`${c.name} (${c.found.split(':')[0]})`, async () => {
      if (c.kind === 'format') {
        const module = formatModule(c.format!);
        assertParsedWellFormed(c.text, reportingSlowCase('parse', () => module.parse(c.text)));
        return;
      }
      if (c.kind === 'policy') {
        const { policy, problems } = reportingSlowCase('policy', () => parsePolicy({ file: POLICY_URI, text: c.text }, knowledge()));
        assert.equal(policy, undefined);
        assert.ok(problems.some((p) => p.message.includes(c.expect!)), JSON.stringify(problems));
        for (const p of problems) assert.ok((p.start ?? 0) <= (p.end ?? 0) && (p.end ?? 0) <= c.text.length, JSON.stringify(p));
        // The editor shows them in the policy file; every other document is analysed with the bundled data.
        const service = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW });
        service.configure({ policy: { uri: POLICY_URI, text: c.text } });
        const document = TextDocument.create(POLICY_URI, 'yaml', 1, c.text);
        for (const d of await service.doValidation(document)) assertRangeInside(document, d.range, 'policy diagnostic');
        assert.equal(service.analyze(TextDocument.create('file:///ws/a.txt', 'plaintext', 1, 'Huawei')).findings.length, 1);
        return;
      }
      const service = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW });
      service.configure({ policy: c.policy === undefined ? undefined : { uri: POLICY_URI, text: c.policy } });
      const document = TextDocument.create(c.uri!, c.languageId!, 1, c.text);
      const diagnostics = await reportingSlowCase('validation', () => service.doValidation(document));
      for (const d of diagnostics) assertRangeInside(document, d.range, 'diagnostic');
      for (const action of await service.doCodeActions(document, diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics })) {
        for (const edit of action.edit?.changes?.[document.uri] ?? []) assertRangeInside(document, edit.range, `edit of "${action.title}"`);
      }
    });
  }

  it('blank names and banners that got past the schema match nothing and never loop', () => {
    const kb = applyPolicy(knowledge(), {
      extendVendors: { huawei: { names: [{ text: '   ', kind: 'alias' }], exclusions: [' '] } },
      vendors: [{ id: 'blank', displayName: 'Blank', status: 'flagged', names: [{ text: '\t', kind: 'brand' }], banners: ['      '], sources: [{ url: 'https://x.example', checked: 'data' }] }],
    });
    const document = TextDocument.create('file:///ws/a.txt', 'plaintext', 1, 'hello ! world\nCopyright (c) 2020 ! Huawei\n');
    const analysis = reportingSlowCase('analysis', () =>
      analyzeDocument(document, kb, createMatchers(kb), { profiles: [], overrides: {}, policyAcceptances: [], trusted: true, today: '2026-11-29', maxFindings: 100 }),
    );
    assert.deepEqual([...new Set(analysis.findings.map((f) => f.vendorId))], ['huawei']);
  });

  it('a blank name is refused by the policy schema, at the name', () => {
    const blank = CASES.find((c) => c.name.startsWith('blank vendor name'))!;
    const { problems } = parsePolicy({ file: POLICY_URI, text: blank.policy! }, knowledge());
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.field, 'extendVendors.huawei.names.0.text');
  });
});
