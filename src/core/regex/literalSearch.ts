// Finds where any of many literals occurs in a text in one pass of table lookups per character (an
// Aho–Corasick automaton). A regex alternation of the same literals costs a try of every branch at every
// position; with the case-insensitive flag and a hundred literals that is ten times slower.
//
// Case-insensitive search compares characters exactly as a regex with the `i` flag and without `u` does
// (each UTF-16 unit by its single-character upper case, never a non-ASCII character onto an ASCII one),
// so it finds every place where such a regex of the literals would match.

export interface LiteralSearch {
  /** The offset of the last character of every occurrence of any literal, in increasing order. */
  ends(text: string): number[];
  /** Whether any of the literals occurs in the text. */
  test(text: string): boolean;
  /** Indexes into the literals given, of those occurring in the text. */
  present(text: string): Set<number>;
  /**
   * The bitwise OR of `valueOf[literal]` over the literals occurring in the text (e.g. which matchers need
   * them): what `present` tells, without a set per text. Pass the same array each time: it is prepared once.
   */
  union(text: string, valueOf: Int32Array): number;
}

/** `union` from `present`, for the searches without an ASCII table. */
function unionOfPresent(search: Pick<LiteralSearch, 'present'>, text: string, valueOf: Int32Array): number {
  let union = 0;
  for (const literal of search.present(text)) union |= valueOf[literal]!;
  return union;
}

/** The key a character is compared by: itself, or its case-insensitive canonical form. */
function canonical(code: number): number {
  if (code < 128) return code >= 97 && code <= 122 ? code - 32 : code;
  const upper = String.fromCharCode(code).toUpperCase();
  if (upper.length !== 1) return code;
  const result = upper.charCodeAt(0);
  return result < 128 ? code : result;
}

interface Automaton {
  states: number;
  /** Per state, the indexes of the literals it completes (those of its failure chain included). */
  outputs: number[][];
  /** The complete transition table: next state of (state × width + symbol). */
  delta: Int32Array;
}

/** The trie of the literals, with failure links folded into a complete table (breadth first). */
function buildAutomaton(literals: readonly (readonly [string, number])[], symbolOf: (code: number) => number, width: number): Automaton {
  const children: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  for (const [literal, index] of literals) {
    if (literal === '') continue;
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const symbol = symbolOf(literal.charCodeAt(i));
      let next = children[state]!.get(symbol);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        outputs.push([]);
        children[state]!.set(symbol, next);
      }
      state = next;
    }
    outputs[state]!.push(index);
  }
  const states = children.length;
  const delta = new Int32Array(states * width);
  const fail = new Int32Array(states);
  const queue: number[] = [];
  for (const [symbol, child] of children[0]!) {
    delta[symbol] = child;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const failRow = fail[state]! * width;
    outputs[state]!.push(...outputs[fail[state]!]!);
    // A state goes where its failure state goes, except along its own children: copy that row whole.
    delta.copyWithin(state * width, failRow, failRow + width);
    for (const [symbol, child] of children[state]!) {
      fail[child] = delta[failRow + symbol]!;
      delta[state * width + symbol] = child;
      queue.push(child);
    }
  }
  return { states, outputs, delta };
}

/** Where a general search goes: the whole text, or only around its non-ASCII characters. */
type Spans = (text: string, visit: (from: number, to: number) => boolean) => void;

const WHOLE_TEXT: Spans = (text, visit) => {
  visit(0, text.length);
};

/**
 * Literals that each hold a non-ASCII character occur only around the text's non-ASCII characters: no
 * ASCII character of a text compares equal to a non-ASCII one of a literal (see `canonical`). Each run of
 * them, widened by the longest literal's length less one on both sides (and merged with the next when they
 * meet), is searched from the start state: every occurrence lies whole in one span, and none is found twice.
 */
function aroundNonAscii(reach: number): Spans {
  const run = /[^\x00-\x7f]+/g;
  return (text, visit) => {
    run.lastIndex = 0;
    let from = -1;
    let to = -1;
    for (let m = run.exec(text); m; m = run.exec(text)) {
      const start = Math.max(0, m.index - reach);
      const end = Math.min(text.length, run.lastIndex + reach);
      if (start > to) {
        if (to >= 0 && visit(from, to)) return;
        from = start;
      }
      to = end;
    }
    if (to >= 0) visit(from, to);
  };
}

