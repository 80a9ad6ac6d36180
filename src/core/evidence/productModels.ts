// Evidence kind 'model' (and 'oem-relabel') in free text: product models named by the product catalogue
// (evidence/catalogue.ts: model families, listed models, relabel model schemes). The patterns are anchored
// and describe a whole value, so a line is cut into candidate tokens (and runs of up to three, for "ATN 910"
// or "CloudEngine CE12800") where a catalogue prefix starts; a value in a part column is read whole by
// partNumbers.ts. A shape other makers share needs a BOM row around it and gives low confidence.
import type { Evidence, Field, KnowledgeBase } from '../model';
import { NO_EVIDENCE, type EvidenceMatcher } from './matcher';
import { catalogueEvidence, catalogueIndex, weigh } from './catalogue';

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

export function createProductModelMatcher(kb: KnowledgeBase): EvidenceMatcher {
  const index = catalogueIndex(kb);
  return {
    kind: 'model',
    // Every model evidence starts with one of the catalogue's literal prefixes (or listed models' first characters).
    trigger: index.literals ? { literals: index.literals } : undefined,
    match(field: Field): readonly Evidence[] {
      // Whole part / model values (BOM cells) belong to evidence/partNumbers.ts, which weighs the row.
      if (field.role === 'part' || field.text.trim() === '') return NO_EVIDENCE;
      const found: Evidence[] = [];
      for (const hit of index.scan(field.text)) {
        const weighed = weigh(kb, index, hit.identification, field);
        if (!weighed) continue;
        found.push(catalogueEvidence(field, hit, weighed));
      }
      return found.length > 0 ? found : NO_EVIDENCE;
    },
  };
}
