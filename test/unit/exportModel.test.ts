// The VS Code-free parts of the report export: formats offered, skipped files as report problems, counts
// and the webview's own Content-Security-Policy.
import { strict as assert } from 'node:assert';
import { renderReport, REPORT_FORMATS } from '../../src/core/report/render';
import { countExport, defaultReportName, FORMAT_CHOICES, formatChoice, skippedFileProblem, withPanelCsp } from '../../src/client/report/exportModel';
import { knowledge } from './helpers';

const run = () => {
  const kb = knowledge();
  return { kb, profiles: [kb.profileById.get('global')!], toolVersion: '1', generatedOn: '2026-11-29' };
};

describe('report export (client model)', () => {
  it('offers every format the renderer writes, HTML first, each with its own default file name', () => {
    assert.deepEqual([...FORMAT_CHOICES.map((c) => c.format)].sort(), [...REPORT_FORMATS].sort());
    assert.equal(FORMAT_CHOICES[0]!.format, 'html');
    // The asset register shares CSV's and JSON's extensions: its default name tells the files apart.
    assert.equal(new Set(FORMAT_CHOICES.map((c) => defaultReportName(c))).size, FORMAT_CHOICES.length);
    assert.equal(defaultReportName(formatChoice('register-json')!), 'vendorlens-asset-register.json');
    assert.equal(defaultReportName(formatChoice('markdown')!), 'vendorlens-report.md');
    assert.equal(defaultReportName(formatChoice('sarif')!), 'vendorlens-report.sarif');
    assert.equal(formatChoice('pdf'), undefined);
  });

  it('lists files it could not analyse as problems, with the CLI\'s codes', () => {
    const records = [
      skippedFileProblem('big.cfg', { kind: 'size', size: 3_000_000, maxKb: 2048 }),
      skippedFileProblem('blob.cfg', { kind: 'binary' }),
      skippedFileProblem('locked.cfg', { kind: 'unreadable', error: 'EACCES' }),
    ];
    const problems = records.flatMap((r) => r.problems);
    assert.ok(records.every((r) => r.document === undefined), 'not analysed');
    assert.match(renderReport('markdown', records, run()), /· 0 files scanned ·/, 'so not counted as scanned');
    assert.deepEqual(
      problems.map((p) => [p.file, p.severity, p.code]),
      [
        ['big.cfg', 'information', 'skipped-too-large'],
        ['blob.cfg', 'information', 'skipped-binary'],
        ['locked.cfg', 'error', 'io-error'],
      ],
    );
    assert.match(problems[0]!.message, /3000000 bytes is over vendorlens\.review\.maxFileSizeKb \(2048 KB\)/);
  });

  it('counts analysed files, findings, accepted findings and problems', () => {
    const finding = { file: 'a.cfg', line: 1, column: 1, endLine: 1, endColumn: 7, vendor: 'huawei', rule: 'flagged-vendor/huawei', kind: 'vendor-name', confidence: 'high', severity: 'error' as const, message: 'm', advisories: [], fingerprint: 'f:1', excerpt: 'Huawei' };
    const counts = countExport([
      { document: { file: 'a.cfg', format: 'text', dialect: 'unknown' }, findings: [finding, { ...finding, accepted: { reason: 'r', line: 1, scope: 'line' } }], problems: [] },
      { document: { file: 'b.cfg', format: 'text', dialect: 'unknown' }, findings: [], problems: [] },
      skippedFileProblem('c.cfg', { kind: 'binary' }),
    ]);
    assert.deepEqual(counts, { files: 2, findings: 2, accepted: 1, problems: 1 });
  });

  it('puts the panel\'s own CSP first in the report\'s head, forbidding scripts, forms and loads', () => {
    const html = renderReport('html', [], run());
    const shown = withPanelCsp(html);
    const head = /<head[^>]*>(.*?)<\/head>/s.exec(shown)![1]!;
    assert.match(head, /^<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'">/);
    assert.ok(shown.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`), 'the report\'s own stays');
    assert.equal(shown.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''), html);
    assert.match(withPanelCsp('<p>bare</p>'), /^<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy"[^>]*><\/head><body><p>bare<\/p>/);
  });
});
