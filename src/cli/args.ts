// Command-line parsing for `vendorlens`: Node's own util.parseArgs splits the arguments (no dependency);
// this module checks them per command, suggests the option or command a typo meant, and writes the help.
import { parseArgs as tokenize } from 'node:util';
import type { FindingSeverity } from '../core/model';

export type FailOn = FindingSeverity | 'none';
export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'markdown', 'html', 'csv', 'github', 'gitlab', 'junit', 'register-csv', 'register-json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** One report a scan writes: to a file, or (no path) to standard output. */
export interface ReportOutput {
  format: OutputFormat;
  path?: string;
}

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
  /** Globs of paths left out of the walk, besides .gitignore, .vendorlensignore and the policy's exclude. */
  exclude: string[];
  /** A scan that finds no file to read exits 0 instead of 2. */
  allowEmpty: boolean;
  /** Every report the scan writes: --output-format's, and --format/--output's (given or default). */
  outputs: ReportOutput[];
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

export type CommandName = 'scan' | 'explain' | 'advisories' | 'eval';
export type Command = ScanOptions | ExplainOptions | AdvisoriesOptions | EvalOptions | { command: 'help'; topic?: CommandName } | { command: 'version' };

export class UsageError extends Error {}

export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;


const OVERVIEW = `Usage: vendorlens scan [options] [PATH...|-]
       vendorlens explain VENDOR|ADVISORY [--profile ID]
       vendorlens advisories [--profile ID]
       vendorlens eval [--format text|json] DIR...
       vendorlens eval [--format text|json] --products FILE.tsv

Finds equipment and services of government-flagged vendors in network configs,
show/display captures and bills of materials.
`;

/**
 * One option of one command: the parser accepts exactly these, `--help` prints `help`, and
 * docs/reference/cli.md (scripts/generate-docs.ts) prints `help`, `default` and `details`.
 */
export interface CliOption {
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  /** Repeatable: every value is kept. */
  multiple?: boolean;
  /** `--no-NAME` is accepted too; whichever comes last wins. */
  negatable?: boolean;
  /** The value's placeholder in help, e.g. FILE. */
  value?: string;
  /** One sentence for `--help`. */
  help: string;
  default?: string;
  /** More for the reference page, when one sentence is not enough. */
  details?: string;
}

export interface CliCommand {
  name: CommandName;
  usage: string;
  /** What the command does, first in its help. */
  about: string;
  options: readonly CliOption[];
}

const COLOR_OPTION: CliOption = {
  name: 'color',
  type: 'boolean',
  negatable: true,
  help: 'force or disable colours (default: on for a terminal, off with NO_COLOR set, on with FORCE_COLOR set to anything but 0)',
  default: 'on for a terminal',
};
const PROFILE_HELP = 'jurisdiction profiles, e.g. cz or cz,eu-5g';

