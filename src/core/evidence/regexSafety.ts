// Static check that a product pattern cannot backtrack catastrophically in a backtracking engine (V8's).
// Patterns come from the bundled knowledge base and from a workspace's policy file, i.e. from anyone;
// each is run on every candidate token of every line, so one pattern with exponential (or even
// quadratic) backtracking would freeze the analysis inside a single field, where no time budget can
// stop it.
//
// Why not a star-height check (safe-regex2)? It rejects `^NE40E([ -][A-Z0-9]+)*$`, the very shape the
// knowledge base uses, because it has a quantifier inside a quantifier. What makes backtracking blow up
// is not nesting as such but ambiguity: more than one way to split the same text between the parts of
// a pattern. This check works on that, conservatively (it may refuse a safe pattern, never on purpose
// accept an unsafe one), with character sets computed per position. A *choice* is a repetition whose
// count is not fixed (`*`, `+`, `?`, `{0,16}`: each is a point the engine backtracks to); it is
// *ambiguous* when the characters its body starts with could also be taken by what follows it.
//   1. a repeated part that can match the empty string            (a?)*  (a|)+
//   2. alternatives under a repetition that can start alike       (a|ab)+  (\w|\d)*
//   3. an ambiguous choice inside a repetition                     (a+)+  (\w+\s?)*  (a?a)+   → exponential
//   4. an ambiguous unbounded choice followed, anywhere later, by
//      another unbounded repetition over some of the same characters  ^\d+\d+x  ^.*x.*y$         → n², n³, …
//   5. ambiguous bounded choices whose counts multiply past MAX_BOUNDED_PATHS   ^\d{0,16}\d{0,16}\d{0,16}…x$
//   6. backreferences (matching with them is NP-hard) and patterns longer than MAX_SOURCE.
// The result is decided from the pattern alone, never measured.

import { EMPTY, intersects, parseRegex, union, Unsupported, type CharSet, type RegexNode } from '../regex/syntax';

/** Longer sources are refused outright: no model pattern needs them, and the check stays cheap. */
export const MAX_SOURCE = 1000;
/** Rule 5: the most ways ambiguous bounded choices may split a value between them. */
export const MAX_BOUNDED_PATHS = 256;

function nullable(node: RegexNode): boolean {
  switch (node.type) {
    case 'chars': return false;
    case 'assert': return true;
    case 'seq': return node.items.every(nullable);
    case 'alt': return node.options.some(nullable);
    case 'repeat': return node.min === 0 || nullable(node.body);
  }
}

/** The characters a non-empty match of `node` can start with. */
function firstOf(node: RegexNode): CharSet {
  switch (node.type) {
    case 'chars': return node.set;
    case 'assert': return EMPTY;
    case 'alt': return union(...node.options.map(firstOf));
    case 'repeat': return node.max === 0 ? EMPTY : firstOf(node.body);
    case 'seq': {
      const sets: CharSet[] = [];
      for (const item of node.items) {
        sets.push(firstOf(item));
        if (!nullable(item)) break;
      }
      return union(...sets);
    }
  }
}

/** Every character a match of `node` can hold. */
function charsOf(node: RegexNode): CharSet {
  switch (node.type) {
    case 'chars': return node.set;
    case 'assert': return EMPTY;
    case 'alt': return union(...node.options.map(charsOf));
    case 'repeat': return node.max === 0 ? EMPTY : charsOf(node.body);
    case 'seq': return union(...node.items.map(charsOf));
  }
}

interface Choice {
  node: Extract<RegexNode, { type: 'repeat' }>;
  /** Pre-order number, and the number after its body's choices: later choices have order ≥ end. */
  order: number;
  end: number;
  ambiguous: boolean;
}

