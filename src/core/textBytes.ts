// A file's bytes as text, shared by every host that reads files (CLI, workspace review): UTF-8 by
// default, UTF-16 when a byte order mark says so (Windows PowerShell 5 `>` and Excel's "Unicode Text"
// write UTF-16LE with one), and binary when NUL bytes come early and often, or with bytes that are no UTF-8.
const BINARY_SNIFF_BYTES = 8000;

// Every host the core runs in (browsers, web workers, Node) has the WHATWG TextDecoder; the core is
// type-checked without their libraries, so its shape is stated here.
declare const TextDecoder: new (label?: string) => { decode(input?: Uint8Array, options?: { stream?: boolean }): string };

/**
 * Whether text whose start holds NUL characters is binary: only when control characters are frequent
 * (more than one in 16) or come with bytes that are no UTF-8 (U+FFFD after decoding). Real binaries show
 * one or the other within a few kilobytes; a text file with a stray NUL (a one-byte way to hide a file
 * from a scan) does not.
 */
export function looksBinary(sample: string): boolean {
  if (!sample.includes('\u0000')) return false;
  if (sample.includes('\ufffd')) return true;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    // Tab, line breaks, form feed and escape occur in text files.
    if (c < 0x20 && (c < 0x09 || c > 0x0d) && c !== 0x1b) controls++;
  }
  return controls * 16 > sample.length;
}

export const BINARY_SNIFF_CHARS = 8000;

export type DecodedBytes = { kind: 'text'; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { kind: 'binary' };

export function decodeTextBytes(bytes: Uint8Array): DecodedBytes {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  if (encoding === 'utf-8' && bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    // The sample's last character may be cut: the decoder is told more follows.
    if (looksBinary(new TextDecoder('utf-8').decode(bytes.subarray(0, BINARY_SNIFF_BYTES), { stream: true }))) return { kind: 'binary' };
  }
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
