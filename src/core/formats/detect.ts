// What is this document? Chooses the format module from the language id, the file extension
// and, failing those, the content. Config dialects are recognised by content inside the text format.
import type { FormatId } from '../model';
import { csvFormat, headerRole, sniffDelimiter, tokenizeDelimited } from './csv';
import type { FormatModule } from './format';
import { plainTextFormat } from './plainText';

const FORMATS: Partial<Record<FormatId, FormatModule>> = { text: plainTextFormat, csv: csvFormat };

const CSV_LANGUAGES = new Set(['csv', 'tsv', 'csv (semicolon)', 'csv (pipe)', 'csv (whitespace)']);
const CSV_EXTENSIONS = /\.(csv|tsv|psv|tab)$/i;

export interface DocumentIdentity {
  uri: string;
  languageId?: string;
  text: string;
}

/** Content check for delimited text without a telling name: a recognisable header row in the first lines. */
function looksDelimited(text: string): boolean {
  const head = text.slice(0, 16 * 1024);
  const delimiter = sniffDelimiter(head);
  const { records } = tokenizeDelimited(head, delimiter);
  const sample = records.slice(0, 10).filter((r) => r.cells.length > 1);
  if (sample.length < 2) return false;
  return sample.some((r) => new Set(r.cells.map((c) => headerRole(c.value)).filter(Boolean)).size >= 2);
}

export function detectFormat(doc: DocumentIdentity): FormatId {
  const language = doc.languageId?.toLowerCase();
  const path = doc.uri.replace(/[?#].*$/, '');
  if ((language && CSV_LANGUAGES.has(language)) || CSV_EXTENSIONS.test(path)) return 'csv';
  if (language === 'plaintext' || language === 'log' || language === undefined) {
    return looksDelimited(doc.text) ? 'csv' : 'text';
  }
  return 'text';
}

export function formatModule(id: FormatId): FormatModule {
  return FORMATS[id] ?? plainTextFormat;
}