export const CLI_COMMANDS: readonly CliCommand[] = [
  {
    name: 'scan',
    usage: 'vendorlens scan [options] [PATH...|-]',
    about: "PATH is a file, a directory (walked recursively; .gitignore and .vendorlensignore respected), a glob such as 'configs/**/*.cfg', or - for standard input.",
    options: [
      {
        name: 'format', type: 'string', value: 'FORMAT', default: 'text',
        help: `${OUTPUT_FORMATS.join(', ')} (github: GitHub Actions annotations; gitlab: GitLab Code Quality JSON; junit: JUnit XML, a test case per file; register-csv and register-json: the flagged-asset register)`,
        details: 'text: grouped by file, one line per finding, a summary line; coloured on a terminal. json: the stable contract (docs/reports.md). sarif: SARIF 2.1.0 for code scanning. markdown and html: a report with summary tables (open and accepted findings, per vendor, per advisory in force, nearest deadlines), findings per file with a redacted excerpt of each line, and the advisories cited; the HTML is one self-contained file with no script. csv: one row per finding. github: one workflow annotation per open finding (error, warning, and notice for information), shown on the pull request\'s diff. gitlab: GitLab Code Quality issues (error critical, warning major, information minor), fingerprints that survive line shifts. junit: one test case per file scanned, a failure per open finding at or above --fail-on, skipped files marked skipped. register-csv (UTF-8 with BOM, for Excel) and register-json: the flagged-asset register, one row per flagged device or product with its identifiers, file and line, the advisory leading under the profile, and its review state; accepted items are always listed.',
      },
      {
        name: 'output', short: 'o', type: 'string', value: 'FILE',
        help: 'write the report to FILE instead of standard output (never one of the files scanned; left out of a scanned directory; a link there is replaced, not followed)',
        details: 'FILE is written beside its place and renamed there; /dev/stdout, /dev/stderr, and a device or FIFO named directly, are written to as they are.',
      },
      {
        name: 'output-format', type: 'string', multiple: true, value: 'FORMAT=FILE[,FORMAT=FILE…]',
        help: 'more reports from the same scan, e.g. sarif=out.sarif,html=report.html (repeatable; FILE - is standard output); with it, --format/--output add one more report only when given',
        details: 'Two reports to standard output, two reports to one file, or a malformed pair are refused before anything is scanned.',
      },
      {
        name: 'fail-on', type: 'string', value: 'LEVEL', default: 'warning',
        help: 'exit 1 when an open finding (not accepted, not in the baseline) is at or above LEVEL: error, warning, information or none',
      },
      {
        name: 'profile', type: 'string', value: 'ID[,ID…]', default: "the policy file's, else global",
        help: PROFILE_HELP,
        details: 'global puts every advisory in force; info puts none in force (everything information). A member state\'s profile (cz, de-5g, …) includes the EU instruments, and its national instrument leads each message. The profiles are listed in docs/profiles.md.',
      },
      {
        name: 'policy', type: 'string', value: 'FILE', default: '.vendorlens.yaml in the working folder, if there is one',
        help: 'organisation policy: its profiles, severity overrides, vendors, advisories and acceptances apply as in the editor',
        details: 'An invalid policy file stops the scan (exit 2) with its located errors. See docs/policy.md.',
      },
      {
        name: 'baseline', type: 'string', value: 'FILE',
        help: 'report only findings not in this earlier JSON or SARIF result',
        details: 'Findings match by file and fingerprint (vendor, evidence kind, matched text and the content of its line, case and spacing aside, plus an occurrence count for identical lines), never by line number, so a finding that only moved is not new.',
      },
      {
        name: 'exclude', type: 'string', multiple: true, value: 'GLOB',
        help: "leave out paths matching GLOB, e.g. 'lab/**' or '*.bak' (repeatable; added to the policy's exclude: list)",
        details: '.gitignore syntax, relative to each directory scanned (or a glob\'s base). A file named on the command line is always scanned.',
      },
      { name: 'allow-empty', type: 'boolean', help: 'exit 0 when no file is found to scan (default: exit 2, a wrong path or an exclude too wide)' },
      {
        name: 'include-accepted', type: 'boolean',
        help: 'list accepted findings in text, markdown, html and csv too (json and sarif always carry them, marked accepted)',
        details: 'Without it those formats leave accepted findings out and say how many they left out; the summary tables still count them.',
      },
      { name: 'stdin-filename', type: 'string', value: 'NAME', help: "name for standard input (-) in reports; its extension picks the format (quote.csv)" },
      {
        name: 'max-file-size', type: 'string', value: 'BYTES', default: `${DEFAULT_MAX_FILE_SIZE} bytes, 50 MiB`,
        help: 'skip larger files with a message; standard input is read no further',
      },
      {
        name: 'jobs', type: 'string', value: 'N', default: 'one per core, at most 8, once a scan has more than 32 files',
        help: 'files analysed at once: the main thread and N-1 worker threads (never more than the files, nor than the cores or 8, whichever is larger)',
      },
      { name: 'progress', type: 'boolean', negatable: true, default: 'on when standard error is a terminal', help: 'progress (files done/seen, rate) on standard error' },
      COLOR_OPTION,
    ],
  },
  {
    name: 'explain',
    usage: 'vendorlens explain VENDOR|ADVISORY [--profile ID]',
    about: 'the vendor (id or any of its names, e.g. huawei, 中兴, "ZTE Corporation") or advisory (id or issuer, e.g. cz-nukib-2018-huawei-zte, nukib), with sources.',
    options: [{ name: 'profile', type: 'string', value: 'ID[,ID…]', help: 'the advisories in force under these profiles lead' }, COLOR_OPTION],
  },
  {
    name: 'advisories',
    usage: 'vendorlens advisories [--profile ID]',
    about: 'every advisory, those in force under the profile first.',
    options: [{ name: 'profile', type: 'string', value: 'ID[,ID…]', default: 'global', help: PROFILE_HELP }, COLOR_OPTION],
  },
  {
    name: 'eval',
    usage: 'vendorlens eval [--format text|json] DIR... | --products FILE.tsv',
    about: 'scores the scan on a labelled corpus. Each sub-folder of DIR is a label: a config dialect (huawei_vrp, h3c_comware, zte_zxros, cisco_ios, …) or a BOM folder (csv, spdx, …) whose files expect what DIR/MANIFEST.tsv or their name says. Prints a dialect confusion table and flagged-vendor precision and recall; exits 1 when a file is wrong or a flagged vendor is found where none is expected. See docs/evaluation.md.',
    options: [
      { name: 'format', type: 'string', value: 'text|json', default: 'text', help: 'the score as text or JSON' },
      {
        name: 'products', type: 'string', multiple: true, value: 'FILE',
        help: 'a labelled product list (TSV: model, true_maker, sold_as, kind, …): each product becomes a BOM row with the maker named, with no maker, with a reseller, and (relabels) with the brand, read through the CSV path; prints recall per kind and maker and every lookalike flagged; exits 1 when a target is missed or a lookalike is flagged',
      },
    ],
  },
];

