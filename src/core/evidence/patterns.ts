// Regular-expression helpers shared by the evidence matchers.
import { backtrackingRisk } from './regexSafety';
import type { Trigger } from './matcher';

/** Letters, digits and underscore in any script: a name must not continue into one of these. */
export const WORD_CHAR = '[\\p{L}\\p{N}_]';
const BEFORE = `(?<!${WORD_CHAR})`;
const AFTER = `(?!${WORD_CHAR})`;

export function escapeRegExp(text: string): string {
  // Only syntax characters: in unicode mode escaping anything else ('-', '/') is an error.
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Scripts written without spaces between words: word boundaries mean nothing there. */
export function isUnspacedScript(text: string): boolean {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);
}

/**
 * A regex source matching `name` as written in real files: a space may be any whitespace run, and
 * after punctuation inside a legal name it is optional ("Co.,Ltd" / "Co., Ltd"); a final period too.
 */
export function flexibleNameSource(name: string): string {
  const words = name.trim().split(/\s+/);
  let source = '';
  words.forEach((word, i) => {
    if (i > 0) source += /[.,]$/.test(words[i - 1]!) ? '\\s*' : '\\s+';
    source += escapeRegExp(word).replace(/(\\\.|,)(?=.)/g, '$1\\s*');
  });
  return source.replace(/\\\.$/, '\\.?');
}

/** The only characters that Unicode case folding (`iu`) maps onto ASCII letters and `i` alone does not. */
export const UNICODE_ONLY_FOLDS: readonly string[] = ['\u017f', '\u212a', '\u212b'];

const MAX_PIECES_COMPARED = 500;

/**
 * A trigger (see EvidenceMatcher) for phrases matched with flexibleNameSource under `iu`: every match
 * contains each piece of its phrase between spaces, dots and commas literally, case aside, so one piece
 * per phrase will do (the first, or the longest when the first is short, as "AO" in "AO Kaspersky
 * Lab"), plus the characters only Unicode case folding maps onto ASCII letters. Undefined when a phrase
 * has no such piece.
 */
export function phraseTrigger(phrases: readonly string[]): Trigger | undefined {
  const pieces = new Set<string>();
  for (const phrase of phrases) {
    if (phrase.trim() === '') continue; // matched by nothing (see the matchers)
    const parts = phrase.trim().split(/[\s.,]+/).filter((p) => p !== '');
    // Only dots and commas (a policy file's mistake): no piece to search for, so no trigger at all.
    if (parts.length === 0) return undefined;
    pieces.add(parts[0]!.length >= 4 ? parts[0]! : parts.reduce((a, b) => (b.length > a.length ? b : a)));
  }
  // A piece containing another is implied by it (ASCII case aside: other scripts' folds are left to the regex).
  // That test compares every pair: past a few hundred pieces (a large policy) it is left out, as an implied
  // piece only costs the search one more literal.
  if (pieces.size > MAX_PIECES_COMPARED) return { literals: [...pieces, ...UNICODE_ONLY_FOLDS] };
  const folded = (p: string) => (/^[\x20-\x7e]*$/.test(p) ? p.toLowerCase() : p);
  const needed = [...pieces].filter((p) => ![...pieces].some((other) => folded(other) !== folded(p) && folded(p).includes(folded(other))));
  return { literals: [...needed, ...UNICODE_ONLY_FOLDS] };
}

/** Wraps an alternation in word boundaries unless the name is in an unspaced script. */
export function boundedSource(alternatives: string[], unspaced: boolean): string {
  const body = `(?:${alternatives.join('|')})`;
  return unspaced ? body : `${BEFORE}${body}${AFTER}`;
}

/** Compiles a knowledge-base product pattern: it must be anchored, and is matched case-insensitively. */
export function compileAnchoredPattern(pattern: string): { regex?: RegExp; error?: string } {
  // The knowledge base checks each pattern when it loads and the catalogue index compiles it again: once is enough.
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    compiled = compile(pattern);
    if (compiledPatterns.size < MAX_COMPILED_PATTERNS) compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}

const compiledPatterns = new Map<string, { regex?: RegExp; error?: string }>();
/** A policy file can bring its own patterns: the memo stays bounded whatever it holds. */
const MAX_COMPILED_PATTERNS = 10_000;

/** The bundled patterns that passed the backtracking check, as JSON inlined by the build (scripts/lib/checked-patterns.mjs). */
declare const VENDORLENS_CHECKED_PATTERNS: string | undefined;
let checkedAtBuild: ReadonlySet<string> | undefined;

function passedAtBuild(pattern: string): boolean {
  if (typeof VENDORLENS_CHECKED_PATTERNS !== 'string') return false;
  checkedAtBuild ??= new Set(JSON.parse(VENDORLENS_CHECKED_PATTERNS) as string[]);
  return checkedAtBuild.has(pattern);
}

function compile(pattern: string): { regex?: RegExp; error?: string } {
  if (!pattern.startsWith('^')) return { error: `pattern '${pattern}' must be anchored with ^` };
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'iu');
  } catch (e) {
    return { error: `pattern '${pattern}' is not a valid regular expression: ${(e as Error).message}` };
  }
  // Patterns run on every token of every line: one that can backtrack catastrophically is never used.
  const risk = passedAtBuild(pattern) ? undefined : backtrackingRisk(pattern, 'iu');
  if (risk) return { error: `pattern '${pattern}' is refused because it could take exponential or polynomial time on a crafted value: ${risk}` };
  return { regex };
}
