// Texts analysed with the real core as the CLI does, then rendered in every report format.
import { renderReport, REPORT_FORMATS } from '../../src/core/report/render';
import { mergeFileReports, NOTHING_OMITTED, summarizeAnalysis, type ScanReport } from '../../src/core/report/scanReport';
import { toText } from '../../src/core/report/text';
import { knowledge, languageService, textDocument } from './helpers';

export function scanReportOf(files: Record<string, string>): ScanReport {
  const kb = knowledge();
  const service = languageService({});
  return mergeFileReports(
    Object.entries(files).map(([file, text]) => {
      const doc = textDocument(text, `file:///work/${encodeURIComponent(file)}`);
      return summarizeAnalysis(kb, file, doc, service.analyze(doc));
    }),
  );
}

/** Every format's rendering of a report: text (plain and coloured) and each report file format. */
export function renderAll(report: ScanReport): Record<string, string> {
  const kb = knowledge();
  const options = { kb, profiles: [kb.profileById.get('global')!], toolVersion: '9.9.9', generatedOn: '2026-11-29', omitted: NOTHING_OMITTED };
  const rendered: Record<string, string> = { text: toText(report) };
  for (const format of REPORT_FORMATS) rendered[format] = renderReport(format, report, options);
  return rendered;
}

export function scanTexts(files: Record<string, string>): { findingCount: number; report: ScanReport; rendered: Record<string, string> } {
  const report = scanReportOf(files);
  return { findingCount: report.findings.length, report, rendered: renderAll(report) };
}
