// Command-line parsing for `vendorlens`. Hand-written: the CLI has few options and no dependency is worth it.
import type { FindingSeverity } from '../core/model';

export type FailOn = FindingSeverity | 'none';
export type OutputFormat = 'text' | 'json';

export interface ScanOptions {
  command: 'scan';
  paths: string[];
  format: OutputFormat;
  failOn: FailOn;
  profile?: string;
  maxFileSize: number;
  color?: boolean;
}

export type Command = ScanOptions | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: vendorlens scan [options] PATH...

Finds equipment and services of government-flagged vendors in network configs,
show/display captures and bills of materials. Directories are scanned recursively.

Options:
  --format text|json        output format (default: text)
  --fail-on LEVEL           exit 1 when a finding is at or above LEVEL:
                            error, warning, information or none (default: warning)
  --profile ID              jurisdiction profile, e.g. global, cz, us-federal (default: global)
  --max-file-size BYTES     skip larger files with a message (default: 52428800)
  --color / --no-color      force or disable colours (default: on for a terminal)
  -h, --help                show this help
  --version                 show the version

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or I/O error.
`;

const FAIL_ON = new Set(['error', 'warning', 'information', 'hint', 'none']);

export function parseArgs(argv: string[]): Command {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === 'version') return { command: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'scan') throw new UsageError(`unknown command '${command}'; try 'vendorlens scan PATH'`);
  const options: ScanOptions = { command: 'scan', paths: [], format: 'text', failOn: 'warning', maxFileSize: 50 * 1024 * 1024 };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (arg.startsWith('--') && eq > 0) return arg.slice(eq + 1);
      const next = rest[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not '${v}'`);
        options.format = v;
        break;
      }
      case '--fail-on': {
        const v = value();
        if (!FAIL_ON.has(v)) throw new UsageError(`--fail-on must be error, warning, information or none, not '${v}'`);
        options.failOn = v as FailOn;
        break;
      }
      case '--profile':
        options.profile = value();
        break;
      case '--max-file-size': {
        const v = Number(value());
        if (!Number.isInteger(v) || v <= 0) throw new UsageError('--max-file-size must be a positive number of bytes');
        options.maxFileSize = v;
        break;
      }
      case '--color':
        options.color = true;
        break;
      case '--no-color':
        options.color = false;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'`);
        options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) throw new UsageError('no PATH given: name the files or directories to scan');
  return options;
}
