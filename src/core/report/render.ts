// One entry point for the report files, shared by the CLI and the language server (VS Code's
// *Export Report*), so that a report written in the editor and one written in CI are the same.
import { escapeControlsInJson, showControlsDeep, showControlsInDocument } from './controls';
import { toCsv } from './csv';
import { toHtml } from './html';
import { toJsonReport } from './json';
import { toMarkdown } from './markdown';
import { toRegisterCsv, toRegisterJson } from './register';
import { toSarif } from './sarif';
import type { ReportContext, ScanReport } from './scanReport';

export const REPORT_FORMATS = ['html', 'markdown', 'csv', 'json', 'sarif', 'register-csv', 'register-json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** SARIF's tool.driver.informationUri. */
export const INFORMATION_URI = 'https://github.com/vendorlens/vendorlens';

export interface RenderOptions extends ReportContext {
  /** SARIF: findings were compared with a baseline (results are marked new). */
  baselineApplied?: boolean;
  /** SARIF: false when a file could not be read or analysed. */
  executionSuccessful?: boolean;
}

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);
}

/** Whether a file could not be read or analysed: the scan is incomplete. */
export function hasFailedFiles(report: Pick<ScanReport, 'problems'>): boolean {
  return report.problems.some((p) => FILE_NOT_CHECKED.has(p.code));
}

/**
 * Problems that mean a file, or part of it, was not checked: a scan that leaves anything unread or
 * unanalysed must not pass CI (unlike a skipped binary or an oversized file, skipped by a limit the user set).
 */
const FILE_NOT_CHECKED = new Set([
  'io-error',
  'analysis-failed',
  // Stopped by the time budget: the rest of the file was never checked.
  'analysis-cut-short',
  'spreadsheet-unreadable',
  'spreadsheet-encrypted',
  'spreadsheet-too-large',
  // A part (sheet, shared strings) whose XML could not be read to its end, from its first byte on if need be.
  'spreadsheet-malformed',
  // Nested past what is read as a tree.
  'json-too-deep',
  'yaml-too-deep',
  'xml-too-deep',
]);

/**
 * A report file. No control character from a scanned file, a file name or a policy reaches one raw
 * (controls.ts): JSON keeps the exact values, escaped; SARIF, Markdown, HTML and CSV show them as escapes.
 */
export function renderReport(format: ReportFormat, report: ScanReport, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return escapeControlsInJson(JSON.stringify(toJsonReport(report), null, 2)) + '\n';
    case 'sarif': {
      const { kb, profiles, toolVersion, baselineApplied, executionSuccessful, generatedOn } = options;
      // Viewers show message texts as they are; URIs are percent-encoded already.
      const log = showControlsDeep(toSarif(report, { kb, profiles, toolVersion, informationUri: INFORMATION_URI, baselineApplied, executionSuccessful, generatedOn }));
      return escapeControlsInJson(JSON.stringify(log, null, 2)) + '\n';
    }
    case 'markdown':
      return showControlsInDocument(toMarkdown(report, options));
    case 'html':
      return showControlsInDocument(toHtml(report, options));
    case 'csv':
      return showControlsInDocument(toCsv(report));
    // The flagged-asset register: one row per device or product, accepted ones included (marked).
    case 'register-csv':
      return showControlsInDocument(toRegisterCsv(report, options));
    case 'register-json':
      return escapeControlsInJson(JSON.stringify(toRegisterJson(report, options), null, 2)) + '\n';
  }
}