/** Any literal set: characters are first mapped to symbols (0 for those no literal has). */
function createGeneralSearch(literals: readonly (readonly [string, number])[], ignoreCase: boolean, spans: Spans = WHOLE_TEXT): LiteralSearch {
  const key = ignoreCase ? canonical : (c: number) => c;
  const symbolOfKey = new Map<number, number>();
  for (const [literal] of literals) {
    for (let i = 0; i < literal.length; i++) {
      const k = key(literal.charCodeAt(i));
      if (!symbolOfKey.has(k)) symbolOfKey.set(k, symbolOfKey.size + 1);
    }
  }
  const symbolOf = (code: number) => symbolOfKey.get(key(code)) ?? 0;
  const width = symbolOfKey.size + 1;
  const { states, outputs, delta } = buildAutomaton(literals, symbolOf, width);
  // ASCII characters by table, the others through a cache: a text with a few Chinese names is mostly ASCII.
  const asciiSymbols = Int32Array.from({ length: 128 }, (_, c) => symbolOf(c));
  const cached = new Map<number, number>();
  const otherSymbol = (c: number) => {
    let s = cached.get(c);
    if (s === undefined) cached.set(c, (s = symbolOf(c)));
    return s;
  };
  const accepting = Uint8Array.from({ length: states }, (_, s) => (outputs[s]!.length > 0 ? 1 : 0));
  // This search serves the rarer literals (non-ASCII names) and huge sets: one loop is enough.
  const walk = (text: string, visit: (at: number, state: number) => boolean) => {
    spans(text, (from, to) => {
      let state = 0;
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        state = delta[state * width + (c < 128 ? asciiSymbols[c]! : otherSymbol(c))]!;
        if (accepting[state] === 1 && visit(i, state)) return true;
      }
      return false;
    });
  };
  return {
    ends(text) {
      const at: number[] = [];
      walk(text, (i) => (at.push(i), false));
      return at;
    },
    test(text) {
      let any = false;
      walk(text, () => (any = true));
      return any;
    },
    present(text) {
      const seen = new Set<number>();
      walk(text, (_, state) => {
        for (const literal of outputs[state]!) seen.add(literal);
        return false;
      });
      return seen;
    },
    union(text, valueOf) {
      return unionOfPresent(this, text, valueOf);
    },
  };
}

/**
 * The accepting states an ASCII search goes through in a text, each once (`takenIn` marks them with the
 * call's number); whether the text holds a non-ASCII character. At top level, not in each search's
 * `present`: there V8 kept compiling the loop on the stack and throwing the code away (hundreds of times
 * in a scan).
 */
function reachAccepting(table: Uint16Array, text: string, takenIn: Uint32Array, call: number, reached: number[]): boolean {
  let state = 0;
  let nonAscii = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let entry = 0;
    if (c < 128) entry = table[(state << 7) | c]!;
    else nonAscii = true;
    state = entry & 0x7fff;
    if (entry < ACCEPT || takenIn[state] === call) continue;
    takenIn[state] = call;
    reached.push(state);
  }
  return nonAscii;
}

/** The union of the values of the accepting states an ASCII search goes through; notes whether the text holds a non-ASCII character. */
function unionOfStates(table: Uint16Array, stateUnion: Int32Array, text: string, search: { sawNonAscii: boolean }): number {
  let state = 0;
  let union = 0;
  let nonAscii = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let entry = 0;
    if (c < 128) entry = table[(state << 7) | c]!;
    else nonAscii = true;
    state = entry & 0x7fff;
    if (entry >= ACCEPT) union |= stateUnion[state]!;
  }
  search.sawNonAscii = nonAscii;
  return union;
}

/**
 * A run of characters of given kinds, each position a set of ASCII characters (e.g. a separator, then
 * four hex digits, then a separator): what a literal cannot describe, as the shape of a MAC address.
 * Compared as given (list both cases where case does not matter).
 */
export type Shape = readonly string[];

/** More shape states than this: the shapes are searched with a regex instead (none of ours comes close). */
const MAX_SHAPE_STATES = 4096;

/**
 * The shapes as one deterministic automaton over ASCII, run beside the literals' in the same loop: a
 * state is the set of (shape, characters matched so far) pairs still alive. Null when it grows too large.
 */
