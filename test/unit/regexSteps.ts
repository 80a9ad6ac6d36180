// Counts the steps a backtracking regex engine takes, by running the regex's tree (src/core/regex/syntax.ts)
// in a small backtracking matcher that tries alternatives and repetition counts in V8's order. The count is
// decided by the pattern and the input alone, so "linear" is checked without a clock: the steps at 8× the
// input must grow about 8×, not 64× (quadratic) or more. V8 skips work this matcher does (literal prefilters,
// first-character maps), never the reverse, so a regex linear here is linear there.
import { parseRegex, type CharSet, type RegexNode } from '../../src/core/regex/syntax';

export class StepLimit extends Error {}

const WORD_CHARS: CharSet = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const LINE_TERMINATORS = new Set([0x0a, 0x0d, 0x2028, 0x2029]);

function contains(set: CharSet, code: number): boolean {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = set[mid]!;
    if (code < a) hi = mid - 1;
    else if (code > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The most characters a match of `node` can take (Infinity when unbounded). */
function maxLength(node: RegexNode): number {
  switch (node.type) {
    case 'chars': return 1;
    case 'assert': return 0;
    case 'seq': return node.items.reduce((n, item) => n + maxLength(item), 0);
    case 'alt': return Math.max(...node.options.map(maxLength));
    case 'repeat': return node.max === 0 ? 0 : node.max === Infinity ? Infinity : node.max * maxLength(node.body);
  }
}

export interface StepCounter {
  /** Steps to run `regex` over `text` the way the core does (see runAsCore), or throws StepLimit past `limit`. */
  steps(text: string, limit?: number): number;
}

/** Undefined when the regex uses what the tree cannot hold (backreferences). */
export function stepCounter(regex: RegExp): StepCounter | undefined {
  let root: RegexNode;
  try {
    root = parseRegex(regex.source, regex.flags.includes('i'));
  } catch {
    return undefined;
  }
  const unicode = regex.flags.includes('u');
  const multiline = regex.flags.includes('m');
  return {
    steps(text, limit = 50_000_000) {
      let steps = 0;
      const tick = () => {
        if (++steps > limit) throw new StepLimit();
      };
      const codeAt = (pos: number) => (unicode ? text.codePointAt(pos)! : text.charCodeAt(pos));
      const width = (code: number) => (unicode && code > 0xffff ? 2 : 1);
      const isWord = (pos: number) => pos >= 0 && pos < text.length && contains(WORD_CHARS, text.charCodeAt(pos));

      const match = (node: RegexNode, pos: number, next: (pos: number) => boolean): boolean => {
        tick();
        switch (node.type) {
          case 'chars': {
            if (pos >= text.length) return false;
            const code = codeAt(pos);
            return contains(node.set, code) && next(pos + width(code));
          }
          case 'seq': {
            const go = (index: number, at: number): boolean => (index === node.items.length ? next(at) : match(node.items[index]!, at, (after) => go(index + 1, after)));
            return go(0, pos);
          }
          case 'alt':
            for (const option of node.options) if (match(option, pos, next)) return true;
            return false;
          case 'repeat': {
            const round = (count: number, at: number): boolean => {
              tick();
              const more = () => count < node.max && match(node.body, at, (after) => (after === at ? false : round(count + 1, after)));
              const stop = () => count >= node.min && next(at);
              return node.lazy ? stop() || more() : more() || stop();
            };
            return round(0, pos);
          }
          case 'assert': {
            let holds: boolean;
            switch (node.kind) {
              case 'start': holds = pos === 0 || (multiline && LINE_TERMINATORS.has(text.charCodeAt(pos - 1))); break;
              case 'end': holds = pos === text.length || (multiline && LINE_TERMINATORS.has(text.charCodeAt(pos))); break;
              case 'boundary': holds = isWord(pos - 1) !== isWord(pos); break;
              case 'non-boundary': holds = isWord(pos - 1) === isWord(pos); break;
              case 'lookahead': holds = match(node.body!, pos, () => true) !== node.negated; break;
              case 'lookbehind': {
                // V8 matches a lookbehind backwards from here: as many steps as it reads, at most its longest match.
                const longest = maxLength(node.body!);
                let found = false;
                for (let start = pos; start >= 0 && pos - start <= longest && !found; start--) found = match(node.body!, start, (end) => end === pos);
                holds = found !== node.negated;
                break;
              }
            }
            return holds && next(pos);
          }
        }
      };

      const matchAt = (start: number): number | undefined => {
        let end: number | undefined;
        return match(root, start, (at) => ((end = at), true)) ? end : undefined;
      };
      // As runAsCore runs it: sticky at every position, global in an exec loop, others once.
      if (regex.sticky) {
        for (let i = 0; i < text.length; i++) matchAt(i);
      } else {
        const global = regex.global;
        for (let from = 0; from <= text.length; ) {
          let found: number | undefined;
          let at = from;
          for (; at <= text.length && found === undefined; at++) found = matchAt(at);
          if (found === undefined || !global) break;
          from = found > at - 1 ? found : at;
        }
      }
      return steps;
    },
  };
}
