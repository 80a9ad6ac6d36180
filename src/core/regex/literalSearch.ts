// Finds where any of many literals occurs in a text in one pass of table lookups per character (an
// Aho–Corasick automaton). A regex alternation of the same literals costs a try of every branch at every
// position; with the case-insensitive flag and a hundred literals that is ten times slower.
//
// Case-insensitive search compares characters exactly as a regex with the `i` flag and without `u` does
// (each UTF-16 unit by its single-character upper case, never a non-ASCII character onto an ASCII one),
// so it finds every place where such a regex of the literals would match.

/** The key a character is compared by: itself, or its case-insensitive canonical form. */
function canonical(code: number): number {
  if (code < 128) return code >= 97 && code <= 122 ? code - 32 : code;
  const upper = String.fromCharCode(code).toUpperCase();
  if (upper.length !== 1) return code;
  const result = upper.charCodeAt(0);
  return result < 128 ? code : result;
}

export interface LiteralSearch {
  /**
   * Calls `found` with the offset of the last character of each occurrence until it returns true: in
   * increasing order for the ASCII literals, then for the others.
   */
  scan(text: string, found: (lastCharacter: number, literal: number) => boolean | void): void;
  /** Whether any of the literals occurs in the text. */
  test(text: string): boolean;
  /** Indexes into the literals given, of those occurring in the text. */
  present(text: string): Set<number>;
}

function createAutomaton(literals: readonly string[], ignoreCase: boolean): LiteralSearch {
  const key = ignoreCase ? canonical : (c: number) => c;
  // Symbols: 0 for any character no literal has, then one per distinct key.
  const symbolOfKey = new Map<number, number>();
  const symbolOf = (code: number) => symbolOfKey.get(key(code)) ?? 0;
  for (const literal of literals) {
    for (let i = 0; i < literal.length; i++) {
      const k = key(literal.charCodeAt(i));
      if (!symbolOfKey.has(k)) symbolOfKey.set(k, symbolOfKey.size + 1);
    }
  }
  const width = symbolOfKey.size + 1;

  // The trie, then failure links breadth first, folded into a complete transition table.
  const children: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  literals.forEach((literal, index) => {
    if (literal === '') return;
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
  });
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
    outputs[state]!.push(...outputs[fail[state]!]!);
    for (let symbol = 0; symbol < width; symbol++) {
      const child = children[state]!.get(symbol);
      if (child === undefined) delta[state * width + symbol] = delta[fail[state]! * width + symbol]!;
      else {
        fail[child] = delta[fail[state]! * width + symbol]!;
        delta[state * width + symbol] = child;
        queue.push(child);
      }
    }
  }
  // The loop's table: entries are the next state's row offset (state × width), negated (minus one) when
  // that state completes a literal, so each character costs two lookups and one comparison.
  const table = new Int32Array(states * width);
  for (let i = 0; i < table.length; i++) {
    const next = delta[i]!;
    table[i] = outputs[next]!.length > 0 ? -(next * width) - 1 : next * width;
  }
  const ascii = new Int32Array(128);
  for (let c = 0; c < 128; c++) ascii[c] = symbolOf(c);
  const others = new Map<number, number>();
  const symbolOfOther = (c: number) => {
    let s = others.get(c);
    if (s === undefined) others.set(c, (s = symbolOf(c)));
    return s;
  };

  // Three loops, not one loop with a callback: each is called with one kind of string (whole documents,
  // or fields and samples sliced from them) and stays specialised by the JIT; a shared one ran 2–3× slower.
  return {
    scan(text, found) {
      const t = table;
      const symbols = ascii;
      let row = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        row = t[row + (c < 128 ? symbols[c]! : symbolOfOther(c))]!;
        if (row >= 0) continue;
        row = -row - 1;
        for (const literal of outputs[row / width]!) if (found(i, literal) === true) return;
      }
    },
    test(text) {
      const t = table;
      const symbols = ascii;
      let row = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        row = t[row + (c < 128 ? symbols[c]! : symbolOfOther(c))]!;
        if (row < 0) return true;
      }
      return false;
    },
    present(text) {
      const t = table;
      const symbols = ascii;
      const seen = new Set<number>();
      // Each accepting state's literals are taken once: single characters ('#', '!') occur on most lines.
      const taken = new Uint8Array(states);
      let row = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        row = t[row + (c < 128 ? symbols[c]! : symbolOfOther(c))]!;
        if (row >= 0) continue;
        row = -row - 1;
        const state = row / width;
        if (taken[state] === 1) continue;
        taken[state] = 1;
        for (const literal of outputs[state]!) seen.add(literal);
      }
      return seen;
    },
  };
}

/** State numbers that fit the ASCII automaton's 16-bit table, the top bit marking a completed literal. */
const MAX_ASCII_STATES = 0x8000;
const ACCEPT = 0x8000;

/**
 * The automaton for ASCII literals: its table is indexed by state × 128 + character directly, with no
 * symbol lookup, in 16 bits; a non-ASCII character starts over (no ASCII literal contains one). This
 * loop is what every line of every scanned file goes through, so it is kept to one lookup per character.
 */
