// A reader for JavaScript regular expressions (the syntax the `u` flag accepts) into a small tree of
// character sets, sequences, alternatives, repetitions and zero-width assertions: what the static
// checks over patterns (regexSafety.ts, requiredLiteral.ts) reason about.
const MAX_CODE_POINT = 0x10ffff;

/** A set of code points as sorted, disjoint, non-adjacent [lo, hi] ranges. */
export type CharSet = readonly (readonly [number, number])[];

export const EMPTY: CharSet = [];
const ANY: CharSet = [[0, MAX_CODE_POINT]];

function normalise(ranges: (readonly [number, number])[]): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function union(...sets: CharSet[]): CharSet {
  return normalise(sets.flat());
}

function complement(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

export function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]![1] < b[j]![0]) i++;
    else if (b[j]![1] < a[i]![0]) j++;
    else return true;
  }
  return false;
}

const single = (c: number): CharSet => [[c, c]];
const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = normalise([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]);
const SPACE: CharSet = normalise([[0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]]);
const LINE_TERMINATORS: CharSet = normalise([[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]]);

/** Adds the other case of ASCII letters in the set, and of single characters with a one-character mapping. */
function caseFolded(set: CharSet): CharSet {
  const extra: [number, number][] = [];
  for (const [lo, hi] of set) {
    const upperLo = Math.max(lo, 0x41);
    const upperHi = Math.min(hi, 0x5a);
    if (upperLo <= upperHi) extra.push([upperLo + 32, upperHi + 32]);
    const lowerLo = Math.max(lo, 0x61);
    const lowerHi = Math.min(hi, 0x7a);
    if (lowerLo <= lowerHi) extra.push([lowerLo - 32, lowerHi - 32]);
    if (lo === hi && lo > 0x7f) {
      for (const other of [String.fromCodePoint(lo).toLowerCase(), String.fromCodePoint(lo).toUpperCase()]) {
        if ([...other].length === 1) extra.push([other.codePointAt(0)!, other.codePointAt(0)!]);
      }
    }
  }
  return extra.length ? union(set, extra) : set;
}

export type RegexNode =
  | { type: 'chars'; set: CharSet }
  | { type: 'seq'; items: RegexNode[] }
  | { type: 'alt'; options: RegexNode[] }
  | { type: 'repeat'; body: RegexNode; min: number; max: number; lazy?: boolean }
  /** Zero-width: ^ $ \b \B and lookarounds (whose bodies are checked on their own). */
  | { type: 'assert'; start?: boolean; body?: RegexNode; kind: AssertKind; negated?: boolean };

export type AssertKind = 'start' | 'end' | 'boundary' | 'non-boundary' | 'lookahead' | 'lookbehind';

export class Unsupported extends Error {}

/** A recursive-descent reader for the regex syntax JavaScript accepts with the `u` flag. */
const propertySets = new Map<string, CharSet>();

/**
 * The code points a Unicode property escape matches, asked of the engine itself once per property (about
 * 0.1 s): a rule that took every property as "any character" refused `^\p{Lu}+\d+$`. An unknown name
 * is "any character", which only makes the checks stricter (the pattern fails to compile anyway).
 */
function propertySet(name: string, ignoreCase: boolean): CharSet {
  const key = `${ignoreCase ? 'i' : ''}:${name}`;
  let set = propertySets.get(key);
  if (set) return set;
  let regex: RegExp | undefined;
  try {
    if (/^[A-Za-z_]+(?:=[A-Za-z_]+)?$/.test(name)) regex = new RegExp(`^\\p{${name}}$`, ignoreCase ? 'iu' : 'u');
  } catch {
    regex = undefined;
  }
  if (!regex) return ANY;
  const ranges: [number, number][] = [];
  for (let code = 0; code <= MAX_CODE_POINT; code++) {
    if (!regex.test(String.fromCodePoint(code))) continue;
    const last = ranges.at(-1);
    if (last && last[1] === code - 1) last[1] = code;
    else ranges.push([code, code]);
  }
  set = ranges;
  propertySets.set(key, set);
  return set;
}