function buildShapeTable(shapes: readonly Shape[]): Uint16Array | null {
  const sets = shapes.map((shape) => shape.map((kinds) => new Set([...kinds].map((k) => k.charCodeAt(0)))));
  // Characters that fit the same shape positions behave alike: work out one transition per such class.
  const classOf = new Int32Array(128);
  const representatives: number[] = [];
  const classIds = new Map<string, number>();
  for (let c = 0; c < 128; c++) {
    const signature = sets.map((shape) => shape.map((set) => (set.has(c) ? 1 : 0)).join('')).join('|');
    let id = classIds.get(signature);
    if (id === undefined) {
      id = representatives.length;
      classIds.set(signature, id);
      representatives.push(c);
    }
    classOf[c] = id;
  }
  const ids = new Map<string, number>([['', 0]]);
  const members: [number, number][][] = [[]];
  const rows: number[][] = [];
  for (let id = 0; id < members.length; id++) {
    // Every shape may start at any character, and each live pair moves on if the character fits.
    const live = [...sets.map((_, k) => [k, 0] as [number, number]), ...members[id]!];
    const byClass = representatives.map((c) => {
      const next: [number, number][] = [];
      let complete = false;
      for (const [k, done] of live) {
        if (!sets[k]![done]!.has(c)) continue;
        if (done + 1 === sets[k]!.length) complete = true;
        else next.push([k, done + 1]);
      }
      const key = next.map(([k, done]) => `${k}:${done}`).sort().join(',');
      let target = ids.get(key);
      if (target === undefined) {
        target = members.length;
        ids.set(key, target);
        members.push(next);
      }
      return target | (complete ? ACCEPT : 0);
    });
    if (members.length > MAX_SHAPE_STATES) return null;
    rows.push(Array.from(classOf, (cls) => byClass[cls]!));
  }
  return Uint16Array.from(rows.flat());
}

/** The shapes as a regex, for a search that has no ASCII table to run them beside. */
function shapeSource(shape: Shape): string {
  return shape.map((kinds) => `[${[...kinds].map((k) => `\\x${k.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')}]`).join('');
}

/** A search without an ASCII table, with the shapes looked for by a regex. */
function withShapes(search: LiteralSearch, shapes: readonly Shape[]): LiteralSearch {
  if (shapes.length === 0) return search;
  const regex = new RegExp(shapes.map(shapeSource).join('|'), 'g');
  const shapeEnds = (text: string) => {
    const at: number[] = [];
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      at.push(m.index + m[0].length - 1);
      regex.lastIndex = m.index + 1; // overlapping occurrences too, as the automaton finds them
    }
    return at;
  };
  return {
    ends: (text) => mergeSorted(search.ends(text), shapeEnds(text)),
    test: (text) => search.test(text) || shapeEnds(text).length > 0,
    present: (text) => search.present(text),
    union: (text, valueOf) => search.union(text, valueOf),
  };
}

/**
 * The ASCII literals' and the shapes' automata side by side over a text: the end of every occurrence of
 * either into `at` (or only the first, with `firstOnly`); whether the text holds a non-ASCII character.
 * The two chains of lookups are independent, so the processor overlaps them: this costs far less than a
 * second pass (a regex over every text took a third as long as the literal search itself).
 */
function endsWithShapes(table: Uint16Array, shapeTable: Uint16Array, text: string, at: number[], firstOnly = false): boolean {
  let state = 0;
  let shape = 0;
  let nonAscii = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let entry = 0;
    let shapeEntry = 0;
    if (c < 128) {
      entry = table[(state << 7) | c]!;
      shapeEntry = shapeTable[(shape << 7) | c]!;
    } else nonAscii = true;
    state = entry & 0x7fff;
    shape = shapeEntry & 0x7fff;
    if ((entry | shapeEntry) >= ACCEPT) {
      at.push(i);
      if (firstOnly) return nonAscii;
    }
  }
  return nonAscii;
}

/** State numbers that fit the ASCII search's 16-bit table, the top bit marking a completed literal. */
const MAX_ASCII_STATES = 0x8000;
const ACCEPT = 0x8000;

/** An ASCII search also tells whether the text it last went through to its end held a non-ASCII character. */
interface AsciiSearch extends LiteralSearch {
  sawNonAscii: boolean;
}

/**
 * ASCII literals: the table is indexed by state × 128 + character directly, with no symbol lookup, in
 * 16 bits; a non-ASCII character starts over (no ASCII literal contains one). Every character of every
 * scanned file goes through one of these loops, so each costs one lookup per character. A loop per use
 * (all ends, the first end, the literals present; with shapes beside or not), not one with a callback:
 * each is called with one kind of string (whole documents, or fields and samples sliced from them) and
 * stays specialised by the JIT; a shared one ran 2–3× slower.
 */
