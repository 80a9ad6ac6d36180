// Inline acceptance notes: a reviewer's decision, written as a comment in the file's own syntax.
//   ! vendorlens-accept: huawei | reason: spare in storage, not connected | ticket: CHG-1234 | expires: 2027-06-30 | by: jdoe | on: 2026-11-29
// A note applies to the line right below it (stacked notes aside); `vendorlens-accept-file:` applies to the whole file.
import type { AcceptanceNote } from '../model';
import { t } from '../l10n';

export const NOTE_MARKER = 'vendorlens-accept';
const NOTE = /vendorlens-accept(-file)?:\s*(.*)$/;
const KEYS = new Set(['reason', 'ticket', 'expires', 'by', 'on']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface NoteParseResult {
  note?: AcceptanceNote;
  /** Why the comment looks like a note but cannot be used. */
  error?: string;
}

export function isValidDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Parses a comment's text; returns nothing when the comment is not a note. */
export function parseNote(comment: string, line: number, today: string): NoteParseResult | undefined {
  const m = NOTE.exec(comment);
  if (!m) return undefined;
  const [vendorPart, ...pairs] = m[2]!.split('|');
  const vendors = vendorPart!
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '');
  if (vendors.length === 0) return { error: t('The review note names no vendor: write the vendor id (e.g. huawei) or * after the colon.') };
  const values: Record<string, string> = {};
  for (const pair of pairs) {
    const colon = pair.indexOf(':');
    const key = (colon < 0 ? pair : pair.slice(0, colon)).trim().toLowerCase();
    if (!KEYS.has(key)) return { error: t("Unknown field '{0}' in the review note; expected reason, ticket, expires, by or on.", key) };
    values[key] = colon < 0 ? '' : pair.slice(colon + 1).trim();
  }
  if (!values.reason) return { error: t('The review note has no reason: add "| reason: …".') };
  for (const key of ['expires', 'on'] as const) {
    if (values[key] !== undefined && !isValidDate(values[key]!)) {
      return { error: t("The review note's '{0}' is not a date: write it as YYYY-MM-DD.", key) };
    }
  }
  return {
    note: {
      vendors,
      reason: values.reason,
      ticket: values.ticket || undefined,
      expires: values.expires,
      by: values.by || undefined,
      on: values.on,
      line,
      scope: m[1] ? 'file' : 'line',
      expired: values.expires !== undefined && values.expires < today,
    },
  };
}

export function noteCovers(note: AcceptanceNote, vendorId: string): boolean {
  return note.vendors.includes('*') || note.vendors.includes(vendorId);
}

/** What a note says, without where it stands. */
export type NoteFields = Pick<AcceptanceNote, 'vendors' | 'reason' | 'ticket' | 'expires' | 'by' | 'on'>;

/** The note's text without the comment prefix; `|` and line breaks in values are replaced, as they would end a field. */
export function formatNote(fields: NoteFields, scope: 'line' | 'file' = 'line'): string {
  const clean = (s: string) => s.replace(/[|\r\n]+/g, ' ').trim();
  const parts = [`${NOTE_MARKER}${scope === 'file' ? '-file' : ''}: ${fields.vendors.join(', ')}`, `reason: ${clean(fields.reason)}`];
  if (fields.ticket) parts.push(`ticket: ${clean(fields.ticket)}`);
  if (fields.expires) parts.push(`expires: ${fields.expires}`);
  if (fields.by) parts.push(`by: ${clean(fields.by)}`);
  if (fields.on) parts.push(`on: ${fields.on}`);
  return parts.join(' | ');
}
