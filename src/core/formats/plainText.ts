// Plain-text configurations, config backups and show/display captures: one field per line, with the
// dialect recognised from the content and the section path each line sits in (sections.ts).
import type { Field } from '../model';
import { isWhitespace } from '../text';
import { detectDialect, dialectSpec } from './dialects/detect';
import type { FormatModule, LineFilter, ParsedDocument } from './format';
import { canWalkBack, createLineSections, indentPathBefore, sectionStyleOf, type SectionStyle } from './sections';

/** Without a recognised dialect: '!' when the file's first comment uses it (IOS-style), '#' otherwise. */
function sniffCommentPrefix(text: string): string {
  const head = text.slice(0, 64 * 1024);
  const bang = /^[ \t]*!/m.exec(head);
  const hash = /^[ \t]*#/m.exec(head);
  if (bang && (!hash || bang.index < hash.index)) return '!';
  return '#';
}

/** Every line (up to the last one wanted), with the section tracker fed each: the general way. */
function readEveryLine(text: string, style: SectionStyle, wantLine: LineFilter | undefined): Field[] {
  const sections = createLineSections(style);
  const fields: Field[] = [];
  // Character tests and indexOf rather than a span list, trim() and regexes per line: this loop runs
  // over every line of every file scanned. Line breaks as in the editor: \n, \r\n and a lone \r.
  const hasCarriageReturns = text.includes('\r');
  // Lines after the last one wanted are not read at all: their section paths would serve no field.
  const stop = wantLine ? wantLine.lastWanted : text.length;
  for (let start = 0, line = 0; start < text.length && start <= stop; line++) {
    let end: number;
    if (hasCarriageReturns) {
      end = start;
      for (let c = text.charCodeAt(end); end < text.length && c !== 10 && c !== 13; c = text.charCodeAt(++end));
    } else {
      end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
    }
    const next = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    let first = start;
    while (first < end && isWhitespace(text.charCodeAt(first))) first++;
    if (first < end) {
      sections.next(text, start, first, end);
      if (!wantLine || wantLine.wants(start, end)) fields.push(lineField(text, start, first, end, line, sections.path()));
    }
    start = next;
  }
  return fields;
}

function lineField(text: string, start: number, first: number, end: number, line: number, path: readonly string[] | undefined): Field {
  const mark = text.charCodeAt(first);
  const comment = mark === 33 /* ! */ || mark === 35; /* # */
  return { offset: start, text: text.slice(start, end), role: comment ? 'comment' : 'text', path, line };
}

/**
 * Only the lines holding the offsets given, each with its line number (line breaks counted with indexOf)
 * and its section path found by walking back (indentPathBefore). Undefined when a walk would cost more
 * than reading every line.
 */
function readOnlyLines(text: string, offsets: readonly number[]): Field[] | undefined {
  const fields: Field[] = [];
  const budget = { chars: text.length };
  let line = 0;
  let counted = 0; // line breaks before this offset are counted in `line`
  let nextLine = 0; // offsets before this are on a line already read
  for (const at of offsets) {
    if (at < nextLine) continue;
    const start = text.lastIndexOf('\n', at - 1) + 1;
    const breakAt = text.indexOf('\n', at);
    const lineEnd = breakAt < 0 ? text.length : breakAt;
    const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    for (let nl = text.indexOf('\n', counted); nl >= 0 && nl < start; nl = text.indexOf('\n', nl + 1)) line++;
    counted = start;
    nextLine = lineEnd + 1;
    let first = start;
    while (first < end && isWhitespace(text.charCodeAt(first))) first++;
    if (first === end) continue;
    const path = indentPathBefore(text, start, first, end, budget);
    if (path === null) return undefined;
    fields.push(lineField(text, start, first, end, line, path));
  }
  return fields;
}

export const plainTextFormat: FormatModule = {
  id: 'text',
  parse(text: string, wantLine?: LineFilter): ParsedDocument {
    const dialect = detectDialect(text);
    const style = sectionStyleOf(dialect.id);
    // Straight to the wanted lines where the section paths can be found walking back; else line by line.
    const only = wantLine?.only;
    const direct = only && (only.length === 0 || (style === 'indent' && canWalkBack(text))) ? readOnlyLines(text, only) : undefined;
    const fields = direct ?? readEveryLine(text, style, wantLine);
    const commentPrefix = dialectSpec(dialect.id)?.commentPrefix ?? sniffCommentPrefix(text);
    return { fields, problems: [], commentPrefix, dialect };
  },
};
