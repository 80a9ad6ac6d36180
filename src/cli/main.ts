// `vendorlens` command line: scans files and directories and reports flagged-vendor findings.
import { readFile, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { KnowledgeBaseError } from '../core/knowledge/load';
import { getLanguageService } from '../core/languageService';
import type { FindingSeverity } from '../core/model';
import { toJsonReport, type JsonProblem, type ScannedDocument } from '../core/report/json';
import { toText, type TextStyle } from '../core/report/text';
import { bundledKnowledge } from '../shared/bundledKnowledge';
import { parseArgs, USAGE, UsageError, type ScanOptions } from './args';
import { collectFiles, describeIoError } from './files';

declare const VENDORLENS_VERSION: string;

const RANK: Record<FindingSeverity, number> = { error: 3, warning: 2, information: 1, hint: 0 };
const BINARY_SNIFF_BYTES = 8000;

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  const shown = rel === '' || rel.startsWith('..') ? path : rel;
  return shown.split(sep).join('/');
}

function ansiStyle(): TextStyle {
  const code = (n: number) => (s: string) => `\u001b[${n}m${s}\u001b[0m`;
  const colours: Record<string, (s: string) => string> = { error: code(31), warning: code(33), information: code(36), hint: code(90) };
  return { bold: code(1), dim: code(2), severity: (s, level) => (colours[level] ?? ((x: string) => x))(s) };
}

async function scan(options: ScanOptions): Promise<number> {
  const kb = bundledKnowledge();
  if (options.profile && !kb.profileById.has(options.profile)) {
    throw new UsageError(`unknown profile '${options.profile}'; known profiles: ${[...kb.profileById.keys()].join(', ')}`);
  }
  const service = getLanguageService({ knowledge: kb });
  service.configure({ profile: options.profile });

  const { files, errors } = await collectFiles(options.paths);
  const problems: JsonProblem[] = errors.map((e) => ({ file: displayPath(e.path), line: 0, column: 0, severity: 'error', code: 'io-error', message: e.message }));
  let ioFailed = errors.length > 0;
  const scanned: ScannedDocument[] = [];
  for (const path of files) {
    const file = displayPath(path);
    let bytes: Buffer;
    try {
      // Too large: skipped from its size alone, never read into memory (a 200 MB capture costs nothing).
      const { size } = await stat(path);
      if (size > options.maxFileSize) {
        problems.push({ file, line: 0, column: 0, severity: 'information', code: 'skipped-too-large', message: `skipped: ${size} bytes is over --max-file-size ${options.maxFileSize}` });
        continue;
      }
      bytes = await readFile(path);
    } catch (e) {
      problems.push({ file, line: 0, column: 0, severity: 'error', code: 'io-error', message: describeIoError(e) });
      ioFailed = true;
      continue;
    }
    if (bytes.length > options.maxFileSize) {
      problems.push({ file, line: 0, column: 0, severity: 'information', code: 'skipped-too-large', message: `skipped: ${bytes.length} bytes is over --max-file-size ${options.maxFileSize}` });
      continue;
    }
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
      problems.push({ file, line: 0, column: 0, severity: 'information', code: 'skipped-binary', message: 'skipped: binary file' });
      continue;
    }
    let text = bytes.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // editors hide the BOM; columns must match theirs
    const uri = `file://${path.split(sep).map(encodeURIComponent).join('/')}`;
    const document = TextDocument.create(uri, '', 1, text);
    scanned.push({ file, analysis: service.analyze(document) });
    service.forget(uri);
  }

  const report = toJsonReport(scanned, problems);
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    const color = options.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
    process.stdout.write(toText(report, color ? ansiStyle() : undefined));
  }
  if (ioFailed) return 2;
  if (options.failOn === 'none') return 0;
  const threshold = RANK[options.failOn];
  return report.findings.some((f) => !f.accepted && RANK[f.severity] >= threshold) ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  try {
    const command = parseArgs(argv);
    if (command.command === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (command.command === 'version') {
      process.stdout.write(`${VENDORLENS_VERSION}\n`);
      return 0;
    }
    return await scan(command);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`vendorlens: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof KnowledgeBaseError) {
      process.stderr.write(`vendorlens: the knowledge base is invalid:\n${e.message}\n`);
      return 2;
    }
    process.stderr.write(`vendorlens: ${(e as Error).message ?? String(e)}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