export function parseRegex(source: string, ignoreCase: boolean): RegexNode {
  let i = 0;
  const chars = (set: CharSet): RegexNode => ({ type: 'chars', set: ignoreCase ? caseFolded(set) : set });

  function hex(length: number): number {
    const digits = source.slice(i, i + length);
    if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== length) throw new Unsupported('a malformed escape');
    i += length;
    return parseInt(digits, 16);
  }

  /** After a backslash: a character set, or a number for a single character. */
  function escape(inClass: boolean): CharSet | 'boundary' {
    const c = source[i++];
    switch (c) {
      case 'd': return DIGIT;
      case 'D': return complement(DIGIT);
      case 'w': return WORD;
      case 'W': return complement(WORD);
      case 's': return SPACE;
      case 'S': return complement(SPACE);
      case 'b': return inClass ? single(8) : 'boundary';
      case 'B': if (!inClass) return 'boundary'; throw new Unsupported('\\B in a class');
      case 'n': return single(10);
      case 'r': return single(13);
      case 't': return single(9);
      case 'v': return single(11);
      case 'f': return single(12);
      case '0': return single(0);
      case 'x': return single(hex(2));
      case 'c': return single((source.charCodeAt(i++) ?? 0) % 32);
      case 'u': {
        if (source[i] === '{') {
          const close = source.indexOf('}', i);
          if (close < 0) throw new Unsupported('a malformed escape');
          const code = parseInt(source.slice(i + 1, close), 16);
          i = close + 1;
          return single(code);
        }
        return single(hex(4));
      }
      case 'p':
      case 'P': {
        const close = source.indexOf('}', i);
        const name = close < 0 ? '' : source.slice(i + 1, close);
        i = close < 0 ? source.length : close + 1;
        const set = propertySet(name, ignoreCase);
        return c === 'P' ? complement(set) : set;
      }
      case 'k':
        throw new Unsupported('a backreference');
      case undefined:
        throw new Unsupported('a trailing backslash');
      default:
        if (/[1-9]/.test(c)) throw new Unsupported('a backreference');
        return single(c.codePointAt(0)!);
    }
  }

  function characterClass(): RegexNode {
    const negated = source[i] === '^';
    if (negated) i++;
    const parts: CharSet[] = [];
    while (i < source.length && source[i] !== ']') {
      const start = classAtom();
      if (source[i] === '-' && source[i + 1] !== ']' && i + 1 < source.length && start.length === 1 && start[0]![0] === start[0]![1]) {
        i++;
        const end = classAtom();
        if (end.length === 1 && end[0]![0] === end[0]![1]) parts.push([[start[0]![0], end[0]![0]]]);
        else parts.push(start, end, single(0x2d));
      } else parts.push(start);
    }
    if (source[i] !== ']') throw new Unsupported('an unclosed character class');
    i++;
    const set = union(...parts);
    return chars(negated ? complement(ignoreCase ? caseFolded(set) : set) : set);
  }

  function classAtom(): CharSet {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      const set = escape(true);
      return set === 'boundary' ? single(8) : set;
    }
    const code = source.codePointAt(i)!;
    i += code > 0xffff ? 2 : 1;
    return single(code);
  }

  function atom(): RegexNode {
    const c = source[i]!;
    if (c === '(') {
      i++;
      let lookaround: AssertKind | undefined;
      let negated = false;
      if (source.startsWith('?:', i)) i += 2;
      else if (source.startsWith('?=', i) || source.startsWith('?!', i)) {
        negated = source[i + 1] === '!';
        i += 2;
        lookaround = 'lookahead';
      } else if (source.startsWith('?<=', i) || source.startsWith('?<!', i)) {
        negated = source[i + 2] === '!';
        i += 3;
        lookaround = 'lookbehind';
      } else if (source.startsWith('?<', i)) {
        const close = source.indexOf('>', i);
        if (close < 0) throw new Unsupported('a malformed group name');
        i = close + 1;
      } else if (source[i] === '?') throw new Unsupported('an unknown group');
      const body = alternation();
      if (source[i] !== ')') throw new Unsupported('an unclosed group');
      i++;
      return lookaround ? { type: 'assert', body, kind: lookaround, negated } : body;
    }
    if (c === '[') {
      i++;
      return characterClass();
    }
    if (c === '.') {
      i++;
      return chars(complement(LINE_TERMINATORS));
    }
    if (c === '^' || c === '$') {
      i++;
      return { type: 'assert', start: c === '^', kind: c === '^' ? 'start' : 'end' };
    }
    if (c === '\\') {
      i++;
      const negatedBoundary = source[i] === 'B';
      const set = escape(false);
      return set === 'boundary' ? { type: 'assert', kind: negatedBoundary ? 'non-boundary' : 'boundary' } : chars(set);
    }
    const code = source.codePointAt(i)!;
    i += code > 0xffff ? 2 : 1;
    return chars(single(code));
  }

  function quantified(): RegexNode {
    let node = atom();
    for (;;) {
      const c = source[i];
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 24));
        if (!m) return node;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        i += m[0].length - 1;
      } else return node;
      i++;
      const lazy = source[i] === '?'; // the same choices, tried in another order
      if (lazy) i++;
      node = { type: 'repeat', body: node, min, max, ...(lazy ? { lazy } : {}) };
    }
  }

  function sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') items.push(quantified());
    return items.length === 1 ? items[0]! : { type: 'seq', items };
  }

  function alternation(): RegexNode {
    const options = [sequence()];
    while (source[i] === '|') {
      i++;
      options.push(sequence());
    }
    return options.length === 1 ? options[0]! : { type: 'alt', options };
  }

  const root = alternation();
  if (i < source.length) throw new Unsupported('an unmatched )');
  return root;
}