/** An ASCII automaton also tells whether the text it last went through (to its end) held a non-ASCII character. */
interface AsciiSearch extends LiteralSearch {
  sawNonAscii: boolean;
}

function createAsciiAutomaton(literals: readonly string[], ignoreCase: boolean): AsciiSearch | undefined {
  const fold = (c: number) => (ignoreCase && c >= 97 && c <= 122 ? c - 32 : c);
  const children: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  literals.forEach((literal, index) => {
    if (literal === '') return;
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const c = fold(literal.charCodeAt(i));
      let next = children[state]!.get(c);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        outputs.push([]);
        children[state]!.set(c, next);
      }
      state = next;
    }
    outputs[state]!.push(index);
  });
  const states = children.length;
  if (states >= MAX_ASCII_STATES) return undefined;
  const delta = new Int32Array(states * 128);
  const fail = new Int32Array(states);
  const queue: number[] = [];
  for (const [c, child] of children[0]!) {
    delta[c] = child;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    outputs[state]!.push(...outputs[fail[state]!]!);
    for (let c = 0; c < 128; c++) {
      const child = children[state]!.get(c);
      if (child === undefined) delta[state * 128 + c] = delta[fail[state]! * 128 + c]!;
      else {
        fail[child] = delta[fail[state]! * 128 + c]!;
        delta[state * 128 + c] = child;
        queue.push(child);
      }
    }
  }
  const table = new Uint16Array(states * 128);
  for (let state = 0; state < states; state++) {
    for (let c = 0; c < 128; c++) {
      const next = delta[state * 128 + fold(c)]!;
      table[state * 128 + c] = next | (outputs[next]!.length > 0 ? ACCEPT : 0);
    }
  }
  // Three loops, not one loop with a callback: each sees one kind of string (whole documents, or fields
  // and samples sliced from them) and stays specialised by the JIT; a shared one ran 2–3× slower.
  const search: AsciiSearch = {
    sawNonAscii: false,
    scan(text, found) {
      const t = table;
      let state = 0;
      let nonAscii = false;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        let entry = 0;
        if (c < 128) entry = t[(state << 7) | c]!;
        else nonAscii = true;
        state = entry & 0x7fff;
        if (entry < ACCEPT) continue;
        for (const literal of outputs[state]!) if (found(i, literal) === true) return;
      }
      search.sawNonAscii = nonAscii;
    },
    test(text) {
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
      const t = table;
      const seen = new Set<number>();
      // Each accepting state's literals are taken once: single characters ('#', '!') occur on most lines.
      const taken = new Uint8Array(states);
      let state = 0;
      let nonAscii = false;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        let entry = 0;
        if (c < 128) entry = t[(state << 7) | c]!;
        else nonAscii = true;
        state = entry & 0x7fff;
        if (entry < ACCEPT || taken[state] === 1) continue;
        taken[state] = 1;
        for (const literal of outputs[state]!) seen.add(literal);
      }
      search.sawNonAscii = nonAscii;
      return seen;
    },
  };
  return search;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Literals in ASCII and the others (names in Chinese or Cyrillic, the characters only Unicode folds onto
 * ASCII letters) get an automaton each: the ASCII one has a small table that stays in the fastest cache,
 * and the other only runs over texts holding a non-ASCII character, which most configs do not.
 */
export function createLiteralSearch(literals: readonly string[], options: { ignoreCase: boolean }): LiteralSearch {
  const asciiIndexes: number[] = [];
  const otherIndexes: number[] = [];
  literals.forEach((literal, i) => (NON_ASCII.test(literal) ? otherIndexes : asciiIndexes).push(i));
  const asciiLiterals = asciiIndexes.map((i) => literals[i]!);
  const ascii = createAsciiAutomaton(asciiLiterals, options.ignoreCase) ?? createAutomaton(asciiLiterals, options.ignoreCase);
  const other = otherIndexes.length > 0 ? createAutomaton(otherIndexes.map((i) => literals[i]!), options.ignoreCase) : undefined;
  // Asked right after the ASCII automaton went through the whole text: it noted any non-ASCII character.
  const needsOther = (text: string) => other !== undefined && ((ascii as Partial<AsciiSearch>).sawNonAscii ?? NON_ASCII.test(text));
  return {
    scan(text, found) {
      let stopped = false;
      ascii.scan(text, (at, literal) => (stopped = found(at, asciiIndexes[literal]!) === true));
      if (!stopped && needsOther(text)) other!.scan(text, (at, literal) => found(at, otherIndexes[literal]!));
    },
    test: (text) => ascii.test(text) || (needsOther(text) && other!.test(text)),
    present(text) {
      const found = new Set([...ascii.present(text)].map((i) => asciiIndexes[i]!));
      if (needsOther(text)) for (const i of other!.present(text)) found.add(otherIndexes[i]!);
      return found;
    },
  };
}
