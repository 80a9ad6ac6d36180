// Size and shape limits: huge lines, a million lines, deep nesting, huge CSV rows and binary content are
// each analysed, or skipped or cut short with a problem saying why and where; never a freeze or a crash.
// Inputs are generated here. The time budget is tested with a fake clock where exactness matters.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../src/core/languageService';
import type { DocumentAnalysis } from '../../src/core/model';
import { FIXED_NOW, knowledge, tickingPerField } from './helpers';
import { reasonsOf } from '../../src/core/evidence/matcher';

/** Repeats `unit` to about n characters, then adds `tail`. */
function repeatTo(unit: string, n: number, tail = ''): string {
  return unit.repeat(Math.max(1, Math.ceil(n / unit.length))) + tail;
}

const MB = 1024 * 1024;

function analyze(text: string, uri = 'file:///ws/big.txt', languageId = 'plaintext', settings: Parameters<ReturnType<typeof getLanguageService>['configure']>[0] = {}, clock?: () => number): DocumentAnalysis {
  const service = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW, clock });
  service.configure(settings);
  return service.analyze(TextDocument.create(uri, languageId, 1, text));
}

const codes = (a: DocumentAnalysis) => a.problems.map((p) => p.code);
const underlined = (a: DocumentAnalysis, text: string) => a.findings.map((f) => text.slice(TextDocument.create('x', '', 0, text).offsetAt(f.range.start), TextDocument.create('x', '', 0, text).offsetAt(f.range.end)));

