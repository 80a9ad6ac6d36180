// Glob patterns for scan paths: `*`, `?`, `[abc]`, `[a-z]`, `[!x]`, `\` escapes, `**` for any number
// of directories, `{a,b}` alternatives. Matching is by segment with the greedy
// backtrack-to-last-star method, so no pattern can take more than O(pattern × name) steps.

/** Expands `{a,b}` alternatives (nesting allowed) into plain patterns; a lone brace is literal. */
export function expandBraces(pattern: string): string[] {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') {
      if (depth++ === 0) open = i;
    } else if (c === '}' && depth > 0 && --depth === 0) {
      const inner = pattern.slice(open + 1, i);
      const alternatives: string[] = [];
      let level = 0;
      let start = 0;
      for (let j = 0; j < inner.length; j++) {
        if (inner[j] === '\\') j++;
        else if (inner[j] === '{') level++;
        else if (inner[j] === '}') level--;
        else if (inner[j] === ',' && level === 0) {
          alternatives.push(inner.slice(start, j));
          start = j + 1;
        }
      }
      alternatives.push(inner.slice(start));
      if (alternatives.length < 2) continue; // `{x}` is literal, as in shells
      const head = pattern.slice(0, open);
      const tail = pattern.slice(i + 1);
      return alternatives.flatMap((alt) => expandBraces(head + alt + tail));
    }
  }
  return [pattern];
}

/** Does one path segment match one pattern segment (no '/' in either)? */
export function matchSegment(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    if (p < pattern.length) {
      const c = pattern[p]!;
      if (c === '*') {
        starP = p++;
        starN = n;
        continue;
      }
      if (c === '[') {
        const cls = matchClass(pattern, p, name[n]!);
        if (cls.end > 0) {
          if (cls.matched) {
            p = cls.end;
            n++;
            continue;
          }
        } else if (name[n] === '[') {
          p++;
          n++;
          continue;
        }
      } else if (c === '?' || (c === '\\' ? pattern[p + 1] === name[n] : c === name[n])) {
        p += c === '\\' ? 2 : 1;
        n++;
        continue;
      }
    }
    if (starP < 0) return false;
    p = starP + 1;
    n = ++starN;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** A `[...]` class at `start`: whether `ch` is in it, and where it ends (0 when it is not a class). */
function matchClass(pattern: string, start: number, ch: string): { matched: boolean; end: number } {
  let i = start + 1;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i++;
  let matched = false;
  let first = true;
  while (i < pattern.length && (pattern[i] !== ']' || first)) {
    first = false;
    let lo = pattern[i]!;
    if (lo === '\\' && i + 1 < pattern.length) lo = pattern[++i]!;
    let hi = lo;
    if (pattern[i + 1] === '-' && pattern[i + 2] !== undefined && pattern[i + 2] !== ']') {
      hi = pattern[i + 2] === '\\' ? (pattern[i + 3] ?? '') : pattern[i + 2]!;
      i += pattern[i + 2] === '\\' ? 3 : 2;
    }
    if (ch >= lo && ch <= hi) matched = true;
    i++;
  }
  if (i >= pattern.length) return { matched: false, end: 0 };
  return { matched: matched !== negated, end: i + 1 };
}

/** Matches '/'-separated segments; a `**` segment stands for zero or more segments. */
function matchSegments(pattern: readonly string[], path: readonly string[]): boolean {
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < path.length) {
    if (p < pattern.length && pattern[p] === '**') {
      starP = p++;
      starN = n;
      continue;
    }
    if (p < pattern.length && matchSegment(pattern[p]!, path[n]!)) {
      p++;
      n++;
      continue;
    }
    if (starP < 0) return false;
    p = starP + 1;
    n = ++starN;
  }
  while (pattern[p] === '**') p++;
  return p === pattern.length;
}

export function hasGlobSyntax(text: string): boolean {
  return /[*?[{]/.test(text);
}

export interface CompiledGlob {
  /** The directory to walk: the leading segments without glob syntax ('.' when none). */
  base: string;
  /** Tests a path relative to the base, '/'-separated. */
  matches(relativePath: string): boolean;
}

/** Compiles a scan-path glob such as `configs/**\/*.cfg` or `backups/{core,edge}-*.txt`. */
export function compileGlob(glob: string): CompiledGlob {
  const segments = glob.split('/');
  let staticCount = 0;
  while (staticCount < segments.length - 1 && !hasGlobSyntax(segments[staticCount]!)) staticCount++;
  const baseSegments = segments.slice(0, staticCount);
  const base = baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/';
  const patterns = expandBraces(segments.slice(staticCount).join('/')).map((p) => p.split('/').filter((s) => s !== ''));
  return {
    base,
    matches: (relativePath) => {
      const parts = relativePath.split('/');
      return patterns.some((p) => matchSegments(p, parts));
    },
  };
}