/** Options every command takes. */
export const COMMON_OPTIONS: readonly CliOption[] = [
  { name: 'help', short: 'h', type: 'boolean', help: "show this help ('vendorlens COMMAND --help' for one command)" },
  { name: 'version', short: 'V', type: 'boolean', help: "show the tool's and the knowledge base's versions" },
];

export const EXIT_CODES: readonly { code: number; meaning: string }[] = [
  { code: 0, meaning: 'no open finding at or above --fail-on (eval: every file right)' },
  { code: 1, meaning: 'findings (eval: a file wrong)' },
  { code: 2, meaning: 'usage error, unreadable file, no file to scan, or invalid policy, baseline or knowledge base' },
];

const HELP_WIDTH = 88;
const LABEL_WIDTH = 28;

/** Words filled into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** How an option is written: `-o, --output FILE`, `--progress / --no-progress`. */
export function optionLabel(option: CliOption): string {
  const long = `--${option.name}${option.value ? ` ${option.value}` : ''}`;
  if (option.negatable) return `${long} / --no-${option.name}`;
  return option.short ? `-${option.short}, ${long}` : long;
}

function optionHelp(options: readonly CliOption[]): string {
  return options
    .map((option) => {
      const label = `  ${optionLabel(option)}`;
      const text = option.default && !option.help.includes('(default') ? `${option.help} (default: ${option.default})` : option.help;
      const lines = wrap(text, HELP_WIDTH - LABEL_WIDTH);
      const first = label.length < LABEL_WIDTH ? `${label.padEnd(LABEL_WIDTH)}${lines[0]}` : `${label}\n${' '.repeat(LABEL_WIDTH)}${lines[0]}`;
      return [first, ...lines.slice(1).map((l) => ' '.repeat(LABEL_WIDTH) + l)].join('\n') + '\n';
    })
    .join('');
}

function commandHelp(command: CliCommand): string {
  return `${wrap(`${command.name}: ${command.about}`, HELP_WIDTH).join('\n')}\n${optionHelp(command.options)}`;
}

const COMMON_HELP = `\n${optionHelp(COMMON_OPTIONS)}
${wrap(`Exit codes: ${EXIT_CODES.map((e) => `${e.code} ${e.meaning}`).join('; ')}.`, HELP_WIDTH).join('\n')}
`;

