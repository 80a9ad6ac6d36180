import type { DialectDetection, Field, SheetPlace, TextFormatId } from '../model';

/** A problem found while parsing, located by offsets into the document text. */
export interface ParseProblem {
  start: number;
  end: number;
  severity: 'error' | 'warning' | 'information';
  code: string;
  message: string;
  /** In a spreadsheet: the sheet or cell the problem is about. */
  place?: SheetPlace;
}

export interface ParsedDocument {
  fields: Field[];
  problems: ParseProblem[];
  /** The line-comment prefix review notes are written with; undefined when the format has none. */
  commentPrefix?: string;
  dialect: DialectDetection;
}

export const UNKNOWN_DIALECT: DialectDetection = { id: 'unknown', confidence: 'low', reasons: [] };

/**
 * Which lines (or table records) the analysis needs as fields: those where some evidence could be (see
 * EvidenceMatcher's trigger). `wants` is called with the span of each non-blank line or record, in
 * order. A module whose fields are pieces of the text as it stands (plain text, CSV) may leave the others
 * out; a module that decodes its text (JSON, XML escapes) ignores it. An object with a method rather than
 * a function: a new closure per document at a call site in a hot loop made V8 throw its optimised code away.
 */
export interface LineFilter {
  wants(start: number, end: number): boolean;
  /** No line starting after this offset is wanted: a module may stop reading lines there. */
  readonly lastWanted: number;
  /**
   * When the lines wanted are exactly those holding one of these offsets (sorted; no review note in the
   * document): a module may go straight to them instead of through every line.
   */
  readonly only?: readonly number[];
}

/** One module per format: it yields located fields and never knows about vendors. */
export interface FormatModule {
  readonly id: TextFormatId;
  parse(text: string, wantLine?: LineFilter): ParsedDocument;
}

export interface LineSpan {
  start: number;
  /** End of the line's content, before its line break. */
  end: number;
}

/** Splits text into lines (\n, \r\n or \r) with offsets. */
export function lineSpans(text: string): LineSpan[] {
  const spans: LineSpan[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      spans.push({ start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}
