// Plain-text configurations, config backups and show/display captures: one field per line,
// with the section it sits in (the nearest unindented line above an indented one).
import type { Field } from '../model';
import { lineSpans, UNKNOWN_DIALECT, type FormatModule, type ParsedDocument } from './format';

const MAX_CONTEXT = 120;

/** '!' for IOS-style configs (and ZTE), '#' otherwise: the syntax a review note must use. */
function sniffCommentPrefix(text: string): string {
  const head = text.slice(0, 64 * 1024);
  const bang = /^[ \t]*!/m.exec(head);
  const hash = /^[ \t]*#/m.exec(head);
  if (bang && (!hash || bang.index < hash.index)) return '!';
  return '#';
}

export const plainTextFormat: FormatModule = {
  id: 'text',
  parse(text: string): ParsedDocument {
    const fields: Field[] = [];
    let section: string | undefined;
    for (const span of lineSpans(text)) {
      const line = text.slice(span.start, span.end);
      const trimmed = line.trim();
      if (trimmed === '') continue;
      const indented = /^[ \t]/.test(line);
      if (!indented && !/^[!#]/.test(trimmed)) section = trimmed.slice(0, MAX_CONTEXT);
      const role = /^[!#]/.test(trimmed) ? 'comment' : 'text';
      fields.push({
        offset: span.start,
        text: line,
        role,
        path: indented && section !== undefined ? [section] : undefined,
      });
    }
    return { fields, problems: [], commentPrefix: sniffCommentPrefix(text), dialect: UNKNOWN_DIALECT };
  },
};
