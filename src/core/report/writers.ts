// The report formats a scan can stream, by name: adding a format is a module with its writer and a line here.
import { csvWriter } from './csv';
import { githubWriter } from './githubAnnotations';
import { gitlabWriter } from './gitlab';
import { htmlWriter } from './html';
import { jsonWriter } from './json';
import { junitWriter } from './junit';
import { markdownWriter } from './markdown';
import { registerCsvWriter, registerJsonWriter } from './register';
import { sarifWriter } from './sarif';
import { textWriter } from './text';
import type { WriterFactory } from './writer';

export const STREAMED_FORMATS = ['text', 'json', 'sarif', 'markdown', 'html', 'csv', 'github', 'gitlab', 'junit', 'register-csv', 'register-json'] as const;
export type StreamedFormat = (typeof STREAMED_FORMATS)[number];

export const WRITERS: Record<StreamedFormat, WriterFactory> = {
  text: textWriter,
  json: jsonWriter,
  sarif: sarifWriter,
  markdown: markdownWriter,
  html: htmlWriter,
  csv: csvWriter,
  github: githubWriter,
  gitlab: gitlabWriter,
  junit: junitWriter,
  'register-csv': registerCsvWriter,
  'register-json': registerJsonWriter,
};

/** The formats that print a finding's redacted excerpt: the scan makes excerpts only for them. */
export const USES_EXCERPTS: ReadonlySet<StreamedFormat> = new Set<StreamedFormat>(['csv', 'markdown', 'html', 'junit']);
