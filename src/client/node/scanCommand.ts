// The command line a `vendorlens` task runs, apart from VS Code so tests can run the very same one.

export const TASK_TYPE = 'vendorlens';
export const PROBLEM_MATCHER = '$vendorlens';

export interface ScanTaskOptions {
  /** Files, folders or globs, relative to the workspace folder; the whole folder when none. */
  paths?: string[];
  profile?: string;
  failOn?: 'error' | 'warning' | 'information' | 'none';
}

/** The arguments of a scan task, after the Node.js executable. */
export function scanArguments(cli: string, options: ScanTaskOptions): string[] {
  const paths = options.paths?.length ? options.paths : ['.'];
  return [
    cli,
    'scan',
    // Plain text, line by line: the task terminal is a terminal, and colours or a progress line would stand between the matcher and the findings.
    '--no-color',
    '--no-progress',
    ...(options.profile ? ['--profile', options.profile] : []),
    ...(options.failOn ? ['--fail-on', options.failOn] : []),
    '--',
    ...paths,
  ];
}
