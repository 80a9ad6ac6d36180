// Reads one file and analyses it into the compact record reports are written from. Runs in the worker
// threads and, for small scans, in the main thread; the text is dropped as soon as the record exists.
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { fileUri } from './policy';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type LanguageService, type PolicySource } from '../core/languageService';
import { readSpreadsheet, spreadsheetFormatOf } from '../core/formats/spreadsheet/read';
import type { KnowledgeBase, SpreadsheetFormatId } from '../core/model';
import { summarizeAnalysis, type FileReport, type ReportProblem } from '../core/report/scanReport';
import { decodeTextBytes, looksLikeWorkbook } from '../core/textBytes';
import { describeIoError } from './io';

export interface AnalyzerSettings {
  /** Profile ids; empty: the policy file's, else the default. */
  profiles: string[];
  /** The organisation policy file, applied as the editor applies it. */
  policy?: PolicySource;
  maxFileSize: number;
  /** Loaded and validated once by the main thread; workers receive a structured clone (no YAML parsing). */
  knowledge: KnowledgeBase;
  /** Whether a report written needs the findings' redacted excerpts (see SummaryOptions). Default: yes. */
  excerpts?: boolean;
}

/** Files up to this size are read into one reused buffer; larger ones (rare) get a buffer of their own. */
const REUSED_BUFFER_MAX = 16 * 1024 * 1024;

/**
 * Reads a whole file, as readFileSync does, into a buffer each thread reuses: a new buffer per file left
 * 15–20 MB of dead ones waiting for a collection (they live outside the heap V8 sizes itself by); the
 * benchmark scan's median peak RSS went from 179 MB to 169. Only valid until the next call.
 */
function readWhole(fd: number, size: number): Buffer {
  // Size 0 may be a pseudo-file (/proc, /sys) whose size is unknown until read: read it to its end.
  if (size === 0 || size > REUSED_BUFFER_MAX) return readFileSync(fd);
  if (reused.length < size) reused = Buffer.allocUnsafe(Math.min(REUSED_BUFFER_MAX, Math.max(size, reused.length * 2)));
  let read = 0;
  for (let n = -1; read < size && n !== 0; read += n) n = readSync(fd, reused, read, size - read, read);
  return reused.subarray(0, read);
}
let reused = Buffer.allocUnsafe(1024 * 1024);

/**
 * Problems meaning a file was not (fully) checked: the scan exits 2, as for an unreadable file, so that CI
 * never passes a workbook it could not open (password-protected, damaged, or a zip bomb).
 */

export function fileProblem(display: string, code: string, message: string, severity: ReportProblem['severity'] = 'error'): FileReport {
  return { findings: [], problems: [{ file: display, line: 0, column: 0, severity, code, message }] };
}

export interface FileAnalyzer {
  /** `path` as bytes when the file's name is not valid UTF-8. */
  analyzeFile(path: string | Uint8Array, display: string): Promise<FileReport & { bytes: number }>;
  /** Standard input or anything else already in memory; `name` decides the format as a file name would. */
  analyzeInput(bytes: Uint8Array, display: string, name: string): FileReport;
}

export function createFileAnalyzer(settings: AnalyzerSettings): FileAnalyzer {
  const service: LanguageService = getLanguageService({ knowledge: settings.knowledge });
  service.configure({ profile: settings.profiles, policy: settings.policy });
  const kb = service.knowledge; // with the policy's own vendors and advisories
  const summary = { excerpts: settings.excerpts };
  let version = 0;

  function analyze(text: string, display: string, uri: string): FileReport {
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // editors hide the BOM; columns must match theirs
    const document = TextDocument.create(uri, '', ++version, text);
    const report = summarizeAnalysis(kb, display, document, service.analyze(document), summary);
    service.forget(uri);
    return report;
  }

  /** An XLSX or ODS workbook, read from its bytes in the core; its findings are located by cell. */
  function analyzeSpreadsheet(bytes: Uint8Array, format: SpreadsheetFormatId, display: string, uri: string): FileReport {
    const workbook = readSpreadsheet(bytes, format);
    const document = TextDocument.create(uri, workbook.format, ++version, workbook.text);
    return summarizeAnalysis(kb, display, document, service.analyzePrepared(document, { format: workbook.format, parsed: workbook.parsed }), summary);
  }

  /** Text in UTF-8 or (with a byte order mark) UTF-16; binary bytes only when they are a workbook under another name. */
  function analyzeBytes(bytes: Uint8Array, display: string, name: string, uri: string): FileReport {
    const decoded = decodeTextBytes(bytes);
    if (decoded.kind === 'text') return analyze(decoded.text, display, uri);
    if (looksLikeWorkbook(bytes, name)) return analyzeSpreadsheet(bytes, 'xlsx', display, uri);
    return fileProblem(display, 'skipped-binary', 'skipped: binary file', 'information');
  }

  return {
    // Synchronous reads: a worker has nothing else to do meanwhile, and four asynchronous calls per file
    // (open, stat, read, close) cost more than reading a file from the page cache.
    async analyzeFile(path, display) {
      let fd: number | undefined;
      try {
        // Non-blocking: a FIFO put where the walk saw a file must not hang the scan; it is then refused below.
        fd = openSync(typeof path === 'string' ? path : Buffer.from(path), constants.O_RDONLY | constants.O_NONBLOCK);
        const info = fstatSync(fd);
        if (!info.isFile()) return { ...fileProblem(display, 'io-error', 'not a regular file'), bytes: 0 };
        const { size } = info;
        if (size > settings.maxFileSize) {
          return { ...fileProblem(display, 'skipped-too-large', `skipped: ${size} bytes is over --max-file-size ${settings.maxFileSize}`, 'information'), bytes: 0 };
        }
        const bytes = readWhole(fd, size);
        // Spreadsheets are ZIP archives, binary by the test below: the extension says to read them as workbooks.
        const name = typeof path === 'string' ? path : Buffer.from(path).toString('utf8');
        const spreadsheet = spreadsheetFormatOf(name);
        if (spreadsheet) return { ...analyzeSpreadsheet(bytes, spreadsheet, display, fileUri(name)), bytes: bytes.length };
        return { ...analyzeBytes(bytes, display, name, fileUri(name)), bytes: bytes.length };
      } catch (e) {
        // An exception from the analysis itself is a bug; it costs this file, never the scan.
        const io = typeof (e as NodeJS.ErrnoException).code === 'string';
        return { ...fileProblem(display, io ? 'io-error' : 'analysis-failed', io ? describeIoError(e) : `analysis failed: ${String(e)}`), bytes: 0 };
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    },
    analyzeInput(bytes, display, name) {
      const uri = `untitled:${encodeURIComponent(name)}`;
      const spreadsheet = spreadsheetFormatOf(name);
      if (spreadsheet) return analyzeSpreadsheet(bytes, spreadsheet, display, uri);
      return analyzeBytes(bytes, display, name, uri);
    },
  };
}
