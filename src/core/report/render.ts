// A report as one string: the format's streaming writer (the one the CLI runs) over per-file records, into
// a sink kept in memory. The language server renders VS Code's *Export Report* with it, so that a report
// written in the editor and one written in CI are the same.
import { hasFailedFiles, type FileReport } from './scanReport';
import { StringSink, type RunInfo } from './writer';
import { WRITERS, type StreamedFormat } from './writers';

/** The formats the editor's *Export Report* offers. */
export const REPORT_FORMATS = ['html', 'markdown', 'csv', 'json', 'sarif', 'register-csv', 'register-json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);
}

/** The run as a writer knows it; what is left out takes the editor's defaults. */
export type RenderOptions = Pick<RunInfo, 'kb' | 'profiles' | 'toolVersion' | 'generatedOn'> &
  Partial<RunInfo> & {
    /** Findings also in a baseline, left out of the records given. */
    inBaseline?: number;
  };

/**
 * The report of these records, in their order. By default accepted findings are listed (marked): the
 * editor's export is the record of the review. No control character from a scanned file, a file name or
 * a policy reaches a report raw (controls.ts): JSON keeps the exact values, escaped; the others show them
 * as escapes.
 */
export function renderReport(format: StreamedFormat, files: Iterable<FileReport>, options: RenderOptions): string {
  const sink = new StringSink();
  const writer = WRITERS[format]({ includeAccepted: true, baselineApplied: false, failOn: 'none', ...options }, sink);
  let executionSuccessful = true;
  for (const file of files) {
    writer.file(file);
    if (hasFailedFiles(file)) executionSuccessful = false;
  }
  writer.end({ inBaseline: options.inBaseline ?? 0, executionSuccessful });
  return sink.toString();
}
