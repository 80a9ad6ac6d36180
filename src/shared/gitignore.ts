// .gitignore rules applied as git applies them: a directory that is ignored hides everything under it
// (nothing inside can be re-included), a deeper .gitignore overrides a shallower one, and within one
// file the last matching pattern wins. The `ignore` package matches the patterns of each file; this
// class decides between the files. Used by the workspace review and the CLI walk, so no `vscode` import.
import ignore from 'ignore';

/** The ignore files read in each directory, in order: .vendorlensignore (gitignore syntax) after .gitignore, so it wins. */
export const IGNORE_FILE_NAMES = ['.gitignore', '.vendorlensignore'] as const;

// Git compares names without case only where `git init` found a file system that ignores case
// (core.ignorecase), as it does by default on Windows and macOS; elsewhere, and in a browser, case counts.
const IGNORE_CASE = typeof process !== 'undefined' && (process.platform === 'win32' || process.platform === 'darwin');

// The `ignore` package remembers the answer for every path it is asked about, and a walk asks about every
// file of the tree: a fresh matcher with the same patterns after this many questions keeps memory bounded.
const QUESTIONS_BEFORE_FORGETTING = 10_000;

/** The patterns of the ignore files of one directory. */
class DirectoryPatterns {
  private matcher = ignore({ ignorecase: IGNORE_CASE });
  private questions = 0;

  add(text: string): void {
    this.matcher.add(text);
  }

  test(relativePath: string): { ignored: boolean; unignored: boolean } {
    if (++this.questions > QUESTIONS_BEFORE_FORGETTING) {
      this.matcher = ignore({ ignorecase: IGNORE_CASE }).add(this.matcher);
      this.questions = 1;
    }
    return this.matcher.test(relativePath);
  }
}

/** Paths are relative to one root, use '/' and have no leading or trailing slash; '' is the root itself. */
export class GitignoreRules {
  private readonly patternsByDirectory = new Map<string, DirectoryPatterns>();
  private readonly directoryVerdicts = new Map<string, boolean>();

  /**
   * Adds the patterns of an ignore file that applies under `directory`. Patterns added later for the same
   * directory take precedence, as a directory's .gitignore does over .git/info/exclude.
   */
  add(directory: string, text: string): void {
    const key = directory.replace(/^\/+|\/+$/g, '');
    let patterns = this.patternsByDirectory.get(key);
    if (!patterns) this.patternsByDirectory.set(key, (patterns = new DirectoryPatterns()));
    patterns.add(text);
    this.directoryVerdicts.clear();
  }

  isIgnored(path: string, isDirectory = false): boolean {
    if (this.patternsByDirectory.size === 0) return false;
    const parts = path.split('/').filter((p) => p !== '');
    for (let depth = 1; depth < parts.length; depth++) {
      if (this.isDirectoryIgnored(parts.slice(0, depth))) return true;
    }
    return this.verdict(parts, isDirectory);
  }

  private isDirectoryIgnored(parts: string[]): boolean {
    const key = parts.join('/');
    let verdict = this.directoryVerdicts.get(key);
    if (verdict === undefined) {
      // Checked top-down by isIgnored, so the parents' verdicts are already cached when this runs.
      verdict = (parts.length > 1 && this.isDirectoryIgnored(parts.slice(0, -1))) || this.verdict(parts, true);
      this.directoryVerdicts.set(key, verdict);
    }
    return verdict;
  }

  /** The nearest ignore file with a matching pattern decides; none matching means not ignored. */
  private verdict(parts: string[], isDirectory: boolean): boolean {
    for (let depth = parts.length - 1; depth >= 0; depth--) {
      const patterns = this.patternsByDirectory.get(parts.slice(0, depth).join('/'));
      if (!patterns) continue;
      const relative = parts.slice(depth).join('/') + (isDirectory ? '/' : '');
      try {
        const result = patterns.test(relative);
        if (result.ignored) return true;
        if (result.unignored) return false;
      } catch {
        // A path the matcher refuses (e.g. a name git could not store either): not ignored.
        return false;
      }
    }
    return false;
  }
}