describe('limits: huge and deep inputs', function () {
  this.timeout(120_000);

  it('a single 10 MB line is analysed: the name at its end is found, in range', () => {
    const text = `${repeatTo('lorem a.b.c/d 00:11 ipsum-', 10 * MB)} uplink HUAWEI`;
    const analysis = analyze(text, 'file:///ws/line.txt', 'plaintext', { timeBudgetMs: 60_000 });
    assert.deepEqual(codes(analysis), []);
    assert.equal(analysis.findings.length, 1);
    assert.deepEqual(analysis.findings[0]!.range.start, { line: 0, character: text.length - 'HUAWEI'.length });
  });

  it('a line repeating a vendor name 600,000 times is one finding, not a stack overflow or a hover of thousands', () => {
    const text = repeatTo('Huawei ', 4 * MB);
    const analysis = analyze(text, 'file:///ws/line.txt', 'plaintext', { timeBudgetMs: 60_000 });
    assert.equal(analysis.findings.length, 1);
    assert.ok(analysis.findings[0]!.related.length <= 20);
    assert.match(reasonsOf(analysis.findings[0]!.evidence).at(-1)!, /^and \d+ more$/);
  });

  it('a 1,000,000-line config is read whole and stops at its time budget with a problem naming the line, findings before it kept', () => {
    const lines: string[] = [];
    // Every line mentions a decoy ("Aztech" holds "zte"), so that every line has to be looked at: lines
    // where no evidence can be are not fields at all, and cost no time from the budget.
    for (let i = 0; i < 1_000_000; i++) lines.push(i % 1000 === 1 ? ` description uplink to HUAWEI ${i}` : ` description Aztech adapter ${i % 255}`);
    // A clock that ticks a millisecond per field looked at keeps the cut at the same place on any machine.
    const analysis = analyze(lines.join('\n'), 'file:///ws/huge.cfg', 'plaintext', { timeBudgetMs: 300_000 }, tickingPerField());
    const cut = analysis.problems.find((p) => p.code === 'analysis-cut-short');
    assert.ok(cut, 'cut short');
    assert.ok(cut.range.start.line > 250_000 && cut.range.start.line < 350_000, `at line ${cut.range.start.line}`);
    assert.ok(analysis.findings.length > 250, 'the findings before the cut are kept');
    assert.match(cut.message, new RegExp(`line ${cut.range.start.line + 1} and everything after it was not checked`));
    assert.ok(analysis.findings.every((f) => f.range.start.line < cut.range.start.line));
  });

  for (const [name, uri, languageId, text] of [
    ['JSON', 'file:///ws/bom.cdx.json', 'json', `{"bomFormat":"CycloneDX","components":[{"name":"x","manufacturer":{"name":"Huawei"}}],"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`],
    ['JSON objects', 'file:///ws/devices.json', 'json', `{"manufacturer":"Huawei","x":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`],
    ['YAML flow', 'file:///ws/devices.yaml', 'yaml', `manufacturer: Huawei\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['YAML block', 'file:///ws/devices.yaml', 'yaml', `manufacturer: Huawei\nx:\n${'- '.repeat(10_000)}y\n`],
    ['XML', 'file:///ws/bom.xml', '', `<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components><component><manufacturer><name>Huawei</name></manufacturer></component></components>${'<a>'.repeat(10_000)}x${'</a>'.repeat(10_000)}</bom>`],
  ] as const) {
    it(`${name} nested 10,000 levels deep: what comes before is read, the depth is reported where it starts`, () => {
      const analysis = analyze(text, uri, languageId);
      assert.ok(!codes(analysis).includes('analysis-failed'), JSON.stringify(analysis.problems));
      assert.deepEqual(underlined(analysis, text), ['Huawei']);
      const deep = analysis.problems.find((p) => /too-deep/.test(p.code));
      assert.ok(deep, `a problem for ${name}: ${JSON.stringify(analysis.problems)}`);
      assert.match(deep.message, /nested/);
    });
  }

  it('a CSV row of 100,000 cells: the row is read, the extra cells are reported', () => {
    const text = `Manufacturer,Part\nAcme,X1,${'cell,'.repeat(100_000)}Huawei\n`;
    const analysis = analyze(text, 'file:///ws/wide.csv', 'csv', { timeBudgetMs: 60_000 });
    assert.ok(codes(analysis).includes('csv-ragged-row'));
    assert.deepEqual(underlined(analysis, text), ['Huawei']);
  });

  it('a CSV cell of 10 MB in quotes, never closed: one problem at the quote', () => {
    const text = `Manufacturer,Part\nHuawei,"${'x'.repeat(10 * MB)}\n`;
    const analysis = analyze(text, 'file:///ws/open.csv', 'csv', { timeBudgetMs: 60_000 });
    const problem = analysis.problems.find((p) => p.code === 'csv-unterminated-quote')!;
    assert.deepEqual(problem.range.start, { line: 1, character: 7 });
  });

  it('binary content is skipped with a problem saying so', () => {
    const bytes = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    const analysis = analyze(bytes, 'file:///ws/firmware.bin', '');
    assert.deepEqual(codes(analysis), ['skipped-binary']);
    assert.equal(analysis.findings.length, 0);
  });

  it('a document over the size limit is skipped with a problem giving both sizes', () => {
    const analysis = analyze(`Huawei\n${'x'.repeat(3 * MB)}`, 'file:///ws/big.txt', 'plaintext', { maxDocumentSize: 2 * MB });
    assert.deepEqual(codes(analysis), ['skipped-too-large']);
    assert.match(analysis.problems[0]!.message, /3\.0 MB, over the limit of 2\.0 MB \(setting vendorlens\.maxFileSizeMB\)/);
  });

  it('a budget used up while reading says that no line was checked', () => {
    let now = 0;
    const analysis = analyze('Huawei\nZTE\n', 'file:///ws/a.txt', 'plaintext', { timeBudgetMs: 5 }, () => (now += 10));
    assert.equal(analysis.findings.length, 0);
    assert.match(analysis.problems[0]!.message, /reading this file took its whole time budget of 5 ms, so no line was checked/);
  });

  it('the time budget is checked between fields: with a clock that ticks per field, it stops at the right line', () => {
    const clock = tickingPerField();
    const text = Array.from({ length: 200 }, (_, i) => `line ${i} Huawei`).join('\n');
    const analysis = analyze(text, 'file:///ws/a.txt', 'plaintext', { timeBudgetMs: 100 }, clock);
    const cut = analysis.problems.find((p) => p.code === 'analysis-cut-short')!;
    assert.ok(cut.range.start.line > 50 && cut.range.start.line < 150, `stopped at line ${cut.range.start.line}`);
    assert.equal(analysis.findings.length, cut.range.start.line, 'every line before the cut was analysed, none after');
  });

  it('a document that breaks the analysis gets a diagnostic, the host is told, the next document works', async () => {
    const errors: string[] = [];
    const service = getLanguageService({ knowledge: knowledge(), now: () => FIXED_NOW, onError: (uri) => errors.push(uri) });
    service.configure({});
    const broken = TextDocument.create('file:///ws/broken.txt', 'plaintext', 1, 'Huawei');
    broken.getText = () => {
      throw new RangeError('simulated failure');
    };
    const diagnostics = await service.doValidation(broken);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'analysis-failed');
    assert.match(diagnostics[0]!.message, /could not analyse this file \(RangeError: simulated failure\)/);
    assert.deepEqual(errors, ['file:///ws/broken.txt']);
    assert.equal((await service.doValidation(TextDocument.create('file:///ws/ok.txt', 'plaintext', 1, 'Huawei'))).length, 1);
  });
});
