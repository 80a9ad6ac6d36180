// `vendorlens` command line: scans files, directories, globs and standard input for flagged-vendor
// findings and writes text, JSON, SARIF, Markdown, HTML or CSV; explains the knowledge base.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KnowledgeBaseError } from '../core/knowledge/load';
import { POLICY_FILE_NAME } from '../core/knowledge/policy';
import type { KnowledgeBase, Profile } from '../core/model';
import { explainAdvisory, explainVendor, findSubject, listAdvisories } from '../core/report/explain';
import { dataDescription } from '../core/knowledge/dataAge';
import { hasFailedFiles, SEVERITY_RANK, type FileReport } from '../core/report/scanReport';
import type { TextStyle } from '../core/report/text';
import type { ReportWriter, RunInfo } from '../core/report/writer';
import { USES_EXCERPTS, WRITERS } from '../core/report/writers';
import { DEFAULT_PROFILE } from '../core/review/profiles';
import { isoDate } from '../core/text';
import { bundledKnowledge } from '../shared/bundledKnowledge';
import { createFileAnalyzer, fileProblem, type AnalyzerSettings, type FileAnalyzer } from './analyzeFile';
import { parseArgs, usage, UsageError, type AdvisoriesOptions, type ExplainOptions, type ScanOptions } from './args';
import { loadBaseline } from './baseline';
import { runEval } from './eval';
import { jobsFor } from './jobs';
import { wantsColor } from './color';
import { checkOutput, endQuietlyOnClosedPipe, openOutput, type OutputFile, type OutputTarget } from './output';
import { SpooledSink } from './reportSink';
import { loadPolicy } from './policy';
import { WorkerPool } from './pool';
import { Progress } from './progress';
import { walkPaths, type WalkItem } from './walk';

type WalkItemOrStdin = WalkItem | { kind: 'stdin' };

declare const VENDORLENS_VERSION: string;
/** Scans of fewer files than this run in the main thread: starting workers would cost more than it saves. */
const SMALL_SCAN_FILES = 32;
const STDIN_NAME = '<stdin>';

class EmptyScanError extends Error {}

function ansiStyle(): TextStyle {
  const code = (n: number) => (s: string) => `\u001b[${n}m${s}\u001b[0m`;
  const colours: Record<string, (s: string) => string> = { error: code(31), warning: code(33), information: code(36), hint: code(90) };
  return { bold: code(1), dim: code(2), severity: (s, level) => (colours[level] ?? ((x: string) => x))(s) };
}

function style(color: boolean | undefined, stream: NodeJS.WriteStream): TextStyle | undefined {
  return wantsColor(color, process.env, stream.isTTY === true) ? ansiStyle() : undefined;
}

/** `--profile a,b`: each must exist; none given means the policy file's, else the default. */
function profilesOf(kb: KnowledgeBase, option: string | undefined, fromPolicy: readonly string[] = []): Profile[] {
  const ids = option !== undefined ? option.split(',').map((p) => p.trim()).filter((p) => p !== '') : [...fromPolicy];
  if (ids.length === 0) ids.push(DEFAULT_PROFILE);
  return ids.map((id) => {
    const profile = kb.profileById.get(id);
    if (!profile) throw new UsageError(`unknown profile '${id}'; known profiles: ${[...kb.profileById.keys()].join(', ')}`);
    return profile;
  });
}

