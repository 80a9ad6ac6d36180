// Reading a regex source for the literal text every match starts with: lets a matcher look only where
// a pattern can begin (evidence/catalogue.ts, evidence/productModels.ts).

/** Splits `|` at the top level of a regex source (outside groups and classes). */
export function topLevelAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

export function closingParen(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Literal strings one of which every match of `source` starts with ('NE40E', or 'CloudEngine' and
 * 'CE128' for '(CloudEngine ?)?CE128…'), or undefined when a match could start with almost anything.
 * Lets the matcher look only where a model can begin instead of at every word.
 */
export function literalPrefixes(source: string): string[] | undefined {
  const prefixes = prefixesOf(source.startsWith('^') ? source.slice(1) : source);
  return prefixes && prefixes.every((p) => p.length >= 2) ? [...new Set(prefixes)] : undefined;
}

const LITERAL = /[A-Za-z0-9 _-]/;

function prefixesOf(source: string): string[] | undefined {
  let literal = '';
  for (let i = 0; i < source.length; ) {
    const c = source[i]!;
    const escaped = c === '\\' && /[-./ ]/.test(source[i + 1] ?? '');
    if (LITERAL.test(c) || escaped) {
      const width = escaped ? 2 : 1;
      // An optional or repeated character ends the part every match shares.
      const next = source[i + width];
      if (next !== undefined && '?*{'.includes(next)) return [literal];
      literal += escaped ? source[i + 1] : c;
      i += width;
      if (source[i] === '+') return [literal];
      continue;
    }
    if (c !== '(') return [literal];
    const close = closingParen(source, i);
    if (close < 0) return undefined;
    const alternatives = topLevelAlternatives(source.slice(i + 1, close).replace(/^\?:/, '')).map(prefixesOf);
    if (alternatives.some((a) => a === undefined)) return undefined;
    const inGroup = alternatives.flat().map((p) => literal + p!);
    const quantifier = source[close + 1];
    if (quantifier !== '?' && quantifier !== '*') return inGroup;
    // An optional group: a match starts either with it or with what follows it.
    const after = prefixesOf(source.slice(close + 2));
    return after ? [...inGroup, ...after.map((p) => literal + p)] : undefined;
  }
  return [literal];
}
