// Texts analysed with the real core as the CLI does, then rendered in every report format.
import { renderReport } from '../../src/core/report/render';
import { summarizeAnalysis, type FileReport, type ReportFinding } from '../../src/core/report/scanReport';
import { STREAMED_FORMATS } from '../../src/core/report/writers';
import { knowledge, languageService, textDocument } from './helpers';

/** One record per file, in the order given. */
export function scanRecords(files: Record<string, string>): FileReport[] {
  const kb = knowledge();
  const service = languageService({});
  return Object.entries(files).map(([file, text]) => {
    const doc = textDocument(text, `file:///work/${encodeURIComponent(file)}`);
    return summarizeAnalysis(kb, file, doc, service.analyze(doc));
  });
}

/** Every finding of the records, in their order. */
export function findingsOf(records: readonly FileReport[]): ReportFinding[] {
  return records.flatMap((r) => r.findings);
}

/** Every format's rendering of the records, as the editor's export renders them (accepted findings listed). */
export function renderAll(records: readonly FileReport[]): Record<string, string> {
  const kb = knowledge();
  const options = { kb, profiles: [kb.profileById.get('global')!], toolVersion: '9.9.9', generatedOn: '2026-11-29' };
  const rendered: Record<string, string> = {};
  for (const format of STREAMED_FORMATS) rendered[format] = renderReport(format, records, options);
  return rendered;
}

export function scanTexts(files: Record<string, string>): { findings: ReportFinding[]; rendered: Record<string, string> } {
  const records = scanRecords(files);
  return { findings: findingsOf(records), rendered: renderAll(records) };
}
