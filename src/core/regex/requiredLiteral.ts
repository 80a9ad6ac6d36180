// Literal text every match of a regular expression contains: a text without it cannot match, and a
// literal search (literalSearch.ts) finds that out far faster than the regex, which is tried at every
// position. The dialect detector gates its fingerprints with it.
import { parseRegex, Unsupported, type RegexNode } from './syntax';

/** Texts at least one of which every match contains. */
type AnyOf = readonly string[];

interface Literals {
  /** The whole of every match, when that is one fixed text ('' for zero-width nodes). */
  exact?: string;
  /** Text every match starts with, and text every match ends with. */
  prefix: string;
  suffix: string;
  /** The most selective set found inside. */
  best: AnyOf;
  /** Every set found inside that every match holds one text of (`best` among them): all of them at once. */
  all: AnyOf[];
}

const NOTHING: AnyOf = [];
const NONE: Literals = { prefix: '', suffix: '', best: NOTHING, all: [] };

/** A set is as selective as its shortest text; an empty set (or one holding '') says nothing. */
const strength = (set: AnyOf) => (set.length === 0 ? 0 : Math.min(...set.map((s) => s.length)));

function strongest(...sets: AnyOf[]): AnyOf {
  return sets.reduce((a, b) => (strength(b) > strength(a) || (strength(b) === strength(a) && strength(b) > 0 && b.length < a.length) ? b : a), NOTHING);
}

function fixed(text: string): Literals {
  return { exact: text, prefix: text, suffix: text, best: [text], all: text === '' ? [] : [[text]] };
}

function commonPrefix(texts: string[]): string {
  let end = 0;
  while (texts.every((t) => end < t.length && t[end] === texts[0]![end])) end++;
  return texts[0]!.slice(0, end);
}

function commonSuffix(texts: string[]): string {
  let n = 0;
  while (texts.every((t) => n < t.length && t[t.length - 1 - n] === texts[0]![texts[0]!.length - 1 - n])) n++;
  return texts[0]!.slice(texts[0]!.length - n);
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
      if (first !== undefined && options.every((o) => o.exact === first)) return fixed(first);
      const prefix = commonPrefix(options.map((o) => o.prefix));
      const suffix = commonSuffix(options.map((o) => o.suffix));
      // Each option's own best: a match contains one of them.
      const eachOwn = options.every((o) => strength(o.best) > 0) ? [...new Set(options.flatMap((o) => o.best))] : NOTHING;
      const best = strongest([prefix], [suffix], eachOwn);
      // Sets the options share are lost: only one of them is known to hold.
      return { prefix, suffix, best, all: strength(best) > 0 ? [best] : [] };
    }
    case 'repeat': {
      if (node.min === 0) return NONE;
      const body = literalsOf(node.body);
      if (body.exact !== undefined && node.min === node.max) return fixed(body.exact.repeat(node.min));
      return { prefix: body.prefix, suffix: body.suffix, best: body.best, all: body.all };
    }
    case 'seq': {
      // `run` is the fixed text that ends at the current item: it grows while items are exact.
      let exact: string | undefined = '';
      let prefix = '';
      let run = '';
      let best: AnyOf = NOTHING;
      // Each item's sets, and each run of fixed text between them: a match holds all of them.
      const all: AnyOf[] = [];
      for (const item of node.items) {
        const l = literalsOf(item);
        if (l.exact !== undefined) {
          run += l.exact;
          if (exact !== undefined) exact += l.exact;
        } else {
          if (exact !== undefined) prefix = exact + l.prefix;
          best = strongest(best, [run + l.prefix], l.best);
          all.push([run + l.prefix], ...l.all);
          exact = undefined;
          run = l.suffix;
        }
      }
      if (exact !== undefined) return fixed(exact);
      all.push([run]);
      return { prefix, suffix: run, best: strongest(best, [run], [prefix]), all: all.filter((set) => strength(set) > 0) };
    }
  }
}

/**
 * Texts at least one of which every match of the pattern contains (each non-empty), or undefined when
 * there are none or the pattern is beyond the reader (backreferences). With the `i` flag they are to be
 * compared case-insensitively (as createLiteralSearch does), and `u` patterns get none: their case
 * folding differs.
 */
export function requiredLiterals(regex: RegExp): readonly string[] | undefined {
  if (regex.flags.includes('i') && regex.flags.includes('u')) return undefined;
  try {
    const set = literalsOf(parseRegex(regex.source, false)).best;
    return strength(set) > 0 ? set : undefined;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** At most this many sets are kept per pattern: the strongest, which tell the most. */
const MAX_SETS = 4;

/**
 * Sets of texts a match holds one text of each (each text non-empty), the strongest first; the first is
 * `requiredLiterals`. A text that lacks one text of every set of any one of them cannot match: for
 * `Interface[ \t]+Status[ \t]+Protocol`, a text must hold "Interface", "Status" and "Protocol". Undefined
 * where `requiredLiterals` is.
 */
export function requiredLiteralSets(regex: RegExp): readonly (readonly string[])[] | undefined {
  const first = requiredLiterals(regex);
  if (!first) return undefined;
  const literals = literalsOf(parseRegex(regex.source, false));
  const key = (set: AnyOf) => JSON.stringify([...set].sort());
  const seen = new Set([key(first)]);
  const others: AnyOf[] = [];
  for (const set of literals.all) {
    const k = key(set);
    // Texts of one character are in almost every text: they tell nothing.
    if (seen.has(k) || strength(set) < 2) continue;
    seen.add(k);
    others.push(set);
  }
  others.sort((a, b) => strength(b) - strength(a));
  return [first, ...others.slice(0, MAX_SETS - 1)];
}
