// `vendorlens` command line: scans files, directories, globs and standard input for flagged-vendor
// findings and writes text, JSON, SARIF, Markdown, HTML or CSV; explains the knowledge base.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeBaseError } from '../core/knowledge/load';
import { POLICY_FILE_NAME } from '../core/knowledge/policy';
import type { KnowledgeBase, Profile } from '../core/model';
import { explainAdvisory, explainVendor, findSubject, listAdvisories } from '../core/report/explain';
import { dataDescription } from '../core/knowledge/dataAge';
import { hasFailedFiles, renderReport, type RenderOptions } from '../core/report/render';
import { mergeFileReports, SEVERITY_RANK, type FileReport, type ScanReport } from '../core/report/scanReport';
import { toText, type TextStyle } from '../core/report/text';
import { toGithubAnnotations } from '../core/report/githubAnnotations';
import { DEFAULT_PROFILE } from '../core/review/profiles';
import { isoDate } from '../core/text';
import { bundledKnowledge } from '../shared/bundledKnowledge';
import { createFileAnalyzer, fileProblem, type AnalyzerSettings, type FileAnalyzer } from './analyzeFile';
import { parseArgs, usage, UsageError, type AdvisoriesOptions, type ExplainOptions, type ScanOptions } from './args';
import { loadBaseline } from './baseline';
import { runEval } from './eval';
import { jobsFor } from './jobs';
import { wantsColor } from './color';
import { checkOutput, endQuietlyOnClosedPipe, writeOutput, type OutputTarget } from './output';
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

/**
 * The records are kept until the report is written: tens of thousands of findings in a large tree. Each
 * copy (from a worker, or of this thread's own) has its own copy of every string, so the ones findings
 * repeat (file, vendor, rule, advisory lists, messages) are shared: a quarter less memory on a 1 GB tree.
 */
function recordKeeper(): <T extends FileReport>(report: T) => T {
  const strings = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const share = (text: string) => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  const shareList = (list: string[]) => {
    const key = list.join('\u0000');
    const known = lists.get(key);
    if (known) return known;
    const shared = list.map(share);
    lists.set(key, shared);
    return shared;
  };
  return (report) => {
    for (const finding of report.findings) {
      finding.file = share(finding.file);
      finding.vendor = share(finding.vendor);
      finding.rule = share(finding.rule);
      finding.kind = share(finding.kind);
      finding.confidence = share(finding.confidence);
      finding.message = share(finding.message);
      finding.advisories = shareList(finding.advisories);
    }
    return report;
  };
}

/** A file's size for the pool's queue limits; 0 when it cannot be read (the worker reports why). */
function sizeOf(path: string | Uint8Array): number {
  try {
    return statSync(typeof path === 'string' ? path : Buffer.from(path)).size;
  } catch {
    return 0;
  }
}

/** Analyses everything the paths cover, in walk order, with worker threads when the scan is large. */
async function analyzeAll(options: ScanOptions, settings: AnalyzerSettings, progress: Progress, output?: OutputTarget): Promise<FileReport[]> {
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
  const keep = recordKeeper();
  const inProcess = () => (local ??= createFileAnalyzer(settings));

  const results: (FileReport | Promise<FileReport>)[] = [];
  const handle = async (item: WalkItemOrStdin) => {
    if (item.kind === 'error') {
      results.push(fileProblem(item.display, 'io-error', item.message));
    } else if (item.kind === 'stdin') {
      const name = options.stdinFilename ?? STDIN_NAME;
      const input = await readStdin(options.maxFileSize);
      results.push(input ? inProcess().analyzeInput(input, name, name) : fileProblem(name, 'skipped-too-large', `skipped: more than --max-file-size ${options.maxFileSize} bytes`, 'information'));
    } else if (pool && pool.hasCapacity()) {
      progress.fileSeen();
      results.push(
        pool.analyze(item.path, item.display, sizeOf(item.path)).then((r) => {
          progress.fileDone(r.bytes);
          return keep(r);
        }),
      );
    } else {
      progress.fileSeen();
      // A record made in this thread shares strings with its file's text (excerpts, matched text, messages
      // built from them: slices of the text keep all of it alive), so it is kept as a copy. A worker's
      // record arrives copied already.
      const r = keep(structuredClone(await inProcess().analyzeFile(item.path, item.display)));
      progress.fileDone(r.bytes);
      results.push(r);
      // The analysis ran without a break: let the workers' answers in, so the next file can go to one.
      if (pool) await new Promise((resolve) => setImmediate(resolve));
    }
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
    return await Promise.all(results);
  } finally {
    await pool?.close();
    progress.finish();
  }
}

function render(options: ScanOptions, renderOptions: RenderOptions, report: ScanReport): string {
  if (options.format === 'text') return toText(report, options.output ? undefined : style(options.color, process.stdout), renderOptions.omitted, renderOptions);
  if (options.format === 'github') return toGithubAnnotations(report);
  return renderReport(options.format, report, renderOptions);
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
  const outputTarget = options.output ? checkOutput(options.output, options.paths, [options.policy ?? POLICY_FILE_NAME, options.baseline ?? '']) : undefined;

  // Progress goes to standard error, and only when that is a terminal: piped output stays clean.
  const showProgress = options.progress ?? process.stderr.isTTY === true;
  const progress = new Progress(showProgress ? process.stderr : undefined);
  const settings: AnalyzerSettings = {
    profiles: profiles.map((p) => p.id),
    policy: policy?.source,
    maxFileSize: options.maxFileSize,
    knowledge: bundled,
  };
  const fileReports = await analyzeAll(options, settings, progress, outputTarget);
  // Nothing to read is a mistake in CI (a wrong path, an exclude too wide), not a clean result.
  if (fileReports.length === 0 && !options.allowEmpty) {
    throw new EmptyScanError(`no file to scan in ${options.paths.join(', ')} (after .gitignore, .vendorlensignore and excludes); pass --allow-empty to accept an empty scan`);
  }
  const scanned = mergeFileReports(fileReports);

  const fresh = baseline ? scanned.findings.filter((f) => !baseline.has(f)) : scanned.findings;
  // JSON, SARIF and the register always carry accepted findings (marked); the human formats list them on request.
  const listsAccepted = options.includeAccepted || options.format === 'json' || options.format === 'sarif' || options.format.startsWith('register-');
  const shown = listsAccepted ? fresh : fresh.filter((f) => !f.accepted);
  const omitted = { accepted: fresh.length - shown.length, inBaseline: scanned.findings.length - fresh.length };
  const failed = hasFailedFiles(scanned);

  const output = render(
    options,
    {
      kb,
      profiles,
      toolVersion: VENDORLENS_VERSION,
      generatedOn: isoDate(new Date()),
      omitted,
      // The summary tables count accepted findings even where they are not listed.
      counted: fresh,
      baselineApplied: baseline !== undefined,
      executionSuccessful: !failed,
    },
    { ...scanned, findings: shown },
  );
  if (options.output) {
    writeOutput(options.output, output);
  } else {
    process.stdout.write(output);
  }
  if (failed) return 2;
  if (options.failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[options.failOn];
  return fresh.some((f) => !f.accepted && SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
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
