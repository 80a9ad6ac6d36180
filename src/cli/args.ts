// Command-line parsing for `vendorlens`. Hand-written: the CLI has few options and no dependency is worth it.
import type { FindingSeverity } from '../core/model';

export type FailOn = FindingSeverity | 'none';
export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'markdown', 'html', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface ScanOptions {
  command: 'scan';
  /** Files, directories, globs; '-' is standard input. */
  paths: string[];
  format: OutputFormat;
  failOn: FailOn;
  profile?: string;
  policy?: string;
  baseline?: string;
  includeAccepted: boolean;
  stdinFilename?: string;
  maxFileSize: number;
  output?: string;
  /** Worker threads; 0 = decide from the machine and the amount of work. */
  jobs: number;
  progress?: boolean;
  color?: boolean;
}

export interface ExplainOptions {
  command: 'explain';
  subject: string;
  profile?: string;
  color?: boolean;
}

export interface AdvisoriesOptions {
  command: 'advisories';
  profile?: string;
  color?: boolean;
}

export interface EvalOptions {
  command: 'eval';
  /** Labelled corpus folders: each sub-folder's name is its files' label. */
  folders: string[];
  format: 'text' | 'json';
  /** Labelled product lists (TSV) scored as BOM rows by productEvaluation.ts. */
  products: string[];
}

export type Command = ScanOptions | ExplainOptions | AdvisoriesOptions | EvalOptions | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;

export const USAGE = `Usage: vendorlens scan [options] [PATH...|-]
       vendorlens explain VENDOR|ADVISORY [--profile ID]
       vendorlens advisories [--profile ID]
       vendorlens eval [--format text|json] DIR...
       vendorlens eval [--format text|json] --products FILE.tsv

Finds equipment and services of government-flagged vendors in network configs,
show/display captures and bills of materials.

scan: PATH is a file, a directory (walked recursively; .gitignore respected),
a glob such as 'configs/**/*.cfg', or - for standard input.
  --format FORMAT           text (default), json, sarif, markdown, html or csv
  -o, --output FILE         write the report to FILE instead of standard output (never one
                            of the files scanned; left out of a scanned directory; a link
                            there is replaced, not followed)
  --fail-on LEVEL           exit 1 when an open finding is at or above LEVEL:
                            error, warning, information or none (default: warning)
  --profile ID[,ID…]        jurisdiction profiles, e.g. cz or cz,eu-5g (default: the policy
                            file's, else global)
  --policy FILE             organisation policy (default: .vendorlens.yaml in the working
                            folder, if there is one)
  --baseline FILE           report only findings not in this earlier JSON or SARIF result
  --include-accepted        list accepted findings in text, markdown, html and csv too
                            (json and sarif always carry them, marked accepted)
  --stdin-filename NAME     name for standard input in reports; its extension picks the format
  --max-file-size BYTES     skip larger files with a message (default: ${DEFAULT_MAX_FILE_SIZE})
  --jobs N                  files analysed at once: the main thread and N-1 worker threads
                            (default: one per core, at most 8, for large scans; never more
                            than the files, nor than the cores or 8, whichever is larger)
  --progress / --no-progress  progress on standard error (default: on for a terminal)
  --color / --no-color      force or disable colours (default: on for a terminal)

explain: the vendor (id or any of its names) or advisory, with sources.
advisories: every advisory, those in force under the profile first.
eval: scores the scan on a labelled corpus. Each sub-folder of DIR is a label: a
config dialect (huawei_vrp, h3c_comware, zte_zxros, cisco_ios, …) or a BOM folder
(csv, spdx, …) whose files expect what DIR/MANIFEST.tsv or their name says. Prints
a dialect confusion table and flagged-vendor precision and recall; exits 1 when a
file is wrong or a flagged vendor is found where none is expected.
  --products FILE           a labelled product list (TSV: model, true_maker, sold_as,
                            kind, …): each product becomes a BOM row with the maker named,
                            with no maker, with a reseller, and (relabels) with the brand,
                            read through the CSV path; prints recall per kind and maker and
                            every lookalike flagged; exits 1 when a target is missed or a
                            lookalike is flagged

  -h, --help                show this help
  --version                 show the version

Exit codes: 0 no open finding at or above --fail-on (eval: every file right); 1
findings (eval: a file wrong); 2 usage error, unreadable file, or invalid policy,
baseline or knowledge base.
`;

const FAIL_ON = new Set(['error', 'warning', 'information', 'hint', 'none']);
const COMMANDS = new Set(['scan', 'explain', 'advisories', 'eval']);

