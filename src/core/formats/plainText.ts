// Plain-text configurations, config backups and show/display captures: one field per line, with the
// dialect recognised from the content and the section path each line sits in (sections.ts).
import type { Field } from '../model';
import { detectDialect, dialectSpec } from './dialects/detect';
import { lineSpans, type FormatModule, type ParsedDocument } from './format';
import { createSectionTracker, sectionStyleOf } from './sections';

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
  parse(text: string): ParsedDocument {
    const dialect = detectDialect(text);
    const section = createSectionTracker(sectionStyleOf(dialect.id));
    const fields: Field[] = [];
    for (const span of lineSpans(text)) {
      const line = text.slice(span.start, span.end);
      if (line.trim() === '') continue;
      const path = section(line);
      fields.push({ offset: span.start, text: line, role: /^\s*[!#]/.test(line) ? 'comment' : 'text', path });
    }
    const commentPrefix = dialectSpec(dialect.id)?.commentPrefix ?? sniffCommentPrefix(text);
    return { fields, problems: [], commentPrefix, dialect };
  },
};