/** Standard input up to `limit` bytes; undefined when it holds more (the rest is not read). */
async function readStdin(limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      process.stdin.destroy();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A file's size for the pool's queue limits; 0 when it cannot be read (the worker reports why). */
function sizeOf(path: string | Uint8Array): number {
  try {
    return statSync(typeof path === 'string' ? path : Buffer.from(path)).size;
  } catch {
    return 0;
  }
}

/**
 * Results that came back ahead of an earlier file are held until it is in, so reports stay in walk order.
 * Past this many held, the walk waits for the earliest: memory stays bounded by the files in flight
 * even when one worker is stuck on a large file while the others race ahead.
 */
const MAX_HELD_RESULTS = 256;

type Slot = { report?: FileReport; promise?: Promise<unknown> };

/**
 * Analyses everything the paths cover, with worker threads when the scan is large, and hands each file's
 * record to `deliver` in walk order as soon as it and every file before it are done. Returns how many
 * records were delivered.
 */
async function analyzeAll(options: ScanOptions, settings: AnalyzerSettings, progress: Progress, deliver: (report: FileReport) => void, output?: OutputTarget): Promise<number> {
  const walker = walkPaths(options.paths, options.exclude)[Symbol.iterator]();
  // Look ahead a little: a handful of files is faster without workers.
  const lookahead: WalkItemOrStdin[] = [];
  let walkDone = false;
  while (lookahead.length < SMALL_SCAN_FILES) {
    const next = walker.next();
    if (next.done) {
      walkDone = true;
      break;
    }
    // The report being written is not scanned: the next run would find its own findings in it.
    if (next.value.kind === 'file' && output?.isOutput(next.value.path)) continue;
    lookahead.push(next.value);
  }
  const jobs = jobsFor(options.jobs, walkDone ? lookahead.filter((i) => i.kind === 'file').length : undefined);
  // The main thread is one of the `jobs` analysers: it takes a file whenever every worker has its share,
  // so one core needs no thread of its own (each costs a start-up and a JIT warm-up of its own).
  const pool = jobs > 1 ? new WorkerPool(jobs - 1, join(__dirname, 'cli-worker.js'), settings) : undefined;
  let local: FileAnalyzer | undefined;
  const inProcess = () => (local ??= createFileAnalyzer(settings));

  const held: Slot[] = [];
  let delivered = 0;
  // A report that cannot be written (a full disk) stops the scan; it may fail inside a worker's answer.
  let failure: { error: unknown } | undefined;
  const drain = () => {
    while (held.length > 0 && held[0]!.report) {
      deliver(held.shift()!.report!);
      delivered++;
    }
  };
  const done = (report: FileReport) => {
    held.push({ report });
    drain();
  };
  const handle = async (item: WalkItemOrStdin) => {
    if (item.kind === 'error') {
      done(fileProblem(item.display, 'io-error', item.message));
    } else if (item.kind === 'stdin') {
      const name = options.stdinFilename ?? STDIN_NAME;
      const input = await readStdin(options.maxFileSize);
      done(input ? inProcess().analyzeInput(input, name, name) : fileProblem(name, 'skipped-too-large', `skipped: more than --max-file-size ${options.maxFileSize} bytes`, 'information'));
    } else if (pool && pool.hasCapacity()) {
      progress.fileSeen();
      const slot: Slot = {};
      slot.promise = pool
        .analyze(item.path, item.display, sizeOf(item.path))
        .then((r) => {
          progress.fileDone(r.bytes);
          slot.report = r;
          drain();
        })
        .catch((error: unknown) => {
          failure ??= { error };
        });
      held.push(slot);
    } else {
      progress.fileSeen();
      // The record is written out and dropped before the next file: it may share strings with the file's
      // text (excerpts and messages are slices of it) without keeping it alive for long.
      const r = await inProcess().analyzeFile(item.path, item.display);
      progress.fileDone(r.bytes);
      done(r);
      // The analysis ran without a break: let the workers' answers in, so the next file can go to one.
      if (pool) await new Promise((resolve) => setImmediate(resolve));
    }
    if (held.length > MAX_HELD_RESULTS) await held[0]!.promise;
    if (failure) throw failure.error;
  };
  try {
    for (const item of lookahead) await handle(item);
    if (!walkDone) {
      for (let next = walker.next(); !next.done; next = walker.next()) {
        if (next.value.kind === 'file' && output?.isOutput(next.value.path)) continue;
        await handle(next.value);
      }
    }
    progress.walkFinished();
    await Promise.all(held.map((slot) => slot.promise));
    if (failure) throw failure.error;
    drain();
    return delivered;
  } finally {
    await pool?.close();
    progress.finish();
  }
}

/** One report being written: its writer, and where its text goes. */
interface OpenReport {
  writer: ReportWriter;
  sink: SpooledSink;
  file?: OutputFile;
}

/** Standard output, unless a reader closed it (`| head`): the rest is dropped, as endQuietlyOnClosedPipe says. */
function toStdout(data: string | Uint8Array): void {
  if (!process.stdout.destroyed) process.stdout.write(data);
}

function openReports(options: ScanOptions, info: RunInfo): OpenReport[] {
  const reports: OpenReport[] = [];
  try {
    for (const output of options.outputs) {
      const file = output.path !== undefined ? openOutput(output.path) : undefined;
      const sink = new SpooledSink(file ? (data) => file.write(data) : toStdout);
      const textStyle = output.format === 'text' && !file ? style(options.color, process.stdout) : undefined;
      reports.push({ writer: WRITERS[output.format]({ ...info, style: textStyle }, sink), sink, file });
    }
  } catch (e) {
    for (const report of reports) report.file?.abort();
    throw e;
  }
  return reports;
}

async function scan(options: ScanOptions): Promise<number> {
  const bundled = bundledKnowledge();
  const policy = await loadPolicy(options.policy, bundled);
  const kb = policy?.knowledge ?? bundled;
  // An explicit --profile wins over the policy file's.
  const profiles = profilesOf(kb, options.profile, policy?.policy.profiles);
  // The policy's exclude patterns are relative to its folder; the walk's to each directory walked. The
  // same pattern list serves both when the policy sits in the working folder, as .vendorlens.yaml does.
  options = { ...options, exclude: [...(policy?.policy.exclude ?? []), ...options.exclude] };
  const baseline = options.baseline ? await loadBaseline(options.baseline) : undefined;
  const optionFiles = [options.policy ?? POLICY_FILE_NAME, options.baseline ?? ''];
  const targets = options.outputs.flatMap((o) => (o.path !== undefined ? [checkOutput(o.path, options.paths, optionFiles)] : []));

  // Progress goes to standard error, and only when that is a terminal: piped output stays clean.
  const showProgress = options.progress ?? process.stderr.isTTY === true;
  const progress = new Progress(showProgress ? process.stderr : undefined);
  const settings: AnalyzerSettings = {
    profiles: profiles.map((p) => p.id),
    policy: policy?.source,
    maxFileSize: options.maxFileSize,
    knowledge: bundled,
    excerpts: options.outputs.some((o) => USES_EXCERPTS.has(o.format)),
  };
  const info: RunInfo = {
    kb,
    profiles,
    toolVersion: VENDORLENS_VERSION,
    generatedOn: isoDate(new Date()),
    includeAccepted: options.includeAccepted,
    baselineApplied: baseline !== undefined,
    failOn: options.failOn,
  };
  const reports = openReports(options, info);
  // Neither a report nor the temporary file it is written to until the end is scanned.
  const writing = new Set(reports.flatMap((r) => (r.file ? [r.file.writing] : [])));
  const outputTarget: OutputTarget = { isOutput: (path) => targets.some((t) => t.isOutput(path)) || (typeof path === 'string' && writing.has(resolve(path))) };
  const threshold = options.failOn === 'none' ? Infinity : SEVERITY_RANK[options.failOn];
  let inBaseline = 0;
  let failed = false;
  let failing = false;
  const deliver = (record: FileReport) => {
    let findings = record.findings;
    if (baseline) {
      findings = findings.filter((f) => !baseline.has(f));
      inBaseline += record.findings.length - findings.length;
    }
    for (const f of findings) if (!f.accepted && SEVERITY_RANK[f.severity] >= threshold) failing = true;
    if (hasFailedFiles(record)) failed = true;
    const fresh = findings === record.findings ? record : { ...record, findings };
    for (const report of reports) report.writer.file(fresh);
  };
  let files: number;
  try {
    files = await analyzeAll(options, settings, progress, deliver, outputTarget);
    // Nothing to read is a mistake in CI (a wrong path, an exclude too wide), not a clean result.
    if (files === 0 && !options.allowEmpty) {
      throw new EmptyScanError(`no file to scan in ${options.paths.join(', ')} (after .gitignore, .vendorlensignore and excludes); pass --allow-empty to accept an empty scan`);
    }
    for (const report of reports) {
      report.writer.end({ inBaseline, executionSuccessful: !failed });
      report.sink.finish();
      report.file?.finish();
    }
  } catch (e) {
    for (const report of reports) {
      report.sink.abort();
      report.file?.abort();
    }
    throw e;
  }
  if (failed) return 2;
  return failing ? 1 : 0;
}

function explain(options: ExplainOptions | AdvisoriesOptions): number {
  const kb = bundledKnowledge();
  const profile = profilesOf(kb, options.profile);
  const textStyle = style(options.color, process.stdout);
  const today = isoDate(new Date());
  if (options.command === 'advisories') {
    process.stdout.write(listAdvisories(kb, profile, textStyle, today));
    return 0;
  }
  const subject = findSubject(kb, options.subject);
  if ('vendor' in subject) process.stdout.write(explainVendor(kb, subject.vendor, profile, today, textStyle));
  else if ('advisory' in subject) process.stdout.write(explainAdvisory(kb, subject.advisory, profile, today, textStyle));
  else {
    const hint = subject.candidates.length
      ? `it matches ${subject.candidates.join(', ')}`
      : `known vendors: ${kb.vendors.map((v) => v.id).join(', ')}; 'vendorlens advisories' lists the advisories`;
    throw new UsageError(`no single vendor or advisory '${options.subject}': ${hint}`);
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  try {
    const command = parseArgs(argv);
    switch (command.command) {
      case 'help':
        process.stdout.write(usage(command.topic));
        return 0;
      case 'version':
        process.stdout.write(`${VENDORLENS_VERSION}\n${dataDescription(bundledKnowledge(), isoDate(new Date()))}\n`);
        return 0;
      case 'scan':
        return await scan(command);
      case 'eval':
        return await runEval(command, bundledKnowledge());
      default:
        return explain(command);
    }
  } catch (e) {
    if (e instanceof EmptyScanError) {
      process.stderr.write(`vendorlens: ${e.message}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      const topic = ['scan', 'explain', 'advisories', 'eval'].includes(argv[0] ?? '') ? `${argv[0]} ` : '';
      process.stderr.write(`vendorlens: ${e.message}\nRun 'vendorlens ${topic}--help' for usage.\n`);
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

endQuietlyOnClosedPipe();
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
