// Report writers that stream: a scan hands each writer one file's record at a time, in walk order, and the
// writer turns it into text at once. Whatever a format needs of the whole run (totals, summary tables,
// the advisories cited) is kept as counts and sets, never as a list of findings, so memory is bounded by
// the files in flight. A format that must print something before what it has streamed (a summary at the
// top) writes to a later-numbered part: the sink joins the parts in order at the end.
import type { FindingSeverity, KnowledgeBase, Profile } from '../model';
import type { FileReport } from './scanReport';
import type { TextStyle } from './text';

// Every host the core runs in has the WHATWG TextDecoder; the core is compiled without DOM types.
declare const TextDecoder: new () => { decode(input: Uint8Array): string };

/**
 * Where a writer's text goes. Part 0 may go straight out; later parts are kept aside and appended in order.
 * Text may come as UTF-8 bytes (the JSON report's findings are written as bytes).
 */
export interface ReportSink {
  write(part: number, text: string | Uint8Array): void;
}

/** What every writer knows before the first file. */
export interface RunInfo {
  kb: KnowledgeBase;
  profiles: readonly Profile[];
  toolVersion: string;
  /** YYYY-MM-DD, from the host's clock. */
  generatedOn: string;
  /** Human formats list accepted findings only on request; JSON and SARIF always do (marked). */
  includeAccepted: boolean;
  /** Findings were compared with a baseline (SARIF marks its results new). */
  baselineApplied: boolean;
  /** The --fail-on level: JUnit fails a file's test case on an open finding at or above it. */
  failOn: FindingSeverity | 'none';
  /** Text to a terminal: colours. */
  style?: TextStyle;
}

/** What is known only once every file is in. */
export interface RunTotals {
  /** Findings also in the --baseline result, left out of every file given. */
  inBaseline: number;
  /** False when a file could not be read or analysed. */
  executionSuccessful: boolean;
}

export interface ReportWriter {
  /** One file's record: its findings after the baseline, accepted ones included (marked). */
  file(report: FileReport): void;
  end(totals: RunTotals): void;
}

export type WriterFactory = (info: RunInfo, sink: ReportSink) => ReportWriter;

/** A sink that keeps every part in memory: for tests and for reports rendered as one string. */
export class StringSink implements ReportSink {
  private readonly parts: string[][] = [];
  private readonly decoder = new TextDecoder();

  write(part: number, text: string | Uint8Array): void {
    (this.parts[part] ??= []).push(typeof text === 'string' ? text : this.decoder.decode(text));
  }

  toString(): string {
    let out = '';
    for (const part of this.parts) if (part) out += part.join('');
    return out;
  }
}

/** The file a scan's record is about (a record of a file that could not be read has no document). */
export function fileOf(report: FileReport): string | undefined {
  return report.document?.file ?? report.findings[0]?.file ?? report.problems[0]?.file;
}