function commandNamed(name: CommandName): CliCommand {
  return CLI_COMMANDS.find((c) => c.name === name)!;
}

/** The whole help, or one command's. */
export function usage(topic?: CommandName): string {
  if (topic) return `Usage: ${commandNamed(topic).usage}\n\n${commandHelp(commandNamed(topic))}${COMMON_HELP}`;
  return `${OVERVIEW}\n${CLI_COMMANDS.map(commandHelp).join('\n')}${COMMON_HELP}`;
}

/** The whole help, as `vendorlens --help` prints it. */
export const USAGE = usage();

const FAIL_ON = new Set(['error', 'warning', 'information', 'hint', 'none']);
const COMMANDS: readonly CommandName[] = CLI_COMMANDS.map((c) => c.name);

type OptionSpec = { type: 'string' | 'boolean'; short?: string; multiple?: boolean };

/** util.parseArgs's option table for one command, from CLI_COMMANDS. */
function parserOptions(options: readonly CliOption[]): Record<string, OptionSpec> {
  const spec: Record<string, OptionSpec> = {};
  for (const option of [...COMMON_OPTIONS, ...options]) {
    spec[option.name] = { type: option.type, ...(option.short ? { short: option.short } : {}), ...(option.multiple ? { multiple: true } : {}) };
    if (option.negatable) spec[`no-${option.name}`] = { type: 'boolean' };
  }
  return spec;
}

const OPTIONS = Object.fromEntries(CLI_COMMANDS.map((c) => [c.name, parserOptions(c.options)])) as Record<CommandName, Record<string, OptionSpec>>;

/** Edit distance (insertions, deletions, substitutions, adjacent swaps), for typo suggestions. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The known word closest to a typo, if it is close enough to be what was meant. */
export function closest(typed: string, known: readonly string[]): string | undefined {
  // A word cut short ('advisory', '--include') means the word it begins.
  const lower = typed.toLowerCase();
  const extended = known.filter((word) => lower.length >= 3 && word.startsWith(lower.replace(/y$/, '')));
  if (extended.length === 1) return extended[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const word of known) {
    const distance = editDistance(typed.toLowerCase(), word);
    if (distance < bestDistance) [best, bestDistance] = [word, distance];
  }
  // A third of the word may be wrong: '--formt' and '--fial-on' are typos, '--xyz' is not '--jobs'.
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(typed.length / 3)) ? best : undefined;
}

function unknownOption(raw: string, command: CommandName): UsageError {
  const spec = OPTIONS[command];
  const known = Object.entries(spec).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
  const typed = raw.split('=')[0]!;
  const guess = typed.startsWith('--') ? closest(typed, known.filter((k) => k.startsWith('--'))) : undefined;
  const elsewhere = COMMANDS.filter((c) => c !== command && Object.hasOwn(OPTIONS[c], typed.replace(/^--/, '')));
  const hint = guess ? `; did you mean ${guess}?` : elsewhere.length > 0 ? `; it is an option of '${elsewhere.join("', '")}'` : '';
  return new UsageError(`unknown option '${typed}' for '${command}'${hint}`);
}

interface Parsed {
  /** Each option's values in the order given (the last wins unless the option repeats). */
  values: Map<string, (string | boolean)[]>;
  operands: string[];
}

