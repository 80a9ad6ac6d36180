// Plain-text configurations, config backups and show/display captures: one field per line, with the
// dialect recognised from the content and the section path each line sits in (sections.ts).
import type { Field } from '../model';
import { isWhitespace } from '../text';
import { detectDialect, dialectSpec } from './dialects/detect';
import type { FormatModule, LineFilter, ParsedDocument } from './format';
import { createLineSections, sectionStyleOf } from './sections';

/** Without a recognised dialect: '!' when the file's first comment uses it (IOS-style), '#' otherwise. */
function sniffCommentPrefix(text: string): string {
  const head = text.slice(0, 64 * 1024);
  const bang = /^[ \t]*!/m.exec(head);
  const hash = /^[ \t]*#/m.exec(head);
  if (bang && (!hash || bang.index < hash.index)) return '!';
  return '#';
}

export const plainTextFormat: FormatModule = {
  id: 'text',
  parse(text: string, wantLine?: LineFilter): ParsedDocument {
    const dialect = detectDialect(text);
    const sections = createLineSections(sectionStyleOf(dialect.id));
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
        if (!wantLine || wantLine(start, end)) {
          const mark = text.charCodeAt(first);
          const comment = mark === 33 /* ! */ || mark === 35; /* # */
          fields.push({ offset: start, text: text.slice(start, end), role: comment ? 'comment' : 'text', path: sections.path(), line });
        }
      }
      start = next;
    }
    const commentPrefix = dialectSpec(dialect.id)?.commentPrefix ?? sniffCommentPrefix(text);
    return { fields, problems: [], commentPrefix, dialect };
  },
};