/** Why the pattern could backtrack catastrophically, or undefined when it cannot. */
export function backtrackingRisk(source: string, flags = 'iu'): string | undefined {
  if (source.length > MAX_SOURCE) return `it is longer than ${MAX_SOURCE} characters`;
  let root: RegexNode;
  try {
    root = parseRegex(source, flags.includes('i'));
  } catch (e) {
    if (e instanceof Unsupported) return `it uses ${e.message}, which is not allowed in product patterns`;
    throw e;
  }
  // `^a|b` is tried at every position of the value: each alternative must be anchored.
  const alternatives = root.type === 'alt' ? root.options : [root];
  const anchored = (node: RegexNode) => {
    const head = node.type === 'seq' ? node.items[0] : node;
    return head?.type === 'assert' && head.start === true;
  };
  if (!alternatives.every(anchored)) return 'every top-level alternative must start with ^';
  let risk: string | undefined;
  const choices: Choice[] = [];

  /** `follow`: what can come right after `node`; `inLoop`: inside the body of a repetition. */
  const visit = (node: RegexNode, follow: CharSet, inLoop: boolean): void => {
    if (risk) return;
    switch (node.type) {
      case 'chars':
        return;
      case 'assert':
        // A lookaround's body is matched on its own, with nothing after it.
        if (node.body) visit(node.body, EMPTY, false);
        return;
      case 'seq': {
        // Right to left: each item is followed by the rest of the sequence, then by what follows it.
        const follows: CharSet[] = new Array(node.items.length);
        let after = follow;
        for (let k = node.items.length - 1; k >= 0; k--) {
          follows[k] = after;
          const item = node.items[k]!;
          after = nullable(item) ? union(firstOf(item), after) : firstOf(item);
        }
        node.items.forEach((item, k) => visit(item, follows[k]!, inLoop));
        return;
      }
      case 'alt': {
        if (inLoop) {
          const firsts = node.options.map(firstOf);
          for (let a = 0; a < firsts.length && !risk; a++) {
            if (nullable(node.options[a]!)) risk = 'an alternative inside a repetition can match nothing';
            for (let b = a + 1; b < firsts.length && !risk; b++) {
              if (intersects(firsts[a]!, firsts[b]!)) risk = 'alternatives inside a repetition can start with the same character';
            }
          }
        }
        node.options.forEach((option) => visit(option, follow, inLoop));
        return;
      }
      case 'repeat': {
        if (node.max === 0) return;
        const repeats = node.max >= 2;
        if (repeats && nullable(node.body)) {
          risk = 'a repeated part can match nothing';
          return;
        }
        const first = firstOf(node.body);
        const ambiguous = node.max > node.min && intersects(first, follow);
        if (inLoop && ambiguous) {
          risk = 'a repetition inside a repetition can be split in more than one way (e.g. (a+)+): exponential backtracking';
          return;
        }
        const choice: Choice | undefined = node.max > node.min ? { node, order: choices.length, end: 0, ambiguous } : undefined;
        if (choice) choices.push(choice);
        // Inside the body, the next character may also start another round.
        visit(node.body, repeats ? union(first, follow) : follow, inLoop || repeats);
        if (choice) choice.end = choices.length;
        return;
      }
    }
  };
  visit(root, EMPTY, false);
  return risk ?? polynomialRisk(choices);
}

/** Rules 4 and 5, over the choices outside repetitions, in pattern order. */
function polynomialRisk(choices: readonly Choice[]): string | undefined {
  let boundedPaths = 1;
  for (const choice of choices) {
    if (!choice.ambiguous) continue;
    const { node } = choice;
    if (node.max === Infinity) {
      const chars = charsOf(node.body);
      const rival = choices.slice(choice.end).find((later) => later.node.max === Infinity && intersects(chars, charsOf(later.node.body)));
      if (rival) return 'two repetitions can each take the same characters (e.g. \\d+\\d+ or .*x.*): backtracking grows with a power of the length';
    } else {
      boundedPaths *= node.max - node.min + 1;
      if (boundedPaths > MAX_BOUNDED_PATHS) {
        return `bounded repetitions can split the same characters between them in more than ${MAX_BOUNDED_PATHS} ways (e.g. \\d{0,16}\\d{0,16}…): backtracking grows with a power of their bounds`;
      }
    }
  }
  return undefined;
}
