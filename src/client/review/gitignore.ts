// .gitignore rules of a workspace folder, applied as git applies them: a directory that is ignored hides
// everything under it (nothing inside can be re-included), a deeper .gitignore overrides a shallower one,
// and within one file the last matching pattern wins. The `ignore` package matches the patterns of each
// file; this class decides between the files. No `vscode` import, so it is unit-tested on its own.
import ignore, { type Ignore } from 'ignore';

/** Folder-relative paths use '/' and no leading or trailing slash; '' is the folder itself. */
export class GitignoreRules {
  private readonly rulesByDirectory = new Map<string, Ignore>();
  private readonly directoryVerdicts = new Map<string, boolean>();

  /** Adds the rules of the .gitignore file in `directory`. */
  add(directory: string, text: string): void {
    this.rulesByDirectory.set(directory.replace(/^\/+|\/+$/g, ''), ignore().add(text));
    this.directoryVerdicts.clear();
  }

  get size(): number {
    return this.rulesByDirectory.size;
  }

  isIgnored(path: string, isDirectory = false): boolean {
    if (this.rulesByDirectory.size === 0) return false;
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

  /** The nearest .gitignore with a matching pattern decides; none matching means not ignored. */
  private verdict(parts: string[], isDirectory: boolean): boolean {
    for (let depth = parts.length - 1; depth >= 0; depth--) {
      const rules = this.rulesByDirectory.get(parts.slice(0, depth).join('/'));
      if (!rules) continue;
      const relative = parts.slice(depth).join('/') + (isDirectory ? '/' : '');
      try {
        const result = rules.test(relative);
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