/** Splits one command's arguments with util.parseArgs and checks each option against the command's own. */
function parseCommand(command: CommandName, rest: string[]): Parsed {
  const spec = OPTIONS[command];
  const { tokens } = tokenize({ args: rest, options: spec, strict: false, allowPositionals: true, tokens: true });
  const parsed: Parsed = { values: new Map(), operands: [] };
  for (const token of tokens) {
    if (token.kind === 'positional') parsed.operands.push(token.value);
    else if (token.kind === 'option') {
      const option = spec[token.name];
      if (!option) throw unknownOption(token.rawName, command);
      if (option.type === 'string' && token.value === undefined) throw new UsageError(`${token.rawName} needs a value`);
      if (option.type === 'boolean' && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
      const list = parsed.values.get(token.name) ?? [];
      list.push(token.value ?? true);
      parsed.values.set(token.name, list);
    }
  }
  return parsed;
}

function last(parsed: Parsed, name: string): string | undefined {
  const list = parsed.values.get(name);
  const value = list?.[list.length - 1];
  return typeof value === 'string' ? value : undefined;
}

/** `--x` / `--no-x`: whichever came last, or undefined. */
function toggle(parsed: Parsed, rest: string[], name: string): boolean | undefined {
  const on = parsed.values.has(name);
  const off = parsed.values.has(`no-${name}`);
  if (!on && !off) return undefined;
  if (on !== off) return on;
  const end = rest.indexOf('--');
  const before = end < 0 ? rest : rest.slice(0, end);
  return before.lastIndexOf(`--${name}`) > before.lastIndexOf(`--no-${name}`);
}

function positiveInteger(name: string, text: string, allowZero = false): number {
  const v = Number(text);
  if (!Number.isInteger(v) || v < (allowZero ? 0 : 1)) throw new UsageError(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} whole number, not '${text}'`);
  return v;
}

function isCommand(word: string | undefined): word is CommandName {
  return (COMMANDS as readonly string[]).includes(word ?? '');
}

function outputFormat(option: string, format: string): OutputFormat {
  if ((OUTPUT_FORMATS as readonly string[]).includes(format)) return format as OutputFormat;
  const guess = closest(format, OUTPUT_FORMATS);
  throw new UsageError(`${option} must be one of ${OUTPUT_FORMATS.join(', ')}, not '${format}'${guess ? `; did you mean ${guess}?` : ''}`);
}

/**
 * The reports to write: each FORMAT=FILE of --output-format (comma-separated, repeatable), then the one
 * --format/--output name: always without --output-format, else only when either is given.
 */
function reportOutputs(parsed: Parsed, options: ScanOptions): ReportOutput[] {
  const outputs: ReportOutput[] = [];
  for (const value of (parsed.values.get('output-format') ?? []).map(String)) {
    for (const item of value.split(',')) {
      const at = item.indexOf('=');
      if (at <= 0 || at === item.length - 1) throw new UsageError(`--output-format takes FORMAT=FILE pairs such as sarif=out.sarif, not '${item}'`);
      const path = item.slice(at + 1);
      outputs.push({ format: outputFormat('--output-format', item.slice(0, at).trim()), ...(path === '-' ? {} : { path }) });
    }
  }
  if (outputs.length === 0 || parsed.values.has('format') || parsed.values.has('output')) {
    outputs.push({ format: options.format, ...(options.output !== undefined ? { path: options.output } : {}) });
  }
  if (outputs.filter((o) => o.path === undefined).length > 1) throw new UsageError('only one report can go to standard output: give the others a FILE');
  const paths = outputs.flatMap((o) => (o.path === undefined ? [] : [o.path]));
  const twice = paths.find((p, i) => paths.indexOf(p) !== i);
  if (twice !== undefined) throw new UsageError(`two reports would be written to ${twice}`);
  return outputs;
}

export function parseArgs(argv: string[]): Command {
  // After `--` every argument is an operand: a file named -h is scanned, not a request for help.
  const end = argv.indexOf('--');
  const beforeOperands = end < 0 ? argv : argv.slice(0, end);
  const [first, ...rest] = argv;
  const asksHelp = beforeOperands.includes('-h') || beforeOperands.includes('--help');
  if (argv.length === 0 || first === '--help' || first === '-h') return { command: 'help' };
  if (first === 'help') return isCommand(rest[0]) ? { command: 'help', topic: rest[0] } : { command: 'help' };
  if (first === '--version' || first === '-V' || first === 'version') return { command: 'version' };
  if (!isCommand(first)) {
    if (first!.startsWith('-')) {
      const guess = closest(first!, ['--help', '--version']);
      throw new UsageError(`unknown option '${first}'${guess ? `; did you mean ${guess}?` : ''}; name a command first: 'vendorlens scan PATH'`);
    }
    const guess = closest(first!, COMMANDS);
    throw new UsageError(`unknown command '${first}'${guess ? `; did you mean '${guess}'?` : `; commands: ${COMMANDS.join(', ')}`}`);
  }
  const command = first;
  if (asksHelp) return { command: 'help', topic: command };
  const parsed = parseCommand(command, rest);
  if (parsed.values.has('version')) return { command: 'version' };

  if (command === 'explain' || command === 'advisories') {
    const options: { profile?: string; color?: boolean } = {};
    const profile = last(parsed, 'profile');
    if (profile !== undefined) options.profile = profile;
    const color = toggle(parsed, rest, 'color');
    if (color !== undefined) options.color = color;
    if (command === 'advisories') {
      if (parsed.operands.length > 0) throw new UsageError(`'advisories' takes no operands; did you mean 'vendorlens explain ${parsed.operands[0]}'?`);
      return { command, ...options };
    }
    if (parsed.operands.length !== 1) throw new UsageError("name one vendor or advisory: 'vendorlens explain huawei'");
    return { command, subject: parsed.operands[0]!, ...options };
  }

  if (command === 'eval') {
    const format = last(parsed, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`eval --format must be text or json, not '${format}'`);
    const products = (parsed.values.get('products') ?? []).filter((v): v is string => typeof v === 'string');
    if (parsed.operands.length === 0 && products.length === 0) throw new UsageError("name a labelled corpus folder: 'vendorlens eval corpus/configs' (or a product list: --products FILE.tsv)");
    return { command, folders: parsed.operands, format, products };
  }

  const options: ScanOptions = {
    command: 'scan',
    paths: parsed.operands,
    format: 'text',
    failOn: 'warning',
    includeAccepted: parsed.values.has('include-accepted'),
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    jobs: 0,
    exclude: (parsed.values.get('exclude') ?? []).map(String),
    allowEmpty: parsed.values.has('allow-empty'),
    outputs: [],
  };
  const format = last(parsed, 'format');
  if (format !== undefined) options.format = outputFormat('--format', format);
  const failOn = last(parsed, 'fail-on');
  if (failOn !== undefined) {
    if (!FAIL_ON.has(failOn)) throw new UsageError(`--fail-on must be error, warning, information or none, not '${failOn}'`);
    options.failOn = failOn as FailOn;
  }
  for (const [name, key] of [
    ['profile', 'profile'],
    ['policy', 'policy'],
    ['baseline', 'baseline'],
    ['stdin-filename', 'stdinFilename'],
    ['output', 'output'],
  ] as const) {
    const value = last(parsed, name);
    if (value !== undefined) options[key] = value;
  }
  const maxFileSize = last(parsed, 'max-file-size');
  if (maxFileSize !== undefined) options.maxFileSize = positiveInteger('--max-file-size', maxFileSize);
  const jobs = last(parsed, 'jobs');
  if (jobs !== undefined) {
    // Digits only: '1e3' and '0x10' are not what anyone types for a thread count.
    if (!/^\d+$/.test(jobs)) throw new UsageError(`--jobs must be a positive whole number, not '${jobs}'`);
    options.jobs = positiveInteger('--jobs', jobs);
  }
  const progress = toggle(parsed, rest, 'progress');
  if (progress !== undefined) options.progress = progress;
  const color = toggle(parsed, rest, 'color');
  if (color !== undefined) options.color = color;
  for (const glob of options.exclude) if (glob.trim() === '') throw new UsageError('--exclude needs a non-empty glob');

  options.outputs = reportOutputs(parsed, options);

  if (options.paths.length === 0) throw new UsageError("no PATH given: name the files or directories to scan, or '-' for standard input");
  if (options.paths.filter((p) => p === '-').length > 1) throw new UsageError("'-' (standard input) can be named only once");
  if (options.stdinFilename !== undefined && !options.paths.includes('-')) throw new UsageError("--stdin-filename names standard input: add '-' to the paths");
  return options;
}