function createAsciiSearch(literals: readonly (readonly [string, number])[], ignoreCase: boolean, shapes: readonly Shape[]): AsciiSearch | undefined {
  const fold = (c: number) => (ignoreCase && c >= 97 && c <= 122 ? c - 32 : c);
  const { states, outputs, delta } = buildAutomaton(literals, fold, 128);
  if (states >= MAX_ASCII_STATES) return undefined;
  const shapeTable = shapes.length > 0 ? buildShapeTable(shapes) : undefined;
  if (shapeTable === null) return undefined;
  const folded = Int32Array.from({ length: 128 }, (_, c) => fold(c));
  const flag = Uint16Array.from({ length: states }, (_, s) => (outputs[s]!.length > 0 ? ACCEPT : 0));
  const table = new Uint16Array(states * 128);
  for (let row = 0; row < table.length; row += 128) {
    for (let c = 0; c < 128; c++) {
      const next = delta[row + folded[c]!]!;
      table[row + c] = next | flag[next]!;
    }
  }
  // Which call of `present` last took each state's literals: no array to allocate and clear per call.
  const takenIn = new Uint32Array(states);
  let calls = 0;
  const nextCall = () => {
    if (++calls === 0xffffffff) {
      takenIn.fill(0);
      calls = 1;
    }
    return calls;
  };
  const literalsOf = (reached: readonly number[]) => {
    const seen = new Set<number>();
    for (const state of reached) for (const literal of outputs[state]!) seen.add(literal);
    return seen;
  };
  const search: AsciiSearch = {
    sawNonAscii: false,
    ends(text) {
      if (shapeTable) {
        const at: number[] = [];
        search.sawNonAscii = endsWithShapes(table, shapeTable, text, at);
        return at;
      }
      const t = table;
      const at: number[] = [];
      let state = 0;
      let nonAscii = false;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        let entry = 0;
        if (c < 128) entry = t[(state << 7) | c]!;
        else nonAscii = true;
        state = entry & 0x7fff;
        if (entry >= ACCEPT) at.push(i);
      }
      search.sawNonAscii = nonAscii;
      return at;
    },
    test(text) {
      if (shapeTable) {
        const at: number[] = [];
        search.sawNonAscii = endsWithShapes(table, shapeTable, text, at, true);
        return at.length > 0;
      }
      const t = table;
      let state = 0;
      let nonAscii = false;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        let entry = 0;
        if (c < 128) entry = t[(state << 7) | c]!;
        else nonAscii = true;
        if (entry >= ACCEPT) return true;
        state = entry;
      }
      search.sawNonAscii = nonAscii;
      return false;
    },
    present(text) {
      // Each accepting state's literals are taken once: single characters ('#', '!') occur on most lines.
      const reached: number[] = [];
      search.sawNonAscii = reachAccepting(table, text, takenIn, nextCall(), reached);
      return literalsOf(reached);
    },
    union(text, valueOf) {
      if (valueOf !== unionFor) {
        // Per state, the union of its literals' values (its failure chain's included): one lookup per state reached.
        unionFor = valueOf;
        stateUnion = Int32Array.from(outputs, (literals) => literals.reduce((union, literal) => union | valueOf[literal]!, 0));
      }
      return unionOfStates(table, stateUnion, text, search);
    },
  };
  let unionFor: Int32Array | undefined;
  let stateUnion = new Int32Array(0);
  return search;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** The union of two increasing lists, increasing, each offset once (an ASCII and another literal may end together). */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (merged.length === 0 || merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}

/**
 * ASCII literals and the others (names in Chinese or Cyrillic, the characters only Unicode folds onto
 * ASCII letters) get a search each: the ASCII one is the fast one, and the other only goes through texts
 * that hold a non-ASCII character, which most configs do not.
 */
export function createLiteralSearch(literals: readonly string[], options: { ignoreCase: boolean; shapes?: readonly Shape[] }): LiteralSearch {
  const indexed = literals.map((literal, index) => [literal, index] as const);
  const asciiLiterals = indexed.filter(([literal]) => !NON_ASCII.test(literal));
  const otherLiterals = indexed.filter(([literal]) => NON_ASCII.test(literal));
  const shapes = options.shapes ?? [];
  const ascii: LiteralSearch & Partial<AsciiSearch> =
    createAsciiSearch(asciiLiterals, options.ignoreCase, shapes) ?? withShapes(createGeneralSearch(asciiLiterals, options.ignoreCase), shapes);
  if (otherLiterals.length === 0) return ascii;
  const longest = Math.max(...otherLiterals.map(([literal]) => literal.length));
  const other = createGeneralSearch(otherLiterals, options.ignoreCase, aroundNonAscii(longest - 1));
  // Asked right after the ASCII search went through the whole text, which noted any non-ASCII character.
  const needsOther = (text: string) => ascii.sawNonAscii ?? NON_ASCII.test(text);
  return {
    ends(text) {
      const at = ascii.ends(text);
      if (!needsOther(text)) return at;
      const more = other.ends(text);
      return more.length === 0 ? at : mergeSorted(at, more);
    },
    test: (text) => ascii.test(text) || (needsOther(text) && other.test(text)),
    present(text) {
      const found = ascii.present(text);
      if (needsOther(text)) for (const i of other.present(text)) found.add(i);
      return found;
    },
    union(text, valueOf) {
      const union = ascii.union(text, valueOf);
      return needsOther(text) ? union | other.union(text, valueOf) : union;
    },
  };
}
