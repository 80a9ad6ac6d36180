// Evidence kind 'model': product models and part names matched by vendors.yaml `productPatterns`.
// The patterns are anchored and describe a whole value, so a free-text line is first cut into
// candidate tokens (and runs of up to three, for "ATN 910" or "CloudEngine CE12800"); a value in a
// part column is tested whole. A pattern with `collidesWith` (e.g. S-series switches that H3C numbers
// alike) gives lower confidence.
import type { Confidence, Evidence, Field, KnowledgeBase, ProductPattern } from '../model';
import { NO_EVIDENCE, type EvidenceMatcher } from './matcher';
import { compileAnchoredPattern, escapeRegExp } from './patterns';
import { t } from '../l10n';

interface CompiledPattern {
  vendorId: string;
  pattern: ProductPattern;
  regex: RegExp;
  /** Matches anything after a brand word ("SmartAX( .*)?"): in free text, a last resort. */
  catchAll: boolean;
}

/** Longer runs are no model number (URLs, hashes, base64): a cap that keeps the scan linear. */
const MAX_TOKEN = 64;
/** A token starting exactly at lastIndex (sticky), read at most one character past the cap. */
const TOKEN_AT = new RegExp(`[A-Za-z0-9][A-Za-z0-9+/().-]{0,${MAX_TOKEN}}`, 'y');
const MAX_WINDOW = 3;

/** The token starting at `index`, without trailing punctuation ("NE40E," → "NE40E"); its end, or -1. */
function tokenEnd(text: string, index: number): number {
  TOKEN_AT.lastIndex = index;
  const m = TOKEN_AT.exec(text);
  // Candidates also start inside a token (after '/', '.', '('): without the cap each would rescan the rest of it.
  if (!m || m[0].length > MAX_TOKEN) return -1;
  const token = m[0];
  let end = token.length;
  while (end > 1 && '.,:;'.includes(token[end - 1]!)) end--;
  // A ')' only belongs with its '('.
  if (token[end - 1] === ')' && !token.slice(0, end).includes('(')) while (end > 1 && token[end - 1] === ')') end--;
  return index + end;
}

