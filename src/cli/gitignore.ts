// .gitignore rules as git applies them: blank lines and `#` comments skipped, `!` re-includes, a trailing
// `/` matches directories only, a `/` at the start or in the middle anchors the pattern to the file's
// directory (otherwise it matches at any depth), `**` spans directories, the last matching rule wins.
// Files inside an ignored directory are never reached: the walk does not enter it.
import { matchSegments } from './glob';

export interface IgnoreRule {
  negated: boolean;
  directoryOnly: boolean;
  segments: string[];
}

/** Trailing spaces are ignored unless escaped with a backslash. */
function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ' && line[end - 2] !== '\\') end--;
  return line.slice(0, end);
}

export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = trimTrailingSpaces(raw);
    if (line === '' || line.startsWith('#')) continue;
    let negated = false;
    if (line.startsWith('!')) {
      negated = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
      line = line.slice(1);
    }
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, -1);
    if (line === '') continue;
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const segments = line.split('/').filter((s) => s !== '');
    if (segments.length === 0) continue;
    // `dir/**` matches what is inside dir, not dir itself (so `!dir/keep` can still re-include).
    if (segments[segments.length - 1] === '**') segments.push('*');
    rules.push({ negated, directoryOnly, segments: anchored ? segments : ['**', ...segments] });
  }
  return rules;
}

/** The rules of one .gitignore file, applying to paths under `directory`. */
export interface IgnoreFile {
  /** '/'-separated path of the directory holding the file, relative to the walk's root ('' for the root). */
  directory: string;
  rules: IgnoreRule[];
}

/**
 * Whether a path is ignored by the stack of .gitignore files above it (outermost first).
 * `path` is '/'-separated and relative to the same root as each file's `directory`.
 */
export function isIgnored(stack: readonly IgnoreFile[], path: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const file of stack) {
    const prefix = file.directory === '' ? '' : `${file.directory}/`;
    if (prefix !== '' && !path.startsWith(prefix)) continue;
    const parts = path.slice(prefix.length).split('/');
    for (const rule of file.rules) {
      if (rule.directoryOnly && !isDirectory) continue;
      if (rule.negated === ignored && matchSegments(rule.segments, parts)) ignored = !rule.negated;
    }
  }
  return ignored;
}
