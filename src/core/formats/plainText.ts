// Plain-text configurations, config backups and show/display captures: one field per line,
// with the section it sits in (the nearest unindented line above an indented one).
import type { Field } from '../model';
import { UNKNOWN_DIALECT, type FormatModule, type ParsedDocument } from './format';

const MAX_CONTEXT = 120;

/** '!' for IOS-style configs (and ZTE), '#' otherwise: the syntax a review note must use. */
function sniffCommentPrefix(text: string): string {
  const head = text.slice(0, 64 * 1024);
  const bang = /^[ \t]*!/m.exec(head);
  const hash = /^[ \t]*#/m.exec(head);
  if (bang && (!hash || bang.index < hash.index)) return '!';
  return '#';
}

/** The characters String.prototype.trim removes. */
function isWhitespace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

export const plainTextFormat: FormatModule = {
  id: 'text',
  parse(text: string): ParsedDocument {
    const fields: Field[] = [];
    let section: readonly string[] | undefined; // one array per section, shared by its lines
    // One pass of character tests rather than a span list, trim() and regexes per line: this loop runs
    // over every line of every file scanned.
    for (let start = 0; start < text.length; ) {
      let end = start;
      let first = -1;
      for (; end < text.length; end++) {
        const c = text.charCodeAt(end);
        if (c === 10 || c === 13) break;
        if (first < 0 && !isWhitespace(c)) first = end;
      }
      const next = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
      if (first >= 0) {
        const lead = text.charCodeAt(start);
        const indented = lead === 32 || lead === 9;
        const mark = text.charCodeAt(first);
        const comment = mark === 33 /* ! */ || mark === 35; /* # */
        const line = text.slice(start, end);
        if (!indented && !comment) section = [line.trim().slice(0, MAX_CONTEXT)];
        fields.push({ offset: start, text: line, role: comment ? 'comment' : 'text', path: indented ? section : undefined });
      }
      start = next;
    }
    return { fields, problems: [], commentPrefix: sniffCommentPrefix(text), dialect: UNKNOWN_DIALECT };
  },
};
