// The longest piece of literal text every match of a regular expression contains. A text without it
// cannot match, and `String.prototype.includes` answers that far faster than running the regex over it
// (which tries the pattern at every position): the dialect detector gates its fingerprints with it.
import { parseRegex, Unsupported, type RegexNode } from './syntax';

interface Literals {
  /** The whole of every match, when that is one fixed text ('' for zero-width nodes). */
  exact?: string;
  /** Text every match starts with, ends with, and contains. */
  prefix: string;
  suffix: string;
  best: string;
}

const NONE: Literals = { prefix: '', suffix: '', best: '' };

const longest = (...texts: string[]) => texts.reduce((a, b) => (b.length > a.length ? b : a), '');

function fixed(text: string): Literals {
  return { exact: text, prefix: text, suffix: text, best: text };
}

function literalsOf(node: RegexNode): Literals {
  switch (node.type) {
    case 'chars': {
      const [range] = node.set;
      return node.set.length === 1 && range![0] === range![1] ? fixed(String.fromCodePoint(range![0])) : NONE;
    }
    case 'assert':
      return fixed('');
    case 'alt': {
      const options = node.options.map(literalsOf);
      const first = options[0]!.exact;
      return first !== undefined && options.every((o) => o.exact === first) ? fixed(first) : NONE;
    }
    case 'repeat': {
      if (node.min === 0) return NONE;
      const body = literalsOf(node.body);
      if (body.exact !== undefined && node.min === node.max) return fixed(body.exact.repeat(node.min));
      return { prefix: body.prefix, suffix: body.suffix, best: body.best };
    }
    case 'seq': {
      // `run` is the fixed text that ends at the current item: it grows while items are exact.
      let exact: string | undefined = '';
      let prefix = '';
      let run = '';
      let best = '';
      for (const item of node.items) {
        const l = literalsOf(item);
        if (l.exact !== undefined) {
          run += l.exact;
          if (exact !== undefined) exact += l.exact;
        } else {
          if (exact !== undefined) prefix = exact + l.prefix;
          best = longest(best, run + l.prefix, l.best);
          exact = undefined;
          run = l.suffix;
        }
      }
      if (exact !== undefined) return fixed(exact);
      return { prefix, suffix: run, best: longest(best, run, prefix) };
    }
  }
}

/**
 * The longest text every match of the pattern contains, or undefined when there is none worth a search
 * (shorter than two characters) or the pattern is beyond the reader (backreferences). Patterns with the
 * `i` flag get none: a case-insensitive search would need its own text.
 */
export function requiredLiteral(regex: RegExp): string | undefined {
  if (regex.flags.includes('i')) return undefined;
  try {
    const literal = literalsOf(parseRegex(regex.source, false)).best;
    return literal.length >= 2 ? literal : undefined;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

const escapeForRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Which of `literals` occur in a text, found in one pass rather than one search per literal. The
 * alternation (longest first) reports the longest literal starting at each position; a literal found
 * inside another one, or starting at the same place as a longer one, is implied by it.
 */
export function createLiteralFinder(literals: readonly string[]): (text: string) => ReadonlySet<string> {
  const distinct = [...new Set(literals)].filter((l) => l !== '').sort((a, b) => b.length - a.length);
  if (distinct.length === 0) return () => new Set();
  const implied = new Map(distinct.map((l) => [l, distinct.filter((other) => l.includes(other))]));
  const regex = new RegExp(distinct.map(escapeForRegExp).join('|'), 'g');
  return (text) => {
    const found = new Set<string>();
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (!found.has(m[0])) for (const l of implied.get(m[0])!) found.add(l);
      regex.lastIndex = m.index + 1;
    }
    return found;
  };
}
