// A file's bytes as text, shared by every host that reads files (CLI, workspace review): UTF-8 by
// default, UTF-16 when a byte order mark says so (Windows PowerShell 5 `>` and Excel's "Unicode Text"
// write UTF-16LE with one), and binary when NUL bytes come early without such a mark, as git and grep decide.
const BINARY_SNIFF_BYTES = 8000;

export type DecodedBytes = { kind: 'text'; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { kind: 'binary' };

export function decodeTextBytes(bytes: Uint8Array): DecodedBytes {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  if (encoding === 'utf-8' && bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  // The decoder drops the byte order mark; an odd last byte of UTF-16 becomes U+FFFD, as editors show it.
  return { kind: 'text', text: new TextDecoder(encoding).decode(bytes), encoding };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND_FILE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function holdsAscii(bytes: Uint8Array, needle: string): boolean {
  const first = needle.charCodeAt(0);
  for (let i = bytes.indexOf(first); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && bytes[i + k] === needle.charCodeAt(k)) k++;
    if (k === needle.length) return true;
  }
  return false;
}

/**
 * Whether binary bytes are a workbook whatever the file is called (a template, .xls, .xlsb, or renamed):
 * a ZIP archive whose entry names (stored uncompressed in its headers) are a workbook's, or an Office
 * compound file (an old .xls, or a password-protected workbook). The reader then says what it can do.
 */
export function looksLikeWorkbook(bytes: Uint8Array, name: string): boolean {
  // Compound files are Word and Outlook files too: only those named as Excel's are taken for workbooks.
  if (startsWith(bytes, COMPOUND_FILE_MAGIC)) return /\.xl[a-z]?$/i.test(name);
  if (!startsWith(bytes, ZIP_MAGIC)) return false;
  return holdsAscii(bytes, 'xl/workbook.') || holdsAscii(bytes, 'application/vnd.oasis.opendocument.spreadsheet');
}