/** Splits `|` at the top level of a regex source (outside groups and classes). */
function topLevelAlternatives(source: string): string[] {
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

function closingParen(source: string, open: number): number {
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
 * The upper-cased characters a match can start with, or undefined when it could start with anything
 * (a class, an escape, a dot). Lets the matcher skip the patterns a token cannot match.
 */
export function leadingCharacters(source: string): Set<string> | undefined {
  const result = new Set<string>();
  let i = source.startsWith('^') ? 1 : 0;
  while (i < source.length) {
    const c = source[i]!;
    let next: number;
    if (c === '(') {
      const close = closingParen(source, i);
      if (close < 0) return undefined;
      const inner = source.slice(i + 1, close).replace(/^\?:/, '');
      for (const alternative of topLevelAlternatives(inner)) {
        const chars = leadingCharacters(alternative);
        if (!chars) return undefined;
        chars.forEach((x) => result.add(x));
      }
      next = close + 1;
    } else if (/[A-Za-z0-9]/.test(c)) {
      result.add(c.toUpperCase());
      next = i + 1;
    } else {
      return undefined;
    }
    const quantifier = source[next];
    if (quantifier !== '?' && quantifier !== '*') return result;
    i = next + 1;
  }
  return undefined;
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

function confidenceOf(p: CompiledPattern, field: Field): Confidence {
  if (field.role === 'comment') return 'low';
  const collides = (p.pattern.collidesWith ?? []).length > 0;
  return collides ? 'low' : 'medium';
}

export function createProductModelMatcher(kb: KnowledgeBase): EvidenceMatcher {
  const byFirst = new Map<string, CompiledPattern[]>();
  const anyFirst: CompiledPattern[] = [];
  const NONE: CompiledPattern[] = [];
  const allPatterns: CompiledPattern[] = [];
  for (const vendor of kb.vendors) {
    for (const pattern of vendor.productPatterns ?? []) {
      const regex = compileAnchoredPattern(pattern.pattern).regex;
      if (!regex) continue;
      const compiled = { vendorId: vendor.id, pattern, regex, catchAll: pattern.pattern.includes('.*') };
      allPatterns.push(compiled);
      const first = leadingCharacters(pattern.pattern);
      if (!first) anyFirst.push(compiled);
      else for (const c of first) byFirst.set(c, [...(byFirst.get(c) ?? []), compiled]);
    }
  }
  // Patterns that can start with each character, those that can start with anything included.
  for (const [c, list] of byFirst) byFirst.set(c, [...list, ...anyFirst]);
  // Where a candidate can start: a word start with a literal prefix some pattern begins with, or, when a
  // pattern has none, any word start whose first character some pattern begins with.
  const prefixes = allPatterns.map((p) => literalPrefixes(p.pattern.pattern));
  const leading = anyFirst.length > 0 ? 'A-Za-z0-9' : [...byFirst.keys()].map((c) => `${c}${c.toLowerCase()}`).join('');
  const startOfCandidate = prefixes.every((p) => p !== undefined)
    ? new RegExp(`(?<![A-Za-z0-9_-])(?:${[...new Set(prefixes.flat() as string[])].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|') || '(?!)'})`, 'gi')
    : new RegExp(`(?<![A-Za-z0-9_-])[${leading || '^\\s\\S'}]`, 'g');
  const candidatesFor = (text: string) => byFirst.get(text[0]!.toUpperCase()) ?? (anyFirst.length > 0 ? anyFirst : NONE);

  function evidence(field: Field, p: CompiledPattern, start: number, end: number): Evidence {
    return {
      kind: 'model',
      vendorId: p.vendorId,
      start: field.offset + start,
      end: field.offset + end,
      matched: field.text.slice(start, end),
      confidence: confidenceOf(p, field),
      detail: t('model of the {0} family', p.pattern.family),
      field,
    };
  }

  return {
    kind: 'model',
    // A candidate starts with one of the literal prefixes, or else with one of the leading characters.
    trigger: prefixes.every((p) => p !== undefined) ? { literals: prefixes.flat() as string[] } : { literals: [], patterns: [`[${leading || '^\\s\\S'}]`] },
    match(field: Field): readonly Evidence[] {
      const trimmed = field.text.trim();
      if (trimmed === '') return NO_EVIDENCE;
      // Whole part / model values (BOM cells) belong to evidence/partNumbers.ts, which weighs the row.
      if (field.role === 'part') return NO_EVIDENCE;
      const found: Evidence[] = [];
      const text = field.text;
      startOfCandidate.lastIndex = 0;
      for (let m = startOfCandidate.exec(text); m; m = startOfCandidate.exec(text)) {
        const start = m.index;
        const patterns = candidatesFor(text[start]!);
        // The shortest span a specific pattern matches ("NE40E", not "NE40E V800R011"); a catch-all
        // brand pattern ("SmartAX …") only when nothing specific matches.
        let best: number | undefined;
        let bestPattern: CompiledPattern | undefined;
        let fallback: number | undefined;
        let fallbackPattern: CompiledPattern | undefined;
        let end = tokenEnd(text, start);
        for (let k = 0; k < MAX_WINDOW && end > start; k++) {
          const candidate = text.slice(start, end);
          const specific = patterns.find((p) => !p.catchAll && p.regex.test(candidate));
          if (specific) {
            best = end;
            bestPattern = specific;
            break;
          }
          if (fallback === undefined) {
            const brand = patterns.find((p) => p.catchAll && p.regex.test(candidate));
            if (brand) [fallback, fallbackPattern] = [end, brand];
          }
          // Words of one model are separated by exactly one space.
          if (text[end] !== ' ' || !/[A-Za-z0-9]/.test(text[end + 1] ?? '')) break;
          end = tokenEnd(text, end + 1);
        }
        if (best === undefined) [best, bestPattern] = [fallback, fallbackPattern];
        if (best !== undefined && bestPattern) {
          found.push(evidence(field, bestPattern, start, best));
          startOfCandidate.lastIndex = best;
        }
      }
      return found;
    },
  };
}
