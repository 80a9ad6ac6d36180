// Small text helpers for what the core shows to people.
import { t } from './l10n';

/** Escapes text taken from a file so that Markdown shows it literally (no links, images, HTML or commands). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&"':]/g, '\\$&').replace(/\r?\n|\r/g, ' ');
}

/**
 * A URL as a Markdown link target. Policy files may add advisories, so the URL is not trusted: only
 * http(s) links are made, and parentheses and spaces are encoded so the target cannot end early.
 */
export function linkTarget(url: string): string {
  if (!/^https?:\/\//i.test(url)) return '#';
  try {
    return encodeURI(url).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return '#'; // a lone surrogate cannot be encoded
  }
}

/** decodeURIComponent, or the text unchanged when it holds a malformed escape. */
export function decodeUriComponentSafely(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Today's date (UTC) as YYYY-MM-DD. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

/** "in 1 year 2 months", "in 12 days", "3 months ago", "today". */
export function timeUntil(fromIsoDay: string, toIsoDay: string): string {
  const from = new Date(`${fromIsoDay}T00:00:00Z`);
  const to = new Date(`${toIsoDay}T00:00:00Z`);
  const future = to >= from;
  const [a, b] = future ? [from, to] : [to, from];
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (b.getUTCDate() < a.getUTCDate()) months--;
  const days = Math.round((b.getTime() - a.getTime()) / 86_400_000);
  if (days === 0) return t('today');
  let span: string;
  if (months < 1) span = dayCount(days);
  else if (months < 12) span = monthCount(months);
  else span = months % 12 === 0 ? yearCount(months / 12) : `${yearCount(Math.floor(months / 12))} ${monthCount(months % 12)}`;
  return future ? t('in {0}', span) : t('{0} ago', span);
}

// One key for 1 and one for the rest: languages with more plural forms translate these as abbreviations.
function dayCount(n: number): string {
  return n === 1 ? t('1 day') : t('{0} days', n);
}

function monthCount(n: number): string {
  return n === 1 ? t('1 month') : t('{0} months', n);
}

function yearCount(n: number): string {
  return n === 1 ? t('1 year') : t('{0} years', n);
}

/** The characters String.prototype.trim removes. */
export function isWhitespace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * The 0-based line and UTF-16 column of an offset, counted from the start of the text (\n, \r\n and a lone
 * \r end a line, as in the editor): for the few offsets near the start that need no line table.
 */
export function positionInText(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < offset) continue;
    if (c === 10 || c === 13) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/**
 * TextDocument.positionAt for the offsets of one analysis, which come mostly in increasing order: line
 * breaks are counted with indexOf from the last offset asked, so a large document with a few findings
 * needs no table of all its lines. An offset on an earlier line, or a text with a lone \r (rare, and
 * a line break of its own), goes to `lineTable` (the document's positionAt).
 */
export function createLineLocator(text: string, lineTable: (offset: number) => { line: number; character: number }): (offset: number) => { line: number; character: number } {
  let counting: boolean | undefined; // whether line breaks are \n and \r\n only: asked on the first call
  let counted = 0; // the \n before this offset are counted in `line`
  let line = 0;
  let lineStart = 0;
  return (offset) => {
    offset = Math.max(0, Math.min(offset, text.length));
    counting ??= !hasLoneCarriageReturn(text);
    if (!counting || offset < lineStart) return lineTable(offset);
    for (let nl = text.indexOf('\n', counted); nl >= 0 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    counted = Math.max(counted, offset);
    // As positionAt does: an offset inside a line break (between \r and \n) is the end of its line.
    let character = offset;
    while (character > lineStart && text.charCodeAt(character - 1) === 13) character--;
    return { line, character: character - lineStart };
  };
}

/** A \r not followed by \n: a line break of its own (old Mac files), which some of the fast paths do not expect. */
export function hasLoneCarriageReturn(text: string): boolean {
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== 10) return true;
  return false;
}

/**
 * A `command:` link target for one of the extension's own commands, with its arguments as encoded JSON.
 * Parentheses are encoded too (encodeURIComponent leaves them), so the target cannot end early.
 */
export function commandLink(command: string, args: readonly unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args)).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** At most `max` characters, cut at a word boundary with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  let kept = space > max * 0.6 ? cut.slice(0, space) : cut;
  // A loop, not /[\s,;:.]+$/: that regex is quadratic on a long run of such characters.
  while (kept !== '' && /[\s,;:.]/.test(kept[kept.length - 1]!)) kept = kept.slice(0, -1);
  return `${kept}…`;
}

/**
 * A matcher detail without the catalogue's sources ("(huawei/ne-router; per https://…)"): the hover and
 * the diagnostics' related information show what was found; where the catalogue entry comes from is in
 * the vendor details.
 */
export function withoutSources(detail: string): string {
  return detail.replace(/ ?\([^()]*; per https?:\/\/[^()\s]*\)/g, '');
}