/** Splits `--name=value` and `--name value`, and hands each option to `take`. */
function eachOption(rest: string[], take: (name: string, value: () => string, arg: string) => boolean): void {
  let onlyOperands = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.indexOf('=');
    const name = !onlyOperands && arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (arg.startsWith('--') && eq > 0) return arg.slice(eq + 1);
      const next = rest[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    if (!onlyOperands && arg === '--') {
      onlyOperands = true;
      continue;
    }
    if (onlyOperands) {
      take('', () => arg, arg);
      continue;
    }
    if (!take(name, value, arg)) {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'`);
      take('', () => arg, arg);
    }
  }
}

function positiveInteger(name: string, text: string, allowZero = false): number {
  const v = Number(text);
  if (!Number.isInteger(v) || v < (allowZero ? 0 : 1)) throw new UsageError(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} whole number, not '${text}'`);
  return v;
}

export function parseArgs(argv: string[]): Command {
  // After `--` every argument is an operand: a file named -h is scanned, not a request for help.
  const end = argv.indexOf('--');
  const beforeOperands = end < 0 ? argv : argv.slice(0, end);
  if (argv.length === 0 || beforeOperands.includes('-h') || beforeOperands.includes('--help') || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === 'version') return { command: 'version' };
  const [command, ...rest] = argv;
  if (!COMMANDS.has(command!)) throw new UsageError(`unknown command '${command}'; try 'vendorlens scan PATH'`);

  if (command === 'explain' || command === 'advisories') {
    const options: { profile?: string; color?: boolean } = {};
    const operands: string[] = [];
    eachOption(rest, (name, value) => {
      if (name === '--profile') options.profile = value();
      else if (name === '--color') options.color = true;
      else if (name === '--no-color') options.color = false;
      else if (name === '') operands.push(value());
      else return false;
      return true;
    });
    if (command === 'advisories') {
      if (operands.length > 0) throw new UsageError(`'advisories' takes no operands; did you mean 'vendorlens explain ${operands[0]}'?`);
      return { command, ...options };
    }
    if (operands.length !== 1) throw new UsageError("name one vendor or advisory: 'vendorlens explain huawei'");
    return { command, subject: operands[0]!, ...options };
  }

  if (command === 'eval') {
    const options: EvalOptions = { command, folders: [], format: 'text', products: [] };
    eachOption(rest, (name, value) => {
      if (name === '--products') options.products.push(value());
      else if (name === '--format') {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`eval --format must be text or json, not '${v}'`);
        options.format = v;
      } else if (name === '') options.folders.push(value());
      else return false;
      return true;
    });
    if (options.folders.length === 0 && options.products.length === 0) throw new UsageError("name a labelled corpus folder: 'vendorlens eval corpus/configs' (or a product list: --products FILE.tsv)");
    return options;
  }

  const options: ScanOptions = {
    command: 'scan',
    paths: [],
    format: 'text',
    failOn: 'warning',
    includeAccepted: false,
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    jobs: 0,
  };
  eachOption(rest, (name, value) => {
    switch (name) {
      case '--format': {
        const v = value();
        if (!(OUTPUT_FORMATS as readonly string[]).includes(v)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, not '${v}'`);
        options.format = v as OutputFormat;
        return true;
      }
      case '--fail-on': {
        const v = value();
        if (!FAIL_ON.has(v)) throw new UsageError(`--fail-on must be error, warning, information or none, not '${v}'`);
        options.failOn = v as FailOn;
        return true;
      }
      case '--profile':
        options.profile = value();
        return true;
      case '--policy':
        options.policy = value();
        return true;
      case '--baseline':
        options.baseline = value();
        return true;
      case '--include-accepted':
        options.includeAccepted = true;
        return true;
      case '--stdin-filename':
        options.stdinFilename = value();
        return true;
      case '--max-file-size':
        options.maxFileSize = positiveInteger('--max-file-size', value());
        return true;
      case '-o':
      case '--output':
        options.output = value();
        return true;
      case '--jobs': {
        const v = value();
        // Digits only: '1e3' and '0x10' are not what anyone types for a thread count.
        if (!/^\d+$/.test(v)) throw new UsageError(`--jobs must be a positive whole number, not '${v}'`);
        options.jobs = positiveInteger('--jobs', v);
        return true;
      }
      case '--progress':
        options.progress = true;
        return true;
      case '--no-progress':
        options.progress = false;
        return true;
      case '--color':
        options.color = true;
        return true;
      case '--no-color':
        options.color = false;
        return true;
      case '':
        options.paths.push(value());
        return true;
      default:
        return false;
    }
  });
  if (options.paths.length === 0) throw new UsageError("no PATH given: name the files or directories to scan, or '-' for standard input");
  if (options.paths.filter((p) => p === '-').length > 1) throw new UsageError("'-' (standard input) can be named only once");
  if (options.stdinFilename !== undefined && !options.paths.includes('-')) throw new UsageError("--stdin-filename names standard input: add '-' to the paths");
  return options;
}
